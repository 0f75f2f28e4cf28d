"""Invoice exports that write a document as a header record and its line records (a record-type column "Z"/"S",
"H"/"L", "HDR"/"ITM"): the header row holds the date, the parties and the document's total, each line row its item
and amount and the document's number alone. The header row is no line (its amount is its lines'), and each line
takes the document fields it leaves blank from the header row of its number.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from sources.continuation_rows import DOCUMENT_FIELDS
from sources.values import parse_money

#: fields that make a row a line of its own
_LINE_FIELDS = ("sku", "description", "serial_numbers", "quantity")


def document_headers(
    cells: pd.DataFrame, blank_cells: np.ndarray, keep: np.ndarray, mapping: Mapping[int, str]
) -> tuple[np.ndarray, pd.DataFrame]:
    """(the header rows, `cells` with each line's blank document cells taken from its header row). A header row is a
    kept row naming a document number and document fields but no line field, whose number later rows with line
    fields share, and whose amount (if any) is the sum of theirs to the cent."""
    col = {f: i for i, f in mapping.items()}
    none = np.zeros(len(cells), dtype=bool)
    doc = [i for i, f in mapping.items() if f in DOCUMENT_FIELDS and f != "invoice_number"]
    line = [i for i, f in mapping.items() if f in _LINE_FIELDS]
    if "invoice_number" not in col or not doc or not line or not len(cells):
        return none, cells
    numbered = keep & ~blank_cells[:, col["invoice_number"]]
    number = cells[str(col["invoice_number"])].astype(object).map(lambda v: str(v).strip())
    has_line = ~blank_cells[:, line].all(axis=1)
    header = numbered & ~has_line & ~blank_cells[:, doc].all(axis=1)
    lines = numbered & has_line
    if not header.any() or not lines.any():
        return none, cells
    line_numbers = set(number[lines])
    header &= number.isin(line_numbers).to_numpy()
    first = pd.Series(np.flatnonzero(header), index=number[header].to_numpy())
    first = first[~first.index.duplicated()]
    if "amount" in col:  # a header's amount is its lines' sum
        amounts, _ = parse_money(cells[str(col["amount"])])
        sums = amounts[lines].groupby(number[lines]).sum()
        own = amounts.iloc[first.to_numpy()].to_numpy()
        agree = np.isnan(own) | (np.abs(own - sums.reindex(first.index).to_numpy()) <= 0.01 * len(line_numbers))
        first = first[agree]
        header = np.isin(np.arange(len(cells)), first.to_numpy())
    if not header.any():
        return none, cells
    out = cells.copy()
    at = np.flatnonzero(lines & number.isin(first.index).to_numpy())
    src = first.reindex(number.iloc[at].to_numpy()).to_numpy()
    below = src < at  # a header row stands above its lines
    at, src = at[below], src[below]
    for i in doc:
        fill = blank_cells[at, i]
        if fill.any():
            values = out[str(i)].to_numpy(dtype=object).copy()
            values[at[fill]] = values[src[fill]]
            out[str(i)] = values
    return header, out
