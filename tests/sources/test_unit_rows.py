"""A serial-level export writes a line once per unit, each row repeating the line's quantity and total: each row is
read as one unit and its share, so the line sums to what it says; rows of their own units (quantity 1) and a line
whose rows do not match its quantity are left as written. Files written here and read as the night does."""

from __future__ import annotations

from pathlib import Path

from tests.sources.hostile import csv_text, read

HEADER = ["Invoice Date", "Invoice No", "Reseller", "End User", "SKU", "Serial Number", "Qty", "Ext Price"]


def _line(invoice: str, serial: str, qty: int, total: str) -> list[object]:
    return ["03/14/2026", invoice, "Quinmore Infrastructure", "Magnolia Insurance", "CS-NBD-SRV", serial, qty, total]


def test_the_units_of_a_line_share_its_total(tmp_path: Path) -> None:
    rows = [_line("HX-1", "FCW2231X1AB", 1, "1035.00"), _line("HX-2", "FCW2231X2AB", 2, "2144.50"), _line("HX-2", "FCW2231X3AB", 2, "2144.50"),
            _line("HX-3", "FCW2231X4AB", 3, "100.00"), _line("HX-3", "FCW2231X5AB", 3, "100.00"), _line("HX-3", "FCW2231X6AB", 3, "100.00")]
    out = read(tmp_path, "per_serial.csv", csv_text(rows, header=HEADER))
    assert [float(a) for a in out.records["amount"]] == [1035.00, 1072.25, 1072.25, 33.33, 33.33, 33.34]
    assert [int(q) for q in out.records["quantity"]] == [1, 1, 1, 1, 1, 1]
    assert [list(s) for s in out.records["serial_numbers"]] == [["FCW2231X1AB"], ["FCW2231X2AB"], ["FCW2231X3AB"], ["FCW2231X4AB"], ["FCW2231X5AB"], ["FCW2231X6AB"]]
    assert any("rows 3-7: one row per unit of a line (2 lines), each repeating the line's quantity and total" in w
               for w in out.warnings)


def test_rows_that_do_not_match_their_quantity_stay_as_written(tmp_path: Path) -> None:
    rows = [_line("HX-2", "FCW2231X2AB", 3, "2144.50"), _line("HX-2", "FCW2231X3AB", 3, "2144.50"),  # two rows of a line of three
            _line("HX-4", "FCW2231X7AB", 2, "500.00"), _line("HX-4", "FCW2231X7AB", 2, "500.00")]  # one serial twice: a repeat
    out = read(tmp_path, "pos.csv", csv_text(rows, header=HEADER))
    assert [float(a) for a in out.records["amount"]] == [2144.50, 2144.50, 500.00, 500.00]
    assert not any("one row per unit" in w for w in out.warnings)


def test_more_serials_than_units_is_said(tmp_path: Path) -> None:
    rows = [_line("HX-5", "FCW2231X5AB, FCW2231X5ABX", 1, "100.00"), _line("HX-6", "FCW2231X6AB", 2, "200.00")]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=HEADER))
    assert [list(s) for s in out.records["serial_numbers"]] == [["FCW2231X5AB", "FCW2231X5ABX"], ["FCW2231X6AB"]]
    assert any("row 2: more serials than units (e.g. 2 serials for a quantity of 1)" in w for w in out.warnings)
    assert not any("row 3" in w for w in out.warnings)  # fewer serials than units is common: not said
