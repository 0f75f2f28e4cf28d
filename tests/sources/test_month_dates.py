"""A date written as a month alone ("Sep-26", "09/2026", "September 2026"): the month's first day for a start,
its last for an end, with a note; a text naming more or less than a month and a year is no such date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sources.config import SourceConfig
from sources.month_dates import month_of, period_of
from sources.reader import read_source_file


@pytest.mark.parametrize(("text", "year_month"), [
    ("Sep-26", (2026, 9)), ("09/2026", (2026, 9)), ("09.2026", (2026, 9)), ("2026-09", (2026, 9)),
    ("9.2026", None), ("2026.09", None), ("2000.5", None),  # decimal numbers too
    ("Sept 2026", (2026, 9)), ("September 2026", (2026, 9)), ("Sep '26", (2026, 9)), ("2026 Sep", (2026, 9)),
    ("März 2027", (2027, 3)), ("janv. 2027", (2027, 1)), ("Dezember 2026", (2026, 12)),
    ("31-Mar-2026", None), ("3/31/26", None), ("Q3 2026", None), ("13/2026", None), ("26-Sep", None),
    ("Support 2026", None), ("2026", None), (202609, None),
])
def test_a_month_and_a_year_and_nothing_else(text: object, year_month: tuple[int, int] | None) -> None:
    assert month_of(text) == year_month


def test_a_trackers_expiry_by_month_is_the_months_last_day(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    ends = ["Sep-26", "Oct-26", "Jan-27", "Feb-27", "31/03/2027", "Mar-27"]
    path.write_text("Customer,Serial,Expiry,Start,Renewal Value\n" + "\n".join(
        f"Kunde {i} GmbH,SN{4400 + i}X,{end},09/2025,1000" for i, end in enumerate(ends)) + "\n", encoding="utf-8")
    out = read_source_file(path, "tracker.csv", SourceConfig(name="t", kind="sales_rep", path="*.csv"))
    assert out.status == "loaded" and out.quarantine.empty
    assert list(out.records["service_end"]) == [dt.date(2026, 9, 30), dt.date(2026, 10, 31), dt.date(2027, 1, 31),
                                                dt.date(2027, 2, 28), dt.date(2027, 3, 31), dt.date(2027, 3, 31)]
    assert set(out.records["service_start"]) == {dt.date(2025, 9, 1)}
    assert any("5 value(s) name a month, quarter or week, not a day" in w and "last day" in w
               for w in out.warnings), out.warnings


@pytest.mark.parametrize(("text", "span"), [
    ("Q3 2026", ((2026, 7, 1), (2026, 9, 30))), ("Q3/26", ((2026, 7, 1), (2026, 9, 30))),
    ("q1-2027", ((2027, 1, 1), (2027, 3, 31))), ("2026-Q4", ((2026, 10, 1), (2026, 12, 31))),
    ("3Q26", ((2026, 7, 1), (2026, 9, 30))), ("Q2'26", ((2026, 4, 1), (2026, 6, 30))),
    ("2026-W14", ((2026, 3, 30), (2026, 4, 5))), ("KW 1/2027", ((2027, 1, 4), (2027, 1, 10))),
    ("Sep-26", ((2026, 9, 1), (2026, 9, 30))), ("end of March 2026", ((2026, 3, 31), (2026, 3, 31))),
    ("EOM Mar-26", ((2026, 3, 31), (2026, 3, 31))), ("Ende März 2027", ((2027, 3, 31), (2027, 3, 31))),
    ("end March", None),
    ("FY27 Q1", None), ("Q5 2026", None), ("Q3", None), ("2025-W54", None), ("mid-2026", None), ("1234", None),
])
def test_a_quarter_or_a_week_and_a_year_and_nothing_else(text: str, span: tuple | None) -> None:
    expected = None if span is None else (dt.date(*span[0]), dt.date(*span[1]))
    assert period_of(text) == expected


def test_a_trackers_expiry_by_quarter_is_the_quarters_last_day(tmp_path: Path) -> None:
    # a rep who keeps a whole Expiry column by quarter used to lose every row to quarantine ("not a date"),
    # and the blocking quarantine check then stopped the night
    path = tmp_path / "tracker.xlsx"
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Customer", "Serial", "Expiry", "Renewal Value"])
    for i, end in enumerate(["Q3 2026", "Q4/26", "2027-Q1", "Q1 2027", "2026-W40"]):
        sheet.append([f"Kunde {i} GmbH", f"SN{4400 + i}X", end, 1000])
    book.save(path)
    out = read_source_file(path, "tracker.xlsx", SourceConfig(name="t", kind="sales_rep", path="*.xlsx"))
    assert out.status == "loaded" and out.quarantine.empty
    assert list(out.records["service_end"]) == [dt.date(2026, 9, 30), dt.date(2026, 12, 31), dt.date(2027, 3, 31),
                                                dt.date(2027, 3, 31), dt.date(2026, 10, 4)]
    assert any("name a month, quarter or week" in w and "last day" in w for w in out.warnings), out.warnings
