"""Group header rows of a report: one cell alone on a line above the lines it heads ("Acme Corp", then
that customer's invoice lines, then "Total Acme Corp"), as QuickBooks' "Sales by Customer Detail" and
Excel outlines write them.

Such a row is structure, like the subtotal that closes its group: it is skipped, counted with the
total rows and named in a warning, never quarantined as a row whose required fields are empty. A
row is one when its cell sits in an outline column (one no line of the table fills), the next
filled row is a line or a group header of its own (nested groups), and the table starts with a
group header (a stray note in an empty column among the lines is no group). Its value is carried
down to its lines into the field it is proven to be: the field of its own column when that column
is mapped ("Customer" filled on the group rows only), else the text field whose values on its lines
are the group's value in most groups (QuickBooks repeats the customer in "Name"), and only where a
line's own cell is empty. A value nothing proves is not carried: whether a bare group label is the
end customer, the bill-to or an item, the file does not say (QuickBooks' "customer" is who is
invoiced, the bill-to, often a reseller).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sources.fields import FIELD_TYPES
from sources.values import cell_text, map_unique


@dataclass
class GroupRows:
    """The group header rows of one table and what their values give their lines."""

    rows: np.ndarray  # bool per row: a group header
    #: field -> the value each row takes from its group (None where it has none), row-aligned
    carried: dict[str, pd.Series] = field(default_factory=dict)
    #: outline column -> the field its groups' values are (None: not proven, not carried)
    fields: dict[int, str | None] = field(default_factory=dict)


def _key(value: object) -> str | None:
    """A cell compared as a group's value: its text, case and inner spacing aside."""
    text = cell_text(value)
    return None if text is None else " ".join(text.split()).casefold()


def find_group_rows(blank_cells: np.ndarray, skipped: np.ndarray) -> np.ndarray:
    """Rows that head a group: one filled cell, in a column no line fills (a line: two cells or more,
    not skipped), and the next filled row a line or another group header; none unless the table's first
    row heads a group (a report grouped by customer starts with its first customer), so a note alone
    in an empty column among the lines stays a quarantined row."""
    n = len(blank_cells)
    out = np.zeros(n, dtype=bool)
    if not n or not blank_cells.shape[1]:
        return out
    filled = (~blank_cells).sum(axis=1)
    lines = ~skipped & (filled >= 2)
    one = np.flatnonzero(~skipped & (filled == 1))
    if not len(one) or not lines.any():
        return out
    outline = ~(~blank_cells[lines]).any(axis=0)
    one = one[outline[np.argmax(~blank_cells[one], axis=1)]]
    after = np.flatnonzero(filled > 0)  # the next filled row of each candidate
    for r in one[::-1]:  # bottom up: a nested header is known before the one above it
        k = int(np.searchsorted(after, r, side="right"))
        nxt = int(after[k]) if k < len(after) else -1
        out[r] = nxt >= 0 and bool(lines[nxt] or out[nxt])
    first = np.flatnonzero(~skipped & (filled > 0))[0]
    return out if out[first] else np.zeros(n, dtype=bool)


def find_parent_rows(blank_cells: np.ndarray, skipped: np.ndarray) -> np.ndarray:
    """Parent rows of a hierarchy (Smartsheet, an Excel outline kept as rows): the first filled column holds a
    value on the parents only - the table's first row is one - and a parent fills besides it only columns its
    children fill too (a roll-up sum, "Modified By"), half as many cells as its children or fewer. A parent
    heads the rows below it up to the next one, as a group header does; its roll-ups are no record."""
    n = len(blank_cells)
    out = np.zeros(n, dtype=bool)
    rows = np.flatnonzero(~skipped & (~blank_cells).any(axis=1))
    if len(rows) < 4:
        return out
    filled = ~blank_cells[rows]
    j = int(np.argmax(filled[0]))
    parents = filled[:, j]
    children = ~parents
    if not parents[0] or children.sum() < parents.sum() or not children.any():
        return out
    if (filled[parents].sum(axis=1) == 1).all():  # one cell alone: a group header's kind (`find_group_rows`)
        return out
    child_columns = filled[children].any(axis=0)
    others = np.delete(np.arange(filled.shape[1]), j)
    fits = ~(filled[parents][:, others] & ~child_columns[others]).any(axis=1)
    few = filled[parents].sum(axis=1) * 2 <= np.median(filled[children].sum(axis=1))
    if not (fits & few).all() or children[1:].sum() == 0 or not _each_heads(parents):
        return out
    out[rows[parents]] = True
    return out


def _each_heads(parents: np.ndarray) -> bool:
    """Whether each parent has a child below it before the next parent."""
    at = np.flatnonzero(parents)
    ends = np.append(at[1:], len(parents))
    return bool((ends - at > 1).all())


def _spans(groups: np.ndarray, column_of: np.ndarray, keys: dict[int, str], closers: dict[int, str]) -> dict[
        int, tuple[int, int]]:
    """Group header row -> (first, end) of the rows under it: to the next header in its column or one
    to its left (an outer group), or to a total row that names it ("Total Acme Corp")."""
    heads = np.flatnonzero(groups)
    totals = np.array(sorted(closers), dtype=np.int64)
    outer = {j: heads[column_of[heads] <= j] for j in {int(c) for c in column_of[heads]}}
    spans: dict[int, tuple[int, int]] = {}
    for g in heads.tolist():
        bounds = outer[int(column_of[g])]
        k = int(np.searchsorted(bounds, g, side="right"))
        end = int(bounds[k]) if k < len(bounds) else len(groups)
        inside = totals[np.searchsorted(totals, g, side="right"):np.searchsorted(totals, end, side="left")]
        end = next((int(t) for t in inside if keys[g] in closers[int(t)]), end)
        spans[g] = (g + 1, end)
    return spans


def carry_groups(
    cells: pd.DataFrame,
    blank_cells: np.ndarray,
    groups: np.ndarray,
    lines: np.ndarray,
    totals: np.ndarray,
    field_of: Mapping[int, str],
) -> GroupRows:
    """What the group header rows `groups` give the `lines` under them: per outline column, the text
    field its values are proven to be (see the module), and per such field each line's group value."""
    out = GroupRows(groups)
    if not groups.any():
        return out
    column_of = np.argmax(~blank_cells, axis=1)
    at_heads = np.flatnonzero(groups)
    head_cells = cells.iloc[at_heads].to_numpy(dtype=object)  # one take each: row by row, pandas costs ~0.2 ms a row
    labels = {int(g): cell_text(head_cells[i, column_of[g]]) or "" for i, g in enumerate(at_heads)}
    keys = {g: _key(v) or "" for g, v in labels.items()}
    at_totals = np.flatnonzero(totals)  # a total row's label: its first filled cell ("Total Acme Corp")
    total_cells = cells.iloc[at_totals].to_numpy(dtype=object)
    first = np.argmax(~blank_cells[at_totals], axis=1)
    closers = {int(t): _key(total_cells[i, first[i]]) or "" for i, t in enumerate(at_totals)}
    spans = _spans(groups, column_of, keys, closers)
    for j in sorted({int(column_of[g]) for g in spans}):
        heads = [g for g in spans if column_of[g] == j]
        pos = np.zeros(len(cells), dtype=np.int64)  # 1 + the index in `heads` of the group each line is under
        for i, g in enumerate(heads, start=1):
            a, b = spans[g]
            pos[a:b] = i
        pos[~lines] = 0
        under = np.array([-1, *heads], dtype=np.int64)[pos]
        fld = _proven_field(cells, j, under, keys, field_of)
        out.fields[j] = fld
        if fld is None:
            continue
        values = np.array([None, *(labels[g] for g in heads)], dtype=object)
        carried = pd.Series(values[pos], index=cells.index, dtype=object)
        before = out.carried.get(fld)
        out.carried[fld] = carried if before is None else before.where(before.notna(), carried)
    return out


def _proven_field(
    cells: pd.DataFrame, j: int, under: np.ndarray, keys: dict[int, str], field_of: Mapping[int, str]
) -> str | None:
    """The text field the groups of outline column `j` are: its own column's, or the one whose values on
    the lines are their group's value in more than half the groups with such values."""
    own = field_of.get(j)
    if own is not None:
        return own if FIELD_TYPES[own] == "text" else None
    at = under >= 0
    best: tuple[int, str] | None = None
    for c, fld in sorted(field_of.items()):
        if FIELD_TYPES[fld] != "text":
            continue
        norm = map_unique(cells.iloc[:, c], _key).to_numpy(dtype=object)[at]
        group = under[at]
        filled = np.array([v is not None for v in norm], dtype=bool)
        same = np.array([v == keys[int(g)] for v, g in zip(norm, group, strict=True)], dtype=bool)
        with_values = {int(g) for g in group[filled]}
        differ = {int(g) for g in group[filled & ~same]}
        agree = len(with_values - differ)
        if agree and 2 * agree > len(with_values) and (best is None or agree > best[0]):
            best = (agree, fld)
    return None if best is None else best[1]
