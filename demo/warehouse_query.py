"""Read a query's result from a built warehouse, for the demo's quality measures."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd


def query_warehouse(warehouse: Path, sql: str) -> pd.DataFrame:
    """The result of `sql` on the warehouse file opened read-only; `source_sheet` nulls as '' (the
    truth files write a CSV's sheet as empty text), so lineage keys join."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        df = con.execute(sql).df()
    finally:
        con.close()
    if "source_sheet" in df:
        df["source_sheet"] = df["source_sheet"].fillna("")
    return df
