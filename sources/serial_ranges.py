"""A line's serials written as a range ("HXS49000201-HXS49000203", "HXS53000201-203", "A..B", "A to B"): the units
it spans, where their count is the line's quantity. A range whose count is not the quantity stays as written, and
the warning names it: which units it spans is then not known.
"""

from __future__ import annotations

import re

import pandas as pd

#: one token holding a range: a serial, a dash, an en or em dash, ".." or "~", and its last serial or last digits
_RANGE_TOKEN = re.compile(r"^(?P<a>[^\W_]*?\d+)\s*(?:-|–|—|\.\.|~)\s*(?P<b>[^\W_]*?\d+)$")
_TAIL_DIGITS = re.compile(r"^(?P<prefix>.*?)(?P<digits>\d+)$")
#: the most units one written range is spanned into
MAX_UNITS = 1_000


def _span(first: str, last: str) -> list[str] | None:
    """The serials from `first` to `last` (the same prefix and width; `last` may be the last digits alone)."""
    a = _TAIL_DIGITS.match(first)
    if a is None:
        return None
    prefix, digits = a["prefix"], a["digits"]
    if last.isdigit() and len(last) < len(digits):  # "HXS53000201-203"
        last = prefix + digits[: len(digits) - len(last)] + last
    b = _TAIL_DIGITS.match(last)
    if b is None or b["prefix"] != prefix or len(b["digits"]) != len(digits):
        return None
    start, end = int(digits), int(b["digits"])
    if not 0 < end - start < MAX_UNITS:
        return None
    return [f"{prefix}{n:0{len(digits)}d}" for n in range(start, end + 1)]


def spanned(serials: object) -> tuple[list[str], bool] | None:
    """(the units a cell's serials span, whether the cell wrote one range token) or None when they are no range:
    one token "A-B", or two serials A and B of one prefix (a range written "A - B" or "A to B")."""
    if not isinstance(serials, list) or not 1 <= len(serials) <= 2:
        return None
    if len(serials) == 1:
        m = _RANGE_TOKEN.match(serials[0])
        units = _span(m["a"], m["b"]) if m is not None else None
        return (units, True) if units is not None else None
    units = _span(serials[0], serials[1])
    return (units, False) if units is not None and len(units) > 2 else None


def spread_ranges(serials: pd.Series, quantity: pd.Series | None) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(serials with each range of the line's quantity spanned, the rows spanned, the rows whose range token does not
    match their quantity and stays as written)."""
    found = serials.map(spanned)
    has = found.notna()
    if not has.any():
        none = pd.Series(False, index=serials.index)
        return serials, none, none
    qty = pd.to_numeric(quantity, errors="coerce") if quantity is not None else pd.Series(float("nan"),
                                                                                          index=serials.index)
    count = found.map(lambda f: len(f[0]) if f is not None else 0)
    token = found.map(lambda f: bool(f is not None and f[1])).astype(bool)
    fits = has & (count == qty)
    out = serials.copy()
    out[fits] = found[fits].map(lambda f: list(f[0]))
    return out, fits, has & token & ~fits
