"""Vectorised cell formatting: dates, money and contract numbers the ways source systems write them."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd


def _index(dates: np.ndarray) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(np.asarray(dates, dtype="datetime64[D]"))


def fmt_dates(dates: np.ndarray, fmt: str) -> np.ndarray:
    """Dates as text in `fmt` (strftime, or "m/d/Y" unpadded, or "Month d, Y"); NaT -> ""."""
    idx = _index(dates)
    bad = idx.isna()
    if fmt == "m/d/Y":
        out = (
            idx.month.astype("Int64").astype(str)
            + "/"
            + idx.day.astype("Int64").astype(str)
            + "/"
            + idx.year.astype("Int64").astype(str)
        )
        out = np.asarray(out, dtype=object)
    elif fmt == "Month d, Y":
        out = np.asarray(
            idx.strftime("%B ") + idx.day.astype("Int64").astype(str) + idx.strftime(", %Y"),
            dtype=object,
        )
    else:
        out = np.asarray(idx.strftime(fmt), dtype=object)
    out[bad] = ""
    return out


def py_dates(dates: np.ndarray) -> np.ndarray:
    """numpy days -> datetime.date objects (None for NaT), for Excel date cells."""
    idx = _index(dates)
    out = np.empty(len(idx), dtype=object)
    ok = ~idx.isna()
    out[ok] = [d.date() for d in idx[ok]]
    return out


def fmt_plain(x: np.ndarray) -> np.ndarray:
    """Money as "1234.50" (NaN -> "")."""
    x = np.asarray(x, dtype=float)
    out = np.char.mod("%.2f", np.nan_to_num(x)).astype(object)
    out[np.isnan(x)] = ""
    return out


def fmt_grouped(x: np.ndarray, decimal_comma: bool = False, prefix: str = "") -> np.ndarray:
    """Money with thousands separators: "$3,000.00", or European "1.234,56"."""
    out = []
    for v in np.asarray(x, dtype=float):
        if math.isnan(v):
            out.append("")
            continue
        s = f"{v:,.2f}"
        if decimal_comma:
            s = s.replace(",", "_").replace(".", ",").replace("_", ".")
        out.append(prefix + s)
    return np.array(out, dtype=object)


def contract_forms(numbers: np.ndarray, form: np.ndarray) -> np.ndarray:
    """Write canonical "SC-1234567" as form 0 "SC-1234567", 1 "sc1234567", 2 "1234567", 3 "SC1234567"."""
    nums = np.asarray(numbers, dtype=object)
    digits = np.array([n[3:] if isinstance(n, str) else "" for n in nums], dtype=object)
    out = np.where(
        form == 1,
        "sc" + digits,
        np.where(form == 2, digits, np.where(form == 3, "SC" + digits, nums)),
    )
    return out.astype(object)


def day_of_month(dates: np.ndarray) -> np.ndarray:
    """Day of month (0 for NaT)."""
    idx = _index(dates)
    return np.nan_to_num(idx.day.to_numpy(dtype=float)).astype(int)
