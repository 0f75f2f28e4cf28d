"""A serial-level export writes a line once per unit: each row names one serial and repeats the line's quantity and
total ("HX35-003, 3 units, 3,328.50" three times, one serial each). Read as written, the line counts three times over.
Rows that agree on every field but the serial, each with one serial of its own, as many as the quantity they repeat,
are the units of one line: each is read as one unit and its share of the total (the last takes the cents left over),
so every row keeps its serial and its lineage and the line sums to what it says.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def unit_rows(typed: dict[str, pd.Series]) -> tuple[pd.Series, pd.Series] | None:
    """(group number per row, -1 for none; rows per group) of the rows that are units of one line, or None."""
    serials, quantity, amount = typed.get("serial_numbers"), typed.get("quantity"), typed.get("amount")
    if serials is None or quantity is None or amount is None or len(serials) < 2:
        return None
    one = serials.map(lambda s: isinstance(s, (list, tuple, np.ndarray)) and len(s) == 1).astype(bool)
    qty = pd.to_numeric(quantity, errors="coerce")
    candidates = one & (qty >= 2) & pd.to_numeric(amount, errors="coerce").notna()
    if candidates.sum() < 2:
        return None
    key_fields = [f for f in sorted(typed) if f != "serial_numbers"]  # every field but the unit's own serial
    keys = pd.DataFrame({f: typed[f][candidates].astype(str) for f in key_fields})
    group = keys.groupby(key_fields, sort=False, dropna=False).ngroup()
    size = group.map(group.value_counts())
    serial = serials[candidates].map(lambda s: str(s[0]))
    distinct = serial.groupby(group).transform("nunique")
    units = (size >= 2) & (size == qty[candidates]) & (distinct == size)
    if not units.any():
        return None
    out = pd.Series(-1, index=serials.index, dtype="int64")
    out[units[units].index] = group[units]
    return out, size.reindex(serials.index)


def as_units(typed: dict[str, pd.Series], group: pd.Series, size: pd.Series) -> None:
    """Each unit row of `group` made one unit of its line: quantity 1, its share of the line's amount (cents)."""
    at = group >= 0
    amount = pd.to_numeric(typed["amount"], errors="coerce").astype("float64")
    share = (amount[at] / size[at]).round(2)
    last = ~group[at].duplicated(keep="last")  # the line's last unit takes what the rounding left
    share[last] = (amount[at][last] - share.groupby(group[at]).transform("sum")[last] + share[last]).round(2)
    typed["amount"] = amount.where(~at, share.reindex(at.index))
    typed["quantity"] = typed["quantity"].where(~at, 1)
