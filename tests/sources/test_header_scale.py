"""An amount column whose header says its unit (thousands, millions, cents) is read in the currency's units, with a
warning (`sources.header_scale`): "Sales (USD 000)" holding 4.5 is 4,500. Files written here and read as the night does."""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.header_scale import header_scale
from tests.sources.hostile import csv_text, read

HEADER = ["Invoice Date", "Reseller", "End User", "SKU", "Qty"]
ROWS = [["2024-03-01", "Infocore", "Delta Legal", "C9300-48P-A", 1], ["2024-03-02", "Northwire", "Kestrel", "C9200L", 2]]


@pytest.mark.parametrize(("header", "scale"), [
    ("Sales (USD 000)", 1_000.0), ("Ext Price ($K)", 1_000.0), ("Umsatz TEUR", 1_000.0), ("Amount (k€)", 1_000.0),
    ("Revenue (£'000)", 1_000.0), ("Importe (miles de €)", 1_000.0), ("Net amount in thousands", 1_000.0),
    ("Revenue (EUR m)", 1_000_000.0), ("Betrag (Mio. €)", 1_000_000.0), ("Ext Price (in cents)", 0.01),
    ("Belopp (tkr)", 1_000.0), ("Omsättning (mkr)", 1_000_000.0), ("Amount (TUSD)", 1_000.0),
    ("Belopp (kr)", None), ("Cena (Kč)", None), ("Amount", None), ("Amount (USD)", None), ("Total (€)", None), ("Qty (k units)", None), ("Price (in EUR)", None),
])
def test_the_unit_a_header_writes(header: str, scale: float | None) -> None:
    found = header_scale(header)
    assert (found[0] if found else None) == scale


def test_amounts_in_thousands_are_read_in_the_currencys_units_with_a_warning(tmp_path: Path) -> None:
    rows = [[*ROWS[0], "4.5"], [*ROWS[1], "13.5"]]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=[*HEADER, "Sales (USD 000)"]))
    assert out.status == "loaded" and [float(a) for a in out.records["amount"]] == [4500.0, 13500.0]
    assert "inbox/pos.csv: amount ('Sales (USD 000)'): the header says the values are in thousands: read ×1,000 " \
           "('4.5' is 4,500.00)" in out.warnings


def test_prices_in_cents_are_read_in_the_currencys_units(tmp_path: Path) -> None:
    rows = [[*ROWS[0], "125050"], [*ROWS[1], "99"]]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=[*HEADER, "Ext Price (in cents)"]))
    assert [float(a) for a in out.records["amount"]] == [1250.5, 0.99]
