"""An ERP export with two amounts, one in each invoice's currency and one in the company's books: beside a currency
column the invoice's own is the amount (NetSuite's "Amount (Foreign Currency)" over its "Amount" in the
subsidiary's currency); with none, the books' own is. Files written here and read as the night does."""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.amount_currencies import BOOKS, DOCUMENT, amount_currency
from tests.sources.hostile import read, src


@pytest.mark.parametrize(("header", "said"), [
    ("Amount (Foreign Currency)", DOCUMENT), ("Foreign Amount", DOCUMENT), ("Amount in DC", DOCUMENT),
    ("Betrag in Belegwährung", DOCUMENT), ("Amount (Transaction Currency)", DOCUMENT),
    ("Amount (Base Currency)", BOOKS), ("Amount in LC", BOOKS), ("Betrag in Hauswährung", BOOKS),
    ("Montant en devise locale", BOOKS), ("Amount", None), ("Total USD", None), ("Amount (EUR)", None),
])
def test_the_currency_an_amount_header_says(header: str, said: str | None) -> None:
    assert amount_currency(header) == said


NETSUITE = ("Date;Document Number;Customer;Item;Quantity;Currency;Exchange Rate;Rate;Amount (Foreign Currency);Amount\n"
            "3/3/2026;INV-SG26031;Harbourfront Capital Pte Ltd;R0Q76B;1;USD;1.342;10922.97;10922.97;14658.63\n"
            "6/3/2026;INV-SG26033;Batam Shipyard PT;C9300-48P-A;1;IDR;0.0000845;176564700.00;176564700.00;14919.72\n"
            "9/3/2026;INV-SG26034;Marina Bay Clinic Pte Ltd;H8QN5E;1;SGD;1;2250.00;2250.00;2250.00\n")


def test_beside_a_currency_column_the_invoices_own_amount_is_read(tmp_path: Path) -> None:
    out = read(tmp_path, "netsuite.csv", NETSUITE, src("accounting"))
    assert [float(a) for a in out.records["amount"]] == [10922.97, 176564700.00, 2250.00]
    assert list(out.records["currency"]) == ["USD", "IDR", "SGD"]
    assert any("column 'Amount (Foreign Currency)' is read as the amount: its header says it is in each row's "
               "currency, which a currency column names; 'Amount' left unread" in w for w in out.warnings)


def test_with_no_currency_column_the_books_amount_is_read(tmp_path: Path) -> None:
    text = ("Posting Date;Document No.;Customer;Amount in DC;Amount in LC\n"
            "2026-03-03;1800001;Harbourfront Capital Pte Ltd;10922.97;14658.63\n"
            "2026-03-06;1800002;Batam Shipyard PT;176564700.00;14919.72\n")
    out = read(tmp_path, "sap.csv", text, src("accounting"))
    assert [float(a) for a in out.records["amount"]] == [14658.63, 14919.72]
