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
