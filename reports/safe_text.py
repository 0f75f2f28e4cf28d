"""Text from sources is data, never a formula nor a control code: the one place outputs clean it.

A customer called "=HYPERLINK(...)" or "+1 Corp" must reach a workbook or a CSV as text. In
.xlsx files the cell is written as a string with Excel's own quote prefix (what Excel stores when
a person types a leading apostrophe): it shows the name exactly and stays text when edited. A
CSV has no cell types, so there the text gets a leading apostrophe (OWASP's CSV-injection advice).
Every string any output carries (workbook cells, sheet and document titles, properties, print
headers, CSV, Markdown, the terminal) goes through `clean_text`: terminal escape sequences are
removed whole, then every character XML 1.0 forbids or a terminal acts on (warehouse.text_hygiene,
which the warehouse's generated docs use too). XlsxWriter, which writes the workbooks, strips nothing
itself: a workbook cell's text is `cell_text` (cleaned, and cut to what a cell holds), written with
write_string, so it stays a string whatever it looks like ("=1+1", "00123", "1e5").
"""

from __future__ import annotations

import pandas as pd

from warehouse.text_hygiene import clean_str

__all__ = ["CELL_MAX_UNITS", "FORMULA_LEADERS", "cell_text", "clean_str", "clean_text", "csv_safe", "is_formula_like",
           "one_line"]

FORMULA_LEADERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could read `text` as a formula or a command."""
    return text.startswith(FORMULA_LEADERS)


def clean_text(value: object) -> str | None:
    """None for missing values; else the text without escape sequences and control characters
    (tab and newline kept; a carriage return becomes a newline)."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return clean_str(str(value))


def one_line(value: object) -> str:
    """Cleaned text on one line (titles, document properties, print headers): tabs and line breaks
    become spaces; missing is ''."""
    text = clean_text(value)
    return "" if text is None else " ".join(text.replace("\t", " ").split("\n")).strip()


def csv_safe(value: object) -> str:
    """Text for a CSV cell: formula leaders prefixed with an apostrophe; missing is ''."""
    text = clean_text(value)
    if text is None:
        return ""
    return "'" + text if is_formula_like(text) else text


#: the most text one spreadsheet cell holds, in UTF-16 code units (Excel's limit)
CELL_MAX_UNITS = 32_767


def cell_text(value: object) -> str | None:
    """`clean_text` for a workbook cell: cut to what a cell holds (CELL_MAX_UNITS; a pair of
    surrogates is never split), where XlsxWriter would cut it without saying where."""
    text = clean_text(value)
    if text is None or len(text) <= CELL_MAX_UNITS // 2:
        return text
    units = text.encode("utf-16-le")
    if len(units) <= 2 * CELL_MAX_UNITS:
        return text
    return units[:2 * CELL_MAX_UNITS].decode("utf-16-le", errors="ignore")
