"""Date cells to `datetime.date`, with day/month order detected per column and ambiguity reported.

Real files mix Excel date cells, Excel serial numbers, ISO strings, "3/15/2026", "15.03.2026"
and "15-Mar-2026" (or "15. März 2026": month names of the common business languages are read through
`sources.month_names`). Numeric dates are read in bulk with pandas once the column's order is known;
the order comes from `date_format`, else from the rows whose value is a real date one way only
("15/03/2026" proves day-first); an impossible date ("31/02/2026") is quarantined and never votes,
and when both orders are proven the majority decides and the other values are quarantined. When
nothing decides, the values are read month-first (or day-first for dotted dates) and a warning
says so: never a silent guess, never one row flipping a column. Free-form strings go to dateutil.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final, NamedTuple, cast

import numpy as np
import pandas as pd
from dateutil import parser as dateutil_parser

from sources.month_names import english_month_names
from sources.values import distinct, expand_distinct, is_blank, is_number, without_invisible

#: the year or day may end with a dot, as Croatian, Serbian and Hungarian dates do ("05.01.2026.", "2026. 01. 05.")
_NUMERIC = r"^\s*(\d{1,2})\s*([./-])\s*(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})\.?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
_ISO = (r"^\s*(\d{4})(?:[-/]|\.\s?)(\d{1,2})(?:[-/]|\.\s?)(\d{1,2})\.?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
        r"\s*$")
_COMPACT = r"^\s*(\d{4})(\d{2})(\d{2})\s*$"
EXCEL_SERIAL_RANGE = (20_000, 80_000)  # 1954..2119: a number in a date column is an Excel serial


@dataclass
class ParsedDates:
    """A parsed column: values (date or None), which non-empty cells failed, and notes."""

    values: pd.Series
    failed: pd.Series
    order: str | None = None  # "mdy" | "dmy" | "ymd" (two-digit year first) | None (no numeric dates)
    warnings: list[str] = field(default_factory=list)
    #: valid dates outside the configured bounds (not in `failed`: they have their own reason)
    out_of_range: pd.Series | None = None
    #: values that can only be read in the order the column's majority rejected
    against_order: pd.Series | None = None
    #: how the order was decided and on what: see `OrderEvidence.as_dict`
    evidence: dict[str, object] = field(default_factory=dict)


class OrderHint(NamedTuple):
    """A day/month order proven outside a column, for a column whose values cannot tell: by the
    table's other date columns, or by the source's earlier files (one system writes one format)."""

    order: str  # "dmy" | "mdy" | "ymd" (a two-digit year first: "24/03/01")
    proof: str  # ORDER_PROOFS


#: what an `OrderHint` was proven by: its `decided_by`, and the words of the warning
ORDER_PROOFS: Final[dict[str, str]] = {
    "other columns": "the table's other date columns prove",
    "earlier files": "the source's earlier files prove",
    "decimal comma": "the table's decimal comma (\"1.234,56\": a locale that writes the day first) suggests",
    "header": "the column's header writes",
}
#: a date pattern a header writes ("Expiry (DD/MM/YYYY)", "Datum TT.MM.JJJJ", "Date JJ/MM/AAAA", "mm-dd-yy")
_HEADER_PATTERN = re.compile(r"(?<![A-Za-z])([A-Za-z]{1,4})([/.\-])([A-Za-z]{1,4})\2([A-Za-z]{1,4})(?![A-Za-z])")


def order_in_header(header: str) -> str | None:
    """The day/month order a date pattern in a header states: "dmy" or "mdy" (the year last), else None. The
    month is the run of "m"s (mois, Monat, mes, mese, maand); the year the run of four letters or of "y"/"a"."""
    found = _HEADER_PATTERN.search(header)
    if found is None:
        return None
    runs = [found.group(1).lower(), found.group(3).lower(), found.group(4).lower()]
    last = runs[2]
    if not (len(last) == 4 or set(last) <= {"y"} or set(last) <= {"a"}) or len(set(last)) != 1:
        return None
    if any(len(set(r)) != 1 for r in runs[:2]) or runs[0][0] == runs[1][0]:
        return None
    if runs[0][0] == "m":
        return "mdy"
    return "dmy" if runs[1][0] == "m" else None
#: `decided_by` of an order the column's own values prove
PROVEN_BY_VALUES: Final[tuple[str, ...]] = ("values", "majority")


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


def _assemble_days(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Dates from year, month and day arrays: datetime64[ns], NaT for impossible dates (31/02) and years
    pandas cannot hold."""
    # numpy calendar arithmetic: pd.to_datetime on a year/month/day frame costs ~10 ms a call
    y, m, d = (np.asarray(p, dtype="float64") for p in (year, month, day))
    ok = (y >= 1678) & (y <= 2261) & (m >= 1) & (m <= 12) & (d >= 1)  # pandas 3 would switch resolution
    ok &= (y == np.floor(y)) & (m == np.floor(m)) & (d == np.floor(d))
    months = np.where(ok, (y - 1970) * 12 + m - 1, 0).astype("int64").astype("datetime64[M]")
    first = months.astype("datetime64[D]")
    ok &= d <= ((months + 1).astype("datetime64[D]") - first).astype("int64")
    days = np.where(ok, d - 1, 0).astype("int64").astype("timedelta64[D]")
    return np.where(ok, (first + days).astype("datetime64[ns]"), np.datetime64("NaT", "ns"))


_NUMERIC_RX = re.compile(_NUMERIC)
_ISO_RX = re.compile(_ISO)
_COMPACT_RX = re.compile(_COMPACT)


def _year4(y: int) -> int:
    """A two-digit year in 1970..2069; a longer one as written."""
    return y if y >= 100 else 2000 + y if y < 70 else 1900 + y


def _evidence_arrays(day_ok: np.ndarray, month_ok: np.ndarray, weights: np.ndarray) -> OrderEvidence:
    """Rows proving each order, from which values are real dates read day-first / month-first."""
    d, m = day_ok, month_ok
    return OrderEvidence(
        day_first=int(weights[d & ~m].sum()), month_first=int(weights[m & ~d].sum()),
        either=int(weights[d & m].sum()), impossible=int(weights[~d & ~m].sum()),
    )


def order_evidence(raw: pd.Series) -> OrderEvidence:
    """What a column's numeric dates prove about day/month order, counted in rows."""
    codes, uniques = distinct(raw)
    weights = np.bincount(codes[codes >= 0], minlength=len(uniques))
    values = uniques.tolist()
    at, a, _, b, y, _ = _numeric_arrays(*_texts_of(values))
    if not len(at):
        return OrderEvidence()
    dmy, mdy = _assemble_days(y, b, a), _assemble_days(y, a, b)
    return _evidence_arrays(~np.isnat(dmy), ~np.isnat(mdy), weights[at])


def _texts_of(values: list[object]) -> tuple[Sequence[int], list[str]]:
    """Positions and values of the texts among `values` (all of them, without copying, in the usual case)."""
    is_text = [isinstance(v, str) for v in values]
    if all(is_text):
        return range(len(values)), cast(list[str], values)
    at = [i for i, t in enumerate(is_text) if t]
    return at, [cast(str, values[i]) for i in at]


def proves_year_first(raw: pd.Series) -> bool:
    """Whether a column's numeric dates prove a two-digit year written first ("24/03/01")."""
    _, uniques = distinct(raw)
    _, a, _, b, _, last = _numeric_arrays(*_texts_of(uniques.tolist()))
    return _year_first(a, b, last)


def proven_order(raw: pd.Series) -> str | None:
    """"dmy" or "mdy" when the majority of this column's deciding values proves it, else None."""
    return order_evidence(raw).proven


@dataclass
class _NumericRead:
    """Numeric dates read in the decided order (datetime64[ns]), those proving the other order, notes."""

    values: np.ndarray
    against_order: np.ndarray
    order: str
    warnings: list[str]
    evidence: dict[str, object]
    years: np.ndarray  # the year each value names


def _decide_order(
    ev: OrderEvidence, dotted: bool, column: str, hint: OrderHint | None
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
        reading = "day-first" if hint.order == "dmy" else "month-first"
        note = [] if not ev.either else [
            (f"{column}: no value decides day/month order ({ev.either} ambiguous{impossible}); read {reading} "
            f"as {ORDER_PROOFS[hint.proof]}")
        ]
        return hint.order, hint.proof, note
    order = "dmy" if dotted else "mdy"
    reading = "day-first (dotted dates)" if dotted else "month-first"
    return order, "default", [
        (f"{column}: day/month order is ambiguous in {ev.either} numeric dates (no day above 12); "
         f"read {reading}; set date_format in sources.yaml to decide{impossible}")
    ] if ev.either else []


_DEFAULTS = (dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2))


@lru_cache(maxsize=65536)
def _parse_free_form(value: str, dayfirst: bool) -> dt.datetime | None:
    """dateutil for named months and other free forms; None unless day, month and year are all there.
    A value dateutil cannot read that names a month in another language ("6. Januar 2024", "6 de
    enero de 2024") is read again with the English name (`sources.month_names`): only values that
    fail pay for the look-up.

    dateutil fills a missing part from today ("5" -> the 5th of this month, "March 2026" ->
    today's day in March), which would make a run depend on its date. Parsing with two
    different defaults exposes any borrowed part.
    """
    parsed = _dateutil_whole(value, dayfirst)
    if parsed is None and (english := english_month_names(value)) is not None:
        parsed = _dateutil_whole(english, dayfirst)
    return parsed


def _dateutil_whole(value: str, dayfirst: bool) -> dt.datetime | None:
    """dateutil's reading of `value` when it names day, month and year (see `_parse_free_form`)."""
    try:
        a, b = (dateutil_parser.parse(value, dayfirst=dayfirst, fuzzy=False, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return None
    return a if a.date() == b.date() else None


def parse_dates(
    raw: pd.Series,
    column: str,
    date_format: str | None = None,
    excel_epoch: dt.datetime | None = None,
    order_hint: OrderHint | None = None,
    bounds: tuple[dt.date, dt.date] | None = None,
) -> ParsedDates:
    """Parse one column of date cells (strings, datetimes, Excel serials) into dates.

    Work is done once per distinct cell value; `order_hint` is the order the table's other date
    columns or the source's earlier files proved, used when this column alone cannot tell. Real dates
    outside `bounds` (inclusive) come back empty and flagged in `out_of_range`.
    """
    codes, uniques = distinct(raw)
    weights = pd.Series(np.bincount(codes[codes >= 0], minlength=len(uniques)), index=uniques.index)
    parsed = _parse_distinct(uniques, weights, column, date_format, excel_epoch, order_hint, bounds)

    def spread(mask: pd.Series | None) -> pd.Series:
        """A flag per distinct value spread over the rows (missing cells: False), in numpy."""
        if mask is None:
            return pd.Series(False, index=raw.index)
        return pd.Series(np.append(mask.to_numpy(dtype=bool), False)[codes], index=raw.index, dtype=bool)

    return ParsedDates(
        values=expand_distinct(raw, parsed.values, codes),
        failed=spread(parsed.failed),
        order=parsed.order,
        warnings=parsed.warnings,
        out_of_range=spread(parsed.out_of_range),
        against_order=spread(parsed.against_order),
        evidence=parsed.evidence,
    )


def _parse_distinct(
    raw: pd.Series,
    weights: pd.Series,
    column: str,
    date_format: str | None,
    excel_epoch: dt.datetime | None,
    order_hint: OrderHint | None,
    bounds: tuple[dt.date, dt.date] | None,
) -> ParsedDates:
    """Parse distinct cell values; numpy arrays by position, not pandas assignments (~40 small calls each)."""
    listed: list[Any] = raw.astype(object).tolist()  # distinct values: plain Python per value beats pandas' calls
    cells = compact_date_numbers(listed) or listed
    n = len(cells)
    out = np.full(n, np.datetime64("NaT", "ns"), dtype="datetime64[ns]")
    years = np.full(n, np.nan)  # the year a value names, even one pandas cannot hold
    against = np.zeros(n, dtype=bool)
    warnings: list[str] = []
    order: str | None = None
    evidence: dict[str, object] = {}

    done = np.array([isinstance(v, (dt.datetime, dt.date)) for v in cells], dtype=bool).reshape(n)
    if done.any():
        at = np.flatnonzero(done)
        _put(out, at, [cells[i] for i in at])
        years[at] = [cells[i].year for i in at]
    cells = _numbers_as_days(cells, done, out, excel_epoch, column, warnings)
    texts = [None if d or pd.isna(v) else str(v).strip() or None for v, d in zip(cells, done.tolist(), strict=True)]
    texts = [t if t is None or t.isascii() else without_invisible(t) for t in texts]  # "\u200e03/13/2026"
    texts = [t if t is None or (t.isascii() and t[:1] not in "RHS") else plain_date_text(t) for t in texts]
    texts, era_note = common_era(texts, column)
    todo = [(i, t) for i, t in enumerate(texts) if t is not None]
    if todo and date_format:
        _put(out, [i for i, _ in todo], _with_format([t for _, t in todo], date_format))
    elif todo:
        shape = _split_shapes(todo)
        for ymd in shape.ymd:
            if len(ymd[0]):
                out[ymd[0]] = _assemble_days(*ymd[1:])
                years[ymd[0]] = ymd[1]
        if len(shape.numeric[0]):
            at, a, sep, b, y, last = shape.numeric
            read = _read_numeric_by_separator(a, sep, b, y, last, weights.to_numpy()[at], column, order_hint)
            out[at], against[at] = read.values, read.against_order
            order, warnings, evidence = read.order, read.warnings, read.evidence
            years[at] = read.years
        if shape.rest:
            dayfirst = order == "dmy"
            at_rest = [i for i, _ in shape.rest]
            free = [_parse_free_form(t, dayfirst) for _, t in shape.rest]
            _put(out, at_rest, free)
            years[at_rest] = [np.nan if f is None else f.year for f in free]  # a year 9999 is out of range, not bad

    warnings = [*warnings, era_note] if era_note else warnings
    non_empty = np.array([not is_blank(v) for v in cells], dtype=bool).reshape(n)
    is_nat = np.isnat(out)
    out_of_range = np.zeros(n, dtype=bool)
    if bounds is not None:
        lo, hi = np.datetime64(bounds[0], "ns"), np.datetime64(bounds[1], "ns")
        with np.errstate(invalid="ignore"):
            out_of_range = (~is_nat & ((out < lo) | (out > hi))) | (
                is_nat & ((years < bounds[0].year) | (years > bounds[1].year)))
        out[out_of_range] = np.datetime64("NaT", "ns")
        is_nat |= out_of_range
    values = pd.Series(out.astype("datetime64[D]").astype(object), index=raw.index, dtype=object)
    failed = non_empty & is_nat & ~out_of_range & ~against

    def series(mask: np.ndarray) -> pd.Series:
        return pd.Series(mask, index=raw.index, dtype=bool)

    return ParsedDates(values=values, failed=series(failed), order=order, warnings=warnings,
                       out_of_range=series(out_of_range), against_order=series(against), evidence=evidence)


#: Japanese eras a date may count its year in ("令和6年3月1日", "R6.3.1"): the year before each's first
_ERAS: Final[dict[str, int]] = {"令和": 2018, "R": 2018, "平成": 1988, "H": 1988, "昭和": 1925, "S": 1925}
_ERA_RX = re.compile(r"^(令和|平成|昭和|[RHS])\s*(\d{1,2}|元)\s*[年./-]")
_CJK_MARKS = re.compile(r"\s*[年년]\s*|\s*[月월]\s*")
_CJK_DAY = re.compile(r"\s*[日일]\s*")
#: a year or day word after the date ("1.3.2024 г.", "2024 m.")
_YEAR_WORD = re.compile(r"\s+(?:г|гг|m|år|yil|yıl)\.?$")


#: the Buddhist era's years run 543 ahead of the common era's (Thailand: 2569 = 2026)
BUDDHIST_ERA_OFFSET: Final = 543
#: a year of the Buddhist era a date of our time is written in (2470-2643: 1927-2100), as a number alone
_BE_YEAR = re.compile(r"(?<!\d)(?:24[7-9]\d|25\d\d|26[0-4]\d)(?!\d)")
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")


def buddhist_era(texts: Sequence[str | None]) -> bool:
    """Whether a column's dates count their years in the Buddhist era: every date written as text names one year
    of 2470-2643 and no other four-digit number. No common-era export writes such years (a typo of "2026" as
    "2569" on every row is none), so the column says it alone."""
    written = [t for t in texts if t is not None]
    return bool(written) and all(len(_FOUR_DIGITS.findall(t)) == 1 and _BE_YEAR.search(t) is not None
                                 for t in written)


def common_era(texts: list[str | None], column: str) -> tuple[list[str | None], str | None]:
    """A column's date texts with Buddhist-era years as the common era's, and the warning saying so (None: none)."""
    if not buddhist_era(texts):
        return texts, None
    shifted = [t if t is None else _BE_YEAR.sub(lambda m: str(int(m[0]) - BUDDHIST_ERA_OFFSET), t) for t in texts]
    return shifted, f"{column}: years written in the Buddhist era (2569 = 2026), as Thai dates are; read as such"


@lru_cache(maxsize=65536)
def plain_date_text(text: str) -> str:
    """A date written with CJK year/month/day marks, full-width digits, a Japanese era or a trailing
    year word, written as "2024-3-1" (other text as it is): "2024年3月1日", "２０２４年３月１日",
    "2024년 3월 1일", "令和6年3月1日", "R6.3.1" and "1.3.2024 г." all become readable."""
    t = unicodedata.normalize("NFKC", text)
    era = _ERA_RX.match(t)
    if era is not None:
        year = 1 if era.group(2) == "元" else int(era.group(2))
        t = f"{_ERAS[era.group(1)] + year}-" + t[era.end():]
    t = _CJK_DAY.sub("", _CJK_MARKS.sub("-", t)).strip("- ")
    t = t.replace(".", "-") if era is not None else t
    return _YEAR_WORD.sub("", t)


def _put(out: np.ndarray, at: Sequence[int] | np.ndarray, stamps: Sequence[object]) -> None:
    """Write parsed timestamps into `out` (datetime64[ns]) at positions `at`, one by one (distinct values)."""
    out[np.asarray(at, dtype="int64")] = np.array([_wall_clock(s) for s in stamps], dtype="datetime64[ns]")


def _wall_clock(value: object) -> np.datetime64:
    """A parsed timestamp as naive datetime64[ns]: a zoned one keeps the day and time it was written
    with (a time zone says where, not which day); NaT for anything else and for years pandas cannot hold."""
    if not isinstance(value, dt.date) or value is pd.NaT or not 1678 <= value.year <= 2261:
        return np.datetime64("NaT", "ns")
    stamp = pd.Timestamp(value)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return stamp.to_datetime64().astype("datetime64[ns]")


def _with_format(texts: list[str], date_format: str) -> list[object]:
    """Texts parsed with an explicit format (NaT where one does not fit): at once, or one by one when
    pandas refuses the whole column (mixed time-zone offsets)."""
    try:
        return list(pd.to_datetime(pd.Series(texts, dtype=object), format=date_format, errors="coerce"))
    except (ValueError, TypeError, OverflowError):
        return [pd.to_datetime(t, format=date_format, errors="coerce") for t in texts]


_WHOLE_TEXT = re.compile(r"^\s*\d{5}(?:\.0*)?\s*$")
#: the years a whole number written as yyyymmdd may name (20261105); any such number is past Excel's last day
COMPACT_YEARS = (1900, 2200)


def _plain_number(value: object) -> bool:
    """A number cell (not a flag), finite."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, np.integer)):
        return True
    return isinstance(value, (float, np.floating)) and math.isfinite(value)


def _compact_date(value: Any) -> str | None:
    """A whole number that reads as yyyymmdd (20261105), as that text; else None."""
    if not _plain_number(value) or not 19_000_000 <= value < 22_000_000 or value != int(value):
        return None
    digits = str(int(value))
    if not COMPACT_YEARS[0] <= int(digits[:4]) < COMPACT_YEARS[1]:
        return None
    try:
        dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None
    return digits


def compact_date_numbers(cells: list[Any]) -> list[Any] | None:
    """`cells` with their numbers as yyyymmdd text when every number among them reads so (a workbook's
    20261105 in a date column: an ERP's compact dates stored as numbers), at least one; else None."""
    numbers = [i for i, v in enumerate(cells) if _plain_number(v)]
    if not numbers:
        return None
    texts = [_compact_date(cells[i]) for i in numbers]
    if any(t is None for t in texts):
        return None
    out = list(cells)
    for i, t in zip(numbers, texts, strict=True):
        out[i] = t
    return out


_DIGIT = re.compile(r"\d")


def _serial_positions(cells: list[object], done: np.ndarray, excel_epoch: dt.datetime | None) -> np.ndarray:
    """Positions of numbers in the Excel serial range, when the cells come from a workbook."""
    if excel_epoch is None:
        return np.zeros(0, dtype="int64")
    lo, hi = EXCEL_SERIAL_RANGE
    return np.array([i for i, (v, d) in enumerate(zip(cells, done.tolist(), strict=True))
                     if not d and is_number(v) and lo <= _float_or_inf(v) <= hi], dtype="int64")


def text_serials(cells: list[object]) -> bool:
    """A date column written as Excel day numbers in text ("46174": a workbook saved as CSV with its
    date cells formatted as General, or text cells of a workbook): every non-blank cell with a digit a
    whole number in the serial range, and more of them than words without a digit ("TBD", "n/a",
    typed in such a column; they stay no date and quarantine their rows). Only the whole column
    decides, so one stray number among written dates never becomes a date."""
    lo, hi = EXCEL_SERIAL_RANGE
    serials = words = 0
    for v in cells:
        if v is None or (not isinstance(v, str) and pd.isna(v)) or (isinstance(v, str) and not v.strip()):
            continue
        if isinstance(v, str):
            if _WHOLE_TEXT.match(v) is None:
                if _DIGIT.search(v) is not None:
                    return False
                words += 1
                continue
            v = float(v)
        if not is_number(v) or not lo <= _float_or_inf(v) <= hi or float(cast(float, v)) % 1:
            return False
        serials += 1
    return serials > words


#: Unix time of 2000-01-01 and of 2100-12-31, in seconds: an API's dates ("1773403200"), or in milliseconds (13 digits)
UNIX_RANGE: Final = (946_684_800, 4_133_894_400)
_UNIX_TEXT = re.compile(r"^\s*(?:\d{10}|\d{13})(?:\.0*)?\s*$")


def unix_seconds(cells: Sequence[object]) -> list[float | None] | None:
    """A column written in Unix time, as seconds per cell (None: blank), else None: every non-blank cell a whole
    number of ten digits (seconds) or thirteen (milliseconds, as HubSpot's and Salesforce's APIs write them) inside
    2000-2100. Only the whole column decides: no other date, amount or code is ten digits in that range everywhere."""
    lo, hi = UNIX_RANGE
    out: list[float | None] = []
    for v in cells:
        if v is None or (not isinstance(v, str) and pd.isna(v)) or (isinstance(v, str) and not v.strip()):
            out.append(None)
            continue
        if isinstance(v, str):
            if _UNIX_TEXT.match(v) is None:
                return None
            x = float(v)
        elif is_number(v) and not isinstance(v, bool):
            x = _float_or_inf(v)
        else:
            return None
        seconds = x / 1000 if x >= 1e12 else x
        if x % 1 or not lo <= seconds <= hi:
            return None
        out.append(seconds)
    return out if any(x is not None for x in out) else None


def _numbers_as_days(cells: list[Any], done: np.ndarray, out: np.ndarray, excel_epoch: dt.datetime | None,
                     column: str, warnings: list[str]) -> list[Any]:
    """Read the cells written as numbers of days (Excel serials, in a workbook or as text) or of seconds (Unix time)
    into `out`, marking them in `done` and saying so in `warnings`; the cells as the text stage should see them."""
    serial = _serial_positions(cells, done, excel_epoch)
    if not len(serial) and not done.any() and text_serials(cells):  # a CSV, or text cells of a workbook
        cells = [float(v) if isinstance(v, str) and _WHOLE_TEXT.match(v) else v for v in cells]
        serial = _serial_positions(cells, done, excel_epoch or dt.datetime(1899, 12, 30))
        warnings.append(f"{column}: whole numbers read as Excel day numbers (46174 = 2026-06-01), as the "
                        "workbook this file was saved from counted them")
    if len(serial):
        epoch = np.datetime64(pd.Timestamp(excel_epoch or dt.datetime(1899, 12, 30)).as_unit("ns").to_datetime64())
        days = np.floor(np.array([cells[i] for i in serial], dtype="float64")).astype("int64")
        out[serial] = epoch + days.astype("timedelta64[D]")
        done[serial] = True

    unix = None if done.any() else unix_seconds(cells)
    if unix is not None:  # "1773403200": an API's Unix time, read as the UTC day
        at = np.array([i for i, x in enumerate(unix) if x is not None], dtype="int64")
        out[at] = np.array([unix[i] for i in at], dtype="float64").astype("int64").astype("datetime64[s]")
        done[at] = True
        warnings.append(f"{column}: whole numbers read as Unix time (1773403200 = 2026-03-13, UTC), as an API "
                        "writes dates")
    return cells


def _float_or_inf(value: object) -> float:
    """A number as float; an integer past float's range (10**400) as infinity, never an OverflowError."""
    try:
        return float(cast(float, value))
    except OverflowError:
        return float("inf")


@dataclass
class _Shapes:
    """Text values by shape: ISO and compact (positions, year, month, day), numeric, and the rest."""

    ymd: list[tuple[np.ndarray, ...]]  # (positions, year, month, day) of ISO, then of compact texts
    numeric: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]
    rest: list[tuple[int, str]]


def _split_shapes(texts: list[tuple[int, str]]) -> _Shapes:
    """One regex pass per value: ISO, else compact, else "a/b/yy", else free form (the former order)."""
    ymd: list[tuple[list[int], list[int], list[int], list[int]]] = [([], [], [], []), ([], [], [], [])]
    others: list[tuple[int, str]] = []
    for i, t in texts:
        for k, rx in enumerate((_ISO_RX, _COMPACT_RX)):
            m = rx.search(t)
            if m is not None:
                at, year, month, day = ymd[k]
                at.append(i)
                year.append(int(m[1]))
                month.append(int(m[2]))
                day.append(int(m[3]))
                break
        else:
            others.append((i, t))
    numeric = _numeric_arrays([i for i, _ in others], [t for _, t in others])
    matched = set(numeric[0].tolist())
    rest = [(i, t) for i, t in others if i not in matched]
    return _Shapes([_int_arrays(*parts) for parts in ymd], numeric, rest)


def _int_arrays(*columns: list[int]) -> tuple[np.ndarray, ...]:
    """Lists of ints as int64 arrays (one list at a time: numpy reads a list of tuples slowly)."""
    return tuple(np.array(c, dtype="int64") for c in columns)


def _numeric_arrays(
    positions: Sequence[int], texts: Sequence[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(positions, first part, separator, second part, four-digit year, the last part as written: -1
    where it has four digits) of the "a/b/yy(yy)" texts."""
    at: list[int] = []
    a: list[int] = []
    b: list[int] = []
    y: list[int] = []
    last: list[int] = []
    seps: list[str] = []
    for i, t in zip(positions, texts, strict=True):
        m = _NUMERIC_RX.search(t)
        if m is not None:
            at.append(i)
            a.append(int(m[1]))
            seps.append(m[2])
            b.append(int(m[3]))
            y.append(_year4(int(m[4])))
            last.append(int(m[4]) if len(m[4]) == 2 else -1)
    at_, a_, b_, y_, last_ = _int_arrays(at, a, b, y, last)
    return at_, a_, np.array(seps, dtype=object), b_, y_, last_


#: a two-digit year written first ("24/03/01", Japan's yy/mm/dd, Sweden's yy-mm-dd) is told from a
#: day first by the years each reading gives: a report's dates lie within a few years, and read the
#: other way round their "years" are its days, spread over decades
YEAR_FIRST_SPAN = 3
DAY_FIRST_SPAN = 8


def _as_years(parts: np.ndarray) -> np.ndarray:
    """`_year4` of every part at once."""
    return np.where(parts >= 100, parts, np.where(parts < 70, 2000 + parts, 1900 + parts))


def _reads_year_first(a: np.ndarray, b: np.ndarray, last: np.ndarray) -> bool:
    """Whether every numeric date has a two-digit last part and is a real date read yy/mm/dd."""
    return bool(len(a)) and not (last < 0).any() and not np.isnat(_assemble_days(_as_years(a), b, last)).any()


def _year_first(a: np.ndarray, b: np.ndarray, last: np.ndarray) -> bool:
    """Whether numeric dates with a two-digit last part are yy/mm/dd: every one a real date that way,
    their years (the first parts) within YEAR_FIRST_SPAN, and the last parts, read as years, spread
    over DAY_FIRST_SPAN or more."""
    if not _reads_year_first(a, b, last):
        return False
    firsts, lasts = _as_years(a), _as_years(last)
    return bool(firsts.max() - firsts.min() <= YEAR_FIRST_SPAN and lasts.max() - lasts.min() >= DAY_FIRST_SPAN)


def _read_year_first(a: np.ndarray, b: np.ndarray, last: np.ndarray, weights: np.ndarray, decided_by: str,
                     notes: list[str]) -> _NumericRead:
    years = _as_years(a)
    values = _assemble_days(years, b, last)
    ok = ~np.isnat(values)
    evidence = {"order": "ymd", "decided_by": decided_by, "day_first": 0, "month_first": 0,
                "either": int(weights[ok].sum()), "impossible": int(weights[~ok].sum())}
    return _NumericRead(values, np.zeros(len(a), dtype=bool), "ymd", notes, evidence, years)


def _read_numeric_by_separator(
    a: np.ndarray, sep: np.ndarray, b: np.ndarray, y: np.ndarray, last: np.ndarray, weights: np.ndarray,
    column: str, order_hint: OrderHint | None,
) -> _NumericRead:
    """`_read_numeric_arrays`; in a column mixing dotted dates with others ("11.02.26" among "12/25/2026": a rep
    who types dates both ways), the dotted ones decide their order apart - whoever writes dots writes the day
    first unless the dotted dates themselves prove otherwise - and the others as the column's order."""
    dotted = np.asarray(sep == ".", dtype=bool)
    if dotted.all() or not dotted.any():
        return _read_numeric_arrays(a, sep, b, y, last, weights, column, order_hint)
    rest = ~dotted
    main = _read_numeric_arrays(a[rest], sep[rest], b[rest], y[rest], last[rest], weights[rest], column, order_hint)
    dots = _read_numeric_arrays(a[dotted], sep[dotted], b[dotted], y[dotted], last[dotted], weights[dotted], column,
                                None)
    values = np.empty(len(a), dtype=main.values.dtype)
    against = np.zeros(len(a), dtype=bool)
    years = np.empty(len(a), dtype=np.asarray(main.years).dtype)
    for mask, read in ((rest, main), (dotted, dots)):
        values[mask], against[mask], years[mask] = read.values, read.against_order, read.years
    note = [] if dots.order == main.order else [
        f"{column}: {int(dotted.sum())} dotted dates read {'day' if dots.order == 'dmy' else 'month'}-first, apart "
        f"from the column's other dates ({'day' if main.order == 'dmy' else 'month'}-first)"]
    return _NumericRead(values, against, main.order, [*main.warnings, *dots.warnings, *note], main.evidence, years)


def _read_numeric_arrays(
    a: np.ndarray, sep: np.ndarray, b: np.ndarray, y: np.ndarray, last: np.ndarray, weights: np.ndarray,
    column: str, order_hint: OrderHint | None,
) -> _NumericRead:
    """Numeric dates read in the order their evidence decides; values proving the other order are flagged."""
    if _year_first(a, b, last):
        return _read_year_first(a, b, last, weights, "values", [])
    if order_hint is not None and order_hint.order == "ymd" and _reads_year_first(a, b, last):
        return _read_year_first(a, b, last, weights, order_hint.proof, [])
    dmy, mdy = _assemble_days(y, b, a), _assemble_days(y, a, b)
    d_ok, m_ok = ~np.isnat(dmy), ~np.isnat(mdy)
    ev = _evidence_arrays(d_ok, m_ok, weights)
    order, decided_by, notes = _decide_order(ev, bool((sep == ".").all()), column, order_hint)
    if order == "ymd" and not (last < 0).any():  # the source's other files proved yy/mm/dd
        return _read_year_first(a, b, last, weights, decided_by, notes)
    if order == "ymd":
        order = "dmy" if bool((sep == ".").all()) else "mdy"
    chosen, other = (dmy, mdy) if order == "dmy" else (mdy, dmy)
    chosen_ok, other_ok = (d_ok, m_ok) if order == "dmy" else (m_ok, d_ok)
    if decided_by == "tie":  # each value read the only way it can be
        return _NumericRead(np.where(chosen_ok, chosen, other), np.zeros(len(a), dtype=bool), order, notes,
                            ev.as_dict(order, decided_by), y)
    return _NumericRead(chosen, ~chosen_ok & other_ok, order, notes, ev.as_dict(order, decided_by), y)
