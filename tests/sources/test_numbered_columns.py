"""Serials spread over numbered columns ("Serial 1", "Serial 2", "Serial 3", or one header written
again) all feed the row's serial list; a column of another family, or one another field takes, does
not. Each file is written in tmp_path and read as the nightly run reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.numbered_columns import header_stem, numbered_siblings
from tests.sources.hostile import csv_text, read, read_path, workbook

ROWS = [
    ["2024-03-01", "INV1", "Delta Legal Inc.", "Infocore", "C9300-48P-A", 3, "FOC2401A1AA", "FOC2401A1AB", "FOC2401A1AC"],
    ["2024-03-02", "INV2", "Kestrel Analytics Ltd", "Northwire", "UCSC-C220-M6S", 1, "WZP2402B0X1", "", ""],
    ["2024-03-04", "INV3", "Harbour Logistics", "Northwire", "C9200L-24T", 2, "", "JAE2403C0Y7", "JAE2403C0Y8"],
]
WANT = [["FOC2401A1AA", "FOC2401A1AB", "FOC2401A1AC"], ["WZP2402B0X1"], ["JAE2403C0Y7", "JAE2403C0Y8"]]


def _header(serials: list[str]) -> list[str]:
    return ["Invoice Date", "Invoice #", "End Customer", "Reseller", "SKU", "Qty", *serials]


@pytest.mark.parametrize("serials", [
    ["Serial 1", "Serial 2", "Serial 3"],
    ["Serial Number", "Serial Number 2", "Serial Number 3"],
    ["SN#1", "SN#2", "SN#3"],
    ["Serial_01", "Serial_02", "Serial_03"],
    ["Serial", "Serial", "Serial"],
])
def test_every_numbered_serial_column_feeds_the_list(tmp_path: Path, serials: list[str]) -> None:
    out = read(tmp_path, "wide.csv", csv_text(ROWS, _header(serials)))
    assert out.status == "loaded" and out.rows_quarantined == 0
    assert [list(v) for v in out.records["serial_numbers"]] == WANT
    assert list(out.sheets[0].mapping.values()).count("serial_numbers") == 3
    note = next(w for w in out.warnings if "numbered columns together" in w)
    assert "serial_numbers read from 3 numbered columns" in note
    assert not any("low confidence" in w and "serial" in w for w in out.warnings)  # siblings are no rivals


def test_a_workbook_reads_the_family_too(tmp_path: Path, reader: str) -> None:
    path = workbook(tmp_path / "inbox" / "wide.xlsx", ROWS, _header(["Serial 1", "Serial 2", "Serial 3"]))
    out = read_path(path)
    assert [list(v) for v in out.records["serial_numbers"]] == WANT


def test_other_families_and_taken_columns_stay_out(tmp_path: Path) -> None:
    """"Serial Date" is no sibling of "Serial 1"; a numbered column that holds dates is not taken."""
    header = _header(["Serial 1", "Serial Date", "Serial 2"])
    rows = [[*r[:6], r[6], "2024-01-05", r[7]] for r in ROWS]
    out = read(tmp_path, "mixed.csv", csv_text(rows, header))
    assert [list(v) for v in out.records["serial_numbers"]] == [
        ["FOC2401A1AA", "FOC2401A1AB"], ["WZP2402B0X1"], ["JAE2403C0Y7"]]
    dated = _header(["Serial", "Serial 2"])
    rows = [[*r[:6], r[6] or "X1", "2024-01-05"] for r in ROWS]
    out = read(tmp_path, "dated.csv", csv_text(rows, dated))
    assert "Serial 2" not in [h for h, f in out.sheets[0].mapping.items() if f == "serial_numbers"]


def test_header_stems() -> None:
    assert header_stem("Serial 2") == ("serial", 2)
    assert header_stem("SN#3") == ("sn", 3)
    assert header_stem("Serial (4)") == ("serial", 4)
    assert header_stem("Serial No.") == ("serial no", None)
    assert header_stem("C9300") == ("c9300", None)  # a model number, not an index
    heads = ["Serial 1", "Serial 2", "Serial Date", "Serial 3", "Part 2"]
    assert numbered_siblings(heads, 0, taken={3}) == [1]
    assert numbered_siblings(["Serial", "Serial", "Serial Number"], 0, taken=()) == [1]


def test_a_merged_box_beside_the_table_asks_for_no_mapping(tmp_path: Path) -> None:
    """A "Read me" box merged over A1:E6 beside a table in F:M writes its text in every cell it covers: five
    columns headed "Read me" with the same values are no header to map, and nothing asks to name them."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "POS"
    ws.cell(1, 1, "Read me")
    ws.cell(2, 1, "Figures exclude VAT; contact ops@example.com")
    ws.merge_cells("A1:E1")
    ws.merge_cells("A2:E6")
    for j, h in enumerate(_header(["Serial 1"]), start=6):
        ws.cell(1, j, h)
    for r, row in enumerate(ROWS, start=2):
        for j, v in enumerate([*row[:7]], start=6):
            ws.cell(r, j, v)
    path = tmp_path / "inbox" / "boxed.xlsx"
    path.parent.mkdir(parents=True)
    wb.save(path)
    out = read_path(path)
    assert out.status == "loaded" and out.rows_loaded == 3
    assert not any("is written" in w for w in out.warnings)
