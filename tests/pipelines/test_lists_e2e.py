"""End to end on a small home of real files (CSV and xlsx): who to call, inferred coverage, the
installed base, the CRM import, and what changed on a second run with one contract renewed."""

import csv
import shutil
from pathlib import Path

import openpyxl
import pytest

from pipelines.cli import run_nightly
from tests.pipelines.warehouse_query import query

SOURCES_YAML = """\
as_of: 2026-11-02
currency: USD
sources:
  - name: crm_accounts
    kind: crm_accounts
    path: inbox/crm/accounts.csv
  - name: crm_contracts
    kind: crm_contracts
    path: inbox/crm/contracts*.csv
  - name: westbridge
    kind: distributor
    path: inbox/dist/*.csv
  - name: price_list
    kind: price_list
    path: inbox/prices.csv
  - name: tracker_bob
    kind: sales_rep
    path: inbox/reps/bob.xlsx
    rep: Bob Rep
"""
ACCOUNTS = [
    ["Account ID", "Account Name", "Type", "Billing City", "Phone", "Account Owner", "Account Owner ID",
     "Primary Contact", "Contact Email", "Contact Phone"],
    ["0015e00000ALPHA1", "Alpha Manufacturing Inc", "Customer", "Chicago", "312-555-0199", "Dana Scott",
     "0055e00000DANA01", "Pat Lee", "pat.lee@alpha.example", "(312) 555-0100"],
    ["0015e00000BETA01", "Beta Logistics LLC", "Customer", "Boston", "617-555-0199", "Dana Scott",
     "0055e00000DANA01", "", "", ""],
    ["0015e00000GAMMA1", "Gamma Foods Corp", "Customer", "Denver", "303-555-0199", "Eli Park",
     "0055e00000ELI001", "Jo Kim", "jo.kim@gamma.example", "303-555-0123"],
]
CONTRACTS = [
    ["Contract Number", "Account ID", "Account Name", "Service Level", "Start Date", "End Date", "Amount", "Currency",
     "Owner"],
    ["SC-1000001", "0015e00000ALPHA1", "Alpha Manufacturing Inc", "NBD", "12/01/2025", "11/30/2026", "1200.00",
     "USD", "Dana Scott"],
    ["SC-1000002", "0015e00000BETA01", "Beta Logistics LLC", "4HR", "12/15/2025", "12/14/2026", "2400.00", "USD",
     "Dana Scott"],
    ["SC-1000003", "0015e00000GAMMA1", "Gamma Foods Corp", "NBD", "01/10/2026", "01/09/2027", "15000.00", "USD",
     "Eli Park"],
]
RENEWAL = [CONTRACTS[0], ["SC-1000011", "0015e00000ALPHA1", "Alpha Manufacturing Inc", "NBD", "12/01/2026",
                          "11/30/2027", "1236.00", "USD", "Dana Scott"]]
SALES = [["Invoice Date", "Invoice No", "Reseller", "End User", "Part Number", "Description", "Serial Number", "Qty",
          "Unit Price", "Ext Price"]]
SALES += [["2024-11-20", "INV-1", "Northwind Partners", "Alpha Manufacturing Inc", "SRV-100", "Rack server", s, "1",
           "9500.00", "9500.00"] for s in ("ALP0001", "ALP0002")]
SALES += [["2023-01-05", "INV-2", "Northwind Partners", "Gamma Foods Corp", "SRV-100", "Rack server", s, "1",
           "9500.00", "9500.00"] for s in ("GAM0001", "GAM0002", "GAM0003")]
SALES += [["2024-06-01", "INV-3", "Northwind Partners", "Delta Retail Group", "SW-200", "Switch", "DEL0001", "1",
           "2800.00", "2800.00"],
          ["2020-01-10", "INV-4", "Northwind Partners", "Epsilon Old Mills", "SW-200", "Switch", "EPS0001", "1",
           "2800.00", "2800.00"]]
PRICES = [["SKU", "Description", "Category", "List Price"], ["SRV-100", "Rack server", "hardware", "10000"],
          ["SW-200", "Switch", "hardware", "3000"]]


def _csv(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


def _tracker(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Renewals"
    ws.append(["Customer", "Contract #", "Expiry", "Renewal Value", "Contact", "Contact Phone"])
    ws.append(["Beta Logistics", "SC-0999990", "2025-06-30", 2000, "Old Contact", "617-555-0000"])  # an earlier one
    ws.append(["Beta Logistics", "SC-1000002", "2026-12-14", 2400, "Sam Rivera", "617-555-0142"])
    wb.save(path)


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The home after its first run, and a copy run again after SC-1000001 was renewed."""
    home = tmp_path_factory.mktemp("lists") / "home"
    (home / "inbox").mkdir(parents=True)
    (home / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    _csv(home / "inbox/crm/accounts.csv", ACCOUNTS)
    _csv(home / "inbox/crm/contracts.csv", CONTRACTS)
    _csv(home / "inbox/dist/sales.csv", SALES)
    _csv(home / "inbox/prices.csv", PRICES)
    _tracker(home / "inbox/reps/bob.xlsx")
    assert run_nightly(home, quiet=True)
    second = home.parent / "second"
    shutil.copytree(home, second)
    _csv(second / "inbox/crm/contracts_renewed.csv", RENEWAL)
    assert run_nightly(second, quiet=True)
    return home, second


def test_contacts_come_from_the_most_trusted_then_the_most_recent_source(homes: tuple[Path, Path]) -> None:
    home, _ = homes
    got = query(home, "SELECT name, contact_name, contact_email, contact_phone, contact_source, crm_account_id "
                      "FROM customers ORDER BY name").set_index("name")
    alpha = got.loc["Alpha Manufacturing Inc"]
    assert (alpha.contact_name, alpha.contact_email, alpha.contact_phone, alpha.contact_source) == (
        "Pat Lee", "pat.lee@alpha.example", "(312) 555-0100", "crm_accounts")
    beta = got.loc["Beta Logistics LLC"]  # no contact in the CRM: the tracker's latest row, not its earlier one
    assert (beta.contact_name, beta.contact_phone, beta.crm_account_id) == ("Sam Rivera", "617-555-0142",
                                                                            "0015e00000BETA01")


def test_a_contract_without_serials_covers_the_customers_shipment_and_old_gaps_are_the_installed_base(
        homes: tuple[Path, Path]) -> None:
    home, _ = homes
    inferred = query(home, "SELECT ca.contract_id, a.serial_number, ca.basis, ca.rule FROM contract_assets ca "
                           "JOIN assets a USING (asset_id) ORDER BY 1, 2")
    assert set(zip(inferred.contract_id, inferred.serial_number, inferred.basis, inferred.rule, strict=True)) >= {
        ("SC-1000001", "ALP0001", "inferred", "customer_product"),
        ("SC-1000001", "ALP0002", "inferred", "customer_product"),
        ("SC-1000003", "GAM0003", "inferred", "customer_product")}
    gaps = query(home, "SELECT a.serial_number FROM opportunity_assets oa JOIN renewal_opportunities o "
                       "USING (opportunity_id) JOIN assets a USING (asset_id) WHERE o.kind = 'coverage_gap'")
    assert set(gaps.serial_number) == {"DEL0001"}  # Alpha's and Gamma's units are under contract: never gaps
    base = query(home, "SELECT serial_number, years_uncovered FROM installed_base")
    assert list(base.serial_number) == ["EPS0001"] and float(base.years_uncovered[0]) > 3
    renewals = query(home, "SELECT contract_id, asset_count, priority, action_date, expiry_window, \"window\" "
                           "FROM renewal_opportunities WHERE kind = 'renewal' ORDER BY contract_id")
    assert list(renewals.asset_count) == [2, 0, 3] and (renewals.expiry_window == renewals["window"]).all()
    gamma = renewals.set_index("contract_id").loc["SC-1000003"]  # high value, ends in 68 days
    assert gamma.priority == 1 and str(gamma.action_date)[:10] == "2026-11-02"


def test_the_crm_csv_carries_ids_owners_contacts_products_and_each_opportunitys_own_close_date(
        homes: tuple[Path, Path]) -> None:
    home, _ = homes
    with open(home / "out" / "crm_import.csv", encoding="utf-8", newline="") as fh:
        rows = {r["Contract Number"] or r["Product Code"]: r for r in csv.DictReader(fh)}
    alpha = rows["SC-1000001"]
    assert (alpha["Account ID"], alpha["Owner ID"], alpha["Opportunity Owner"]) == (
        "0015e00000ALPHA1", "0055e00000DANA01", "Dana Scott")
    assert (alpha["Contact Name"], alpha["Contact Email"], alpha["Contact Phone"]) == (
        "Pat Lee", "pat.lee@alpha.example", "(312) 555-0100")
    assert (alpha["Close Date"], alpha["Quantity"], alpha["Type"]) == ("2026-11-30", "2", "Renewal")
    assert rows["SC-1000003"]["Close Date"] == "2027-01-09" and rows["SC-1000003"]["Owner ID"] == "0055e00000ELI001"
    gap = rows["SW-200"]  # Delta's uncovered switch: no CRM account, so no ids; closes 90 days after its action date
    assert (gap["Type"], gap["Account ID"], gap["Owner ID"], gap["Quantity"]) == ("New coverage", "", "", "1")
    assert gap["Close Date"] > "2026-11-02"


def test_a_second_run_shows_the_renewed_contract_as_dropped_on_the_changes_sheet(homes: tuple[Path, Path]) -> None:
    home, second = homes
    assert query(home, "SELECT count(*) AS n FROM opportunity_changes")["n"][0] == 0  # a first run: nothing to compare
    changes = query(second, "SELECT change, kind, contract_id, reason FROM opportunity_changes")
    dropped = changes[changes["change"] == "dropped"]
    assert list(dropped.contract_id) == ["SC-1000001"] and dropped.reason.iloc[0] == "renewed by SC-1000011"
    ws = openpyxl.load_workbook(second / "out" / "renewal_opportunities.xlsx")["Changes"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2) if r[0].value]
    row = next(r for r in rows if r["Contract"] == "SC-1000001")
    assert (row["Change"], row["Kind"], row["Why"], row["Previous value"]) == (
        "dropped", "Renewal", "renewed by SC-1000011", 1236.0)
    summary = openpyxl.load_workbook(second / "out" / "renewal_opportunities.xlsx")["Summary"]
    assert any(c.value == "Since the run as of 2026-11-02" for c in summary["A"])


def test_no_column_is_typed_null_and_every_table_is_documented(homes: tuple[Path, Path]) -> None:
    home, _ = homes
    typed_null = query(home, "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = "
                             "current_database() AND schema_name = 'main' AND data_type = 'NULL'")
    assert typed_null.empty, typed_null.values.tolist()  # e.g. customers.email, partners.domain when no source has one
    undocumented = query(home, "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
                               "AND comment IS NULL")
    assert undocumented.empty
