"""Plain-text tables and summaries for the terminal (no colour codes: output goes to logs too)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd


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
