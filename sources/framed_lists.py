"""Lists drawn with characters, as SAP writes a report to a local file ("unconverted" list output,
ALV lists printed to text): each row framed by "|", rules of dashes between header, body and pages,
cells padded with spaces, and every page repeating its title line and the column header.

`unframe` turns such a text into a "|"-separated table the text reader reads as any other, keeping
every line where it was (a rule, a repeated header or a page title becomes a blank line), so a row's
number is still the line a text editor shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: a row of the list: "|" first and last, whatever the padding
_FRAMED = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$")
#: a rule: dashes (or "=" / "_"), perhaps with "|" or "+" at the joins, nothing else
_RULE = re.compile(r"^[ \t]*[|+]?[-=_]{3,}[-=_+| \t]*$")
#: framed lines among the first lines that make a list (a header and a row at least)
MIN_FRAMED = 2


@dataclass(frozen=True)
class Unframed:
    """The list as a "|"-separated text, and how many lines were left out as page furniture."""

    text: str
    rules: int
    repeated_headers: int
    page_lines: int

    def note(self) -> str:
        parts = [f"{self.rules:,} rule line(s)"]
        if self.repeated_headers:
            parts.append(f"{self.repeated_headers:,} repeated column header(s)")
        if self.page_lines:
            parts.append(f"{self.page_lines:,} page title line(s) between the rows")
        return ("a list drawn with '|' and dashes (SAP's list output): read as '|'-separated, "
                + ", ".join(parts) + " left out")


def is_framed_list(lines: list[str]) -> bool:
    """Whether the first lines of a text are a framed list: rows framed by "|" (a header and a row
    at least) under or between rules of dashes, and no line split by "|" otherwise."""
    framed = rules = other_pipes = 0
    for line in lines:
        if _RULE.match(line):
            rules += 1
        elif _FRAMED.match(line):
            framed += 1
        elif "|" in line:
            other_pipes += 1
    return framed >= MIN_FRAMED and rules >= 1 and other_pipes <= framed // 10


def unframe(text: str) -> Unframed:
    """The list's rows without their frame, one per line as they were; rules, the column header's
    repeats and the lines between pages blank. The text is "\\n"-separated."""
    lines = text.split("\n")
    header: str | None = None
    rules = repeated = page = 0
    in_body = False
    for i, line in enumerate(lines):
        if _RULE.match(line):
            lines[i] = ""
            rules += 1
            continue
        framed = _FRAMED.match(line)
        if framed is None:
            if in_body and line.strip():  # a page's title line ("12.03.2026  Dynamic List Display  2")
                lines[i] = ""
                page += 1
            continue
        row = framed.group(1)
        if header is None:
            header, in_body = row, True
        elif row == header:
            row = ""
            repeated += 1
        lines[i] = row
    return Unframed("\n".join(lines), rules, repeated, page)
