"""Continuation lines: a document's further lines with its header fields left blank, as Odoo's
one2many exports, reports that suppress repeated values and reps' trackers write them ("INV/2024/12,
Delta Legal, 2024-03-01, Support 4h" then ", , , Support NBD").

A row continues the nearest line above it that has document fields when every document field the
table has a column for (invoice, date, parties, contract, currency, rep) is blank on it and it names
a line of its own (a SKU, serials or a description): those fields are carried down from that line.
A row that holds only serials continues the line itself, so it also takes the line's SKU,
description and service period. Money and quantities are never carried (each line states its own),
a row with only an amount (an unlabelled subtotal) continues nothing, and no row continues past a
total row.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

#: fields a document states once, on its first line
DOCUMENT_FIELDS = frozenset({
    "invoice_number", "invoice_date", "document_type", "contract_number", "currency", "rep", "rep_account", "status",
    "customer_name", "customer_account", "customer_address", "customer_city", "customer_state",
    "customer_postal_code", "customer_country", "customer_domain", "customer_phone", "customer_email",
    "reseller_name", "reseller_account", "bill_to_name", "bill_to_account",
    "contact_name", "contact_email", "contact_phone",
})
#: fields that name a line of its own
LINE_FIELDS = ("sku", "serial_numbers", "description")
#: what a row of serials alone also takes from the line it continues
SAME_LINE_FIELDS = frozenset({"sku", "description", "service_start", "service_end", "service_level"})


def _last_above(marks: np.ndarray, resets: np.ndarray) -> np.ndarray:
    """Per row, the position of the nearest marked row at or above it, not across a reset (-1: none)."""
    n = len(marks)
    at = pd.Series(np.where(marks, np.arange(n), np.where(resets, -1, np.nan)))
    return at.ffill().fillna(-1).astype(np.int64).to_numpy()


def continuation_rows(
    blank_cells: np.ndarray, kept: np.ndarray, resets: np.ndarray, mapping: Mapping[int, str]
) -> tuple[np.ndarray, np.ndarray]:
    """Per row: whether it continues a line above (bool), and the position of the line with the
    document fields it takes (-1 where none).

    `blank_cells` is rows x columns, `kept` the rows read as lines, `resets` the total rows no
    continuation crosses; `mapping` names each mapped column's field."""
    n = len(blank_cells)
    doc = [i for i, f in mapping.items() if f in DOCUMENT_FIELDS]
    line = [i for i, f in mapping.items() if f in LINE_FIELDS]
    none = np.zeros(n, dtype=bool), np.full(n, -1)
    if not n or not doc or not line:
        return none
    no_doc = blank_cells[:, doc].all(axis=1)
    candidates = kept & no_doc & (~blank_cells[:, line]).any(axis=1)
    if not candidates.any():
        return none
    above = np.where(candidates, _last_above(kept & ~no_doc, resets), -1)
    return candidates & (above >= 0), above


def carry_down(
    cells: pd.DataFrame, blank_cells: np.ndarray, rows: np.ndarray, above: np.ndarray, resets: np.ndarray,
    mapping: Mapping[int, str],
) -> pd.DataFrame:
    """`cells` with each continuation row's blank document cells taken from the line `above` names,
    and a row of serials alone also taking the SKU, description and period of the nearest line above
    it that names its SKU or description."""
    if not rows.any():
        return cells
    out = cells.copy()
    at = np.flatnonzero(rows)
    col = {f: i for i, f in mapping.items()}
    own_line = [col[f] for f in ("sku", "description") if f in col]
    stated = [col[f] for f in ("sku", "description", "amount", "unit_price", "quantity") if f in col]
    serials_only = np.asarray(blank_cells[at][:, stated].all(axis=1), dtype=bool)
    named = np.asarray(~blank_cells[:, own_line].all(axis=1), dtype=bool) if own_line else np.zeros(len(cells), bool)
    line_above = _last_above(named, resets)[at]
    for i, f in mapping.items():
        if f in DOCUMENT_FIELDS:
            dst, src = at, above[at]
        elif f in SAME_LINE_FIELDS:
            keep = serials_only & (line_above >= 0)
            dst, src = at[keep], line_above[keep]
        else:
            continue
        fill = blank_cells[dst, i]
        if fill.any():
            values = out[str(i)].to_numpy(dtype=object).copy()
            values[dst[fill]] = values[src[fill]]
            out[str(i)] = values
    return out
