"""Which currency an amount column's header says its values are in: the document's own (the invoice's,
named row by row in a currency column: "Amount (Foreign Currency)", "Amount in DC", "Betrag in Belegwährung")
or the company's own books ("Amount", "Amount (Base Currency)", "Amount in LC", "Betrag in Hauswährung").
An ERP export often carries both. Beside a currency column the document's amount is the one its currency
names; with no currency column the books' amount is, as the source's default currency is the books'.
"""

from __future__ import annotations

import re

#: the invoice's own currency: foreign, transaction, document, original currency ("FC", "DC", "TC")
_DOCUMENT = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:foreign|transaction|document|doc|invoice|original|orig|txn|trans)\.?\s*"
    r"(?:currency|curr|cur|ccy)|foreign|fc|dc|tc|fremdwährung|belegwährung|transaktionswährung|"
    r"moneda\s+(?:extranjera|del\s+documento|de\s+la\s+transacción)|monnaie\s+de\s+transaction|"
    r"devise\s+(?:étrangère|de\s+transaction|du\s+document)|valuta\s+(?:estera|del\s+documento))(?![^\W\d_])")
#: the company's books: base, local, functional, home, reporting currency ("LC", "BC", "HC")
_BOOKS = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:base|local|company|functional|home|reporting|book|accounting|subsidiary|group|"
    r"domestic)\s*(?:currency|curr|cur|ccy)|lc|bc|hc|hauswährung|landeswährung|buchungswährung|"
    r"moneda\s+(?:local|base|funcional)|monnaie\s+locale|devise\s+(?:locale|de\s+base)|valuta\s+locale)"
    r"(?![^\W\d_])")

DOCUMENT, BOOKS = "document", "books"


def amount_currency(header: str) -> str | None:
    """DOCUMENT when the header says its amounts are in each document's currency, BOOKS when in the company's own,
    None when it says neither (or both)."""
    document, books = _DOCUMENT.search(header) is not None, _BOOKS.search(header) is not None
    if document == books:
        return None
    return DOCUMENT if document else BOOKS
