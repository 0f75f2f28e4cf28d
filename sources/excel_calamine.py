"""Worksheet values with python-calamine (a Rust reader): the rows openpyxl's read-only mode gives,
10-20 times faster (bench/xlsx_readers.py).

The rows are made to look exactly like openpyxl's: a row's position in the list is its Excel row
number - 1 and its first value is column A; empty cells are None; whole numbers are ints (a serial
number stays `362350759338`, not `362350759338.0`); date cells are datetimes. What calamine cannot
give as openpyxl would raises `NotLikeOpenpyxl`, and the caller reads that file with openpyxl
instead (sources/excel.py): a number cell holding "NaN" or "inf" (only a hand-made file has one,
and the row's quarantine reason must quote its text), and time or duration cells (calamine also
gives a date before 1900 as a time).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from sources.limits import DEFAULT_LIMITS, ReadLimits, check

#: whole-number floats up to this size become ints (beyond it a float is not exact anyway)
_EXACT = 2.0**53


class NotLikeOpenpyxl(Exception):
    """This sheet holds a value calamine reads differently from openpyxl: read the file with openpyxl."""


class CalaminePanic(Exception):
    """python-calamine's Rust code panicked on this file (python-calamine issue 111: some damaged files)."""


@contextmanager
def panics_as_errors() -> Iterator[None]:
    """A panic in calamine's Rust code as a `CalaminePanic`. PyO3 raises a panic as its own
    `PanicException`, a BaseException (so `except Exception` lets it through and it would end the
    reading process), whose class no module exports: it is told by its name."""
    try:
        yield
    except Exception:
        raise
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise  # KeyboardInterrupt, SystemExit, GeneratorExit
        raise CalaminePanic(f"python-calamine failed on this file (a panic in its Rust code: {exc})") from None


class CalamineSheets:
    """An open workbook's sheets: names in workbook order, their state, their rows."""

    def __init__(self, path: Path) -> None:
        with panics_as_errors():
            self.book = CalamineWorkbook.from_path(str(path))
            self.meta = {m.name: m for m in self.book.sheets_metadata}
            self.names: list[str] = list(self.book.sheet_names)

    def state(self, name: str) -> str:
        """'visible', 'hidden' (also very hidden) or 'chart' (a sheet without cells)."""
        meta = self.meta[name]
        if meta.typ == SheetTypeEnum.ChartSheet:
            return "chart"
        return "visible" if meta.visible == SheetVisibleEnum.Visible else "hidden"

    def rows(self, name: str, limits: ReadLimits = DEFAULT_LIMITS) -> list[list[object]]:
        """Every row of a sheet from row 1 and column A, values as openpyxl gives them."""
        with panics_as_errors():
            sheet = self.book.get_sheet_by_name(name)
            check("max_columns", limits.max_columns, sheet.total_width, f"the number of columns in sheet '{name}'")
            check("max_cells", limits.max_cells, sheet.total_height * sheet.total_width,
                  f"rows x columns in sheet '{name}' (at least)")
            return [_row(values) for values in sheet.to_python(skip_empty_area=False)]

    def close(self) -> None:
        with panics_as_errors():
            self.book.close()


def _row(values: Sequence[object]) -> list[object]:
    """One row as openpyxl gives it: every column to the sheet's last, empty cells None."""
    return [_value(v) for v in values]


def _value(v: object) -> object:
    kind = type(v)
    if kind is str:
        return v or None
    if kind is float:
        f: float = v  # type: ignore[assignment]
        if not math.isfinite(f):
            raise NotLikeOpenpyxl(f"a number cell holds {f!r}")
        return int(f) if f.is_integer() and abs(f) < _EXACT else f
    if kind is dt.date:
        d: dt.date = v  # type: ignore[assignment]
        return dt.datetime(d.year, d.month, d.day)
    if kind is dt.time or kind is dt.timedelta:
        # a time-only cell, or a date before 1900 that calamine gives as a time: openpyxl's reading
        # is the one the date rules (and their quarantine reasons) expect
        raise NotLikeOpenpyxl(f"a time or duration cell ({v!r})")
    return v
