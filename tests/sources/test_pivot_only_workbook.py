"""A pivot table pasted as the only table of a workbook is read as lines, each group's labels carried down to its
lines and its total lines left out; beside the sheet of rows it adds up, it is still skipped. Workbooks written
here with openpyxl and read as the night does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from tests.sources.hostile import read_path, src

HEADER = ["Reseller", "End Customer", "Invoice Date", "Invoice No", "Product", "Serial No", "Sum of Qty",
          "Sum of Amount"]
PIVOT = [
    ["Systems Ltd", "LUMS", dt.datetime(2026, 3, 29), "KHI-7707", "FG-60F", "FG200FTK00252895", 1, 198145],
    [None, None, None, None, "FAP-231F", "FG100FTK89405652", 1, 234546],
    ["Systems Ltd Total", None, None, None, None, None, 2, 432691],
    ["Techlogix Pakistan", "Engro Fertilizers Ltd", dt.datetime(2026, 3, 7), "KHI-7702", "R0Q76B", "MXQ285N7TY", 1,
     6545182],
    [None, None, None, None, "FC-10-F200F-247-02-12", None, 1, 1038276],
    [None, "LUMS", dt.datetime(2026, 3, 22), "KHI-7705", "FG-60F", "FGT60FTK42846232", 1, 798292],
    ["Techlogix Pakistan Total", None, None, None, None, None, 3, 8381750],
    ["Grand Total", None, None, None, None, None, 5, 8814441],
]


def _book(path: Path, with_rows: bool) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Pivot"
    ws.append(["Month", "Mar-26"])
    ws.append([])
    for row in [HEADER, *PIVOT]:
        ws.append(row)
    if with_rows:
        data = wb.create_sheet("Data")
        data.append(["Reseller", "End Customer", "Invoice Date", "Invoice No", "Product", "Serial No", "Qty", "Amount"])
        data.append(["Systems Ltd", "LUMS", dt.datetime(2026, 3, 29), "KHI-7707", "FG-60F", "FG200FTK00252895", 1,
                     198145])
    wb.save(path)
    return path


def test_a_pivot_alone_is_read_as_lines_its_labels_carried_down(tmp_path: Path) -> None:
    out = read_path(_book(tmp_path / "pivot.xlsx", with_rows=False), src("distributor"))
    assert out.status == "loaded" and out.rows_quarantined == 0
    rec = out.records
    assert list(rec["reseller_name"]) == ["Systems Ltd", "Systems Ltd", "Techlogix Pakistan", "Techlogix Pakistan",
                                          "Techlogix Pakistan"]
    assert list(rec["customer_name"]) == ["LUMS", "LUMS", "Engro Fertilizers Ltd", "Engro Fertilizers Ltd", "LUMS"]
    assert list(rec["invoice_number"]) == ["KHI-7707", "KHI-7707", "KHI-7702", "KHI-7702", "KHI-7705"]
    assert [list(s) if s is not None else None for s in rec["serial_numbers"]][3] in (None, [])  # innermost: not carried
    assert [float(a) for a in rec["amount"]] == [198145, 234546, 6545182, 1038276, 798292]
    assert any("sheet 'Pivot' is a pivot table and the workbook holds no other table" in w for w in out.warnings)


def test_a_pivot_beside_its_rows_is_skipped(tmp_path: Path) -> None:
    out = read_path(_book(tmp_path / "pivot.xlsx", with_rows=True), src("distributor"))
    assert [(t.sheet, t.skipped) for t in out.sheets] == [
        ("Pivot", "a pivot table (it adds up rows another sheet holds; name it under `sheet:` to read it anyway)"),
        ("Data", None)]
    assert len(out.records) == 1
