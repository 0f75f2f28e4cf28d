"""Web "Excel" exports read as workbooks: an HTML page's tables (SAP, Oracle, Salesforce and many
portals write one under .xls), the same page inside an MHTML archive (SAP's "Excel in MHTML format"),
and an Excel 2003 XML workbook (SpreadsheetML, written by reporting tools and .NET exporters).

Each is given behind the interface of `excel_calamine.CalamineSheets` (sheet names, their state, their
rows from row 1 and column A, empty cells None), plus the facts the workbook reader takes from an
.xlsx's XML (`SheetFacts`: merged blocks from colspan/rowspan or MergeAcross/MergeDown, error cells),
so the header search, stacked tables, merged amounts and the typing are the workbook reader's own.
An HTML page's sheets are its tables holding no other table ("table 1", "table 2" ...; a table
that only lays others out is not one); their cells are text, typed later as a CSV's are. Both are
read with lxml's streaming parsers a row at a time (an XML workbook declaring a DTD is refused, and
entities are never expanded), counting rows and cells against the limits as they go.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email
import email.policy
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from lxml import etree

from sources.limits import DEFAULT_LIMITS, ReadLimits, check
from sources.table import FileReadError
from sources.text_bytes import detect_encoding

#: SpreadsheetML's namespaces: the workbook's cells, and Excel's sheet options (visibility)
SS = "urn:schemas-microsoft-com:office:spreadsheet"
X = "urn:schemas-microsoft-com:office:excel"
#: how far into a file its kind and declared character set are looked for
HEAD_BYTES = 4096
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"[^\S\n]+")
#: what a cell's text needs normalised for: two spaces, a line break, a tab, a no-break space
_UNUSUAL_SPACE = re.compile(r"\s\s|[^\S ]")
#: whole-number floats up to this size become ints, as the workbook readers give them
_EXACT = 2.0**53


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


@dataclass
class _Grid:
    """One table's cells as they stream in: rows of values from column 1, the merged blocks its
    colspans and rowspans make, and the columns a rowspan from above still covers."""

    name: str
    #: how messages name it: "table 3" (an HTML page's, counting every table), "sheet 'POS'"
    where: str = ""
    rows: list[list[object]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    errors: list[tuple[int, int, str]] = field(default_factory=list)
    hidden: bool = False
    nested: bool = False  # it holds another table: a layout, not a sheet
    #: column (1-based) -> the last row (1-based) a rowspan from above covers it to
    spanned: dict[int, int] = field(default_factory=dict)
    row: list[object] | None = None
    cells: int = 0

    def start_row(self, index: int | None = None) -> None:
        self.end_row()
        while index is not None and len(self.rows) < index - 1:
            self.rows.append([])
        self.row = []

    def end_row(self) -> None:
        if self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def forget_ended_spans(self) -> None:
        """Drop the rowspans from above that end before the current row."""
        if self.spanned:
            row = len(self.rows) + 1
            self.spanned = {c: last for c, last in self.spanned.items() if last >= row}

    def add_html_row(self, cells: list[etree._Element], limits: ReadLimits) -> None:
        """One <tr>'s cells as a row: a row without spans, under none from above, at once; else cell by cell."""
        self.start_row()
        self.forget_ended_spans()
        plain = not self.spanned and not any(c.get("colspan") or c.get("rowspan") for c in cells)
        if not plain:
            for c in cells:
                self.put(_cell_text(c), limits, across=_span(c.get("colspan"), limits.max_columns),
                         down=_span(c.get("rowspan"), limits.max_rows))
            self.end_row()
            return
        self.add_values([_cell_text(c) for c in cells], limits)

    def add_values(self, values: list[object], limits: ReadLimits) -> None:
        """`values` as the current row, from column 1: a row with no span, under none from above."""
        check("max_columns", limits.max_columns, len(values), f"the number of columns in {self.where}")
        longest = max((len(v) for v in values if isinstance(v, str)), default=0)
        check("max_cell_chars", limits.max_cell_chars, longest,
              f"the characters in a cell of {self.where}, row {len(self.rows) + 1}")
        self.cells += len(values)
        check("max_cells", limits.max_cells, self.cells, f"the cells in {self.where} (at least)")
        check("max_rows", limits.max_rows, len(self.rows) + 1, f"the rows of {self.where}")
        self.row = values
        self.end_row()

    def put(self, value: object, limits: ReadLimits, *, at: int | None = None, across: int = 1,
            down: int = 1) -> int:
        """Place a cell at the next column of the current row no rowspan from above covers (or at
        1-based column `at`), spanning `across` columns and `down` rows, and return its column; a
        span's other cells stay empty (the workbook reader fills them)."""
        if self.row is None:
            self.start_row()
        assert self.row is not None
        r = len(self.rows) + 1
        c = at if at is not None else len(self.row) + 1
        while at is None and self.spanned.get(c, 0) >= r:
            c += 1
        last = c + across - 1
        check("max_columns", limits.max_columns, last, f"the number of columns in {self.where}")
        check("max_cell_chars", limits.max_cell_chars, len(value) if isinstance(value, str) else 0,
              f"the characters in a cell of {self.where}, row {r}")
        self.cells += across
        check("max_cells", limits.max_cells, self.cells, f"the cells in {self.where} (at least)")
        while len(self.row) < last:
            self.row.append(None)
        self.row[c - 1] = value
        if across > 1 or down > 1:
            self.merges.append((c, r, last, r + down - 1))
        if down > 1:
            for col in range(c, last + 1):
                self.spanned[col] = r + down - 1
        if len(self.rows) + 1 > limits.max_rows:
            check("max_rows", limits.max_rows, len(self.rows) + 1, f"the rows of {self.where}")
        return c


class MarkupSheets:
    """A web export's tables as sheets: names, state ('visible' or 'hidden'), rows and facts."""

    def __init__(self, grids: list[_Grid]) -> None:
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
        return MarkupSheets(_spreadsheetml_sheets(data, limits)), found
    if found is MHTML:
        data = _html_part(data)
    grids = _html_tables(data, limits)
    if not grids:
        raise FileReadError(f"{found.what} holding no table with any cell")
    return MarkupSheets(grids), found


# --- HTML ---------------------------------------------------------------------------------------


def _html_part(data: bytes) -> bytes:
    """The first HTML part of an MHTML archive, as bytes in its declared character set (re-declared
    in a <meta> so the HTML parser reads it so)."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                break
            charset = part.get_content_charset()
            if charset and not _CHARSET.search(payload[:HEAD_BYTES]):
                payload = f'<meta charset="{charset}">'.encode("ascii") + payload
            return payload
    raise FileReadError("an MHTML web archive without an HTML part")


def _html_encoding(data: bytes) -> str | None:
    """The page's character set: its byte-order mark, else its <meta> charset (None: the parser reads
    the declaration itself), else UTF-8 when the bytes are valid UTF-8, else the text readers' guess."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if _CHARSET.search(data[:HEAD_BYTES]):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return detect_encoding(data)  # the same guess a CSV's bytes get
    return "utf-8"


def _html_tables(data: bytes, limits: ReadLimits) -> list[_Grid]:
    """Every table of the page holding no other table, in the order they begin, empty ones left out.

    The parser reports tables and the end of each row only; a row's cells are read from its element
    at once, and the row is let go, so a page of a million rows is never held as a tree.
    """
    grids: list[_Grid] = []
    open_tables: list[_Grid] = []
    parser = etree.iterparse(io.BytesIO(data), events=("start", "end"), html=True, encoding=_html_encoding(data),
                             tag=("table", "tr"), recover=True, no_network=True, huge_tree=False)
    for event, el in _html_events(parser):
        if el.tag == "table":
            if event == "start":
                if open_tables:
                    open_tables[-1].nested = True
                number = len(grids) + len(open_tables) + 1
                open_tables.append(_Grid(f"table {number}", f"the page's table {number} (counting every table)"))
            else:
                grids.append(open_tables.pop())
                el.clear(keep_tail=True)  # an enclosing cell's text is its own, not this table's
        elif event == "end" and open_tables:  # a row's end; a row outside any table (broken markup) is dropped
            open_tables[-1].add_html_row([c for c in el if c.tag in ("td", "th")], limits)
            el.clear(keep_tail=True)
            while el.getprevious() is not None:  # the rows read so far
                del el.getparent()[0]
    tables = [g for g in grids if not g.nested and any(v is not None for r in g.rows for v in r)]
    fatal = [e.message for e in parser.error_log if e.level_name == "FATAL"]
    if not tables and fatal:  # the parser gave up (tables nested past its depth limit, say)
        raise FileReadError(f"an HTML page the parser could not read to its end: {fatal[0]}")
    tables.sort(key=lambda g: int(g.name.split()[-1]))
    for i, grid in enumerate(tables, start=1):
        grid.name = f"table {i}"
    return tables


def _html_events(parser: etree.iterparse) -> Iterator[tuple[str, etree._Element]]:
    """The parser's events; a page it cannot parse at all is a `FileReadError` naming the cause."""
    try:
        yield from parser
    except etree.LxmlError as exc:
        raise FileReadError(f"not a readable HTML page: {' '.join(str(exc).split())}") from None


def _span(value: str | None, most: int) -> int:
    """A colspan or rowspan as written ("2", " 3 "), 1 when it is missing, not a number or not
    positive (rowspan="0" means "to the end of the section", read as 1); at most `most`."""
    try:
        n = int(str(value).strip())
    except ValueError:
        return 1
    return min(max(n, 1), most + 1)


def _cell_text(el: etree._Element) -> str | None:
    """A cell's text as a person sees it: a <br> is a line break, runs of spaces (and &nbsp;) are one
    space, each line trimmed; None for a blank cell."""
    if len(el) == 0:  # text only, most cells: trimmed, and normalised only where it needs to be
        text = el.text
        if text is None:
            return None
        if not _UNUSUAL_SPACE.search(text):
            return text.strip() or None
    for br in el.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(el.itertext()).replace("\xa0", " ").split("\n"))
    text = "\n".join(line for line in lines if line)
    return text or None


# --- SpreadsheetML (Excel 2003 XML) -------------------------------------------------------------


_WORKSHEET, _TABLE, _ROW, _CELL, _DATA = (f"{{{SS}}}{t}" for t in ("Worksheet", "Table", "Row", "Cell", "Data"))
_VISIBLE = f"{{{X}}}Visible"  # in a sheet's <WorksheetOptions>: SheetHidden, SheetVeryHidden
_INDEX, _MERGE_ACROSS, _MERGE_DOWN, _TYPE = (f"{{{SS}}}{a}" for a in ("Index", "MergeAcross", "MergeDown", "Type"))
#: a cell's attributes that place it elsewhere than next, or over more than one cell
_PLACING = frozenset({_INDEX, _MERGE_ACROSS, _MERGE_DOWN})


def _spreadsheetml_sheets(data: bytes, limits: ReadLimits) -> list[_Grid]:
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
        self.grids: list[_Grid] = []
        self.grid: _Grid | None = None

    def start(self, el: etree._Element) -> None:
        if el.tag == _WORKSHEET:
            name = el.get(f"{{{SS}}}Name") or f"Sheet{len(self.grids) + 1}"
            self.grid = _Grid(name, f"sheet '{name}'")
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

    def row(self, grid: _Grid, el: etree._Element) -> None:
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
