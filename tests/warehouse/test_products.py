"""Products: list prices from the price list or estimated and flagged, categories, SKU families, warranty."""

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from tests.warehouse.contract_fixtures import FixtureWorld, build, day, query, resolve_assets
from warehouse.products import build_products
from warehouse.steps import WAREHOUSE_SQL


def _product(con: duckdb.DuckDBPyConnection, sku: str) -> dict:
    rel = con.sql("SELECT * FROM products WHERE sku = ?", params=[sku])
    rows = rel.fetchall()
    assert len(rows) == 1, (sku, rows)
    return dict(zip(rel.columns, rows[0], strict=True))


@pytest.mark.parametrize(("written", "sku", "family"), [
    ("sw-c9300-48p", "SW-C9300-48P", "SW-C9300-48P"),
    (" SW-C9300-48P-EU ", "SW-C9300-48P-EU", "SW-C9300-48P"),
    ("SW-C9300-48P-uk", "SW-C9300-48P-UK", "SW-C9300-48P"),
    ("SRV-R740-B=", "SRV-R740-B=", "SRV-R740-B"),
    ("AP C9120AX EU", "APC9120AXEU", "APC9120AX"),
    ("SWL-DNA-ADV-3Y", "SWL-DNA-ADV-3Y", "SWL-DNA-ADV-3Y"),
])
def test_sku_normalisation_and_family(written: str, sku: str, family: str) -> None:
    con = duckdb.connect()
    con.execute(WAREHOUSE_SQL.text("catalogue_macros.sql"))
    assert query(con, "SELECT sku_norm(?), sku_family(?)", [written, written]) == [(sku, family)]


def test_without_a_price_list_the_list_price_is_estimated_and_flagged(tmp_path: Path) -> None:
    w = FixtureWorld()
    for price in (700, 800, 900, 1000, 600):
        w.row("westbridge", customer_id="CUST-1", sku="SRV-T440-S", description="Tower server",
              unit_price=price, quantity=1, amount=price, invoice_date="2025-01-10")
    w.row("tracker_alice", customer_id="CUST-1", sku="SRV-T440-S", service_end="2026-01-09", amount=99999)
    con = build(w, tmp_path)
    build_products(con)
    p = _product(con, "SRV-T440-S")
    assert p["list_price_estimated"] is True and p["list_price_basis"] == "observed_p90"
    assert p["list_price"] == Decimal("960.00")  # 90th percentile of 600..1000; the tracker's value ignored
    assert p["median_unit_price"] == Decimal("800.00") and p["priced_rows"] == 5
    assert (p["category"], p["category_basis"]) == ("hardware", "inferred")


def test_the_price_list_wins_and_a_variant_takes_its_family_price(tmp_path: Path) -> None:
    w = FixtureWorld()
    w.row("price_list", sku="SW-C9300-48P", description="48-port switch", list_price=9800, category="Hardware")
    w.row("westbridge", customer_id="CUST-1", sku="SW-C9300-48P", unit_price=7000, quantity=1, invoice_date="2025-01-10")
    w.row("westbridge", customer_id="CUST-1", sku="sw-c9300-48p-eu", unit_price=7100, quantity=1, invoice_date="2025-01-10")
    con = build(w, tmp_path)
    build_products(con)
    base = _product(con, "SW-C9300-48P")
    assert (base["list_price"], base["list_price_estimated"], base["list_price_basis"]) == (Decimal("9800.00"), False, "price_list")
    assert (base["category"], base["category_basis"], base["description"]) == ("hardware", "price_list", "48-port switch")
    eu = _product(con, "SW-C9300-48P-EU")
    assert (eu["sku_family"], eu["list_price"], eu["list_price_estimated"], eu["list_price_basis"]) == (
        "SW-C9300-48P", Decimal("9800.00"), True, "price_list_family")
    assert eu["category"] == "hardware"


def test_a_sku_spelled_otherwise_takes_the_price_lists_price(tmp_path: Path) -> None:
    # sources write one vendor SKU their own way: without the hyphen, lower case, with a label, with the
    # description in the cell, with an HP option code; each is priced from the list, not estimated
    w = FixtureWorld()
    w.row("price_list", sku="P12345-B21", description="Riser kit", list_price=420, category="Hardware")
    w.row("price_list", sku="P12345-B21=", description="Riser kit, spare", list_price=450, category="Hardware")
    w.row("price_list", sku="5CD123", description="Notebook", list_price=1500, category="Hardware")
    w.row("price_list", sku="20XW-0026GE", description="ThinkPad", list_price=1300, category="Hardware")
    spellings = ["P12345B21", "SKU: P12345-B21", "P12345-B21 - DL380 riser kit", "5CD123#ABA", "20XW0026GE"]
    for sku in spellings:
        w.row("westbridge", customer_id="CUST-1", sku=sku, unit_price=100, quantity=1, invoice_date="2025-01-10")
    con = build(w, tmp_path)
    build_products(con)
    got = {s: _product(con, con.execute("SELECT sku_norm(?)", [s]).fetchall()[0][0]) for s in spellings}
    assert {s: (p["list_price"], p["list_price_basis"]) for s, p in got.items()} == {
        "P12345B21": (Decimal("420.00"), "price_list"),
        "SKU: P12345-B21": (Decimal("420.00"), "price_list"),
        "P12345-B21 - DL380 riser kit": (Decimal("420.00"), "price_list"),
        "5CD123#ABA": (Decimal("1500.00"), "price_list_family"),
        "20XW0026GE": (Decimal("1300.00"), "price_list"),
    }


def test_categories_are_inferred_from_words_and_coverage(tmp_path: Path) -> None:
    w = FixtureWorld()
    w.row("accounting", customer_id="CUST-1", sku="CS-4HR-SW", description="Support 4-hour onsite response",
          amount=500, invoice_date="2025-01-10", contract_number="SC-1", service_end="2026-01-09")
    w.row("accounting", customer_id="CUST-1", sku="XCARE-77", amount=300, invoice_date="2025-01-10",
          contract_number="SC-2", service_start="2025-01-10", service_end="2026-01-09")  # no words, only coverage
    w.row("westbridge", customer_id="CUST-1", sku="SWL-VMW-ENT-1Y", description="Virtualisation licence, 1 year",
          unit_price=3000, quantity=1, invoice_date="2025-01-10")
    w.row("westbridge", customer_id="CUST-1", sku="FW-FPR2130", description="Next-generation firewall",
          unit_price=9000, quantity=1, invoice_date="2025-01-10")
    w.row("price_list", sku="MISC-1", description="Support cable", list_price=10, category="HW")
    con = build(w, tmp_path)
    build_products(con)
    got = {s: (c, b, lvl) for s, c, b, lvl in query(
        con, "SELECT sku, category, category_basis, service_level FROM products")}
    assert got == {
        "CS-4HR-SW": ("service", "inferred", "4HR"),
        "XCARE-77": ("service", "inferred", None),
        "SWL-VMW-ENT-1Y": ("software", "inferred", None),
        "FW-FPR2130": ("hardware", "inferred", None),
        "MISC-1": ("hardware", "price_list", None),  # the price list's category beats the words
    }


def _warranty_world() -> FixtureWorld:
    w = FixtureWorld()
    w.row("price_list", sku="SRV-1", list_price=1000, category="hardware")
    w.row("price_list", sku="SWL-1", list_price=100, category="software")
    w.row("westbridge", customer_id="CUST-1", sku="srv-1", serial_numbers=["HW1"], unit_price=900, quantity=1,
          invoice_date="2025-01-31")
    w.row("westbridge", customer_id="CUST-1", sku="SWL-1", serial_numbers=["LIC1"], unit_price=90, quantity=1,
          invoice_date="2025-03-15")
    w.row("westbridge", customer_id="CUST-1", sku="NOPE-1", serial_numbers=["INF1"], invoice_date="2025-03-15")
    w.row("westbridge", customer_id="CUST-1", serial_numbers=["NOSKU1"], invoice_date="2025-03-15")
    w.row("crm_contracts", contract_number="SC-1", customer_id="CUST-1", serial_numbers=["NOSHIP1"],
          service_end="2026-01-01")  # a serial only seen on coverage: no ship date
    return w


def test_warranty_end_per_category_default_twelve_months_for_hardware(tmp_path: Path) -> None:
    con = build(_warranty_world(), tmp_path)
    build_products(con)
    resolve_assets(con)
    assert query(con, "SELECT count(warranty_end) FROM assets") == [(2,)]
    got = dict(query(con, "SELECT serial_number, warranty_end FROM assets"))
    # NOPE-1 is not on the price list: inferred hardware (sold, no coverage, no service words)
    assert got == {"HW1": day("2026-01-31"), "INF1": day("2026-03-15"), "LIC1": None, "NOSKU1": None, "NOSHIP1": None}


def test_warranty_months_per_category_are_configurable_and_rebuilding_is_idempotent(tmp_path: Path) -> None:
    con = build(_warranty_world(), tmp_path, warranty={"hardware": 36, "software": 12})
    build_products(con)
    resolve_assets(con)
    resolve_assets(con)  # a second pass replaces the table, never adds another column
    got = dict(query(con, "SELECT serial_number, warranty_end FROM assets"))
    assert got["HW1"] == day("2028-01-31") and got["LIC1"] == day("2026-03-15")
    assert query(con, "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'assets' AND column_name = 'warranty_end'") == [(1,)]


def test_a_price_list_without_a_currency_is_in_the_reporting_currency(tmp_path: Path) -> None:
    """The SKU is mostly invoiced in EUR or GBP: that is no reason to read the price list's prices in
    it. A price list row's own currency (its column, or its source's `defaults: currency`, which fills
    the rows' currency) stands; an estimate from observed prices keeps the currency they were seen in."""
    w = FixtureWorld()
    w.row("price_list", sku="SW-C9300-48P", list_price=8000, category="Hardware")  # no currency column
    w.row("price_list", sku="SRV-R740-B", list_price=12500, category="Hardware")
    w.row("price_list", sku="AP-C9120AX", list_price=900, category="Hardware", currency="EUR")
    for sku, currency in (("SW-C9300-48P", "EUR"), ("SW-C9300-48P", "EUR"), ("SRV-R740-B", "GBP"),
                          ("SW-C9300-48P-EU", "EUR"), ("AP-C9120AX", "USD"), ("SRV-T440-S", "GBP")):
        w.row("westbridge", customer_id="CUST-1", sku=sku, unit_price=1000, quantity=1, amount=1000,
              currency=currency, invoice_date="2025-01-10")
    con = build(w, tmp_path, currency="USD")
    build_products(con)
    currencies = dict(query(con, "SELECT sku, currency FROM products"))
    assert currencies["SW-C9300-48P"] == "USD" and currencies["SRV-R740-B"] == "USD"
    assert currencies["SW-C9300-48P-EU"] == "USD"  # its family's price, in the price list's currency
    assert currencies["AP-C9120AX"] == "EUR"  # the price list says so
    assert currencies["SRV-T440-S"] == "GBP"  # no price list row: estimated from GBP prices
