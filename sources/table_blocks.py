"""Several tables on one sheet: side by side under one header row, or stacked with a header of their own.

A header row that holds the same header names twice, in separate blocks (an empty column between
them, or the header sequence starting over), is two tables side by side: each block is read as its
own table, so no row takes fields from two tables. A small block that is not a table on its own (a
summary "Reseller | Lines | Total" beside the data) stays with its neighbour, as before. Below a
header, a line that repeats the header's names in another order starts a new table with its own
mapping (a second export pasted under the first); in the same order it is a page-break repeat,
which `sources.records` skips. After a gap (a blank line or a one-cell title: "Returns"), a line of
words that names fields by itself and shares names with the header is another table's header.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from openpyxl.utils.cell import get_column_letter

from sources.headers import clean_headers, is_recognisable, looks_like_data, normalise_header, recognise_header

#: header names a block must share with another before the two are read as separate tables
SHARED_NAMES = 2


def _runs(headers: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of non-empty header cells, end exclusive."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, h in enumerate([*headers, ""]):
        if h and start is None:
            start = i
        elif not h and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _restarts(keys: Sequence[str], start: int, end: int) -> list[int]:
    """Positions inside one run where its header sequence starts over ("A B C A B C": at the second A)."""
    out = []
    first = start
    for j in range(start + 2, end - 1):
        if keys[j] == keys[first] and keys[j + 1] == keys[first + 1]:
            out.append(j)
            first = j
    return out


def _is_table(headers: Sequence[str], kind: str, overrides: Mapping[str, str] | None) -> bool:
    """Whether a block of headers names a table of `kind` on its own."""
    return is_recognisable(recognise_header(list(headers), overrides, kind), kind)


def side_by_side(
    headers: Sequence[str], kind: str, overrides: Mapping[str, str] | None = None
) -> list[tuple[int, int]]:
    """The column ranges (start, end exclusive) of the tables one header row holds side by side.

    One range covering every column when the row is one table. A block starts a table of its own
    when it is a recognisable header by itself and repeats at least `SHARED_NAMES` names of the
    table before it; the table before it keeps the empty columns up to it.
    """
    keys = [normalise_header(h) for h in headers]
    pieces: list[tuple[int, int]] = []
    for start, end in _runs(keys):
        cuts = [start, *_restarts(keys, start, end), end]
        pieces += list(zip(cuts, cuts[1:], strict=False))
    starts = [0]
    for a, b in pieces[1:]:
        before = {k for k in keys[starts[-1]:a] if k}
        here = [k for k in keys[a:b] if k]
        if len(before & set(here)) >= SHARED_NAMES and _is_table(headers[a:b], kind, overrides) and _is_table(
                headers[starts[-1]:a], kind, overrides):
            starts.append(a)
    return list(zip(starts, [*starts[1:], len(headers)], strict=True))


def column_span(headers: Sequence[str], start: int, end: int) -> str:
    """Excel letters of a block's headed columns ("A:Q"), without the empty columns after it."""
    last = max((i for i in range(start, end) if headers[i]), default=end - 1)
    return f"{get_column_letter(start + 1)}:{get_column_letter(last + 1)}"


def restated_header(
    header: Sequence[str], row: Sequence[object], kind: str, overrides: Mapping[str, str] | None = None
) -> bool:
    """Whether a row below `header` is a header of its own that names the same columns in another
    order: a second table stacked under the first, which needs its own mapping."""
    cells = clean_headers(row)
    keys = [normalise_header(c) for c in cells]
    names = [k for k in keys if k]
    own = [normalise_header(h) for h in header]
    if len(names) < 2 or looks_like_data(row) or len(set(names) & set(own)) < max(SHARED_NAMES, len(names) // 2):
        return False
    same_place = sum(1 for i, k in enumerate(keys) if k and i < len(own) and own[i] == k)
    return same_place < len(names) and _is_table(cells, kind, overrides)


def stacked_starts(
    cells: pd.DataFrame, header: Sequence[str], kind: str, overrides: Mapping[str, str] | None = None
) -> list[int]:
    """Positions of the rows of `cells` that start a table stacked under `header`
    (`restated_header`), each compared with the header in force above it. Only rows holding two
    cells written as one of the header's names are looked at, so a long sheet costs one `isin`."""
    names = {h for h in header if h} | {h.strip() for h in header if h}
    if not names:
        return []
    hits = cells.isin(names).sum(axis=1).to_numpy() >= SHARED_NAMES
    out: list[int] = []
    for at in hits.nonzero()[0]:
        row = cells.iloc[int(at)].tolist()
        if restated_header(header, row, kind, overrides) or (
                after_gap(cells, int(at)) and other_header(header, row, kind, overrides)):
            out.append(int(at))
            header = clean_headers(row)
    return out


def same_names(header: Sequence[str], row: Sequence[object]) -> bool:
    """Whether a row writes the header's names, whatever their order."""
    return ({normalise_header(c) for c in clean_headers(row)} - {""}) == ({normalise_header(h) for h in header} - {""})


def after_gap(cells: pd.DataFrame, at: int) -> bool:
    """Whether the line above row `at` is blank or a title of one cell ("Returns"): the gap a second table leaves."""
    return at > 0 and int(cells.iloc[at - 1].map(lambda c: c not in (None, "")).sum()) <= 1


def other_header(
    header: Sequence[str], row: Sequence[object], kind: str, overrides: Mapping[str, str] | None = None
) -> bool:
    """Whether a row (after a gap) is the header of another table of `kind`: words, no values, naming fields by
    itself, and not the header above it again ("Return Date, RMA No., ... Credit Amount" under the sales)."""
    cells = clean_headers(row)
    keys = [normalise_header(c) for c in cells]
    names = [k for k in keys if k]
    own = [normalise_header(h) for h in header]
    if len(names) < 3 or looks_like_data(row) or keys[:len(own)] == own[:len(keys)]:
        return False
    return _is_table(cells, kind, overrides)


def title_start(cells: pd.DataFrame, start: int, at: int) -> int:
    """Where the lines right above a stacked header that are its title begin (blank lines, or a
    line with a single filled cell: "Second export (July)", "Returns"); `at` when there are none."""
    end = at
    while end > start and cells.iloc[end - 1].map(lambda c: c not in (None, "")).sum() <= 1:
        end -= 1
    return end


def stacked_note(unit: str, number: int, header: Sequence[str], row: Sequence[object], titled: tuple[int, int] | None,
                 ) -> str:
    """The warning of a table stacked under another at `unit` ("row", "line") `number`, the lines `titled` above it
    (first, last) its title or blank."""
    said = ("repeats the header with the columns in another order" if same_names(header, row)
            else "is the header of another table (" + ", ".join(repr(h) for h in clean_headers(row) if h) + ")")
    title = f" ({unit}s {titled[0]}-{titled[1]} above it, blank or its title, are not read)" if titled else ""
    return (f"{unit} {number} {said}: the {unit}s below it are read as a table of their own, with their own "
            f"mapping{title}")
