"""Subtotal rows a sheet writes without a label: a row whose only filled cells are amounts (or counts) that are
the sums of the lines above it (or, on a group's heading row, of the lines below it up to the next heading), back
to the table's start or the last blank, total or group row (a rep's
tracker with `=SUM(...)` under each quarter, monday.com's group sums). Such a row is structure, like a labelled
"Total": skipped and counted with the total rows, never quarantined as a line whose required fields are empty
(whose count could stop the night). A row of amounts that are not such a sum stays a line. One cell of words
beside the sums is the row's label, in whatever language ("Íalt", "Jumlah", "Итого"): the sums decide."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from sources.fields import FIELD_TYPES
from sources.values import parse_money

#: the field types a sum row may fill, and how far its sum may be from the lines' (rounding)
SUMMED_TYPES = frozenset({"money", "quantity"})
CENTS = 0.011
#: the most cells outside the summed columns a sum row may fill (its label and the sums no field reads)
MAX_OUTSIDE = 4


def _unlabelled_or_one_label(cells: pd.DataFrame, filled: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Rows (bool) filling no column outside the summed ones but with numbers (sums of columns no field reads:
    a tax, a gross amount) and at most one cell of words without a digit (the row's label)."""
    outside = filled & others
    out = ~outside.any(axis=1)
    for r in np.flatnonzero(outside.any(axis=1) & (outside.sum(axis=1) <= MAX_OUTSIDE)):
        kinds = [_cell_kind(cells.iat[r, int(c)]) for c in np.flatnonzero(outside[r])]
        out[r] = kinds.count("label") <= 1 and "other" not in kinds
    return out


def _cell_kind(value: object) -> str:
    """"number", "label" (letters, no digit) or "other"."""
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return "number"
    text = str(value)
    letters, digits = any(ch.isalpha() for ch in text), any(ch.isdigit() for ch in text)
    if letters and not digits:
        return "label"
    return "number" if digits and not any(ch.isalpha() and ch.isascii() for ch in text.replace("e", "")) else "other"


def sum_rows(cells: pd.DataFrame, blank_cells: np.ndarray, skipped: np.ndarray,
             mapping: Mapping[int, str]) -> np.ndarray:
    """Rows (bool per row) whose every filled cell is a summed field's and at least one equals the sum of its
    column over the lines above it since the last skipped or blank row (two lines or more)."""
    n = len(blank_cells)
    out = np.zeros(n, dtype=bool)
    summed = [i for i, f in mapping.items() if FIELD_TYPES.get(f) in SUMMED_TYPES and i < blank_cells.shape[1]]
    if not summed or n < 3:
        return out
    filled = ~blank_cells
    others = np.ones(blank_cells.shape[1], dtype=bool)
    others[summed] = False
    candidates = np.flatnonzero(~skipped & filled.any(axis=1) & _unlabelled_or_one_label(cells, filled, others))
    if not len(candidates):
        return out
    candidate = np.zeros(n, dtype=bool)
    candidate[candidates] = True
    # each candidate's lines: back to the last blank, skipped or candidate row (a sum row ends its block)
    stops = skipped | ~filled.any(axis=1) | candidate
    last_stop = np.maximum.accumulate(np.where(stops, np.arange(n), -1))
    start = np.where(candidates > 0, last_stop[np.maximum(candidates - 1, 0)] + 1, 0)
    enough = candidates - start >= 2
    # and the lines below, up to the next stop: a report that writes each group's sums on its heading row (SSRS,
    # an outline summarised above its details)
    next_stop = np.minimum.accumulate(np.where(stops, np.arange(n), n)[::-1])[::-1]
    end = np.append(next_stop, n)[candidates + 1]
    above = np.zeros(len(candidates), dtype=bool)
    above_one = np.zeros(len(candidates), dtype=bool)
    for i in summed:
        values = parse_money(cells.iloc[:, i])[0].to_numpy(dtype="float64")
        known = np.isfinite(values) & ~candidate
        sums = np.concatenate([[0.0], np.cumsum(np.where(known, values, 0.0))])
        counts = np.concatenate([[0], np.cumsum(known)])
        own = values[candidates]
        total = sums[candidates] - sums[start]
        lines = counts[candidates] - counts[start]
        out[candidates[enough & np.isfinite(own) & (lines >= 2) & (np.abs(total - own) <= CENTS)]] = True
        below_total = sums[end] - sums[candidates + 1]
        below_lines = counts[end] - counts[candidates + 1]
        sums_below = np.isfinite(own) & (np.abs(below_total - own) <= CENTS)
        above |= sums_below & (below_lines >= 2)
        above_one |= sums_below & (below_lines == 1)
    # a heading over one line sums it trivially: taken where the table's other headings prove the pattern
    if above.any():
        out[candidates[above | above_one]] = True
    return out
