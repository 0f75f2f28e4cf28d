"""Quotes escaped with a backslash (`"Support \\"Gold\\", 24x7"`), as MySQL's `SELECT ... INTO OUTFILE`, PHP's
`fputcsv` with an escape character and many hand-written exporters write them: the standard reading (a quote is
doubled inside a quoted value) shifts every field after such a value. Found where splitting the first lines with
the backslash as the escape character lines them up better than the standard reading, and rewritten as the
standard doubled quote, so every later step reads the file as any other."""

from __future__ import annotations

import csv
import re
from collections import Counter

#: a backslash and the character it escapes
_ESCAPE = re.compile(r"\\(.)")


def _agreement(lines: list[str], delim: str, **dialect: object) -> int:
    """How many of `lines` split into the most common number of fields (a line per record)."""
    counts = Counter(len(r) for r in csv.reader(lines, delimiter=delim, **dialect) if len(r) > 1)  # type: ignore[arg-type]
    return counts.most_common(1)[0][1] if counts else 0


def escapes_quotes(head: list[str], delim: str) -> bool:
    """Whether the first lines escape quotes with a backslash: a `\\"` is there, and reading with the backslash as
    the escape character lines up as many lines as the standard reading or more (a Windows path ending in a
    backslash, `"C:\\dir\\"`, lines up fewer: read the standard way)."""
    if not any('\\"' in line for line in head):
        return False
    return _agreement(head, delim, escapechar="\\", doublequote=False) >= _agreement(head, delim)


def unescape_quotes(text: str) -> str:
    """The text with `\\"` written as the standard `""` and `\\\\` as one backslash; other escapes stay as written."""
    return _ESCAPE.sub(lambda m: '""' if m.group(1) == '"' else "\\" if m.group(1) == "\\" else m.group(0), text)


BACKSLASH_NOTE = ('quotes inside values are escaped with a backslash (\\", as MySQL and PHP write them): '
                  'read as quotes')
