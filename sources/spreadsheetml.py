"""An Excel 2003 XML workbook (SpreadsheetML, written by reporting tools and .NET exporters, often
under .xls) as sheets of typed cells: Number, DateTime, Boolean, String (rich text too), errors named;
ss:Index gaps, MergeAcross/MergeDown as merged blocks, hidden sheets marked.

lxml's parser reports worksheets, rows and the visibility option only; each row is let go once placed.
A workbook declaring a DTD is refused outright, and entities are never expanded.
"""

from __future__ import annotations

import datetime as dt
import io

from lxml import etree

from sources.cell_grid import CellGrid
from sources.limits import ReadLimits, check
from sources.table import FileReadError

#: SpreadsheetML's namespaces: the workbook's cells, and Excel's sheet options (visibility)
SS = "urn:schemas-microsoft-com:office:spreadsheet"
X = "urn:schemas-microsoft-com:office:excel"
#: whole-number floats up to this size become ints, as the workbook readers give them
_EXACT = 2.0**53
_WORKSHEET, _TABLE, _ROW, _CELL, _DATA = (f"{{{SS}}}{t}" for t in ("Worksheet", "Table", "Row", "Cell", "Data"))
_VISIBLE = f"{{{X}}}Visible"  # in a sheet's <WorksheetOptions>: SheetHidden, SheetVeryHidden
_INDEX, _MERGE_ACROSS, _MERGE_DOWN, _TYPE = (f"{{{SS}}}{a}" for a in ("Index", "MergeAcross", "MergeDown", "Type"))
#: a cell's attributes that place it elsewhere than next, or over more than one cell
_PLACING = frozenset({_INDEX, _MERGE_ACROSS, _MERGE_DOWN})


def spreadsheetml_sheets(data: bytes, limits: ReadLimits) -> list[CellGrid]:
    """Each <Worksheet>'s cells by their ss:Index positions, typed by their ss:Type.

    lxml's parser reports worksheets, rows and the visibility option only; a row's cells are read from
    its element at once and the row let go. A DTD is refused outright (entities are never expanded).
    """
    stream = _SheetStream(limits)
    parser = etree.iterparse(io.BytesIO(data), events=("start", "end"), tag=(_WORKSHEET, _ROW, _VISIBLE),
                             resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    try:
        for event, el in parser:
            if not stream.grids:
                _refuse_dtd(el)
            if event == "start":
                stream.start(el)
            else:
                stream.end(el)
    except etree.LxmlError as exc:
        raise FileReadError(f"not a readable Excel 2003 XML workbook: {' '.join(str(exc).split())}") from None
    if not stream.grids:
        raise FileReadError("an XML file with the Excel 2003 namespace but no <Worksheet>")
    return stream.grids


def _refuse_dtd(el: etree._Element) -> None:
    """A workbook declaring a DTD (where entity bombs and external entities live) is not read."""
    info = el.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise FileReadError("refused: its XML declares a DTD or entities (XXE / entity-expansion guard): "
                            f"{info.doctype[:80] or 'an internal DTD subset'}")


class _SheetStream:
    """SpreadsheetML's worksheets, rows and options as they stream in, placed into one grid per
    worksheet; each row is let go once placed, so a big workbook stays small."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits
        self.grids: list[CellGrid] = []
        self.grid: CellGrid | None = None

    def start(self, el: etree._Element) -> None:
        if el.tag == _WORKSHEET:
            name = el.get(f"{{{SS}}}Name") or f"Sheet{len(self.grids) + 1}"
            taken = {g.name for g in self.grids}
            if name in taken:  # Excel never writes two sheets of one name; a hand-made file may
                name = next(f"{name} ({n})" for n in range(2, len(taken) + 3) if f"{name} ({n})" not in taken)
            self.grid = CellGrid(name, f"sheet '{name}'")
            self.grids.append(self.grid)

    def end(self, el: etree._Element) -> None:
        grid = self.grid
        if grid is None:
            return
        if el.tag == _ROW:
            self.row(grid, el)
            el.clear(keep_tail=True)
            while el.getprevious() is not None:
                del el.getparent()[0]
        elif el.tag == _VISIBLE:
            grid.hidden = (el.text or "").strip() in ("SheetHidden", "SheetVeryHidden")
        elif el.tag == _WORKSHEET:
            self.grid = None

    def row(self, grid: CellGrid, el: etree._Element) -> None:
        """One <Row>'s cells: at once when no cell is placed or spans by attribute; else cell by cell."""
        index = _index(el)
        if index is not None:  # checked before the rows it skips are made
            check("max_rows", self.limits.max_rows, index, f"the row index (ss:Index) in {grid.where}")
        grid.start_row(index)
        grid.forget_ended_spans()
        cells = [c for c in el if c.tag == _CELL]
        if not grid.spanned and not any(_PLACING.intersection(c.attrib.keys()) for c in cells):
            typed = [_typed_value(c.find(_DATA)) for c in cells]  # a <Comment>'s own Data is not the cell's
            grid.add_values([v for v, _ in typed], self.limits)
            row = len(grid.rows)
            grid.errors += [(row, i, e) for i, (_, e) in enumerate(typed, start=1) if e]
            return
        for c in cells:
            value, error = _typed_value(c.find(_DATA))
            column = grid.put(value, self.limits, at=_index(c), across=1 + _count(c.get(_MERGE_ACROSS)),
                              down=1 + _count(c.get(_MERGE_DOWN)))
            if error:
                grid.errors.append((len(grid.rows) + 1, column, error))
        grid.end_row()


def _index(el: etree._Element) -> int | None:
    """A row's or cell's ss:Index (1-based position, after skipped empty ones), None when absent."""
    value = el.get(_INDEX)
    if value is None:
        return None
    n = _count(value)
    return n if n >= 1 else None


def _count(value: str | None) -> int:
    try:
        return max(int(str(value).strip()), 0)
    except ValueError:
        return 0


def _typed_value(data: etree._Element | None) -> tuple[object, str | None]:
    """A <Data> element's value as the workbook readers give it (ints, floats, datetimes, booleans,
    text), and the error text when it is an error cell ("#N/A")."""
    if data is None:
        return None, None
    text = data.text or "" if len(data) == 0 else "".join(data.itertext())  # rich text: <B>, <Font> ...
    kind = data.get(_TYPE, "String")
    if kind == "Number":
        try:
            number = float(text)
        except ValueError:
            return text or None, None
        return (int(number) if number.is_integer() and abs(number) < _EXACT else number), None
    if kind == "DateTime":
        try:
            return dt.datetime.fromisoformat(text.strip()), None
        except ValueError:
            return text or None, None
    if kind == "Boolean":
        return text.strip() in ("1", "true", "TRUE"), None
    if kind == "Error":
        return None, text.strip() or "#VALUE!"
    return text or None, None
