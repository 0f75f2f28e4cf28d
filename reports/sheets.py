"""Cells and list sheets of the opportunity workbooks (openpyxl): styles, number formats, text
cells that can never become formulas, and the styled, filtered, subtotalled lists.

Text from sources is always a string cell (reports.safe_text); the only formulas are the
SUBTOTALs `write_list` writes under each list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from typing import Any

import pandas as pd
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reports.safe_text import clean_text, is_formula_like, one_line

FONT_NAME = "Calibri"


def font(**kwargs: object) -> Font:
    """Every font names its face: a workbook without one renders in a serif fallback elsewhere."""
    return Font(name=FONT_NAME, **kwargs)


DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = "0%"
INTEGER_FORMAT = "#,##0"
NUMBER_FORMATS = {"text": "General", "date": DATE_FORMAT, "pct": PERCENT_FORMAT, "int": INTEGER_FORMAT}
SYMBOLS: dict[str, str] = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "CA$", "AUD": "A$"}
HEADER_FILL = PatternFill("solid", start_color="1F4E78", end_color="1F4E78")
TITLE_FONT = font(bold=True, size=16, color="1F4E78")
SECTION_FONT = font(bold=True, size=12, color="1F4E78")
HEADER_FONT = font(bold=True, color="FFFFFF", size=10)
RULE = Side(style="thin", color="BFBFBF")
TOTAL_RULE = Side(style="medium", color="1F4E78")
MAX_SUBTOTAL_ROWS = 1_048_000


def money_format(currency: str | None, cents: bool = True) -> str:
    """An Excel number format for amounts in `currency` ("$"#,##0.00 for USD)."""
    code = one_line(currency).replace('"', "")  # a source's currency cell ends up in styles.xml
    symbol = SYMBOLS.get(code, f"{code} " if code else "")
    return f'"{symbol}"#,##0' + (".00" if cents else "")


@dataclass(frozen=True)
class Column:
    """One column of a list sheet: header, DataFrame field, cell type, width (characters); text wraps."""

    header: str
    field: str
    kind: str = "text"  # text | date | money | int | pct
    width: float = 12
    total: bool = False



#: characters of 10-point text per unit of column width, a little low so wrapped rows never clip
CHARS_PER_WIDTH = 1.25
LINE_HEIGHT = 13.0  # points per line of 10-point text
BODY_FONT = font(size=10)
HEADER_ALIGN = {"money": "right", "int": "right", "pct": "right", "date": "left", "text": "left"}


def wrapped_lines(text: str | None, width: float) -> int:
    """How many lines `text` takes wrapped in a column `width` characters wide (an estimate)."""
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

def put_text(ws: Worksheet, row: int, col: int, value: object):
    """A string cell, whatever the text looks like; formula-like text gets Excel's quote prefix."""
    text = clean_text(value)
    cell = ws.cell(row=row, column=col)
    if text is None:
        return cell
    cell.value = text
    cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
    if is_formula_like(text):
        cell.quotePrefix = True
    return cell


def cell_value(value: Any, kind: str) -> Any:
    """The Python value a cell of `kind` holds (None for missing; text cleaned of control characters)."""
    if kind == "text":
        return clean_text(value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if kind == "date":
        return value if isinstance(value, dt.date) else pd.Timestamp(value).date()
    if kind == "money":
        return round(float(value), 2)
    if kind == "pct":
        return float(value)
    return int(value)


def put_cell(ws: Worksheet, row: int, col: int, value: Any, kind: str, money_fmt: str):
    """One styled cell of `kind` (summary sheet); text goes through put_text."""
    if kind == "text":
        return put_text(ws, row, col, value)
    cell = ws.cell(row=row, column=col)
    cell.value = cell_value(value, kind)
    cell.number_format = money_fmt if kind == "money" else NUMBER_FORMATS[kind]
    return cell


def put_header(ws: Worksheet, row: int, headers: Sequence[str], kinds: Sequence[str]) -> None:
    """Header cells: white on dark blue, aligned like the values below them."""
    for i, (text, kind) in enumerate(zip(headers, kinds, strict=True), start=1):
        cell = ws.cell(row=row, column=i, value=clean_text(text))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        right = HEADER_ALIGN.get(kind) == "right"
        cell.alignment = Alignment(horizontal="right" if right else "left", vertical="center", wrap_text=True,
                                   indent=1 if right else 0)


def page_setup(ws: Worksheet, title: str, landscape: bool = True, title_rows: str | None = "1:1") -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.center.text = one_line(title).replace("&", "&&")
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.right.text = "Page &P of &N"


# ---- list sheets ------------------------------------------------------------------------------

def write_list(ws: Worksheet, frame: pd.DataFrame, columns: Sequence[Column], currency: str,
               empty_text: str, freeze_after: str) -> None:
    """A list sheet: header, one row per record, SUBTOTAL row, frozen header, autofilter, widths."""
    put_header(ws, 1, [c.header for c in columns], [c.kind for c in columns])
    ws.row_dimensions[1].height = 30
    aligned = {kind: Alignment(vertical="top", horizontal=HEADER_ALIGN[kind], wrap_text=kind == "text",
                               indent=1 if HEADER_ALIGN[kind] == "right" else 0)
               for kind in HEADER_ALIGN}
    styles: dict[tuple[str, str, bool], object] = {}  # one style per (kind, format, quote prefix), copied
    # only the fields shown (and the row's currency): the frames carry every column of the book
    shown = [f for f in dict.fromkeys([*(c.field for c in columns), "currency"]) if f in frame.columns]
    rows = frame[shown].to_dict("records")
    for r, record in enumerate(rows, start=2):
        money_fmt = money_format(record.get("currency") or currency)
        lines = 1
        for c, column in enumerate(columns, start=1):
            cell = ws.cell(row=r, column=c)
            value = cell_value(record.get(column.field), column.kind)
            if value is not None:
                cell.value = value
                if column.kind == "text":
                    cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
                    lines = max(lines, wrapped_lines(value, column.width))
            quote = column.kind == "text" and value is not None and is_formula_like(value)
            fmt = money_fmt if column.kind == "money" else NUMBER_FORMATS[column.kind]
            key = (column.kind, fmt, quote)
            if key in styles:  # copying a finished style is far cheaper than setting four attributes
                cell._style = copy(styles[key])
            else:
                cell.alignment = aligned[column.kind]
                cell.border = Border(bottom=RULE)
                cell.font = BODY_FONT
                cell.number_format = fmt
                cell.quotePrefix = quote
                styles[key] = copy(cell._style)
        # spreadsheets do not grow rows for wrapped text they did not lay out themselves
        ws.row_dimensions[r].height = LINE_HEIGHT * lines + 3
    for c, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = column.width
    last = len(rows) + 1
    if not rows:
        put_text(ws, 2, 1, empty_text).font = font(italic=True, color="7F7F7F")
    else:
        _subtotals(ws, columns, last, currency)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(last, 2)}"
    ws.freeze_panes = freeze_after


def _subtotals(ws: Worksheet, columns: Sequence[Column], last: int, currency: str) -> None:
    """A total row under the list that follows the autofilter (SUBTOTAL 109 ignores hidden rows)."""
    row = last + 1
    label_col = next(i for i, c in enumerate(columns, start=1) if c.kind == "text")
    put_text(ws, row, label_col, "Total (rows shown)").font = font(bold=True)
    for c, column in enumerate(columns, start=1):
        cell = ws.cell(row=row, column=c)
        cell.border = Border(top=TOTAL_RULE)
        if column.total and last <= MAX_SUBTOTAL_ROWS:
            letter = get_column_letter(c)
            cell.value = f"=SUBTOTAL(109,{letter}2:{letter}{last})"
            cell.number_format = money_format(currency)
            cell.font = font(bold=True)
