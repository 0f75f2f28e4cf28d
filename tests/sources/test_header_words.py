"""Reading headers into vocabulary words, and scoring them against fields."""

from __future__ import annotations

import pytest

from sources.header_words import header_words
from sources.headers import field_scores, find_header_row, recognise_header, score_header


def _words(text: str) -> list[str]:
    return [w.text for w in header_words(text)]


@pytest.mark.parametrize(
    ("header", "words"),
    [
        ("SoldToPartyName", ["sold to", "name"]),
        ("bill_to_nm", ["bill to", "name"]),
        ("Vendor Part No.", ["vendor", "part", "number"]),
        ("S/N(s)", ["serial", "number"]),
        ("EndUser Acct", ["end user", "account"]),
        ("Inv.Dt", ["invoice", "date"]),
        ("Mfr P/N", ["manufacturer", "part", "number"]),
        ("Qty Shipped", ["quantity", "shipped"]),
        ("Ext. Amt", ["extended", "amount"]),
        ("Rechnungsdatum", ["invoice", "date"]),
        ("Kd.-Nr.", ["customer", "number"]),
        ("Laufzeitende", ["term", "end"]),
        ("N° de série", ["number", "serial"]),
        ("Fecha de factura", ["date", "invoice"]),
        ("factuurdatum", ["invoice", "date"]),
        ("Ship2Name", ["ship to", "name"]),
        ("address1_stateorprovince", ["1", "state", "province"]),
        ("", []),
    ],
)
def test_header_words(header: str, words: list[str]) -> None:
    assert _words(header) == words


def test_words_remember_how_they_were_read() -> None:
    how = {w.text: w.how for w in header_words("Cust Serail Bezeichnung cntrt")}
    assert how == {"customer": "abbreviation", "serial": "typo", "description": "foreign", "contract": "guessed"}


def test_a_cell_too_long_for_a_header_has_no_words() -> None:
    assert header_words("Catalyst 9300 48-port PoE+ switch with three years of SmartNet coverage") == ()


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("SoldToPartyName", "reseller_name"),
        ("bill_to_nm", "bill_to_name"),
        ("Vendor Part No.", "sku"),
        ("S/N(s)", "serial_numbers"),
        ("EndUser Acct", "customer_account"),
        ("Inv.Dt", "invoice_date"),
        ("Mfr P/N", "sku"),
        ("Qty Shipped", "quantity"),
        ("Ext. Amt", "amount"),
        ("Kunde", "customer_name"),
        ("Rechnungsdatum", "invoice_date"),
        ("Seriennummer", "serial_numbers"),
        ("Artikelnummer", "sku"),
        ("Menge", "quantity"),
        ("Betrag", "amount"),
        ("Vertragsnummer", "contract_number"),
        ("Laufzeitende", "service_end"),
        ("client", "customer_name"),
        ("date de facture", "invoice_date"),
        ("numéro de série", "serial_numbers"),
        ("cliente", "customer_name"),
        ("fecha", "invoice_date"),
        ("factura", "invoice_number"),
        ("klant", "customer_name"),
        ("factuurdatum", "invoice_date"),
        ("serienummer", "serial_numbers"),
        ("einddatum", "service_end"),
    ],
)
def test_the_brief_s_headers_name_their_field(header: str, field: str) -> None:
    assert recognise_header([header]).mapping == {0: field}


@pytest.mark.parametrize("header", ["Region Code", "Discount Category", "PO Number", "Bill To City", "Margin %"])
def test_a_word_of_another_meaning_keeps_a_header_unmapped(header: str) -> None:
    assert recognise_header([header]).mapping == {}


def test_a_bare_role_or_attribute_is_not_most_of_a_field() -> None:
    scores = score_header("Customer")
    assert scores["customer_name"].score == 1.0 and scores["customer_account"].score < 0.75
    assert max((s.score for s in score_header("Reference").values()), default=0) < 0.75


def test_the_kind_decides_whose_customer_a_customer_column_is() -> None:
    # a distributor's customer is the reseller; an invoice's customer is the bill-to
    assert recognise_header(["Customer", "End User"], kind="distributor").mapping == {
        0: "reseller_name", 1: "customer_name"}
    assert recognise_header(["Kunde", "Kundennummer"], kind="accounting").mapping == {
        0: "bill_to_name", 1: "bill_to_account"}
    assert recognise_header(["Customer", "Bill To"], kind="accounting").mapping == {
        0: "customer_name", 1: "bill_to_name"}
    assert field_scores("Customer", "crm_accounts") == score_header("Customer")


def test_partner_program_fields_only_in_partner_program_files() -> None:
    assert recognise_header(["Tier", "Split %"]).mapping == {}
    assert recognise_header(["Partner", "Tier", "Split %"], kind="partner_program").mapping == {
        0: "partner_name", 1: "tier", 2: "split_percent"}


def test_german_header_row_found_under_a_title() -> None:
    rows = [["Rechnungsausgangsbuch 2025"], [None], ["Rechnungsnr.", "Datum", "Kunde", "Betrag"], ["1", "2", "3", "4"]]
    idx, match = find_header_row(rows, "accounting")
    assert idx == 2
    assert match.mapping == {0: "invoice_number", 1: "invoice_date", 2: "bill_to_name", 3: "amount"}


@pytest.mark.parametrize(("header", "field"), [("$$", "amount"), ("€", "amount"), ("Renewal $", "amount"),
                                               ("Renewal ₹", "amount"), ("£ Net", "amount"), ("€/Unit", "unit_price"),
                                               ("Price (€)", "unit_price"), ("List Price $", "list_price")])
def test_a_currency_sign_is_money_where_no_word_says_which(header: str, field: str) -> None:
    """A rep's "$$" or "Renewal $" is the amount; a header whose words name the money keeps its field."""
    scores = field_scores(header, "sales_rep")
    assert max(scores, key=lambda f: scores[f].score) == field


def test_a_currency_sign_beside_a_money_word_adds_nothing() -> None:
    assert _words("Value $") == ["value"] and _words("Curr. $") == ["currency"] and _words("Tax $") == ["tax"]


@pytest.mark.parametrize(("header", "words"), [
    # SAP's ALV column headings: a technical name in CamelCase is read whole ("Fk" "Art" was an article, "Vk" "Org"
    # a selling price), and a German short text cut with a full stop is the one word it begins
    ("FkArt", ["billing", "type"]), ("VkOrg", ["sales", "organisation"]), ("SerNr", ["serial", "number"]),
    ("Auftragg.", ["sold to"]), ("Bezeichn.", ["description"]), ("Descript.", ["description"]),
    ("Vertr.", ["vertr"]),  # begins words that mean several things: left as it is
    # a glued compound read by its known head after an unknown modifier (Dynamics 365's German columns)
    ("Haupttelefon", ["haupt", "telephone"]), ("Beziehungstyp", ["beziehungs", "type"]),
    ("Zahlungsart", ["zahlungsart"]), ("Automobile", ["automobile"]),
])
def test_sap_headings_camel_case_names_cut_words_and_compound_heads(header: str, words: list[str]) -> None:
    assert _words(header) == words
