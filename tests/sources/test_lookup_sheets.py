"""A tracker's drop-down lists on a sheet of their own ("Lists", "Lookups", "Auswahllisten") are left out with a
warning, beside a sheet that reads well: the file is loaded, not held for a mapping of its lists. Workbooks written
here with openpyxl and read as the night does."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.sources.hostile import read_path, src


def _book(path: Path, lists_name: str) -> Path:
    wb = Workbook()
    deals = wb.active
    deals.title = "Renewals"
    deals.append(["Customer", "Serial Number", "Product", "Expiry", "Renewal Value", "Status"])
    deals.append(["Union Steel Inc", "FCW2231X0AB", "CS-NBD-SRV", "2026-12-31", 1200, "Open"])
    deals.append(["Magnolia Insurance", "FCW2231X0AC", "CS-NBD-SRV", "2027-01-31", 900, "Quoted"])
    lists = wb.create_sheet(lists_name)
    lists.append(["Customer", "Product", "Status"])
    for i in range(12):
        lists.append([f"Prospect Company {i}", f"CS-{i}", ["Open", "Quoted", "Won", "Lost"][i % 4]])
    wb.save(path)
    return path


@pytest.mark.parametrize("name", ["Lists", "Lookups", "Dropdowns", "Auswahllisten"])
def test_a_sheet_of_drop_down_lists_is_left_out(tmp_path: Path, name: str) -> None:
    out = read_path(_book(tmp_path / "tracker.xlsx", name), src("sales_rep"))
    assert out.status == "loaded" and len(out.records) == 2
    assert any(f"[{name}]: sheet left out: its name says it holds a workbook's drop-down lists" in w
               for w in out.warnings)


def test_a_sheet_of_another_name_still_asks(tmp_path: Path) -> None:
    out = read_path(_book(tmp_path / "tracker.xlsx", "Prospects 2027"), src("sales_rep"))
    assert out.status == "needs_mapping"
