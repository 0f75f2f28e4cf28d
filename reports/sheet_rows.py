"""A list's body rows written into a constant-memory XlsxWriter sheet at once: the XML XlsxWriter
writes for each cell, made a column at a time.

At a million source rows the workbooks hold about 6.5 million list cells, and XlsxWriter's calls
for each (its checks, then the cell's XML when the row is flushed) took a third of the workbook
stage's CPU. Here the rows are rendered as XlsxWriter renders them - the same cell references,
style indices, inline strings escaped by XlsxWriter's own functions, numbers in its `.16G`, row
heights in its arithmetic - and appended to the sheet's row data in chunks. XlsxWriter keeps
writing everything else (the header, the total row, styles, the package).

The bulk path relies on how XlsxWriter lays out its row data, which is not its public API. So it is
checked once per process against XlsxWriter's own cells on a sample list (`bulk_matches_xlsxwriter`),
and used only while they are equal byte for byte; a list it does not cover (a date left to
`write_datetime`, text past Excel's limit or in XlsxWriter's rich-text markup, a number that is not
finite) goes through XlsxWriter cell by cell, as does every list when the check fails.
"""

from __future__ import annotations

import functools
import math
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter.utility as xlsx_utility
import xlsxwriter.xmlwriter as xlsx_xml
from xlsxwriter.utility import xl_col_to_name

from reports.xlsx_book import PIXELS_PER_POINT, Book, CellNotWritten, Sheet, check_written

#: rows rendered and appended at a time (the text of one chunk is held, not the list's)
ROW_CHUNK = 2048
#: Excel's longest cell text in UTF-16 units (XlsxWriter cuts longer text and reports it)
MAX_TEXT_UNITS = 32767
#: how a list column is written: text with write_string, numbers (and dates as serials) with write_number
TEXT, NUMBER = "write_string", "write_number"


@dataclass(frozen=True)
class BodyRows:
    """A list's body: per column its cells (None: a styled blank), how they are written (`TEXT`,
    `NUMBER` or another XlsxWriter method) and each row's format; each row's height in points."""

    cells: Sequence[list[Any]]
    writers: Sequence[str]
    formats: Sequence[list[Any]]
    heights: list[float]

    @functools.cached_property
    def distinct_texts(self) -> list[list[Any]]:
        """Each `TEXT` column's distinct values in first-seen order (other columns: none), found once
        for the check of what the bulk path covers and for the XML of each text."""
        return [list(dict.fromkeys(v for v in cells if v is not None)) if writer == TEXT else []
                for cells, writer in zip(self.cells, self.writers, strict=True)]


def write_body(sheet: Sheet, first_row: int, body: BodyRows, bulk: bool | None = None) -> None:
    """Write `body` from row `first_row` (counted from 1) down, one list row per sheet row, each row
    then given its height. `bulk`: None chooses (the bulk path when it covers the list and XlsxWriter
    still writes what it does); True or False forces a path (tests, and the check itself)."""
    if bulk is None:
        bulk = _covered(body) and bulk_matches_xlsxwriter()
    if bulk and body.heights:
        _write_bulk(sheet, first_row, body)
    else:
        _write_cell_by_cell(sheet, first_row, body)


def _write_cell_by_cell(sheet: Sheet, first_row: int, body: BodyRows) -> None:
    """XlsxWriter's own writers, a cell at a time: the reference the bulk path must equal."""
    writers = [getattr(sheet.ws, writer) for writer in body.writers]
    blank = sheet.ws.write_blank
    cells, formats = body.cells, body.formats
    for i, height in enumerate(body.heights):
        r = first_row - 1 + i  # XlsxWriter's rows count from 0
        for c, write in enumerate(writers):
            value = cells[c][i]
            code = blank(r, c, None, formats[c][i]) if value is None else write(r, c, value, formats[c][i])
            if code:
                check_written(code, sheet.name, r + 1, c + 1)
        sheet.height(r + 1, height)


def _covered(body: BodyRows) -> bool:
    """Whether the bulk path writes every cell of `body` as XlsxWriter would, with no cell refused:
    text and numbers only, every format given, no text XlsxWriter cuts or reads as rich text, every
    number finite."""
    for c, (cells, writer, formats) in enumerate(zip(body.cells, body.writers, body.formats, strict=True)):
        if writer not in (TEXT, NUMBER) or any(f is None for f in formats):
            return False
        present = (v for v in cells if v is not None)
        if writer == TEXT:
            if not all(type(v) is str for v in present):
                return False
            for text in body.distinct_texts[c]:
                if (len(text) > MAX_TEXT_UNITS // 2 and len(text.encode("utf-16-le")) // 2 > MAX_TEXT_UNITS) \
                        or (text.startswith("<r>") and text.endswith("</r>")):
                    return False
        elif not all(type(v) in (int, float) and math.isfinite(v) for v in present):
            return False
    return True


def _style_indices(formats: Sequence[list[Any]]) -> list[dict[int, str]]:
    """Per column, each format's style index (by the format's id), given in the order XlsxWriter gives
    them: as a cell first uses a format, row by row and across each row (styles.xml keeps that order)."""
    first_use = []
    for c, column in enumerate(formats):
        for fmt in dict.fromkeys(column):
            first_use.append((column.index(fmt), c, fmt))
    for _, _, fmt in sorted(first_use, key=lambda use: use[:2]):
        fmt._get_xf_index()
    return [{id(fmt): str(fmt._get_xf_index()) for fmt in dict.fromkeys(column)} for column in formats]


def _row_starts(ws: Any, heights: Sequence[float]) -> dict[float, str]:
    """Each distinct height's attributes of <row> after its number, as XlsxWriter's _write_row writes a
    row whose height set_row_pixels set."""
    starts = {}
    for points in dict.fromkeys(heights):
        pixels = points * PIXELS_PER_POINT  # what Sheet.height gives set_row_pixels
        custom = pixels != ws.original_row_height or pixels != ws.default_row_height
        starts[points] = f' ht="{pixels * 0.75:.16g}" customHeight="1">' if custom else ">"
    return starts


@functools.lru_cache(maxsize=1 << 16)
def _text_parts(text: str) -> tuple[str, str]:
    """A text's <t> attribute and content, escaped by XlsxWriter's own functions; kept for the next
    list of the process (names, labels and sentences recur across its workbooks)."""
    xml = _xml_writer()
    escaped = xml._escape_control_characters(text)
    return ' xml:space="preserve"' if xlsx_utility._preserve_whitespace(escaped) else "", xml._escape_data(escaped)


@functools.cache
def _xml_writer() -> Any:
    """XlsxWriter's XML writer, for its escapes of cell text (its private helpers are looked up when
    first used, so an XlsxWriter without them fails the check instead of the import)."""
    return xlsx_xml.XMLwriter()


def _text_xml(texts: list[str]) -> dict[str, tuple[str, str]]:
    """Each distinct text's <t> attribute and content."""
    return {text: _text_parts(text) for text in texts}


def _column_xml(letter: str, numbers: list[str], cells: list[Any], styles: list[str], writer: str,
                texts: dict[str, tuple[str, str]]) -> list[str]:
    """One column's cells of a chunk of rows, as XlsxWriter's _write_cell writes them."""
    if writer == TEXT:
        return [f'<c r="{letter}{n}" s="{s}"/>' if v is None else
                '<c r="{}{}" s="{}" t="inlineStr"><is><t{}>{}</t></is></c>'.format(letter, n, s, *texts[v])
                for n, v, s in zip(numbers, cells, styles, strict=True)]
    return [f'<c r="{letter}{n}" s="{s}"/>' if v is None else f'<c r="{letter}{n}" s="{s}"><v>{v:.16G}</v></c>'
            for n, v, s in zip(numbers, cells, styles, strict=True)]


def _write_bulk(sheet: Sheet, first_row: int, body: BodyRows) -> None:
    """Flush the row XlsxWriter holds, append the body's rows to the sheet's row data, and leave
    XlsxWriter's dimensions and current row as writing the cells one by one would have."""
    ws = sheet.ws
    first, last, width = first_row - 1, first_row - 2 + len(body.heights), len(body.cells)
    if first <= ws.previous_row:  # a row already written, or this one begun: XlsxWriter would refuse
        raise CellNotWritten(f"rows from {first_row} of {sheet.name} come after row {ws.previous_row + 1}")
    for row, col in ((first, 0), (last, width - 1)):
        check_written(ws._check_dimensions(row, col), sheet.name, row + 1, col + 1)
    ws._write_single_row(first)  # the rows before, as XlsxWriter writes a row when a later one begins
    styles = [[by_id[id(fmt)] for fmt in column] for by_id, column in zip(_style_indices(body.formats),
                                                                          body.formats, strict=True)]
    letters = [xl_col_to_name(c) for c in range(width)]
    texts = [_text_xml(distinct) for distinct in body.distinct_texts]
    starts = _row_starts(ws, body.heights)
    for a in range(0, len(body.heights), ROW_CHUNK):
        b = min(a + ROW_CHUNK, len(body.heights))
        numbers = [str(r) for r in range(first + a + 1, first + b + 1)]
        columns = [_column_xml(letters[c], numbers, body.cells[c][a:b], styles[c][a:b], body.writers[c], texts[c])
                   for c in range(width)]
        opens = [f'<row r="{n}"{starts[h]}' for n, h in zip(numbers, body.heights[a:b], strict=True)]
        ws.fh.write("".join(["".join(row) + "</row>" for row in zip(opens, *columns, strict=True)]))
    ws.previous_row = last  # written already: nothing of it is held to flush


# ---- the check ---------------------------------------------------------------------------------

def _sample(book: Book) -> BodyRows:
    """A list with each kind of cell the bulk path writes: text XML must escape, whitespace to keep,
    control characters and Excel's own escapes, numbers of every form .16G takes, styled blanks, formats
    first met on later rows, and heights on and off the default."""
    plain, other, money = (book.fmt({"bold": True, "num_format": f}) for f in ("General", "0%", '"$"#,##0.00'))
    texts = ["Alpha & <Beta>", None, ' lead', 'trail ', 'quote " and \n line', "bell\x07", "_x0041_ kept",
             "Müller – 東京"]
    numbers = [1, None, 0.1, 1e20, -2.5e-7, 123456789012345678, 1234.5, 0.0]
    return BodyRows(cells=[texts, numbers, numbers[::-1]], writers=[TEXT, NUMBER, NUMBER],
                    formats=[[plain] * 8, [money] * 4 + [other] * 4, [other, plain] * 4],
                    heights=[15.0, 27.0, 16.5, 15.0, 40.0, 15.0, 15.0, 15.0])


def _sample_book(path: Path, bulk: bool) -> None:
    with Book(path, "check") as book:
        sheet = book.sheet("S")
        sheet.string(1, 1, "header", book.fmt({"italic": True}))
        sheet.height(1, 30)
        sample = _sample(book)
        write_body(sheet, 2, sample, bulk=bulk)
        sheet.string(len(sample.heights) + 2, 1, "total", book.fmt({"bold": True}))


@functools.cache
def bulk_matches_xlsxwriter() -> bool:
    """Whether the bulk path writes the sample list's sheet and styles exactly as XlsxWriter's own
    cells do (about 10 ms, once per process)."""
    try:
        with tempfile.TemporaryDirectory(prefix="radar-rows-") as tmp:
            paths = [Path(tmp) / "bulk.xlsx", Path(tmp) / "cells.xlsx"]
            _sample_book(paths[0], bulk=True)
            _sample_book(paths[1], bulk=False)
            with zipfile.ZipFile(paths[0]) as bulk, zipfile.ZipFile(paths[1]) as cells:
                return all(bulk.read(m) == cells.read(m) for m in ("xl/worksheets/sheet1.xml", "xl/styles.xml"))
    # another XlsxWriter inside, or no scratch space for the sample: the lists go cell by cell
    except (AttributeError, TypeError, ValueError, KeyError, OSError, CellNotWritten):
        return False
