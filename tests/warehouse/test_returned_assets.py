"""Returned units: a return line (an RMA: quantity -1, or a negative amount without a quantity) takes
a unit back (`assets.returned_on`), unless a later sale sold it again; its ship date is its sale's, and a unit sold again after its return is its new buyer's."""

from pathlib import Path

from tests.warehouse.contract_fixtures import FixtureWorld, build, query, resolve_assets
from warehouse.products import build_products


def test_a_returned_unit_is_marked_and_a_resold_one_is_held(tmp_path: Path) -> None:
    w = FixtureWorld()
    w.row("price_list", sku="C9300-48P-A", list_price=5120, category="hardware", kind="price_list")
    sale = {"customer_id": "CUST-1", "reseller_id": "PART-R1", "sku": "C9300-48P-A"}
    w.row("westbridge", serial_numbers=["FOC1", "FOC2", "FOC3"], quantity=3, amount=15360,
          invoice_date="2024-03-01", **sale)
    w.row("westbridge", serial_numbers=["FOC3"], quantity=-1, amount=-5120, invoice_date="2024-03-20", **sale)
    w.row("westbridge", serial_numbers=["FOC9"], quantity=1, amount=0, invoice_date="2024-03-25", **sale)  # replacement
    # a credit without a quantity takes FOC2 back; FOC1 comes back and is sold again, refurbished
    w.row("westbridge", serial_numbers=["FOC2"], amount=-5120, invoice_date="2024-04-02", **sale)
    w.row("westbridge", serial_numbers=["FOC1"], quantity=-1, amount=-5120, invoice_date="2024-05-01", **sale)
    w.row("westbridge", customer_id="CUST-2", reseller_id="PART-R1", sku="C9300-48P-A", serial_numbers=["FOC1"],
          quantity=1, amount=4000, invoice_date="2024-09-01")
    con = build(w, tmp_path, as_of="2026-01-01")
    build_products(con)
    resolve_assets(con)
    rows = query(con, "SELECT serial_number, customer_id, CAST(ship_date AS VARCHAR), CAST(returned_on AS VARCHAR) "
                      "FROM assets ORDER BY 1")
    # FOC1 belongs to its new sale: its new customer, shipped again
    assert rows == [("FOC1", "CUST-2", "2024-09-01", None), ("FOC2", "CUST-1", "2024-03-01", "2024-04-02"),
                    ("FOC3", "CUST-1", "2024-03-01", "2024-03-20"), ("FOC9", "CUST-1", "2024-03-25", None)]
