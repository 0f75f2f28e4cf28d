"""The last published warehouse, read before the new build replaces it: its id mappings and id
history (so ids stay stable run to run) and its opportunities (so a run can say what changed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from warehouse.sql_runner import table_names, text_frame
from warehouse.steps import ID_HISTORY_EVENTS, WAREHOUSE_SQL

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


#: the mappings `read_previous` can read (the history is always read)
MAPPINGS: tuple[str, ...] = ("customers", "partners", "assets")


def read_previous(live: Path, mappings: tuple[str, ...] = MAPPINGS) -> PreviousRun:
    """Read the id history and the named id mappings of the live warehouse (missing tables, and the
    mappings not asked for, stay empty): a stage needs one mapping, and at a million records each
    is a million rows."""
    unknown = set(mappings) - set(MAPPINGS)
    if unknown:
        raise ValueError(f"no previous mapping {sorted(unknown)}; known: {MAPPINGS}")
    previous = PreviousRun()
    if not live.exists():
        return previous
    con = duckdb.connect(str(live), read_only=True)
    try:
        present = table_names(con)
        for attr, (table, sql) in _PREVIOUS.items():
            if (attr == "history" or attr in mappings) and table in present:
                setattr(previous, attr, text_frame(con, sql))  # text only: through Arrow
    finally:
        con.close()
    return previous


def append_id_history(con: duckdb.DuckDBPyConnection, previous: PreviousRun, events: pd.DataFrame) -> None:
    """id_history: every id event ever recorded, each once, in the order recorded; the first stage of
    a build seeds it from the last run."""
    batches = [events] if "id_history" in table_names(con) else [previous.history, events]
    for batch in batches:
        WAREHOUSE_SQL.run(con, ID_HISTORY_EVENTS, frames={
            "id_events": batch[HISTORY_COLUMNS].assign(pos=np.arange(len(batch), dtype=np.int64))})


#: the columns of the last run's renewal_opportunities that the changes since that run are judged on
PREVIOUS_OPPORTUNITY_COLUMNS: tuple[str, ...] = (
    "opportunity_id", "kind", "contract_id", "contract_number", "customer_id", "customer_name", "rep",
    "reseller_id", "reseller_name", "sku", "value", "currency", "expiry_date", "as_of_date",
)


def read_previous_opportunities(live: Path) -> pd.DataFrame:
    """The live warehouse's renewal_opportunities (PREVIOUS_OPPORTUNITY_COLUMNS; a column an older
    warehouse lacks is NULL); no rows on a first run."""
    empty = pd.DataFrame({c: pd.Series(dtype="string") for c in PREVIOUS_OPPORTUNITY_COLUMNS})
    if not live.exists():
        return empty
    con = duckdb.connect(str(live), read_only=True)
    try:
        if "renewal_opportunities" not in table_names(con):
            return empty
        present = {c for (c,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
            "AND table_name = 'renewal_opportunities'").fetchall()}
        select = ", ".join(f'"{c}"' if c in present else f'NULL AS "{c}"' for c in PREVIOUS_OPPORTUNITY_COLUMNS)
        return con.execute(f"SELECT {select} FROM renewal_opportunities").df()
    finally:
        con.close()


def published_files(live: Path) -> frozenset[tuple[str, str]]:
    """(path, sha256) of every file version the live warehouse was built from (loaded; none before a first
    night): a version the ingest store holds and the live warehouse lacks was read by a night that did not
    publish (a blocking check stopped it), and is judged again."""
    if not live.exists():
        return frozenset()
    con = duckdb.connect(str(live), read_only=True)
    try:
        if "ingested_files" not in table_names(con):
            return frozenset()
        rows = con.execute("SELECT path, sha256 FROM ingested_files WHERE status = 'loaded'").fetchall()
    finally:
        con.close()
    return frozenset((str(p), str(s)) for p, s in rows)
