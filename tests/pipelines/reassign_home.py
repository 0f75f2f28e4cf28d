"""A small home with a reseller switch: CRM contracts, invoices and overrides/assignments.csv (real
CSV files), shared by the reassignment end-to-end tests.

Alpha moves from Northwind to Harbor on 2026-12-01 (after the as-of date 2026-11-02); Beta, bought
direct and through Lakeside, moves its channel business to Orbit on 2026-06-01; one Gamma contract
moves to Orbit on 2026-09-01; Delta's renewal went from Northwind to Lakeside by itself (observed);
three rows of the file are bad and quarantined.
"""

import csv
from pathlib import Path

SOURCES_YAML = """\
as_of: 2026-11-02
currency: USD
sources:
  - name: crm_contracts
    kind: crm_contracts
    path: inbox/crm/contracts.csv
  - name: invoices
    kind: accounting
    path: inbox/accounting/invoices.csv
"""
CONTRACT_HEAD = ["Contract Number", "Account Name", "Reseller", "Service Level", "Start Date", "End Date", "Amount",
                 "Currency"]
CONTRACTS = [
    ["SC-3000001", "Alpha Manufacturing Inc", "Northwind Partners", "NBD", "2025-03-01", "2026-02-28", "1000.00", "USD"],
    ["SC-3000002", "Alpha Manufacturing Inc", "Northwind Partners", "NBD", "2026-03-01", "2027-02-28", "1200.00", "USD"],
    ["SC-3000003", "Alpha Manufacturing Inc", "Northwind Partners", "4HR", "2025-12-21", "2026-12-20", "800.00", "USD"],
    ["SC-3000010", "Beta Logistics LLC", "", "NBD", "2025-08-01", "2026-07-31", "2000.00", "USD"],
    ["SC-3000011", "Beta Logistics, LLC", "Lakeside Tech Inc", "4HR", "2025-07-01", "2026-06-30", "1500.00", "USD"],
    ["SC-3000012", "Beta Logistics LLC", "Lakeside Tech Inc", "4HR", "2026-07-01", "2027-06-30", "1600.00", "USD"],
    ["SC-3000020", "Gamma Foods Corp", "Lakeside Tech Inc", "NBD", "2026-01-01", "2026-12-31", "900.00", "USD"],
    ["SC-3000030", "Delta Retail Group", "Northwind Partners", "NBD", "2025-01-15", "2026-01-14", "700.00", "USD"],
    ["SC-3000031", "Delta Retail Group", "Lakeside Tech Inc", "NBD", "2026-01-15", "2027-01-14", "750.00", "USD"],
    ["SC-3000040", "Epsilon Mills Corp", "Harbor Systems LLC", "NBD", "2026-02-01", "2027-01-31", "1100.00", "USD"],
    ["SC-3000041", "Theta Labs LLC", "Orbit Data Corp", "NBD", "2026-02-01", "2027-01-31", "1300.00", "USD"],
]
INVOICE_HEAD = ["Invoice Number", "Invoice Date", "Bill To", "End Customer", "Contract Number", "Amount", "Currency"]
INVOICES = [
    ["INV-1001", "2025-07-01", "Lakeside Tech Inc", "Beta Logistics LLC", "SC-3000011", "1500.00", "USD"],
    ["INV-1002", "2026-07-01", "Lakeside Tech Inc", "Beta Logistics LLC", "SC-3000012", "1600.00", "USD"],
    ["INV-1003", "2025-08-01", "Beta Logistics LLC", "Beta Logistics LLC", "SC-3000010", "2000.00", "USD"],
    ["INV-1004", "2026-03-01", "Northwind Partners", "Alpha Manufacturing Inc", "SC-3000002", "1200.00", "USD"],
]
ASSIGNMENTS = [
    ["customer", "contract", "new_reseller", "new_bill_to", "effective_date", "note"],
    ["Alpha Manufacturing Inc", "", "Harbor Systems LLC", "", "2026-12-01", "Northwind exits the region"],
    ["beta logistics llc", "", "Orbit Data Corp", "", "2026-06-01", "moved at the customer's request"],
    ["", "SC3000020", "orbit data corp", "", "2026-09-01", "one contract only"],
    ["Nobody Corp", "", "Orbit Data Corp", "", "2026-06-01", "unknown customer"],
    ["Gamma Foods Corp", "", "Orbit Data Corp", "", "2026-02-31", "impossible date"],
    ["Gamma Foods Corp", "", "", "", "2026-06-01", "nothing to move to"],
]


def write_csv(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


def make_home(home: Path, *, assignments: bool = True) -> Path:
    """Write the home (with or without overrides/assignments.csv) and return it."""
    (home / "inbox").mkdir(parents=True, exist_ok=True)
    (home / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    write_csv(home / "inbox/crm/contracts.csv", [CONTRACT_HEAD, *CONTRACTS])
    write_csv(home / "inbox/accounting/invoices.csv", [INVOICE_HEAD, *INVOICES])
    if assignments:
        write_csv(home / "overrides/assignments.csv", ASSIGNMENTS)
    return home
