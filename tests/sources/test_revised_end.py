"""An end date and its revision ("Expiry" and "New Expiry" in a rep's tracker, filled where a renewal was
booked): each row's end is the later of the two, said in a warning; a column that is no revision (earlier
dates, text, another word) stays unread. Each file is written in tmp_path and read as the nightly run reads it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.sources.hostile import csv_text, read, read_path, src, workbook

ROWS = [
    ["Kingsley Paper Holdings", "SC-9810001", "CS-NBD-SRV", "2027-01-14", "", "1,579.50"],
    ["Delta Legal Inc.", "SC-9810002", "CS-NBD-SRV", "2027-01-15", "2028-01-15", "1,679.50"],
    ["Harbour Logistics", "SC-9810003", "CS-4H-SRV", "2027-01-16", "", "1,779.50"],
    ["Kestrel Analytics Ltd", "SC-9810004", "CS-NBD-SRV", "2027-01-17", "", "1,879.50"],
    ["Northwire Oy", "SC-9810005", "CS-4H-SRV", "2027-01-18", "2028-01-18", "1,979.50"],
]
WANT = [dt.date(2027, 1, 14), dt.date(2028, 1, 15), dt.date(2027, 1, 16), dt.date(2027, 1, 17), dt.date(2028, 1, 18)]


def _tracker(end: str, revised: str) -> list[str]:
    return ["Customer", "Contract #", "Product", end, revised, "Renewal Value"]


@pytest.mark.parametrize(("end", "revised"), [
    ("Expiry", "New Expiry"), ("End Date", "Revised End Date"), ("Ablaufdatum", "Neues Ablaufdatum"),
    ("Date de fin", "Nouvelle date de fin"), ("Fecha fin", "Fecha fin nueva"),
])
def test_a_revised_end_is_the_rows_end_where_it_is_filled(tmp_path: Path, end: str, revised: str) -> None:
    out = read(tmp_path, "tracker.csv", csv_text(ROWS, _tracker(end, revised)), src("sales_rep"))
    assert out.status == "loaded" and out.rows_quarantined == 0
    assert list(out.records["service_end"]) == WANT
    note = next(w for w in out.warnings if "holds a later end" in w)
    assert f"'{revised}' holds a later end on 2 row(s)" in note and f"the later of '{end}' and '{revised}'" in note


def test_a_workbook_with_date_cells_reads_the_revision_too(tmp_path: Path) -> None:
    rows = [[*r[:3], dt.datetime.fromisoformat(r[3]), dt.datetime.fromisoformat(r[4]) if r[4] else None, r[5]]
            for r in ROWS]
    path = workbook(tmp_path / "inbox" / "tracker.xlsx", rows, _tracker("Expiry", "New Expiry"), title="Renewals")
    out = read_path(path, src("sales_rep"))
    assert list(out.records["service_end"]) == WANT


@pytest.mark.parametrize(("revised", "cells"), [
    ("New Expiry", ["", "2026-01-15", "", "", ""]),  # earlier than the end: no revision of it
    ("New Expiry", ["", "2028-01-15", "", "TBD", ""]),  # a cell that is no date
    ("Original Expiry", ["", "2028-01-15", "", "", ""]),  # not a revision word
    ("Expiry Notes", ["", "2028-01-15", "", "", ""]),
])
def test_a_column_that_is_no_revision_is_not_read(tmp_path: Path, revised: str, cells: list[str]) -> None:
    rows = [[*r[:4], c, r[5]] for r, c in zip(ROWS, cells, strict=True)]
    out = read(tmp_path, "tracker.csv", csv_text(rows, _tracker("Expiry", revised)), src("sales_rep"))
    assert [d.isoformat() for d in out.records["service_end"]] == [r[3] for r in ROWS]
    assert not any("holds a later end" in w for w in out.warnings)
