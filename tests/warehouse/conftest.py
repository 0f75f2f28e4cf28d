"""Fixtures shared by the warehouse tests."""

import duckdb
import pytest

from warehouse.steps import register_macros


@pytest.fixture()
def macro_con() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the build's macros registered."""
    con = duckdb.connect()
    register_macros(con)
    return con
