"""A second, smaller table below the data is skipped with a warning; failed lines without a header of
their own stay quarantined (`sources/trailing_tables.py`)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.sources.reading import read_as

HEADER = ["Invoice Date", "Invoice No", "Reseller", "End User", "Part Number", "Serial Number", "Qty",
          "Unit Price", "Ext Price", "Service Start", "Service End"]


def _lines(n: int) -> list[list[str]]:
    return [[f"2026-11-{d:02d}", f"INV{d:03d}", "Lorstead Networks Inc.", f"Customer {d} LLC", "CS-NBD-SRV",
             f"FCW27{d:04d}X", "1", "1000.00", "1000.00", "2026-12-01", "2027-11-30"] for d in range(1, n + 1)]


SUMMARY = [["Summary by reseller"], ["Reseller", "Lines", "Total"], ["Lorstead Networks Inc.", "3", "3000.00"],
           ["Pelstead Computer Services LLC", "1", "1000.00"]]


def _csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_a_summary_table_below_a_csv_is_skipped_not_quarantined(tmp_path: Path) -> None:
    out = read_as(_csv(tmp_path / "pos.csv", [HEADER, *_lines(3), [], *SUMMARY]), "distributor")
    assert (out.rows_loaded, out.rows_quarantined) == (3, 0)
    note = next(w for w in out.warnings if "second, smaller table" in w)
    assert "rows 6-9" in note and "Summary by reseller" in note


def test_a_summary_table_below_a_sheet_is_skipped(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "POS"
    for row in [HEADER, *_lines(12), [], [], SUMMARY[1], *SUMMARY[2:]]:  # no title line: the header first
        sheet.append(row or [None])
    book.save(tmp_path / "pos.xlsx")
    out = read_as(tmp_path / "pos.xlsx", "distributor")
    assert (out.rows_loaded, out.rows_quarantined) == (12, 0)
    assert any("sheet 'POS', rows 16-18" in w for w in out.warnings)


def test_failed_lines_without_a_header_of_their_own_stay_quarantined(tmp_path: Path) -> None:
    broken = [["garbled", "x", "", "", "", "", "", "", "", "", ""], ["more garbled", "y"]]
    out = read_as(_csv(tmp_path / "pos.csv", [HEADER, *_lines(3), [], *broken]), "distributor")
    assert (out.rows_loaded, out.rows_quarantined) == (3, 2)
    assert not any("second, smaller table" in w for w in out.warnings)


def test_a_block_with_one_good_record_is_no_second_table(tmp_path: Path) -> None:
    """Below a blank line, one row that types as a record keeps the block in the table: nothing is skipped."""
    tail = [["Reseller", "Lines", "Total"], _lines(4)[-1]]
    out = read_as(_csv(tmp_path / "pos.csv", [HEADER, *_lines(3), [], *tail]), "distributor")
    assert (out.rows_loaded, out.rows_quarantined) == (4, 1)


def test_narrow_tracker_rows_below_a_gap_still_load(tmp_path: Path) -> None:
    """A rep's tracker whose last lines hold only the customer and the expiry: records, not a table."""
    rows = [["Customer", "Expiry", "Value", "Notes"], ["Acme Corp", "2027-01-31", "1200", "call"],
            ["Bolt Ltd", "2027-02-28", "900", "renewal"], [], ["Crane AG", "2027-03-31"], ["Delta BV", "2027-04-30"]]
    out = read_as(_csv(tmp_path / "tracker.csv", rows), "sales_rep")
    assert (out.rows_loaded, out.rows_quarantined) == (4, 0)
