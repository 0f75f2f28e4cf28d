"""Money rounded to cents in DECIMAL: the same cents on every DuckDB version the project allows (round() of a
DOUBLE changed between 1.4 and 2.0: 883.50 x 1.03 gave 910.01 on one and 910.00 on the other)."""

from __future__ import annotations

from decimal import Decimal

import duckdb
import pytest

from reports.steps import REPORTS_SQL, VALUATION_MACROS
from warehouse.steps import register_macros


@pytest.mark.parametrize("define", ["warehouse", "reports"])
def test_a_half_cent_rounds_away_from_zero_whatever_its_binary_form(define: str) -> None:
    con = duckdb.connect()
    register_macros(con) if define == "warehouse" else REPORTS_SQL.run(con, VALUATION_MACROS)
    row = con.execute(
        "SELECT cents(883.50::DECIMAL(18, 2) * (1 + 0.03::DOUBLE)), cents(2.675::DOUBLE), cents(-2.675::DOUBLE), "
        "cents(1000.125::DECIMAL(18, 3)), cents(100.00::DECIMAL(18, 2) * 12 / 7), cents(NULL)").fetchall()[0]
    assert row == (Decimal("910.01"), Decimal("2.68"), Decimal("-2.68"), Decimal("1000.13"), Decimal("171.43"), None)


def test_cents_of_many_half_cents_are_those_of_decimal_arithmetic() -> None:
    con = duckdb.connect()
    register_macros(con)
    values = [f"{n}.{c:02d}5" for n in range(0, 5000, 7) for c in (0, 49, 99)]
    got = con.execute("SELECT cents(CAST(v AS DOUBLE))::VARCHAR FROM unnest(?::VARCHAR[]) AS t(v)", [values]).fetchall()
    want = [str(Decimal(v).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")) for v in values]
    assert [g for (g,) in got] == want
