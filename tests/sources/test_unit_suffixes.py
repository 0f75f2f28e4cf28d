"""Quantities and unit prices written with their unit of measure, read through the reader from real CSV files.

Tally (India) writes "1 Nos" in Quantity and "3,073.04/Nos" in Rate; other systems "2 pcs", "5 Stk.",
"3 St.", "1 ea", "4 units", "10 x", "2 Stück", "1 unidad", "3 pz", "2 st". The count or the price is
read without its unit (`sources.values.QUANTITY_UNITS`) and a note says how many cells were; a word that
counts no units ("12 months") is still a bad quantity.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from sources.reader import FileOutcome
from tests.sources.hostile import read

HEADER = ["Invoice Date", "Invoice No", "Reseller", "End Customer", "Part Number", "Quantity", "Rate", "Amount"]
CUSTOMERS = ["Sharma Textiles Pvt Ltd", "Mehta Pharma Ltd", "Kaveri Logistics LLP", "Nair Hospitals Pvt Ltd"]


def _csv(rows: list[list[str]], header: list[str] = HEADER) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows([header, *rows])
    return buf.getvalue()


def _rows(out: FileOutcome, *columns: str) -> list[tuple[object, ...]]:
    """`columns` of the loaded records, one tuple a row, in file order."""
    return list(out.records.sort_values("source_row")[list(columns)].itertuples(index=False, name=None))


def test_tally_nos_quantity_and_rate_per_nos(tmp_path: Path) -> None:
    rows = [
        ["05-01-2026", "TI/001", "Kelstead Data Systems", CUSTOMERS[0], "C9300-48P", "1 Nos", "3,073.04/Nos", "3,073.04"],
        ["06-01-2026", "TI/002", "Alridge Digital", CUSTOMERS[1], "FG-200F", "2 Nos", "1,157.13/Nos", "2,314.26"],
        ["07-01-2026", "TI/003", "Alridge Digital", CUSTOMERS[2], "CON-SNT", "12 Nos", "1,05,000.00 / Nos",
         "12,60,000.00"],
        ["08-01-2026", "TI/004", "Kelstead Data Systems", CUSTOMERS[3], "C9200L", "3 nos.", "500/NOS.", "1,500.00"],
    ]
    out = read(tmp_path, "tally.csv", _csv(rows))
    assert out.status == "loaded", out.error
    assert out.rows_quarantined == 0
    mapping = out.sheets[0].mapping
    assert (mapping["Quantity"], mapping["Rate"]) == ("quantity", "unit_price")
    assert _rows(out, "quantity", "unit_price", "amount") == [
        (1, 3073.04, 3073.04), (2, 1157.13, 2314.26), (12, 105000.0, 1260000.0), (3, 500.0, 1500.0),
    ]
    notes = " ".join(out.warnings)
    assert "quantity ('Quantity'): 4 value(s) are written with a unit (e.g. '1 Nos')" in notes
    assert "unit_price ('Rate'): 4 value(s) are written as the price of one unit (e.g. '3,073.04/Nos')" in notes


@pytest.mark.parametrize(("cell", "count"), [
    ("2 pcs", 2), ("5 Stk.", 5), ("3 St.", 3), ("1 ea", 1), ("4 units", 4), ("10 x", 10), ("2 Stück", 2),
    ("1 unidad", 1), ("3 pz", 3), ("2 st", 2), ("2pcs", 2), ("1,000 PCS", 1000), ("6 szt.", 6), ("2 adet", 2),
    ("4 шт", 4), ("2台", 2), ("3 FTE", 3), ("25 seats", 25),
])
def test_quantity_with_a_unit_word(tmp_path: Path, cell: str, count: int) -> None:
    rows = [["2026-01-05", f"INV-{i}", "Kelstead Data Systems", CUSTOMERS[i], "C9300-48P", cell, "100.00", "100.00"]
            for i in range(3)]
    out = read(tmp_path, "units.csv", _csv(rows))
    assert out.status == "loaded", out.error
    assert out.rows_quarantined == 0
    assert _rows(out, "quantity") == [(count,)] * 3
    assert any(f"3 value(s) are written with a unit (e.g. '{cell}')" in w for w in out.warnings)


@pytest.mark.parametrize(("cell", "price"), [
    ("$12.50 per unit", 12.50), ("$12.50 each", 12.50), ("12.50 USD/pcs", 12.50), ("1,250.00/ea", 1250.0),
])
def test_price_per_unit(tmp_path: Path, cell: str, price: float) -> None:
    rows = [["2026-01-05", f"INV-{i}", "Kelstead Data Systems", CUSTOMERS[i], "C9300-48P", "1", cell, "100.00"]
            for i in range(3)]
    out = read(tmp_path, "prices.csv", _csv(rows))
    assert out.status == "loaded", out.error
    assert out.rows_quarantined == 0
    assert _rows(out, "unit_price") == [(price,)] * 3


def test_decimal_comma_price_per_stueck(tmp_path: Path) -> None:
    """A German export: "12,50 €/Stk." is 12.50 euro a piece, "1.234,00 € pro Stück" 1234."""
    header = ["Rechnungsdatum", "Händler", "Endkunde", "Artikelnummer", "Menge", "Einzelpreis", "Betrag"]
    rows = [
        ["05.01.2026", "Bechtle AG", "Müller GmbH", "C9300-48P", "2 Stk.", "12,50 €/Stk.", "25,00 €"],
        ["06.01.2026", "Cancom SE", "Schäfer KG", "FG-200F", "1 Stück", "1.234,00 € pro Stück", "1.234,00 €"],
    ]
    out = read(tmp_path, "de.csv", _csv(rows, header))
    assert out.status == "loaded", out.error
    assert out.rows_quarantined == 0
    assert _rows(out, "quantity", "unit_price", "amount", "currency") == [
        (2, 12.5, 25.0, "EUR"), (1, 1234.0, 1234.0, "EUR"),
    ]


def test_a_duration_is_no_count_of_units(tmp_path: Path) -> None:
    """"12 months" says how long, not how many: its row is quarantined as before, never read as 12 units."""
    rows = [
        ["2026-01-05", "INV-1", "Kelstead Data Systems", CUSTOMERS[0], "C9300-48P", "2 pcs", "100.00", "200.00"],
        ["2026-01-06", "INV-2", "Kelstead Data Systems", CUSTOMERS[1], "CON-SNT", "12 months", "100.00", "1,200.00"],
        ["2026-01-07", "INV-3", "Kelstead Data Systems", CUSTOMERS[2], "FG-200F", "5 kg", "100.00", "500.00"],
    ]
    out = read(tmp_path, "durations.csv", _csv(rows))
    assert out.rows_loaded == 1 and out.rows_quarantined == 2
    assert _rows(out, "quantity") == [(2,)]
