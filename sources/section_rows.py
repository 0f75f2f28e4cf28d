"""Section rows of a report grouped by a party: a row of one "Label: value" cell ("Харилцагч: Nomin Holding",
"Customer: Acme Corp") above the lines of that party, in whatever column the export put it (Acolous writes it
in the date column). The label says which field the value is - a party the lines themselves do not name - so
the lines take it, and the section row is structure, not a line to quarantine. A report of this kind starts
with its first section; a "Label: value" cell among lines that do not follow one is a note, not a section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sources.folding import fold_word
from sources.title_values import MAX_VALUE_CHARS, label_field, labelled
from sources.values import cell_text, parse_money

#: the fields a section row may give its lines: a party and its account, or the rep a team tracker groups its
#: lines by ("Sales Rep: John Smith"); not a currency
SECTION_FIELDS = frozenset({
    "customer_name", "customer_account", "reseller_name", "reseller_account", "bill_to_name", "bill_to_account", "rep",
})


@dataclass
class SectionRows:
    """The section rows of one table and what they give the lines below them."""

    rows: np.ndarray  # bool per row: a section row
    #: field -> the value each row takes from the section above it (None before the first), row-aligned
    carried: dict[str, pd.Series] = field(default_factory=dict)
    #: field -> the label its sections are written with ("Харилцагч")
    labels: dict[str, str] = field(default_factory=dict)


def section_rows(cells: pd.DataFrame, blank_cells: np.ndarray, skipped: np.ndarray, kind: str) -> SectionRows:
    """The rows of one filled "Label: value" cell whose label names a party field (`SECTION_FIELDS`), when
    the table's first filled row is one; each heads the rows below it up to the next section of its field."""
    n = len(cells)
    none = SectionRows(np.zeros(n, dtype=bool))
    filled = (~blank_cells).sum(axis=1) if blank_cells.shape[1] else np.zeros(n, dtype=np.int64)
    candidates = np.flatnonzero(~skipped & (filled == 1))
    first = np.flatnonzero(~skipped & (filled > 0))
    if not len(candidates) or not len(first) or candidates[0] != first[0]:
        return none
    column = np.argmax(~blank_cells[candidates], axis=1)
    values = cells.iloc[candidates].to_numpy(dtype=object)  # the one-cell rows only, not the whole table
    found: dict[int, tuple[str, str, str]] = {}  # row -> (field, value, label)
    for k, (r, j) in enumerate(zip(candidates.tolist(), column.tolist(), strict=True)):
        text = cell_text(values[k, j])
        pair = labelled(text) if text is not None else None
        if pair is None or len(pair[1]) > MAX_VALUE_CHARS:
            continue
        fld = label_field(pair[0], kind)
        if fld in SECTION_FIELDS:
            found[r] = (fld, pair[1], pair[0])
    if int(first[0]) not in found:
        return none
    out = SectionRows(np.zeros(n, dtype=bool))
    out.rows[list(found)] = True
    for fld in sorted({f for f, _, _ in found.values()}):
        at = [r for r, (f, _, _) in found.items() if f == fld]
        carried = pd.Series([None] * n, index=cells.index, dtype=object)
        for k, r in enumerate(at):
            end = at[k + 1] if k + 1 < len(at) else n
            carried.iloc[r + 1:end] = found[r][1]
        out.carried[fld] = carried.where(~pd.Series(out.rows, index=cells.index), None)
        out.labels[fld] = found[at[0]][2]
    return out


def section_fields(cells: pd.DataFrame, kind: str, rows: int = 2000) -> set[str]:
    """The fields the section rows among a table's first `rows` rows give (for the mapping: such a field is
    stated, not missing)."""
    head = cells.iloc[:rows]
    blank = np.column_stack([head[c].map(cell_text).isna().to_numpy(dtype=bool) for c in head.columns]) \
        if head.shape[1] else np.zeros((len(head), 0), dtype=bool)
    return set(section_rows(head, blank, np.zeros(len(head), dtype=bool), kind).carried)


#: how far a subtotal may be from the sum of its lines (rounding)
CENTS = 0.011


def section_totals(cells: pd.DataFrame, blank_cells: np.ndarray, skipped: np.ndarray, sections: SectionRows,
                   money_columns: list[int]) -> np.ndarray:
    """Rows closing a section of the report whose amounts are the sums of its lines ("Харилцагчийн дүн",
    "Total for Acme Corp", whatever the label's language) and the table's last row when its amounts are the sums
    of every line (a grand total): structure, like a labelled "Total". A row of a few cells only (a label and
    the sums), the last of its section."""
    n = len(cells)
    out = np.zeros(n, dtype=bool)
    if not sections.rows.any() or not money_columns:
        return out
    money = np.column_stack([parse_money(cells.iloc[:, j].astype(object))[0].to_numpy(dtype="float64", na_value=np.nan)
                             for j in money_columns])
    filled = (~blank_cells).sum(axis=1)
    live = ~skipped & ~sections.rows & (filled > 0)
    heads = [*np.flatnonzero(sections.rows).tolist(), n]
    spans = [(heads[k] + 1, heads[k + 1]) for k in range(len(heads) - 1)]

    def sums_of(row: int, lines: np.ndarray) -> bool:
        given = ~np.isnan(money[row])
        return bool(given.any() and len(lines) and filled[row] <= given.sum() + 2
                    and (np.abs(np.nansum(money[lines][:, given], axis=0) - money[row, given]) < CENTS).all())

    for k, (a, b) in enumerate(spans):
        rows = [r for r in range(a, b) if live[r]]
        # the last section's own subtotal may stand above the grand total
        for end in (len(rows) - 1, len(rows) - 2) if k == len(spans) - 1 else (len(rows) - 1,):
            if end >= 1 and sums_of(rows[end], np.array(rows[:end])):
                out[rows[end]] = True
                break
    lines = np.flatnonzero(live & ~out)
    if len(lines) >= 2 and sums_of(int(lines[-1]), lines[:-1]):
        out[lines[-1]] = True
    return out


def echo_headings(cells: pd.DataFrame, blank_cells: np.ndarray, skipped: np.ndarray,
                  headers: list[str]) -> np.ndarray:
    """Rows heading a group whose lines name it themselves: one "Label: value" cell in the column the label is the
    header of, the value that column's cell on the next filled row ("Region: Coast" above lines whose "Region" is
    "Coast"). Structure the lines repeat, so no line; a one-cell row the next line does not echo stays one."""
    n = len(cells)
    out = np.zeros(n, dtype=bool)
    if not n or not blank_cells.shape[1]:
        return out
    filled = (~blank_cells).sum(axis=1)
    candidates = np.flatnonzero(~skipped & (filled == 1))
    if not len(candidates):
        return out
    after = np.flatnonzero(~skipped & (filled >= 2))  # the lines
    columns = np.argmax(~blank_cells[candidates], axis=1)
    for r, j in zip(candidates.tolist(), columns.tolist(), strict=True):
        text = cell_text(cells.iat[r, j])
        pair = labelled(text) if text is not None and j < len(headers) else None
        k = int(np.searchsorted(after, r, side="right"))
        if pair is None or k >= len(after) or fold_word(pair[0]) != fold_word(headers[j] or ""):
            continue
        below = cell_text(cells.iat[int(after[k]), j])
        out[r] = below is not None and fold_word(below) == fold_word(pair[1])
    return out
