"""Workbooks whose package lies in ways every reader would take without a word (the thirty-fifth session's hostile
files): a member written twice, a listed sheet whose part is gone, a row number written twice; and a quantity
column with a few odd cells. Each is a real file written in tmp_path and read as the nightly run reads it."""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path

from tests.sources.hostile import read, read_path, rezip, workbook_sheets

ROW = ["2026-11-{:02d}", "Northwind Partners", "Acme {} Ltd", "C9200L-24P-4G-E", "FCW{:07d}", 1, 1499.0]


def _rows(first: int, n: int) -> list[list[object]]:
    return [[ROW[0].format(k % 28 + 1), ROW[1], ROW[2].format(k), ROW[3], ROW[4].format(k), 1, 1499.0]
            for k in range(first, first + n)]


def _two_sheets(path: Path) -> Path:
    header = ["Invoice Date", "Reseller", "End User", "SKU", "Serial Number", "Qty", "Amount"]
    return workbook_sheets(path, {"Nov 2026": [header, *_rows(1, 12)], "Dec 2026": [header, *_rows(100, 12)]})


def test_a_member_written_twice_refuses_the_file_naming_it(tmp_path: Path) -> None:
    base = _two_sheets(tmp_path / "base.xlsx")
    dst = tmp_path / "twice.xlsx"
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(dst, "w") as zout, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is told to write
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        zout.writestr("xl/worksheets/sheet1.xml", zin.read("xl/worksheets/sheet2.xml"))
    out = read_path(dst)
    assert out.status == "error"
    assert "the package holds xl/worksheets/sheet1.xml twice" in (out.error or "")


def test_a_listed_sheet_whose_part_is_gone_is_named_not_dropped(tmp_path: Path) -> None:
    base = _two_sheets(tmp_path / "base.xlsx")
    dst = tmp_path / "cut.xlsx"
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            if info.filename != "xl/worksheets/sheet2.xml":
                zout.writestr(info.filename, zin.read(info.filename))
    out = read_path(dst)
    assert out.rows_loaded == 12  # the sheet that is there
    skipped = {r.sheet: r.skipped for r in out.sheets if r.skipped}
    assert "its part xl/worksheets/sheet2.xml is not in the file" in skipped["Dec 2026"]
    assert any("sheet 'Dec 2026' is listed in the workbook, but its part" in w for w in out.warnings)


def test_a_row_number_written_twice_refuses_the_file_naming_the_row(tmp_path: Path) -> None:
    base = _two_sheets(tmp_path / "base.xlsx")
    with zipfile.ZipFile(base) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml")
    # the XML of row 13 written again as row 7: the readers would keep one of the two
    row13 = re.search(rb'<row r="13".*?</row>', sheet)
    assert row13 is not None
    again = re.sub(rb'\br="([A-Z]+)13"', rb'r="\g<1>7"', row13.group(0)).replace(b'<row r="13"', b'<row r="7"')
    dst = rezip(base, tmp_path / "row_twice.xlsx", {"xl/worksheets/sheet1.xml": sheet.replace(b"</sheetData>",
                                                                                               again + b"</sheetData>")})
    out = read_path(dst)
    assert out.status == "error"
    assert "sheet 'Nov 2026': row 7 is written twice in the sheet's XML" in (out.error or "")


def test_rows_out_of_order_but_each_once_still_load(tmp_path: Path) -> None:
    base = _two_sheets(tmp_path / "base.xlsx")
    with zipfile.ZipFile(base) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml")
    rows = re.findall(rb'<row r="\d+".*?</row>', sheet)
    shuffled = sheet.replace(b"".join(rows), b"".join([rows[0], *reversed(rows[1:])]))
    out = read_path(rezip(base, tmp_path / "shuffled.xlsx", {"xl/worksheets/sheet1.xml": shuffled}))
    assert out.status == "loaded" and out.rows_loaded == 24


def test_a_few_odd_quantities_cost_only_their_rows(tmp_path: Path) -> None:
    lines = ["Invoice No,Invoice Date,Reseller,End Customer,SKU,Serial,Qty,Amount"]
    for k in range(1, 16):
        qty = {3: "1_0", 7: "1e1", 11: "٣"}.get(k, "1")  # "٣": an Arabic-Indic three
        lines.append(f"INV-{k},2026-03-{k:02d},Northwind,Acme {k} Ltd,SRV-1,FCW{k:06d},{qty},{k * 100}.00")
    out = read(tmp_path, "odd_qty.csv", "\n".join(lines) + "\n")
    assert out.sheets[0].mapping["Qty"] == "quantity"
    # "1_0" is quarantined; "1e1" is ten, as written, and "٣" three, as an Egyptian export writes it (s39)
    assert out.rows_loaded == 14 and out.rows_quarantined == 1
    assert set(out.records["quantity"]) == {1, 3, 10}
