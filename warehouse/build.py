"""Build the analysts' warehouse beside the live one and swap it in only when all of it succeeded.

The live `warehouse.duckdb` is never written in place: a run writes `.radar/warehouse.building.duckdb`
(same file system), checkpoints and closes it, then `os.replace`s it onto the live name. Readers
holding the old file keep their snapshot; a run killed at any point leaves the last good file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.sql_files import read_sql

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


def quote_literal(text: str) -> str:
    """A SQL string literal (single quotes doubled)."""
    return "'" + text.replace("'", "''") + "'"


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}.wal")):
        p.unlink(missing_ok=True)


def start_build(paths: WarehousePaths, storage_version: str | None) -> None:
    """Start a fresh building file (a stale one from a killed run is thrown away)."""
    paths.state_dir.mkdir(parents=True, exist_ok=True)
    _remove(paths.building)
    con = connect_building(paths, storage_version, create=True)
    con.close()


def connect_building(
    paths: WarehousePaths, storage_version: str | None = None, *, create: bool = False
) -> duckdb.DuckDBPyConnection:
    """A connection whose default catalog is the warehouse being built."""
    if not create and not paths.building.exists():
        raise FileNotFoundError(f"{paths.building}: no warehouse build in progress")
    options = ""
    if create and storage_version:
        if not _STORAGE_VERSION.match(storage_version):
            raise ValueError(f"warehouse.storage_version {storage_version!r} is not like 'v1.4.0'")
        options = f" (STORAGE_VERSION {quote_literal(storage_version)})"
    con = duckdb.connect()
    con.execute(f"ATTACH {quote_literal(str(paths.building))} AS wh{options}")
    con.execute("USE wh")
    return con


def load_staging_tables(con: duckdb.DuckDBPyConnection, ingest_path: Path) -> None:
    """Copy source_records, quarantine and ingested_files from the ingest store."""
    con.execute(f"ATTACH {quote_literal(str(ingest_path))} AS ing (READ_ONLY)")
    try:
        con.execute(read_sql("staging_tables.sql"))
    finally:
        con.execute("DETACH ing")


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
