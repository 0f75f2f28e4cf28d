"""Read a home's published warehouse in the end-to-end tests (read-only, closed after each query)."""

from pathlib import Path

import duckdb
import pandas as pd


def query(home: Path, sql: str) -> pd.DataFrame:
    """Run `sql` against `home/warehouse.duckdb` and return the rows as a DataFrame."""
    con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql).df()
    finally:
        con.close()


def table_names(warehouse: Path) -> set[str]:
    """The tables of a warehouse file, opened read-only."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    finally:
        con.close()
