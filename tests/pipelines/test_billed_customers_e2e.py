"""A night with two ledgers that name only who they invoice: a reseller's books bill end customers the
CRM knows (and one it does not), a vendor's books bill resellers. The first ledger's bill-tos are the
customers themselves, billed directly; the second's stay resellers. No known customer becomes a
leasing partner, and a reseller cell saying "DIRECT" or "(none)" is a direct sale: no partner, and none taken from
the customer's history."""

from pathlib import Path

import duckdb

from pipelines.cli import run_nightly

SOURCES_YAML = """\
as_of: 2026-11-01
currency: USD
sources:
- name: crm
  kind: crm_contracts
  path: inbox/contracts.csv
- name: reseller_books
  kind: accounting
  path: inbox/reseller_books.csv
- name: vendor_books
  kind: accounting
  path: inbox/vendor_books.csv
"""
CONTRACTS_CSV = """\
Contract Number,Customer Name,Serial Number,SKU,Start Date,End Date,Annual Value,Reseller
SC-1000001,Union Steel Inc,FCW2231X0AB,SVC-1,2025-12-01,2026-11-30,1200,Rosbrook Technology Partners
SC-1000002,Orchard Mining LLC,FCW2231X0AC,SVC-1,2025-12-01,2026-12-15,900,Rosbrook Technology Partners
SC-1000003,Kingsley Paper Holdings LLC,FCW2231X0AD,SVC-1,2025-12-01,2026-12-20,800,Netsmith Data Systems
SC-1000006,Lakeshore Media Inc,FCW2231X0AG,SVC-1,2024-12-01,2025-11-30,650,Netsmith Data Systems
SC-1000004,Lakeshore Media Inc,FCW2231X0AE,SVC-1,2025-12-01,2026-12-20,700,DIRECT
SC-1000005,Valby Insurance Inc,FCW2231X0AF,SVC-1,2025-12-01,2026-12-20,600,(none)
"""
RESELLER_BOOKS_CSV = """\
Type,Date,Num,Name,Item,Qty,Amount
Invoice,03/13/2026,INV-001,"UNION STEEL, INC.",SVC-1,1,"1,300.00"
Invoice,03/15/2026,INV-002,Orchard Mining,SVC-1,1,"1,320.00"
Invoice,03/17/2026,INV-003,Kingsley Paper Holdings LLC,SVC-1,1,"1,340.00"
Invoice,03/19/2026,INV-004,Brandvold Farms Co,SVC-1,1,"1,360.00"
"""
VENDOR_BOOKS_CSV = """\
Type,Date,Num,Name,Item,Qty,Amount
Invoice,03/13/2026,V-001,Rosbrook Technology Partners,SVC-1,2,"2,400.00"
Invoice,03/15/2026,V-002,Netsmith Data Systems Inc,SVC-1,1,"800.00"
"""


def test_a_ledger_billing_customers_bills_them_directly_and_one_billing_resellers_stays_channel(
        tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "inbox").mkdir(parents=True)
    (home / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    for name, text in (("contracts.csv", CONTRACTS_CSV), ("reseller_books.csv", RESELLER_BOOKS_CSV),
                       ("vendor_books.csv", VENDOR_BOOKS_CSV)):
        (home / "inbox" / name).write_text(text, encoding="utf-8")
    assert run_nightly(home, quiet=True)
    con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    try:
        billed = con.execute("""
            SELECT r.source, r.bill_to_name, c.name, p.bill_to_role, p.bill_to_id = p.customer_id
            FROM source_records r JOIN record_parties p USING (record_id) LEFT JOIN customers c USING (customer_id)
            WHERE r.kind = 'accounting' ORDER BY r.source, r.source_row""").fetchall()
        partners = dict(con.execute("SELECT name, role FROM partners").fetchall())
        resold = dict(con.execute("""SELECT c.contract_number, p.name FROM contracts c
                                     LEFT JOIN partners p ON p.partner_id = c.reseller_id
                                     WHERE c.contract_number IN ('SC-1000004', 'SC-1000006')""").fetchall())
        lineage = con.execute("""SELECT raw_name FROM customer_sources JOIN customers USING (customer_id)
                                 WHERE source = 'reseller_books' AND name = 'Brandvold Farms Co'""").fetchall()
    finally:
        con.close()
    assert billed == [
        ("reseller_books", "UNION STEEL, INC.", "Union Steel Inc", "customer", True),
        ("reseller_books", "Orchard Mining", "Orchard Mining LLC", "customer", True),
        ("reseller_books", "Kingsley Paper Holdings LLC", "Kingsley Paper Holdings LLC", "customer", True),
        ("reseller_books", "Brandvold Farms Co", "Brandvold Farms Co", "customer", True),
        ("vendor_books", "Rosbrook Technology Partners", None, "reseller", None),
        ("vendor_books", "Netsmith Data Systems Inc", None, "reseller", None),
    ]
    assert partners == {"Rosbrook Technology Partners": "reseller", "Netsmith Data Systems": "reseller"}
    assert lineage == [("Brandvold Farms Co",)]
    # the direct sale takes no reseller from the customer's history (its earlier contract's Netsmith)
    assert resold == {"SC-1000006": "Netsmith Data Systems", "SC-1000004": None}
