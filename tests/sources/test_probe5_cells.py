"""Probe 5's unseen export layouts: several serials in one cell with other separators and connector
words, month names in other languages, a report footer below the data (Salesforce) and a report's
group header rows (QuickBooks' "Sales by Customer Detail"). Each file is written in tmp_path and read
as the nightly run reads it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from babel.dates import format_date

from matching.serials import normalise_serials
from sources.dates import compact_date_numbers
from sources.fields import REQUIRED_FIELDS
from sources.month_names import MONTH_LOCALES, ambiguous_month_words, month_words
from tests.sources.hostile import POS_HEADER, csv_text, read, read_path, src, workbook

SERIAL_HEADER = [*POS_HEADER, "Serial Number"]


def _pos(serials: list[str]) -> list[list[object]]:
    return [["2025-01-02", "Acme Reseller", f"Customer {i}", "SKU-1", 2, "10.00", s] for i, s in enumerate(serials)]


# --- 1. several serials in one cell ---------------------------------------------------------------


@pytest.mark.parametrize("sep", ["|", " | ", "、", "，", "；", "+", " + ", "&", " & ", "／", " - "])
def test_serials_joined_by_any_list_separator_are_separate_units(tmp_path: Path, sep: str) -> None:
    """"FDO2452SRA5|FDO2452BO5X" was one asset; a pipe, a CJK comma or semicolon, a plus, an ampersand
    and a lone hyphen between two serials separate them, while a hyphen inside a serial stays."""
    out = read(tmp_path, "pos.csv", csv_text(_pos([sep.join(["FDO2452SRA5", "FOC-2452-OOX6", "JAD23521TI9"])]),
                                             SERIAL_HEADER))
    assert out.rows_quarantined == 0
    assert out.records["serial_numbers"].tolist() == [["FDO2452SRA5", "FOC-2452-OOX6", "JAD23521TI9"]]


@pytest.mark.parametrize("word", ["and", "AND", "And", "und", "et", "y", "e", "en", "og", "och", "oraz", "plus"])
def test_a_connector_word_between_serials_is_never_a_serial(tmp_path: Path, word: str) -> None:
    """"FCW235239TT and FOC2352IQCE" made an asset the matcher keyed "AND"; the word is a separator, in
    any case, also with punctuation the matcher's key drops ("and," "(and)")."""
    cells = [f"FCW235239TT {word} FOC2352IQCE", f"KWP2352LPMV, JAD23521TI9 {word}, KWP2352DX8N", f"X1 ({word}) X2"]
    out = read(tmp_path, "pos.csv", csv_text(_pos(cells), SERIAL_HEADER))
    assert out.records["serial_numbers"].tolist() == [
        ["FCW235239TT", "FOC2352IQCE"], ["KWP2352LPMV", "JAD23521TI9", "KWP2352DX8N"], ["X1", "X2"]]
    keys = normalise_serials(out.records["serial_numbers"].explode().dropna())
    assert not set(keys) & {"AND", "UND", "ET", "Y", "E", "EN", "OG", "OCH", "ORAZ", "PLUS"}


def test_serial_separators_in_a_workbook_and_serials_that_merely_hold_a_word(tmp_path: Path) -> None:
    """The same in workbook cells; a serial spelling a connector inside it ("ANDX-1", "BAND7") and
    one-letter serials in capitals ("A, B") stay units; a cell that is only a connector holds none."""
    rows = _pos(["FDO2452SRA5、FDO2452BO5X", "ANDX-1 and BAND7", "A, B", "and", "ABC-123 - DEF-456"])
    source = src(columns={"serial_numbers": "Serial Number"})  # so few odd cells do not profile as serials
    out = read_path(workbook(tmp_path / "inbox" / "pos.xlsx", rows, SERIAL_HEADER), source)
    assert out.records["serial_numbers"].tolist() == [
        ["FDO2452SRA5", "FDO2452BO5X"], ["ANDX-1", "BAND7"], ["A", "B"], [], ["ABC-123", "DEF-456"]]


# --- 2. month names in other languages ------------------------------------------------------------


def _dates_csv(values: list[str]) -> str:
    return csv_text([[v, "Acme Reseller", f"Customer {i}", "SKU-1", 1, "10.00"] for i, v in enumerate(values)])


#: long, medium and abbreviated patterns, so genitive, nominative and abbreviated names all occur
_PATTERNS = ("long", "medium", "d MMM y", "d MMMM y", "d LLLL y")


@pytest.mark.parametrize("locale", ["de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "nb", "fi", "cs", "tr",
                                    "ru", "el", "hu", "ro"])
def test_dates_with_month_names_in_a_business_language_load(tmp_path: Path, locale: str) -> None:
    """Dates as CLDR writes them in each language ("6. März 2024", "6 de marzo de 2024", "6 marca 2024",
    "6. března 2024", "6 марта 2024 г.", "2024. március 6."), in capitals too, are the dates they name;
    "6. Januar 2024" was "not a date" and a whole file of them was quarantined."""
    days = [dt.date(2024, m, 3 + 2 * m) for m in range(1, 13)]
    written = [format_date(d, p, locale=locale) for d in days for p in _PATTERNS]
    written += [w.upper() for w in written[::5]]
    out = read(tmp_path, "pos.csv", _dates_csv(written))
    assert out.rows_quarantined == 0, out.quarantine["reason"].tolist()[:3]
    expected = [d for d in days for _ in _PATTERNS] + [d for d in days for _ in _PATTERNS][::5]
    assert out.records["invoice_date"].tolist() == expected


def test_a_german_distributor_file_with_named_months_loads_every_date_column(tmp_path: Path) -> None:
    """The probe's file: invoice and service dates as "6. Januar 2024" (service columns named in
    sources.yaml: their header alone is not sure enough)."""
    header = [*POS_HEADER, "Service Start", "Service End"]
    rows = [["6. Januar 2024", "Acme Reseller", "Foo GmbH", "CS-NBD", 1, "10.00", "15. Januar 2024", "14. Januar 2025"],
            ["30. Mai 2024", "Acme Reseller", "Foo GmbH", "CS-NBD", 1, "10.00", "1. Juni 2024", "31. Mai 2025"],
            ["3. März 2024", "Acme Reseller", "Bar AG", "CS-4HR", 1, "10.00", "3. März 2024", "2. März 2025"]]
    source = src(columns={"service_start": "Service Start", "service_end": "Service End"})
    out = read(tmp_path, "pos.csv", csv_text(rows, header), source)
    assert out.rows_quarantined == 0
    got = out.records[["invoice_date", "service_start", "service_end"]].values.tolist()
    assert got == [[dt.date(2024, 1, 6), dt.date(2024, 1, 15), dt.date(2025, 1, 14)],
                   [dt.date(2024, 5, 30), dt.date(2024, 6, 1), dt.date(2025, 5, 31)],
                   [dt.date(2024, 3, 3), dt.date(2024, 3, 3), dt.date(2025, 3, 2)]]


def test_service_columns_of_named_foreign_months_are_mapped_by_their_content(tmp_path: Path) -> None:
    """With no mapping in sources.yaml, "Service Start" / "Service End" holding "15. Januar 2024" are
    the service dates: the content check reads foreign month names as the reader does."""
    header = [*POS_HEADER, "Service Start", "Service End"]
    rows = [["6. Januar 2024", "Acme Reseller", f"Foo {i} GmbH", "CS-NBD", 1, "10.00", f"{i + 1}. Januar 2024",
             f"{i + 1}. Januar 2025"] for i in range(12)]
    out = read(tmp_path, "pos.csv", csv_text(rows, header))
    assert out.rows_quarantined == 0
    assert out.records["service_start"].tolist()[:2] == [dt.date(2024, 1, 1), dt.date(2024, 1, 2)]
    assert out.records["service_end"].tolist()[-1] == dt.date(2025, 1, 12)


@pytest.mark.parametrize("value", ["Mai", "März 2024", "de marzo", "TBD", "listopad", "6 Mittwoch 2024"])
def test_a_month_word_without_day_or_year_is_still_no_date(tmp_path: Path, value: str) -> None:
    """Translating the month never fills in a missing part: the row is quarantined as before."""
    out = read(tmp_path, "pos.csv", _dates_csv(["2024-03-06", value]))
    assert out.rows_loaded == 1
    assert out.quarantine["reason"].tolist() == [
        f"inbox/pos.csv, row 3: field 'invoice_date' (column 'Invoice Date'): not a date: {value!r}"]


def test_no_month_word_names_two_months_in_the_languages_read() -> None:
    """A word two included languages read as different months would need a column to agree on one
    language; there is none ("listopad" is November in Polish and Czech, October only in Croatian,
    which is not read), and every language's twelve months are known."""
    assert ambiguous_month_words() == frozenset()
    words = month_words()
    assert words["listopad"] == 11 and words["mar"] == 3 and words["mai"] == 5 and words["dec"] == 12
    assert {words[w] for w in ("stycznia", "ledna", "января", "tammikuuta", "ιανουαριου", "ocak")} == {1}
    assert set(words.values()) == set(range(1, 13)) and "no" in MONTH_LOCALES


# --- 3. a report footer below the data ------------------------------------------------------------

CRM_HEADER = ["Contract Number", "Account: Account Name", "Contract Start Date", "Contract End Date",
              "Contract Value"]
SALESFORCE_FOOTER = ["", "Renewal Co", "Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.",
                     "Confidential Information - Do Not Distribute", "Generated By:  Grace Whitfield  3/3/2026 8:15 AM",
                     "Renewal Co"]


def _contracts(n: int) -> list[list[object]]:
    return [[f"SC-{1000 + i}", f"Customer {i}", "11/7/2024", "11/6/2025", "2225.54"] for i in range(n)]


def test_a_salesforce_report_footer_is_skipped_as_a_whole(tmp_path: Path) -> None:
    """Salesforce's footer (a blank line, the org name, the copyright, "Confidential Information - Do
    Not Distribute", "Generated By: ..." and the org name last) was five quarantined rows: working up
    from the last line stopped at the org name. The block is one column of one-cell lines, most of
    them notes, so the whole block is the footer."""
    text = csv_text(_contracts(4), CRM_HEADER) + "".join(f'"{line}"\n' for line in SALESFORCE_FOOTER)
    out = read(tmp_path, "report.csv", text, src("crm_contracts"))
    assert out.rows_loaded == 4 and out.rows_quarantined == 0 and out.total_rows == 5
    assert any("rows 7-11 below the data are footnotes" in w for w in out.warnings)


def test_a_report_footer_below_a_workbook_and_its_total(tmp_path: Path) -> None:
    rows: list[list[object]] = [*_contracts(3), ["Total"], *([line] for line in SALESFORCE_FOOTER)]
    out = read_path(workbook(tmp_path / "inbox" / "report.xlsx", rows, CRM_HEADER), src("crm_contracts"))
    assert out.rows_loaded == 3 and out.rows_quarantined == 0 and out.total_rows == 6


def test_one_cell_lines_below_the_data_that_read_as_values_stay_quarantined(tmp_path: Path) -> None:
    """Names below the data with two notes under them are no footer (the lines are mostly values): the
    notes are skipped, the names quarantined for review; no kind loads a one-cell row in any case."""
    rows = [*_pos(["X1", "X2"]), *([*[""] * 2, name] for name in ("Acme Corp", "Beta GmbH", "Gamma LLC")),
            ["", "", "* Prices exclude VAT"], ["", "", "Source: ERP export"]]
    out = read(tmp_path, "pos.csv", csv_text(rows, SERIAL_HEADER))
    assert out.rows_loaded == 2 and out.quarantine["source_row"].tolist() == [4, 5, 6] and out.total_rows == 2
    assert all(len(required) >= 2 for required in REQUIRED_FIELDS.values())


# --- 4. a report's group header rows --------------------------------------------------------------

QB_HEADER = ["", "Type", "Date", "Num", "Memo", "Name", "Item", "Qty", "Sales Price", "Amount", "Balance"]
QB_GROUPS = {"Primelogic Data Syst": 3, "Greenlight Computer": 1, "Alphanet Technology Group LLC": 2}


def _quickbooks(name_of: dict[str, str] | None = None, group_column: int = 0) -> list[list[object]]:
    """A "Sales by Customer Detail" body: per customer a group row, its invoice lines, "Total <customer>"."""
    rows: list[list[object]] = []
    k = 0
    for customer, n in QB_GROUPS.items():
        rows.append([""] * group_column + [customer] + [""] * (10 - group_column))
        for _ in range(n):
            k += 1
            name = customer if name_of is None else name_of.get(customer, "")
            rows.append(["", "Invoice", f"2024-01-{k:02d}", f"INV-2024-{k:06d}", "Support, 1 year", name,
                         "CS-NBD-SRV", 1, "810.63", "810.63", ""])
        rows.append([f"Total {customer}"] + [""] * 8 + ["1.00", ""])
    return rows


def _qb_file(rows: list[list[object]]) -> str:
    preamble = "Renewal Co\nSales by Customer Detail\nJanuary through December 2024\n\n"
    return preamble + csv_text(rows, QB_HEADER)


def test_quickbooks_customer_group_rows_are_structure_and_name_their_lines(tmp_path: Path) -> None:
    """Each customer alone on a line above its lines was quarantined ("required field ... is empty",
    42% of the probe's file); it is a group header, skipped and counted like the "Total" under it. The
    lines' "Name" is the group's value, so a line without one takes it (as the bill-to, which
    QuickBooks' customer is: the one invoiced)."""
    names = {"Primelogic Data Syst": "Primelogic Data Syst", "Alphanet Technology Group LLC": "Alphanet Technology "
             "Group LLC"}  # Greenlight's line has no Name
    out = read(tmp_path, "qb.csv", _qb_file(_quickbooks(names)), src("accounting"))
    assert out.rows_quarantined == 0 and out.rows_loaded == 6 and out.total_rows == 6
    assert out.records["bill_to_name"].tolist() == [c for c, n in QB_GROUPS.items() for _ in range(n)]
    assert out.records["customer_name"].isna().all()  # who the end customer is, the report does not say
    note = next(w for w in out.warnings if "group headers" in w)
    assert "rows 6, 11, 14 are group headers" in note and "'Primelogic Data Syst'" in note
    assert "'bill_to_name' of the lines under them" in note


def test_a_group_column_with_a_header_gives_its_field_to_the_lines(tmp_path: Path) -> None:
    """An outline column ("End User" filled on the group rows only, in a workbook) names the field
    its groups' values are, carried to each line under them up to the subtotal."""
    rows: list[list[object]] = [["Acme Corp"], *(["", dt.datetime(2025, 1, 2), "R1", f"SKU-{i}", 1, 10.0]
                                                 for i in range(2)), ["Total Acme Corp", None, None, None, None, 20.0],
                                ["Beta GmbH"], ["", dt.datetime(2025, 1, 3), "R2", "SKU-9", 2, 20.0]]
    header = ["End User", "Invoice Date", "Reseller", "SKU", "Qty", "Amount"]
    out = read_path(workbook(tmp_path / "inbox" / "pos.xlsx", rows, header))
    assert out.rows_quarantined == 0 and out.total_rows == 3
    assert out.records[["customer_name", "sku"]].values.tolist() == [
        ["Acme Corp", "SKU-0"], ["Acme Corp", "SKU-1"], ["Beta GmbH", "SKU-9"]]


def test_a_blank_name_column_gives_way_to_the_group_column(tmp_path: Path) -> None:
    """The lines' "Name" blank on every line cannot be the required bill-to (every line would be
    quarantined and stop the night): the unnamed column whose group rows name the customers takes it, on
    its content, with a low-confidence warning, and each line gets its group's customer."""
    out = read(tmp_path, "qb.csv", _qb_file(_quickbooks({})), src("accounting"))
    assert out.total_rows == 6 and out.rows_loaded == 6 and out.rows_quarantined == 0
    assert out.records["bill_to_name"].tolist() == [c for c, n in QB_GROUPS.items() for _ in range(n)]
    assert "Name" not in out.sheets[0].mapping
    assert any("'bill_to_name' taken from column (blank header, column 1) with low confidence" in w
               for w in out.warnings)


def test_a_note_alone_in_an_empty_column_among_the_lines_is_no_group(tmp_path: Path) -> None:
    """A one-cell row amid the lines, in a column the lines leave empty, heads no group when the
    table does not start with one: it stays quarantined and gives nothing to the rows below it."""
    rows: list[list[object]] = [[*r, ""] for r in _pos(["X1", "X2"])]
    rows += [["", "", "", "", "", "", "", "see ticket 4711"], *([*r, ""] for r in _pos(["X3"]))]
    out = read(tmp_path, "pos.csv", csv_text(rows, [*SERIAL_HEADER, "Comment"]))
    assert out.rows_loaded == 3 and out.quarantine["source_row"].tolist() == [4] and out.total_rows == 0
    assert pd.isna(out.records["notes"]).all()


def test_a_hierarchys_parent_rows_give_their_customer_to_the_children(tmp_path: Path) -> None:
    """Smartsheet's tracker: a parent row holds the customer, its roll-up sum and the sheet's "Modified By"; the
    children below hold the contracts without a customer. Every child was quarantined ("customer_name is
    empty") and the quarantine check stopped the night; the parents head their children as group rows do."""
    header = ["Customer", "Contract Number", "SKU", "Expiration Date", "Est. Renewal $", "Stage", "Modified By"]
    rows: list[list[object]] = [
        ["Galford Plastics", "", "", "", "3843.32", "", "grace@example.com"],
        ["", "SC6208124", "SRV-R740-B", "2026-09-18", "1902.92", "Quoted", "grace@example.com"],
        ["", "SC4384276", "STO-PS6210", "2027-06-20", "1940.40", "Not started", "grace@example.com"],
        ["Vertex Solar Ltd", "", "", "", "2610", "", "grace@example.com"],
        ["", "SC-7766783", "SRV-R750-XL", "2027-06-06", "2610", "Not started", "grace@example.com"],
        ["Stonebridge Realty Corp.", "", "", "", "4823.88", "", "grace@example.com"],
        ["", "SC-2201417", "RTR-ASR1001-X", "2026-08-10", "4823.88", "Quoted", "grace@example.com"],
    ]
    out = read(tmp_path, "tracker.csv", csv_text(rows, header), src("sales_rep"))
    assert out.rows_loaded == 4 and out.rows_quarantined == 0 and out.total_rows == 3
    assert out.records["customer_name"].tolist() == ["Galford Plastics", "Galford Plastics", "Vertex Solar Ltd",
                                                     "Stonebridge Realty Corp."]
    assert out.records["amount"].tolist() == [1902.92, 1940.40, 2610.0, 4823.88]  # the roll-ups are no record
    assert any("rows 2, 5, 7 are group headers" in w for w in out.warnings), out.warnings


def test_an_invoice_whose_first_line_carries_the_document_is_no_hierarchy(tmp_path: Path) -> None:
    """Continuation lines leave the invoice's own columns blank, but the first line is a full line: no parent."""
    header = ["Invoice", "Customer", "SKU", "Qty", "Amount", "Date"]
    rows: list[list[object]] = [
        ["INV-1", "Harbour Legal Ltd", "CS-NBD-SW", "1", "100.00", "2026-01-05"],
        ["", "", "CS-NBD-FW", "2", "200.00", ""],
        ["INV-2", "Coastline Dental", "CS-NBD-SRV", "1", "300.00", "2026-01-06"],
        ["", "", "CS-NBD-STO", "1", "50.00", ""],
    ]
    out = read(tmp_path, "inv.csv", csv_text(rows, header), src("accounting"))
    assert out.total_rows == 0 and out.rows_loaded == 4


def test_compact_dates_stored_as_numbers_in_a_workbook_are_dates(tmp_path: Path, reader: str) -> None:
    """An ERP's yyyymmdd dates saved as numbers (20261101): the coverage columns were left unmapped ("values do
    not fit") and every line loaded without a service end, so none became a renewal. Read as a CSV's text is."""
    header = ["Invoice Date", "Invoice No.", "Reseller Name", "End Customer Name", "Product Code", "Qty",
              "Line Total", "Coverage Start", "Coverage End"]
    rows = [[dt.datetime(2026, 10, k), f"PS{k:05d}", "Lorstead Networks Inc.", "Crestline Metals LLC", "CS-NBD-SRV",
             1, 1000.0 + k, 20261100 + k, 20271100 + k] for k in range(1, 7)]
    out = read_path(workbook(tmp_path / "inbox" / "pos.xlsx", rows, header))
    assert out.sheets[0].mapping["Coverage Start"] == "service_start"
    assert out.sheets[0].mapping["Coverage End"] == "service_end"
    assert out.rows_loaded == 6 and out.records["service_end"].min() == dt.date(2027, 11, 1)


def test_a_number_column_that_is_not_all_compact_dates_stays_numbers() -> None:
    assert compact_date_numbers([20261101, 20261131]) is None  # 31 November: no date, so no column of dates
    assert compact_date_numbers([20261101, "2026-11-02", None]) == ["20261101", "2026-11-02", None]
    assert compact_date_numbers([46174.0, 20261101]) is None  # an Excel day number beside it


def test_unlabelled_subtotals_are_total_rows_and_other_lone_amounts_stay_lines(tmp_path: Path) -> None:
    """A rep's `=SUM()` under each block (no label, only the amount) was quarantined as a line without a customer
    or an end date - noise, and a share of quarantined rows that can stop the night. A lone amount that sums
    nothing above it stays a quarantined line."""
    header = ["Customer", "Contract", "Expiry", "Renewal Value"]
    rows: list[list[object]] = [
        ["Harbour Legal Inc", "SC-101", "2026-12-31", "1000.00"], ["Coastline Dental LLC", "SC-102", "2027-01-31", "2500.50"],
        ["Kestrel Mining Corp", "SC-103", "2027-02-28", "300.00"], ["", "", "", "3800.50"], ["", "", "", ""],
        ["Brightwater Logistics", "SC-104", "2027-03-31", "120.00"], ["Pelhaven Engineering", "SC-105", "2027-04-30", "80.00"],
        ["", "", "", "200.00"], ["", "", "", "999.00"]]
    out = read(tmp_path, "tracker.csv", csv_text(rows, header), src("sales_rep"))
    assert out.rows_loaded == 5 and out.total_rows == 2 and out.quarantine["source_row"].tolist() == [10]
    assert any("rows 5, 9 are subtotals" in w for w in out.warnings), out.warnings


def test_a_group_title_above_a_repeated_header_is_structure(tmp_path: Path) -> None:
    """monday.com writes each group as its title, its own header, its items: the titles were quarantined."""
    header = ["Customer", "Contract", "Expiry", "Renewal Value"]
    rows: list[list[object]] = [
        ["Harbour Legal Inc", "SC-101", "2026-12-31", "1000.00"], ["Coastline Dental LLC", "SC-102", "2027-01-31", "2500.50"],
        ["", "", "", ""], ["Q2 renewals", "", "", ""], header,
        ["Brightwater Logistics", "SC-104", "2027-03-31", "120.00"], ["Pelhaven Engineering", "SC-105", "2027-04-30", "80.00"]]
    out = read(tmp_path, "board.csv", csv_text(rows, header), src("sales_rep"))
    assert out.rows_loaded == 4 and out.rows_quarantined == 0
