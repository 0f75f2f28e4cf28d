"""Write row specs into files, byte-for-byte reproducibly, and report where each row landed.

Every writer returns the 1-based row number a person sees for each data row (header and title
rows included) and the file's count of total and blank rows.
"""

from __future__ import annotations

import csv
import html
import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.xml.constants import ARC_CORE
from openpyxl.xml.functions import tostring

from demo.layouts import Layout
from demo.vocab_channel import README_PROSE

FIXED_TIME = datetime(2026, 11, 1, 6, 0, 0)


@dataclass(frozen=True)
class Written:
    """Where the data rows of one file went."""

    source_rows: np.ndarray
    total_rows: int = 0
    blank_rows: int = 0


def cell_block(df: pd.DataFrame, layout: Layout, text: bool) -> list[list[object]]:
    """The cells of `df` in header order; nulls become "" for text files and None for workbooks."""
    cols = [f"c:{h}" for h in layout.headers]
    block = df[cols].astype(object)
    return block.where(block.notna(), "" if text else None).to_numpy(dtype=object).tolist()


def write_csv(path: Path, layout: Layout, df: pd.DataFrame, bom: bool = False) -> Written:
    """A delimited text file: the header on line 1, one physical line per row."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding=layout.encoding, newline="") as f:
        if bom:
            f.write("\ufeff")
        w = csv.writer(f, delimiter=layout.delimiter, lineterminator="\r\n")
        w.writerow(layout.headers)
        w.writerows(cell_block(df, layout, text=True))
    return Written(np.arange(2, len(df) + 2))


def save_workbook(wb: Workbook, path: Path) -> None:
    """Save with fixed document properties and zip timestamps, so equal content gives equal bytes."""
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "Renewal Radar demo"
    raw = io.BytesIO()
    wb.save(raw)  # stamps `modified` with the clock: put the fixed time back below
    wb.properties.modified = FIXED_TIME
    core = tostring(wb.properties.to_tree())
    path.parent.mkdir(parents=True, exist_ok=True)
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as zin,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            zout.writestr(fixed, core if info.filename == ARC_CORE else zin.read(info.filename))


def _title(ws: object, text: str, width: int) -> None:
    """A title in A1 merged across the table's width."""
    ws.append([text] + [None] * (width - 1))  # type: ignore[attr-defined]
    ws.merged_cells.add(f"A1:{get_column_letter(width)}1")  # type: ignore[attr-defined]


def _total_row(layout: Layout, label: str, total: object) -> list[object]:
    """A total row: the label in one column, the sum in another, the rest empty."""
    row: list[object] = [None] * len(layout.headers)
    row[layout.headers.index(layout.total_label)] = label
    row[layout.headers.index(layout.total_sum)] = total
    return row


def write_pacific(path: Path, layout: Layout, df: pd.DataFrame, period: str) -> Written:
    """A "Read me" sheet, then one sheet per month: title rows, header, data, a Total row."""
    wb = Workbook(write_only=True)
    readme = wb.create_sheet("Read me")
    for line in README_PROSE:
        readme.append([line])
    rows = np.zeros(len(df), dtype=int)
    width = len(layout.headers)
    n_totals = 0
    for sheet, idx in df.groupby("source_sheet", sort=False).indices.items():
        ws = wb.create_sheet(str(sheet))
        _title(ws, "Pacific Supply Co. \u2014 Sell-through report", width)
        ws.append([f"Period: {period}"])
        ws.append([])
        ws.append(list(layout.headers))
        part = df.iloc[idx]
        for r in cell_block(part, layout, text=False):
            ws.append(r)
        rows[idx] = np.arange(5, 5 + len(idx))
        amounts = pd.to_numeric(part[f"c:{layout.total_sum}"], errors="coerce").sum()
        ws.append(_total_row(layout, "Total", round(float(amounts), 2)))
        n_totals += 1
    save_workbook(wb, path)
    return Written(rows, total_rows=n_totals)


def write_tracker(path: Path, layout: Layout, df: pd.DataFrame, title: str) -> Written:
    """A rep's tracker: merged title, blank row, header, customer blocks split by blank rows, TOTAL."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Renewals")
    _title(ws, title, len(layout.headers))
    ws.append([])
    ws.append(list(layout.headers))
    rows = np.zeros(len(df), dtype=int)
    line, blanks = 4, 0
    groups = df.group.to_numpy()
    cells = cell_block(df, layout, text=False)
    for i, r in enumerate(cells):
        if i and groups[i] != groups[i - 1]:
            ws.append([])
            line += 1
            blanks += 1
        ws.append(r)
        rows[i] = line
        line += 1
    ws.append([])
    total = float(np.nansum(df.amount.to_numpy(dtype=float)))
    ws.append(_total_row(layout, "TOTAL", f"${total:,.2f}"))
    save_workbook(wb, path)
    return Written(rows, total_rows=1, blank_rows=blanks + 1)


def write_price_list(path: Path, layout: Layout, df: pd.DataFrame) -> Written:
    """The price list: one sheet, header on row 1."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Price List")
    ws.append(list(layout.headers))
    for r in cell_block(df, layout, text=False):
        ws.append(r)
    save_workbook(wb, path)
    return Written(np.arange(2, len(df) + 2))


def write_html_export(path: Path, layout: Layout, df: pd.DataFrame, title: str) -> Written:
    """A portal's "Export to Excel": an HTML page in the layout's encoding (declared in a <meta>) named
    .xls, a title row over the header, unclosed cells as such exports write them, &nbsp; for an empty
    cell. Data rows start on row 3."""
    path.parent.mkdir(parents=True, exist_ok=True)
    width = len(layout.headers)
    with open(path, "w", encoding=layout.encoding, errors="xmlcharrefreplace", newline="") as f:
        f.write(f'<html xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n<head><meta http-equiv="Content-Type" '
                f'content="text/html; charset={layout.encoding}"></head>\r\n<body><table border="1">\r\n'
                f"<tr><td colspan={width}><b>{html.escape(title)}</b></td></tr>\r\n<tr>")
        f.write("".join(f"<th>{html.escape(h)}" for h in layout.headers) + "</tr>\r\n")
        for row in cell_block(df, layout, text=True):
            f.write("<tr>" + "".join(f"<td>{html.escape(str(v))}" if v != "" else "<td>&nbsp;" for v in row)
                    + "\r\n")
        f.write("</table></body></html>\r\n")
    return Written(np.arange(3, len(df) + 3))
