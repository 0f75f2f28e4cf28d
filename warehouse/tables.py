"""Write DataFrames into the warehouse being built, and read the previous run's id mappings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from warehouse.sql_files import read_sql


def ident(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def replace_table(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> None:
    """CREATE OR REPLACE TABLE `name` with the frame's rows."""
    con.register("_frame", frame)
    try:
        con.execute(f"CREATE OR REPLACE TABLE {ident(name)} AS SELECT * FROM _frame")
    finally:
        con.unregister("_frame")


def run_sql_with(con: duckdb.DuckDBPyConnection, sql_file: str, **frames: pd.DataFrame) -> None:
    """Run a .sql file with DataFrames registered under the given names."""
    for name, frame in frames.items():
        con.register(name, frame)
    try:
        con.execute(read_sql("macros.sql"))
        con.execute(read_sql(sql_file))
    finally:
        for name in frames:
            con.unregister(name)


@dataclass
class PreviousRun:
    """The last published warehouse's id mappings (empty on a first run)."""

    customers: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["record_id", "entity_id"]))
    partners: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["record_id", "entity_id"]))
    assets: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["record_id", "entity_id"]))
    history: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["entity", "old_id", "new_id", "event", "run_date"]))


_PREVIOUS = {
    "customers": "SELECT record_id, customer_id AS entity_id FROM customer_sources",
    "partners": "SELECT mention_id AS record_id, partner_id AS entity_id FROM partner_sources",
    "assets": "SELECT record_id || ':' || raw_serial AS record_id, asset_id AS entity_id FROM asset_sources",
    "history": "SELECT entity, old_id, new_id, event, run_date FROM id_history",
}


def read_previous(live: Path) -> PreviousRun:
    """Read the id mappings of the live warehouse, table by table (missing tables stay empty)."""
    previous = PreviousRun()
    if not live.exists():
        return previous
    con = duckdb.connect(str(live), read_only=True)
    try:
        tables = {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        for attr, sql in _PREVIOUS.items():
            needed = sql.split(" FROM ")[1].split()[0]
            if needed in tables:
                setattr(previous, attr, con.execute(sql).df())
    finally:
        con.close()
    return previous
