"""Write every file sales ops receive into out/, all or nothing.

out/renewal_opportunities.xlsx   the whole book
out/workbooks/rep_<slug>.xlsx    one per rep (rep_unassigned.xlsx for opportunities nobody owns)
out/workbooks/reseller_<slug>.xlsx  one per reseller (without the vendor's internal fields unless
                                    reports.partner_internal_fields), with its Scorecard sheet
out/crm_import.csv               for the CRM's opportunity import
out/run_summary.md               value by window, by month, by rep, by reseller; missed renewals

Everything is written into a staging directory inside out/ first and moved into place at the
end, so a failure leaves the previous run's files; out/workbooks/ is replaced as a whole, so a
rep who no longer has opportunities does not keep a stale workbook. A book whose inputs are
those of last night's file, still untouched in out/, is carried over rather than written again
(reports.book_reuse; the ledger out/.radar_book_inputs.json).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from reports.book_reuse import LEDGER, BookLedger, WholeBook, file_digest, inputs_digest
from reports.books import ALL, DIRECT, Book, StoredBook, books, stored_book
from reports.crm_export import crm_import_frame, write_crm_csv
from reports.frames import ReportData
from reports.settings import ReportSettings
from reports.summary import for_scope, for_scopes, render_markdown
from reports.valuation import ValuationSettings
from reports.workbooks import write_workbook
from reports.write_pool import WriteJob, in_workers, write_files

OVERALL_WORKBOOK = "renewal_opportunities.xlsx"
WORKBOOK_DIR = "workbooks"
CRM_CSV = "crm_import.csv"
RUN_SUMMARY = "run_summary.md"


@dataclass
class ReportFiles:
    """What was written (final paths)."""

    overall: Path
    crm_csv: Path
    run_summary: Path
    rep_workbooks: dict[str, Path] = field(default_factory=dict)       # rep (or "unassigned") -> path
    reseller_workbooks: dict[str, Path] = field(default_factory=dict)  # reseller_id -> path
    direct_workbook: Path | None = None  # the vendor's direct list (none when it is empty)


def scorecard_of(scorecards: pd.DataFrame, reseller_id: str) -> pd.Series | None:
    """A reseller's reseller_scorecards row (None when it has none)."""
    rows = scorecards[scorecards["reseller_id"] == reseller_id]
    return rows.iloc[0] if len(rows) else None


def book_parts(data: ReportData) -> list[Book]:
    """The parts of the book that get a workbook (reports.books), with this module's file names."""
    return books(data, OVERALL_WORKBOOK, WORKBOOK_DIR)


@dataclass(frozen=True)
class _BookJob:
    """One workbook to write (what write_workbook takes), its part of the book not yet taken."""

    path: Path
    book: Book
    settings: ValuationSettings
    summary: pd.DataFrame
    internal: bool
    scorecard: pd.Series | None

    def write_job(self, stored: StoredBook | None = None) -> WriteJob:
        """The job for reports.write_pool: its rows are those of every list the book shows; the part's
        frames are taken when it is written, so the parent holds at most the parts on their way to a
        worker, or (the whole book `stored`) by the worker that writes it."""
        book = self.book
        return WriteJob(write_workbook, (self.path, book.part_of(stored), self.settings, book.title),
                        book.list_rows(), {
            "breakdowns": tuple(book.breakdowns), "drop_field": book.drop_field, "summary": self.summary,
            "internal": self.internal, "scorecard": self.scorecard})


def _job_digest(job: _BookJob, relpath: str, whole: WholeBook) -> str | None:
    book = job.book
    return inputs_digest(relpath, *whole.frames(book.rows, book.part), job.settings, book.title,
                         tuple(book.breakdowns), book.drop_field, job.summary, job.internal, job.scorecard)


def _other_digest(job: WriteJob, relpath: str) -> str | None:
    """The inputs of a file written beside the books (its writer, and its arguments after the path)."""
    return inputs_digest(relpath, job.write.__module__, job.write.__qualname__, job.args[1:], dict(job.kwargs))


def _digests(jobs: list[_BookJob], relpaths: list[str], data: ReportData) -> list[str | None]:
    """Each book's inputs digest, from the whole book made Arrow once; those tables go when this returns,
    before any book is written (at 1M, 102 MiB)."""
    whole = WholeBook(data)
    return [_job_digest(job, rel, whole) for job, rel in zip(jobs, relpaths, strict=True)]


def _write_or_carry(jobs: list[_BookJob], data: ReportData, stage: Path, out_dir: Path,
                    others: Sequence[WriteJob]) -> list[Path]:
    """Write the books whose inputs changed, with `others` in the same workers; carry the other
    books over from out/ (reports.book_reuse), and leave alone each of `others` (written in place in
    out/) that out/ holds untouched from the same inputs. Leaves the new ledger in the staging directory."""
    last = BookLedger.load(out_dir)
    ledger = BookLedger({})
    relpaths = [job.path.relative_to(stage).as_posix() for job in jobs]
    digests = _digests(jobs, relpaths, data)
    todo = [job for job, rel, digest in zip(jobs, relpaths, digests, strict=True)
            if not last.carry_over(out_dir, stage, rel, digest)]
    placed = {job.path.relative_to(out_dir).as_posix(): job for job in others if job.path.is_relative_to(out_dir)}
    other_digests = {rel: _other_digest(job, rel) for rel, job in placed.items()}
    kept = {placed[rel].path for rel, digest in other_digests.items() if last.holds(out_dir, rel, digest)}
    rest = [job for job in others if job.path not in kept]
    if in_workers([*(job.write_job() for job in todo), *rest]):
        with stored_book(data, stage) as stored:
            write_files([*(job.write_job(stored) for job in todo), *rest])
    else:
        write_files([*(job.write_job() for job in todo), *rest])
    for rel, digest in zip(relpaths, digests, strict=True):
        if digest is not None:
            ledger.books[rel] = (digest, file_digest(stage / rel))
    for rel, digest in other_digests.items():
        if digest is not None:
            ledger.books[rel] = (digest, file_digest(out_dir / rel))
    ledger.save(stage / LEDGER)
    return [job.path for job in jobs]


def _write_all(stage: Path, data: ReportData, summary: pd.DataFrame, settings: ValuationSettings,
               reports: ReportSettings, out_dir: Path, others: Sequence[WriteJob]) -> ReportFiles:
    files = ReportFiles(overall=stage / OVERALL_WORKBOOK, crm_csv=stage / CRM_CSV, run_summary=stage / RUN_SUMMARY)
    (stage / WORKBOOK_DIR).mkdir()
    # plain-object text: each workbook filters its scope's rows and sections several times
    summary = summary.astype({c: object for c in summary.columns if pd.api.types.is_string_dtype(summary[c].dtype)})
    parts = [(book, *book.scope.partition(":")[::2]) for book in book_parts(data)]  # (book, kind, key)
    scoped = for_scopes(summary, [book.scope for book, _, _ in parts])
    jobs = [_BookJob(stage / book.file, book, settings, rows_of_scope,
                     internal=kind != "reseller" or reports.partner_internal_fields,
                     scorecard=scorecard_of(data.scorecards, key) if kind == "reseller" else None)
            for (book, kind, key), rows_of_scope in zip(parts, scoped, strict=True)]
    for (book, kind, key), path in zip(parts, _write_or_carry(jobs, data, stage, out_dir, others),
                                       strict=True):
        if kind == "rep":
            files.rep_workbooks[key] = path
        elif kind == "reseller":
            files.reseller_workbooks[key] = path
        elif book.scope == DIRECT:
            files.direct_workbook = path
    write_crm_csv(crm_import_frame(data.opportunities, settings, data.as_of), files.crm_csv)
    files.run_summary.write_text(render_markdown(data, for_scope(summary, ALL), settings), encoding="utf-8")
    return files


def _moved(files: ReportFiles, stage: Path, out_dir: Path) -> ReportFiles:
    def final(p: Path) -> Path:
        return out_dir / p.relative_to(stage)
    return ReportFiles(
        overall=final(files.overall), crm_csv=final(files.crm_csv), run_summary=final(files.run_summary),
        rep_workbooks={k: final(p) for k, p in files.rep_workbooks.items()},
        reseller_workbooks={k: final(p) for k, p in files.reseller_workbooks.items()},
        direct_workbook=final(files.direct_workbook) if files.direct_workbook else None,
    )


def write_report_files(
    data: ReportData, summary: pd.DataFrame, settings: ValuationSettings, out_dir: Path,
    reports: ReportSettings | None = None, others: Sequence[WriteJob] = (),
) -> ReportFiles:
    """Write every output into a staging directory, then move each into out/ (see module doc).

    `summary` is the published renewal_summary (every scope), the figures every file shows;
    `reports` (sources.yaml `reports:`) says what a reseller's workbook may show; `others` are
    more files to write beside the books, in the same workers (each job writes its own path).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".reports-staging-", dir=out_dir))
    try:
        files = _write_all(stage, data, summary, settings, reports or ReportSettings(), out_dir, others)
        old_books = stage / "previous-workbooks"
        if (out_dir / WORKBOOK_DIR).exists():
            os.replace(out_dir / WORKBOOK_DIR, old_books)
        os.replace(stage / WORKBOOK_DIR, out_dir / WORKBOOK_DIR)
        for name in (OVERALL_WORKBOOK, CRM_CSV, RUN_SUMMARY, LEDGER):  # the ledger last: it vouches for the rest
            os.replace(stage / name, out_dir / name)
        return _moved(files, stage, out_dir)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
