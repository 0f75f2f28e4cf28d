"""Cells and list sheets of the opportunity workbooks (XlsxWriter, through reports.xlsx_book):
styles, number formats, text cells that can never become formulas, and the styled, filtered,
subtotalled lists.

Text from sources is always a string cell (reports.safe_text); the only formulas are the
SUBTOTALs `write_list` writes under each list. Rows and columns count from 1, as Excel shows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from reports.excel_serials import excel_serials
from reports.safe_text import cell_text, is_formula_like, one_line
from reports.sheet_rows import BodyRows, write_body
from reports.xlsx_book import Sheet, Style, column_letter

FONT_NAME = "Calibri"
FONT_SIZE = 11  # the workbook's default size: a font given without one (openpyxl's) showed at 11


def font(bold: bool = False, italic: bool = False, size: float = FONT_SIZE, color: str | None = None) -> Style:
    """Every font names its face: a workbook without one renders in a serif fallback elsewhere."""
    return {"font_name": FONT_NAME, "bold": bold, "italic": italic, "font_size": size,
            **({"font_color": f"#{color}"} if color else {})}


def fill(colour: str) -> Style:
    """A solid background of `colour` (RRGGBB)."""
    return {"pattern": 1, "bg_color": f"#{colour}"}


DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = "0%"
INTEGER_FORMAT = "#,##0"
NUMBER_FORMATS = {"text": "General", "date": DATE_FORMAT, "pct": PERCENT_FORMAT, "int": INTEGER_FORMAT}
SYMBOLS: dict[str, str] = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "CA$", "AUD": "A$"}
HEADER_FILL = fill("1F4E78")
TITLE_FONT = font(bold=True, size=16, color="1F4E78")
SECTION_FONT = font(bold=True, size=12, color="1F4E78")
HEADER_FONT = font(bold=True, color="FFFFFF", size=10)
RULE: Style = {"bottom": 1, "bottom_color": "#BFBFBF"}  # a thin grey rule under a cell
TOTAL_RULE: Style = {"top": 2, "top_color": "#1F4E78"}  # a medium blue rule over a total
MAX_SUBTOTAL_ROWS = 1_048_000


def money_format(currency: str | None, cents: bool = True) -> str:
    """An Excel number format for amounts in `currency` ("$"#,##0.00 for USD)."""
    code = one_line(currency).replace('"', "")  # a source's currency cell ends up in styles.xml
    symbol = SYMBOLS.get(code, f"{code} " if code else "")
    return f'"{symbol}"#,##0' + (".00" if cents else "")


@dataclass(frozen=True)
class Column:
    """One column of a list sheet: header, DataFrame field, cell type, width (characters); text wraps.
    `total`: a SUBTOTAL under it; `fill`: a background (RRGGBB) on its rows, for what a person fills in;
    `number_format`: instead of its kind's (a month as "mmm yyyy")."""

    header: str
    field: str
    kind: str = "text"  # text | date | money | int | pct
    width: float = 12
    total: bool = False
    fill: str | None = None
    number_format: str | None = None


#: characters of 10-point text per unit of column width, a little low so wrapped rows never clip
CHARS_PER_WIDTH = 1.25
LINE_HEIGHT = 13.0  # points per line of 10-point text
BODY_FONT = font(size=10)
HEADER_ALIGN = {"money": "right", "int": "right", "pct": "right", "date": "left", "text": "left"}


@lru_cache(maxsize=65_536)
def wrapped_lines(text: str | None, width: float) -> int:
    """How many lines `text` takes wrapped in a column `width` characters wide (an estimate; cached:
    a list repeats its labels, names and sentences row after row)."""
    if not text:
        return 1
    per_line = max(1, int(width * CHARS_PER_WIDTH) - 1)
    total = 0
    for part in text.split("\n"):
        words, line, lines = part.split(" "), 0, 1
        for word in words:
            size = len(word)
            if line and line + 1 + size > per_line:
                lines, line = lines + 1, 0
            while size > per_line:  # a word longer than the line breaks anywhere
                lines, size = lines + 1, size - per_line
            line = line + (1 if line else 0) + size
        total += lines
    return total


# ---- cells ------------------------------------------------------------------------------------

def put_text(sheet: Sheet, row: int, col: int, value: object, *styles: Style, merge_to: int | None = None) -> None:
    """A string cell, whatever the text looks like; formula-like text gets Excel's quote prefix.
    Missing text leaves a styled blank (or nothing, without a style). `merge_to`: the cell spans the
    columns up to that one."""
    text = cell_text(value)
    quote = {"quote_prefix": True} if text is not None and is_formula_like(text) else {}
    fmt = sheet.fmt(*styles, quote)
    if merge_to is not None:
        sheet.merged_string(row, col, merge_to, text or "", fmt)
    elif text is None:
        sheet.blank(row, col, fmt)
    else:
        sheet.string(row, col, text, fmt)


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else pd.Timestamp(value).date()


def _as_money(value: Any) -> float:
    return round(float(value), 2)


#: the Python value a present (not missing) cell of each kind other than text holds (`int` for int)
_PRESENT: dict[str, Callable[[Any], Any]] = {"date": _as_date, "money": _as_money, "pct": float}


def cell_value(value: Any, kind: str) -> Any:
    """The Python value a cell of `kind` holds (None for missing; text cleaned of control characters)."""
    if kind == "text":
        return cell_text(value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return _PRESENT.get(kind, int)(value)


def put_value(sheet: Sheet, row: int, col: int, value: Any, kind: str, fmt: Any) -> None:
    """`value` (a cell_value of `kind`, not text) with its format: a date, a number or a styled blank."""
    if value is None:
        sheet.blank(row, col, fmt)
    elif kind == "date":
        sheet.date(row, col, value, fmt)
    else:
        sheet.number(row, col, value, fmt)


def put_cell(sheet: Sheet, row: int, col: int, value: Any, kind: str, money_fmt: str, *styles: Style) -> None:
    """One styled cell of `kind` (summary sheets); text goes through put_text."""
    if kind == "text":
        put_text(sheet, row, col, value, *styles)
        return
    number_format = money_fmt if kind == "money" else NUMBER_FORMATS[kind]
    put_value(sheet, row, col, cell_value(value, kind), kind, sheet.fmt({"num_format": number_format}, *styles))


def put_header(sheet: Sheet, row: int, headers: Sequence[str], kinds: Sequence[str]) -> None:
    """Header cells: white on dark blue, aligned like the values below them."""
    for i, (text, kind) in enumerate(zip(headers, kinds, strict=True), start=1):
        right = HEADER_ALIGN.get(kind) == "right"
        put_text(sheet, row, i, text, HEADER_FONT, HEADER_FILL,
                 {"align": "right" if right else "left", "valign": "vcenter", "text_wrap": True,
                  "indent": 1 if right else 0})


#: the most a print header holds (Excel's limit, its "&C" code included)
HEADER_MAX = 255


def header_text(title: str) -> str:
    """A print header's centre: the title on one line, "&" doubled (a code there), cut to Excel's
    255 characters. A title with "&G" or "&[Picture]" (codes for a picture, whose count XlsxWriter
    checks even when doubled) gets fullwidth ampersands instead."""
    text = one_line(title)
    amp = "\uff06" if "&G" in text or "&[Picture]" in text else "&&"
    escaped = text.replace("&", amp)
    while len(("&C" + escaped).encode("utf-16-le")) > 2 * HEADER_MAX:
        text = text[:-1]
        escaped = text.replace("&", amp) + "\u2026"
    return "&C" + escaped


def page_setup(sheet: Sheet, title: str, landscape: bool = True, header_rows: int = 1) -> None:
    """Print setup: one page wide, `header_rows` repeated on every page, the title above, the sheet
    and page number below."""
    ws = sheet.ws
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.75, bottom=0.75)
    if header_rows:
        ws.repeat_rows(0, header_rows - 1)
    ws.set_header(header_text(title), {"margin": 0.3})
    ws.set_footer("&L&A&RPage &P of &N", {"margin": 0.3})


# ---- list sheets ------------------------------------------------------------------------------

def _row_formats(sheet: Sheet, columns: Sequence[Column]) -> Any:
    """format(column, number format, quote prefix) of a list's body cells, each made once."""
    aligned = {kind: {"valign": "top", "align": HEADER_ALIGN[kind], "text_wrap": kind == "text",
                      "indent": 1 if HEADER_ALIGN[kind] == "right" else 0} for kind in HEADER_ALIGN}
    made: dict[tuple[int, str, bool], Any] = {}

    def fmt(c: int, number_format: str, quote: bool) -> Any:
        key = (c, number_format, quote)
        if key not in made:
            column = columns[c]
            made[key] = sheet.fmt(BODY_FONT, RULE, aligned[column.kind], {"num_format": number_format},
                                  fill(column.fill) if column.fill else {}, {"quote_prefix": True} if quote else {})
        return made[key]
    return fmt


@dataclass(frozen=True)
class _ListColumn:
    """A list column's cell values, the XlsxWriter method that writes them, and (text) the lines each
    cell takes wrapped in the column (None: one line throughout)."""

    cells: list[Any]
    writer: str
    lines: list[int] | None = None


def _cells(frame: pd.DataFrame, column: Column) -> _ListColumn:
    """cell_value of each of the column's values (None throughout when the frame lacks the field);
    text is cleaned and its wrapped lines counted once per distinct value: a list repeats its labels,
    names and sentences. Missing values are found for the whole column at once, and each kind's
    conversion is applied to the rest; a column of dates becomes Excel's serial numbers at once."""
    writer = _WRITERS[column.kind]
    if column.field not in frame.columns:
        return _ListColumn([None] * len(frame), writer)
    values = frame[column.field]
    if column.kind == "text" and pd.api.types.is_string_dtype(values.dtype):
        codes, uniques = pd.factorize(values)
        cleaned = [cell_text(v) for v in uniques] + [None]  # code -1 (missing) takes the last
        lines = [wrapped_lines(v, column.width) if v is not None else 1 for v in cleaned]
        return _ListColumn([cleaned[code] for code in codes], writer, [lines[code] for code in codes])
    if column.kind == "text":  # mixed objects: 1, 1.0 and True factorize alike but read differently
        cells = [cell_text(v) for v in values.tolist()]
        return _ListColumn(cells, writer, [wrapped_lines(v, column.width) if v is not None else 1 for v in cells])
    if column.kind == "date" and (serials := excel_serials(values)) is not None:
        return _ListColumn(serials, "write_number")
    present = _PRESENT.get(column.kind, int)
    return _ListColumn([None if gone else present(v) for v, gone in zip(values.tolist(), values.isna().tolist(),
                                                                        strict=True)], writer)


def _body_formats(sheet: Sheet, columns: Sequence[Column], cells: Sequence[list[Any]], money: Sequence[str],
                  ) -> list[list[Any]]:
    """Each body cell's format, column by column (`money`: each row's money number format), each made
    once. The order they are made in does not show: XlsxWriter numbers a format when a cell first uses it."""
    fmt = _row_formats(sheet, columns)
    out: list[list[Any]] = []
    for c, column in enumerate(columns):
        if column.kind == "text":
            plain, quoted = fmt(c, "General", False), None
            formats = []
            for value in cells[c]:
                if value is not None and is_formula_like(value):
                    quoted = quoted or fmt(c, "General", True)
                    formats.append(quoted)
                else:
                    formats.append(plain)
            out.append(formats)
        elif column.kind == "money":
            by_format = {number: fmt(c, number, False) for number in dict.fromkeys(money)}
            out.append([by_format[number] for number in money])
        else:
            out.append([fmt(c, column.number_format or NUMBER_FORMATS[column.kind], False)] * len(money))
    return out


def write_list(sheet: Sheet, frame: pd.DataFrame, columns: Sequence[Column], currency: str,
               empty_text: str, freeze_after: str) -> None:
    """A list sheet: header, one row per record, SUBTOTAL row, frozen header, autofilter, widths."""
    put_header(sheet, 1, [c.header for c in columns], [c.kind for c in columns])
    sheet.height(1, 30)
    listed = [_cells(frame, column) for column in columns]
    cells = [column.cells for column in listed]
    # each row's currency; a missing one (None, or NaN in a column of strings) is the book's
    codes = [code if isinstance(code, str) and code else currency
             for code in (frame["currency"].tolist() if "currency" in frame.columns else [None] * len(frame))]
    money = {code: money_format(code) for code in dict.fromkeys(codes)}
    formats = _body_formats(sheet, columns, cells, [money[code] for code in codes])
    # spreadsheets do not grow rows for wrapped text they did not lay out themselves
    lines = [1] * len(frame)
    for listed_column in listed:
        if listed_column.lines is not None:
            lines = [max(n, m) for n, m in zip(lines, listed_column.lines, strict=True)]
    write_body(sheet, 2, BodyRows(cells, [listed_column.writer for listed_column in listed], formats,
                                  [LINE_HEIGHT * height + 3 for height in lines]))
    totals = [sum((v for v in cells[c] if v is not None), 0.0) if column.total and column.kind != "text" else 0.0
              for c, column in enumerate(columns)]
    totalled = any(column.total and column.kind != "text" for column in columns)
    label_col = _label_column(columns) if totalled else 0
    for c, column in enumerate(columns, start=1):
        shown = len(frame) > 0 and (c == label_col or (column.total and column.kind != "text"))
        width = max(column.width, header_width(column.header))
        sheet.width(c, max(width, _total_width(totals[c - 1], c == label_col)) if shown else width)
    last = len(frame) + 1
    if len(frame) == 0:
        put_text(sheet, 2, 1, empty_text, font(italic=True, color="7F7F7F"))
    elif totalled:  # a list with nothing to add up gets no total row
        _subtotals(sheet, columns, last, currency, totals)
    sheet.ws.autofilter(f"A1:{column_letter(len(columns))}{max(last, 2)}")
    sheet.ws.freeze_panes(freeze_after)


#: the total row's label, and what a bold total needs beyond its digits (a currency sign, a sign, a margin)
TOTAL_LABEL = "Total (rows shown)"
_BOLD = 1.12


def _label_column(columns: Sequence[Column]) -> int:
    """The column (from 1) the total row's label stands in: the first text column; 0 when there is none."""
    return next((i for i, c in enumerate(columns, start=1) if c.kind == "text"), 0)


def header_width(header: str) -> float:
    """The width (in characters) a bold header needs to wrap between its words only ("Shippe|d" in a
    column sized for its numbers)."""
    return round(max((len(word) for word in header.split()), default=0) * _BOLD + 1.5, 1)


def _total_width(total: float, label: bool) -> float:
    """The width (in characters) the total row's label or a money total needs to show whole in bold: a total
    of $1,144,104.00 printed as #### in a column sized for its rows' amounts was the one number a manager
    looks for at the bottom of a list."""
    text = TOTAL_LABEL if label else f"-$ {abs(total):,.2f}"
    return round(len(text) * _BOLD + 1, 1)


#: the XlsxWriter worksheet method that writes a list cell of each kind
_WRITERS = {"text": "write_string", "date": "write_datetime", "money": "write_number", "int": "write_number",
            "pct": "write_number"}


def _subtotals(sheet: Sheet, columns: Sequence[Column], last: int, currency: str, totals: Sequence[float]) -> None:
    """A total row under the list that follows the autofilter (SUBTOTAL 109 ignores hidden rows);
    each formula carries its value over every row, what it shows before anything is filtered."""
    row = last + 1
    label_col = _label_column(columns)
    for c, column in enumerate(columns, start=1):
        if c == label_col:
            put_text(sheet, row, c, TOTAL_LABEL, font(bold=True), TOTAL_RULE)
        elif column.total and last <= MAX_SUBTOTAL_ROWS:
            letter = column_letter(c)
            sheet.formula(row, c, f"=SUBTOTAL(109,{letter}2:{letter}{last})", round(totals[c - 1], 2),
                          sheet.fmt({"num_format": money_format(currency)}, font(bold=True), TOTAL_RULE))
        else:
            sheet.blank(row, c, sheet.fmt(TOTAL_RULE))
