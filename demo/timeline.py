"""The demo world's calendar: the as-of day, the history window, year arithmetic and late-day fixes."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from demo.periods import ORDER_SENSITIVE, file_period

DEMO_AS_OF: date = date(2026, 11, 1)
AS_OF = np.datetime64(DEMO_AS_OF.isoformat(), "D")
LAST_DAY = AS_OF - np.timedelta64(1, "D")
HISTORY_DAYS = 5 * 365


def as_days(n: np.ndarray | int) -> np.ndarray:
    """Integer day counts as numpy timedeltas."""
    return np.asarray(n).astype("timedelta64[D]")


def add_years(d: np.ndarray, years: np.ndarray) -> np.ndarray:
    """Add whole years to days (29 Feb falls back to 28 Feb), vectorised."""
    d = np.asarray(d, dtype="datetime64[D]")
    month_start = d.astype("datetime64[M]")
    day = (d - month_start.astype("datetime64[D]")).astype(int)
    target = month_start + np.asarray(years, dtype=int) * 12
    dim = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(int)
    return target.astype("datetime64[D]") + as_days(np.minimum(day, dim - 1))


def ensure_late_day(dist: np.ndarray, dates: np.ndarray, movable: np.ndarray) -> np.ndarray:
    """Give every day-first/month-first-ambiguous file a date with day > 12 (moving a movable row)."""
    dates = np.asarray(dates, dtype="datetime64[D]").copy()
    for src in ORDER_SENSITIVE:
        idx = np.flatnonzero(dist == src)
        if not len(idx):
            continue
        period = file_period(src, dates[idx])
        day = (dates[idx] - dates[idx].astype("datetime64[M]").astype("datetime64[D]")).astype(
            int
        ) + 1
        frame = pd.DataFrame(
            {"i": idx, "p": period, "late": day > 12, "mov": movable[idx], "day": day}
        )
        lacking = ~frame.groupby("p").late.transform("any").astype(bool)
        cand = frame[lacking & frame.mov].drop_duplicates("p")
        for i, d in zip(cand.i, cand.day, strict=True):
            moved = dates[i] + np.timedelta64(12 + (d % 4), "D")
            dates[i] = min(moved, LAST_DAY)
    return dates


def fix_booking_days(
    orders: pd.DataFrame, contracts: pd.DataFrame, software: pd.DataFrame
) -> None:
    """Make order-sensitive files without a late hardware day reveal their order via a movable row."""
    dist = np.r_[
        orders.distributor.to_numpy(),
        contracts.distributor.to_numpy(),
        software.distributor.to_numpy(),
    ]
    dates = np.r_[
        orders.ship_date.to_numpy(), contracts.booked.to_numpy(), software.date.to_numpy()
    ]
    movable = np.r_[np.zeros(len(orders), bool), np.ones(len(contracts) + len(software), bool)]
    fixed = ensure_late_day(dist.astype(str), dates, movable)
    k = len(orders)
    contracts["booked"] = fixed[k : k + len(contracts)]
    software["date"] = fixed[k + len(contracts) :]
