"""Typed parsing of money, quantity, serial-list and text cells, one column at a time.

Every parser takes a Series of raw cells (str, float, int, datetime or None) and returns the typed
values plus a mask of non-empty cells it could not read, so a bad cell quarantines its row
instead of becoming a silent null.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable

import numpy as np
import pandas as pd

#: "S/N:", "S/N", "SN:", "SN#", "Serial:", "Serial #:", "Serial No:", "Serial Number:" (any case)
SERIAL_PREFIX = re.compile(
    r"(?i)(?<![0-9a-z])(?:s/n\s*[:#.]?|sn\s*[:#]|serial\s*(?:no\.?|number|nr\.?|#)?\s*[:#])\s*"
)
SERIAL_SEPARATORS = r"[,;/\s]+"
#: whole-cell placeholders meaning "no serial" ("N/A" would otherwise split into "N" and "A")
SERIAL_PLACEHOLDERS = frozenset({
    "n/a", "na", "n.a.", "n.a", "none", "null", "nil", "tbd", "tba", "unknown", "-", "--", "?",
})
_CURRENCY = re.compile(r"(?i)(?:usd|eur|gbp|chf|cad|aud|us\$|[$€£¥])")


def map_unique(raw: pd.Series, fn: Callable[[object], object]) -> pd.Series:
    """`raw.map(fn)`, calling `fn` once per distinct value: columns repeat names, SKUs and dates."""
    codes, uniques = pd.factorize(raw.astype(object), use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [fn(u) for u in uniques]
    mapped[-1] = fn(None)  # code -1: missing
    return pd.Series(mapped[codes], index=raw.index, dtype=object)


def expand_distinct(raw: pd.Series, parsed: pd.Series, codes: np.ndarray, missing: object = None) -> pd.Series:
    """Spread values computed on `pd.factorize(raw)`'s uniques back over every row."""
    arr = np.empty(len(parsed) + 1, dtype=object)
    arr[:-1] = parsed.to_numpy(dtype=object)
    arr[-1] = missing
    return pd.Series(arr[codes], index=raw.index, dtype=object)


def distinct(raw: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Codes and distinct values of a column (missing cells get code -1)."""
    codes, uniques = pd.factorize(raw.astype(object), use_na_sentinel=True)
    return codes, pd.Series(uniques, dtype=object)


def is_number(value: object) -> bool:
    """A numeric cell (not a bool)."""
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)


def is_blank(value: object) -> bool:
    """True for None, NaN and whitespace-only strings."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def cell_text(value: object) -> str | None:
    """A cell as a person reads it: integral numbers without ".0", dates as ISO, text stripped."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()


def parse_text(raw: pd.Series) -> pd.Series:
    """Text cells: stripped, inner whitespace collapsed, numbers without a trailing ".0"."""
    # pandas 3 infers a string dtype from map() and turns None into NaN, which is truthy in
    # Python; downstream code tests `if name:`, so missing text is None
    out = map_unique(raw, cell_text)
    return out.where(out.notna(), None)


def _decimal_comma(s: pd.Series) -> bool:
    """Does this column write decimals with a comma ("1.234,56")?"""
    comma = s.str.contains(r"\d,\d{1,2}$", regex=True).sum()
    dot = s.str.contains(r"\d\.\d{1,2}$", regex=True).sum()
    grouped = s.str.contains(r"\d\.\d{3},", regex=True).sum()
    return bool(grouped or comma > dot)


_SIGNED = r"^(?P<open>\(?)(?P<lead>[+-]?)(?P<num>[\d.,]+)(?P<trail>-?)(?P<close>\)?)$"
_DOT_DECIMAL = r"(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?"
_COMMA_DECIMAL = r"(?:\d{1,3}(?:\.\d{3})+|\d*)(?:,\d+)?"


def parse_money(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Money cells to floats (see `_parse_money_distinct`), parsed once per distinct value."""
    codes, uniques = distinct(raw)
    values, failed = _parse_money_distinct(uniques)
    return (
        expand_distinct(raw, values, codes, np.nan).astype("float64"),
        expand_distinct(raw, failed, codes, False).astype(bool),
    )


def _parse_money_distinct(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Money cells ("$3,000.00", "1.234,56 €", "(120.00)", "$-5", 3000) to floats rounded to cents.

    The sign is read after the currency is removed, so "$-5.00" stays negative. A value with
    both separators says itself which one is decimal (the last); a value with one kind of
    separator follows the column's convention, and one used more than once groups thousands.
    Groups must be three digits: "12-34" or "1,5" in a dot-decimal column are failures, not
    1234 or 15.
    """
    out = pd.Series(np.nan, index=raw.index, dtype="float64")
    raw = raw.astype(object)  # any column dtype, including pandas 3's string dtype
    is_num = map_unique(raw, is_number).astype(bool)
    out[is_num] = raw[is_num].astype("float64")
    text = map_unique(raw[~is_num], lambda v: None if is_blank(v) else str(v).strip()).dropna()
    if len(text):
        s = text.astype(str).str.replace(_CURRENCY, "", regex=True).str.replace(r"[\s\u00a0']", "", regex=True)
        m = s.str.extract(_SIGNED)
        num = m["num"].fillna("")
        balanced = m["open"].eq("(") == m["close"].eq(")")
        negative = m["open"].eq("(") | m["lead"].eq("-") | m["trail"].eq("-")
        commas, dots = num.str.count(","), num.str.count(r"\.")
        column_dc = _decimal_comma(num)
        comma_decimal = (
            (commas.gt(0) & dots.gt(0) & (num.str.rfind(",") > num.str.rfind(".")))
            | (commas.eq(1) & dots.eq(0) & column_dc)
            | (commas.eq(0) & (dots.gt(1) | column_dc))
        )
        well_formed = balanced & m["num"].notna() & num.str.contains(r"\d", regex=True) & (
            (comma_decimal & num.str.fullmatch(_COMMA_DECIMAL)) | (~comma_decimal & num.str.fullmatch(_DOT_DECIMAL))
        ).fillna(False)
        dot_plain = num.str.replace(",", "", regex=False)  # commas group thousands
        comma_plain = num.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        plain = dot_plain.where(~comma_decimal, comma_plain)
        values = pd.to_numeric(plain.where(well_formed, None), errors="coerce")
        out[values.index] = values.where(~negative, -values)
    out = out.round(2)
    failed = ~map_unique(raw, is_blank).astype(bool) & out.isna()
    return out, failed


def _ungroup(value: str) -> str:
    """Drop thousands commas ("1,000"); any other comma is a decimal comma ("1,5" is 1.5, not 15)."""
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", value.strip()).replace(",", ".")


def _quantity_text(v: object) -> object:
    if is_blank(v):
        return None
    if isinstance(v, (int, float)):
        return v
    return re.sub(r"(?i)\s*(pcs?|units?|ea|x)\.?$", "", _ungroup(str(v)))


def parse_quantity(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Quantities ("3", 3.0, "3 pcs", "1,000") to integers; fractions are failures."""
    # mapped as object: on an empty string-dtype column map() would return strings, not bools
    raw = raw.astype(object)
    as_str = map_unique(raw, _quantity_text)
    values = pd.to_numeric(as_str, errors="coerce")
    integral = values.notna() & (values == values.round())
    out = values.where(integral).astype("Int64")
    failed = ~map_unique(raw, is_blank).astype(bool) & out.isna()
    return out, failed


def split_serials(raw: pd.Series) -> pd.Series:
    """Serial cells to lists: prefixes removed, split on , ; / whitespace and newlines."""
    text = map_unique(raw, cell_text)
    present = text.notna()
    out = pd.Series([[] for _ in range(len(raw))], index=raw.index, dtype=object)
    if present.any():
        s = text[present].astype(str).str.replace(SERIAL_PREFIX, " ", regex=True).str.strip()
        s = s.where(~s.str.lower().isin(SERIAL_PLACEHOLDERS), "")
        parts = s.str.split(SERIAL_SEPARATORS, regex=True)
        out[present] = parts.map(lambda xs: [x.strip(".:#") for x in xs if x.strip(".:#")])
    return out
