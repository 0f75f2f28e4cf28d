"""Which delivery file a dated row lands in, per distributor (monthly, quarterly or yearly).

Shared by the world (which makes sure every day-first file can reveal its date order) and the
renderer (which names the files), so both agree on the file of every row.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: from this date on, westbridge delivers monthly files (yearly back-loads before)
WESTBRIDGE_MONTHLY_FROM = np.datetime64("2025-11-01")
#: from this date on, eurolink delivers quarterly files (yearly back-loads before)
EUROLINK_QUARTERLY_FROM = np.datetime64("2025-07-01")
#: sources whose files write numeric dates whose day/month order must be detectable
ORDER_SENSITIVE = ("westbridge", "eurolink")


def file_period(source: str, dates: np.ndarray) -> np.ndarray:
    """The period label of each date's delivery file for `source` ("2026-03", "2026Q1", "2024")."""
    d = pd.DatetimeIndex(np.asarray(dates, dtype="datetime64[D]"))
    year = d.year.astype(str)
    if source == "westbridge":
        monthly = d.values >= WESTBRIDGE_MONTHLY_FROM
        return np.where(monthly, d.strftime("%Y-%m"), year)
    if source == "eurolink":
        quarterly = d.values >= EUROLINK_QUARTERLY_FROM
        return np.where(quarterly, year + "Q" + d.quarter.astype(str), year)
    return np.asarray(year)


def month_sheet(dates: np.ndarray) -> np.ndarray:
    """A worksheet name per date ("Jan 2026") for month-per-sheet workbooks."""
    return np.asarray(pd.DatetimeIndex(np.asarray(dates, dtype="datetime64[D]")).strftime("%b %Y"))
