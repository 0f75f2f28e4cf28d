"""Hard limits on what one inbox file may cost and on the values a row may carry.

A file over a size limit is refused before it is parsed (`LimitExceeded`, naming the limit); a
value outside its bounds quarantines only its row. `max_rows` is Excel's own sheet maximum;
`max_cells` is what bounds memory: reading costs about 110 bytes a cell for text files and 170
for workbooks (measured: 1M rows x 7 columns of CSV peak at 0.93 GB), so 10M cells stay within
about 1.5-2 GB. Plain numbers, meant to be set from `sources.yaml`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sources.table import FileReadError

MiB = 1024**2


@dataclass(frozen=True)
class ReadLimits:
    """Per-file size limits (checked before parsing) and per-value bounds (checked per row)."""

    #: bytes on disk of any inbox file (text or workbook)
    max_file_bytes: int = 256 * MiB
    #: rows of one text file (line breaks) or one worksheet (<row> elements); Excel's own maximum
    max_rows: int = 1_048_576
    #: columns (fields) of any row
    max_columns: int = 1_000
    #: rows x columns of one text file or worksheet: what bounds the reader's memory
    max_cells: int = 10_000_000
    #: characters in one field or cell (workbooks: bytes of its stored XML text); 4x Excel's 32,767
    max_cell_chars: int = 131_072
    #: bytes in one physical line of a text file, wherever the line is
    max_line_bytes: int = 1 * MiB
    #: sum of a workbook's declared inflated member sizes (zip bomb guard)
    max_inflated_bytes: int = 1024 * MiB
    #: inflated / compressed size of any one workbook member larger than `ratio_floor_bytes`;
    #: real sheet XML compresses 7-15x, a deflate bomb several hundred times
    max_member_ratio: float = 100.0
    ratio_floor_bytes: int = 1 * MiB
    #: members in one workbook package (a real one has a few dozen)
    max_members: int = 10_000
    #: money (amount, unit_price, list_price): |value| <= this, read to the cent; 1e12 keeps cents
    #: exact in float64 and leaves DECIMAL(18,2) room for sums and products downstream
    max_abs_amount: float = 1e12
    #: quantity: whole numbers with |value| <= this (returns and credit notes are negative)
    max_abs_quantity: int = 10_000_000
    #: any date field, inclusive
    min_date: dt.date = dt.date(1970, 1, 1)
    max_date: dt.date = dt.date(2100, 12, 31)


DEFAULT_LIMITS = ReadLimits()


#: what an operator can do about a genuine file over a limit (a large export, not a hostile one)
RAISE_HINT = " (a genuine file: raise limits: {limit} in sources.yaml)"


class LimitExceeded(FileReadError):
    """A file is over one of the `ReadLimits`; the message names the limit and the measured value."""

    def __init__(self, limit: str, allowed: float, found: float, what: str) -> None:
        self.limit, self.allowed, self.found = limit, allowed, found
        super().__init__(f"refused before parsing: {what} is {_fmt(found)}, over the limit {limit}={_fmt(allowed)}"
                         f"{RAISE_HINT.format(limit=limit)}")


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def check(limit: str, allowed: float, found: float, what: str) -> None:
    """Raise `LimitExceeded` when `found` is over `allowed`."""
    if found > allowed:
        raise LimitExceeded(limit, allowed, found, what)

