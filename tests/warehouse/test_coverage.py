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


def _two_shipments() -> FixtureWorld:
    """Initech bought two servers in March 2024 and two more in February 2025 (one family)."""
    w = FixtureWorld()
    w.row("price_list", sku="SRV-100", list_price=10000, category="hardware", kind="price_list")
    w.row("price_list", sku="SW-200", list_price=3000, category="hardware", kind="price_list")
    for serial, shipped in (("A1", "2024-03-01"), ("A2", "2024-03-01"), ("B1", "2025-02-01"), ("B2", "2025-02-01")):
        w.row("westbridge", customer_id="CUST-3", reseller_id="PART-R1", sku="SRV-100", serial_numbers=[serial],
              quantity=1, invoice_date=shipped)
    return w


def test_a_shipment_another_contract_of_the_same_months_took_is_not_inferred_again(tmp_path: Path) -> None:
    w = _two_shipments()
    # a 3-year contract started two weeks after the first shipment: only that one is a candidate
    w.row("crm_contracts", contract_number="SC-6100001", customer_id="CUST-3", service_level="NBD",
          service_start="2024-03-15", service_end="2027-03-14", amount=3000)
    # a contract started after the second shipment: both are candidates, but the first is taken
    w.row("crm_contracts", contract_number="SC-6100002", customer_id="CUST-3", service_level="NBD",
          service_start="2025-02-20", service_end="2026-02-19", amount=1500)
    con = _build(w, tmp_path)
    rows = query(con, "SELECT contract_id, asset_id, basis FROM contract_assets ORDER BY 1, 2")
    assert rows == [("SC-6100001", "AST-A1", "inferred"), ("SC-6100001", "AST-A2", "inferred"),
                    ("SC-6100002", "AST-B1", "inferred"), ("SC-6100002", "AST-B2", "inferred")]


def test_candidates_the_evidence_cannot_choose_between_are_only_possibly_covered(tmp_path: Path) -> None:
    w = _two_shipments()
    # no serial, no quantity, no SKU: either shipment may be the one it covers
    w.row("crm_contracts", contract_number="SC-6100003", customer_id="CUST-3", service_level="NBD",
          service_start="2025-02-20", service_end="2026-02-19", amount=1500)
    con = _build(w, tmp_path)
    rows = query(con, "SELECT asset_id, basis FROM contract_assets WHERE contract_id = 'SC-6100003' ORDER BY 1")
    assert rows == [(a, "inferred_ambiguous") for a in ("AST-A1", "AST-A2", "AST-B1", "AST-B2")]
    # possibly covered units are not counted as the contract's assets
    assert query(con, "SELECT asset_count, assets_inferred FROM contracts WHERE contract_id = 'SC-6100003'") == [(0, 0)]


def test_the_quantity_or_the_hardware_a_tracker_names_chooses_the_shipment(tmp_path: Path) -> None:
    w = _two_shipments()
    w.row("westbridge", customer_id="CUST-3", reseller_id="PART-R1", sku="SW-200", serial_numbers=["C1"],
          quantity=1, invoice_date="2025-02-10")
    # the CRM line says nothing; the rep's tracker line of the same contract names the server model
    w.row("crm_contracts", contract_number="SC-6100004", customer_id="CUST-3", service_level="NBD",
          service_start="2025-02-20", service_end="2026-02-19", amount=1500)
    w.row("tracker_alice", contract_number="SC-6100004", customer_id="CUST-3", sku="SW-200",
          service_end="2026-02-19", amount=1500)
    # a server contract for 4 units: the two 2-unit shipments together make its quantity, both are covered
    w.row("crm_contracts", contract_number="SC-6100005", customer_id="CUST-3", service_level="NBD",
          service_start="2025-03-01", service_end="2026-02-28", amount=4000, quantity=4, sku="CS-NBD-SRV")
    con = _build(w, tmp_path)
    rows = query(con, "SELECT contract_id, asset_id, basis FROM contract_assets ORDER BY 1, 2")
    assert rows == [("SC-6100004", "AST-C1", "inferred"),
                    ("SC-6100005", "AST-A1", "inferred"), ("SC-6100005", "AST-A2", "inferred"),
                    ("SC-6100005", "AST-B1", "inferred"), ("SC-6100005", "AST-B2", "inferred")]


def test_the_amount_at_the_service_list_price_chooses_between_shipments(tmp_path: Path) -> None:
    w = _two_shipments()
    w.row("price_list", sku="CS-NBD-SRV", description="Support next business day, server", list_price=1000,
          category="service", kind="price_list")
    w.row("price_list", sku="CS-NBD-SW", description="Support next business day, switch", list_price=1500,
          category="service", kind="price_list")
    for serial in ("D1", "D2", "D3"):
        w.row("westbridge", customer_id="CUST-3", reseller_id="PART-R1", sku="SW-200", serial_numbers=[serial],
              quantity=1, invoice_date="2025-02-10")
    # 1,900 a year is two servers at a 5% discount, not the three switches (42% of their list price); but
    # shipments A and B are both two servers: the amount fits both, they stay possible and D is out
    w.row("crm_contracts", contract_number="SC-6100006", customer_id="CUST-3", service_level="NBD",
          service_start="2025-02-20", service_end="2026-02-19", amount=1900)
    con = _build(w, tmp_path)
    rows = query(con, "SELECT asset_id, basis FROM contract_assets WHERE contract_id = 'SC-6100006' ORDER BY 1")
    assert rows == [(a, "inferred_ambiguous") for a in ("AST-A1", "AST-A2", "AST-B1", "AST-B2")]
    # 4,500 a year is the three switches at list price: they alone fit
    w.row("crm_contracts", contract_number="SC-6100007", customer_id="CUST-3", service_level="NBD",
          service_start="2025-02-20", service_end="2026-02-19", amount=4500)
    con = _build(w, tmp_path / "again")
    rows = query(con, "SELECT asset_id, basis FROM contract_assets WHERE contract_id = 'SC-6100007' ORDER BY 1")
    assert rows == [("AST-D1", "inferred"), ("AST-D2", "inferred"), ("AST-D3", "inferred")]


def _partial_renewal(renewal_amount: float) -> FixtureWorld:
    """Hooli's two switches under one contract naming both; its renewal's rows name one of them."""
    w = FixtureWorld()
    w.row("price_list", sku="SW-200", list_price=3000, category="hardware", kind="price_list")
    for serial in ("H1", "H2"):
        w.row("westbridge", customer_id="CUST-4", reseller_id="PART-R1", sku="SW-200", serial_numbers=[serial],
              quantity=1, invoice_date="2024-01-10")
    w.row("crm_contracts", contract_number="SC-6200001", customer_id="CUST-4", service_level="NBD",
          service_start="2024-02-01", service_end="2025-01-31", amount=1000, serial_numbers=["H1", "H2"])
    w.row("crm_contracts", contract_number="SC-6200002", customer_id="CUST-4", service_level="NBD",
          service_start="2025-02-01", service_end="2028-01-31", amount=renewal_amount, serial_numbers=["H1"])
    return w


def test_a_renewal_naming_fewer_units_but_paying_for_all_covers_them_all(tmp_path: Path) -> None:
    # 3 years at 3,090: 1,030 a year, what both switches cost before (a row naming H2 was lost)
    con = _build(_partial_renewal(3090), tmp_path)
    assert query(con, "SELECT renewed_by FROM contracts WHERE contract_id = 'SC-6200001'") == [("SC-6200002",)]
    rows = query(con, "SELECT asset_id, basis, rule, inferred_from FROM contract_assets "
                      "WHERE contract_id = 'SC-6200002' ORDER BY 1")
    assert rows == [("AST-H1", "serial", "serial", None), ("AST-H2", "inferred", "renewal_chain", "SC-6200001")]
    assert query(con, "SELECT asset_count FROM contracts WHERE contract_id = 'SC-6200002'") == [(2,)]


def test_a_renewal_paying_for_the_units_it_names_leaves_the_rest_lapsed(tmp_path: Path) -> None:
    # 1,530 over 3 years: 510 a year, one switch at the old price; H2 was dropped at renewal
    con = _build(_partial_renewal(1530), tmp_path)
    rows = query(con, "SELECT asset_id, basis FROM contract_assets WHERE contract_id = 'SC-6200002' ORDER BY 1")
    assert rows == [("AST-H1", "serial")]
    # paying for one and a half: H2 is possibly covered, never a gap
    con = _build(_partial_renewal(2250), tmp_path / "half")
    rows = query(con, "SELECT asset_id, basis FROM contract_assets WHERE contract_id = 'SC-6200002' ORDER BY 1")
    assert rows == [("AST-H1", "serial"), ("AST-H2", "inferred_ambiguous")]
