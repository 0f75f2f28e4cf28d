"""Workbooks written with XlsxWriter: formats made once per workbook, every cell written once with
its whole style, rows and columns numbered as Excel shows them (from 1), the file written beside its
path and moved onto it when complete.

XlsxWriter writes a listed row in about half openpyxl's time (0.1 ms instead of 0.22 on the 100k
demo world's books, docs/scale.md). Its workbooks here are in constant-memory mode: each
row goes to disk when the next one starts, so a sheet must be written top to bottom; a cell or row
height that comes too late raises (XlsxWriter itself would drop it silently). No text is ever read
as a formula, a number or a link: the writers call write_string for text, and the workbook options
forbid the conversions besides.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from reports.safe_text import one_line

#: XlsxWriter format properties ({"bold": True, "num_format": "0%", ...})
Style = Mapping[str, Any]
#: pixels of a digit in the default font (11-point Calibri): the unit of Excel's column widths
MAX_DIGIT_WIDTH = 7
PIXELS_PER_POINT = 4 / 3  # 96 pixels an inch, 72 points
OPTIONS: dict[str, Any] = {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
                           "strings_to_urls": False}


class CellNotWritten(RuntimeError):
    """XlsxWriter refused a cell or row (out of the sheet, or above a row already written)."""


def column_letter(col: int) -> str:
    """The letter(s) of column `col` (from 1): 1 -> A, 28 -> AB."""
    return str(xl_col_to_name(col - 1))


def chart_size(width_cm: float, height_cm: float) -> dict[str, int]:
    """A chart's set_size options for a size in centimetres (96 pixels an inch)."""
    return {"width": round(width_cm / 2.54 * 96), "height": round(height_cm / 2.54 * 96)}


def check_written(code: int | None, sheet: str, row: int, col: int | None = None) -> None:
    """Raise when XlsxWriter returned an error code for (row, col), counted from 1."""
    if code:
        where = (f"{sheet}!{column_letter(col)}{row}" if row and col else f"row {row} of {sheet}" if row
                 else f"column {column_letter(col or 1)} of {sheet}")
        raise CellNotWritten(f"XlsxWriter did not write {where} (code {code}): out of the sheet, or above a row "
                             "already written (constant_memory writes rows in order)")


class Sheet:
    """One worksheet of a Book. Rows and columns from 1; each write takes the cell's whole style."""

    def __init__(self, book: Book, ws: Any) -> None:
        self.book = book
        self.ws = ws  # the XlsxWriter worksheet, for what these methods do not cover
        self.name: str = ws.get_name()

    def fmt(self, *styles: Style) -> Any:
        """The workbook's format for `styles` merged (later keys win); None for no style."""
        return self.book.fmt(*styles)

    def string(self, row: int, col: int, text: str, fmt: Any = None) -> None:
        """A string cell: never a formula or a number, whatever the text looks like."""
        check_written(self.ws.write_string(row - 1, col - 1, text, fmt), self.name, row, col)

    def number(self, row: int, col: int, value: float, fmt: Any = None) -> None:
        """A number cell (int or float); `fmt` carries its number format."""
        check_written(self.ws.write_number(row - 1, col - 1, value, fmt), self.name, row, col)

    def date(self, row: int, col: int, value: Any, fmt: Any) -> None:
        """A date (or datetime) cell; `fmt` carries its number format."""
        check_written(self.ws.write_datetime(row - 1, col - 1, value, fmt), self.name, row, col)

    def blank(self, row: int, col: int, fmt: Any) -> None:
        """An empty cell that still shows its style (borders, fill); nothing without a style."""
        if fmt is not None:
            check_written(self.ws.write_blank(row - 1, col - 1, None, fmt), self.name, row, col)

    def formula(self, row: int, col: int, formula: str, value: float, fmt: Any = None) -> None:
        """One of our own formulas, with the value it computes (shown by readers that do not compute)."""
        check_written(self.ws.write_formula(row - 1, col - 1, formula, fmt, value), self.name, row, col)

    def merged_string(self, row: int, first_col: int, last_col: int, text: str, fmt: Any) -> None:
        """Text across columns first_col..last_col of one row, merged (styled blanks without text)."""
        code = self.ws.merge_range(row - 1, first_col - 1, row - 1, last_col - 1, "", fmt)
        check_written(code, self.name, row, first_col)
        if text:
            self.string(row, first_col, text, fmt)

    def height(self, row: int, points: float) -> None:
        """Row `row`'s height in points, written as given (set_row would round it to whole pixels:
        16 pt to 15.75, and a long list's printed pages would break elsewhere); before any cell of
        a later row is written."""
        check_written(self.ws.set_row_pixels(row - 1, points * PIXELS_PER_POINT), self.name, row)

    def width(self, col: int, width: float) -> None:
        """Column `col`'s width in characters, written as given (to 1/256; set_column would make
        10.5 a whole number of pixels, 10.43)."""
        check_written(self.ws.set_column_pixels(col - 1, col - 1, width * MAX_DIGIT_WIDTH), self.name, 0, col)


class Book:
    """An XlsxWriter workbook for `path`: `with Book(path, title) as book:` writes it into a temporary
    file beside `path` and moves that onto `path` at the end; after an error nothing is written."""

    def __init__(self, path: Path, title: str, constant_memory: bool = True) -> None:
        self.path = path
        self.title = one_line(title)
        self._tmp = path.with_name(f".{path.name}.tmp")
        path.parent.mkdir(parents=True, exist_ok=True)
        self.wb = xlsxwriter.Workbook(str(self._tmp), {**OPTIONS, "constant_memory": constant_memory})
        self._formats: dict[tuple[tuple[str, Any], ...], Any] = {}

    def fmt(self, *styles: Style) -> Any:
        """The format for `styles` merged (later keys win), made once per workbook; None for no style."""
        merged = {k: v for style in styles for k, v in style.items()}
        if not merged:
            return None
        key = tuple(sorted(merged.items()))
        if key not in self._formats:
            self._formats[key] = self.wb.add_format(merged)
        return self._formats[key]

    def sheet(self, title: str) -> Sheet:
        """A new worksheet, after the others."""
        return Sheet(self, self.wb.add_worksheet(title))

    def chart(self, options: Mapping[str, Any]) -> Any:
        """A new chart (XlsxWriter's add_chart), to insert into a sheet."""
        return self.wb.add_chart(dict(options))

    def __enter__(self) -> Book:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is not None:  # the workbook is never closed, so nothing of it is written
            self._tmp.unlink(missing_ok=True)
            return
        self.wb.set_properties({"title": self.title, "author": "Renewal Radar"})
        try:
            self.wb.close()
            os.replace(self._tmp, self.path)
        except BaseException:
            self._tmp.unlink(missing_ok=True)
            raise
