"""A date column whose header writes its pattern ("Expiry (DD/MM/YYYY)", "Datum TT.MM.JJJJ") is read in that
order when its values cannot tell (before: month-first, the header ignored, every date of a tracker swapped)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sources.dates import order_in_header
from tests.sources.hostile import read, src


@pytest.mark.parametrize(("header", "order"), [
    ("Expiry (DD/MM/YYYY)", "dmy"), ("Expiry (MM/DD/YYYY)", "mdy"), ("Datum TT.MM.JJJJ", "dmy"),
    ("Date JJ/MM/AAAA", "dmy"), ("Data (GG/MM/AAAA)", "dmy"), ("end mm-dd-yy", "mdy"), ("Fecha (dd/mm/aa)", "dmy"),
    ("Expiry", None), ("Date (YYYY-MM-DD)", None),
])
def test_the_order_a_header_writes(header: str, order: str | None) -> None:
    assert order_in_header(header) == order


def test_a_trackers_dates_follow_the_order_its_header_writes(tmp_path: Path) -> None:
    text = "Customer,Expiry (DD/MM/YYYY)\nAlbion Foods,01/12/2027\nKaroo Steel,03/04/2027\nMombasa Freight,05/06/2027\n"
    out = read(tmp_path, "tracker.csv", text, src("sales_rep"))
    assert out.rows_loaded == 3
    assert list(out.records["service_end"]) == [dt.date(2027, 12, 1), dt.date(2027, 4, 3), dt.date(2027, 6, 5)]
    assert any("read day-first as the column's header writes" in w for w in out.warnings), out.warnings
