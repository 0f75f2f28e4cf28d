"""End to end on real CSV files through the nightly Dagster job: every kind of registration problem
with the rows that show it and its value at stake, attach rates, reseller scorecards (against
hand-computed figures), the channel managers' workbook and the Scorecard sheet of a reseller's workbook."""

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipelines.cli import run_nightly
from tests.pipelines.warehouse_query import query

SOURCES_YAML = """\
as_of: 2026-11-02
currency: USD
sources:
  - name: pos
    kind: distributor
    path: inbox/dist/pos.csv
  - name: invoices
    kind: accounting
    path: inbox/acct/invoices.csv
  - name: crm_contracts
    kind: crm_contracts
    path: inbox/crm/contracts.csv
  - name: prices
    kind: price_list
    path: inbox/prices.csv
  - name: program
    kind: partner_program
    path: inbox/program.csv
"""
POS = [
    ["Invoice Date", "Invoice No", "Reseller", "End User", "Part Number", "Serial Number", "Qty", "Unit Price",
     "Ext Price"],
    ["2025-12-01", "P-1", "Northwind Partners", "Alpha Manufacturing Inc", "SRV-100", "FCH2249V1AB", "1", "4000", "4000"],
    ["2025-12-01", "P-2", "Northwind Partners", "Alpha Manufacturing Inc", "SRV-100", "FDO2310X7KQ", "1", "4000", "4000"],
    ["2026-01-10", "P-3", "Northwind Partners", "N/A", "SRV-100", "FOC2117R9LD", "1", "4000", "4000"],         # row 4
    ["2026-02-10", "P-4", "Harbor Systems LLC", "Harbor Systems LLC", "SW-200", "JAE2205T4WN", "1", "1500", "1500"],
    ["2026-03-01", "P-5", "Harbor Systems LLC", "Beta Logistics LLC", "SW-200", "JPG2338H6YC", "1", "1500", "1500"],
    ["2026-04-01", "P-6", "Northwind Partners", "", "SRV-100", "FTX2150K3MB", "1", "4000", "4000"],            # row 7
    ["2026-10-15", "P-7", "Northwind Partners", "Alpha Manufacturing Inc", "SRV-100", "FJC2431M2ZP", "1", "4000", "4000"],
]
INVOICES = [
    ["Invoice Number", "Invoice Date", "Bill To", "Ship To Name", "Item", "Serial No", "Contract Ref",
     "Service Start", "Service End", "Amount", "Currency"],
    ["INV-1", "2025-12-10", "Northwind Partners", "Alpha Manufacturing Inc", "CS-SRV", "FCH2249V1AB", "SC-3000001",
     "2025-12-15", "2026-12-14", "1200.00", "USD"],
    ["INV-2", "2026-01-05", "Harbor Systems LLC", "Beta Logistics LLC", "CS-SW", "", "SC-3000002",
     "2026-01-10", "2027-01-09", "800.00", "USD"],
    ["INV-3", "2026-03-10", "Harbor Systems LLC", "Gamma Foods Corp", "CS-SW", "", "SC-3000004",
     "2026-03-15", "2027-03-14", "700.00", "USD"],
    ["INV-4", "2025-02-20", "Northwind Partners", "Omega Clinics Inc", "CS-SRV", "", "SC-3000005",
     "2025-03-01", "2026-02-28", "1000.00", "USD"],
    ["INV-5", "2026-02-20", "Northwind Partners", "Omega Clinics Inc", "CS-SRV", "", "SC-3000006",
     "2026-03-01", "2027-02-28", "1000.00", "USD"],
    ["INV-6", "2025-04-20", "Northwind Partners", "Omega Clinics Inc", "CS-SW", "", "SC-3000007",
     "2025-05-01", "2026-04-30", "1500.00", "USD"],
]
CRM = [
    ["Contract Number", "Account Name", "Reseller", "Service Level", "Start Date", "End Date", "Amount", "Currency",
     "Serial Numbers"],
    ["SC-3000001", "Alpha Manufacturing Inc", "Northwind Partners", "NBD", "2025-12-15", "2026-12-14", "1200.00",
     "USD", "FCH2249V1AB"],
    ["SC-3000003", "Delta Retail Group", "Northwind Partners", "NBD", "2026-02-01", "2027-01-31", "900.00", "USD", ""],
    ["SC-3000004", "Gamma Foods Corp", "Harbor Systems LLC", "NBD", "2026-03-15", "2027-03-14", "700.00", "USD",
     "JPG2338H6YC"],
    ["SC-3000005", "Omega Clinics Inc", "Northwind Partners", "NBD", "2025-03-01", "2026-02-28", "1000.00",
     "USD", ""],
    ["SC-3000006", "Omega Clinics Inc", "Northwind Partners", "NBD", "2026-03-01", "2027-02-28", "1000.00",
     "USD", ""],
    ["SC-3000007", "Omega Clinics Inc", "Northwind Partners", "4HR", "2025-05-01", "2026-04-30", "1500.00",
     "USD", ""],
]
PRICES = [
    ["SKU", "Description", "Category", "List Price"],
    ["SRV-100", "Rack server", "hardware", "5000"],
    ["SW-200", "Switch 48 port", "hardware", "2000"],
    ["CS-SRV", "Support, servers, 1 year", "service", "1200"],
    ["CS-SW", "Support, switches, 1 year", "service", "800"],
]
PROGRAM = [
    ["Partner", "Tier", "Certification", "Support Model", "Revenue Share", "Valid From", "Valid To"],
    ["Northwind Partners", "Silver", "Professional", "Reseller first-line support", "35%", "2026-01-01", ""],
    ["Harbor Systems LLC", "Gold", "Expert", "Reseller first-line support", "40%", "2026-01-01", ""],
]


def _csv(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("registration")
    (home / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    for rel, rows in (("inbox/dist/pos.csv", POS), ("inbox/acct/invoices.csv", INVOICES),
                      ("inbox/crm/contracts.csv", CRM), ("inbox/prices.csv", PRICES), ("inbox/program.csv", PROGRAM)):
        _csv(home / rel, rows)
    assert run_nightly(home, quiet=True)
    return home


def pd_isna(value: object) -> bool:
    return value is None or value != value


def _issues(home: Path) -> dict[tuple[str, str], dict[str, object]]:
    df = query(home, "SELECT kind, serial_number, contract_number, reseller_name, customer_name, "
                     "CAST(value_at_stake AS DOUBLE) AS value, evidence, evidence_text, detail "
                     "FROM registration_issues")
    key = df["serial_number"].fillna(df["contract_number"]).fillna("row")
    return {(k, s): r for k, s, r in zip(df["kind"], key, df.to_dict("records"), strict=True)}


def test_every_kind_found_with_its_rows_and_value(home: Path) -> None:
    got = _issues(home)
    assert set(got) == {
        ("no_end_customer", "FOC2117R9LD"), ("no_end_customer", "JAE2205T4WN"), ("no_end_customer", "row"),
        ("conflicting_end_customers", "JPG2338H6YC"),
        ("hardware_without_service", "FDO2310X7KQ"), ("hardware_without_service", "FOC2117R9LD"),
        ("hardware_without_service", "JAE2205T4WN"),
        ("invoiced_not_in_crm", "SC-3000002"), ("crm_not_invoiced", "SC-3000003"),
    }
    placeholder = got[("no_end_customer", "FOC2117R9LD")]
    assert placeholder["evidence_text"] == "inbox/dist/pos.csv row 4" and placeholder["value"] == 600.0
    assert placeholder["reseller_name"] == "Northwind Partners" and pd_isna(placeholder["customer_name"])
    assert "reseller itself" in str(got[("no_end_customer", "JAE2205T4WN")]["detail"])
    assert got[("no_end_customer", "row")]["evidence_text"] == "inbox/dist/pos.csv row 7"  # blank: quarantined
    conflict = got[("conflicting_end_customers", "JPG2338H6YC")]
    rows = {(e["source"], e["source_row"]) for e in conflict["evidence"]}
    assert rows == {("pos", 6), ("crm_contracts", 4)}
    assert got[("invoiced_not_in_crm", "SC-3000002")]["value"] == 800.0
    assert got[("crm_not_invoiced", "SC-3000003")]["evidence_text"] == "inbox/crm/contracts.csv row 3"


def test_a_placeholder_end_customer_is_no_customer(home: Path) -> None:
    names = set(query(home, "SELECT name FROM customers")["name"])
    assert names == {"Alpha Manufacturing Inc", "Beta Logistics LLC", "Gamma Foods Corp", "Omega Clinics Inc",
                     "Delta Retail Group"}  # "N/A" (row 4) is nobody; Harbor Systems LLC sold only to itself (row 5)
    unit = query(home, "SELECT customer_id, reseller_id FROM assets WHERE serial_number = 'FOC2117R9LD'")
    assert pd_isna(unit["customer_id"][0]) and not pd_isna(unit["reseller_id"][0])


def test_attach_rates_by_reseller_family_and_month(home: Path) -> None:
    df = query(home, "SELECT reseller_name, family, strftime(month, '%Y-%m') AS month, units_shipped, "
                     "units_attached, units_not_attached, units_pending, attach_rate FROM attach_rates")
    rows = {(r.reseller_name, r.family, r.month): r for r in df.itertuples()}
    dec = rows[("Northwind Partners", "SRV", "2025-12")]
    assert (dec.units_shipped, dec.units_attached, dec.units_not_attached, dec.attach_rate) == (2, 1, 1, 0.5)
    october = rows[("Northwind Partners", "SRV", "2026-10")]
    assert october.units_pending == 1 and pd_isna(october.attach_rate)


def test_scorecards_equal_the_hand_computed_figures(home: Path) -> None:
    df = query(home, "SELECT * FROM reseller_scorecards").set_index("reseller_name")
    north = df.loc["Northwind Partners"]
    assert (north.contracts_due, north.contracts_renewed, north.renewal_rate) == (2, 1, 0.5)
    assert float(north.lapse_value) == 1500.0
    assert (north.hardware_units, north.hardware_attached) == (3, 1)
    # renewals expiring by 2027-03-02: SC-3000001 (1,236), SC-3000003 (927), SC-3000006 (1,030)
    assert (north.renewals_at_risk, float(north.value_at_risk)) == (3, 3193.0)
    assert (north.tier, north.certification) == ("silver", "Professional")
    harbor = df.loc["Harbor Systems LLC"]
    assert (harbor.hardware_units, harbor.hardware_attached, harbor.attach_rate) == (2, 1, 0.5)
    assert harbor.contracts_due == 0 and pd_isna(harbor.renewal_rate)
    assert north.average_attach_rate == pytest.approx(2 / 5)


def test_workbooks_show_the_audit_and_each_resellers_scorecard(home: Path) -> None:
    wb = load_workbook(home / "out/channel/registration_issues.xlsx")
    assert wb.sheetnames == ["Summary", "No end customer", "Conflicting customers", "Hardware without service",
                             "Invoiced not in CRM", "CRM not invoiced", "Reseller scorecards", "Attach rates"]
    sheet = wb["No end customer"]
    assert sheet["A1"].value == "Reseller" and sheet.max_row == 5  # header, 3 findings, total row
    assert sheet["G2"].number_format.startswith('"$"')
    north = next((home / "out/workbooks").glob("reseller_northwind*.xlsx"))
    book = load_workbook(north)
    assert book.sheetnames[1] == "Scorecard"
    card = book["Scorecard"]
    assert card["A5"].value == "Renewal rate" and card["B5"].value == 0.5 and card["B5"].number_format == "0%"
    assert len(card._charts) == 1  # renewal, attach and worked rates against the average
