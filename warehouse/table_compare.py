"""Two warehouse files compared table by table: row counts and an order-free hash of each table's
rows, leaving out the columns that differ between two runs by design. Used by `make soak` (a killed
run must leave the last good warehouse identical) and by the test that a night reusing stages
builds the same warehouse as `radar run --full`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

#: columns that differ between two runs over the same inbox by design (when, which run)
VOLATILE = {"built_at", "run_id", "ingested_at", "loaded_at", "modified_at", "created_at", "first_run_id",
            "last_run_id", "run_date", "changed_at", "reused"}
#: tables that keep a history across runs: compared on the rows up to the reference build only
HISTORY = {"data_quality": "checked_at"}


def table_hashes(db: Path, cutoff: Any = None) -> dict[str, list[int]]:
    """table -> [rows, order-free hash of the rows without VOLATILE columns]; HISTORY tables only up
    to `cutoff` (default: this warehouse's own build time); raises when the file is unreadable."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        if cutoff is None:
            cutoff = con.execute("SELECT max(built_at) FROM build_info").fetchall()[0][0]
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1").fetchall()]
        out = {}
        for t in tables:
            cols = [c for (c,) in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
                "AND table_name = ? ORDER BY column_index", [t]).fetchall() if c not in VOLATILE]
            select = ", ".join(f'"{c}"' for c in cols) or "1"
            where = f'WHERE "{HISTORY[t]}" <= ?' if t in HISTORY else ""
            rows, digest = con.execute(
                f'SELECT count(*), coalesce(sum(hash(s))::HUGEINT % 18446744073709551557, 0) '
                f'FROM (SELECT {select} FROM "{t}" {where}) AS s', [cutoff] if where else []).fetchall()[0]
            out[t] = [int(rows), int(digest)]
        return out
    finally:
        con.close()


def compare(reference: dict[str, list[int]], live: dict[str, list[int]]) -> tuple[list[str], int]:
    """(tables that differ, rows lost against the reference)."""
    differ = sorted(t for t in reference.keys() | live.keys() if reference.get(t) != live.get(t))
    lost = sum(max(0, rows - live.get(t, [0])[0]) for t, (rows, _) in reference.items())
    return differ, lost
