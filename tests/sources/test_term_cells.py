"""A term beside the service start where no column gives the end ("Term": "36 Months", "3 yrs", "24M"; "Laufzeit
(Monate)": 12): the end is the start plus the term, less a day. Files written here and read as the night does."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sources.term_cells import term_months
from tests.sources.hostile import csv_text, read, src

HEADER = ["Invoice Date", "Reseller", "End User", "SKU", "Qty", "Amount", "Service Start"]
ROWS = [["03/13/2026", "Rosbrook Technology", "Union Steel Inc", "CS-NBD-SRV", 1, "1027.00", "03/14/2026"],
        ["03/14/2026", "Quinmore Infrastructure", "Magnolia Insurance", "CS-NBD-SRV", 2, "2128.50", "03/15/2026"],
        ["03/15/2026", "Alstead Computer", "Orchard Mining LLC", "CS-NBD-SRV", 3, "3304.50", "03/16/2026"]]


@pytest.mark.parametrize(("cells", "header", "months"), [
    (["12 months", "36 Months", "3 yrs", "24M", "1 year", "1,5 Jahre"], "Term", [12, 36, 36, 24, 12, 18]),
    (["12", "36"], "Laufzeit (Monate)", [12, 36]),
    ([1, 3], "Term (years)", [12, 36]),
    (["12", "36"], "Term", None),  # bare numbers with no unit anywhere: not a term
    (["30 days", "60 days"], "Payment Terms", None),
])
def test_the_months_a_term_column_says(cells: list[object], header: str, months: list[int] | None) -> None:
    found = term_months(pd.Series(cells, dtype=object), header)
    assert (None if found is None else [int(m) for m in found]) == months


def test_the_end_is_the_start_plus_the_term_less_a_day(tmp_path: Path) -> None:
    rows = [[*ROWS[0], "12 months"], [*ROWS[1], "36 Months"], [*ROWS[2], "2 yrs"]]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=[*HEADER, "Term"]))
    assert out.status == "loaded" and out.rows_quarantined == 0
    assert [str(d) for d in out.records["service_end"]] == ["2027-03-13", "2029-03-14", "2028-03-15"]
    assert any("column 'Term' holds each line's term (e.g. '12 months')" in w for w in out.warnings)


def test_an_end_column_wins_over_a_term(tmp_path: Path) -> None:
    rows = [[*ROWS[0], "12 months", "06/30/2027"], [*ROWS[1], "36 Months", "06/30/2029"]]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=[*HEADER, "Term", "Service End"]), src("distributor"))
    assert [str(d) for d in out.records["service_end"]] == ["2027-06-30", "2029-06-30"]
