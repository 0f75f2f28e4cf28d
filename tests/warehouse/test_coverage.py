"""Inferred coverage: which assets a contract whose rows name no serial covers (contract_assets.basis)."""

from pathlib import Path

import duckdb

from tests.warehouse.contract_fixtures import FixtureWorld, build, query, resolve_assets
from warehouse.contracts import build_contracts
from warehouse.products import build_products


def _build(world: FixtureWorld, tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = build(world, tmp_path, as_of="2026-01-01")
    build_products(con)
    resolve_assets(con)
    build_contracts(con)
    return con


def _world() -> FixtureWorld:
    w = FixtureWorld()
    w.row("price_list", sku="SRV-100", list_price=10000, category="hardware", kind="price_list")
    w.row("price_list", sku="SW-200", list_price=3000, category="hardware", kind="price_list")
    # Acme: two servers shipped together, a switch later; a contract without serials, one with
    for serial in ("S1", "S2"):
        w.row("westbridge", customer_id="CUST-1", reseller_id="PART-R1", sku="SRV-100", serial_numbers=[serial],
              quantity=1, invoice_date="2024-03-01")
    w.row("westbridge", customer_id="CUST-1", reseller_id="PART-R1", sku="SRV-100", serial_numbers=["S3"],
          quantity=1, invoice_date="2025-09-01")
    w.row("crm_contracts", contract_number="SC-6000001", customer_id="CUST-1", service_level="NBD",
          service_start="2025-04-01", service_end="2026-03-31", amount=2000)
    w.row("crm_contracts", contract_number="SC-6000002", customer_id="CUST-1", service_level="NBD",
          service_start="2025-09-15", service_end="2026-09-14", amount=1000, serial_numbers=["S3"])
    # Globex: a contract naming its switch, renewed by one that names nothing
    w.row("westbridge", customer_id="CUST-2", reseller_id="PART-R1", sku="SW-200", serial_numbers=["G1"],
          quantity=1, invoice_date="2023-12-01")
    w.row("crm_contracts", contract_number="SC-6000010", customer_id="CUST-2", service_level="4HR",
          service_start="2024-01-01", service_end="2024-12-31", amount=300, serial_numbers=["G1"])
    w.row("crm_contracts", contract_number="SC-6000011", customer_id="CUST-2", service_level="4HR",
          service_start="2025-01-01", service_end="2025-12-31", amount=310)
    return w


def test_a_contract_without_serials_covers_the_customers_shipment_from_before_it_started(tmp_path: Path) -> None:
    con = _build(_world(), tmp_path)
    rows = query(con, "SELECT contract_id, asset_id, basis, rule, inferred_from FROM contract_assets ORDER BY 1, 2")
    assert ("SC-6000001", "AST-S1", "inferred", "customer_product", None) in rows
    assert ("SC-6000001", "AST-S2", "inferred", "customer_product", None) in rows
    # S3 shipped after SC-6000001 started (and has its own contract): not inferred onto it
    assert not [r for r in rows if r[:2] == ("SC-6000001", "AST-S3")]
    assert ("SC-6000002", "AST-S3", "serial", "serial", None) in rows
    c = query(con, "SELECT asset_count, assets_inferred FROM contracts WHERE contract_id = 'SC-6000001'")
    assert c == [(2, 2)]


def test_a_renewal_that_names_no_serial_covers_what_the_contract_it_renews_covered(tmp_path: Path) -> None:
    con = _build(_world(), tmp_path)
    assert query(con, "SELECT renewed_by FROM contracts WHERE contract_id = 'SC-6000010'") == [("SC-6000011",)]
    rows = query(con, "SELECT asset_id, basis, rule, inferred_from FROM contract_assets "
                      "WHERE contract_id = 'SC-6000011'")
    assert rows == [("AST-G1", "inferred", "renewal_chain", "SC-6000010")]


def test_contracts_that_name_different_units_are_not_a_renewal_of_each_other(tmp_path: Path) -> None:
    w = _world()
    # Acme's next contract starts the day after SC-6000001 ends but names a unit it never covered
    w.row("westbridge", customer_id="CUST-1", reseller_id="PART-R1", sku="SW-200", serial_numbers=["N1"],
          quantity=1, invoice_date="2026-03-15")
    w.row("crm_contracts", contract_number="SC-6000003", customer_id="CUST-1", service_level="NBD",
          service_start="2026-04-01", service_end="2027-03-31", amount=900, serial_numbers=["N1"])
    con = _build(w, tmp_path)
    assert query(con, "SELECT renewed_by FROM contracts WHERE contract_id = 'SC-6000001'") == [(None,)]


def test_contract_numbers_show_in_one_form(tmp_path: Path) -> None:
    w = FixtureWorld()
    for number in ("SC-7000001", "SC7000002", "7000003"):
        w.row("crm_contracts", contract_number=number, customer_id="CUST-1", service_end="2026-06-30", amount=100)
    con = _build(w, tmp_path)
    assert query(con, "SELECT contract_id, contract_number FROM contracts ORDER BY 1") == [
        ("SC-7000001", "SC-7000001"), ("SC-7000002", "SC-7000002"), ("SC-7000003", "SC-7000003")]
