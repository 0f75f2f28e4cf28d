"""Excel workbooks (.xlsx/.xlsm): cached values, merged cells, every sheet. Values come from
python-calamine (sources/excel_calamine.py), else from openpyxl's read-only mode.

Merged ranges are read from the sheet XML's <mergeCells> element (openpyxl's read-only mode does
not expose them), in the one streaming pass that also measures each sheet against the limits; a
merged block's value is spread over all its cells, as a person sees it, and each table carries its
blocks (`RawTable.merged`) so the typer states a merged amount or quantity once (sources/merged_cells.py).
Each sheet's header is found under any title rows; sheets without a recognisable header are reported,
not read.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string, coordinate_to_tuple, get_column_letter, range_boundaries
from openpyxl.worksheet import _reader as openpyxl_reader

from sources.delimited import unprotect_cells
from sources.excel_calamine import CalaminePanic, CalamineSheets, NotLikeOpenpyxl
from sources.folding import fold_word
from sources.headers import (
    HeaderMatch,
    deep_header_note,
    deeper_header_row,
    find_header_row,
    likely_header_hint,
    recognise_header,
)
from sources.hidden_columns import cells_begin, columns_in_table, hidden_ranges
from sources.limits import DEFAULT_LIMITS, ReadLimits, check
from sources.markup_tables import Markup, MarkupSheets, read_markup
from sources.merged_cells import blocks_in_table
from sources.number_formats import currency_styles
from sources.pivot_sheets import label_columns, labels_carried_down
from sources.struck_rows import STRUCK_ROWS, count_struck, struck_rows, struck_styles
from sources.table import FileReadError, RawTable, SkippedSheet
from sources.table_blocks import column_span, side_by_side, stacked_note, stacked_starts, title_start
from sources.workbook_guard import SHARED_ITEM, SheetMeter, check_inflation, check_package, check_shared_strings
from sources.workbook_styles import styles_xml

HEADER_SEARCH_ROWS = 40
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
_SHEET_TAG = re.compile(r"<(?:\w+:)?sheet\b([^>]*)>")
_REL_TAG = re.compile(r"<(?:\w+:)?Relationship\b([^>]*)>")
_TABLE_TAG = re.compile(r"<(?:\w+:)?table\b([^>]*)>")
_ATTR = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')
# anchored on the <f> element (rare) rather than on every <c>; the cell tag is found backwards
_FORMULA = re.compile(
    rb"<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(<(?:\w+:)?v\s*/>|<(?:\w+:)?v>[^<]*</(?:\w+:)?v>)?"
)
_CELL_TAG = re.compile(rb"<(?:\w+:)?c\b([^>]*)>\s*$")
_CELL_REF = re.compile(rb'\sr="([A-Z]+[0-9]+)"')
_VALUE_TEXT = re.compile(rb">[^<]+<")
#: an error cell (t="e": "#N/A", "#REF!" ...), which calamine reads as an empty string
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*\bt=["\']e["\'][^>]*)>(?:(?!</(?:\w+:)?c>).)*?'
                         rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>", re.DOTALL)


class SheetFacts(NamedTuple):
    """What the XML scan finds in one sheet that read-only openpyxl and calamine do not give."""

    merges: list[tuple[int, int, int, int]]  # merged ranges (min_col, min_row, max_col, max_row)
    uncached: list[tuple[int, int]]  # formula cells without a saved value, (row, col)
    hidden: list[tuple[int, int]]  # hidden column ranges (min, max), 1-based sheet columns
    errors: list[tuple[int, int, str]] = []  # error cells (row, col, "#N/A"), 1-based
    pivot: bool = False  # the sheet holds a pivot table (a relationship to a pivotTable part)
    #: 1-based column -> the currency its cells' number format shows ("#,##0.00 [$€-407]"), one per column
    currencies: dict[int, str] = {}
    #: 1-based rows an Excel table (a ListObject) keeps as its totals row: sums and counts of the rows above
    table_totals: tuple[int, ...] = ()
    #: the sheet writes its rows out of order (each once): the streaming readers of the lowest versions allowed
    #: drop rows of such a sheet, so the workbook is read by openpyxl's full reader, which places each cell by
    #: its reference
    unordered: bool = False
    #: 1-based rows the sheet hides (by hand, or an AutoFilter's filtered-out rows): read, and said
    hidden_rows: frozenset[int] = frozenset()
    #: 1-based rows the sheet strikes through (a crossed-out deal): read, and said
    struck_rows: frozenset[int] = frozenset()


_NO_FACTS = SheetFacts([], [], [])
#: a row the sheet hides (`<row r="8" hidden="1">`), and its number
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b([^>]*\bhidden\s*=\s*["\'](?:1|true)["\'][^>]*)>')
_ROW_NUMBER = re.compile(rb'\br\s*=\s*["\'](\d+)["\']')


def check_workbook_file(path: Path, limits: ReadLimits | None = None) -> None:
    """Refuse what openpyxl cannot or should not open (see `workbook_guard.check_package`)."""
    check_package(path, limits or DEFAULT_LIMITS)


def merged_ranges(path: Path) -> dict[str, list[tuple[int, int, int, int]]]:
    """Sheet name -> merged ranges (min_col, min_row, max_col, max_row), read from the XML."""
    return {name: facts.merges for name, facts in _scan_sheets(path).items()}


def _attrs(tag: str) -> dict[str, str]:
    """A start tag's attributes, whatever their order (writers differ)."""
    return dict(_ATTR.findall(tag))


def _part(target: str, folder: str) -> str:
    """The package part a relationship's target names: absolute ("/xl/tables/table1.xml"), or relative to the
    folder of the part that holds the relationship ("../tables/table1.xml" from "xl/worksheets")."""
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"{folder}/{target}")


def _listed_sheets(zf: zipfile.ZipFile, names: set[str]) -> list[tuple[str, str]]:
    """(sheet name as written in workbook.xml, the part its relationship names) of each sheet it lists, in order."""
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return []
    workbook = zf.read("xl/workbook.xml").decode("utf-8", "replace")
    rels = {}
    for tag in _REL_TAG.findall(zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")):
        a = _attrs(tag)
        rels[a.get("Id", "")] = a.get("Target", "")
    out = []
    for tag in _SHEET_TAG.findall(workbook):
        a = _attrs(tag)
        rid = next((v for k, v in a.items() if k == "id" or k.endswith(":id")), "")
        if "name" in a and rels.get(rid):
            out.append((a["name"], _part(rels[rid], "xl")))
    return out


def _sheet_members(zf: zipfile.ZipFile, names: set[str]) -> list[tuple[str, str]]:
    """(sheet name as written in workbook.xml, its part) of each worksheet the package holds, in order."""
    return [(name, member) for name, member in _listed_sheets(zf, names) if member in names]


#: a cell of a shared string, its reference and the string's index ("<c r="D5" s="2" t="s"><v>99999</v>")
_SHARED_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]+[0-9]+)"[^>]*?\bt="s"[^>]*>\s*<(?:\w+:)?v>([0-9]+)<')


def _broken_shared_string(path: Path) -> str | None:
    """Where a workbook's cell names a shared string the package does not hold ("sheet 'POS' cell D5 names
    shared string 99,999; the workbook holds 1"), else None: what to say when a reader fails on it (only then is
    every cell looked at)."""
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        member = next((n for n in names if n.lower().endswith("sharedstrings.xml")), None)
        held = len(SHARED_ITEM.findall(zf.read(member))) if member else 0
        for sheet_name, sheet in _sheet_members(zf, names):
            for cell, index in _SHARED_CELL.findall(zf.read(sheet)):
                if int(index) >= held:
                    return (f"sheet '{_unescape(sheet_name)}' cell {cell.decode()} names shared string "
                            f"{int(index):,}; the workbook holds {held:,}: the system that wrote it broke it; ask "
                            "for it again, or open it in Excel and save it again")
    return None


def _scan_sheets(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> dict[str, SheetFacts]:
    """Sheet name -> its merged ranges, formula cells without a saved value and hidden columns.

    One streaming pass over each sheet's XML; read-only openpyxl exposes none of them. A formula
    written by a library (not Excel) has no cached value and reads as an empty cell; hidden columns
    are declared before the cells, so only the sheet's head is searched for them. The same pass
    measures each sheet against `limits` (rows, width, cell text), before anything is loaded.
    """
    out: dict[str, SheetFacts] = {}
    with zipfile.ZipFile(path) as zf:
        check_shared_strings(zf, limits)
        style_xml = styles_xml(zf)  # read once: the currencies number formats show, the fonts that strike through
        styles = currency_styles(style_xml)
        strikes = struck_styles(style_xml)
        names = set(zf.namelist())
        for sheet_name, member in _sheet_members(zf, names):
            merges: list[tuple[int, int, int, int]] = []
            uncached: set[tuple[int, int]] = set()
            errors: dict[tuple[int, int], str] = {}
            hidden: list[tuple[int, int]] = []
            hidden_rows: set[int] = set()
            styled: dict[tuple[int, str], int] = {}  # (column, currency) -> cells wearing it
            row_cells: dict[int, list[int]] = {}  # row -> [cells, cells struck through]
            in_head = True  # before <sheetData>, where <cols> stands
            tail = b""
            meter = SheetMeter(_unescape(sheet_name), limits)
            with zf.open(member) as fh:
                while chunk := fh.read(1 << 20):
                    buf = tail + chunk
                    meter.feed(buf, len(tail))
                    merges += [range_boundaries(m.decode()) for m in _MERGE.findall(buf)]
                    if in_head:
                        hidden += hidden_ranges(buf)
                        in_head = not cells_begin(buf)
                    for m in _FORMULA.finditer(buf):
                        start = buf.rfind(b"<", 0, max(0, buf.rfind(b">", 0, m.start())) + 1)
                        cell = _CELL_TAG.search(buf, max(0, start), m.start())
                        coord = _CELL_REF.search(cell.group(1)) if cell else None
                        value = m.group(1)
                        text_result = cell is not None and (b't="str"' in cell.group(1) or b"t='str'" in cell.group(1))
                        if coord and (not value or (not _VALUE_TEXT.search(value) and not text_result)):
                            uncached.add(coordinate_to_tuple(coord.group(1).decode()))
                    if styles:
                        _count_styled(buf, styles, styled)
                    if strikes:
                        count_struck(buf, strikes, row_cells)
                    if b't="e"' in buf or b"t='e'" in buf:
                        _note_errors(buf, errors)
                    if b"hidden" in buf:
                        hidden_rows.update(int(n.group(1)) for tag in _HIDDEN_ROW.findall(buf)
                                           if (n := _ROW_NUMBER.search(tag)) is not None)
                    # keep a tail so a tag cut by the chunk boundary is seen whole next time;
                    # matches seen twice are deduplicated
                    tail = buf[-8192:]
            twice = meter.repeated_row()
            if twice is not None:
                raise FileReadError(f"sheet '{_unescape(sheet_name)}': row {twice} is written twice in the sheet's XML "
                                    "(a generator's bug; the readers would keep only the last): ask the sender to "
                                    "export it again")
            folder, _, base = member.rpartition("/")
            sheet_rels = f"{folder}/_rels/{base}.rels"
            relations = zf.read(sheet_rels) if sheet_rels in names else b""
            pivot = b"/pivotTable" in relations
            out[_unescape(sheet_name)] = SheetFacts(
                list(dict.fromkeys(merges)), sorted(uncached), list(dict.fromkeys(hidden)),
                sorted((r, c, text) for (r, c), text in errors.items()), pivot, _column_currencies(styled),
                _table_totals(zf, folder, relations, names), meter.unordered(), frozenset(hidden_rows),
                struck_rows(row_cells))
    return out


def _table_totals(zf: zipfile.ZipFile, folder: str, relations: bytes, names: set[str]) -> tuple[int, ...]:
    """The rows the sheet's Excel tables keep as totals rows (`totalsRowCount` rows at the end of each table's
    `ref`): a "Total" row a person added with the table's checkbox, often with no label ("Count" under a code,
    sums under the amounts), which read as a line would double the amounts."""
    rows: list[int] = []
    for tag in _REL_TAG.findall(relations.decode("utf-8", "replace")):
        a = _attrs(tag)
        if not a.get("Type", "").endswith("/table"):
            continue
        target = a.get("Target", "")
        member = _part(target, folder)
        if member not in names:
            continue
        head = zf.open(member).read(4096).decode("utf-8", "replace")
        table = _TABLE_TAG.search(head)
        if table is None:
            continue
        t = _attrs(table.group(1))
        written = t.get("totalsRowCount", "0")
        count = int(written) if written.isdigit() else 0
        if count and ":" in t.get("ref", ""):
            last = range_boundaries(t["ref"])[3]
            rows += range(last - count + 1, last + 1)
    return tuple(sorted(set(rows)))


def _without_table_totals(rows: list[list[object]], totals: tuple[int, ...]) -> tuple[list[list[object]], list[str]]:
    """`rows` with each Excel table's totals row left blank (so it is no line), and a note for each."""
    notes = []
    for r in totals:
        if 0 < r <= len(rows) and any(v is not None and v != "" for v in rows[r - 1]):
            rows[r - 1] = [None] * len(rows[r - 1])
            notes.append(f"row {r} is an Excel table's totals row: left out")
    return rows, notes


def _note_errors(buf: bytes, errors: dict[tuple[int, int], str]) -> None:
    """The error cells of `buf` ("#N/A"), by (row, column)."""
    for m in _ERROR_CELL.finditer(buf):
        coord = _CELL_REF.search(m.group(1))
        if coord:
            errors[coordinate_to_tuple(coord.group(1).decode())] = m.group(2).decode("utf-8", "replace")


_STYLED_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]+)[0-9]+"[^>]*?\ss="([0-9]+)"|'
                          rb'<(?:\w+:)?c\b[^>]*?\ss="([0-9]+)"[^>]*?\sr="([A-Z]+)[0-9]+"')


def _count_styled(buf: bytes, styles: dict[int, str], styled: dict[tuple[int, str], int]) -> None:
    """Count the cells of `buf` whose style shows a currency, by column and currency (a cell the chunk
    overlap shows twice is counted twice: the counts only choose a column's one currency)."""
    for m in _STYLED_CELL.finditer(buf):
        letters, style = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        code = styles.get(int(style))
        if code:
            key = (column_index_from_string(letters.decode()), code)
            styled[key] = styled.get(key, 0) + 1


def _column_currencies(styled: dict[tuple[int, str], int]) -> dict[int, str]:
    """The columns whose currency-formatted cells show one currency only."""
    seen: dict[int, set[str]] = {}
    for column, code in styled:
        seen.setdefault(column, set()).add(code)
    return {column: codes.pop() for column, codes in seen.items() if len(codes) == 1}


#: a pivot table's headers: its aggregates ("Sum of Renewal Value", "Summe von Betrag", "Somme de
#: Montant", "Suma de Importe", "Som van Bedrag", "Somma di Importo", "Anzahl von") and its row labels
_PIVOT_HEADER = re.compile(
    r"^(sum|count|average|max|min|product|summe|anzahl|mittelwert|somme|nombre|moyenne|suma|cuenta|promedio|"
    r"som|aantal|gemiddelde|somma|conteggio|media) (of|von|de|van|di) \S|^(row labels|column labels|"
    r"zeilenbeschriftungen|spaltenbeschriftungen|etiquettes de lignes|etiquetas de fila|rijlabels|"
    r"etichette di riga)$", re.IGNORECASE)


def is_pivot_header(headers: list[str]) -> bool:
    """Whether a header row is a pivot table's: an aggregate header ("Sum of X") or its row labels."""
    return any(_PIVOT_HEADER.match(" ".join(str(h).split())) for h in headers if h)


def _with_errors(rows: list[list[object]], errors: list[tuple[int, int, str]]) -> list[list[object]]:
    """`rows` with each error cell's text ("#N/A") where the reader left an empty cell (calamine reads
    errors as ""), so both readers give what Excel shows and the typing can name it."""
    for r, c, text in errors:
        if r <= len(rows) and c <= len(rows[r - 1]) and rows[r - 1][c - 1] in (None, ""):
            rows[r - 1][c - 1] = text
    return rows


def _unescape(name: str) -> str:
    return html.unescape(name)


def _openpyxl_rows(ws: Any, limits: ReadLimits = DEFAULT_LIMITS) -> list[list[object]]:
    """All rows of an openpyxl worksheet (read-only, or whole for a sheet written out of order) as lists.

    Rows and cells are counted as they stream in, so a sheet whose cells carry no reference
    (the XML scan cannot see their column) still stops at the limits, not at the memory's end.
    """
    if hasattr(ws, "reset_dimensions"):  # read-only: a wrong declared dimension would silently truncate the sheet
        ws.reset_dimensions()
    # values_only rows start at column A, and a missing row comes back as an empty tuple,
    # so a row's position in this list is its Excel row number - 1
    rows: list[list[object]] = []
    width = 0
    for values in ws.iter_rows(values_only=True):
        rows.append(list(values))
        if len(values) > width:
            width = len(values)
            check("max_columns", limits.max_columns, width, f"the number of columns in sheet '{ws.title}'")
        if len(rows) * width > limits.max_cells:
            check("max_cells", limits.max_cells, len(rows) * width, f"rows x columns in sheet '{ws.title}' (at least)")
    return rows


Ranges = list[tuple[int, int, int, int]]  # merged ranges (min_col, min_row, max_col, max_row), 1-based


def without_banners(merges: Ranges, rows: list[list[object]]) -> Ranges:
    """The merged blocks less the banners: a block from column A across every column of the sheet is a
    title or a footnote line ("Confidential Information - Do Not Distribute" under a Salesforce report),
    not a value of each column, so it keeps its text in its first cell only, as a one-cell line."""
    width = max((len(r) for r in rows), default=0)
    if width < 2:
        return merges
    return [m for m in merges if not (m[0] == 1 and m[2] >= width)]


def _merged(
    rows: list[list[object]], merges: list[tuple[int, int, int, int]], sheet: str, limits: ReadLimits
) -> list[list[object]]:
    """The rows with each merged block filled with its top-left value, as a person sees it."""
    for min_col, min_row, max_col, max_row in merges:
        if min_row > len(rows):
            continue
        check("max_columns", limits.max_columns, max_col, f"the last column of a merged block in sheet '{sheet}'")
        top = rows[min_row - 1]
        value = top[min_col - 1] if min_col - 1 < len(top) else None
        for r in range(min_row, min(max_row, len(rows)) + 1):
            row = rows[r - 1]
            while len(row) < max_col:
                row.append(None)
            for c in range(min_col, max_col + 1):
                if (r, c) != (min_row, min_col):
                    row[c - 1] = value
    return rows


def read_workbook(
    path: Path,
    kind: str,
    *,
    sheets: list[str] | None = None,
    overrides: Mapping[str, str] | None = None,
    header_row: int | None = None,
    limits: ReadLimits | None = None,
) -> tuple[list[RawTable], list[SkippedSheet]]:
    """Read every sheet with a recognisable header (or the configured ones), within `limits`.

    Values come from python-calamine; a workbook it cannot open, or whose values it would give
    otherwise than openpyxl (sources/excel_calamine.py), is read with openpyxl, whose errors name
    what is wrong with a damaged file. A sheet the workbook lists whose part the package lacks (both
    readers leave it out unsaid) is a skipped sheet and a warning.
    """
    tables, skipped = _read_package(path, kind, sheets, overrides, header_row, limits)
    for name, member in _sheets_without_part(path):
        why = (f"listed in the workbook, but its part {member} is not in the file (cut when it was packed): its "
               "rows are not read; ask the sender to save the workbook again")
        skipped.append(SkippedSheet(name, why))
        if tables:
            tables[0].warnings.append(f"sheet '{name}' is {why}")
    return tables, skipped


def _sheets_without_part(path: Path) -> list[tuple[str, str]]:
    """(name, part) of each sheet `xl/workbook.xml` lists whose part the package does not hold."""
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        return [(html.unescape(name), member) for name, member in _listed_sheets(zf, names) if member not in names]


def _read_package(
    path: Path,
    kind: str,
    sheets: list[str] | None,
    overrides: Mapping[str, str] | None,
    header_row: int | None,
    limits: ReadLimits | None,
) -> tuple[list[RawTable], list[SkippedSheet]]:
    limits = limits or DEFAULT_LIMITS
    check_workbook_file(path, limits)
    try:
        facts = _scan_sheets(path, limits)
    except FileReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged package fails in zipfile or the XML scan
        raise FileReadError(f"not a readable workbook: {_root_cause(exc)}") from None
    unordered = any(f.unordered for f in facts.values())
    try:
        fast = None if unordered else CalamineSheets(path)
    except Exception:  # noqa: BLE001 - calamine's errors are terse: openpyxl says what is wrong
        fast = None
    if fast is not None:
        try:
            return _read_sheets(fast, facts, _epoch(path), kind, sheets, overrides, header_row, limits)
        except (FileReadError, NotLikeOpenpyxl):
            pass  # the openpyxl path gives the same error, or the values calamine could not
        except Exception:  # noqa: BLE001 - a sheet calamine fails on: openpyxl's turn
            pass
        finally:
            fast.close()
    try:
        wb = load_workbook(path, read_only=not unordered, data_only=True, keep_links=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for damaged packages
        raise FileReadError(f"not a readable workbook: {_root_cause(exc)}") from None
    try:
        return _read_sheets(_OpenpyxlSheets(wb), facts, wb.epoch, kind, sheets, overrides, header_row, limits)
    except FileReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet part fails in openpyxl's parser
        where = _broken_shared_string(path) if isinstance(_innermost(exc), IndexError) else None
        raise FileReadError(f"workbook damaged while reading: {where or _root_cause(exc)}") from None
    finally:
        wb.close()


#: workbook formats python-calamine reads that openpyxl does not: values only (no merged cells,
#: hidden columns or error cells are known for them)
OTHER_WORKBOOK_SUFFIXES = frozenset({".xls", ".xlsb", ".ods"})


def read_other_workbook(
    path: Path,
    kind: str,
    *,
    sheets: list[str] | None = None,
    overrides: Mapping[str, str] | None = None,
    header_row: int | None = None,
    limits: ReadLimits | None = None,
) -> tuple[list[RawTable], list[SkippedSheet]]:
    """An old binary .xls, an .xlsb or an OpenDocument .ods, read with python-calamine alone."""
    limits = limits or DEFAULT_LIMITS
    check("max_file_bytes", limits.max_file_bytes, path.stat().st_size, "the file's size in bytes")
    if zipfile.is_zipfile(path):  # .xlsb and .ods are zip packages: bounded as an .xlsx is
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
        check("max_members", limits.max_members, len(infos), "the number of members in the workbook package")
        check_inflation(infos, limits)
    try:
        book = CalamineSheets(path)
    except Exception as exc:  # noqa: BLE001 - calamine's own message says what it could not read
        raise FileReadError(
            f"not a readable {path.suffix.lower()} workbook ({_root_cause(exc)}): a password-protected or damaged "
            "file; save it as an unprotected .xlsx") from None
    try:
        return _read_sheets(book, {}, _EPOCH_1900, kind, sheets, overrides, header_row, limits)
    except NotLikeOpenpyxl as exc:
        raise FileReadError(f"a cell this reader cannot give as written ({exc}): save it as .xlsx") from None
    except CalaminePanic as exc:
        raise FileReadError(f"not a readable {path.suffix.lower()} workbook ({exc}): a damaged file; save it as "
                            ".xlsx") from None
    finally:
        book.close()


def read_markup_workbook(
    path: Path,
    kind: str,
    *,
    sheets: list[str] | None = None,
    overrides: Mapping[str, str] | None = None,
    header_row: int | None = None,
    limits: ReadLimits | None = None,
) -> tuple[list[RawTable], list[SkippedSheet], Markup]:
    """A web export (an HTML page, an MHTML archive or an Excel 2003 XML workbook, sources/markup_tables.py)
    read as a workbook: its tables are the sheets, their spans merged blocks, its error cells named."""
    limits = limits or DEFAULT_LIMITS
    check("max_file_bytes", limits.max_file_bytes, path.stat().st_size, "the file's size in bytes")
    book, found = read_markup(path.read_bytes(), limits)
    facts = {name: SheetFacts(book.merges(name), [], [], book.errors(name)) for name in book.names}
    try:
        tables, skipped = _read_sheets(book, facts, _EPOCH_1900, kind, sheets, overrides, header_row, limits)
    finally:
        book.close()
    return tables, skipped, found


class _OpenpyxlSheets:
    """openpyxl's read-only workbook behind the interface of excel_calamine.CalamineSheets."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self.names: list[str] = list(wb.sheetnames)

    def state(self, name: str) -> str:
        ws = self.wb[name]
        if not hasattr(ws, "iter_rows"):
            return "chart"
        return "visible" if getattr(ws, "sheet_state", "visible") == "visible" else "hidden"

    def rows(self, name: str, limits: ReadLimits = DEFAULT_LIMITS) -> list[list[object]]:
        with _non_numbers_as_text():
            return _openpyxl_rows(self.wb[name], limits)


_EPOCH_1900, _EPOCH_1904 = dt.datetime(1899, 12, 30), dt.datetime(1904, 1, 1)
_DATE1904 = re.compile(rb"<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*[\"'](?:1|true)[\"']")


def _epoch(path: Path) -> dt.datetime:
    """The workbook's date system: 1904 for old Mac files (workbookPr date1904), else 1900."""
    with zipfile.ZipFile(path) as zf:
        return _EPOCH_1904 if _DATE1904.search(zf.read("xl/workbook.xml")) else _EPOCH_1900


def _read_sheets(
    book: CalamineSheets | _OpenpyxlSheets | MarkupSheets,
    facts: Mapping[str, SheetFacts],
    epoch: dt.datetime,
    kind: str,
    sheets: list[str] | None,
    overrides: Mapping[str, str] | None,
    header_row: int | None,
    limits: ReadLimits,
) -> tuple[list[RawTable], list[SkippedSheet]]:
    tables: list[RawTable] = []
    skipped: list[SkippedSheet] = []
    hidden_tables: list[tuple[str, str]] = []
    names = book.names
    if sheets is not None:
        missing = [s for s in sheets if s not in names]
        if missing:
            raise FileReadError(f"sheet(s) {missing} not in the workbook (it has {names})")
    templates = template_sheets(names, book.state) if sheets is None else set()
    pivots: list[tuple[str, list[list[object]], int, HeaderMatch, SheetFacts]] = []
    for name in names:
        skip = _not_read(book, name, sheets, kind, overrides, limits, templates)
        if skip is not None:
            skipped.append(skip)
            if skip.reason.startswith((_HIDDEN_TABLE, _TEMPLATE)):  # said in the file's warnings, not only its sheets
                hidden_tables.append((name, skip.reason))
            continue
        sheet_facts = facts.get(name, _NO_FACTS)
        rows = book.rows(name, limits)
        sheet_facts = sheet_facts._replace(merges=without_banners(sheet_facts.merges, rows))
        rows = _with_errors(_merged(rows, sheet_facts.merges, name, limits), sheet_facts.errors)
        rows, totals_notes = _without_table_totals(rows, sheet_facts.table_totals)
        # a configured header_row may lie below the detection window
        search = rows if header_row is not None else rows[:HEADER_SEARCH_ROWS]
        found = find_header_row(search, kind, overrides, header_row)
        deep = found is None and header_row is None
        if deep:
            found = deeper_header_row(rows, HEADER_SEARCH_ROWS, kind, overrides)
        if found is None:
            why = (f"header_row {header_row} is past the end of the sheet" if header_row is not None
                   else EMPTY_SHEET if not any(c not in (None, "") for row in rows for c in row)
                   else f"no recognisable {kind} header in the first {HEADER_SEARCH_ROWS} rows"
                   + likely_header_hint(search))
            skipped.append(SkippedSheet(name, why))
            continue
        idx, match = found
        if sheets is None and (sheet_facts.pivot or is_pivot_header(match.headers)):
            pivots.append((name, rows, idx, match, sheet_facts))
            continue
        found_tables = _sheet_tables(name, rows, idx, match, epoch, kind, overrides, sheet_facts)
        if deep:
            found_tables[0].warnings.append(deep_header_note(idx, HEADER_SEARCH_ROWS))
        found_tables[0].warnings += _rows_note(found_tables, sheet_facts.hidden_rows, _HIDDEN_ROWS)
        found_tables[0].warnings += _rows_note(found_tables, sheet_facts.struck_rows, STRUCK_ROWS)
        for table in found_tables:
            table.warnings.extend(totals_notes)
        tables += found_tables
    tables = tables or [t for p in pivots for t in _pivot_tables(*p, epoch, kind, overrides)]
    skipped += [SkippedSheet(p[0], "a pivot table (it adds up rows another sheet holds; name it under `sheet:` to "
                                   "read it anyway)") for p in pivots if not any(t.sheet == p[0] for t in tables)]
    if tables and hidden_tables:
        tables[0].warnings += [f"sheet '{name}' is {reason}" for name, reason in hidden_tables]
    return tables, skipped


def _pivot_tables(name: str, rows: list[list[object]], idx: int, match: HeaderMatch, facts: SheetFacts,
                  epoch: dt.datetime, kind: str, overrides: Mapping[str, str] | None) -> list[RawTable]:
    """The lines of a pivot table that is a workbook's only table, its group labels carried down
    (`sources.pivot_sheets`): all but the innermost, which each line writes."""
    carried = max(label_columns(match.headers, _PIVOT_HEADER) - 1, 0)
    found = _sheet_tables(name, labels_carried_down(rows, idx, carried), idx, match, epoch, kind, overrides, facts)
    found[0].warnings.append(
        f"sheet '{name}' is a pivot table and the workbook holds no other table: its lines are read, the labels of "
        f"its first {carried} column(s) carried down to the lines of their group (a pivot writes each once)")
    return found


def _rows_note(tables: list[RawTable], marked: frozenset[int], says: str) -> list[str]:
    """A warning naming the rows of the sheet's tables that the sheet marks (hides, strikes through): they are read
    as lines like the others, as a person who looks at the sheet sees them, but nobody should be surprised."""
    rows = sorted({int(r) for t in tables for r in t.row_numbers if int(r) in marked}) if marked else []
    if not rows:
        return []
    shown = ", ".join(str(r) for r in rows[:8]) + (f" and {len(rows) - 8} more" if len(rows) > 8 else "")
    return [f"row{'s' if len(rows) > 1 else ''} {shown} {'are' if len(rows) > 1 else 'is'} {says}"]


_HIDDEN_ROWS = "hidden in the sheet (by hand or by a filter): read as lines like the others"


#: how a hidden sheet holding a table of the source's kind is named
_HIDDEN_TABLE = "hidden, holding a table"
#: how a sheet of a template's examples beside the data is named
_TEMPLATE = "a template or example sheet beside the data"


#: words naming a sheet of examples a workbook's author left beside the data ("Template", "Beispiel", "Ejemplo")
TEMPLATE_SHEET_WORDS = frozenset({
    "template", "templates", "example", "examples", "sample", "samples", "vorlage", "muster", "beispiel",
    "beispiele", "modele", "exemple", "exemples", "plantilla", "ejemplo", "ejemplos", "modelo", "exemplo",
    "exemplos", "esempio", "esempi", "modello", "voorbeeld", "sjabloon", "szablon", "przyklad", "exempel",
    "eksempel", "esimerkki", "malli", "sablon", "minta", "vzor", "priklad", "ornek",
})


def template_sheets(names: list[str], state: Any) -> set[str]:
    """The visible sheets a template word names ("Template", "Example data", "Vorlage"), when another visible sheet
    holds the data: a filled-in template is read, the examples beside real data are not."""
    named = {n for n in names if TEMPLATE_SHEET_WORDS & {fold_word(w) for w in re.findall(r"[^\W\d_]+", n)}}
    others = [n for n in names if n not in named and state(n) == "visible"]
    return named if others else set()


def _not_read(
    book: Any, name: str, sheets: list[str] | None, kind: str, overrides: Mapping[str, str] | None,
    limits: ReadLimits, templates: set[str],
) -> SkippedSheet | None:
    """Why a sheet is not read (not configured, hidden, a chart, a template beside the data), or None to read it. A
    hidden sheet holding a table of the source's kind says how many rows it holds: a month someone hid is said, not
    lost unsaid."""
    if sheets is not None and name not in sheets:
        return SkippedSheet(name, "not configured under `sheet:`")
    if name in templates:
        return SkippedSheet(name, f"{_TEMPLATE}: not read (name it under `sheet:` to read it)")
    state = book.state(name)
    if state == "hidden" and sheets is None:
        held = _hidden_table_rows(book, name, kind, overrides, limits)
        return SkippedSheet(name, f"{_HIDDEN_TABLE} of {held:,} rows: not read (name it under `sheet:` with the "
                                  "visible sheets to read it)" if held else "hidden sheet")
    if state == "chart":
        return SkippedSheet(name, "chart sheet")
    return None


def _hidden_table_rows(
    book: Any, name: str, kind: str, overrides: Mapping[str, str] | None, limits: ReadLimits
) -> int:
    """The filled rows under a recognisable header of a hidden sheet (0 for none): a hidden month's lines are
    not read, but said."""
    try:
        rows = book.rows(name, limits)
    except Exception:  # noqa: BLE001 - a hidden sheet that cannot be read is skipped as it was
        return 0
    found = find_header_row(rows[:HEADER_SEARCH_ROWS], kind, overrides, None)
    if found is None:
        return 0
    return sum(1 for row in rows[found[0] + 1:] if any(c not in (None, "") for c in row))


def _sheet_tables(
    name: str, rows: list[list[object]], idx: int, match: HeaderMatch,
    epoch: dt.datetime, kind: str, overrides: Mapping[str, str] | None, facts: SheetFacts = _NO_FACTS,
) -> list[RawTable]:
    """The tables of one sheet under its header row (0-based `idx`): one per block of tables side
    by side (`table_blocks.side_by_side`), each cut where a header in another order starts a table
    stacked under it (`table_blocks.stacked_starts`), so no row takes fields from two tables."""
    body = rows[idx + 1:]
    width = max([len(match.headers)] + [len(r) for r in body])
    match.headers.extend("" for _ in range(width - len(match.headers)))
    frame = pd.DataFrame(
        [r + [None] * (width - len(r)) for r in body],
        columns=[str(i) for i in range(width)], dtype=object,
    )
    blocks = side_by_side(match.headers, kind, overrides)
    tables: list[RawTable] = []
    for a, b in blocks:
        whole = len(blocks) == 1
        label = name if whole else f"{name} ({column_span(match.headers, a, b)})"
        head = match if whole else recognise_header(match.headers[a:b], overrides, kind)
        cells = frame if whole else frame.iloc[:, a:b].set_axis([str(i) for i in range(b - a)], axis=1)
        blind = [(r, c) for r, c in facts.uncached if a < c <= b]
        top = -1  # the header's position, counted in body rows
        for at in [*stacked_starts(cells, head.headers, kind, overrides), len(cells)]:
            end = at if at == len(cells) else title_start(cells, top + 1, at)
            part = cells.iloc[top + 1:end].reset_index(drop=True)
            tables.append(_raw_table(label, part, idx + 2 + top, head, blind, epoch, a, facts))
            if top < 0:  # the lines above the sheet's header: its title ("Customer: Delta Legal Inc.")
                tables[-1].above = tuple(tuple(r) for r in rows[:idx])
            if at < len(cells):
                row = cells.iloc[at].tolist()
                titled = (idx + 2 + end, idx + 1 + at) if end < at else None
                tables[-1].warnings.append(stacked_note("row", idx + 2 + at, head.headers, row, titled))
                top, head = at, recognise_header(row, overrides, kind)
    if len(blocks) > 1:
        spans = ", ".join(column_span(match.headers, a, b) for a, b in blocks)
        tables[0].warnings.append(f"the sheet holds {len(blocks)} tables side by side under one header row "
                                  f"(columns {spans}); each is read as a table of its own")
    return tables


#: why a sheet without a single filled cell is not read
EMPTY_SHEET = "the sheet holds no cell"


def _raw_table(
    sheet: str, cells: pd.DataFrame, header_row: int, match: HeaderMatch, uncached: list[tuple[int, int]],
    epoch: dt.datetime, offset: int = 0, facts: SheetFacts = _NO_FACTS,
) -> RawTable:
    """The rows `cells` under the header on 1-based `header_row` as one table, whose first column is
    the sheet's column `offset` (0-based), with the sheet's merged blocks and hidden columns over it."""
    width = cells.shape[1]
    if len(match.headers) < width:
        match.headers.extend("" for _ in range(width - len(match.headers)))
    last = header_row + len(cells)
    blind = [(r, c) for r, c in uncached if header_row < r <= last and c - 1 - offset in match.mapping]
    notes = [] if not blind else [(
        f"{len(blind)} formula cell(s) have no saved value and read as empty "
        f"({', '.join(get_column_letter(c) + str(r) for r, c in blind[:5])}"
        f"{', ...' if len(blind) > 5 else ''}): the file was written by a program that "
        "does not calculate formulas; open it in Excel and save it again"
    )]
    # a CSV's "Excel-safe" cells ("'02909", '="02909"') opened and saved as a workbook keep their marks
    cells = unprotect_cells(cells.copy()) if _protected(cells) else cells
    return RawTable(
        sheet=sheet, header_row=header_row, header=match, cells=cells,
        row_numbers=np.arange(header_row + 1, last + 1, dtype=np.int64), epoch=epoch, warnings=notes,
        merged=blocks_in_table(facts.merges, header_row + 1, last, offset, width),
        hidden=columns_in_table(facts.hidden, offset, width),
        currencies={c - 1 - offset: code for c, code in facts.currencies.items() if 0 <= c - 1 - offset < width},
        uncached=_rows_by_column(blind, offset),
    )


def _rows_by_column(cells: list[tuple[int, int]], offset: int) -> dict[int, frozenset[int]]:
    """(row, 1-based sheet column) pairs as table column position -> row numbers."""
    out: dict[int, set[int]] = {}
    for r, c in cells:
        out.setdefault(c - 1 - offset, set()).add(r)
    return {col: frozenset(rows) for col, rows in out.items()}


def _protected(cells: pd.DataFrame, rows: int = 2000) -> bool:
    """Whether a text cell of the first `rows` starts the way an "Excel-safe" export protects a value
    (an apostrophe or "="): such exports protect whole columns, so the head tells."""
    head = cells.head(rows)
    for c in head.columns:
        try:  # vectorised on the text cells; a column of numbers or dates only has no .str
            if head[c].str.startswith(("'", "="), na=False).any():
                return True
        except AttributeError:
            continue
    return False


#: zipfile's KeyError for a part the package lacks
_MISSING_PART = re.compile(r"There is no item named '([^']+)' in the archive")


def _innermost(exc: BaseException) -> BaseException:
    """The exception at the bottom of a chain of causes."""
    while (exc.__cause__ or exc.__context__) is not None:
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return exc


def _root_cause(exc: BaseException) -> str:
    """The innermost cause of an openpyxl failure on one line; XML entities are named as the attack they are."""
    exc = _innermost(exc)
    if type(exc).__module__.startswith("defusedxml"):
        return (f"refused: its XML declares a DTD or entities (XXE / entity-expansion guard): "
                f"{type(exc).__name__}: {exc}")
    missing = _MISSING_PART.search(str(exc)) if isinstance(exc, KeyError) else None
    if missing:
        return (f"its part '{missing.group(1)}' is missing from the package: a damaged file, or one written by a "
                "non-standard tool; open it in Excel and save it again")
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"


@contextmanager
def _non_numbers_as_text() -> Iterator[None]:
    """Read a numeric cell holding "NaN" or "inf" (only a hand-made file has one) as its text.

    openpyxl raises on it, which ends the whole sheet; as text, the cell quarantines its row
    ("not an amount: 'NaN'"), and in a date-formatted cell it becomes openpyxl's "#VALUE!".
    The patch is scoped to one sheet's iteration; without the private names it does nothing.
    """
    module = openpyxl_reader
    cast, to_date = getattr(module, "_cast_number", None), getattr(module, "from_excel", None)
    if cast is None or to_date is None:
        yield
        return

    def tolerant_cast(value: str) -> object:
        try:
            return cast(value)
        except ValueError:
            return value

    def tolerant_date(value: object, *args: object, **kwargs: object) -> object:
        if isinstance(value, str):
            raise ValueError(value)  # noqa: TRY004 - openpyxl catches ValueError and makes an error cell
        return to_date(value, *args, **kwargs)

    module._cast_number, module.from_excel = tolerant_cast, tolerant_date
    try:
        yield
    finally:
        module._cast_number, module.from_excel = cast, to_date
