"""Stage `outputs`: what people receive, written from the published warehouse only, so a run that
fails before publishing leaves out/ as it was: Parquet copies of every table, the workbooks, the
CRM import and the run summary. On a night with nothing new, files out/ still holds untouched from
the same inputs are not written again (pipelines/stages/night.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TypeVar

from pipelines.stages.context import RunContext
from pipelines.stages.night import PARQUET_MANIFEST, WORKBOOKS_MANIFEST, kept_outputs, record_outputs
from pipelines.stages.review import REVIEW_WORKBOOK
from reports.frames import load_report_data
from reports.outputs import ReportFiles, write_report_files
from reports.registration_workbook import REGISTRATION_WORKBOOK, read_registration, write_registration_workbook
from reports.review_workbook import review_frame, write_review_workbook
from reports.summary import read_summary
from reports.write_pool import WriteJob
from warehouse.exports import export_parquet
from warehouse.sql_runner import count_rows, table_names

K = TypeVar("K", "ParquetFiles", "WorkbookFiles")


def export_tables(run: RunContext) -> dict[str, Path]:
    """out/parquet/<table>.parquet for every analyst-facing table of the live warehouse."""
    with run.live() as con:
        return export_parquet(con, run.out_dir)


def write_outputs(run: RunContext, others: Sequence[WriteJob] = ()) -> ReportFiles:
    """out/renewal_opportunities.xlsx, out/workbooks/*.xlsx, out/crm_import.csv, out/run_summary.md;
    `others` are written by the same workers as the books."""
    valuation = run.config.valuation
    with run.live() as con:
        data = load_report_data(con, run.as_of, valuation.currency)
        summary = read_summary(con)
    return write_report_files(data, summary, valuation, run.out_dir, run.config.reports, others)


def review_queue_job(run: RunContext) -> tuple[WriteJob | None, int, int]:
    """out/match_review.xlsx from the published match_review (its marks were read at this run's start:
    its first `reports.review_rows` pairs by rank), the pairs it lists and the pairs queued; (None, 0, 0)
    for a warehouse without customers resolved."""
    with run.live() as con:
        if "match_review" not in table_names(con):
            return None, 0, 0
        frame = review_frame(con, run.config.reports.review_rows)
        queued = count_rows(con, "match_review")
    args = (run.out_dir / REVIEW_WORKBOOK, frame, run.config.valuation.currency, run.as_of, queued)
    return WriteJob(write_review_workbook, args, len(frame)), len(frame), queued


def registration_audit_job(run: RunContext) -> WriteJob | None:
    """out/channel/registration_issues.xlsx from the published warehouse (None before the audit existed)."""
    with run.live() as con:
        frames = read_registration(con)
    if frames is None:
        return None
    args = (run.out_dir / REGISTRATION_WORKBOOK, frames, run.config.valuation.currency, run.as_of)
    return WriteJob(write_registration_workbook, args, sum(len(f) for f in frames.values()))


@dataclass(frozen=True)
class ParquetFiles:
    """What the Parquet export wrote (or kept: `reused`)."""

    tables: int
    path: str
    reused: bool = False


@dataclass(frozen=True)
class WorkbookFiles:
    """What the workbooks stage wrote (or kept: `reused`); a path is None for a file not written."""

    overall: str
    rep_workbooks: int
    reseller_workbooks: int
    vendor_direct: str | None
    crm_import: str
    run_summary: str
    match_review: str | None
    registration_audit: str | None
    review_pairs: int  # listed in match_review.xlsx
    review_queued: int  # in the match_review table: more than listed past reports.review_rows
    reused: bool = False


def _kept(run: RunContext, manifest: str, kind: type[K]) -> K | None:
    """The last night's outputs when this night may keep them (a manifest of an older shape: no)."""
    meta = kept_outputs(run, manifest)
    if meta is None:
        return None
    try:
        return kind(**{**meta, "reused": True})
    except TypeError:
        return None


def export_parquet_files(run: RunContext) -> ParquetFiles:
    """The Parquet export, or the last night's when nothing changed and out/parquet is untouched."""
    kept = _kept(run, PARQUET_MANIFEST, ParquetFiles)
    if kept is not None:
        return kept
    written = export_tables(run)
    done = ParquetFiles(tables=len(written), path=str(run.out_dir / "parquet"))
    record_outputs(run, PARQUET_MANIFEST, written.values(), _meta(done))
    return done


def write_workbook_files(run: RunContext) -> WorkbookFiles:
    """Every workbook, the CRM import, the run summary, the review queue and the registration audit,
    or the last night's when nothing changed and out/ holds them untouched."""
    kept = _kept(run, WORKBOOKS_MANIFEST, WorkbookFiles)
    if kept is not None:
        return kept
    review_job, pairs, queued = review_queue_job(run)
    registration_job = registration_audit_job(run)
    files = write_outputs(run, [job for job in (review_job, registration_job) if job is not None])
    review, registration = (job.path if job else None for job in (review_job, registration_job))
    done = WorkbookFiles(
        overall=str(files.overall), rep_workbooks=len(files.rep_workbooks),
        reseller_workbooks=len(files.reseller_workbooks),
        vendor_direct=str(files.direct_workbook) if files.direct_workbook else None,
        crm_import=str(files.crm_csv), run_summary=str(files.run_summary),
        match_review=str(review) if review else None,
        registration_audit=str(registration) if registration else None, review_pairs=pairs,
        review_queued=queued,
    )
    written = [files.overall, files.crm_csv, files.run_summary, *files.rep_workbooks.values(),
               *files.reseller_workbooks.values(), *(p for p in (files.direct_workbook, review, registration) if p)]
    record_outputs(run, WORKBOOKS_MANIFEST, written, _meta(done))
    return done


def _meta(done: ParquetFiles | WorkbookFiles) -> dict[str, object]:
    return {k: v for k, v in asdict(done).items() if k != "reused"}
