"""Workbook quirks found by a probe of real exports: Excel error cells ("#N/A" from a failed VLOOKUP,
which calamine reads as empty) quarantine their row with the error named, through both readers and
in CSVs Excel wrote; a pivot sheet beside the data (it adds the data's rows up again) is left out
unless `sheet:` names it. Each workbook is written in tmp_path with openpyxl."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.sources.hostile import csv_text, read, read_path, src, workbook_sheets

HEADER = ["Customer", "Contract #", "Serial #", "Product", "Expiry", "Renewal Value"]
ROWS = [
    ["Delta Legal Inc.", "SC-5001", "FOC2401A001", "CON-SNT-C93004", dt.datetime(2025, 1, 31), 1883.88],
    ["Rockport Holdings", "SC-5002", "FOC2401A002", "CON-SNT-C93004", dt.datetime(2025, 2, 28), "#N/A"],
    ["#REF!", "SC-5003", "FDO2402B117", "CON-SNT-ISR4331", dt.datetime(2025, 3, 15), 612.75],
]


def test_excel_error_cells_quarantine_their_rows_by_name(tmp_path: Path, reader: str) -> None:
    path = workbook_sheets(tmp_path / "inbox" / "tracker.xlsx", {"Renewals": [HEADER, *ROWS]})
    out = read_path(path, src("sales_rep", rep="Alice Moreno"))
    assert out.rows_loaded == 1 and sorted(out.quarantine["source_row"]) == [3, 4]
    reasons = dict(zip(out.quarantine["source_row"], out.quarantine["reason"], strict=True))
    assert "field 'amount' (column 'Renewal Value'): an Excel error, not a value" in reasons[3]
    assert "'#N/A'" in reasons[3] and "not an amount" not in reasons[3]
    assert not any("no number is known" in w for w in out.warnings)  # quarantined, not also "left blank"
    assert "field 'customer_name' (column 'Customer'): an Excel error" in reasons[4] and "'#REF!'" in reasons[4]


def test_excel_errors_in_a_csv_excel_wrote_in_german(tmp_path: Path) -> None:
    rows = [["2024-03-01", "Infocore", "Delta Legal", "C9300-48P-A", 1, "#NV"],
            ["2024-03-02", "Infocore", "Kestrel", "C9300-48P-A", 1, "900.00"]]
    out = read(tmp_path, "pos.csv", csv_text(rows, ["Invoice Date", "Reseller", "End User", "SKU", "Qty", "Amount"]))
    assert out.rows_loaded == 1 and "an Excel error" in out.quarantine["reason"].iloc[0]


def test_a_pivot_sheet_is_left_out_unless_named(tmp_path: Path, reader: str) -> None:
    pivot = [["Customer", "Expiry", "Sum of Renewal Value"], ["Delta Legal Inc.", dt.datetime(2025, 1, 31), 1883.88],
             ["Highland Foods", dt.datetime(2025, 3, 15), 612.75], ["Grand Total", None, 2496.63]]
    rows = [r for r in ROWS if "#N/A" not in r and "#REF!" not in r]
    path = workbook_sheets(tmp_path / "inbox" / "tracker.xlsx", {"Renewals": [HEADER, *rows], "Pivot": pivot})
    out = read_path(path, src("sales_rep", rep="Alice Moreno"))
    assert out.rows_loaded == 1 and set(out.records["source_sheet"]) == {"Renewals"}
    skipped = {s.sheet: s.skipped for s in out.sheets}
    assert skipped["Pivot"].startswith("a pivot table (it adds up rows another sheet holds")
    named = read_path(path, src("sales_rep", rep="Alice Moreno", sheet="Pivot"))
    assert set(named.records["source_sheet"]) == {"Pivot"}


def test_excel_safe_marks_of_a_csv_saved_as_a_workbook_are_taken_off(tmp_path: Path, reader: str) -> None:
    """"'1", "'0010021" and "'900.50" (a CSV's protected cells, opened and saved in Excel) read as the
    values they protect; "'s-Hertogenbosch" keeps its apostrophe, numbers and dates stay as they are."""
    header = ["Invoice Date", "Reseller", "End User", "City", "SKU", "Qty", "Amount", "End User Account"]
    rows = [[dt.datetime(2024, 3, 1), "Infocore", "Delta Legal", "'s-Hertogenbosch", "C9300-48P-A", "'1", 5120.0,
             "'0010021"],
            [dt.datetime(2024, 3, 2), "Infocore", "Kestrel", "Leeds", "C9300-48P-A", "'2", "'900.50", "'0010022"]]
    out = read_path(workbook_sheets(tmp_path / "inbox" / "pos.xlsx", {"POS": [header, *rows]}))
    assert out.rows_loaded == 2
    r = out.records
    assert [float(q) for q in r["quantity"]] == [1.0, 2.0] and list(r["customer_account"]) == ["0010021", "0010022"]
    assert [float(a) for a in r["amount"]] == [5120.0, 900.5] and r["customer_city"].iloc[0] == "'s-Hertogenbosch"
