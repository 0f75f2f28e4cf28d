"""Hidden columns: an obsolete column a sheet hides ("Service End" beside the "Coverage End" now kept)
gives way to a visible column for the field both could fill, with a warning; a hidden column nothing
visible competes with is read as before. Each workbook is written in tmp_path with openpyxl and read
as the nightly run reads it, through both workbook readers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from sources.excel import read_workbook
from sources.reader import FileOutcome
from tests.sources.hostile import read_path, src, workbook

HEADER = ["Customer", "Product", "Start Date", "Service End", "Coverage End", "Annual Value"]
CUSTOMERS = ["Delta Legal Inc.", "Rockport Manufacturing", "Highland Financial", "Kestrel Analytics",
             "Harbour Logistics"]


def _rows() -> list[list[object]]:
    """Five contracts: a year's coverage from Start Date to Coverage End; the obsolete Service End is
    the day before the start (so it reads as the start's partner, the other way round)."""
    out: list[list[object]] = []
    for k, name in enumerate(CUSTOMERS):
        start = dt.datetime(2024, 3 + k, 1)
        out.append([name, "CS-4HR-SW", start, start - dt.timedelta(days=1),
                    start.replace(year=2025) - dt.timedelta(days=1), 1000.0 + k])
    return out


def _hide(path: Path, *letters: str, span: tuple[str, str] | None = None) -> Path:
    """Hide the columns `letters` one by one, and the range `span` as one <col min max>, as Excel does."""
    wb = load_workbook(path)
    ws = wb.active
    for letter in letters:
        ws.column_dimensions[letter].hidden = True
    if span is not None:
        ws.column_dimensions.group(span[0], span[1], hidden=True)
    wb.save(path)
    return path


def _read(path: Path) -> FileOutcome:
    return read_path(path, src("sales_rep"))


def test_a_visible_column_wins_a_field_over_a_hidden_synonym(tmp_path: Path, reader: str) -> None:
    path = _hide(workbook(tmp_path / "tracker.xlsx", _rows(), HEADER, "Renewals"), "D")
    out = _read(path)
    assert out.status == "loaded"
    assert out.sheets[0].mapping == {"Customer": "customer_name", "Product": "sku", "Start Date": "service_start",
                                     "Coverage End": "service_end", "Annual Value": "amount"}
    recs = out.records
    assert recs["service_start"].iloc[0] == dt.date(2024, 3, 1)
    assert recs["service_end"].iloc[0] == dt.date(2025, 2, 28)
    assert ("inbox/tracker.xlsx [Renewals]: hidden column 'Service End' left out: the visible 'Coverage End' "
            "is service_end") in out.warnings
    assert not any("swapped" in w for w in out.warnings)


def test_the_table_carries_the_hidden_columns_of_its_sheet(tmp_path: Path, reader: str) -> None:
    shown = workbook(tmp_path / "shown.xlsx", _rows(), HEADER, "Renewals")
    hidden = _hide(workbook(tmp_path / "hidden.xlsx", _rows(), HEADER, "Renewals"), "B", span=("D", "E"))
    assert [t.hidden for t in read_workbook(shown, "sales_rep")[0]] == [frozenset()]
    assert [t.hidden for t in read_workbook(hidden, "sales_rep")[0]] == [frozenset({1, 3, 4})]


def test_a_hidden_column_no_visible_one_competes_with_keeps_its_field(tmp_path: Path, reader: str) -> None:
    rows = [[r[0], r[1], r[2], r[4], r[5]] for r in _rows()]
    header = ["Customer", "Product", "Start Date", "Coverage End", "Annual Value"]
    path = _hide(workbook(tmp_path / "tracker.xlsx", rows, header, "Renewals"), "D")
    out = _read(path)
    assert read_workbook(path, "sales_rep")[0][0].hidden == frozenset({3})
    assert out.status == "loaded" and out.sheets[0].mapping["Coverage End"] == "service_end"
    assert out.records["service_end"].iloc[0] == dt.date(2025, 2, 28)
    assert not any("hidden column" in w for w in out.warnings)


def test_a_sheet_whose_columns_are_all_hidden_reads_as_before(tmp_path: Path, reader: str) -> None:
    rows = [[r[0], r[1], r[2], r[4], r[5]] for r in _rows()]
    header = ["Customer", "Product", "Start Date", "Coverage End", "Annual Value"]
    path = _hide(workbook(tmp_path / "tracker.xlsx", rows, header, "Renewals"), span=("A", "E"))
    out = _read(path)
    assert read_workbook(path, "sales_rep")[0][0].hidden == frozenset(range(5))
    assert out.status == "loaded" and out.rows_loaded == 5
    assert out.sheets[0].mapping == {"Customer": "customer_name", "Product": "sku", "Start Date": "service_start",
                                     "Coverage End": "service_end", "Annual Value": "amount"}
    assert not any("hidden column" in w for w in out.warnings)
