"""Date cells to `datetime.date`, with day/month order detected per column and ambiguity reported.

Real files mix Excel date cells, Excel serial numbers, ISO strings, "3/15/2026", "15.03.2026"
and "15-Mar-2026". Numeric dates are read in bulk with pandas once the column's order is known;
the order comes from `date_format`, else from the rows whose value is a real date one way only
("15/03/2026" proves day-first); an impossible date ("31/02/2026") is quarantined and never votes,
and when both orders are proven the majority decides and the other values are quarantined. When
nothing decides, the values are read month-first (or day-first for dotted dates) and a warning
says so: never a silent guess, never one row flipping a column. Free-form strings go to dateutil.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd
from dateutil import parser as dateutil_parser

from sources.values import distinct, expand_distinct, is_blank, is_number

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
    #: valid dates outside the configured bounds (not in `failed`: they have their own reason)
    out_of_range: pd.Series | None = None
    #: values that can only be read in the order the column's majority rejected
    against_order: pd.Series | None = None
    #: how the order was decided and on what: see `OrderEvidence.as_dict`
    evidence: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class OrderEvidence:
    """Rows of numeric dates ("03/04/2026") by what they prove about day/month order."""

    day_first: int = 0  # valid only as day/month ("15/03/2026")
    month_first: int = 0  # valid only as month/day ("03/15/2026")
    either: int = 0  # valid both ways ("03/04/2026")
    impossible: int = 0  # valid neither way ("31/02/2026", "13/13/2026"): quarantined, no vote

    @property
    def proven(self) -> str | None:
        """The order the majority of deciding values proves, or None (none, or a tie)."""
        if self.day_first == self.month_first:
            return None
        return "dmy" if self.day_first > self.month_first else "mdy"

    def as_dict(self, order: str | None, decided_by: str) -> dict[str, object]:
        return {"order": order, "decided_by": decided_by, "day_first": self.day_first,
                "month_first": self.month_first, "either": self.either, "impossible": self.impossible}


def _two_digit_year(y: pd.Series) -> pd.Series:
    return y.where(y >= 100, np.where(y < 70, 2000 + y, 1900 + y))


def _assemble(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    """Build dates from integer parts; impossible dates (31/02) and years past pandas' range become NaT."""
    # numpy calendar arithmetic: pd.to_datetime on a year/month/day frame costs ~10 ms a call
    y, m, d = (np.asarray(pd.to_numeric(p, errors="coerce"), dtype="float64") for p in (year, month, day))
    ok = (y >= 1678) & (y <= 2261) & (m >= 1) & (m <= 12) & (d >= 1)  # pandas 3 would switch resolution
    ok &= (y == np.floor(y)) & (m == np.floor(m)) & (d == np.floor(d))
    months = np.where(ok, (y - 1970) * 12 + m - 1, 0).astype("int64").astype("datetime64[M]")
    first = months.astype("datetime64[D]")
    ok &= d <= ((months + 1).astype("datetime64[D]") - first).astype("int64")
    days = np.where(ok, d - 1, 0).astype("int64").astype("timedelta64[D]")
    out = np.where(ok, (first + days).astype("datetime64[ns]"), np.datetime64("NaT", "ns"))
    return pd.Series(out, index=year.index, dtype="datetime64[ns]")


def _excel_serial_to_date(values: pd.Series, epoch: dt.datetime) -> pd.Series:
    """Serial day numbers from the workbook's epoch (1899-12-30, or 1904-01-01 for Mac files).

    The fraction is the time of day, so it is dropped (floor), never rounded: 46100.75 is
    6 pm on day 46100, not the next day.
    """
    return pd.Timestamp(epoch) + pd.to_timedelta(np.floor(values.astype("float64")), unit="D")


_NUMERIC_RX = re.compile(_NUMERIC)
_ISO_RX = re.compile(_ISO)
_COMPACT_RX = re.compile(_COMPACT)


def _year4(y: int) -> int:
    """A two-digit year in 1970..2069; a longer one as written."""
    return y if y >= 100 else 2000 + y if y < 70 else 1900 + y


def _numeric_parts(text: pd.Series) -> pd.DataFrame:
    """First part, separator, second part and four-digit year of "a/b/yy(yy)" texts (others dropped)."""
    at, a, sep, b, y = [], [], [], [], []
    for i, t in zip(text.index, text.tolist(), strict=True):  # plain Python: a column has few distinct dates
        m = _NUMERIC_RX.search(t)
        if m is not None:
            at.append(i)
            a.append(int(m[1]))
            sep.append(m[2])
            b.append(int(m[3]))
            y.append(_year4(int(m[4])))
    index = pd.Index(at, dtype=text.index.dtype)
    return pd.DataFrame({
        "a": pd.Series(a, index=index, dtype="int64"), "sep": pd.Series(sep, index=index, dtype=object),
        "b": pd.Series(b, index=index, dtype="int64"), "y": pd.Series(y, index=index, dtype="int64"),
    }, index=index)


def _ymd_parts(text: pd.Series, pattern: re.Pattern[str]) -> pd.DataFrame:
    """Year, month and day (columns 0, 1, 2) of the texts `pattern` matches (others dropped)."""
    at, parts = [], []
    for i, t in zip(text.index, text.tolist(), strict=True):
        m = pattern.search(t)
        if m is not None:
            at.append(i)
            parts.append((int(m[1]), int(m[2]), int(m[3])))
    return pd.DataFrame(parts, index=pd.Index(at, dtype=text.index.dtype), columns=[0, 1, 2], dtype="int64")


def _readings(parts: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each value read day-first and month-first (NaT where that reading is no real date)."""
    return _assemble(parts["y"], parts["b"], parts["a"]), _assemble(parts["y"], parts["a"], parts["b"])


def _evidence(dmy: pd.Series, mdy: pd.Series, weights: pd.Series) -> OrderEvidence:
    d, m = dmy.notna(), mdy.notna()
    return OrderEvidence(
        day_first=int(weights[d & ~m].sum()), month_first=int(weights[m & ~d].sum()),
        either=int(weights[d & m].sum()), impossible=int(weights[~d & ~m].sum()),
    )


def order_evidence(raw: pd.Series) -> OrderEvidence:
    """What a column's numeric dates prove about day/month order, counted in rows."""
    codes, uniques = distinct(raw)
    weights = pd.Series(np.bincount(codes[codes >= 0], minlength=len(uniques)), index=uniques.index)
    parts = _numeric_parts(uniques[[isinstance(v, str) for v in uniques.tolist()]])
    if parts.empty:
        return OrderEvidence()
    return _evidence(*_readings(parts), weights.reindex(parts.index))


def proven_order(raw: pd.Series) -> str | None:
    """"dmy" or "mdy" when the majority of this column's deciding values proves it, else None."""
    return order_evidence(raw).proven


def _read_numeric(parts: pd.DataFrame, weights: pd.Series, column: str, order_hint: str | None) -> ParsedDates:
    """Numeric dates read in the order their evidence decides; values proving the other order are flagged."""
    dmy, mdy = _readings(parts)
    ev = _evidence(dmy, mdy, weights)
    order, decided_by, notes = _decide_order(ev, bool((parts["sep"] == ".").all()), column, order_hint)
    chosen, other = (dmy, mdy) if order == "dmy" else (mdy, dmy)
    if decided_by == "tie":  # each value read the only way it can be
        return ParsedDates(chosen.where(chosen.notna(), other), chosen.isna() & other.isna(), order, notes,
                           against_order=pd.Series(False, index=parts.index), evidence=ev.as_dict(order, decided_by))
    against = chosen.isna() & other.notna()
    return ParsedDates(chosen, chosen.isna() & ~against, order, notes, against_order=against,
                       evidence=ev.as_dict(order, decided_by))


def _decide_order(
    ev: OrderEvidence, dotted: bool, column: str, hint: str | None
) -> tuple[str, str, list[str]]:
    """(order, decided_by, warnings) for one column; an impossible date never votes."""
    impossible = (f"; {ev.impossible} impossible either way (quarantined, not counted)" if ev.impossible else "")
    if ev.proven and not (ev.day_first and ev.month_first):
        return ev.proven, "values", []
    if ev.proven:
        first, second = ("day", "month") if ev.proven == "dmy" else ("month", "day")
        return ev.proven, "majority", [
            (f"{column}: day/month order contested: {ev.day_first} values can only be read day-first, "
            f"{ev.month_first} only month-first; read {first}-first by majority and the "
            f"{min(ev.day_first, ev.month_first)} {second}-first values quarantined{impossible} "
            "(set date_format in sources.yaml to decide)")
        ]
    if ev.day_first:  # a tie
        return "mdy", "tie", [
            (f"{column}: {ev.day_first + ev.month_first + ev.either} numeric dates mix day-first and month-first "
            f"forms ({ev.day_first} each); each value read the only way it can be, the ambiguous ones "
            f"month-first (set date_format to decide){impossible}")
        ]
    if hint:
        reading = "day-first" if hint == "dmy" else "month-first"
        note = [] if not ev.either else [
            (f"{column}: no value decides day/month order ({ev.either} ambiguous{impossible}); read {reading} "
            "as the table's other date columns prove")
        ]
        return hint, "other columns", note
    order = "dmy" if dotted else "mdy"
    reading = "day-first (dotted dates)" if dotted else "month-first"
    return order, "default", [
        (f"{column}: day/month order is ambiguous in {ev.either} numeric dates (no day above 12); "
         f"read {reading}; set date_format in sources.yaml to decide{impossible}")
    ] if ev.either else []


_DEFAULTS = (dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2))


@lru_cache(maxsize=65536)
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
    bounds: tuple[dt.date, dt.date] | None = None,
) -> ParsedDates:
    """Parse one column of date cells (strings, datetimes, Excel serials) into dates.

    Work is done once per distinct cell value; `order_hint` ("mdy"/"dmy") is the order other
    date columns of the same table proved, used when this column alone cannot tell. Real dates
    outside `bounds` (inclusive) come back empty and flagged in `out_of_range`.
    """
    codes, uniques = distinct(raw)
    weights = pd.Series(np.bincount(codes[codes >= 0], minlength=len(uniques)), index=uniques.index)
    parsed = _parse_distinct(uniques, weights, column, date_format, excel_epoch, order_hint, bounds)

    def spread(mask: pd.Series | None) -> pd.Series:
        if mask is None:
            return pd.Series(False, index=raw.index)
        return expand_distinct(raw, mask, codes, False).astype(bool)

    return ParsedDates(
        values=expand_distinct(raw, parsed.values, codes),
        failed=spread(parsed.failed),
        order=parsed.order,
        warnings=parsed.warnings,
        out_of_range=spread(parsed.out_of_range),
        against_order=spread(parsed.against_order),
        evidence=parsed.evidence,
    )


def _timestamp(value: object) -> pd.Timestamp:
    """A date cell as a Timestamp; NaT for years pandas cannot hold (an xlsx may say 0001-01-01)."""
    year = getattr(value, "year", 0)
    return pd.Timestamp(value) if 1678 <= year <= 2261 else pd.NaT


def _parse_distinct(
    raw: pd.Series,
    weights: pd.Series,
    column: str,
    date_format: str | None,
    excel_epoch: dt.datetime | None,
    order_hint: str | None,
    bounds: tuple[dt.date, dt.date] | None,
) -> ParsedDates:
    raw = raw.astype(object)
    out = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    years = pd.Series(np.nan, index=raw.index)  # the year a value names, even one pandas cannot hold
    done = pd.Series(False, index=raw.index)
    against = pd.Series(False, index=raw.index)
    warnings: list[str] = []
    order: str | None = None
    evidence: dict[str, object] = {}

    cells = raw.tolist()  # distinct values: plain Python per value beats pandas' per-call overhead
    is_dt = pd.Series([isinstance(v, (dt.datetime, dt.date)) for v in cells], index=raw.index, dtype=bool)
    if is_dt.any():
        out[is_dt] = pd.to_datetime(raw[is_dt].map(_timestamp), errors="coerce")
        years[is_dt] = raw[is_dt].map(lambda v: v.year).astype("float64")
        done |= is_dt
    is_num = pd.Series([is_number(v) for v in cells], index=raw.index, dtype=bool)
    is_num &= ~done
    if is_num.any():
        nums = raw[is_num].astype("float64")
        ok = nums.between(*EXCEL_SERIAL_RANGE) & (excel_epoch is not None)
        if ok.any():
            out[ok[ok].index] = _excel_serial_to_date(nums[ok], excel_epoch or dt.datetime(1899, 12, 30))
        done |= is_num & ok.reindex(raw.index, fill_value=False)

    texts = [None if d or pd.isna(v) else str(v).strip() for v, d in zip(cells, done.tolist(), strict=True)]
    text = pd.Series([t or None for t in texts], index=raw.index, dtype=object)
    todo = text.notna()
    if todo.any():
        s = text[todo].astype(str)
        if date_format:
            parsed = pd.to_datetime(s, format=date_format, errors="coerce")
            out[parsed.index] = parsed
        else:
            is_iso = pd.Series(False, index=s.index)
            for pattern in (_ISO_RX, _COMPACT_RX):
                ymd = _ymd_parts(s[~is_iso], pattern)
                if len(ymd):
                    out[ymd.index] = _assemble(ymd[0], ymd[1], ymd[2])
                    years[ymd.index] = ymd[0].astype("float64")
                    is_iso[ymd.index] = True
            parts = _numeric_parts(s[~is_iso])
            if len(parts):
                read = _read_numeric(parts, weights.reindex(parts.index), column, order_hint)
                out[parts.index], against[parts.index] = read.values, read.against_order
                order, warnings, evidence = read.order, read.warnings, read.evidence
                years[parts.index] = parts["y"].astype("float64")
            rest = s[~is_iso & ~s.index.isin(parts.index)]
            if len(rest):
                dayfirst = order == "dmy"
                cache: dict[str, pd.Timestamp] = {}
                for value in rest.unique():
                    cache[value] = _parse_free_form(value, dayfirst)
                out[rest.index] = pd.to_datetime(rest.map(cache), errors="coerce")

    non_empty = pd.Series([not is_blank(v) for v in cells], index=raw.index, dtype=bool)
    out_of_range = pd.Series(False, index=raw.index)
    if bounds is not None:
        lo, hi = pd.Timestamp(bounds[0]), pd.Timestamp(bounds[1])
        out_of_range = (out.notna() & ((out < lo) | (out > hi))) | (
            out.isna() & ((years < bounds[0].year) | (years > bounds[1].year))
        )
        out = out.where(~out_of_range)
    values = out.dt.date.astype(object).where(out.notna(), None)
    failed = non_empty & out.isna() & ~out_of_range & ~against
    return ParsedDates(values=values, failed=failed, order=order, warnings=warnings,
                       out_of_range=out_of_range, against_order=against, evidence=evidence)
