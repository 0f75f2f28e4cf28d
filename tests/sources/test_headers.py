"""Header recognition: synonyms, fuzzy matches, `columns:` overrides and header-row detection."""

from __future__ import annotations

import pytest

from sources.fields import CANONICAL_FIELDS
from sources.headers import (
    SYNONYMS,
    field_scores,
    find_header_row,
    header_score,
    is_recognisable,
    looks_like_data,
    normalise_header,
    recognise_header,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S/N:", "s n"),
        ("Serial No.", "serial no"),
        ("  End-User  Name ", "end user name"),
        ("Qty.", "qty"),
        ("Contract #", "contract #"),
        ("Bill-To & Ship", "bill to and ship"),
        ("INVOICE_DATE", "invoice date"),
        (None, ""),
        (12, "12"),
    ],
)
def test_normalise_header(text: object, expected: str) -> None:
    assert normalise_header(text) == expected


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("S/N", "serial_numbers"),
        ("Serial #", "serial_numbers"),
        ("Serial No.", "serial_numbers"),
        ("Serial Numbers", "serial_numbers"),
        ("End User Name", "customer_name"),
        ("END USER", "customer_name"),
        ("Sold To", "reseller_name"),
        ("Bill-To Name", "bill_to_name"),
        ("Part Number", "sku"),
        ("Qty", "quantity"),
        ("Ext. Price", "amount"),
        ("Unit Price", "unit_price"),
        ("MSRP", "list_price"),
        ("Contract #", "contract_number"),
        ("Expiry Date", "service_end"),
        ("Coverage Start", "service_start"),
        ("Ship Date", "invoice_date"),
        ("Invoice No.", "invoice_number"),
        ("Account Owner", "rep"),
        ("ZIP Code", "customer_postal_code"),
        ("e-mail", "customer_email"),
        ("service_end", "service_end"),  # a canonical name is always its own synonym
    ],
)
def test_synonyms(header: str, field: str) -> None:
    match = recognise_header([header])
    assert match.mapping == {0: field}
    assert match.how == {field: "synonym"}


def test_every_synonym_targets_a_canonical_field() -> None:
    assert set(SYNONYMS) <= set(CANONICAL_FIELDS)


@pytest.mark.parametrize(
    ("header", "field"),
    [("Serail Number", "serial_numbers"), ("Custmer Name", "customer_name"), ("Reseler", "reseller_name")],
)
def test_fuzzy_match_catches_typos(header: str, field: str) -> None:
    match = recognise_header([header])
    assert match.mapping == {0: field}
    assert match.how == {field: "fuzzy"}


@pytest.mark.parametrize("header", ["Qyt", "Region Code", "Margin %", ""])
def test_unrelated_or_short_headers_stay_unmapped(header: str) -> None:
    assert recognise_header([header]).mapping == {}


def test_columns_override_wins_over_synonyms() -> None:
    # "Sold To" is a reseller synonym; this source says it is the end customer
    match = recognise_header(["Sold To", "Dealer", "Item"], {"customer_name": "sold to"})
    assert match.mapping == {0: "customer_name", 1: "reseller_name", 2: "sku"}
    assert match.how == {"customer_name": "columns", "reseller_name": "synonym", "sku": "synonym"}


def test_columns_override_header_is_not_reused_by_synonyms() -> None:
    # the header named for bill_to_name must not also be taken as customer_name
    match = recognise_header(["Customer", "Total"], {"bill_to_name": "Customer"})
    assert match.mapping == {0: "bill_to_name", 1: "amount"}


def test_first_column_wins_a_duplicate_field() -> None:
    match = recognise_header(["Customer", "End User", "SKU"])
    assert match.mapping == {0: "customer_name", 2: "sku"}
    assert match.fields == {"customer_name", "sku"}


def test_headers_are_kept_as_written_on_one_line() -> None:
    match = recognise_header(["  Serial\nNumber ", None, "Qty"])
    assert match.headers == ["Serial Number", "", "Qty"]
    assert match.mapping == {0: "serial_numbers", 2: "quantity"}


def test_recognisable_needs_two_fields_one_required() -> None:
    assert is_recognisable(recognise_header(["End User", "SKU"]), "distributor")
    assert not is_recognisable(recognise_header(["Notes", "Comments", "Status"]), "distributor")  # none required
    assert not is_recognisable(recognise_header(["End User"]), "distributor")  # one field only
    assert is_recognisable(recognise_header(["SKU", "List Price"]), "price_list")
    # crm_contracts: either customer field satisfies the "one of" requirement
    assert is_recognisable(recognise_header(["Account ID", "Contract Number"]), "crm_contracts")


def test_required_fields_outweigh_other_fields() -> None:
    required = recognise_header(["Invoice Date", "Reseller", "End User", "SKU"])
    others = recognise_header(["Notes", "Status", "Currency", "Phone", "Email", "City", "Region", "Comment"])
    assert header_score(required, "distributor") == 40
    assert header_score(others, "distributor") == 7


def test_find_header_row_skips_title_rows() -> None:
    rows = [
        ["Ingram Micro – POS report", None, None, None],
        ["Period: Q1 2026", None, None, None],
        [None, None, None, None],
        ["Invoice Date", "Reseller", "End User", "SKU"],
        ["2026-03-15", "Acme", "Foo Ltd", "AB-1"],
    ]
    idx, match = find_header_row(rows, "distributor")
    assert idx == 3
    assert match.mapping == {0: "invoice_date", 1: "reseller_name", 2: "customer_name", 3: "sku"}


def test_find_header_row_prefers_the_best_row() -> None:
    rows = [
        ["Customer", "Notes", None],  # recognisable but weaker (one required field)
        ["Customer", "Expiry Date", "Serial"],
    ]
    assert find_header_row(rows, "sales_rep")[0] == 1


def test_find_header_row_uses_columns_overrides() -> None:
    # headers no vocabulary knows (German ones are known now: see test_header_words.py)
    rows = [["Quux", "Blixt", "Flob", "Partner"], ["x", "y", "z", "w"]]
    assert find_header_row(rows, "distributor") is None  # no row of words over data
    found = find_header_row(rows, "distributor", {"customer_name": "Quux", "sku": "Blixt"})
    assert found is not None and found[0] == 0
    assert found[1].mapping == {0: "customer_name", 1: "sku", 3: "reseller_name"}
    assert found[1].how == {"customer_name": "columns", "sku": "columns", "reseller_name": "synonym"}


def test_configured_header_row_is_one_based_and_taken_as_is() -> None:
    rows = [["Invoice Date", "Reseller"], ["Quux", "Blixt"], ["a", "b"]]
    idx, match = find_header_row(rows, "distributor", {"customer_name": "Quux"}, header_row=2)
    assert idx == 1
    assert match.mapping == {0: "customer_name"}  # taken even though it is not "recognisable"
    assert find_header_row(rows, "distributor", header_row=4) is None


def test_no_header_at_all() -> None:
    assert find_header_row([["a", "b"], [1, 2], [None, None]], "distributor") is None
    assert find_header_row([], "distributor") is None


_EXPORTS_IN_MORE_LANGUAGES = {
    "it": ("distributor", "Data fattura|Numero fattura|Rivenditore|Codice rivenditore|Cliente finale|Città|Provincia|"
           "CAP|Codice articolo|Descrizione|Numero di serie|Quantità|Prezzo unitario|Importo|Numero contratto|"
           "Inizio copertura|Fine copertura"),
    "pl": ("distributor", "Data faktury|Nr faktury|Odsprzedawca|ID odsprzedawcy|Klient końcowy|Miasto|Województwo|"
           "Kod pocztowy|Indeks|Opis|Numer seryjny|Ilość|Cena jednostkowa|Wartość|Numer umowy|Początek serwisu|"
           "Koniec serwisu"),
    "pt": ("distributor", "Data da fatura|Número da fatura|Revendedor|Código do revendedor|Cliente final|Cidade|"
           "Estado|CEP|Código do produto|Descrição|Número de série|Quantidade|Preço unitário|Valor total|"
           "Número do contrato|Início da cobertura|Fim da cobertura"),
    "sv": ("distributor", "Fakturadatum|Fakturanummer|Återförsäljare|Återförsäljar-ID|Slutkund|Ort|Län|Postnummer|"
           "Artikelnummer|Beskrivning|Serienummer|Antal|Styckpris|Belopp|Avtalsnummer|Avtalsstart|Avtalsslut"),
    "tr": ("distributor", "Fatura Tarihi|Fatura No|Bayi|Bayi Kodu|Son Kullanıcı|Şehir|İl|Posta Kodu|Ürün Kodu|"
           "Açıklama|Seri No|Miktar|Birim Fiyat|Tutar|Sözleşme No|Hizmet Başlangıç Tarihi|Hizmet Bitiş Tarihi"),
    "abbreviated": ("distributor", "Inv. Dt|Inv #|Resl. Nm|Resl. ID|End Cust Name|City|St|Zip|Mfr Part #|Desc.|"
                    "Ser. No.|Qty.|Unit Pr.|Ext. Amt|Ctr. No.|Svc Start|Exp. Date"),
}
_DISTRIBUTOR_FIELDS = [
    "invoice_date", "invoice_number", "reseller_name", "reseller_account", "customer_name", "customer_city",
    "customer_state", "customer_postal_code", "sku", "description", "serial_numbers", "quantity", "unit_price",
    "amount", "contract_number", "service_start", "service_end",
]


@pytest.mark.parametrize("language", sorted(_EXPORTS_IN_MORE_LANGUAGES))
def test_distributor_headers_in_more_languages(language: str) -> None:
    kind, line = _EXPORTS_IN_MORE_LANGUAGES[language]
    match = recognise_header(line.split("|"), kind=kind)
    # Swedish "Län" (county) is left out on purpose: folded it is "lan", a network port in IT exports
    expected = [None if (language, f) == ("sv", "customer_state") else f for f in _DISTRIBUTOR_FIELDS]
    assert [match.mapping.get(i) for i in range(len(_DISTRIBUTOR_FIELDS))] == expected


@pytest.mark.parametrize(("line", "fields"), [
    ("N° facture;Date facture;Code client;Client facturé;Client livré;Désignation;Montant HT",
     ["invoice_number", "invoice_date", "customer_account", "bill_to_name", "customer_name", "description", "amount"]),
    ("Nr faktury;Data wystawienia;Nabywca;Odbiorca;Kod towaru;Nr seryjny;Wartość netto;Waluta",
     ["invoice_number", "invoice_date", "bill_to_name", "customer_name", "sku", "serial_numbers", "amount",
      "currency"]),
])
def test_accounting_exports_tell_the_billed_from_the_delivered_customer(line: str, fields: list[str]) -> None:
    match = recognise_header(line.split(";"), kind="accounting")
    assert [match.mapping.get(i) for i in range(len(fields))] == fields


def test_a_data_row_is_never_taken_for_the_header() -> None:
    # a header in words the vocabulary lacks (Dhivehi), over data rows that hold header words by chance
    header = ["އިންވޮއިސް ތާރީޚް", "އިންވޮއިސް ނަންބަރު", "ރީސެލަރު", "ރީސެލަރުގެ ކޯޑު", "ފަހު ކަސްޓަމަރު", "ރަށް", "އަތޮޅު"]
    rows = [header] + [
        ["2022-04-03", f"HDRDA-{i:04d}", "Norcrest Data Systems Inc", "WB10154", "Ravenwood Co.", "St. Louis", "MO"]
        for i in range(20)
    ]
    # no row's words name a field: the header is the row of words over the data, found by its shape (its
    # columns are then read by their values), never a data row holding a header word by chance
    found = find_header_row(rows, "distributor")
    assert found is not None and found[0] == 0 and found[1].fields == set()
    assert looks_like_data(rows[1]) and not looks_like_data(header)
    assert not looks_like_data(["Invoice Date", "Col_07 Serial", "Address 2", "Amount [EUR]", "Q1 2026"])


def test_a_relation_path_is_read_by_its_last_step() -> None:
    """Odoo and other ERPs export a related record's field as a path: "Invoice lines/Product"."""
    best = {h: max(field_scores(h, "accounting").items(), key=lambda kv: kv[1].score)[0]
            for h in ["Invoice lines/Product", "Invoice lines/Quantity", "Order Lines/Unit Price", "Partner/Country",
                      "Lot/Serial Number"]}
    assert best == {"Invoice lines/Product": "sku", "Invoice lines/Quantity": "quantity",
                    "Order Lines/Unit Price": "unit_price", "Partner/Country": "customer_country",
                    "Lot/Serial Number": "serial_numbers"}
    assert max(s.score for s in field_scores("Invoice lines/Product", "accounting").values()) == 0.95
