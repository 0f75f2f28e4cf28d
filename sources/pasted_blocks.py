"""Lines a table holds twice as a block: a run of lines that repeats an earlier run of the same table cell for cell
and in order (an export pasted twice into one file, a report's page printed again). Read once: counted twice, every
contract of the block was worth double. One line written twice stays two lines (two equal orders happen), and so do
equal lines in a row (one line per unit of an item)."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

#: the fewest lines a repeated run must hold to be a block pasted twice
MIN_BLOCK = 3


class PastedBlock(NamedTuple):
    """Positions (0-based, in the table's rows) of a block and of the earlier block it repeats, and its length."""

    start: int
    original: int
    length: int


def repeated_blocks(cells: pd.DataFrame, skipped: np.ndarray) -> tuple[np.ndarray, list[PastedBlock]]:
    """Rows (bool) repeating, cell for cell and in order, a run of `MIN_BLOCK` or more earlier rows that are not
    `skipped` (blank, totals), with the blocks found. A block never overlaps the run it repeats."""
    out = np.zeros(len(cells), dtype=bool)
    kept = np.flatnonzero(~skipped)
    if len(kept) < 2 * MIN_BLOCK:
        return out, []
    hashes = pd.util.hash_pandas_object(cells.iloc[kept].astype(str), index=False).to_numpy()
    if int(pd.Series(hashes).duplicated().sum()) < MIN_BLOCK:  # nearly every table: no line written twice
        return out, []
    first: dict[int, int] = {}
    blocks: list[PastedBlock] = []
    i = 0
    while i < len(hashes):
        j = first.setdefault(int(hashes[i]), i)
        if i and hashes[i] == hashes[i - 1]:  # inside a run of one line: no block starts here (and a run of
            i += 1                            # 20,000 equal lines costs one pass, not 20,000 comparisons each)
            continue
        length = 0
        while j < i and j + length < i and i + length < len(hashes) and hashes[j + length] == hashes[i + length]:
            length += 1
        # a run of one line over and over (six units of one item, a line each) is no block
        if length >= MIN_BLOCK and len(set(hashes[i:i + length].tolist())) > 1:
            blocks.append(PastedBlock(int(kept[i]), int(kept[j]), length))
            out[kept[i:i + length]] = True
            i += length
            continue
        i += 1
    return out, blocks
