"""reports.xlsx_book and the cells of reports.sheets, written with XlsxWriter and read back with
openpyxl: text stays text, widths stay what openpyxl wrote, rows go in order, a file appears whole
or not at all."""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from reports.safe_text import CELL_MAX_UNITS, cell_text, is_formula_like
from reports.sheets import (
    BODY_FONT,
    HEADER_ALIGN,
    LINE_HEIGHT,
    NUMBER_FORMATS,
    RULE,
    Column,
    _label_column,
    _subtotals,
    _total_width,
    cell_value,
    fill,
    header_text,
    header_width,
    money_format,
    page_setup,
    put_header,
    put_text,
    put_value,
    wrapped_lines,
    write_list,
)
from reports.xlsx_book import Book, CellNotWritten, Sheet, column_letter


def _sheet_xml(path: Path, n: int = 1) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(f"xl/worksheets/sheet{n}.xml").decode("utf-8")


def test_text_that_looks_like_a_formula_number_or_link_stays_a_string(tmp_path: Path) -> None:
    texts = ["=1+1", "+1 Corp", "-Dash", "@SUM(A1)", "00123", "1e5", "12.50", "TRUE", "http://example.com/x",
             "Bell\x07 and \x1b[31mred\x1b[0m"]
    path = tmp_path / "t.xlsx"
    with Book(path, "t") as book:
        sheet = book.sheet("S")
        for row, text in enumerate(texts, start=1):
            put_text(sheet, row, 1, text)
    ws = openpyxl.load_workbook(path)["S"]
    got = [ws.cell(row=r, column=1) for r in range(1, len(texts) + 1)]
    assert [c.value for c in got] == [*texts[:-1], "Bell and red"]
    assert all(c.data_type == "s" for c in got)
    assert [bool(c.quotePrefix) for c in got] == [True] * 4 + [False] * 6
    xml = _sheet_xml(path)
    assert "<f>" not in xml and "<hyperlink" not in xml


def test_a_cell_holds_at_most_excels_32767_utf16_units(tmp_path: Path) -> None:
    path = tmp_path / "long.xlsx"
    with Book(path, "long") as book:
        sheet = book.sheet("S")
        put_text(sheet, 1, 1, "x" * 40_000)
        put_text(sheet, 2, 1, "\U0001F600" * 20_000)  # two units each: the cut falls between two faces
    ws = openpyxl.load_workbook(path)["S"]
    assert ws["A1"].value == "x" * CELL_MAX_UNITS
    assert ws["A2"].value == "\U0001F600" * (CELL_MAX_UNITS // 2)


def test_widths_and_heights_are_written_as_given(tmp_path: Path) -> None:
    # as openpyxl wrote them: XlsxWriter's set_column and set_row round to whole pixels (10.5 -> 10.43
    # characters, 16 -> 15.75 points), which moves a long list's printed page breaks
    path = tmp_path / "w.xlsx"
    with Book(path, "w") as book:
        sheet = book.sheet("S")
        for col, width in enumerate((6, 10, 10.5, 36, 7.5), start=1):
            sheet.width(col, width)
        for row, points in enumerate((30, 16, 29, 42.5), start=1):
            put_text(sheet, row, 1, "x")
            sheet.height(row, points)
    ws = openpyxl.load_workbook(path)["S"]
    assert [ws.column_dimensions[c].width for c in "ABCDE"] == [6, 10, 10.5, 36, 7.5]
    assert [ws.row_dimensions[r].height for r in (1, 2, 3, 4)] == [30, 16, 29, 42.5]


def test_a_row_above_one_already_written_raises_instead_of_vanishing(tmp_path: Path) -> None:
    with pytest.raises(CellNotWritten, match="S!A1"), Book(tmp_path / "r.xlsx", "r") as book:
        sheet = book.sheet("S")
        put_text(sheet, 2, 1, "second")
        put_text(sheet, 1, 1, "first")  # constant_memory has written row 2 out already
    assert not list(tmp_path.iterdir())  # nothing half-written, no temporary file


def test_a_failed_write_leaves_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    with Book(path, "first") as book:
        put_text(book.sheet("S"), 1, 1, "first")
    before = path.read_bytes()
    with pytest.raises(ZeroDivisionError), Book(path, "second") as book:
        put_text(book.sheet("S"), 1, 1, "second")
        _ = 1 / 0
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["book.xlsx"]


@pytest.mark.parametrize(("title", "shown"), [
    ("Renewals: Smith & Sons", "Renewals: Smith & Sons"),
    ("AT&G Corp &[Picture]", "AT\uff06G Corp \uff06[Picture]"),  # XlsxWriter would drop the header
])
def test_print_headers_show_the_title_as_written(tmp_path: Path, title: str, shown: str) -> None:
    path = tmp_path / "h.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # XlsxWriter warns, and writes no header, when it refuses one
        with Book(path, title) as book:
            sheet = book.sheet("S")
            put_text(sheet, 1, 1, "x")
            page_setup(sheet, title)
    ws = openpyxl.load_workbook(path)["S"]
    assert ws.oddHeader.center.text.replace("&&", "&") == shown
    assert ws.oddFooter.right.text == "Page &P of &N" and ws.print_title_rows == "$1:$1"


def test_a_long_title_is_cut_to_excels_255_characters() -> None:
    text = header_text("Renewals: " + "Müller & Söhne " * 40)
    assert len(text) <= 255 and text.startswith("&CRenewals: Müller && Söhne") and text.endswith("\u2026")


def test_a_list_has_typed_cells_a_subtotal_with_its_value_and_filled_columns(tmp_path: Path) -> None:
    frame = pd.DataFrame({"name": ["=HYPERLINK(\"x\")", "Beta"], "due": pd.to_datetime(["2026-11-10", "2027-01-31"]),
                          "value": [1236.0, 99.5], "prio": [1, None], "note": [None, None]})
    columns = [Column("Name", "name", width=20), Column("Due", "due", "date", 10.5),
               Column("Value", "value", "money", 11, total=True), Column("Prio", "prio", "int", 6),
               Column("Note", "note", width=20, fill="FFF2CC")]
    path = tmp_path / "list.xlsx"
    with Book(path, "list") as book:
        write_list(book.sheet("L"), frame, columns, "USD", "Nothing.", "B2")
    ws = openpyxl.load_workbook(path)["L"]
    assert [c.value for c in ws[1]] == ["Name", "Due", "Value", "Prio", "Note"]
    assert ws["A2"].value == '=HYPERLINK("x")' and ws["A2"].data_type == "s" and ws["A2"].quotePrefix
    assert ws["B2"].value.date().isoformat() == "2026-11-10" and ws["B2"].number_format == "yyyy-mm-dd"
    assert ws["C3"].value == 99.5 and ws["C3"].number_format == '"$"#,##0.00'
    assert ws["D2"].value == 1 and ws["D3"].value is None and ws["D3"].border.bottom.style == "thin"
    assert ws["E2"].fill.fgColor.rgb.endswith("FFF2CC") and ws["E3"].fill.fgColor.rgb.endswith("FFF2CC")
    assert ws["A4"].value == "Total (rows shown)" and ws["C4"].value == "=SUBTOTAL(109,C2:C3)"
    assert ws["E4"].fill.fgColor.rgb in (None, "00000000")  # the total row is not to fill in
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == "A1:E3" and ws.max_row == 4
    # the total's value is in the file too: what viewers that compute nothing show
    assert re.search(r"<f>SUBTOTAL\(109,C2:C3\)</f><v>1335\.5</v>", _sheet_xml(path))


def _cell_by_cell_list(sheet: Sheet, frame: pd.DataFrame, columns: list[Column], currency: str) -> None:
    """The list written one cell at a time, each cell's value converted and its format asked for as it is
    written: what `write_list` must give byte for byte (it converts whole columns and makes the
    formats beforehand)."""
    put_header(sheet, 1, [c.header for c in columns], [c.kind for c in columns])
    sheet.height(1, 30)
    totals = [0.0] * len(columns)
    for i, row in enumerate(frame.itertuples(index=False)):
        values, lines = row._asdict(), 1
        code = values.get("currency")
        code = code if isinstance(code, str) and code else currency
        for c, column in enumerate(columns, start=1):
            value = cell_text(values[column.field]) if column.kind == "text" else cell_value(values[column.field],
                                                                                               column.kind)
            styles = (BODY_FONT, RULE, {"valign": "top", "align": HEADER_ALIGN[column.kind],
                                        "text_wrap": column.kind == "text",
                                        "indent": 1 if HEADER_ALIGN[column.kind] == "right" else 0})
            number = money_format(code) if column.kind == "money" else NUMBER_FORMATS[column.kind]
            extra = fill(column.fill) if column.fill else {}
            if column.kind == "text":
                quote = {"quote_prefix": True} if value is not None and is_formula_like(value) else {}
                fmt = sheet.fmt(*styles, {"num_format": number}, extra, quote)
                if value is None:
                    sheet.blank(i + 2, c, fmt)
                else:
                    sheet.string(i + 2, c, value, fmt)
                    lines = max(lines, wrapped_lines(value, column.width))
            else:
                put_value(sheet, i + 2, c, value, column.kind, sheet.fmt(*styles, {"num_format": number}, extra))
                totals[c - 1] += value if column.total and value is not None else 0.0
        sheet.height(i + 2, LINE_HEIGHT * lines + 3)
    label = _label_column(columns)
    for c, column in enumerate(columns, start=1):  # the label and a money total shown whole in bold
        shown = len(frame) > 0 and (c == label or (column.total and column.kind != "text"))
        width = max(column.width, header_width(column.header))  # a bold header wraps between words only
        sheet.width(c, max(width, _total_width(totals[c - 1], c == label)) if shown else width)
    _subtotals(sheet, columns, len(frame) + 1, currency, totals)
    sheet.ws.autofilter(f"A1:{column_letter(len(columns))}{len(frame) + 1}")
    sheet.ws.freeze_panes("B2")


#: a list's dates as they reach it: date objects (NaT for a missing one, as `.dt.date` gives them), a
#: datetime64 column with times of day and nanoseconds (both written as serial numbers at once), and
#: columns left to XlsxWriter: a datetime among the dates, a day before 1900-03-01
DUE_COLUMNS = {
    "date objects": [dt.date(2026, 11, 10), None, dt.date(2027, 1, 31), dt.date(2027, 2, 1), None],
    "datetime64": pd.to_datetime(["2026-11-10 00:00:00", None, "1900-03-01 23:59:59.999999", "2027-02-01 13:45:30.123456789",
                                  "2100-12-31 00:00:00.5"], format="ISO8601"),
    "dates as pandas gives them": pd.Series(pd.to_datetime(["2026-11-10", None, "1900-03-01", "2027-02-01", "2100-12-31"])
                                            ).dt.date,
    "dates and a datetime": [dt.date(2026, 11, 10), None, dt.datetime(2027, 1, 31, 18), dt.date(2027, 2, 1), None],
    "before March 1900": pd.to_datetime(["2026-11-10", None, "1900-02-28 12:00", "1900-01-01", "1899-12-31"], format="ISO8601"),
}


@pytest.mark.parametrize("due", DUE_COLUMNS, ids=list(DUE_COLUMNS))
def test_a_list_is_the_file_a_cell_by_cell_writer_makes(tmp_path: Path, due: str) -> None:
    """Currencies and formula-like text first met on later rows, missing values of every kind, a
    wrapped line, dates of each kind: every member of the package equal, styles.xml (the formats'
    numbering) included."""
    frame = pd.DataFrame({
        "name": ["Alpha", None, "=cmd|' /C calc'!A0", "Delta with a name long enough to wrap over two lines", "@x"],
        "due": DUE_COLUMNS[due],
        "value": [1236.0, None, 99.555, 10.0, 0.1],
        "share": [0.5, None, 0.25, 1.0, None],
        "prio": [1, 2, None, 3, 1],
        "currency": ["USD", None, "EUR", "USD", "GBP"],
        "note": [None, "-minus", None, None, "n"]})
    columns = [Column("Name", "name", width=12), Column("Due", "due", "date", 10.5),
               Column("Value", "value", "money", 11, total=True), Column("Share", "share", "pct", 6),
               Column("Prio", "prio", "int", 6, total=True), Column("Note", "note", width=20, fill="FFF2CC")]
    frame["prio"] = frame["prio"].astype("Int64")
    paths = [tmp_path / "listed.xlsx", tmp_path / "cell_by_cell.xlsx"]
    with Book(paths[0], "list") as book:
        write_list(book.sheet("L"), frame, columns, "CHF", "Nothing.", "B2")
    with Book(paths[1], "list") as book:
        _cell_by_cell_list(book.sheet("L"), frame, columns, "CHF")
    listed, reference = (zipfile.ZipFile(p) for p in paths)
    assert listed.namelist() == reference.namelist()
    for member in listed.namelist():
        if member != "docProps/core.xml":  # the time the file was made
            assert listed.read(member) == reference.read(member), member
    ws = openpyxl.load_workbook(paths[0])["L"]
    # a row without a currency is in the book's: its missing code (NaN among strings) names none
    assert ws["C4"].number_format == '"€"#,##0.00' and ws["C3"].number_format == '"CHF "#,##0.00'
    assert ws["A4"].quotePrefix and ws["F3"].quotePrefix and ws["A6"].quotePrefix and not ws["A5"].quotePrefix


def test_a_total_of_a_million_fits_its_column_and_the_label_is_whole(tmp_path: Path) -> None:
    """A column sized for its rows' amounts showed the total of $1,144,104.00 as ####, and the label in a
    narrow first text column was cut to "Total (row"."""
    frame = pd.DataFrame({"rank": ["1", "2"], "value": [572052.0, 572052.0], "small": [1.0, 2.0]})
    columns = [Column("Rank", "rank", width=6), Column("Value", "value", "money", 11, total=True),
               Column("Small", "small", "money", 11, total=True)]
    path = tmp_path / "list.xlsx"
    with Book(path, "list") as book:
        write_list(book.sheet("L"), frame, columns, "USD", "Nothing.", "B2")
    ws = openpyxl.load_workbook(path)["L"]
    assert ws.column_dimensions["B"].width >= len("-$ 1,144,104.00") * 1.1
    assert ws.column_dimensions["A"].width >= len("Total (rows shown)") * 1.1
    assert ws.column_dimensions["C"].width == pytest.approx(11, abs=0.5)  # a small total keeps its width
