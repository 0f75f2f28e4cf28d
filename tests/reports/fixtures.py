"""A small hand-made warehouse with exactly the tables the opportunity build reads, as of 2026-11-01.

Every contract, asset and party is here for one rule; the expected outcome is in the comment.
Customer and partner names include formula look-alikes ("=HYPERLINK(...)", "+1 Corp", "@Home",
"-Minus", "=cmd|...") to prove no workbook or CSV turns source text into a formula.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb

from reports.valuation import ValuationSettings
from warehouse.settings import BuildSettings, register_build_settings

AS_OF = dt.date(2026, 11, 1)
HYPERLINK = '=HYPERLINK("http://evil.example/x","click me")'
FORMULA_NAMES = (HYPERLINK, "+1 Corp", "@Home Ltd", "-Minus Inc", "=cmd|' /C calc'!A0")

DDL = """
CREATE TABLE customers (customer_id VARCHAR, name VARCHAR, phone VARCHAR, contact_name VARCHAR, contact_email VARCHAR,
                        contact_phone VARCHAR, crm_account_id VARCHAR, country VARCHAR);
CREATE TABLE partners (partner_id VARCHAR, name VARCHAR, role VARCHAR);
CREATE TABLE products (sku VARCHAR, description VARCHAR, category VARCHAR, list_price DECIMAL(18, 2),
                       list_price_estimated BOOLEAN, currency VARCHAR);
CREATE TABLE assets (asset_id VARCHAR, serial_number VARCHAR, sku VARCHAR, customer_id VARCHAR,
                     reseller_id VARCHAR, ship_date DATE, warranty_end DATE, returned_on DATE);
CREATE TABLE contracts (contract_id VARCHAR, contract_number VARCHAR, customer_id VARCHAR, bill_to_id VARCHAR,
                        reseller_id VARCHAR, service_level VARCHAR, start_date DATE, end_date DATE,
                        amount DECIMAL(18, 2), currency VARCHAR, status VARCHAR, renewed_by VARCHAR, sku VARCHAR,
                        term_months INTEGER);
CREATE TABLE contract_assets (contract_id VARCHAR, asset_id VARCHAR, basis VARCHAR);
CREATE TABLE source_records (record_id VARCHAR, kind VARCHAR, rep VARCHAR, rep_account VARCHAR);
CREATE TABLE customer_sources (customer_id VARCHAR, record_id VARCHAR);
CREATE TABLE partner_sources (partner_id VARCHAR, record_id VARCHAR);
CREATE TABLE contract_sources (contract_id VARCHAR, record_id VARCHAR);
"""

CUSTOMERS = [
    ("CUST-1", HYPERLINK),          # CRM owner Alice
    ("CUST-2", "+1 Corp"),          # no CRM owner; Bob's tracker names it
    ("CUST-3", "Acme GmbH"),        # no CRM owner; Carol owns its CRM contract K3
    ("CUST-4", "@Home Ltd"),        # nobody; its reseller's channel rep is Dan
    ("CUST-5", "-Minus Inc"),       # nobody at all: unassigned
    ("CUST-6", "Müller & Söhne"),   # CRM owner Alice
]
#: customer -> (main phone, contact name, e-mail, phone, CRM account id)
CUSTOMER_CONTACTS = {
    "CUST-1": ("2125550100", "Jane O'Brien", "jane.obrien@example.com", "+1 212 555 0101", "0015e00000AAA111"),
    "CUST-2": ("(646) 555-0199", "-Dash Person", None, None, None),   # formula-like contact, main line only
    "CUST-4": (None, "Kurt Müller", "k.mueller@example.de", "+49 89 1234567", "0015e00000BBB222"),
}
#: rep -> CRM user id, as the CRM account rows send it
REP_IDS = {"Alice Moreno": "0055e00000ALICE1", "Dan Channel": "0055e00000DAN001"}
PARTNERS = [
    ("PART-1", "Gold Reseller Inc", "reseller"),   # tier gold when configured
    ("PART-2", "=cmd|' /C calc'!A0", "reseller"),
]
PRODUCTS = [
    ("HW-1", "Server", "hardware", 10000, False, "USD"),
    ("HW-2", "Switch", "hardware", None, False, "USD"),   # no list price
    ("SW-1", "Licence", "software", 500, False, "USD"),
    ("CS-NBD", "Support NBD per unit-year", "service", 300, False, "USD"),
]
ASSETS = [
    ("AST-1", "SN-A1", "HW-1", "CUST-1", "PART-1", "2024-01-01", "2025-01-01"),  # covered by K1
    ("AST-2", "SN-A2", "HW-1", "CUST-4", "PART-1", "2024-06-01", "2025-06-01"),  # never covered: gap
    ("AST-3", "SN-A3", "HW-1", "CUST-4", "PART-1", "2024-01-01", "2025-01-01"),  # K10 ended 2026-01-15: gap
    ("AST-4", "SN-A4", "HW-1", "CUST-4", "PART-1", "2024-01-01", "2025-01-01"),  # K11 ended 2026-09-01: lapsed, no gap
    ("AST-5", "SN-A5", "HW-1", "CUST-4", "PART-1", "2026-01-01", "2027-01-01"),  # under warranty: no gap
    ("AST-6", "SN-A6", "SW-1", "CUST-2", "PART-2", "2023-01-01", "2024-01-01"),  # software: no attach rate
    ("AST-7", "SN-A7", "HW-2", "CUST-6", None, "2023-01-01", "2024-01-01"),      # gap without a list price
    ("AST-8", "SN-A8", "HW-1", "CUST-2", "PART-2", "2023-01-01", "2024-01-01"),  # under K2 (3-year)
    ("AST-9", "SN-A9", "HW-1", "CUST-1", "PART-1", "2023-01-01", "2024-01-01"),  # under K6
]
CONTRACTS = [
    # id, customer, reseller, level, start, end, amount, currency, status, renewed_by, sku
    ("K1", "CUST-1", "PART-1", "NBD", "2025-11-11", "2026-11-10", 1200, "USD", "expiring", None, "CS-NBD"),
    ("K2", "CUST-2", "PART-2", "4HR", "2024-02-01", "2027-01-31", 3600, "USD", "active", None, "CS-4HR"),
    ("K3", "CUST-3", "PART-1", "NBD", "2025-09-01", "2026-08-31", 1000, "USD", "expired", None, "CS-NBD"),
    ("K4", "CUST-3", "PART-1", "NBD", "2025-10-01", "2026-09-30", 900, "USD", "renewed", "K4B", "CS-NBD"),
    ("K4B", "CUST-3", "PART-1", "NBD", "2026-10-01", "2027-09-30", 950, "USD", "active", None, "CS-NBD"),
    ("K5", "CUST-1", "PART-1", "NBD", "2024-12-02", "2025-12-01", 700, "USD", "expired", None, "CS-NBD"),
    ("K6", "CUST-1", "PART-1", "NBD", "2026-03-16", "2027-03-15", 2000, "USD", "active", None, "CS-NBD"),
    ("K7", "CUST-5", None, "NBD", "2025-12-16", "2026-12-15", None, "USD", "expiring", None, "CS-NBD"),
    ("K8", "CUST-6", "PART-1", "NBD", "2025-11-21", "2026-11-20", 800, "USD", "renewed", "K8B", "CS-NBD"),
    ("K8B", "CUST-6", "PART-1", "NBD", "2026-11-21", "2027-11-20", 820, "USD", "active", None, "CS-NBD"),
    ("K9", "CUST-2", "PART-2", "NBD", "2025-12-02", "2026-12-01", 1000, "EUR", "expiring", None, "CS-NBD"),
    ("K10", "CUST-4", "PART-1", "NBD", "2025-01-16", "2026-01-15", 400, "USD", "expired", None, "CS-NBD"),
    ("K11", "CUST-4", "PART-1", "NBD", "2025-09-02", "2026-09-01", 500, "USD", "expired", None, "CS-NBD"),
]
CONTRACT_ASSETS = [(k, a, "serial") for k, a in (("K1", "AST-1"), ("K2", "AST-8"), ("K6", "AST-9"), ("K7", "AST-1"),
                                                  ("K7", "AST-9"), ("K10", "AST-3"), ("K11", "AST-4"))]
SOURCE_RECORDS = [
    ("R-ACC-1", "crm_accounts", "Alice Moreno"),      # CUST-1's CRM account
    ("R-ACC-1B", "crm_accounts", "Zed Other"),        # a duplicate account of CUST-1 (Alice named more often)
    ("R-ACC-1C", "crm_accounts", "Alice Moreno"),
    ("R-ACC-6", "crm_accounts", "Alice Moreno"),      # CUST-6
    ("R-TRK-2", "sales_rep", "Bob Tracker"),          # Bob's tracker names CUST-2
    ("R-CON-3", "crm_contracts", "Carol Contracts"),  # CRM contract K3
    ("R-TRK-3", "sales_rep", "Tom Tracker"),          # a tracker line of K3 (Carol's CRM contract wins)
    ("R-PART-1", "crm_accounts", "Dan Channel"),      # PART-1's partner account
]
CUSTOMER_SOURCES = [("CUST-1", "R-ACC-1"), ("CUST-1", "R-ACC-1B"), ("CUST-1", "R-ACC-1C"), ("CUST-6", "R-ACC-6"),
                    ("CUST-2", "R-TRK-2"), ("CUST-3", "R-TRK-3")]
PARTNER_SOURCES = [("PART-1", "R-PART-1")]
CONTRACT_SOURCES = [("K3", "R-CON-3"), ("K3", "R-TRK-3")]


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    if rows:
        marks = ", ".join("?" for _ in rows[0])
        con.executemany(f"INSERT INTO {table} VALUES ({marks})", [list(r) for r in rows])


def build_fixture(con: duckdb.DuckDBPyConnection) -> None:
    """Create the input tables in the connection's current catalog."""
    con.execute(DDL)
    _insert(con, "customers", [(k, n, *CUSTOMER_CONTACTS.get(k, (None,) * 5), "US") for k, n in CUSTOMERS])
    _insert(con, "partners", PARTNERS)
    _insert(con, "products", PRODUCTS)
    _insert(con, "assets", [(*a, None) for a in ASSETS])  # none returned
    _insert(con, "contracts", [(c[0], c[0].replace("K", "SC-00"), c[1], None, *c[2:], None) for c in CONTRACTS])
    # the term from the dates, as the contract build makes it (a term a SKU states when no start is known)
    con.execute("UPDATE contracts SET term_months = CAST(round((end_date - start_date + 1) / 30.4375) AS INTEGER) "
                "WHERE end_date >= start_date")
    _insert(con, "contract_assets", CONTRACT_ASSETS)
    _insert(con, "source_records", [(*r, REP_IDS.get(r[2]) if r[1] == "crm_accounts" else None)
                                    for r in SOURCE_RECORDS])
    _insert(con, "customer_sources", CUSTOMER_SOURCES)
    _insert(con, "partner_sources", PARTNER_SOURCES)
    _insert(con, "contract_sources", CONTRACT_SOURCES)


def fixture_file(path: Path, cache: dict[str, Path] = {}) -> Path:  # noqa: B006 - a per-process cache
    """A DuckDB file holding the fixture (built once per process, copied to `path`)."""
    if "file" not in cache or not cache["file"].exists():
        import tempfile

        src = Path(tempfile.mkdtemp(prefix="reports-fixture-")) / "fixture.duckdb"
        con = duckdb.connect(str(src))
        try:
            build_fixture(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        cache["file"] = src
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cache["file"], path)
    return path


SOURCES_YAML = """\
as_of: 2026-11-01
currency: USD
sources: []
valuation:
  fx_rates: {EUR: 1.1}
  partner_tiers: {"Gold Reseller Inc": gold}
  partner_share: {gold: 0.6}
"""


def make_home(root: Path, valuation_yaml: str | None = None) -> Path:
    """A home with sources.yaml (fx EUR 1.1, PART-1 gold at 60% partner share)."""
    home = root / "home"
    home.mkdir(parents=True, exist_ok=True)
    (home / "sources.yaml").write_text(valuation_yaml or SOURCES_YAML, encoding="utf-8")
    return home


def open_build(path: Path, settings: ValuationSettings, as_of: dt.date = AS_OF) -> duckdb.DuckDBPyConnection:
    """A read-write connection to `path` with the run settings registered, as the nightly stage opens it."""
    con = duckdb.connect(str(path))
    register_build_settings(con, BuildSettings(as_of=as_of, currency=settings.currency, rules=settings))
    return con
