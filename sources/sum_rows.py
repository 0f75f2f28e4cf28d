"""Subtotal rows a sheet writes without a label: a row whose only filled cells are amounts (or counts) that are
the sums of the lines above it, back to the table's start or the last blank, total or group row (a rep's
tracker with `=SUM(...)` under each quarter, monday.com's group sums). Such a row is structure, like a labelled
"Total": skipped and counted with the total rows, never quarantined as a line whose required fields are empty
(whose count could stop the night). A row of amounts that are not such a sum stays a line."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from sources.fields import FIELD_TYPES
from sources.values import parse_money

#: the field types a sum row may fill, and how far its sum may be from the lines' (rounding)
SUMMED_TYPES = frozenset({"money", "quantity"})
CENTS = 0.011


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
    candidates = np.flatnonzero(~skipped & filled.any(axis=1) & ~(filled[:, others]).any(axis=1))
    if not len(candidates):
        return out
    candidate = np.zeros(n, dtype=bool)
    candidate[candidates] = True
    # each candidate's lines: back to the last blank, skipped or candidate row (a sum row ends its block)
    stops = skipped | ~filled.any(axis=1) | candidate
    last_stop = np.maximum.accumulate(np.where(stops, np.arange(n), -1))
    start = np.where(candidates > 0, last_stop[np.maximum(candidates - 1, 0)] + 1, 0)
    enough = candidates - start >= 2
    for i in summed:
        values = parse_money(cells.iloc[:, i])[0].to_numpy(dtype="float64")
        known = np.isfinite(values) & ~candidate
        sums = np.concatenate([[0.0], np.cumsum(np.where(known, values, 0.0))])
        counts = np.concatenate([[0], np.cumsum(known)])
        own = values[candidates]
        total = sums[candidates] - sums[start]
        lines = counts[candidates] - counts[start]
        out[candidates[enough & np.isfinite(own) & (lines >= 2) & (np.abs(total - own) <= CENTS)]] = True
    return out
