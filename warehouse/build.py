"""Build the analysts' warehouse beside the live one and swap it in only when all of it succeeded.

The live `warehouse.duckdb` is never written in place: a run writes `.radar/warehouse.building.duckdb`
(same file system), checkpoints and closes it, then `os.replace`s it onto the live name. Readers
holding the old file keep their snapshot; a run killed at any point leaves the last good file.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.budget import UNBOUNDED, DuckDBBudget
from warehouse.settings import BuildSettings, register_build_settings
from warehouse.sql_runner import literal
from warehouse.steps import REPEATED_LINES, STAGING_TABLES, WAREHOUSE_SQL, register_macros

_STORAGE_VERSION = re.compile(r"^v\d+\.\d+\.\d+$")


@dataclass(frozen=True)
class WarehousePaths:
    """Where the live warehouse, the one being built and the ingest store live in a home."""

    home: Path

    @property
    def live(self) -> Path:
        return self.home / "warehouse.duckdb"

    @property
    def state_dir(self) -> Path:
        return self.home / ".radar"

    @property
    def building(self) -> Path:
        return self.state_dir / "warehouse.building.duckdb"

    @property
    def ingest(self) -> Path:
        return self.state_dir / "ingest.duckdb"


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}.wal")):
        p.unlink(missing_ok=True)


def check_storage_version(value: str | None) -> str | None:
    """A DuckDB storage version such as 'v1.4.0' (None: the newest format)."""
    if value is not None and not _STORAGE_VERSION.match(value):
        raise ValueError(f"{value!r} is not a storage version like 'v1.4.0'")
    return value


def start_build(paths: WarehousePaths, storage_version: str | None) -> None:
    """Start a fresh building file (a stale one from a killed run is thrown away)."""
    paths.state_dir.mkdir(parents=True, exist_ok=True)
    _remove(paths.building)
    version = check_storage_version(storage_version)
    options = f" (STORAGE_VERSION {literal(version)})" if version else ""
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {literal(str(paths.building))} AS wh{options}")
    finally:
        con.close()


def start_build_from_live(paths: WarehousePaths) -> None:
    """Start the build as a byte copy of the live warehouse (a night whose inputs are all unchanged)."""
    paths.state_dir.mkdir(parents=True, exist_ok=True)
    _remove(paths.building)
    partial = paths.building.with_name(paths.building.name + ".copying")
    shutil.copyfile(paths.live, partial)
    os.replace(partial, paths.building)


def connect_building(paths: WarehousePaths, settings: BuildSettings | None = None,
                     budget: DuckDBBudget = UNBOUNDED) -> duckdb.DuckDBPyConnection:
    """A connection whose default catalog is the warehouse being built, with the build's macros
    and (when given) its settings registered as TEMP tables, held to `budget`."""
    if not paths.building.exists():
        raise FileNotFoundError(f"{paths.building}: no warehouse build in progress")
    return _attached(paths.building, settings, budget, read_only=False)


def connect_published(paths: WarehousePaths, settings: BuildSettings | None = None,
                      budget: DuckDBBudget = UNBOUNDED) -> duckdb.DuckDBPyConnection:
    """The live warehouse, read-only, with the same macros and settings a build connection has."""
    if not paths.live.exists():
        raise FileNotFoundError(f"{paths.live}: no warehouse published yet")
    return _attached(paths.live, settings, budget, read_only=True)


def _attached(path: Path, settings: BuildSettings | None, budget: DuckDBBudget, *,
              read_only: bool) -> duckdb.DuckDBPyConnection:
    con = budget.connect()  # in memory: TEMP macros and settings never touch the file
    con.execute("SET enable_progress_bar = false")  # the run's own progress lines are what ops read
    con.execute(f"ATTACH {literal(str(path))} AS wh" + (" (READ_ONLY)" if read_only else ""))
    con.execute("USE wh")
    register_macros(con)
    if settings is not None:
        register_build_settings(con, settings)
    return con


def load_staging_tables(con: duckdb.DuckDBPyConnection, ingest_path: Path) -> None:
    """Copy source_records, quarantine and ingested_files from the ingest store, and mark the dated lines
    another file of their source delivers again (a year-to-date re-export), to be counted once."""
    con.execute(f"ATTACH {literal(str(ingest_path))} AS ing (READ_ONLY)")
    try:
        WAREHOUSE_SQL.run(con, STAGING_TABLES)
    finally:
        con.execute("DETACH ing")
    WAREHOUSE_SQL.run(con, REPEATED_LINES)
    con.execute("DROP TABLE line_copies; DROP TABLE line_repeats")


def publish(paths: WarehousePaths) -> Path:
    """Checkpoint the finished build and atomically make it the live warehouse."""
    con = connect_building(paths)
    try:
        con.execute("CHECKPOINT wh")
    finally:
        con.close()
    Path(f"{paths.building}.wal").unlink(missing_ok=True)  # checkpointed: nothing left in it
    with open(paths.building, "rb") as fh:
        os.fsync(fh.fileno())
    Path(f"{paths.live}.wal").unlink(missing_ok=True)  # a crashed writer's WAL belongs to no file now
    os.replace(paths.building, paths.live)
    dir_fd = os.open(paths.home, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return paths.live
