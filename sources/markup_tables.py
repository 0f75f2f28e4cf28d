"""Web "Excel" exports read as workbooks: an HTML page's tables (SAP, Oracle, Salesforce and many
portals write one under .xls), the same page inside an MHTML archive (SAP's "Excel in MHTML format"),
and an Excel 2003 XML workbook (SpreadsheetML, written by reporting tools and .NET exporters).

This module tells the formats apart; sources/html_tables.py and sources/spreadsheetml.py read them
into cell grids (sources/cell_grid.py), given here behind the interface of
`excel_calamine.CalamineSheets` (sheet names, their state, their rows from row 1 and column A, empty
cells None) with the facts the workbook reader takes from an .xlsx's XML (merged blocks from spans,
error cells), so the header search, stacked tables, merged amounts and the typing are the workbook
reader's own.
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

from sources.cell_grid import CellGrid
from sources.html_tables import html_part, html_tables
from sources.limits import DEFAULT_LIMITS, ReadLimits
from sources.spreadsheetml import SS, spreadsheetml_sheets
from sources.table import FileReadError

#: how far into a file its kind is looked for
HEAD_BYTES = 4096


class Markup(NamedTuple):
    """What kind of markup a file holds and how to name it in a note."""

    kind: str  # html | mhtml | spreadsheetml
    what: str


HTML = Markup("html", "an HTML page (a web export)")
MHTML = Markup("mhtml", "an MHTML web archive (a web export)")
SPREADSHEETML = Markup("spreadsheetml", "an Excel 2003 XML workbook (SpreadsheetML)")


def markup_kind(head: bytes) -> Markup | None:
    """The web-export format a file's first bytes begin, or None for anything else. Any other XML is
    None: it holds no table the readers know."""
    text = _ascii_head(head)
    start = text.lstrip("\ufeff \t\r\n")  # a UTF-16 head keeps its mark as U+FEFF
    if start.lower().startswith("mime-version:") or (
            "content-type: multipart/related" in start.lower()[:1024]):
        return MHTML
    if SS in text or 'progid="excel.sheet"' in text.lower():
        return SPREADSHEETML
    lowered = start.lower()
    if lowered.startswith(("<!doctype html", "<html", "<table", "<head", "<body", "<meta", "<style", "<!--")):
        return HTML
    if lowered.startswith("<?xml") and "<html" in lowered:
        return HTML  # XHTML
    return None


def _ascii_head(head: bytes) -> str:
    """The head as text whatever its encoding: UTF-16 by its byte-order mark, else bytes as Latin-1."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", "replace")
    return head.removeprefix(codecs.BOM_UTF8).decode("latin-1")


class MarkupSheets:
    """A web export's tables as sheets: names, state ('visible' or 'hidden'), rows and facts."""

    def __init__(self, grids: list[CellGrid]) -> None:
        self.grids = {g.name: g for g in grids}
        self.names: list[str] = [g.name for g in grids]

    def state(self, name: str) -> str:
        return "hidden" if self.grids[name].hidden else "visible"

    def rows(self, name: str, limits: ReadLimits = DEFAULT_LIMITS) -> list[list[object]]:
        """Every row of a sheet from row 1, each as wide as the widest (as a workbook reader gives them)."""
        grid = self.grids[name]
        width = max((len(r) for r in grid.rows), default=0)
        return [r + [None] * (width - len(r)) for r in grid.rows]

    def merges(self, name: str) -> list[tuple[int, int, int, int]]:
        """Merged blocks (min_col, min_row, max_col, max_row), 1-based, as an .xlsx declares them."""
        return self.grids[name].merges

    def errors(self, name: str) -> list[tuple[int, int, str]]:
        """Error cells (row, col, "#N/A"), 1-based."""
        return self.grids[name].errors

    def close(self) -> None:
        self.grids.clear()


def read_markup(data: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> tuple[MarkupSheets, Markup]:
    """The sheets of a web export held in `data`; `FileReadError` when it holds none the readers know."""
    found = markup_kind(data[:HEAD_BYTES])
    if found is None:
        raise FileReadError("not a web export: no HTML table or Excel 2003 XML workbook in the file")
    if found is SPREADSHEETML:
        return MarkupSheets(spreadsheetml_sheets(data, limits)), found
    if found is MHTML:
        data = html_part(data)
    grids = html_tables(data, limits)
    if not grids:
        raise FileReadError(f"{found.what} holding no table with any cell")
    return MarkupSheets(grids), found
