"""Parquet copies of the analyst-facing tables in HOME/out/parquet/, each file replaced atomically."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import duckdb

from warehouse.comments import dictionary
from warehouse.sql_runner import ident, literal, table_names

PARQUET_DIR = "parquet"


def analyst_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The data dictionary's tables that exist in the current catalog, in dictionary order."""
    present = table_names(con)
    return [t for t in dictionary() if t in present]


def _select_list(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """Every column, with NULL-typed ones (a column no source filled) written as VARCHAR."""
    cols = con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() "
        "WHERE database_name = current_database() AND table_name = ? ORDER BY column_index",
        [table],
    ).fetchall()
    return ", ".join(
        f"CAST({ident(c)} AS VARCHAR) AS {ident(c)}" if t == '"NULL"' else ident(c) for c, t in cols
    )


def export_parquet(
    con: duckdb.DuckDBPyConnection, out_dir: Path, tables: Iterable[str] | None = None
) -> dict[str, Path]:
    """Write `out_dir/parquet/<table>.parquet` for each table (default: every analyst-facing one)."""
    target = Path(out_dir) / PARQUET_DIR
    target.mkdir(parents=True, exist_ok=True)
    names = analyst_tables(con) if tables is None else list(tables)
    known = set(analyst_tables(con))
    written: dict[str, Path] = {}
    for table in names:
        if table not in known:
            raise ValueError(f"{table!r} is not an analyst-facing table of this warehouse")
        final = target / f"{table}.parquet"
        partial = target / f".{table}.parquet.partial"
        con.execute(
            f"COPY (SELECT {_select_list(con, table)} FROM {ident(table)}) "
            f"TO {literal(str(partial))} (FORMAT parquet, COMPRESSION zstd)"
        )
        os.replace(partial, final)  # readers see the old file or the new one, never half of one
        written[table] = final
    return written
