"""Stage memos: a stage whose inputs are unchanged since the published warehouse was built copies
its tables from it instead of computing them again.

A stage's fingerprint is a digest of what it reads (the fingerprints of the stages before it, the
settings and files it depends on, the code). The build records each stage's fingerprint in
`stage_fingerprints`; the next build compares. Reuse is only as sound as the declared inputs:
`radar run --full` ignores every memo, and a test compares a reused build with a full one table
by table.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from warehouse.sql_runner import ident, literal, table_names

FINGERPRINTS = "stage_fingerprints"
_PREVIOUS = "memo_previous"


def digest(parts: Mapping[str, object]) -> str:
    """A stable hex digest of named parts (text, numbers, lists, nested mappings)."""
    text = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def frame_digest(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> str:
    """An order-free digest of a frame's rows (of `columns`, in that order)."""
    cols = list(columns) if columns is not None else list(frame.columns)
    part = frame[cols].astype("string").fillna("\x00null")
    rows = np.sort(pd.util.hash_pandas_object(part, index=False).to_numpy(dtype="uint64"))
    return hashlib.sha256(json.dumps(cols).encode("utf-8") + rows.tobytes()).hexdigest()


def table_digest(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """An order-free digest of a table's rows in the current catalog (row count and the sum of row hashes)."""
    rows, total = con.execute(
        f"SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0) FROM {ident(table)} AS t").fetchall()[0]
    return f"{int(rows)}:{int(total)}"


def record(con: duckdb.DuckDBPyConnection, stage: str, fingerprint: str, reused: bool) -> None:
    """Write `stage`'s fingerprint into the build's stage_fingerprints (one row per stage)."""
    con.execute(f"CREATE TABLE IF NOT EXISTS {FINGERPRINTS} (stage VARCHAR PRIMARY KEY, fingerprint VARCHAR, "
                "reused BOOLEAN)")
    con.execute(f"INSERT OR REPLACE INTO {FINGERPRINTS} VALUES (?, ?, ?)", [stage, fingerprint, reused])


def recorded(con: duckdb.DuckDBPyConnection, stage: str) -> tuple[str, bool] | None:
    """(fingerprint, reused) the current catalog recorded for `stage` (None when it has none)."""
    if FINGERPRINTS not in table_names(con):
        return None
    row = con.execute(f"SELECT fingerprint, reused FROM {FINGERPRINTS} WHERE stage = ?", [stage]).fetchall()
    return (str(row[0][0]), bool(row[0][1])) if row else None


def fingerprint_of(con: duckdb.DuckDBPyConnection, stage: str) -> str | None:
    """The fingerprint the current catalog recorded for `stage` (None when it has none)."""
    row = recorded(con, stage)
    return row[0] if row else None


def published_fingerprint(live: Path, stage: str) -> str | None:
    """The fingerprint the published warehouse recorded for `stage` (None without one)."""
    if not live.exists():
        return None
    con = duckdb.connect(str(live), read_only=True)
    try:
        return fingerprint_of(con, stage)
    finally:
        con.close()


def copy_tables(con: duckdb.DuckDBPyConnection, live: Path, tables: Iterable[str]) -> None:
    """Copy `tables` from the published warehouse into the current catalog (replacing them)."""
    con.execute(f"ATTACH {literal(str(live))} AS {_PREVIOUS} (READ_ONLY)")
    try:
        present = {t for (t,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = ?", [_PREVIOUS]).fetchall()}
        for table in tables:
            if table not in present:
                raise LookupError(f"{live}: the published warehouse has no table {table}")
            con.execute(f"CREATE OR REPLACE TABLE {ident(table)} AS SELECT * FROM {_PREVIOUS}.{ident(table)}")
    finally:
        con.execute(f"DETACH {_PREVIOUS}")
