"""A night with nothing new: when every input of the nightly job is what the published warehouse
was built from (the ingest store's files, sources.yaml, the override files, the review workbook's
marks, the as-of date, the code), the build starts as a copy of that warehouse and every stage,
check and output reuses what it holds instead of computing it again. `radar run --full` never does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from pipelines.stages.context import RunContext
from pipelines.stages.memo import NIGHT, code_digest, settings_digest
from pipelines.stages.review import REVIEW_WORKBOOK
from sources.inbox import sha256_of
from warehouse.build import start_build_from_live
from warehouse.previous_run import PREVIOUS_OPPORTUNITY_COLUMNS
from warehouse.sql_runner import ident
from warehouse.stage_memo import (
    FINGERPRINTS,
    digest,
    frame_digest,
    published_fingerprint,
    record,
    recorded,
    table_digest,
)

#: the manifests of what the outputs wrote: the night they were written for, each file's digest, the
#: counts to show again; the workbooks' one also tells whether the review workbook was marked since
WORKBOOKS_MANIFEST = ".radar_workbooks.json"
PARQUET_MANIFEST = "parquet/.radar_parquet.json"
#: stage_fingerprints rows of the opportunities: their own digest and the last run's they were compared with
OPPORTUNITIES, COMPARED_WITH = "opportunities", "opportunities_compared_with"


def _file_digest(path: Path) -> str:
    return sha256_of(path) if path.is_file() else "absent"


def _folder_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): _file_digest(p) for p in sorted(folder.rglob("*")) if p.is_file()} \
        if folder.is_dir() else {}


def _manifest(run: RunContext, name: str) -> dict:
    path = run.home / "out" / name
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def _review_marks(run: RunContext) -> str:
    """'unmarked' when the review workbook is absent or as the last night wrote it, else its digest
    (somebody saved it since: marks may have been added)."""
    found = _file_digest(run.home / "out" / REVIEW_WORKBOOK)
    written = _manifest(run, WORKBOOKS_MANIFEST).get("files", {}).get(REVIEW_WORKBOOK)
    return "unmarked" if found in ("absent", written) else found


def night_fingerprint(run: RunContext) -> str:
    """Everything a night's tables and outputs are computed from, as one digest."""
    store = "absent"
    if run.paths.ingest.exists():
        con = duckdb.connect(str(run.paths.ingest), read_only=True)
        try:
            store = table_digest(con, "ingested_files")
        finally:
            con.close()
    return digest({"ingested_files": store, "overrides": _folder_digest(run.home / "overrides"),
                   "review_marks": _review_marks(run),
                   "as_of": run.as_of.isoformat(), "settings": settings_digest(run), "code": code_digest()})


def start_unchanged_night(run: RunContext, fingerprint: str) -> bool:
    """Start the build as a copy of the live warehouse when it was built from the same inputs
    (and the run is not `--full`); every stage it records is then marked reused. False: build afresh."""
    if run.full or published_fingerprint(run.paths.live, NIGHT) != fingerprint or not _settled(run):
        return False
    start_build_from_live(run.paths)
    with run.building() as con:
        con.execute(f"UPDATE {FINGERPRINTS} SET reused = true")
        record(con, NIGHT, fingerprint, reused=True)
    return True


def record_comparison(con: duckdb.DuckDBPyConnection, previous: pd.DataFrame) -> None:
    """The opportunities just built and the last run's they were compared with, as digests (of the
    columns the next night reads back): equal, the comparison has settled."""
    columns = list(PREVIOUS_OPPORTUNITY_COLUMNS)
    select = ", ".join(ident(c) for c in columns)
    built = con.execute(f"SELECT {select} FROM renewal_opportunities").df()
    record(con, OPPORTUNITIES, frame_digest(built, columns), reused=False)
    record(con, COMPARED_WITH, frame_digest(previous, columns), reused=False)


def _settled(run: RunContext) -> bool:
    """Whether the live warehouse's opportunities equal the ones they were compared with: only then
    does comparing with them again (what a computed night would do) change nothing."""
    built = published_fingerprint(run.paths.live, OPPORTUNITIES)
    return built is not None and built == published_fingerprint(run.paths.live, COMPARED_WITH)


def record_night(con: duckdb.DuckDBPyConnection, fingerprint: str) -> None:
    """A night built afresh: its fingerprint, for the next night to compare with."""
    record(con, NIGHT, fingerprint, reused=False)


def record_outputs(run: RunContext, name: str, files: Iterable[Path], meta: dict[str, object]) -> None:
    """Write the manifest `name` (under out/) for files just written from this night's build."""
    out = run.home / "out"
    night = _published_night(run)
    manifest = {"night": night[0] if night else None, "meta": meta,
                "files": {p.relative_to(out).as_posix(): _file_digest(p) for p in files}}
    target = out / name
    partial = target.with_name(target.name + ".partial")
    partial.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    partial.replace(target)


def kept_outputs(run: RunContext, name: str) -> dict[str, Any] | None:
    """On a night with nothing new, the counts of the outputs `name` lists when out/ still holds
    every one of them untouched (nothing to write again); None when they must be written."""
    night = _published_night(run)
    if night is None or not night[1]:
        return None
    manifest = _manifest(run, name)
    out = run.home / "out"
    files = manifest.get("files") or {}
    if manifest.get("night") != night[0] or not files:
        return None
    if any(_file_digest(out / f) != sha for f, sha in files.items()):
        return None
    return dict(manifest.get("meta") or {})


def _published_night(run: RunContext) -> tuple[str, bool] | None:
    """The published warehouse's night: its fingerprint and whether it was a copy (the outputs run
    after publishing, from the live warehouse)."""
    if not run.paths.live.exists():
        return None
    with run.live() as con:
        return recorded(con, NIGHT)
