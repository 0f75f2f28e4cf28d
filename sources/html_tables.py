"""An HTML page's tables as sheets of text cells (SAP, Oracle, Salesforce and distributor portals write
one under .xls), and the page inside an MHTML archive (SAP's "Excel in MHTML format").

Each table holding no other table is a sheet ("table 1", "table 2" ...; a table that only lays others
out is not one); colspan and rowspan are merged blocks; a cell's text is what a person sees (a <br> a
line break, runs of spaces one). lxml's HTML parser reports tables and row ends only, and each row is
let go once placed, so a page of a million rows is never held as a tree.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import io
import re
from collections.abc import Iterator

from lxml import etree

from sources.cell_grid import CellGrid
from sources.limits import ReadLimits
from sources.table import FileReadError
from sources.text_bytes import detect_encoding

#: how far into a page its declared character set is looked for
CHARSET_BYTES = 4096
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"[^\S\n]+")
#: what a cell's text needs normalised for: two spaces, a line break, a tab, a no-break space
_UNUSUAL_SPACE = re.compile(r"\s\s|[^\S ]")


def html_part(data: bytes) -> bytes:
    """The first HTML part of an MHTML archive, as bytes in its declared character set (re-declared
    in a <meta> so the HTML parser reads it so)."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                break
            charset = part.get_content_charset()
            if charset and not _CHARSET.search(payload[:CHARSET_BYTES]):
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
    if _CHARSET.search(data[:CHARSET_BYTES]):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return detect_encoding(data)  # the same guess a CSV's bytes get
    return "utf-8"


def html_tables(data: bytes, limits: ReadLimits) -> list[CellGrid]:
    """Every table of the page holding no other table, in the order they begin, empty ones left out.

    The parser reports tables and the end of each row only; a row's cells are read from its element
    at once, and the row is let go, so a page of a million rows is never held as a tree.
    """
    grids: list[CellGrid] = []
    open_tables: list[CellGrid] = []
    encoding = _html_encoding(data)
    if encoding not in (None, "utf-8", "utf-16"):  # a guessed legacy code page: Python's codecs know more of them
        data, encoding = data.decode(encoding, "replace").encode("utf-8"), "utf-8"
    parser = etree.iterparse(io.BytesIO(data), events=("start", "end"), html=True, encoding=encoding,
                             tag=("table", "tr"), recover=True, no_network=True, huge_tree=False)
    for event, el in _html_events(parser):
        if el.tag == "table":
            if event == "start":
                if open_tables:
                    open_tables[-1].nested = True
                number = len(grids) + len(open_tables) + 1
                open_tables.append(CellGrid(f"table {number}", f"the page's table {number} (counting every table)"))
            else:
                grids.append(open_tables.pop())
                el.clear(keep_tail=True)  # an enclosing cell's text is its own, not this table's
        elif event == "end" and open_tables:  # a row's end; a row outside any table (broken markup) is dropped
            _add_row(open_tables[-1], [c for c in el if c.tag in ("td", "th")], limits)
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
    except LookupError as exc:  # the character set its <meta> declares is one the parser does not know
        raise FileReadError(f"an HTML page in a character set this reader does not know ({exc}): "
                            "save it as UTF-8") from None


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
    try:
        if len(el) == 0:  # text only, most cells: trimmed, and normalised only where it needs to be
            text = el.text
            if text is None:
                return None
            if not _UNUSUAL_SPACE.search(text):
                return text.strip() or None
        whole = "".join(_shown(el))
    except UnicodeDecodeError:  # bytes the parser kept undecoded (a damaged page, older libxml2): shown replaced
        whole = etree.tostring(el, method="text", encoding="utf-8", with_tail=False).decode("utf-8", "replace")
    lines = (_SPACES.sub(" ", line).strip() for line in whole.replace("\xa0", " ").split("\n"))
    text = "\n".join(line for line in lines if line)
    return text or None


def _shown(el: etree._Element) -> Iterator[str]:
    """The text inside an element as a browser shows it: a <br> a line break, comments left out."""
    yield el.text or ""
    for child in el:
        if child.tag == "br":
            yield "\n"
        elif isinstance(child.tag, str):  # a comment's or processing instruction's tag is not text
            yield from _shown(child)
        yield child.tail or ""


def _add_row(grid: CellGrid, cells: list[etree._Element], limits: ReadLimits) -> None:
    """One <tr>'s cells as a row: a row without spans, under none from above, at once; else cell by cell."""
    grid.start_row()
    grid.forget_ended_spans()
    plain = not grid.spanned and not any(c.get("colspan") or c.get("rowspan") for c in cells)
    if not plain:
        for c in cells:
            grid.put(_cell_text(c), limits, across=_span(c.get("colspan"), limits.max_columns),
                     down=_span(c.get("rowspan"), limits.max_rows))
        grid.end_row()
        return
    grid.add_values([_cell_text(c) for c in cells], limits)
