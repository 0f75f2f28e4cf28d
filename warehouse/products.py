"""Products by SKU: price-list or estimated list price, and category (needs only source_records)."""

from __future__ import annotations

import duckdb

from warehouse.sql_runner import count_rows
from warehouse.steps import PRODUCTS, WAREHOUSE_SQL


def build_products(con: duckdb.DuckDBPyConnection) -> int:
    """Create `products` from source_records (every SKU seen, normalised); returns its row count.

    `con` is a build connection with its settings registered (warehouse.build.connect_building).
    """
    WAREHOUSE_SQL.run(con, PRODUCTS)
    return count_rows(con, "products")
