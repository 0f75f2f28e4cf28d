"""A value filled down past the data (a whole column typed or dragged to the bottom of the sheet, a
formula copied down that gives 0) makes rows that repeat one row below the last record. They are
skipped with one note naming the rows and the value, not quarantined one by one; every real row and
every row that could be a record stays as it was. Real .xlsx and .csv files written here."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from tests.sources.hostile import read, read_path

HEADER = ["Invoice Date", "Reseller", "End User", "SKU", "Serial", "Qty", "Amount", "Currency"]
ROWS = [[f"2024-03-{i:02d}", "Infocore", f"Delta Legal {i}", "C9300-48P-A", f"FOC{i:08d}", i, 100.5 * i, "USD"]
        for i in range(1, 21)]


def _xlsx(path: Path, last_filled_row: int, fill: dict[int, object]) -> Path:
    """The header and ROWS, then `fill` (column number -> value) on every row down to `last_filled_row`."""
    wb = Workbook()
    ws = wb.active
    ws.title = "POS"
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    for r in range(len(ROWS) + 2, last_filled_row + 1):
        for col, value in fill.items():
            ws.cell(row=r, column=col, value=value)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def test_a_column_filled_to_the_bottom_is_one_note_not_a_quarantined_row_each(tmp_path: Path) -> None:
    out = read_path(_xlsx(tmp_path / "inbox" / "pos.xlsx", 5000, {8: "USD"}))
    assert out.status == "loaded" and out.rows_loaded == 20
    assert out.quarantine.empty
    (note,) = [w for w in out.warnings if "filled down past the data" in w]
    assert "rows 22-5000" in note and "'USD'" in note and "'Currency'" in note


def test_a_formula_dragged_down_that_gives_zero_in_two_columns(tmp_path: Path) -> None:
    out = read_path(_xlsx(tmp_path / "inbox" / "pos.xlsx", 300, {6: 0, 7: 0}))
    assert out.rows_loaded == 20 and out.quarantine.empty
    assert any("rows 22-300" in w and "filled down past the data" in w for w in out.warnings)


def test_a_text_export_with_the_fill_below_its_lines(tmp_path: Path) -> None:
    lines = [",".join(HEADER)] + [",".join(str(v) for v in r) for r in ROWS] + [",,,,,,,USD"] * 50
    out = read(tmp_path, "pos.csv", "\n".join(lines) + "\n")
    assert out.rows_loaded == 20 and out.quarantine.empty
    assert any("rows 22-71" in w and "filled down past the data" in w for w in out.warnings)


def test_two_such_rows_are_no_fill_and_stay_in_quarantine(tmp_path: Path) -> None:
    out = read_path(_xlsx(tmp_path / "inbox" / "pos.xlsx", 23, {8: "USD"}))
    assert out.rows_loaded == 20 and len(out.quarantine) == 2
    assert not any("filled down" in w for w in out.warnings)


def test_repeated_rows_that_name_a_customer_are_rows_not_a_fill(tmp_path: Path) -> None:
    """A customer on every row below the data might be records with their other cells lost: quarantined."""
    out = read_path(_xlsx(tmp_path / "inbox" / "pos.xlsx", 40, {3: "Delta Legal 1"}))
    assert out.rows_loaded == 20 and len(out.quarantine) == 19
    assert not any("filled down" in w for w in out.warnings)


def test_rows_that_differ_below_the_data_stay_in_quarantine(tmp_path: Path) -> None:
    lines = [",".join(HEADER)] + [",".join(str(v) for v in r) for r in ROWS]
    lines += [f",,,,,,{i},USD" for i in range(10)]
    out = read(tmp_path, "pos.csv", "\n".join(lines) + "\n")
    assert out.rows_loaded == 20 and len(out.quarantine) == 10
    assert not any("filled down" in w for w in out.warnings)


def test_a_fill_below_a_column_some_records_leave_blank(tmp_path: Path) -> None:
    """The filled column is blank on some records above: the blanks are compared as blanks, on pandas 2's
    and 3's missing values alike."""
    lines = [",".join(HEADER)] + [",".join(str(v) for v in r[:7]) + ("," + r[7] if i % 2 else ",")
                                  for i, r in enumerate(ROWS)]
    out = read(tmp_path, "pos.csv", "\n".join(lines + [",,,,,,,USD"] * 5) + "\n")
    assert out.rows_loaded == 20 and out.quarantine.empty
    assert any("rows 22-26" in w and "filled down past the data" in w for w in out.warnings)
