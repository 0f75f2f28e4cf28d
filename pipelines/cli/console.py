"""Plain-text tables and summaries for the terminal (no colour codes: output goes to logs too).

Whatever a command prints passes `terminal_text` (or `say`): names and paths come from files other
people wrote, and an escape sequence in a reseller's name must not drive the terminal.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import TextIO

import pandas as pd

from reports.safe_text import clean_str

_NUMBER = re.compile(r"[-+]?[\d,]*\.?\d+%?")


def table(df: pd.DataFrame, *, index: bool = False) -> str:
    """A DataFrame as aligned text columns two spaces apart with a rule under the header: text
    left-aligned, numbers right-aligned, whole numbers with thousands separators."""
    if df.empty:
        return "(none)"
    frame = df.reset_index() if index else df
    columns: list[tuple[list[str], bool]] = []
    for name in frame.columns:
        values = frame[name]
        whole = pd.api.types.is_integer_dtype(values)
        cells = [str(name)] + ["" if pd.isna(v) else f"{v:,}" if whole else str(v) for v in values.tolist()]
        numeric = ((pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values))
                   or all(_NUMBER.fullmatch(c) for c in cells[1:] if c))  # amounts written as text: "1,234"
        columns.append((cells, numeric))
    widths = [max(len(c) for c in cells) for cells, _ in columns]
    lines = ["  ".join(cells[i].rjust(w) if numeric else cells[i].ljust(w)
                       for (cells, numeric), w in zip(columns, widths, strict=True)).rstrip()
             for i in range(len(frame) + 1)]
    rule = "-" * max(len(line) for line in lines)
    return "\n".join([lines[0], rule, *lines[1:]])


#: what breaks a line of output apart (escape sequences are `terminal_text`'s: removed whole)
_LINE_BREAKERS = re.compile(r"[\x00\t\n\r\x0b\x0c]")


def escape_breaks(text: str) -> str:
    """Text for one line of output, its tabs and line breaks written as escapes ("\\n", "\\t"): a file named
    with a tab or a line break (which a shared folder allows) broke the line it was listed on. Escaped, not
    flattened to spaces as `reports.safe_text.one_line` does for titles: the name shown is the file's."""
    return _LINE_BREAKERS.sub(lambda m: repr(m.group())[1:-1], text)


def bullet(lines: Sequence[str], indent: str = "  ") -> str:
    """Lines as an indented list."""
    return "\n".join(f"{indent}- {line}" for line in lines)


def terminal_text(text: str) -> str:
    """Text safe to print: escape sequences and control characters removed (tab, newline kept)."""
    return clean_str(text)


def say(text: str = "", file: TextIO | None = None) -> None:
    """Print one cleaned block of text (to stdout unless `file`)."""
    print(terminal_text(text), file=file or sys.stdout)
