"""Headers of the fifth probe (export layouts the corpus lacked), each written as a real csv/xlsx file in
tmp_path and read as the nightly run reads it: the column lands on the field a person would choose,
and a column whose values contradict a field never feeds it silently."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from sources.reader import FileOutcome
from tests.sources.hostile import csv_text, read, read_path, src, workbook

D = dt.date
N = 12
CUSTOMERS = ["Granite Fabrication Co.", "Northwind Logistics Inc", "Hooli Health LLC", "Wayne Foods Corp"]
RESELLERS = ["Greenlight Computer Services Inc", "Bluewave IT Inc", "Summit IT LLC"]
SKUS = ["CS-NBD-SRV", "C9300-48P-E", "CS-24X7-STO", "FG-100F"]
PEOPLE = ["Grace Whitfield", "Elena Petrova", "John Smith", "Maria Garcia"]
LEVELS = ["Gold", "Silver", "24x7x4", "8x5xNBD"]


def _start(i: int) -> dt.date:
    return D(2025, 1, 1) + dt.timedelta(days=9 * i)


def _end(i: int) -> dt.date:
    return _start(i) + dt.timedelta(days=364)


Column = tuple[str, Callable[[int], object]]
#: a distributor's sell-through report: its required fields and a few more
POS: list[Column] = [
    ("Invoice Date", lambda i: f"{_start(i) - dt.timedelta(days=5):%m/%d/%Y}"),
    ("Invoice No", lambda i: f"INV-{7000 + i // 2}"),
    ("Reseller", lambda i: RESELLERS[i % 3]),
    ("End User", lambda i: CUSTOMERS[i % 4]),
    ("Part Number", lambda i: SKUS[i % 4]),
    ("Serial Number", lambda i: f"FCW23{5239 + i}TT"),
    ("Ext Price", lambda i: f"{895.47 + 10 * i:.2f}"),
]


def _rows(columns: list[Column]) -> tuple[list[str], list[list[object]]]:
    return [h for h, _ in columns], [[value(i) for _, value in columns] for i in range(N)]


def _read_csv(tmp_path: Path, columns: list[Column], kind: str = "distributor", name: str = "file.csv") -> FileOutcome:
    header, rows = _rows(columns)
    return read(tmp_path, name, csv_text(rows, header), src(kind))


def _mapping(out: FileOutcome) -> dict[str, str]:
    """Header as written -> the field it feeds, over every sheet read."""
    return {h: f for sheet in out.sheets for h, f in sheet.mapping.items()}


# --- 1. an end date written "thru", and a column of dates is no text field -------------------------


@pytest.mark.parametrize("header", [
    "Coverage Thru", "Coverage Through", "Covered Thru", "Warranty Thru", "Paid Thru", "Paid Through Date",
    "Valid Thru", "Valid To", "Good Through", "Support Until",
])
def test_thru_after_a_coverage_word_is_the_service_end(tmp_path: Path, header: str) -> None:
    """"Coverage Thru" took service_level (its end dates were lost, and every renewal with them); "thru",
    "through", "until" or "to" after a coverage, warranty, support, valid or paid word is the end date."""
    out = _read_csv(tmp_path, [*POS, ("Service Start", lambda i: f"{_start(i):%m/%d/%Y}"),
                               (header, lambda i: f"{_end(i):%m/%d/%Y}")])
    assert out.status == "loaded" and out.rows_quarantined == 0
    assert _mapping(out)[header] == "service_end"
    assert "service_level" not in out.mappings[0].choices
    assert out.records.sort_values("source_row")["service_end"].tolist() == [_end(i) for i in range(N)]


def test_a_paid_date_or_a_fiscal_period_is_no_service_date(tmp_path: Path) -> None:
    """"Paid Thru" is the end of a paid term, but "Paid Date" is when it was paid and "Fiscal Period" no date
    of the service: "paid" and "period" name an end or a start only with "thru", "to", "from"."""
    out = _read_csv(tmp_path, [*POS, ("Paid Date", lambda i: f"{_start(i):%m/%d/%Y}"),
                               ("Fiscal Period", lambda i: f"{_start(i):%m/%Y}"),
                               ("Billing Period", lambda i: f"{_start(i):%b %Y}")])
    assert out.status == "loaded"
    assert not {"Paid Date", "Fiscal Period", "Billing Period"} & _mapping(out).keys()


@pytest.mark.parametrize("header,field,taken_by,warning", [
    ("Coverage", "service_level", "service_end", "field 'service_end' taken from column 'Coverage' with low confidence"),
    ("Status", "status", None, "column 'Status' reads like 'status' but its values do not fit it"),
])
def test_a_column_of_dates_never_feeds_a_text_field(
    tmp_path: Path, header: str, field: str, taken_by: str | None, warning: str
) -> None:
    """A header that reads like a text field over a column of dates: the text field does not take the
    dates (the end dates vanished into service_level without a word). A date field its header names in
    part takes them, saying so ("Coverage": the coverage's end), or the column is left unmapped, saying
    why."""
    out = _read_csv(tmp_path, [*POS, (header, lambda i: f"{_end(i):%m/%d/%Y}")])
    assert out.status == "loaded"
    assert field not in out.mappings[0].choices
    assert _mapping(out).get(header) == taken_by
    assert any(warning in w for w in out.warnings)


def test_a_tracker_takes_its_dates_for_the_required_end_date(tmp_path: Path) -> None:
    """In a rep's tracker the end date is required: a "Coverage" column of dates is that end date (by its
    content), not the service level, and the money column is never offered in its place."""
    header = ["Customer", "Contract #", "Coverage", "Renewal Value", "Contact"]
    rows = [[CUSTOMERS[i % 4], f"SC-{3895637 + i}", _end(i), 1200.0 + 50 * i, PEOPLE[i % 4]] for i in range(N)]
    out = read_path(workbook(tmp_path / "inbox" / "tracker.xlsx", rows, header), src("sales_rep", rep="Alice"))
    assert out.status == "loaded"
    assert _mapping(out)["Coverage"] == "service_end" and _mapping(out)["Renewal Value"] == "amount"
    assert out.records.sort_values("source_row")["service_end"].tolist() == [_end(i) for i in range(N)]


def test_a_money_column_is_never_the_suggested_end_date(tmp_path: Path) -> None:
    """A tracker with no date column needs a mapping; the suggestion for its end date is not "Renewal
    Value" (a header that reads a little like "renewal date" over a column of money)."""
    header = ["Customer", "Contract #", "Renewal Value", "Contact"]
    rows = [[CUSTOMERS[i % 4], f"SC-{3895637 + i}", 1200.0 + 50 * i, PEOPLE[i % 4]] for i in range(N)]
    out = read_path(workbook(tmp_path / "inbox" / "tracker.xlsx", rows, header), src("sales_rep", rep="Alice"))
    assert out.status == "needs_mapping"
    assert all(c.header != "Renewal Value" for c in out.mappings[0].missing["service_end"])
    assert 'service_end: "Renewal Value"' not in out.mappings[0].suggested_columns_yaml()


# --- 2. contract and recurring values ---------------------------------------------------------------


@pytest.mark.parametrize("header,field", [("ACV", "amount"), ("TCV", "amount"), ("ARR", "amount"),
                                          ("ACV (USD)", "amount"), ("MRR", None)])
def test_contract_and_recurring_values_are_the_amount(tmp_path: Path, header: str, field: str | None) -> None:
    """"ACV" was guessed as "active" (status). ACV, TCV and ARR are contract values, the amount as "Contract
    Value" and "Annual Value" are; a monthly value (MRR) has no field, and is no manufacturer either."""
    head = ["Customer", "Contract #", "Expiry", header, "Contact"]
    rows = [[CUSTOMERS[i % 4], f"SC-{3895637 + i}", _end(i), 1200.0 + 50 * i, PEOPLE[i % 4]] for i in range(N)]
    out = read_path(workbook(tmp_path / "inbox" / "tracker.xlsx", rows, head), src("sales_rep", rep="Alice"))
    assert out.status == "loaded"
    assert _mapping(out).get(header) == field
    assert "status" not in out.mappings[0].choices


# --- 3. a service agreement ---------------------------------------------------------------------------


def test_a_service_agreement_of_contract_numbers_is_the_contract_number(tmp_path: Path) -> None:
    """"Service Agreement" over contract numbers took service_level; an agreement word without a level
    word is the contract number when its cells are identifiers."""
    out = _read_csv(tmp_path, [*POS, ("Service Agreement", lambda i: f"SC-{3895637 + i // 2}")])
    assert _mapping(out)["Service Agreement"] == "contract_number"
    assert out.records.sort_values("source_row")["contract_number"].iloc[0] == "SC-3895637"


def test_a_service_agreement_of_levels_stays_the_service_level(tmp_path: Path) -> None:
    """The same header over levels ("Gold", "24x7x4") is the service level: content decides."""
    out = _read_csv(tmp_path, [*POS, ("Service Agreement", lambda i: LEVELS[i % 4])])
    assert _mapping(out)["Service Agreement"] == "service_level"


# --- 4. the record owner of a CRM export ------------------------------------------------------------


def _crm(owner: str, partner: str) -> list[Column]:
    return [
        ("Contract Number", lambda i: f"SC-{4979903 + i}"),
        ("Account: Account ID", lambda i: f"0015ewtwB3bTP{i:02d}"),
        ("Account: Account Name", lambda i: CUSTOMERS[i % 4]),
        ("Contract End Date", lambda i: f"{_end(i):%m/%d/%Y}"),
        ("Contract Value", lambda i: f"{2225.54 + i:.2f}"),
        (partner, lambda i: RESELLERS[i % 3]),
        (owner, lambda i: PEOPLE[i % 4]),
    ]


@pytest.mark.parametrize("owner,partner", [("Owner: Full Name", "Partner Account: Account Name"),
                                           ("Contract Owner: Full Name", "Partner Account")])
def test_the_record_owner_of_a_crm_export_is_the_rep(tmp_path: Path, owner: str, partner: str) -> None:
    """Salesforce's "Owner: Full Name" became the end customer's contact and "Contract Owner: Full Name"
    nothing: the record owner is the sales rep, as "Account Owner" is. Its partner lookup ("Partner
    Account", shown by name) is the reseller."""
    out = _read_csv(tmp_path, _crm(owner, partner), "crm_contracts")
    assert out.status == "loaded"
    mapping = _mapping(out)
    assert (mapping[owner], mapping[partner]) == ("rep", "reseller_name")
    assert "contact_name" not in out.mappings[0].choices


# --- 5. Dynamics 365 Business Central -----------------------------------------------------------------


def test_business_central_sell_to_customer_and_line_number(tmp_path: Path) -> None:
    """A posted-invoice export joining the document to its lines: the sell-to customer is the end
    customer, the line's "No. (Line)" the item it sells (its SKU), the document's "No." the invoice."""
    columns: list[Column] = [
        ("No.", lambda i: f"INV-2024-{i // 2:06d}"),
        ("Sell-to Customer No.", lambda i: f"C{10000 + i % 4}"),
        ("Sell-to Customer Name", lambda i: CUSTOMERS[i % 4]),
        ("Bill-to Customer No.", lambda i: f"R{20000 + i % 3}"),
        ("Bill-to Name", lambda i: RESELLERS[i % 3]),
        ("Posting Date", lambda i: f"{_start(i):%Y-%m-%d}"),
        ("No. (Line)", lambda i: SKUS[i % 4]),
        ("Quantity", lambda i: 1 + i % 3),
        ("Line Amount Excl. VAT", lambda i: f"{1718.92 + i:.2f}"),
    ]
    out = _read_csv(tmp_path, columns, "accounting")
    mapping = _mapping(out)
    assert (mapping["Sell-to Customer Name"], mapping["Sell-to Customer No."]) == ("customer_name", "customer_account")
    assert (mapping["No. (Line)"], mapping["No."]) == ("sku", "invoice_number")
    assert out.records.sort_values("source_row")["sku"].tolist()[:4] == SKUS


def test_a_bare_number_on_invoice_lines_is_the_item(tmp_path: Path) -> None:
    """An invoice-lines export names its document by "Document No.": the bare "No." beside it is the
    line's item; "Line No." (10000, 20000, ...) is the line's position and feeds nothing."""
    columns: list[Column] = [
        ("Document No.", lambda i: f"SI-{10000 + i // 3}"),
        ("Line No.", lambda i: 10000 * (1 + i % 3)),
        ("Posting Date", lambda i: f"{_start(i):%Y-%m-%d}"),
        ("Bill-to Name", lambda i: RESELLERS[i % 3]),
        ("No.", lambda i: SKUS[i % 4]),
        ("Quantity", lambda i: 1 + i % 3),
        ("Line Amount", lambda i: f"{100 + i:.2f}"),
    ]
    mapping = _mapping(_read_csv(tmp_path, columns, "accounting"))
    assert (mapping["Document No."], mapping["No."]) == ("invoice_number", "sku")
    assert "Line No." not in mapping


# --- 6. vocabulary gaps ------------------------------------------------------------------------------


@pytest.mark.parametrize("header,field,value", [
    ("Data rozpoczęcia", "service_start", lambda i: f"{_start(i):%m/%d/%Y}"),
    ("Data zakończenia", "service_end", lambda i: f"{_end(i):%m/%d/%Y}"),
    ("Decorrenza", "service_start", lambda i: f"{_start(i):%m/%d/%Y}"),
    ("Billing Period From", "service_start", lambda i: f"{_start(i):%m/%d/%Y}"),
    ("Billing Period To", "service_end", lambda i: f"{_end(i):%m/%d/%Y}"),
    ("VK netto", "unit_price", lambda i: f"{99.5 + i:.2f}"),
    ("EK netto", "unit_price", lambda i: f"{89.5 + i:.2f}"),
    ("C.P.", "customer_postal_code", lambda i: f"{28001 + i:05d}"),
    ("NPA", "customer_postal_code", lambda i: f"{1200 + i}"),
    ("Uds.", "quantity", lambda i: 1 + i % 3),
    ("Pz.", "quantity", lambda i: 1 + i % 3),
])
def test_foreign_and_short_headers(tmp_path: Path, header: str, field: str, value: Callable[[int], object]) -> None:
    """Polish start/end dates, Italian "Decorrenza", German selling/purchase price (a unit's price),
    Spanish and Swiss postal codes, Spanish and Italian unit counts, and a billing period's end."""
    assert _mapping(_read_csv(tmp_path, [*POS, (header, value)]))[header] == field


# --- 7. two header rows -------------------------------------------------------------------------------


def test_a_group_word_qualifies_a_field_of_another_party(tmp_path: Path) -> None:
    """"Reseller" over "Account" is the reseller's account, not the end customer's: the group word is
    dropped only when it leaves the detail's field as it is ("Invoice" over "Date")."""
    groups = ["Invoice", "", "Reseller", "", "Ship-To", "", "Item", "", "", "Amount", "", "Coverage", "", ""]
    details = ["Date", "Number", "Name", "Account", "Name", "City", "SKU", "Serial", "Qty", "Unit", "Total",
               "Contract", "From", "To"]
    rows = [[f"{_start(i):%m/%d/%Y}", f"INV-{7000 + i}", RESELLERS[i % 3], f"WB{10014 + i % 3}", CUSTOMERS[i % 4],
             "Princeton", SKUS[i % 4], f"FCW23{5239 + i}TT", 1, f"{895.47 + i:.2f}", f"{895.47 + i:.2f}",
             f"SC-{3895637 + i}", f"{_start(i):%m/%d/%Y}", f"{_end(i):%m/%d/%Y}"] for i in range(N)]
    out = read(tmp_path, "two_rows.csv", csv_text([details, *rows], groups), src())
    fields = out.mappings[0].choices
    assert fields["reseller_account"].header == "Reseller Account" and "customer_account" not in fields
    assert {"invoice_date", "reseller_name", "customer_name", "sku", "amount"} <= fields.keys()
    assert out.records.sort_values("source_row")["reseller_account"].iloc[0] == "WB10014"
