"""The reader-neutral shape of one sheet or text file: raw cells under a recognised header."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sources.headers import HeaderMatch
from sources.merged_cells import MergedBlock


class FileReadError(Exception):
    """A whole file cannot be read; the message says why in words an analyst understands."""


@dataclass
class RawTable:
    """Cells below the header of one sheet (or text file), with the rows a person would see.

    `cells` has one column per header column (positional names "0", "1", ...), raw values as
    the reader found them; `row_numbers` holds each row's 1-based line/row number.
    """

    sheet: str | None
    header_row: int  # 1-based
    header: HeaderMatch
    cells: pd.DataFrame
    row_numbers: np.ndarray
    epoch: dt.datetime | None = None  # the workbook's date epoch (Excel only)
    warnings: list[str] = field(default_factory=list)  # reader notes, e.g. formulas without values
    #: row number -> why the reader knows the row is cut short (a text file's last line, unfinished)
    cut_rows: dict[int, str] = field(default_factory=dict)
    #: the merged blocks over these rows (Excel only): their cells other than the top-left are copies
    merged: tuple[MergedBlock, ...] = ()
    #: the columns (0-based positions) the sheet hides (Excel only): mapped only where no visible one fits
    hidden: frozenset[int] = frozenset()
    #: column position -> the currency its cells' number format shows (Excel only: "#,##0.00 [$€-407]")
    currencies: dict[int, str] = field(default_factory=dict)
    #: the lines above the header (a title, "Customer: Delta Legal Inc."), the first on row/line 1
    above: tuple[tuple[object, ...], ...] = ()
    #: column position -> the rows whose cell holds a formula saved with no value (Excel only): read as empty
    uncached: dict[int, frozenset[int]] = field(default_factory=dict)

    @property
    def header_names(self) -> list[str]:
        """Header texts made unique (blank ones named by position) for raw-row JSON."""
        seen: dict[str, int] = {}
        out = []
        for i, h in enumerate(self.header.headers):
            name = h or f"column_{i + 1}"
            if name in seen:
                seen[name] += 1
                name = f"{name} ({seen[name]})"
            else:
                seen[name] = 1
            out.append(name)
        return out


@dataclass
class SkippedSheet:
    """A sheet read but left out, and why (no recognisable header, not configured)."""

    sheet: str
    reason: str
