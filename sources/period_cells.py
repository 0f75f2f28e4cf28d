"""A column whose cells each hold a whole service period ("03/14/2026 - 03/13/2027", "14.03.2026 bis 13.03.2027",
"2026-03-14 to 2027-03-13") where no column gives the start or the end: split into two columns, the period's start
and its end, read as the service start and end. Left whole, the column feeds nothing and no contract has dates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

import pandas as pd

from sources.dates import parse_dates
from sources.fields import eligible_fields
from sources.headers import HEADER_MIN, HeaderMatch, field_scores
from sources.table import RawTable

#: two dates and what stands between them: a dash or an en dash with spaces around it, or a word ("to", "bis")
_PERIOD = re.compile(r"^\s*(?P<start>\S.*?\d)\s*(?:\s[-–—~]\s|[–—~]|\s(?:to|until|till|thru|through|bis|au|al|a|tot"
                     r"|do|till|fino al|até|ate)\s)\s*(?P<end>\S.*\d\.?)\s*$", re.IGNORECASE)
#: the share of a column's filled cells (of the first `_SAMPLE`) that must be two dates
_MIN_SHARE = 0.8
_SAMPLE = 200
START, END = "service_start", "service_end"


def _halves(col: pd.Series) -> tuple[pd.Series, pd.Series] | None:
    """The start and end texts of each cell that holds two dates, when most filled cells do; else None."""
    text = col.astype(object).where(col.notna(), None).map(lambda v: v if isinstance(v, str) else None)
    filled = text.dropna()
    filled = filled[filled.str.strip() != ""]
    if len(filled) < 2:
        return None
    parts = filled.str.extract(_PERIOD)
    sample = parts.head(_SAMPLE)
    matched = sample["start"].notna()
    if matched.mean() < _MIN_SHARE:
        return None
    starts = parse_dates(sample.loc[matched, "start"], "start")
    ends = parse_dates(sample.loc[matched, "end"], "end")
    dated = ~starts.failed & ~ends.failed & starts.values.notna() & ends.values.notna()
    if dated.mean() < _MIN_SHARE:
        return None
    return parts["start"].reindex(col.index), parts["end"].reindex(col.index)


def _named(headers: list[str], fld: str, kind: str) -> bool:
    """Whether a header names `fld` surely."""
    return any(h and (score := field_scores(h, kind).get(fld)) is not None and score.score >= HEADER_MIN
               for h in headers)


def split_period_columns(
    table: RawTable, kind: str, columns: Mapping[str, str] | None
) -> tuple[RawTable, dict[str, str]]:
    """`table` with the first column of whole periods split into a start and an end column (appended, the column
    itself kept), and the `columns:` entries that read them; unchanged where the kind has no service dates, a
    column or `columns:` already names the start or the end, or no column holds periods."""
    fields = eligible_fields(kind)
    headers = list(table.header.headers)
    if START not in fields or END not in fields or {START, END} & set(columns or {}):
        return table, {}
    if _named(headers, START, kind) or _named(headers, END, kind):
        return table, {}
    for i, header in enumerate(headers):
        col = table.cells.get(str(i))
        found = _halves(col) if col is not None and i not in table.hidden else None
        if found is None:
            continue
        name = header or f"column {i + 1}"
        start, end = f"{name} (start)", f"{name} (end)"
        n = len(headers)
        cells = table.cells.assign(**{str(n): found[0], str(n + 1): found[1]})
        header_match = HeaderMatch(dict(table.header.mapping), [*headers, start, end], dict(table.header.how),
                                   dict(table.header.given))
        note = (f"column {name!r} holds a whole period in each cell (e.g. {col.dropna().iloc[0]!r}): its first date "
                f"is read as the service start, its second as the service end")
        return replace(table, cells=cells, header=header_match, warnings=[*table.warnings, note]), {START: start,
                                                                                                     END: end}
    return table, {}
