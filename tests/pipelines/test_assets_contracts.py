"""The contract assets materialise through Dagster on a building warehouse and export Parquet."""

from pathlib import Path

import duckdb
from dagster import AssetKey, materialize

from pipelines.assets import asset_registry, contracts, parquet_export, products
from pipelines.checks import contracts_consistent
from pipelines.resources import RadarHome
from tests.warehouse.contract_fixtures import FixtureWorld
from warehouse.build import WarehousePaths, publish
from warehouse.comments import uncommented
from warehouse.contracts import CONTRACT_ANALYST_TABLES

SOURCES_YAML = """\
as_of: 2026-01-01
currency: USD
warranty: {hardware: 24}
sources:
  - name: crm_contracts
    kind: crm_contracts
    path: inbox/crm/*.csv
"""


def test_contract_assets_materialise_on_the_building_warehouse(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    w = FixtureWorld()
    w.row("westbridge", customer_id="CUST-1", sku="SRV-1", serial_numbers=["S1"], unit_price=900, quantity=1,
          invoice_date="2024-12-20")
    w.row("crm_contracts", contract_number="SC-1000001", customer_id="CUST-1", reseller_id="PART-R1",
          serial_numbers=["S1"], service_start="2025-01-01", service_end="2025-12-31", amount=100)
    w.row("crm_contracts", contract_number="SC-1000002", customer_id="CUST-1", reseller_id="PART-R1",
          serial_numbers=["S1"], service_start="2026-01-01", service_end="2026-12-31", amount=105)
    paths = WarehousePaths(home)
    paths.state_dir.mkdir()
    w.write(paths.building)

    result = materialize([products, asset_registry, contracts, contracts_consistent],
                         resources={"radar": RadarHome(home=str(home))})
    assert result.success
    [check] = result.get_asset_check_evaluations()
    assert check.passed and check.check_name == "contracts_consistent"
    meta = result.asset_materializations_for_node("contracts")[0].metadata
    assert meta["contracts"].value == 2 and meta["renewals_linked"].value == 1
    assert {k.to_user_string() for k in products.dependency_keys} == {"source_records"}
    assert AssetKey("products") in asset_registry.dependency_keys  # warranty_end needs the category
    assert AssetKey("asset_registry") in contracts.dependency_keys

    con = duckdb.connect(str(paths.building), read_only=True)
    try:
        assert uncommented(con, list(CONTRACT_ANALYST_TABLES) + ["assets"]) == []
        assert con.execute("SELECT warranty_end FROM assets").fetchall()[0][0].isoformat() == "2026-12-20"
        assert con.execute("SELECT contract_id, status FROM contracts ORDER BY 1").fetchall() == [
            ("SC-1000001", "renewed"), ("SC-1000002", "active")]
    finally:
        con.close()
    publish(paths)  # the export reads the published warehouse, after the swap
    assert materialize([parquet_export], resources={"radar": RadarHome(home=str(home))}).success
    assert (home / "out" / "parquet" / "contracts.parquet").is_file()
    assert (home / "out" / "parquet" / "products.parquet").is_file()
