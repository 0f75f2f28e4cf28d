"""Merged cells over several lines: which cells of a table are copies of a merged block's value.

A reader fills a merged block with its top-left value, as a person sees it: every line of a contract
shows its customer, contract number and date. A money or quantity field is different: one value
merged over a contract's three serial lines is stated once, and copied onto each line it would be
summed three times. The reader carries the blocks (`MergedBlock`, on `RawTable.merged`); the typer
empties the copies in money and quantity columns (`count_once`), leaving the value on the block's
first line, and says so in a warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from openpyxl.utils.cell import get_column_letter

#: field types whose value a merged block states once, for all its lines together
COUNTED_ONCE = frozenset({"money", "quantity"})
#: merged blocks a warning names by range, per column
BLOCKS_LISTED = 5


@dataclass(frozen=True)
class MergedBlock:
    """A merged range as it lies over one table: sheet rows (1-based), the table's column positions
    (0-based; the top-left may lie left of the table, at a negative position) and its range as written."""

    ref: str
    min_row: int
    max_row: int
    min_col: int
    max_col: int

    def lines(self) -> int:
        """How many lines the block spans."""
        return self.max_row - self.min_row + 1


def blocks_in_table(
    merges: Iterable[tuple[int, int, int, int]], first_row: int, last_row: int, offset: int, width: int,
) -> tuple[MergedBlock, ...]:
    """The merged ranges (min_col, min_row, max_col, max_row, 1-based sheet coordinates) that hold a
    copied cell among sheet rows `first_row`..`last_row` and the `width` columns from 0-based `offset`."""
    out = []
    for min_col, min_row, max_col, max_row in merges:
        if max_row < first_row or min_row > last_row or max_col <= offset or min_col > offset + width:
            continue
        if min_row == max_row and min_col == max_col:
            continue  # a block of one cell has no copies
        ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row}"
        out.append(MergedBlock(ref, min_row, max_row, min_col - 1 - offset, max_col - 1 - offset))
    return tuple(out)


def _copy_rows(block: MergedBlock, column: int, row_numbers: np.ndarray, ascending: bool) -> np.ndarray:
    """Positions in `row_numbers` of the block's copied cells in table column `column` (a search when
    the rows are in ascending order, as a sheet's are)."""
    if ascending:
        lo = int(np.searchsorted(row_numbers, block.min_row, side="left"))
        hi = int(np.searchsorted(row_numbers, block.max_row, side="right"))
        at = np.arange(lo, hi)
    else:
        at = np.flatnonzero((row_numbers >= block.min_row) & (row_numbers <= block.max_row))
    if column == block.min_col:
        at = at[row_numbers[at] != block.min_row]  # the top-left cell holds the value itself
    return at


@dataclass(frozen=True)
class CountedOnce:
    """The copies emptied in one table: per field, which of its rows held a copy; and the warnings."""

    copies: dict[str, np.ndarray]
    warnings: list[str]


def count_once(
    blocks: tuple[MergedBlock, ...], cells: pd.DataFrame, row_numbers: np.ndarray,
    mapping: Mapping[int, str], field_types: Mapping[str, str], headers: list[str],
) -> tuple[pd.DataFrame, CountedOnce]:
    """`cells` with the copies of merged blocks emptied in the columns mapped to a money or quantity
    field, and what was emptied. Free when the table has no merged block."""
    if not blocks:
        return cells, CountedOnce({}, [])
    ascending = len(row_numbers) < 2 or bool((np.diff(row_numbers) > 0).all())
    copies: dict[str, np.ndarray] = {}
    warnings: list[str] = []
    out = cells
    for column, fld in sorted(mapping.items()):
        if field_types.get(fld) not in COUNTED_ONCE:
            continue
        mask = np.zeros(len(cells), dtype=bool)
        hit: list[MergedBlock] = []
        for block in blocks:
            if block.min_col <= column <= block.max_col:
                at = _copy_rows(block, column, row_numbers, ascending)
                if len(at):
                    mask[at] = True
                    hit.append(block)
        if not hit:
            continue
        if out is cells:
            out = cells.copy(deep=False)  # copy-on-write: only the emptied columns are new
        name = str(column)  # a table's columns are named by position
        values = out[name].to_numpy(dtype=object, copy=True)
        values[mask] = None
        out[name] = pd.Series(values, index=out.index, dtype=object)
        copies[fld] = mask
        header = headers[column] if column < len(headers) else ""
        warnings.append(_note(fld, header, hit))
    return out, CountedOnce(copies, warnings)


def _note(fld: str, header: str, hit: list[MergedBlock]) -> str:
    """The warning for one field's merged blocks: where, over how many lines, and that each counts once."""
    column = f"column '{header}' ({fld})" if header else f"field '{fld}'"
    listed = ", ".join(f"{b.ref} merged over {b.lines()} line{'s' if b.lines() > 1 else ''}"
                       for b in hit[:BLOCKS_LISTED])
    more = f" and {len(hit) - BLOCKS_LISTED} more merged blocks" if len(hit) > BLOCKS_LISTED else ""
    return (f"{column}: cells {listed}{more}: counted once, on the block's first line (its other lines are "
            "left empty, not given the same value again)")
