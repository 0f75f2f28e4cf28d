"""Hidden columns of a worksheet: which of a table's columns a person does not see.

An export often keeps an obsolete column (an old "Service End" beside the "Coverage End" now kept)
and hides it rather than deleting it. The sheet XML says so in its `<cols>` element, before the
cells (`<col min="6" max="6" hidden="1"/>`); the reader's streaming scan (sources/excel.py) reads it
from the sheet's head and each table carries its hidden columns (`RawTable.hidden`), so the mapping
gives a field to a visible column before a hidden one (sources/mapping.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_COL = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData\b")
_ATTR = re.compile(rb'([\w:]+)\s*=\s*["\']([^"\']*)["\']')
_TRUE = (b"1", b"true")


def hidden_ranges(head: bytes) -> list[tuple[int, int]]:
    """The hidden column ranges (min, max; 1-based sheet columns) declared in a sheet XML's `head`."""
    out = []
    for tag in _COL.findall(head):
        attrs = dict(_ATTR.findall(tag))
        if attrs.get(b"hidden", b"").lower() not in _TRUE:
            continue
        try:
            lo, hi = int(attrs[b"min"]), int(attrs.get(b"max", attrs[b"min"]))
        except (KeyError, ValueError):
            continue  # a damaged <col> hides nothing
        if 0 < lo <= hi:
            out.append((lo, hi))
    return out


def cells_begin(buf: bytes) -> bool:
    """Whether `buf` reaches the sheet's cells (`<sheetData>`), past which no `<col>` may stand."""
    return _SHEET_DATA.search(buf) is not None


def columns_in_table(ranges: Iterable[tuple[int, int]], offset: int, width: int) -> frozenset[int]:
    """The table's hidden column positions (0-based), for a table of `width` columns whose first is the
    sheet's column `offset` (0-based); empty, at no cost, when the sheet hides none."""
    out: set[int] = set()
    for lo, hi in ranges:
        out.update(range(max(lo - 1 - offset, 0), min(hi - offset, width)))
    return frozenset(out)
