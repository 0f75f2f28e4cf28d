"""What `radar run` prints at the end: per-source files and rows, and where the warehouse is."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

SOURCE_SUMMARY_SQL = """
SELECT source,
       count(*) FILTER (WHERE status <> 'superseded')                         AS files,
       count(*) FILTER (WHERE status = 'loaded')                              AS loaded,
       count(*) FILTER (WHERE status IN ('duplicate', 'empty', 'error'))      AS "dup/empty/error",
       coalesce(sum(rows_loaded) FILTER (WHERE status = 'loaded'), 0)::BIGINT AS rows_loaded,
       coalesce(sum(rows_quarantined) FILTER (WHERE status = 'loaded'), 0)::BIGINT AS rows_quarantined
FROM ingested_files
GROUP BY source
ORDER BY source
"""


def source_summary(warehouse: Path) -> pd.DataFrame:
    """Files and rows per source, from the live warehouse, with a TOTAL line."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        df = con.execute(SOURCE_SUMMARY_SQL).df()
    finally:
        con.close()
    if not df.empty:
        total = df.drop(columns="source").sum(numeric_only=True)
        df = pd.concat([df, pd.DataFrame([{"source": "TOTAL", **total.to_dict()}])], ignore_index=True)
    return df


def problem_files(warehouse: Path, limit: int = 10) -> list[str]:
    """The files that could not be read, with why."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            "SELECT path, error FROM ingested_files WHERE status = 'error' ORDER BY path LIMIT ?", [limit]
        ).fetchall()
    finally:
        con.close()
    return [f"{error}" if error and error.startswith(path) else f"{path}: {error}" for path, error in rows]


ENTITY_COUNTS = {
    "customers": "SELECT count(*) FROM customers",
    "partners": "SELECT count(*) FROM partners",
    "assets": "SELECT count(*) FROM assets",
    "contracts": "SELECT count(*) FROM contracts",
    "renewal opportunities": "SELECT count(*) FROM renewal_opportunities",
}


def entity_counts(warehouse: Path) -> dict[str, int]:
    """How many customers, partners, assets, contracts and opportunities the warehouse holds."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        return {
            label: int(con.execute(sql).fetchall()[0][0])
            for label, sql in ENTITY_COUNTS.items()
            if sql.rsplit(" ", 1)[-1] in tables
        }
    finally:
        con.close()
