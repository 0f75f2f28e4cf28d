"""Date cells to `datetime.date`, with day/month order detected per column and ambiguity reported.

Real files mix Excel date cells, Excel serial numbers, ISO strings, "3/15/2026", "15.03.2026"
and "15-Mar-2026". Numeric dates are read in bulk with pandas once the column's order is known;
the order comes from `date_format`, else from values that can only be read one way (a first part
over 12 means day-first). When nothing in the column decides it, the values are read month-first
(or day-first for dotted dates) and a warning says so: never a silent guess. Named-month and
other free-form strings go to dateutil, one call per distinct value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from dateutil import parser as dateutil_parser

from sources.values import distinct, expand_distinct, is_blank, is_number, map_unique

_NUMERIC = r"^\s*(\d{1,2})\s*([./-])\s*(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
_ISO = r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*$"
_COMPACT = r"^\s*(\d{4})(\d{2})(\d{2})\s*$"
EXCEL_SERIAL_RANGE = (20_000, 80_000)  # 1954..2119: a number in a date column is an Excel serial


@dataclass
class ParsedDates:
    """A parsed column: values (date or None), which non-empty cells failed, and notes."""

    values: pd.Series
    failed: pd.Series
    order: str | None = None  # "mdy" | "dmy" | None (no numeric dates)
    warnings: list[str] = field(default_factory=list)


def _two_digit_year(y: pd.Series) -> pd.Series:
    return y.where(y >= 100, np.where(y < 70, 2000 + y, 1900 + y))


def _assemble(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    """Build dates from integer parts; impossible dates (31/02) become NaT."""
    frame = pd.DataFrame({"year": year, "month": month, "day": day}).astype("float64")
    return pd.to_datetime(frame, errors="coerce")


def _excel_serial_to_date(values: pd.Series, epoch: dt.datetime) -> pd.Series:
    """Serial day numbers from the workbook's epoch (1899-12-30, or 1904-01-01 for Mac files).

    The fraction is the time of day, so it is dropped (floor), never rounded: 46100.75 is
    6 pm on day 46100, not the next day.
    """
    return pd.Timestamp(epoch) + pd.to_timedelta(np.floor(values.astype("float64")), unit="D")


def _detect_order(
    first: pd.Series, second: pd.Series, sep: pd.Series, column: str, hint: str | None = None
) -> tuple[str, list[str]]:
    day_first = bool((first > 12).any())
    month_first = bool((second > 12).any())
    if day_first and not month_first:
        return "dmy", []
    if month_first and not day_first:
        return "mdy", []
    n = len(first)
    if hint and not (day_first or month_first):
        return hint, []  # the table's other date columns proved the order
    if day_first and month_first:
        return "mdy", [
            (f"{column}: {n} numeric dates mix day-first and month-first forms; each value read "
            "the only way it can be, the ambiguous ones month-first (set date_format to decide)")
        ]
    dotted = bool((sep == ".").all())
    order = "dmy" if dotted else "mdy"
    reading = "day-first (dotted dates)" if dotted else "month-first"
    return order, [
        (f"{column}: day/month order is ambiguous in {n} numeric dates (no day above 12); "
        f"read {reading}; set date_format in sources.yaml to decide")
    ]


def proven_order(raw: pd.Series) -> str | None:
    """"dmy" or "mdy" when this column's numeric dates can only be read one way, else None."""
    _, uniques = distinct(raw)
    text = uniques[uniques.map(lambda v: isinstance(v, str))].astype(str)
    num = text.str.extract(_NUMERIC).dropna()
    if num.empty:
        return None
    day_first = bool((num[0].astype(int) > 12).any())
    month_first = bool((num[2].astype(int) > 12).any())
    if day_first != month_first:
        return "dmy" if day_first else "mdy"
    return None


_DEFAULTS = (dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2))


def _parse_free_form(value: str, dayfirst: bool) -> pd.Timestamp:
    """dateutil for named months and other free forms; NaT unless day, month and year are all there.

    dateutil fills a missing part from today ("5" -> the 5th of this month, "March 2026" ->
    today's day in March), which would make a run depend on its date. Parsing with two
    different defaults exposes any borrowed part.
    """
    try:
        a, b = (dateutil_parser.parse(value, dayfirst=dayfirst, fuzzy=False, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return pd.NaT
    return pd.Timestamp(a) if a.date() == b.date() else pd.NaT


def parse_dates(
    raw: pd.Series,
    column: str,
    date_format: str | None = None,
    excel_epoch: dt.datetime | None = None,
    order_hint: str | None = None,
) -> ParsedDates:
    """Parse one column of date cells (strings, datetimes, Excel serials) into dates.

    Work is done once per distinct cell value; `order_hint` ("mdy"/"dmy") is the order other
    date columns of the same table proved, used when this column alone cannot tell.
    """
    codes, uniques = distinct(raw)
    parsed = _parse_distinct(uniques, column, date_format, excel_epoch, order_hint)
    return ParsedDates(
        values=expand_distinct(raw, parsed.values, codes),
        failed=expand_distinct(raw, parsed.failed, codes, False).astype(bool),
        order=parsed.order,
        warnings=parsed.warnings,
    )


def _parse_distinct(
    raw: pd.Series,
    column: str,
    date_format: str | None,
    excel_epoch: dt.datetime | None,
    order_hint: str | None,
) -> ParsedDates:
    raw = raw.astype(object)
    out = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    done = pd.Series(False, index=raw.index)
    warnings: list[str] = []
    order: str | None = None

    is_dt = map_unique(raw, lambda v: isinstance(v, (dt.datetime, dt.date))).astype(bool)
    if is_dt.any():
        out[is_dt] = pd.to_datetime(raw[is_dt].map(lambda v: pd.Timestamp(v)), errors="coerce")
        done |= is_dt
    is_num = map_unique(raw, is_number).astype(bool)
    is_num &= ~done
    if is_num.any():
        nums = raw[is_num].astype("float64")
        ok = nums.between(*EXCEL_SERIAL_RANGE) & (excel_epoch is not None)
        if ok.any():
            out[ok[ok].index] = _excel_serial_to_date(nums[ok], excel_epoch or dt.datetime(1899, 12, 30))
        done |= is_num & ok.reindex(raw.index, fill_value=False)

    text = map_unique(raw.where(~done & raw.notna(), None), lambda v: None if v is None else str(v).strip())
    text = text.where(text != "", None)
    todo = text.notna()
    if todo.any():
        s = text[todo].astype(str)
        if date_format:
            parsed = pd.to_datetime(s, format=date_format, errors="coerce")
            out[parsed.index] = parsed
        else:
            iso = s.str.extract(_ISO)
            is_iso = iso[0].notna()
            if is_iso.any():
                parts = iso[is_iso].astype(int)
                out[parts.index] = _assemble(parts[0], parts[1], parts[2])
            comp = s.str.extract(_COMPACT)
            is_comp = comp[0].notna()
            if is_comp.any():
                parts = comp[is_comp].astype(int)
                out[parts.index] = _assemble(parts[0], parts[1], parts[2])
            num = s.str.extract(_NUMERIC)
            is_numeric = num[0].notna()
            if is_numeric.any():
                a = num.loc[is_numeric, 0].astype(int)
                b = num.loc[is_numeric, 2].astype(int)
                y = _two_digit_year(num.loc[is_numeric, 3].astype(int))
                order, notes = _detect_order(a, b, num.loc[is_numeric, 1], column, order_hint)
                warnings += notes
                month, day = (a, b) if order == "mdy" else (b, a)
                # a value that can only be read the other way (mixed column) is read that way
                flip = (month > 12) & (day <= 12)
                month, day = month.where(~flip, day), day.where(~flip, month)
                out[a.index] = _assemble(y, month, day)
            rest = s[~(is_iso | is_comp | is_numeric)]
            if len(rest):
                dayfirst = order == "dmy"
                cache: dict[str, pd.Timestamp] = {}
                for value in rest.unique():
                    cache[value] = _parse_free_form(value, dayfirst)
                out[rest.index] = pd.to_datetime(rest.map(cache), errors="coerce")

    values = out.dt.date.astype(object).where(out.notna(), None)
    non_empty = ~map_unique(raw, is_blank).astype(bool)
    failed = non_empty & out.isna()
    return ParsedDates(values=values, failed=failed, order=order, warnings=warnings)
