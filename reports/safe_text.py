"""Text from sources is data, never a formula nor a control code: the one place outputs clean it.

A customer called "=HYPERLINK(...)" or "+1 Corp" must reach a workbook or a CSV as text. In
.xlsx files the cell is written as a string with Excel's own quote prefix (what Excel stores when
a person types a leading apostrophe): it shows the name exactly and stays text when edited. A
CSV has no cell types, so there the text gets a leading apostrophe (OWASP's CSV-injection advice).
Every string any output carries (workbook cells, sheet and document titles, properties, print
headers, CSV, Markdown, the terminal) goes through `clean_text`: terminal escape sequences are
removed whole, then every character XML 1.0 forbids or a terminal acts on (see `_CONTROL`).
"""

from __future__ import annotations

import re

import pandas as pd

FORMULA_LEADERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "\n")
#: terminal escape sequences, removed whole: CSI ("\x1b[31m", also its one-byte form \x9b), OSC
#: ("\x1b]0;title\x07", window titles and hyperlinks), and the two-character ESC sequences
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)
#: what no output may carry: C0 controls but tab and newline (a superset of openpyxl's
#: ILLEGAL_CHARACTERS_RE), DEL and the C1 controls (terminals act on them), the bidirectional
#: embeddings, overrides and isolates (text that reads other than it is stored), lone surrogates
#: (not encodable) and the non-characters U+FFFE and U+FFFF (not XML)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
_NEWLINE = re.compile(r"\r\n?")


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


def clean_str(text: str) -> str:
    """`clean_text` of a string that is never missing (a whole document, a terminal line)."""
    return _CONTROL.sub("", _ESCAPES.sub("", _NEWLINE.sub("\n", text)))


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
