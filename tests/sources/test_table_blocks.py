"""Several tables on one sheet: side by side under one header row, or stacked with reordered columns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from sources.config import SourceConfig
from sources.reader import read_source_file

HEADER = ["Invoice Date", "Invoice No", "Reseller", "End User", "Part Number", "Serial Number", "Qty", "Ext Price"]
SRC = SourceConfig(name="dist", kind="distributor", path="inbox/*.xlsx")


def _line(tag: str, n: int) -> list[object]:
    """One sale whose every field carries its table's tag, so a mixed row shows."""
    return [dt.datetime(2026, 6, n), f"{tag}-{n:04d}", f"Reseller {tag}", f"Customer {tag} {n}", f"SKU-{tag}",
            f"SN{tag}{n:05d}", n, 100.0 * n]


def test_two_tables_side_by_side_are_read_apart(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["June 2026", *[None] * len(HEADER), "July 2026"])
    ws.append([*HEADER, None, *HEADER])
    for n in range(1, 9):
        right = _line("B", n) if n <= 5 else [None] * len(HEADER)
        ws.append([*_line("A", n), None, *right])
    path = tmp_path / "side.xlsx"
    wb.save(path)

    out = read_source_file(path, "side.xlsx", SRC)

    assert out.status == "loaded" and out.rows_quarantined == 0
    recs = out.records.set_index("invoice_number")
    assert len(recs) == 13
    for number, row in recs.iterrows():
        tag = number.split("-")[0]
        assert row["sku"] == f"SKU-{tag}" and row["reseller_name"] == f"Reseller {tag}"
        assert row["serial_numbers"][0].startswith(f"SN{tag}")
    assert set(out.records["source_sheet"]) == {"Sheet (A:H)", "Sheet (J:Q)"}
    assert any("2 tables side by side" in w for w in out.warnings)


def test_summary_beside_the_data_stays_a_side_note(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append([*HEADER, None, "Reseller", "Lines", "Total"])
    for n in range(1, 6):
        ws.append([*_line("A", n), None, f"Reseller {n}", n, 10.0 * n])
    path = tmp_path / "summary.xlsx"
    wb.save(path)

    out = read_source_file(path, "summary.xlsx", SRC)

    assert out.status == "loaded" and len(out.records) == 5
    assert set(out.records["source_sheet"]) == {"Sheet"}
    assert list(out.records["reseller_name"].unique()) == ["Reseller A"]


def test_stacked_table_with_columns_in_another_order_gets_its_own_mapping(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for n in range(1, 7):
        ws.append(_line("A", n))
    ws.append([])
    ws.append(["Second export (July)"])
    order = [1, 0, 3, 2, 7, 6, 5, 4]
    ws.append([HEADER[i] for i in order])
    for n in range(1, 7):
        line = _line("B", n)
        ws.append([line[i] for i in order])
    path = tmp_path / "stacked.xlsx"
    wb.save(path)

    out = read_source_file(path, "stacked.xlsx", SRC)

    assert out.status == "loaded" and out.rows_quarantined == 0
    recs = out.records.set_index("invoice_number")
    assert len(recs) == 12
    assert recs["quantity"].notna().all()
    for number, row in recs.iterrows():
        tag, n = number.split("-")
        assert row["sku"] == f"SKU-{tag}" and row["quantity"] == int(n)
        assert row["serial_numbers"] == [f"SN{tag}{int(n):05d}"]
    assert any("another order" in w for w in out.warnings)


def test_xlsx_workbook_named_xls_is_read_and_told_to_rename(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(HEADER)
    wb.active.append(["2026-03-01", "INV1", "Infocore", "Delta Legal", "C9300", "FOC1", 1, 100.0])
    path = tmp_path / "export.xls"
    wb.save(path)

    out = read_source_file(path, "export.xls", SRC)

    assert out.status == "loaded" and out.rows_loaded == 1
    assert any("is an .xlsx workbook named .xls: read as .xlsx (rename it)" in w for w in out.warnings)
