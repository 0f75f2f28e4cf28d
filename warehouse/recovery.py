"""Before a run writes anything (and while it holds the run lock): throw away what killed runs left
half-written, and move a corrupt warehouse or ingest store aside so the run can rebuild, saying so."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import duckdb

from warehouse.sql_runner import ident, table_names

#: leftovers of a killed run, relative to the home: only ever written under the run lock
#: (a killed build's `.radar/warehouse.building.duckdb` is not among them: the next full run starts
#: a fresh one, and a re-execution from the failed step in the UI continues it)
LEFTOVER_GLOBS = (
    "out/.reports-staging-*",  # reports.outputs writes every output here, then moves it into out/
    "out/parquet/.*.parquet.partial",  # warehouse.exports writes each Parquet file here first
    ".radar/*.duckdb.tmp",  # DuckDB's spill directories
    ".radar/run.lock.json.*.tmp",
    ".radar/spool/.*.part",  # sources.spool writes each reading made ahead here first
)


def remove_leftovers(home: Path) -> list[str]:
    """Delete what killed runs left half-written; returns the paths removed (relative to home)."""
    removed = []
    for pattern in LEFTOVER_GLOBS:
        for path in sorted(Path(home).glob(pattern)):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path.relative_to(home).as_posix())
    return removed


def database_problem(path: Path) -> str | None:
    """Why a DuckDB file cannot be read (None when it reads, or does not exist, or is merely held
    by another process). Every table is read in full, so a damaged block is found too."""
    if not path.exists():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        if "could not set lock" in str(exc).lower():  # another process has it open for writing: in use
            return None
        return " ".join(str(exc).split())
    try:
        for table in sorted(table_names(con)):
            con.execute(f"SELECT sum(hash(t)) FROM {ident(table)} AS t").fetchall()
    except duckdb.Error as exc:
        return " ".join(str(exc).split())
    finally:
        con.close()
    return None


def move_aside(path: Path) -> Path:
    """Rename `name.duckdb` to `name.corrupt-<UTC timestamp>.duckdb` (and its .wal with it)."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    os.replace(path, target)
    wal = Path(f"{path}.wal")
    if wal.exists():
        os.replace(wal, Path(f"{target}.wal"))
    return target


def recover_databases(live: Path, ingest: Path) -> list[str]:
    """Move a corrupt warehouse or ingest store aside; one line of advice for each moved."""
    notes = []
    problem = database_problem(live)
    if problem:
        moved = move_aside(live)
        notes.append(
            f"{live.name} could not be read ({problem}); it was moved to {moved.name}. This run rebuilds the "
            "warehouse from the ingest store (.radar/ingest.duckdb), so no loaded row is lost; ids are assigned "
            f"afresh where the old file held them. Delete {moved.name} once you no longer need it."
        )
    problem = database_problem(ingest)
    if problem:
        moved = move_aside(ingest)
        notes.append(
            f"the ingest store .radar/{ingest.name} could not be read ({problem}); it was moved to "
            f".radar/{moved.name}. This run reads every inbox file again: rows of files no longer in the inbox "
            "are gone until those files are put back in the inbox (or the store is restored from a backup)."
        )
    return notes
