"""Files of the fourth probe (real exports the earlier probes missed), each written in tmp_path and read
as the nightly run reads it: the rows load as written, or a bad row is quarantined, never lost."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from tests.sources.hostile import POS_HEADER, SHEET, csv_text, read, read_path, rezip, src, workbook

D = dt.date


def _serial(day: dt.date) -> str:
    """The Excel day number of `day`, as a workbook saved as CSV writes a General-format date."""
    return str((day - D(1899, 12, 30)).days)


def test_day_numbers_with_a_placeholder_read_as_dates(tmp_path: Path) -> None:
    """A CSV date column of Excel day numbers with one "TBD" typed in reads the numbers as dates and
    quarantines the "TBD" row only (it quarantined every row: one word vetoed the whole column)."""
    days = [D(2025, 1, 1) + dt.timedelta(days=3 * i) for i in range(12)]
    rows = [[_serial(d), "Acme Reseller", f"Customer {i}", f"SKU-{i}", 1, "100.00"] for i, d in enumerate(days)]
    rows.append(["TBD", "Acme Reseller", "Customer X", "SKU-X", 1, "100.00"])
    out = read(tmp_path, "pos.csv", csv_text(rows))
    assert out.status == "loaded"
    assert out.records.sort_values("source_row")["invoice_date"].tolist() == days
    assert out.quarantine["reason"].tolist() == [
        "inbox/pos.csv, row 14: field 'invoice_date' (column 'Invoice Date'): not a date: 'TBD'"]


def test_a_stray_day_number_among_dates_stays_no_date(tmp_path: Path) -> None:
    """The whole column still decides: one day number among written dates is not taken as a date."""
    rows = [[f"2025-01-{i + 1:02d}", "Acme Reseller", f"Customer {i}", f"SKU-{i}", 1, "100.00"] for i in range(12)]
    rows.append(["45678", "Acme Reseller", "Customer X", "SKU-X", 1, "100.00"])
    out = read(tmp_path, "pos.csv", csv_text(rows))
    assert len(out.records) == 12
    assert out.quarantine["field"].tolist() == ["invoice_date"]



def _pos_lines(n: int) -> list[str]:
    return [f"2025-01-{i + 1:02d},Acme Reseller,Customer {i},SKU-{i},1,100.00" for i in range(n)]


def test_a_quote_left_open_swallows_no_line(tmp_path: Path) -> None:
    """A value opening a quote it never closes ("Customer 3 ends here) ate every line up to the next
    quote into one quarantined row; each line after it is read on its own, and the row with the open
    quote is quarantined saying so."""
    lines = _pos_lines(12)
    lines[3] = '2025-01-04,Acme Reseller,"Customer 3 ends here,SKU-3,1,100.00'
    lines[9] = '2025-01-10,Acme Reseller,"Customer 9, Inc.",SKU-9,1,100.00'
    out = read(tmp_path, "pos.csv", ",".join(POS_HEADER) + "\n" + "\n".join(lines) + "\n")
    rows = out.records.sort_values("source_row")
    assert rows["source_row"].tolist() == [2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13]
    assert rows["customer_name"].tolist()[3:] == [f"Customer {i}" for i in range(4, 9)] + [
        "Customer 9, Inc.", "Customer 10", "Customer 11"]
    assert out.quarantine["source_row"].tolist() == [5]
    assert "opens a quote" in out.quarantine["reason"].iloc[0]


def test_a_quoted_line_break_stays_one_row(tmp_path: Path) -> None:
    """A real quoted line break (an address typed with Alt+Enter) is one row, as before."""
    lines = _pos_lines(4)
    lines[1] = '2025-01-02,Acme Reseller,"Customer 1\nBuilding 2, floor 3",SKU-1,1,100.00'
    out = read(tmp_path, "pos.csv", ",".join(POS_HEADER) + "\n" + "\n".join(lines) + "\n")
    assert out.records.sort_values("source_row")["source_row"].tolist() == [2, 3, 5, 6]
    assert out.rows_quarantined == 0


KR_HEADER = "Invoice Date;Reseller;End User;SKU;Qty;Amount"


def test_amounts_in_kronor_read_with_the_currency_column(tmp_path: Path) -> None:
    """"1 234,50 kr" (Swedish and Norwegian exports) beside a currency column reads the amount in the
    column's currency; "kr" could be NOK or SEK, so the amount column was dropped as "no amounts" and
    every row loaded without its amount."""
    lines = [f"2025-01-{i + 1:02d};Reseller AB;Kund {i} AB;SKU-{i};1;{i + 1} 234,50 kr;SEK" for i in range(10)]
    lines.append("2025-01-20;Reseller AB;Kund X AB;SKU-X;1;9 999,00 kr;EUR")
    out = read(tmp_path, "pos.csv", KR_HEADER + ";Currency\n" + "\n".join(lines) + "\n")
    rows = out.records.sort_values("source_row")
    assert rows["amount"].tolist() == [(i + 1) * 1000 + 234.5 for i in range(10)]
    assert set(rows["currency"]) == {"SEK"}
    assert out.quarantine["source_row"].tolist() == [12]
    assert "disagrees with field 'currency'" in out.quarantine["reason"].iloc[0]


def test_amounts_in_kronor_without_a_currency_are_quarantined(tmp_path: Path) -> None:
    """Without a currency column "kr" names no one currency: the rows are quarantined saying so, not
    loaded without their amounts (nor valued as the reporting currency)."""
    lines = [f"2025-01-{i + 1:02d};Reseller AB;Kund {i} AB;SKU-{i};1;{i + 1} 234,50 kr" for i in range(10)]
    out = read(tmp_path, "pos.csv", KR_HEADER + "\n" + "\n".join(lines) + "\n")
    assert out.rows_loaded == 0 and out.rows_quarantined == 10
    assert "'kr' is NOK or SEK" in out.quarantine["reason"].iloc[0]


def test_amounts_in_kronor_take_the_default_currency(tmp_path: Path) -> None:
    """`defaults: currency: SEK` names the currency of "kr" for a file without a currency column."""
    lines = [f"2025-01-{i + 1:02d};Reseller AB;Kund {i} AB;SKU-{i};1;{i + 1} 234,50 kr" for i in range(10)]
    out = read(tmp_path, "pos.csv", KR_HEADER + "\n" + "\n".join(lines) + "\n", src(defaults={"currency": "SEK"}))
    assert out.rows_quarantined == 0
    assert out.records["amount"].tolist()[:2] == [1234.5, 2234.5]
    assert set(out.records["currency"]) == {"SEK"}


def test_excel_subtotal_lines_are_total_rows(tmp_path: Path) -> None:
    """Excel's Data > Subtotal writes "<customer> Total" (German "<customer> Ergebnis") under each group
    and "Grand Total" at the end: each is a total row, skipped and counted, not a quarantined line."""
    rows: list[list[object]] = []
    for c, label in (("Acme Corp", "Acme Corp Total"), ("Bolt GmbH", "Bolt GmbH Ergebnis")):
        rows += [["2025-01-02", "Reseller", c, f"SKU-{i}", 1, "100.00"] for i in range(2)]
        rows.append(["", "", label, "", "", "200.00"])
    rows.append(["", "", "Grand Total", "", "", "400.00"])
    out = read(tmp_path, "pos.csv", csv_text(rows))
    assert out.rows_loaded == 4 and out.rows_quarantined == 0
    assert out.total_rows == 3


def test_a_line_naming_a_customer_total_with_its_sku_is_a_line(tmp_path: Path) -> None:
    """A real line whose customer ends with "Total" keeps its row: its SKU identifies it."""
    out = read(tmp_path, "pos.csv", csv_text([["2025-01-02", "Reseller", "Elf Total", "SKU-1", 1, "100.00"]]))
    assert out.records["customer_name"].tolist() == ["Elf Total"]


def test_a_customer_named_total_without_its_group_is_a_line(tmp_path: Path) -> None:
    """A rep's tracker line names only its customer: "Seguridad Total" is a line, since no "Seguridad"
    group above it is closed; "Acme Corp Total" under Acme Corp's lines is a subtotal."""
    text = ("Customer,Expiry,Value\n"
            "Acme Corp,2026-05-31,100.00\nAcme Corp,2026-06-30,150.00\nAcme Corp Total,,250.00\n"
            "Seguridad Total,2026-07-31,250.00\n")
    out = read(tmp_path, "tracker.csv", text, src(kind="sales_rep"))
    assert out.records["customer_name"].tolist() == ["Acme Corp", "Acme Corp", "Seguridad Total"]
    assert out.total_rows == 1 and out.rows_quarantined == 0


def test_empty_formatted_cells_far_right_are_no_columns(tmp_path: Path) -> None:
    """A formatted but empty cell in column XFD on every row (`<c r="XFD2" s="1"/>`) holds no value:
    the sheet is as wide as its values, not refused as 16,384 columns wide."""
    base = workbook(tmp_path / "base.xlsx", [[f"2025-01-0{i + 1}", "Reseller", f"Customer {i}", f"SKU-{i}", 1, 10.0]
                                              for i in range(3)])
    with zipfile.ZipFile(base) as zf:
        xml = zf.read(SHEET)
    styled = re.sub(rb'(<row r="(\d+)"[^>]*>)(.*?)</row>',
                    lambda m: m.group(1) + m.group(3) + b'<c r="XFD' + m.group(2) + b'" s="0"/></row>', xml)
    out = read_path(rezip(base, tmp_path / "styled.xlsx", {SHEET: styled}))
    assert out.status == "loaded", out.error
    assert out.records["customer_name"].tolist() == ["Customer 0", "Customer 1", "Customer 2"]


def test_a_value_far_right_is_still_refused(tmp_path: Path) -> None:
    """A cell with a value in column XFD makes the sheet that wide: refused, as before."""
    base = workbook(tmp_path / "base.xlsx", [["2025-01-01", "Reseller", "Customer", "SKU", 1, 10.0]])
    with zipfile.ZipFile(base) as zf:
        xml = zf.read(SHEET).replace(b"</row></sheetData>", b'<c r="XFD2"><v>1</v></c></row></sheetData>')
    out = read_path(rezip(base, tmp_path / "wide.xlsx", {SHEET: xml}))
    assert out.status == "error" and "max_columns" in str(out.error)


def test_a_trackers_period_subtotals_are_total_rows(tmp_path: Path) -> None:
    """A rep's tracker closing each month with "March 2026 subtotal" (or "Q3 2026 Total", "2026 Total"): a period
    names no line, so each is a total row, not a quarantined one; "Northwind subtotal" without its group stays."""
    text = ("Customer,Expiry,Value\n"
            "Acme Corp,2026-03-31,100.00\nBolt GmbH,2026-03-15,150.00\nMarch 2026 subtotal,,250.00\n"
            "Acme Corp,2026-09-30,100.00\nQ3 2026 Total,,100.00\n2026 Total,,350.00\n"
            "Northwind subtotal,2026-10-31,90.00\n")
    out = read(tmp_path, "tracker.csv", text, src(kind="sales_rep"))
    assert out.records["customer_name"].tolist() == ["Acme Corp", "Bolt GmbH", "Acme Corp", "Northwind subtotal"]
    assert out.total_rows == 3 and out.rows_quarantined == 0
