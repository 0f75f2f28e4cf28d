"""Stage `products`: one row per SKU with its category and list price (price list, else estimated)."""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.stages.context import RunContext
from warehouse.comments import apply_comments
from warehouse.products import build_products as build_product_table


@dataclass(frozen=True)
class ProductsOutcome:
    """Counts worth showing in Dagster metadata."""

    products: int
    list_prices_estimated: int


def build_products(run: RunContext) -> ProductsOutcome:
    """`products` in the warehouse being built (needs only source_records)."""
    with run.building() as con:
        n = build_product_table(con)
        apply_comments(con, ["products"])
        estimated = con.execute("SELECT count(*) FROM products WHERE list_price_estimated").fetchall()[0][0]
    return ProductsOutcome(products=n, list_prices_estimated=int(estimated))
