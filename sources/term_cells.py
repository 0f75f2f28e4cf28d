"""A contract's end written as its term beside its start ("Term": "36 Months", "3 yrs", "24M", "1 year"; "Laufzeit
(Monate)": 12) where no column gives the end: the end is the start plus the term, less a day (a year's cover from
2026-03-14 ends on 2027-03-13). Left unread, no contract of the file has an end, so none comes up for renewal.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
from dateutil.relativedelta import relativedelta

from sources.values import map_unique

_MONTHS = (r"m|mo|mos|mon|mons|mth|mths|month|months|monat|monate|monaten|mois|mes|meses|mesi|maand|maanden|månad"
           r"|månader|måned|måneder|kk|miesiąc|miesiące|miesięcy|hónap|měsíců|mėn|kuukautta")
_YEARS = (r"y|yr|yrs|year|years|jahr|jahre|jahren|an|ans|année|années|año|años|anno|anni|jaar|år|lat|rok|roku"
          r"|roky|év|let|vuotta")
#: a term cell: a number and its unit ("36 Months", "3 yrs", "24M", "1,5 Jahre")
_TERM = re.compile(rf"^\s*(?P<n>\d{{1,3}}(?:[.,]\d{{1,2}})?)\s*-?\s*(?:(?P<m>{_MONTHS})|(?P<y>{_YEARS}))\.?\s*$",
                   re.IGNORECASE)
#: a header that says its bare numbers are months or years ("Term (months)", "Laufzeit in Jahren", "Months")
_HEADER_MONTHS = re.compile(rf"(?i)(?<![^\W\d_])(?:{_MONTHS})(?![^\W\d_])")
_HEADER_YEARS = re.compile(rf"(?i)(?<![^\W\d_])(?:{_YEARS}|jahren)(?![^\W\d_])")
_BARE = re.compile(r"^\s*\d{1,3}(?:[.,]\d{1,2})?\s*$")
#: the share of a column's filled cells that must be terms
_MIN_SHARE = 0.8
_MAX_MONTHS = 240


def _months(value: object, unit: str | None) -> float | None:
    """The months a term cell says (a bare number in the header's `unit`), or None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and unit is not None and value == value:
        n = float(value)
    elif isinstance(value, str) and (m := _TERM.match(value)) is not None:
        n = float(m["n"].replace(",", ".")) * (12 if m["y"] else 1)
        return n if 0 < n <= _MAX_MONTHS and n == int(n) else None
    elif isinstance(value, str) and unit is not None and _BARE.match(value):
        n = float(value.strip().replace(",", "."))
    else:
        return None
    n *= 12 if unit == "years" else 1
    return n if 0 < n <= _MAX_MONTHS and n == int(n) else None


def term_months(col: pd.Series, header: str) -> pd.Series | None:
    """Each cell's term in months (NaN where blank or none), when most filled cells are terms; else None."""
    unit = "months" if _HEADER_MONTHS.search(header) else "years" if _HEADER_YEARS.search(header) else None
    months = map_unique(col.astype(object), lambda v: _months(v, unit)).astype("float64")
    filled = col.astype(object).map(lambda v: v is not None and v == v and str(v).strip() != "")
    if filled.sum() < 1 or months.notna().sum() < _MIN_SHARE * filled.sum():
        return None
    return months


def ends_from_terms(starts: pd.Series, months: pd.Series) -> pd.Series:
    """The start plus the term, less a day, per row (None where either is missing)."""
    pairs = pd.Series(list(zip(starts, months, strict=True)), index=starts.index, dtype=object)

    def end(pair: object) -> dt.date | None:
        if not isinstance(pair, tuple):
            return None
        start, n = pair
        if not isinstance(start, dt.date) or not isinstance(n, float) or n != n:
            return None
        day = start.date() if isinstance(start, dt.datetime) else start
        return day + relativedelta(months=int(n)) - dt.timedelta(days=1)

    return map_unique(pairs, end)
