"""A name a printed report wrapped onto the next line ("LLC" alone under "End User", "Inc." under "Reseller") is
joined to the name above, its row no line, with a warning; a one-cell row that is no legal form stays what it was.
Each file is written in tmp_path and read as the nightly run reads it."""

from __future__ import annotations

from pathlib import Path

from tests.sources.hostile import csv_text, read, src

HEADER = ["Invoice Date", "Invoice No", "Reseller", "End User", "Part Number", "Serial Number", "Qty", "Ext Price"]
LINE = ["03/17/2026", "HX72-005", "Signalpoint Networks", "Kingsley Paper Holdings", "CS-NBD-SRV", "HXS720005Q0", 1,
        "1221.00"]
OTHER = ["03/18/2026", "HX72-006", "Rosbrook Technology Partners", "Valby Insurance Inc", "CS-NBD-SRV",
         "HXS720006Q0", 1, "1258.00"]


def _blank_but(column: str, text: str) -> list[object]:
    return [text if h == column else "" for h in HEADER]


def test_wrapped_legal_forms_join_the_names_above(tmp_path: Path) -> None:
    rows = [LINE, _blank_but("End User", "LLC"), _blank_but("Reseller", "Inc."), OTHER]
    out = read(tmp_path, "print.csv", csv_text(rows, HEADER), src("distributor"))
    assert (out.status, out.rows_loaded, out.rows_quarantined) == ("loaded", 2, 0)
    assert list(out.records["customer_name"]) == ["Kingsley Paper Holdings LLC", "Valby Insurance Inc"]
    assert list(out.records["reseller_name"]) == ["Signalpoint Networks Inc.", "Rosbrook Technology Partners"]
    note = next(w for w in out.warnings if "wrapped onto a line of its own" in w)
    assert "rows 3-4" in note and "'LLC', 'Inc.'" in note


def test_a_one_cell_row_that_is_no_legal_form_is_not_joined(tmp_path: Path) -> None:
    rows = [LINE, _blank_but("End User", "Holdings Group"), OTHER]
    out = read(tmp_path, "print.csv", csv_text(rows, HEADER), src("distributor"))
    assert "Kingsley Paper Holdings" in list(out.records["customer_name"])
    assert not any("wrapped onto a line of its own" in w for w in out.warnings)
