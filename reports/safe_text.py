"""Text from sources is data, never a formula: the leaders spreadsheets act on, and how to defuse them.

A customer called "=HYPERLINK(...)" or "+1 Corp" must reach a workbook or a CSV as text. In
.xlsx files the cell is written as a string with Excel's own quote prefix (what Excel stores when
a person types a leading apostrophe): it shows the name exactly and stays text when edited. A
CSV has no cell types, so there the text gets a leading apostrophe (OWASP's CSV-injection advice).
"""

from __future__ import annotations

import re

import pandas as pd

FORMULA_LEADERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "\n")
#: control characters (but tab, newline, carriage return): invalid in XML, and terminal escapes
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could read `text` as a formula or a command."""
    return text.startswith(FORMULA_LEADERS)


def clean_text(value: object) -> str | None:
    """None for missing values; else the text with control characters (but tab/newline) removed."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return _CONTROL.sub("", str(value))


def csv_safe(value: object) -> str:
    """Text for a CSV cell: formula leaders prefixed with an apostrophe; missing is ''."""
    text = clean_text(value)
    if text is None:
        return ""
    return "'" + text if is_formula_like(text) else text
