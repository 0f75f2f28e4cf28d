"""Stage `products`: one row per SKU with its category and list price (price list, else estimated)."""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.stages.context import RunContext
from pipelines.stages.memo import memoised
from warehouse.comments import apply_comments
from warehouse.products import build_products as build_product_table


@dataclass(frozen=True)
class ProductsOutcome:
    """Counts worth showing in Dagster metadata."""

    products: int
    list_prices_estimated: int


def build_products(run: RunContext) -> ProductsOutcome:
    """`products` in the warehouse being built (needs only source_records; reused when they are unchanged)."""

    def compute() -> ProductsOutcome:
        with run.building() as con:
            build_product_table(con)
            apply_comments(con, ["products"])
        return counted()

    def counted() -> ProductsOutcome:
        with run.building() as con:
            n, estimated = con.execute("SELECT count(*), count(*) FILTER (WHERE list_price_estimated) "
                                       "FROM products").fetchall()[0]
        return ProductsOutcome(products=int(n), list_prices_estimated=int(estimated))

    return memoised(run, "products", {}, compute, counted)
