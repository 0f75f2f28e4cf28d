"""Products by SKU (price-list or estimated list price, category) and asset warranty ends."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import duckdb

from warehouse.settings import BuildSettings, as_build_settings, register_settings
from warehouse.sql_files import read_sql


def build_products(con: duckdb.DuckDBPyConnection, settings: BuildSettings | Mapping[str, Any]) -> int:
    """Create `products` from source_records (every SKU seen, normalised); returns its row count."""
    register_settings(con, as_build_settings(settings))
    con.execute(read_sql("products.sql"))
    return int(con.execute("SELECT count(*) FROM products").fetchall()[0][0])


def add_warranty_end(con: duckdb.DuckDBPyConnection, settings: BuildSettings | Mapping[str, Any]) -> int:
    """Rebuild `assets` with `warranty_end` (needs `products`); returns how many assets have one."""
    register_settings(con, as_build_settings(settings))
    con.execute(read_sql("asset_warranty.sql"))
    return int(con.execute("SELECT count(warranty_end) FROM assets").fetchall()[0][0])
