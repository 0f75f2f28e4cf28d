"""The contract warehouse's assets, thin: products, contracts (plus a blocking check), Parquet export."""
# no `from __future__ import annotations` here: Dagster inspects the real annotations

from typing import Any

import duckdb
from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetExecutionContext,
    AssetKey,
    MaterializeResult,
    MetadataValue,
    asset,
    asset_check,
)

from pipelines.resources import RadarHome
from warehouse.build import connect_building
from warehouse.comments import apply_comments
from warehouse.contracts import CONTRACT_TABLES, build_contracts, contract_check_failures
from warehouse.exports import export_parquet
from warehouse.products import add_warranty_end, build_products

WAREHOUSE_POOL = "radar_warehouse"  # one writer at a time: DuckDB has one read-write process per file
#: analyst-facing tables these assets create (the publish check must cover them too)
CONTRACT_ANALYST_TABLES: tuple[str, ...] = ("products", *CONTRACT_TABLES)


def build_settings(radar: RadarHome) -> dict[str, Any]:
    """The sources.yaml settings as a plain dict, with the run's as-of date."""
    return radar.config().model_dump() | {"as_of": radar.as_of_date()}


@asset(group_name="warehouse", deps=[AssetKey("assets")], pool=WAREHOUSE_POOL)
def products(radar: RadarHome) -> MaterializeResult:
    """Products by SKU (price-list or estimated list price, category); assets gain warranty_end."""
    settings = build_settings(radar)
    con = connect_building(radar.paths())
    try:
        n_products = build_products(con, settings)
        n_warranty = add_warranty_end(con, settings)
        apply_comments(con)
        estimated = con.execute("SELECT count(*) FROM products WHERE list_price_estimated").fetchall()[0][0]
    finally:
        con.close()
    return MaterializeResult(metadata={
        "products": n_products, "list_prices_estimated": int(estimated), "assets_with_warranty_end": n_warranty,
    })


@asset(group_name="warehouse", deps=[products], pool=WAREHOUSE_POOL)
def contracts(radar: RadarHome) -> MaterializeResult:
    """Contracts merged across sources, their assets, conflicts, lineage and renewal chains."""
    con = connect_building(radar.paths())
    try:
        outcome = build_contracts(con, build_settings(radar))
        apply_comments(con)
        status = dict(con.execute("SELECT status, count(*) FROM contracts GROUP BY ALL").fetchall())
    finally:
        con.close()
    return MaterializeResult(metadata={
        **{k: int(v) for k, v in vars(outcome).items()},
        **{f"status_{k}": int(v) for k, v in sorted(status.items())},
    })


@asset_check(asset=contracts, blocking=True, description="Contract ids unique, renewal links and lineage consistent.")
def contracts_consistent(radar: RadarHome) -> AssetCheckResult:
    con = connect_building(radar.paths())
    try:
        failures = contract_check_failures(con, build_settings(radar))
    finally:
        con.close()
    return AssetCheckResult(
        passed=not any(failures.values()), severity=AssetCheckSeverity.ERROR,
        metadata={name: n for name, n in failures.items() if n},
    )


@asset(group_name="exports", deps=[AssetKey("warehouse")])
def parquet_export(context: AssetExecutionContext, radar: RadarHome) -> MaterializeResult:
    """Every analyst-facing table of the published warehouse as out/parquet/<table>.parquet."""
    con = duckdb.connect(str(radar.paths().live), read_only=True)
    try:
        written = export_parquet(con, radar.out_dir)
    finally:
        con.close()
    context.log.info(f"parquet export: {len(written)} tables in {radar.out_dir / 'parquet'}")
    return MaterializeResult(metadata={
        "tables": len(written), "path": MetadataValue.path(str(radar.out_dir / "parquet")),
    })
