"""Apply the data dictionary as DuckDB COMMENTs and find analyst-facing columns without one."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import yaml

from warehouse.sql_runner import ident, literal

DICTIONARY = Path(__file__).with_name("dictionary.yaml")


@cache
def dictionary() -> dict[str, dict[str, Any]]:
    """table -> {"description": str, "columns": {column: str}} from dictionary.yaml."""
    return yaml.safe_load(DICTIONARY.read_text(encoding="utf-8"))["tables"]


def apply_comments(con: duckdb.DuckDBPyConnection, tables: list[str] | None = None) -> None:
    """COMMENT ON every documented table and column that exists in the current catalog."""
    existing = {
        (t, c)
        for t, c in con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database()"
        ).fetchall()
    }
    present = {t for t, _ in existing}
    for table, spec in dictionary().items():
        if table not in present or (tables is not None and table not in tables):
            continue
        con.execute(f"COMMENT ON TABLE {ident(table)} IS {literal(spec['description'])}")
        for column, text in spec["columns"].items():
            if (table, column) in existing:
                con.execute(f"COMMENT ON COLUMN {ident(table)}.{ident(column)} IS {literal(text)}")


def uncommented(con: duckdb.DuckDBPyConnection, tables: list[str]) -> list[str]:
    """"table.column" for every column of `tables` that has no comment."""
    rows = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() "
        "WHERE database_name = current_database() AND comment IS NULL AND list_contains(?, table_name) "
        "ORDER BY ALL",
        [tables],
    ).fetchall()
    missing_tables = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND comment IS NULL AND list_contains(?, table_name)",
        [tables],
    ).fetchall()
    return [f"{t}.{c}" for t, c in rows] + [t for (t,) in missing_tables]
