"""Excel workbooks (.xlsx/.xlsm) with openpyxl: read-only, cached values, merged cells, every sheet.

openpyxl's read-only mode keeps memory flat but does not expose merged ranges, so those are read
from the sheet XML's <mergeCells> element; a merged block's value is spread over all its cells,
as a person sees it. Each sheet's header is found under any title rows; sheets without a
recognisable header are reported, not read.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from sources.headers import find_header_row
from sources.table import FileReadError, RawTable, SkippedSheet

HEADER_SEARCH_ROWS = 40
MAX_UNCOMPRESSED = 2 * 1024**3  # a workbook inflating past 2 GiB is refused (zip bomb guard)
MAX_RATIO = 200
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
_SHEET_REL = re.compile(r'<(?:\w+:)?sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_REL = re.compile(r'<Relationship\b[^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"')


def check_workbook_file(path: Path) -> None:
    """Refuse what openpyxl cannot or should not open, with a message a person understands."""
    with open(path, "rb") as fh:
        magic = fh.read(8)
    if magic == _OLE2:
        raise FileReadError(
            "this is an OLE2 file: a password-protected workbook or an old .xls; "
            "save it as an unprotected .xlsx"
        )
    if not zipfile.is_zipfile(path):
        raise FileReadError("not a valid .xlsx: the file is truncated or corrupt (no zip directory)")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            bad = zf.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise FileReadError(f"not a valid .xlsx: truncated or corrupt zip ({exc})") from None
    if bad is not None:
        raise FileReadError(f"not a valid .xlsx: corrupt member {bad}")
    total = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO and total > 50 * 1024**2:
        raise FileReadError(f"refused: the workbook inflates to {total:,} bytes (zip bomb guard)")


def merged_ranges(path: Path) -> dict[str, list[tuple[int, int, int, int]]]:
    """Sheet name -> merged ranges (min_col, min_row, max_col, max_row), read from the XML."""
    out: dict[str, list[tuple[int, int, int, int]]] = {}
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return out
        workbook = zf.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = dict(_REL.findall(zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")))
        for sheet_name, rid in _SHEET_REL.findall(workbook):
            target = rels.get(rid, "")
            member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            if member not in names:
                continue
            found: list[tuple[int, int, int, int]] = []
            tail = b""
            with zf.open(member) as fh:
                while chunk := fh.read(1 << 20):
                    buf = tail + chunk
                    found += [range_boundaries(m.decode()) for m in _MERGE.findall(buf)]
                    tail = buf[-200:] if not _MERGE.search(buf[-200:]) else b""
            out[_unescape(sheet_name)] = list(dict.fromkeys(found))
    return out


def _unescape(name: str) -> str:
    return name.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")


def _sheet_rows(ws: object, merges: list[tuple[int, int, int, int]]) -> list[list[object]]:
    """All rows of a read-only worksheet as lists, merged blocks filled with their value."""
    ws.reset_dimensions()  # a wrong declared dimension would silently truncate the sheet
    # values_only rows start at column A, and a missing row comes back as an empty tuple,
    # so a row's position in this list is its Excel row number - 1
    rows: list[list[object]] = [list(values) for values in ws.iter_rows(values_only=True)]
    for min_col, min_row, max_col, max_row in merges:
        if min_row > len(rows):
            continue
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
) -> tuple[list[RawTable], list[SkippedSheet]]:
    """Read every sheet with a recognisable header (or the configured ones)."""
    check_workbook_file(path)
    try:
        merges = merged_ranges(path)
        wb = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except FileReadError:
        raise
    except Exception as exc:  # openpyxl raises many types for damaged packages
        raise FileReadError(f"not a readable workbook: {type(exc).__name__}: {exc}") from None
    tables: list[RawTable] = []
    skipped: list[SkippedSheet] = []
    try:
        names = wb.sheetnames
        if sheets is not None:
            missing = [s for s in sheets if s not in names]
            if missing:
                raise FileReadError(f"sheet(s) {missing} not in the workbook (it has {names})")
        for name in names:
            if sheets is not None and name not in sheets:
                skipped.append(SkippedSheet(name, "not configured under `sheet:`"))
                continue
            ws = wb[name]
            if getattr(ws, "sheet_state", "visible") != "visible" and sheets is None:
                skipped.append(SkippedSheet(name, "hidden sheet"))
                continue
            if not hasattr(ws, "iter_rows"):
                skipped.append(SkippedSheet(name, "chart sheet"))
                continue
            rows = _sheet_rows(ws, merges.get(name, []))
            found = find_header_row(rows[:HEADER_SEARCH_ROWS], kind, overrides, header_row)
            if found is None:
                skipped.append(SkippedSheet(name, f"no recognisable {kind} header in the first {HEADER_SEARCH_ROWS} rows"))
                continue
            idx, match = found
            body = rows[idx + 1:]
            width = max([len(match.headers)] + [len(r) for r in body])
            match.headers.extend("" for _ in range(width - len(match.headers)))
            frame = pd.DataFrame(
                [r + [None] * (width - len(r)) for r in body],
                columns=[str(i) for i in range(width)], dtype=object,
            )
            tables.append(RawTable(
                sheet=name, header_row=idx + 1, header=match, cells=frame,
                row_numbers=np.arange(idx + 2, idx + 2 + len(body), dtype=np.int64), epoch=wb.epoch,
            ))
    except FileReadError:
        raise
    except Exception as exc:
        raise FileReadError(f"workbook damaged while reading: {type(exc).__name__}: {exc}") from None
    finally:
        wb.close()
    return tables, skipped
