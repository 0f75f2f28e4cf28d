"""A workbook with one sheet per reseller (or per customer) and no column naming it: the sheet's name is the party on
every row, with a note; sheets named "Sheet1" or for months name no party, and still ask for a mapping. Workbooks
written here with openpyxl and read as the night does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.sources.hostile import read_path, src

HEADER = ["Invoice Date", "Invoice No.", "End Customer Name", "Product Code", "Serial Numbers", "Qty", "Line Total"]


def _book(path: Path, sheets: list[str]) -> Path:
    wb = Workbook()
    for k, name in enumerate(sheets):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = name
        ws.append([f"Sell-through {name} - Mar 2026"])
        ws.append([])
        ws.append(HEADER)
        for i in range(3):
            ws.append([dt.datetime(2026, 3, 2 + i), f"INV-{k}{i}", f"Customer {k}{i} Ltd", "CS-NBD-SRV",
                       f"FCW2231X{k}{i}AB", 1, 100.0 + i])
    wb.save(path)
    return path


def test_each_sheet_named_for_a_reseller_gives_its_rows_the_reseller(tmp_path: Path) -> None:
    names = ["Rosbrook Technology Partners", "Quinmore Infrastructure Corp", "Alstead Computer Services"]
    out = read_path(_book(tmp_path / "by_reseller.xlsx", names), src("distributor"))
    assert out.status == "loaded" and len(out.records) == 9
    assert list(out.records["reseller_name"]) == [n for n in names for _ in range(3)]
    assert any("[Quinmore Infrastructure Corp]: reseller_name 'Quinmore Infrastructure Corp' for every row: no column "
               "names the reseller, and each sheet of the workbook is named for one" in w for w in out.warnings)


@pytest.mark.parametrize("names", [["Sheet1", "Sheet2"], ["Jan 2026", "Feb 2026"], ["Data", "Summary"]])
def test_sheets_named_for_no_party_still_ask(tmp_path: Path, names: list[str]) -> None:
    out = read_path(_book(tmp_path / "book.xlsx", names), src("distributor"))
    assert out.status == "needs_mapping"
