"""Rows a sheet strikes through: a rep crosses out a lost deal with a strikethrough font rather than deleting it.

Such rows are read as lines (what the sheet holds), as hidden rows are, and named in a warning so nobody is
surprised by a crossed-out deal among the renewals. Found in `xl/styles.xml` (the fonts with `<strike/>` and the
cell styles that use them), then the cells of a sheet that wear such a style, row by row (`excel._scan_sheets`,
only for workbooks that have one).
"""

from __future__ import annotations

import re

from sources.workbook_styles import cell_styles

_FONTS = re.compile(r"<(?:\w+:)?fonts\b[^>]*>(.*?)</(?:\w+:)?fonts>", re.DOTALL)
_FONT = re.compile(r"<(?:\w+:)?font\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?font>)", re.DOTALL)
_STRIKE = re.compile(r"<(?:\w+:)?strike\b(?![^>]*\bval=\"(?:0|false)\")[^>]*/?>")
#: a cell tag: its row, and its style where it has one
_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*?)/?>')
_ROW_OF = re.compile(rb'\sr="[A-Z]+([0-9]+)"')
_STYLE_OF = re.compile(rb'\ss="([0-9]+)"')
#: the share of a row's cells struck through that makes the row struck (a rep strikes the whole line)
STRUCK_SHARE = 0.8


def struck_styles(xml: str) -> frozenset[int]:
    """The cell style indexes (a cell's `s`) whose font strikes its text through; `xml` is the workbook's
    `xl/styles.xml` (`workbook_styles.styles_xml`)."""
    fonts = _FONTS.search(xml)
    if fonts is None:
        return frozenset()
    struck = {str(i) for i, m in enumerate(_FONT.finditer(fonts.group(1))) if m.group(1) and _STRIKE.search(m.group(1))}
    if not struck:
        return frozenset()
    return frozenset(i for i, attrs in enumerate(cell_styles(xml)) if attrs.get("fontId") in struck)


def count_struck(buf: bytes, styles: frozenset[int], cells: dict[int, list[int]]) -> None:
    """Count, per row of `buf`, its cells and those struck through (row -> [cells, struck]); a cell the chunk
    overlap shows twice counts twice on both sides, which the share allows."""
    for m in _CELL.finditer(buf):
        attrs = m.group(1)
        row = _ROW_OF.search(attrs)
        if row is None:
            continue
        counts = cells.setdefault(int(row.group(1)), [0, 0])
        counts[0] += 1
        style = _STYLE_OF.search(attrs)
        if style is not None and int(style.group(1)) in styles:
            counts[1] += 1


def struck_rows(cells: dict[int, list[int]]) -> frozenset[int]:
    """The rows of two struck cells or more, nearly all their cells struck."""
    return frozenset(r for r, (n, s) in cells.items() if s >= 2 and s >= STRUCK_SHARE * n)


#: what the warning says of a table's struck rows (`excel._rows_note` names them)
STRUCK_ROWS = ("struck through in the sheet (a deal crossed out?): read as lines like the others; delete them from "
               "the sheet, or mark them in a status column, to leave them out")
