"""Plain-text tables and summaries for the terminal (no colour codes: output goes to logs too).

Whatever a command prints passes `terminal_text` (or `say`): names and paths come from files other
people wrote, and an escape sequence in a reseller's name must not drive the terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

import pandas as pd

from reports.safe_text import clean_str


def table(df: pd.DataFrame, *, index: bool = False) -> str:
    """A DataFrame as an aligned text table with a header rule."""
    if df.empty:
        return "(none)"
    text = df.to_string(index=index)
    lines = text.splitlines()
    rule = "-" * max(len(line) for line in lines)
    return "\n".join([lines[0], rule, *lines[1:]])


def bullet(lines: Sequence[str], indent: str = "  ") -> str:
    """Lines as an indented list."""
    return "\n".join(f"{indent}- {line}" for line in lines)


def terminal_text(text: str) -> str:
    """Text safe to print: escape sequences and control characters removed (tab, newline kept)."""
    return clean_str(text)


def say(text: str = "", file: TextIO | None = None) -> None:
    """Print one cleaned block of text (to stdout unless `file`)."""
    print(terminal_text(text), file=file or sys.stdout)
