"""The last published warehouse's id mappings and id history, read so ids stay stable run to run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from warehouse.sql_runner import replace_table, table_names

HISTORY_COLUMNS = ["entity", "old_id", "new_id", "event", "run_date"]


def _empty_map() -> pd.DataFrame:
    return pd.DataFrame(columns=["record_id", "entity_id"])


@dataclass
class PreviousRun:
    """The last published warehouse's record -> id mappings (empty on a first run)."""

    customers: pd.DataFrame = field(default_factory=_empty_map)
    partners: pd.DataFrame = field(default_factory=_empty_map)
    assets: pd.DataFrame = field(default_factory=_empty_map)
    history: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=HISTORY_COLUMNS))


#: attribute -> (the table it needs, the query that reads it)
_PREVIOUS: dict[str, tuple[str, str]] = {
    "customers": ("customer_sources", "SELECT record_id, customer_id AS entity_id FROM customer_sources"),
    "partners": ("partner_sources", "SELECT mention_id AS record_id, partner_id AS entity_id FROM partner_sources"),
    "assets": ("asset_sources",
               "SELECT record_id || ':' || raw_serial AS record_id, asset_id AS entity_id FROM asset_sources"),
    "history": ("id_history", "SELECT entity, old_id, new_id, event, run_date FROM id_history"),
}


def read_previous(live: Path) -> PreviousRun:
    """Read the id mappings of the live warehouse, table by table (missing tables stay empty)."""
    previous = PreviousRun()
    if not live.exists():
        return previous
    con = duckdb.connect(str(live), read_only=True)
    try:
        present = table_names(con)
        for attr, (table, sql) in _PREVIOUS.items():
            if table in present:
                setattr(previous, attr, con.execute(sql).df())
    finally:
        con.close()
    return previous


def append_id_history(con: duckdb.DuckDBPyConnection, previous: PreviousRun, events: pd.DataFrame) -> None:
    """id_history: every id event ever recorded; the first stage of a build seeds it from the last run."""
    base = con.execute("SELECT * FROM id_history").df() if "id_history" in table_names(con) else previous.history
    history = pd.concat([base.astype(object), events[HISTORY_COLUMNS].astype(object)], ignore_index=True)
    history = history.drop_duplicates().reset_index(drop=True).astype("string")
    replace_table(con, "id_history", history)
