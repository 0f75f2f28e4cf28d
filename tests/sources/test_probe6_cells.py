"""Probe 6's cells: a contract value merged over its serial lines (counted once, not once per line)
and a count written beside serials ("FOC1 (x2)"), which is no serial. Each file is written in tmp_path
and read as the nightly run reads it, through both workbook readers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from sources.reader import FileOutcome
from tests.sources.hostile import POS_HEADER, csv_text, read, read_path, src

TRACKER_HEADER = ["Customer", "Contract #", "Product", "Serial Number", "Start Date", "End Date", "Contract Value"]
START, END = dt.datetime(2024, 3, 1), dt.datetime(2025, 2, 28)


def _merged_workbook(path: Path, header: list[str], rows: list[list[object]], merges: list[str],
                     title: str = "Tracker") -> Path:
    """A workbook of `header` and `rows` with the ranges `merges` merged, as Excel saves them (the
    value in the top-left cell, the others empty)."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(header)
    for r in rows:
        ws.append(r)
    for ref in merges:
        ws.merge_cells(ref)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _tracker(tmp_path: Path) -> FileOutcome:
    """The probe's tracker: contract SC-4671051's value 4,800 merged over its three serial lines
    (G2:G4), the customer, contract, product and dates merged the same way."""
    rows: list[list[object]] = [
        ["Delta Legal Inc.", "SC-4671051", "CS-4HR-SW", "FDO24527J1Q", START, END, 4800],
        [None, None, None, "FDO24527J2R", None, None, None],
        [None, None, None, "FDO24527J3S", None, None, None],
        ["Rockport Manufacturing", "SC-4506843", "CS-24X7-SRV", "FCW22524FQB", START, END, 6875.68],
    ]
    merges = ["A2:A4", "B2:B4", "C2:C4", "E2:E4", "F2:F4", "G2:G4"]
    return read_path(_merged_workbook(tmp_path / "inbox" / "tracker.xlsx", TRACKER_HEADER, rows, merges),
                     src("sales_rep"))


# --- 1. a merged amount or quantity is stated once ------------------------------------------------


def test_a_contract_value_merged_over_its_lines_is_counted_once(tmp_path: Path, reader: str) -> None:
    """A 4,800 contract merged over three serial lines became 4,800 on each (14,400 summed): the value
    stays on the block's first line, the other lines' amounts are empty, and a warning names the file,
    sheet, range and field."""
    out = _tracker(tmp_path)
    assert out.rows_quarantined == 0
    recs = out.records
    assert recs["amount"].tolist()[0] == 4800.0
    assert recs["amount"].isna().tolist() == [False, True, True, False]
    assert recs["amount"].sum() == pytest.approx(4800 + 6875.68)
    note = [w for w in out.warnings if "G2:G4" in w]
    assert len(note) == 1
    assert "inbox/tracker.xlsx" in note[0] and "Tracker" in note[0] and "amount" in note[0]
    assert "merged over 3 lines: counted once" in note[0]


def test_merged_names_ids_and_dates_still_fill_every_line(tmp_path: Path, reader: str) -> None:
    """Each line of the merged contract belongs to its customer, contract, product and dates: those
    blocks are still filled down, and no warning is given for them."""
    recs = _tracker(tmp_path).records
    assert recs["customer_name"].tolist()[:3] == ["Delta Legal Inc."] * 3
    assert recs["contract_number"].tolist()[:3] == ["SC-4671051"] * 3
    assert recs["sku"].tolist()[:3] == ["CS-4HR-SW"] * 3
    assert recs["service_end"].tolist()[:3] == [END.date()] * 3
    assert recs["serial_numbers"].tolist()[:3] == [["FDO24527J1Q"], ["FDO24527J2R"], ["FDO24527J3S"]]


def test_a_merged_quantity_and_price_are_counted_once(tmp_path: Path, reader: str) -> None:
    """A bundle's quantity, unit price and amount merged over its serial lines are the bundle's, once;
    the invoice number and date merged beside them still reach every line."""
    header = [*POS_HEADER, "Serial Number", "Invoice No"]
    rows: list[list[object]] = [
        [dt.datetime(2025, 1, 2), "Acme Reseller", "Delta Legal", "C9300-48P-A", 3, 15360, "FOC1", "INV-1"],
        [None, "Acme Reseller", "Delta Legal", "C9300-48P-A", None, None, "FOC2", None],
        [None, "Acme Reseller", "Delta Legal", "C9300-48P-A", None, None, "FOC3", None],
    ]
    path = _merged_workbook(tmp_path / "inbox" / "pos.xlsx", header, rows, ["A2:A4", "E2:E4", "F2:F4", "H2:H4"])
    out = read_path(path, src("distributor"))
    assert out.rows_quarantined == 0
    recs = out.records
    assert recs["quantity"].tolist()[0] == 3 and recs["quantity"].isna().tolist() == [False, True, True]
    assert recs["amount"].tolist()[0] == 15360 and recs["amount"].isna().tolist() == [False, True, True]
    assert recs["invoice_number"].tolist() == ["INV-1"] * 3
    assert recs["invoice_date"].tolist() == [dt.date(2025, 1, 2)] * 3
    assert any("E2:E4" in w and "quantity" in w for w in out.warnings)
    assert any("F2:F4" in w and "amount" in w for w in out.warnings)


def test_a_required_amount_merged_over_invoice_lines_quarantines_no_line(tmp_path: Path, reader: str) -> None:
    """An accounting file requires an amount on every line: a line whose amount is a merged block's,
    stated on the first line, has one and is not quarantined for an empty amount."""
    header = ["Invoice Number", "Invoice Date", "Bill To", "Description", "Amount"]
    rows: list[list[object]] = [
        ["INV-7", dt.datetime(2024, 5, 1), "Harbour Logistics", "Support line 1", 1200],
        [None, None, None, "Support line 2", None],
        ["INV-8", dt.datetime(2024, 5, 2), "Delta Legal", "Support", 300],
    ]
    path = _merged_workbook(tmp_path / "inbox" / "ledger.xlsx", header, rows, ["A2:A3", "B2:B3", "C2:C3", "E2:E3"],
                            title="Ledger")
    out = read_path(path, src("accounting"))
    assert out.rows_quarantined == 0 and out.rows_loaded == 3
    assert out.records["amount"].fillna(0).tolist() == [1200, 0, 300]
    assert any("E2:E3" in w and "merged over 2 lines: counted once" in w for w in out.warnings)


def test_without_merged_cells_nothing_changes(tmp_path: Path, reader: str) -> None:
    """Equal amounts on lines of their own are separate values, never emptied."""
    rows: list[list[object]] = [["Delta Legal", "SC-1", "CS-4HR-SW", f"FOC{i}", START, END, 4800] for i in range(3)]
    out = read_path(_merged_workbook(tmp_path / "inbox" / "t.xlsx", TRACKER_HEADER, rows, []), src("sales_rep"))
    assert out.records["amount"].tolist() == [4800.0] * 3
    assert not any("merged" in w for w in out.warnings)


# --- 2. a count beside serials is no serial --------------------------------------------------------


@pytest.mark.parametrize("cell, serials", [
    ("FOC2401B004 (x2)", ["FOC2401B004"]),
    ("FOC2401B004 (2x)", ["FOC2401B004"]),
    ("FOC2401B004 (x 2)", ["FOC2401B004"]),
    ("FOC2401B004 [×2]", ["FOC2401B004"]),
    ("FOC2401B004 (Qty: 2)", ["FOC2401B004"]),
    ("FOC2401B004 x 2", ["FOC2401B004"]),
    ("FOC2401B004 x2, FOC2401B005 x1", ["FOC2401B004", "FOC2401B005"]),
    ("FOC2401B004 ×2", ["FOC2401B004"]),
    ("FOC2401B004\n(x2)", ["FOC2401B004"]),
    ("(x2)", []),
    ("X1 and X2", ["X1", "X2"]),  # a capital X with digits is a serial as written
    ("FOC2401B001-FOC2401B003", ["FOC2401B001-FOC2401B003"]),  # a range is not expanded
])
def test_a_count_beside_serials_is_never_a_serial(tmp_path: Path, cell: str, serials: list[str]) -> None:
    """"FOC2401B004 (x2)" gave the serial "(x2)", which the matcher keyed as a unit "X2": a count in
    brackets, or written bare with a lower-case x or a multiplication sign, says how many units."""
    rows = [["2024-03-02", "Infocore", "Rockport", "C9200L-24T-4G-E", 2, "3600.00", cell]]
    out = read(tmp_path, "pos.csv", csv_text(rows, [*POS_HEADER, "Serial Number"]),
               src(columns={"serial_numbers": "Serial Number"}))
    assert out.records["serial_numbers"].tolist() == [serials]


def test_a_count_beside_serials_in_a_workbook(tmp_path: Path, reader: str) -> None:
    """The same in workbook cells, through both readers."""
    rows: list[list[object]] = [[dt.datetime(2024, 3, 2), "Infocore", "Rockport", "C9200L", 2, 3600, c]
                                for c in ("FOC2401B004 (x2)", "FOC2401B006 (2x)", "FOC2401B007")]
    path = _merged_workbook(tmp_path / "inbox" / "pos.xlsx", [*POS_HEADER, "Serial Number"], rows, [], title="POS")
    out = read_path(path, src(columns={"serial_numbers": "Serial Number"}))
    assert out.records["serial_numbers"].tolist() == [["FOC2401B004"], ["FOC2401B006"], ["FOC2401B007"]]
    assert pd.Series(out.records["serial_numbers"].explode()).str.contains(r"\(").sum() == 0
