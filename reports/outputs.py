"""Write every file sales ops receive into out/, all or nothing.

out/renewal_opportunities.xlsx   the whole book
out/workbooks/rep_<slug>.xlsx    one per rep (rep_unassigned.xlsx for opportunities nobody owns)
out/workbooks/reseller_<slug>.xlsx  one per reseller
out/crm_import.csv               for the CRM's opportunity import
out/run_summary.md               value by window, by month, by rep, by reseller; missed renewals

Everything is written into a staging directory inside out/ first and moved into place at the
end, so a failure leaves the previous run's files; out/workbooks/ is replaced as a whole, so a
rep who no longer has opportunities does not keep a stale workbook.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from reports.crm_export import crm_import_frame, write_crm_csv
from reports.frames import ReportData
from reports.summary import render_markdown, summarise
from reports.valuation import ValuationSettings
from reports.workbooks import write_workbook

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


def slug(text: str, max_length: int = 60) -> str:
    """A file-name-safe ASCII slug: "Müller & Söhne GmbH" -> "muller_sohne_gmbh"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:max_length].strip("_")
    return out or "unnamed"


def _unique_slugs(keys: list[str], names: list[str]) -> dict[str, str]:
    """key -> slug of its name; names that slug alike get the key appended."""
    slugs = {k: slug(n) for k, n in zip(keys, names, strict=True)}
    counts = pd.Series(list(slugs.values())).value_counts()
    return {k: (s if counts[s] == 1 else f"{s}_{slug(k)}") for k, s in slugs.items()}


def _books(data: ReportData) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(rep, slug) and (reseller_id, slug) for every rep and reseller with anything to show."""
    frames = [data.opportunities, data.forecast, data.missed]
    reps = sorted({r for f in frames for r in f["rep"].dropna().unique()})
    rep_slugs = _unique_slugs(reps, reps)
    pairs = pd.concat([f[["reseller_id", "reseller_name"]] for f in frames]).dropna(subset=["reseller_id"])
    pairs = pairs.drop_duplicates("reseller_id").sort_values("reseller_id")
    names = pairs["reseller_name"].fillna(pairs["reseller_id"]).tolist()
    reseller_slugs = _unique_slugs(pairs["reseller_id"].tolist(), names)
    return [(r, rep_slugs[r]) for r in reps], [(k, reseller_slugs[k]) for k in pairs["reseller_id"]]


def _write_all(stage: Path, data: ReportData, settings: ValuationSettings) -> ReportFiles:
    write_workbook(stage / OVERALL_WORKBOOK, data, settings, "all reps and resellers")
    files = ReportFiles(overall=stage / OVERALL_WORKBOOK, crm_csv=stage / CRM_CSV, run_summary=stage / RUN_SUMMARY)
    books = stage / WORKBOOK_DIR
    books.mkdir()
    reps, resellers = _books(data)
    for rep, s in reps:
        files.rep_workbooks[rep] = write_workbook(
            books / f"rep_{s}.xlsx", data.where(rep=rep), settings, rep, breakdowns=("reseller",), drop_field="rep")
    if data.opportunities["rep"].isna().any():
        files.rep_workbooks["unassigned"] = write_workbook(
            books / "rep_unassigned.xlsx", data.where(unassigned=True), settings, "opportunities without a rep",
            breakdowns=("reseller",), drop_field="rep")
    names = dict(zip(data.opportunities["reseller_id"], data.opportunities["reseller_name"], strict=True))
    for reseller_id, s in resellers:
        part = data.where(reseller_id=reseller_id)
        name = names.get(reseller_id) or next(iter(part.forecast["reseller_name"].dropna()), reseller_id)
        files.reseller_workbooks[reseller_id] = write_workbook(
            books / f"reseller_{s}.xlsx", part, settings, str(name), breakdowns=("rep",), drop_field="reseller_name")
    write_crm_csv(crm_import_frame(data.opportunities, settings, data.as_of), files.crm_csv)
    files.run_summary.write_text(render_markdown(data, summarise(data, settings), settings), encoding="utf-8")
    return files


def _moved(files: ReportFiles, stage: Path, out_dir: Path) -> ReportFiles:
    def final(p: Path) -> Path:
        return out_dir / p.relative_to(stage)
    return ReportFiles(
        overall=final(files.overall), crm_csv=final(files.crm_csv), run_summary=final(files.run_summary),
        rep_workbooks={k: final(p) for k, p in files.rep_workbooks.items()},
        reseller_workbooks={k: final(p) for k, p in files.reseller_workbooks.items()},
    )


def write_report_files(data: ReportData, settings: ValuationSettings, out_dir: Path) -> ReportFiles:
    """Write every output into a staging directory, then move each into out/ (see module doc)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".reports-staging-", dir=out_dir))
    try:
        files = _write_all(stage, data, settings)
        old_books = stage / "previous-workbooks"
        if (out_dir / WORKBOOK_DIR).exists():
            os.replace(out_dir / WORKBOOK_DIR, old_books)
        os.replace(stage / WORKBOOK_DIR, out_dir / WORKBOOK_DIR)
        for name in (OVERALL_WORKBOOK, CRM_CSV, RUN_SUMMARY):
            os.replace(stage / name, out_dir / name)
        return _moved(files, stage, out_dir)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
