"""Which columns of a table are a line's quantity, unit price and amount, by their arithmetic: a column
that is one column times another on every row is the line's amount, the factor in whole numbers its
quantity, the other its unit price. Words in any language can name these three; the product names them
in none ("Nøgd", "Stykkprísur", "Upphædd" beside each other read the same as "Qty", "Price", "Total").
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

#: rows a relation is tested on (the first of the table), and the share of them it must hold on
ROWS_TESTED = 200
HOLDS_ON = 0.9
#: rows with all three values that a relation needs before it says anything
MIN_ROWS = 3
#: a quantity is a count of units: whole, and below this
MAX_QUANTITY = 100_000


class LineColumns(NamedTuple):
    """0-based columns: quantity x unit_price = amount on (nearly) every row."""

    quantity: int
    unit_price: int
    amount: int


def _close(product: np.ndarray, amount: np.ndarray) -> np.ndarray:
    """Equal to the cent, or to half a per mille of a large amount (rounded unit prices)."""
    return np.abs(product - amount) <= 0.011 + 0.0005 * np.abs(amount)


def line_columns(values: dict[int, np.ndarray]) -> LineColumns | None:
    """The one (quantity, unit price, amount) triple among numeric columns (`values`: column -> floats, NaN
    where a cell is no number) for which quantity x price = amount on `HOLDS_ON` of the rows holding all three,
    the quantities whole and not all one (a price equal to its amount tells nothing). None when no triple
    holds, or when more than one does (a gross and a net pair, say): the words decide then."""
    cols = sorted(values)
    if len(cols) < 3:
        return None
    grid = np.vstack([values[c][:ROWS_TESTED] for c in cols])  # columns x rows
    finite = np.isfinite(grid)
    counts_of = np.isclose(grid, np.round(grid)) & (np.abs(grid) < MAX_QUANTITY)
    whole = np.where(finite, counts_of, True).all(axis=1) & finite.any(axis=1)
    found: list[LineColumns] = []
    for q in np.flatnonzero(whole):
        if not (finite[q] & (grid[q] != 1)).any():
            continue
        for p in range(len(cols)):
            if p == q:
                continue
            product = grid[q] * grid[p]
            rows = finite[q] & finite[p] & finite  # amount candidates x rows, where all three are numbers
            hits = _close(product[None, :], grid) & rows
            counts, held = rows.sum(axis=1), hits.sum(axis=1)
            differs = (rows & (grid != grid[p][None, :])).any(axis=1)  # an amount that is no copy of the price
            for a in np.flatnonzero((counts >= MIN_ROWS) & (held >= HOLDS_ON * counts) & differs):
                if a not in (p, q):
                    found.append(LineColumns(cols[int(q)], cols[p], cols[int(a)]))
    # a quantity and a price that are each other's factor give the same triple twice, with their roles swapped
    if len({t.amount for t in found}) != 1:
        return None
    triples = {(min(t.quantity, t.unit_price), max(t.quantity, t.unit_price)) for t in found}
    if len(triples) != 1:
        return None
    if len(found) == 1:
        return found[0]
    # both factors whole: the one with the smaller values is the quantity
    x, y = found[0].quantity, found[0].unit_price
    small = np.nanmedian(values[x][:ROWS_TESTED]) <= np.nanmedian(values[y][:ROWS_TESTED])
    return LineColumns(x, y, found[0].amount) if small else LineColumns(y, x, found[0].amount)
