"""Excel's serial numbers for a whole column of dates at once: what XlsxWriter's `write_datetime`
computes one cell at a time (days since 1899-12-31, the day's fraction, one day more from 1900-03-01
for Excel's 29 February 1900), so a list can write its dates with `write_number` and the same format."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

#: XlsxWriter's epoch for workbooks in the 1900 date system
EPOCH = np.datetime64("1899-12-31T00:00:00", "us")
#: the first day past Excel's phantom 29 February 1900: before it XlsxWriter's own rules differ, and
#: a column holding such a date is left to it
FIRST_PLAIN_DAY = np.datetime64("1900-03-01T00:00:00", "us")
MICROSECONDS_PER_DAY = 86_400_000_000


def _stamps(values: pd.Series) -> np.ndarray | None:
    """The column as datetime64[us] (NaT where missing): a naive datetime64 column, or one of
    `datetime.date` objects only (no datetime among them: XlsxWriter keeps a datetime's time of day);
    None for anything else."""
    if pd.api.types.is_datetime64_dtype(values.dtype):
        return values.to_numpy(dtype="datetime64[us]")
    if values.dtype != object:
        return None
    present = values.notna().to_numpy()
    dates = values.to_numpy()[present]
    if not all(type(v) is dt.date for v in dates):
        return None
    stamps = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[us]")
    stamps[present] = dates.astype("datetime64[D]")
    return stamps


def excel_serials(values: pd.Series) -> list[float | None] | None:
    """Each value's serial (None where missing), or None when the column holds other than naive
    datetime64 values or dates (see `_stamps`), or a day before 1900-03-01. Computed as XlsxWriter
    does, in the same floating-point steps: whole days plus (seconds + microseconds / 1e6) / 86400,
    then one more day."""
    stamps = _stamps(values)
    if stamps is None:
        return None
    missing = np.isnat(stamps)
    if (stamps[~missing] < FIRST_PLAIN_DAY).any():
        return None
    micros = (stamps - EPOCH).astype(np.int64)
    days, within = np.divmod(micros, MICROSECONDS_PER_DAY)
    seconds, micro = np.divmod(within, 1_000_000)
    serials = days + (seconds.astype(np.float64) + micro.astype(np.float64) / 1e6) / 86400 + 1
    return [None if gone else s for s, gone in zip(serials.tolist(), missing.tolist(), strict=True)]
