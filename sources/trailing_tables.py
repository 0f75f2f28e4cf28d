"""A second, smaller table below the data ("Summary by reseller" / "Reseller, Lines, Total" under the
invoice lines): its rows are no records of the table above, so they are skipped with a warning
instead of quarantined line by line.

The block must prove itself: a blank line above it, every one of its rows failing to type as a
record of the table above (so no record is lost), narrower than the data rows, and a header of
its own among its first two lines (two or more text cells, no number, one of them a header word the
reading knows: "Reseller", "Total"). A few failed lines at the end of the data with no header of their
own stay quarantined.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sources.headers import recognise_header
from sources.values import cell_text, is_number

#: lines of the block, from its top, in which its own header may stand (a title line may come first)
HEADER_WITHIN = 2


def _header_like(cells: pd.Series) -> bool:
    """Two or more text cells, no number, and a word that names a field: a table's header."""
    texts = [t for t in (cell_text(v) for v in cells) if t is not None]
    return len(texts) >= 2 and not any(is_number(t) for t in texts) and bool(recognise_header(texts).fields)


def trailing_table(cells: pd.DataFrame, blank_cells: np.ndarray, blank: np.ndarray, kept: np.ndarray,
                   failed: np.ndarray) -> np.ndarray:
    """Rows of `cells` (positions) that are a second table below the data, as the module says.

    `blank` marks blank lines, `kept` the lines read as rows (not blank, total or other structure),
    `failed` the kept lines that did not type as a record."""
    out = np.zeros(len(cells), dtype=bool)
    kept_rows = np.flatnonzero(kept)
    if not len(kept_rows) or not failed[kept_rows[-1]]:
        return out
    ok_rows = kept_rows[~failed[kept_rows]]
    if not len(ok_rows):  # nothing read above it: no "table above" to be second to
        return out
    gaps = np.flatnonzero(blank)
    gaps = gaps[gaps > ok_rows[-1]]  # the first blank line after the last line read as a record
    block = kept_rows[kept_rows > gaps[0]] if len(gaps) else kept_rows[:0]
    if len(block) < 2:
        return out
    filled = (~blank_cells).sum(axis=1)
    if failed[block].all() and filled[block].max() <= float(np.median(filled[ok_rows])) / 2 and any(
            _header_like(cells.iloc[int(r)]) for r in block[:HEADER_WITHIN]):
        out[block] = True
    return out
