"""A line's quantity, unit price and amount named by their arithmetic (`sources.line_arithmetic`): under
headers in words no vocabulary holds, the column that is one column times another on every row is the
amount. Files written here and read as the night reads them."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from sources.line_arithmetic import LineColumns, line_columns
from tests.sources.hostile import csv_text, read, src

# a Faroese ledger (Uniconta): the quantity, unit price and amount headers are words no table holds
HEADER = ["Invoice No", "Invoice Date", "Customer", "Vørunr.", "Nøgd", "Stykkprísur", "Upphædd (DKK)"]
ROWS = [
    ["40101", "2026-03-02", "Tórshavnar Kommuna", "C9300-48P", 2, "1250.00", "2500.00"],
    ["40102", "2026-03-03", "Bakkafrost P/F", "C9200L-24T", 3, "899.50", "2698.50"],
    ["40103", "2026-03-05", "Smyril Line", "MR46-HW", 1, "640.00", "640.00"],
    ["40104", "2026-03-09", "Atlantic Airways", "MS225-48", 4, "1100.25", "4401.00"],
    ["40105", "2026-03-11", "Føroya Banki", "C9300-48P", 5, "1250.00", "6250.00"],
]


def test_the_product_of_two_columns_is_the_amount_under_any_words(tmp_path: Path) -> None:
    out = read(tmp_path, "ledger.csv", csv_text(ROWS, header=HEADER), src("accounting"))
    assert out.status == "loaded" and out.rows_loaded == 5
    assert [float(a) for a in out.records["amount"]] == [2500.0, 2698.5, 640.0, 4401.0, 6250.0]
    assert [int(q) for q in out.records["quantity"]] == [2, 3, 1, 4, 5]
    assert [float(p) for p in out.records["unit_price"]] == [1250.0, 899.5, 640.0, 1100.25, 1250.0]
    assert any("column 'Upphædd (DKK)' is 'Nøgd' times 'Stykkprísur' on every row" in w for w in out.warnings)


def test_a_sure_header_for_another_field_takes_no_part(tmp_path: Path) -> None:
    # "Discount" names a field of its own: the product of quantity and price is still found among the rest
    header = [*HEADER[:6], "Tax", "Upphædd (DKK)"]
    rows = [[*r[:6], f"{float(r[6]) * 0.25:.2f}", r[6]] for r in ROWS]
    out = read(tmp_path, "ledger.csv", csv_text(rows, header=header), src("accounting"))
    assert [float(a) for a in out.records["amount"]] == [2500.0, 2698.5, 640.0, 4401.0, 6250.0]


def test_two_triples_say_nothing() -> None:
    q = np.array([2.0, 3, 1, 4])
    net, gross = np.array([10.0, 20, 30, 40]), np.array([12.5, 25, 37.5, 50])
    # net and gross prices, each with its own line total: two amounts, the words must decide
    assert line_columns({0: q, 1: net, 2: q * net, 3: gross, 4: q * gross}) is None
    assert line_columns({0: q, 1: net, 2: q * net}) == LineColumns(0, 1, 2)


def test_quantities_of_one_or_fractions_say_nothing() -> None:
    price = np.array([10.0, 20, 30, 40])
    assert line_columns({0: np.ones(4), 1: price, 2: price.copy()}) is None  # a price equal to its amount
    half, rate = np.array([0.5, 1.5, 2.5, 1.0]), np.array([80.5, 92.25, 80.5, 110.75])
    assert line_columns({0: half, 1: rate, 2: half * rate}) is None  # hours at a rate: no factor counts units
    # both factors whole: the smaller values are the quantity, wherever the columns stand
    assert line_columns({0: price, 1: np.array([2.0, 3, 1, 4]), 2: price * [2, 3, 1, 4]}) == LineColumns(1, 0, 2)
