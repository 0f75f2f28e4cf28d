"""Stage `outputs`: what people receive, written from the published warehouse only, so a run that
fails before publishing leaves out/ as it was: Parquet copies of every table, the workbooks, the
CRM import and the run summary."""

from __future__ import annotations

from pathlib import Path

from pipelines.stages.context import RunContext
from pipelines.stages.review import REVIEW_WORKBOOK
from reports.frames import load_report_data
from reports.outputs import ReportFiles, write_report_files
from reports.registration_workbook import REGISTRATION_WORKBOOK, read_registration, write_registration_workbook
from reports.review_workbook import review_frame, write_review_workbook
from reports.summary import read_summary
from warehouse.exports import export_parquet
from warehouse.sql_runner import table_names


def export_tables(run: RunContext) -> dict[str, Path]:
    """out/parquet/<table>.parquet for every analyst-facing table of the live warehouse."""
    with run.live() as con:
        return export_parquet(con, run.out_dir)


def write_outputs(run: RunContext) -> ReportFiles:
    """out/renewal_opportunities.xlsx, out/workbooks/*.xlsx, out/crm_import.csv, out/run_summary.md."""
    valuation = run.config.valuation
    with run.live() as con:
        data = load_report_data(con, run.as_of, valuation.currency)
        summary = read_summary(con)
    return write_report_files(data, summary, valuation, run.out_dir, run.config.reports)


def write_review_queue(run: RunContext) -> tuple[Path | None, int]:
    """out/match_review.xlsx from the published match_review (its marks were read at this run's start);
    (None, 0) for a warehouse without customers resolved."""
    with run.live() as con:
        if "match_review" not in table_names(con):
            return None, 0
        frame = review_frame(con)
    path = write_review_workbook(run.out_dir / REVIEW_WORKBOOK, frame, run.config.valuation.currency, run.as_of)
    return path, len(frame)


def write_registration_audit(run: RunContext) -> Path | None:
    """out/channel/registration_issues.xlsx from the published warehouse (None before the audit existed)."""
    with run.live() as con:
        frames = read_registration(con)
    if frames is None:
        return None
    return write_registration_workbook(run.out_dir / REGISTRATION_WORKBOOK, frames, run.config.valuation.currency,
                                       run.as_of)
