"""Text tables aligned in columns of spaces (fixed-width exports: AS/400 and mainframe spools, ERP
reports printed to a file, SAP lists saved without frames), read when no delimiter splits the lines.

Where each column lies is drawn by a rule of dash groups under the header, when there is one ("------ ----":
each group a column's width), else found from the blanks the header and the rows below it share: a position
no line fills separates two columns. The text is then cut into tab-separated lines, every line where
it was (rules of dashes blank), so the text reader reads it as any other file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: a rule under a header or between pages: dashes, "=" or "_" (with spaces) alone
_RULE = re.compile(r"^[ \t]*[-=_][-=_ \t]{2,}\r?$")  # a line of a CRLF text keeps its "\r"
_DIGITS = re.compile(r"\d+")
#: one space between two words of a header: inside a column's name, never between two columns
_WORD_GAP = re.compile(r"(?<=\S) (?=\S)")
#: columns a table needs, and rows under its header, for the alignment to be evidence
MIN_COLUMNS = 3
MIN_ROWS = 2
#: header lines tried, and the rows under a header its columns are found from
HEADERS_TRIED = 20
ROWS_SEEN = 200
#: characters of the widest line a fixed-width table is looked for in
MAX_WIDTH = 4096


@dataclass(frozen=True)
class Columns:
    """Where a fixed-width table's columns lie ([start, end) character positions) and its header line."""

    spans: tuple[tuple[int, int], ...]
    header_line: int  # 0-based, in the lines the spans were found in
    ruled: bool = False  # drawn by the rule of dash groups under the header

    def note(self) -> str:
        where = ("where the rule of dashes under the header parts its columns" if self.ruled
                 else "where the header and the rows below it leave a gap")
        return (f"a table aligned in {len(self.spans)} columns of spaces (a fixed-width export): each line is cut "
                f"{where}")


def find_columns(lines: list[str]) -> Columns | None:
    """The header line among `lines` a rule of at least three dash groups underlines, else the first under which
    the rows line up in at least three columns the header names (a report's title block above it is no header),
    or None when nothing does."""
    if any(len(line) > MAX_WIDTH for line in lines):
        return None  # no report is printed that wide; finding columns would cost a pass per character
    tried = 0
    first: Columns | None = None
    for i, line in enumerate(lines):
        if not line.strip() or _RULE.match(line):
            continue
        tried += 1
        if tried > HEADERS_TRIED:
            break
        if len(_rows_below(lines, i)) < MIN_ROWS:
            continue
        ruled = _ruled_spans(lines, i)
        if ruled:
            return Columns(tuple(ruled), i, True)
        if first is None:
            header = line.expandtabs()
            spans = _spans([header, *_rows_below(lines, i)], header=header)
            first = Columns(tuple(spans), i) if len(spans) >= MIN_COLUMNS else None
    return first


#: one dash group of a rule under a header: a column's width ("------------ ----------")
_DASHES = re.compile(r"[-=_]+")


def _ruled_spans(lines: list[str], header: int) -> list[tuple[int, int]]:
    """The columns a rule of dash groups right under the header draws (a report printed to a file: each group is a
    column's width, and one space parts them even where a value fills its column), or [] with no such rule."""
    rule = lines[header + 1].expandtabs() if header + 1 < len(lines) else ""
    if not _RULE.match(rule):
        return []
    starts = [m.start() for m in _DASHES.finditer(rule)]
    if len(starts) < MIN_COLUMNS:
        return []
    return [(a, starts[k + 1] if k + 1 < len(starts) else 1 << 30) for k, a in enumerate(starts)]


def _rows_below(lines: list[str], header: int) -> list[str]:
    """The lines under a header up to the first blank line (a rule right under it skipped)."""
    rows: list[str] = []
    for line in lines[header + 1:header + 1 + ROWS_SEEN]:
        if _RULE.match(line):
            if rows:
                break
            continue
        if not line.strip():
            break
        rows.append(line.expandtabs())
    return rows


def _spans(lines: list[str], header: str) -> list[tuple[int, int]]:
    """Runs of positions some line fills, between positions every line leaves blank. A single space
    between two words of the header does not part columns ("Invoice No", "Qty Ordered"); a run the
    header leaves blank holds later words of the value before it ("... Pharmaceuticals LLC")."""
    width = max(len(line) for line in lines)
    filled = [False] * width
    for line in lines:
        for at, ch in enumerate(line):
            if ch != " ":
                filled[at] = True
    for m in _WORD_GAP.finditer(header):
        filled[m.start()] = True
    runs: list[tuple[int, int]] = []
    start = None
    for at, on in enumerate([*filled, False]):
        if on and start is None:
            start = at
        elif not on and start is not None:
            runs.append((start, at))
            start = None
    if not runs or not header[runs[0][0]:runs[0][1]].strip():
        return []  # values left of the first header word: not a table under this line
    starts = [a for a, b in runs if header[a:b].strip()]
    # each column runs to the next one's start, so a longer value further down is not cut
    return [(a, starts[k + 1] if k + 1 < len(starts) else 1 << 30) for k, a in enumerate(starts)]


def cut_lines(text: str, columns: Columns) -> tuple[str, str]:
    """Every line of `text` cut at the columns into tab-separated cells (tabs inside a cell become
    spaces), and a note. Rules and blank lines are blank, and so are the page furniture a spool repeats
    on every page: the header again, and the lines above the first header (a report's title, its run
    date) again with other digits (the page number); each row keeps its line number."""
    lines = text.split("\n")
    head = columns.header_line
    furniture = {_furniture_key(line) for line in lines[:head] if line.strip()}
    header = lines[head].strip() if head < len(lines) else ""
    out, repeated = [], 0
    for at, line in enumerate(lines):
        if not line.strip() or _RULE.match(line):
            out.append("")
            continue
        if at > head and (line.strip() == header or _furniture_key(line) in furniture):
            out.append("")
            repeated += 1
            continue
        line = line.expandtabs()
        out.append("\t".join(line[a:b].strip() for a, b in columns.spans))
    note = columns.note() + (f"; {repeated:,} page title or header line(s) repeated on later pages left out"
                             if repeated else "")
    return "\n".join(out), note


def _furniture_key(line: str) -> str:
    """A line as a page repeats it: digits (a page number, a time) and the form feed aside."""
    return _DIGITS.sub("#", " ".join(line.replace("\f", "").split()))
