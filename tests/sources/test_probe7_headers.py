"""Headers of the seventh probe (foreign distributors' POS reports: German, Brazilian, French, Italian, Czech, Polish,
Swedish, Japanese), each written as a real file in tmp_path and read as the nightly run reads it: the column lands
on the field a person would choose, and a column naming what no field holds (a tax id, VAT, a cost centre) on none."""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.headers import HEADER_MIN, field_scores
from sources.reader import FileOutcome
from tests.sources.hostile import read

# --- files as the distributors write them --------------------------------------------------------------------------

#: ALSO's German sell-out report (sep= line, BOM, title block): the distributor's purchase price ("EK-Preis") beside
#: its selling price ("VK-Preis"), the net line amount ("Netto"), the VAT on it ("MwSt.") and the gross amount
ALSO_HEADER = ["Belegdatum", "Belegnummer", "Kunde", "Kundennummer", "Endkunde Name", "Endkunde PLZ", "Endkunde Ort",
               "Hersteller-Art.-Nr.", "Bezeichnung", "Serien-Nr.", "Anzahl", "EK-Preis", "VK-Preis", "Netto", "MwSt.",
               "Brutto"]
ALSO_ROWS = [
    ["01.03.2024", "AL-240301-17", "SVA System Vertrieb Alexander GmbH", "112233", "Bäckerei Görtz GmbH & Co. KG",
     "67059", "Ludwigshafen", "C9200L-24P-4G-E", "Catalyst 9200L 24p PoE+", "JAE24021ABC", "1", "1.364,09",
     "1.499,00", "1.499,00", "284,81", "1.783,81"],
    ["01.03.2024", "AL-240301-17", "SVA System Vertrieb Alexander GmbH", "112233", "Bäckerei Görtz GmbH & Co. KG",
     "67059", "Ludwigshafen", "CON-SNT-C92L24PE", "SNTC 8x5xNBD C9200L-24P", "JAE24021ABC", "1", "263,81", "289,90",
     "289,90", "55,08", "344,98"],
    ["08.03.2024", "AL-240308-03", "Bechtle IT-Systemhaus Köln", "118877", "Kölner Verkehrs-Betriebe AG", "50933",
     "Köln", "C9300-24T-E", "Catalyst 9300 24-port data", "FOC2409L1Z9 FOC2409L1ZA FOC2409L1ZB", "3", "3.103,56",
     "3.410,50", "10.231,50", "1.943,99", "12.175,48"],
    ["15.03.2024", "AL-240315-44", "Axians IT Solutions GmbH", "120045", "Universitätsklinikum Düsseldorf", "40225",
     "Düsseldorf", "C9120AXI-E", "Catalyst 9120AX Access Point", "FJC2410A001 FJC2410A002", "2", "648,23", "712,34",
     "1.424,68", "270,69", "1.695,37"],
]

#: Ingram's German POS layout (the probe's sweep base): each test replaces one header or adds a column
INGRAM_HEADER = ["Rechnungsdatum", "Rechnungsnummer", "Händler", "Händler-Nr.", "Endkunde", "PLZ", "Ort", "Land",
                 "Herstellerartikelnummer", "Artikelbezeichnung", "Seriennummer", "Menge", "VK-Preis", "Gesamtpreis",
                 "Währung", "Laufzeitbeginn", "Laufzeitende", "Lagerort", "Kostenstelle", "USt-IdNr.", "Incoterms"]
INGRAM_ROWS = [
    ["04.03.2024", "9412000101", "Bechtle AG", "DE10023", "Müller Präzisionstechnik GmbH", "73033", "Göppingen", "DE",
     "C9300-48P-A", "Catalyst 9300 48-port PoE+", "FOC2401X0AB, FOC2401X0AC", "2", "6.123,40", "12.246,80", "EUR",
     "", "", "Straubing", "4711", "DE811193231", "DAP"],
    ["04.03.2024", "9412000101", "Bechtle AG", "DE10023", "Müller Präzisionstechnik GmbH", "73033", "Göppingen", "DE",
     "CON-SNT-C93004PA", "SNTC-8X5XNBD Catalyst 9300 48-port", "FOC2401X0AB, FOC2401X0AC", "2", "1.234,56",
     "2.469,12", "EUR", "15.03.2024", "14.03.2027", "Straubing", "4711", "DE811193231", "DAP"],
    ["12.03.2024", "9412000188", "Cancom SE", "DE10077", "Stadtwerke Lüdenscheid GmbH", "58507", "Lüdenscheid", "DE",
     "FG-100F", "FortiGate-100F Hardware", "FG100FTK21012345", "1", "2.890,00", "2.890,00", "EUR", "", "",
     "Straubing", "4711", "DE811193231", "DAP"],
    ["12.03.2024", "9412000188", "Cancom SE", "DE10077", "Stadtwerke Lüdenscheid GmbH", "58507", "Lüdenscheid", "DE",
     "FC-10-F100F-247-02-36", "FortiCare Premium Support 3 Jahre", "FG100FTK21012345", "1", "1.875,25", "1.875,25",
     "EUR", "12.03.2024", "11.03.2027", "Straubing", "4711", "DE811193231", "DAP"],
    ["21.03.2024", "9412000230", "Computacenter AG & Co. oHG", "DE10002", "Straßenbau Weiß AG", "97080", "Würzburg",
     "DE", "P19766-B21", "HPE ProLiant DL380 Gen10 Plus", "CZ2410ABCD", "1", "11.250,00", "11.250,00", "EUR", "", "",
     "Straubing", "4711", "DE811193231", "DAP"],
    ["21.03.2024", "9412000230", "Computacenter AG & Co. oHG", "DE10002", "Straßenbau Weiß AG", "97080", "Würzburg",
     "DE", "H8QP7E", "HPE 5Y Tech Care Essential DL380 Gen10+", "CZ2410ABCD", "1", "2.345,67", "2.345,67", "EUR",
     "01.04.2024", "31.03.2029", "Straubing", "4711", "DE811193231", "DAP"],
]
INGRAM_TOTAL = ["Summe", "", "", "", "", "", "", "", "", "", "", "8", "", "33.076,84", "EUR", "", "", "", "", "", ""]


def _semicolons(rows: list[list[str]], header: list[str], head: str = "") -> bytes:
    """A German Excel CSV: semicolons, CRLF, UTF-8 with a BOM, `head` (a "sep=;" line, a title) above the header."""
    lines = [";".join(header), *(";".join(r) for r in rows)]
    return ("\ufeff" + head + "\r\n".join(lines) + "\r\n").encode("utf-8")


def _ingram(tmp_path: Path, replace: dict[str, str] | None = None, total: list[str] | None = None,
            name: str = "ingram.csv") -> FileOutcome:
    """The Ingram layout with headers replaced (old -> new) and a total line of its own."""
    header = [(replace or {}).get(h, h) for h in INGRAM_HEADER]
    return read(tmp_path, name, _semicolons([*INGRAM_ROWS, total or INGRAM_TOTAL], header))


def _mapping(out: FileOutcome) -> dict[str, str]:
    """Header -> field of the file's last table."""
    assert out.status == "loaded", out.error
    return out.sheets[-1].mapping


# --- 1. German purchase price, selling price, net amount and VAT ---------------------------------------------------


def test_the_selling_price_is_the_unit_price_and_netto_the_amount_never_the_purchase_price(tmp_path: Path) -> None:
    head = "sep=;\r\nALSO Deutschland GmbH;;;\r\nSell-Out-Report Cisco Systems;;;\r\nZeitraum: 01.03.2024 - 31.03.2024;;;\r\n\r\n"
    out = read(tmp_path, "also.csv", _semicolons(ALSO_ROWS, ALSO_HEADER, head))
    got = _mapping(out)
    assert got["VK-Preis"] == "unit_price" and got["Netto"] == "amount"
    assert "EK-Preis" not in got and "MwSt." not in got and "customer_state" not in got.values()
    records = out.records.sort_values("source_row")
    assert records["unit_price"].tolist() == [1499.0, 289.9, 3410.5, 712.34]
    assert records["amount"].tolist() == [1499.0, 289.9, 10231.5, 1424.68]
    assert records["customer_state"].isna().all()


def test_the_selling_price_wins_whichever_column_comes_first(tmp_path: Path) -> None:
    order = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 11, 13, 14, 15]  # VK-Preis left of EK-Preis
    out = read(tmp_path, "also_vk_first.csv", _semicolons([[r[i] for i in order] for r in ALSO_ROWS],
                                                           [ALSO_HEADER[i] for i in order]))
    got = _mapping(out)
    assert got["VK-Preis"] == "unit_price" and "EK-Preis" not in got


def test_a_purchase_price_alone_is_a_weak_unit_price(tmp_path: Path) -> None:
    """A file whose only price is the distributor's own ("EK-Preis", "EK netto") may read it as the unit's price,
    but never on its header alone: only when its values agree, and less surely than a selling price."""
    assert field_scores("EK-Preis", "distributor")["unit_price"].score < HEADER_MIN
    assert field_scores("EK", "distributor")["unit_price"].score < HEADER_MIN
    assert field_scores("Einkaufspreis", "distributor")["unit_price"].score < HEADER_MIN
    assert field_scores("VK-Preis", "distributor")["unit_price"].score == 1.0
    keep = [i for i, h in enumerate(ALSO_HEADER) if h not in ("VK-Preis", "Netto", "MwSt.", "Brutto")]
    out = read(tmp_path, "also_ek_only.csv", _semicolons([[r[i] for i in keep] for r in ALSO_ROWS],
                                                          [ALSO_HEADER[i] for i in keep]))
    choice = out.mappings[0].choices.get("unit_price")
    assert choice is None or (choice.header == "EK-Preis" and choice.evidence == "content"
                              and choice.header_score < HEADER_MIN and choice.confidence < 0.75)


@pytest.mark.parametrize("header", ["MwSt.", "MwSt", "MWST", "USt", "MwSt-Betrag", "Steuerbetrag", "VAT Amount"])
def test_vat_is_no_field(tmp_path: Path, header: str) -> None:
    """"MwSt" was read "Mw" + "St" (a state): VAT and its amount feed no field, not the state, not the amount."""
    assert field_scores(header, "distributor") == {}
    at = ALSO_HEADER.index("MwSt.")
    out = read(tmp_path, "also_vat.csv", _semicolons(ALSO_ROWS, [*ALSO_HEADER[:at], header, *ALSO_HEADER[at + 1:]]))
    got = _mapping(out)
    assert header not in got and got["Netto"] == "amount"


@pytest.mark.parametrize("header", ["Netto", "Nettobetrag", "Netto gesamt"])
def test_a_net_header_is_the_amount(tmp_path: Path, header: str) -> None:
    at = ALSO_HEADER.index("Netto")
    out = read(tmp_path, "also_net.csv", _semicolons(ALSO_ROWS, [*ALSO_HEADER[:at], header, *ALSO_HEADER[at + 1:]]))
    assert _mapping(out)[header] == "amount"


# --- 2. Brazil: the reseller ("Revenda") and tax ids -------------------------------------------------------------------


BR_HEADER = ["Data de emissão", "Nº NF-e", "Revenda", "CNPJ Revenda", "Cliente final", "CNPJ Cliente final", "Cidade",
             "UF", "Código do fabricante", "Descrição", "Número de série", "Qtde", "Valor unitário", "Valor total",
             "ICMS", "IPI", "CFOP", "Fim da garantia"]
BR_ROWS = [
    ["01/10/2024", "000.123.456", "Teltec Solutions Ltda", "12.345.678/0001-90",
     "Prefeitura Municipal de São José dos Campos", "46.643.466/0001-06", "São José dos Campos", "SP", "C9300-24UX-A",
     "Switch Catalyst 9300 24p mGig", "FOC2438L0X1", "1", "R$ 58.430,00", "R$ 58.430,00", "R$ 10.517,40",
     "R$ 8.764,50", "6.102", ""],
    ["01/10/2024", "000.123.456", "Teltec Solutions Ltda", "12.345.678/0001-90",
     "Prefeitura Municipal de São José dos Campos", "46.643.466/0001-06", "São José dos Campos", "SP",
     "CON-SNT-C9324UXA", "Suporte SmartNet 8x5xNBD 36 meses", "FOC2438L0X1", "1", "R$ 12.870,35", "R$ 12.870,35",
     "R$ 2.316,66", "R$ 1.930,55", "6.102", "30/09/2027"],
    ["14/10/2024", "000.123.501", "Service IT Solutions S.A.", "02.558.157/0001-62", "Hospital Sírio-Libanês",
     "61.590.410/0001-24", "São Paulo", "SP", "MR46-HW", "Meraki MR46 Access Point", "Q3AB-1234-5678", "2",
     "R$ 7.210,00", "R$ 14.420,00", "R$ 2.595,60", "R$ 1.442,00", "6.102", ""],
]


def test_a_brazilian_nfe_report_reads_the_reseller_and_leaves_the_tax_ids(tmp_path: Path) -> None:
    out = read(tmp_path, "br_nfe.csv", _semicolons(BR_ROWS, BR_HEADER))
    got = _mapping(out)
    assert got["Revenda"] == "reseller_name" and got["Cliente final"] == "customer_name"
    assert got["Nº NF-e"] == "invoice_number" and got["Qtde"] == "quantity"
    assert "CNPJ Revenda" not in got and "CNPJ Cliente final" not in got
    records = out.records.sort_values("source_row")
    assert records["reseller_name"].tolist() == ["Teltec Solutions Ltda"] * 2 + ["Service IT Solutions S.A."]
    assert records["quantity"].tolist() == [1, 1, 2]
    assert not any("low confidence" in w for w in out.warnings)


@pytest.mark.parametrize("header", ["Revenda", "Revendedor"])
def test_revenda_is_the_reseller(header: str) -> None:
    scores = field_scores(header, "distributor")
    assert max(scores, key=lambda f: scores[f].score) == "reseller_name"


@pytest.mark.parametrize("header", [
    "CNPJ", "CPF", "NIP", "NIF", "VAT ID", "VAT Number", "USt-IdNr.", "UStIdNr", "Steuernummer", "IČO", "DIČ",
    "CNPJ Revenda", "CNPJ Cliente final", "NIP partnera", "P.IVA rivenditore", "Partita IVA",
    "BTW-nummer wederverkoper", "Customer VAT ID",
])
def test_a_tax_id_is_no_field_whoever_it_belongs_to(tmp_path: Path, header: str) -> None:
    """No field holds a tax id: the reseller's or the end customer's tax id is neither its name nor its account,
    and the column is not taken for a field on its content either."""
    assert field_scores(header, "distributor") == {}
    out = _ingram(tmp_path, {"USt-IdNr.": header})
    got = _mapping(out)
    assert header not in got
    assert (got["Händler"], got["Endkunde"], got["Händler-Nr."]) == ("reseller_name", "customer_name",
                                                                      "reseller_account")


def test_a_tax_id_column_is_never_the_party_it_names(tmp_path: Path) -> None:
    """With no name column for the reseller, its tax id is still no reseller (the file needs a mapping instead)."""
    header = [h for h in BR_HEADER if h != "Revenda"]
    rows = [[v for h, v in zip(BR_HEADER, r, strict=True) if h != "Revenda"] for r in BR_ROWS]
    out = read(tmp_path, "br_no_reseller.csv", _semicolons(rows, header))
    taken = {c.header: f for m in out.mappings for f, c in m.choices.items()}
    assert "CNPJ Revenda" not in taken and "CNPJ Cliente final" not in taken


# --- 3. product codes, descriptions and quantities; a cost centre is no SKU ------------------------------------------


@pytest.mark.parametrize("header", [
    "Référence", "Référence constructeur", "Réf. constructeur", "Referencia", "Código", "Código do produto",
    "Kód výrobce", "Katalogové číslo",
])
def test_a_foreign_product_reference_is_the_sku_never_the_cost_centre(tmp_path: Path, header: str) -> None:
    out = _ingram(tmp_path, {"Herstellerartikelnummer": header})
    got = _mapping(out)
    assert got[header] == "sku" and "Kostenstelle" not in got
    assert out.records.sort_values("source_row")["sku"].iloc[0] == "C9300-48P-A"
    assert not any("low confidence" in w for w in out.warnings)


def test_a_bare_reference_is_the_products_only_in_files_of_products() -> None:
    assert field_scores("Référence", "distributor")["sku"].score >= HEADER_MIN
    accounting = field_scores("Référence", "accounting")
    assert max(accounting, key=lambda f: accounting[f].score) == "invoice_number"  # an invoice's own reference
    assert field_scores("Reference", "distributor").get("sku") is None or \
        field_scores("Reference", "distributor")["sku"].score < HEADER_MIN  # the English word names nothing alone


@pytest.mark.parametrize("cost_centre", ["Kostenstelle", "Centre de coût", "Cost Center", "Kostenplaats"])
def test_a_cost_centre_never_feeds_the_sku(tmp_path: Path, cost_centre: str) -> None:
    """A SKU column under a header in no known words may be found on its content, but a cost centre's column is never
    taken for it: its header says what it holds."""
    out = _ingram(tmp_path, {"Herstellerartikelnummer": "Xq7", "Kostenstelle": cost_centre})
    taken = {c.header: f for m in out.mappings for f, c in m.choices.items()}
    assert cost_centre not in taken
    assert field_scores(cost_centre, "distributor") == {}


@pytest.mark.parametrize("slot,header,field", [
    ("Artikelbezeichnung", "Materialkurztext", "description"),
    ("Artikelbezeichnung", "Benämning", "description"),
    ("Menge", "Q.tà", "quantity"),
    ("Menge", "Qtde", "quantity"),
    ("Menge", "Qté", "quantity"),
    ("Menge", "Liczba", "quantity"),
    ("Menge", "Počet", "quantity"),
    ("Menge", "ks", "quantity"),
    ("VK-Preis", "Preis/Stk.", "unit_price"),
    ("Gesamtpreis", "Cena celkem", "amount"),
    ("Gesamtpreis", "Celkem", "amount"),
    ("Laufzeitende", "Platnost do", "service_end"),
    ("Seriennummer", "Geräte-Nr.", "serial_numbers"),
    ("Seriennummer", "Výrobní číslo", "serial_numbers"),
    ("Rechnungsnummer", "Nº NF-e", "invoice_number"),
    ("Rechnungsnummer", "Número da NF", "invoice_number"),
])
def test_foreign_labels_of_the_probe(tmp_path: Path, slot: str, header: str, field: str) -> None:
    got = _mapping(_ingram(tmp_path, {slot: header}))
    assert got[header] == field


def test_a_price_per_piece_is_no_relations_path() -> None:
    """"Preis/Stk." is a price per piece, not the piece count of a related "Preis" record (Odoo's "Partner/Country")."""
    scores = field_scores("Preis/Stk.", "distributor")
    assert max(scores, key=lambda f: scores[f].score) == "unit_price"
    assert field_scores("Partner/Country", "distributor")["customer_country"].score >= HEADER_MIN


# --- 4. which date is the invoice's; the debtor ------------------------------------------------------------------


def test_the_delivery_date_never_beats_the_invoice_date(tmp_path: Path) -> None:
    """"Lieferdatum" (left of the invoice's date, its dates later) stays out while "Rechnungsdatum" is there; alone,
    it is the invoice date."""
    header = ["Lieferdatum", *INGRAM_HEADER]
    rows = [["06.03.2024", *r] for r in INGRAM_ROWS]
    out = read(tmp_path, "delivery.csv", _semicolons([*rows, ["", *INGRAM_TOTAL]], header))
    got = _mapping(out)
    assert got["Rechnungsdatum"] == "invoice_date" and "Lieferdatum" not in got
    alone = _mapping(_ingram(tmp_path, {"Rechnungsdatum": "Lieferdatum"}, name="delivery_only.csv"))
    assert alone["Lieferdatum"] == "invoice_date"


def test_the_debtor_is_whoever_is_invoiced_by_its_account(tmp_path: Path) -> None:
    """A distributor's "Debitor" holds the reseller's debtor number (its "Kunde" is the reseller too); an invoice's
    is the bill-to's, a CRM's the account's."""
    got = _mapping(_ingram(tmp_path, {"Händler-Nr.": "Debitor"}))
    assert got["Debitor"] == "reseller_account" and got["Händler"] == "reseller_name"
    got = _mapping(_ingram(tmp_path, {"Händler-Nr.": "Debitorennummer"}, name="debitorennummer.csv"))
    assert got["Debitorennummer"] == "reseller_account"
    for header in ("Debitor", "Debitorennummer"):
        for kind, field in (("distributor", "reseller_account"), ("accounting", "bill_to_account"),
                            ("crm_accounts", "customer_account")):
            scores = field_scores(header, kind)
            assert max(scores, key=lambda f: scores[f].score) == field, (header, kind)
    scores = field_scores("Debitorenname", "distributor")
    assert max(scores, key=lambda f: scores[f].score) == "reseller_name"


# --- 5. total lines in other languages ------------------------------------------------------------------------------


@pytest.mark.parametrize("label", [
    "Summe gesamt", "Gesamtsumme", "Gesamt Summe", "** Summe **", "Celkem", "Celkem za období", "Razem", "Suma końcowa",
    "Totaal", "Totale complessivo", "総合計", "合 計", "合計",
])
def test_a_total_line_in_another_language_is_skipped_not_quarantined(tmp_path: Path, label: str) -> None:
    out = _ingram(tmp_path, total=[label, *INGRAM_TOTAL[1:]])
    assert out.status == "loaded", out.error
    assert (out.rows_loaded, out.rows_quarantined, out.total_rows) == (len(INGRAM_ROWS), 0, 1)


def test_a_company_named_like_a_total_stays_a_line(tmp_path: Path) -> None:
    """Only a whole cell is a total label: "Totaal Techniek BV" and "Celkem s.r.o." are customers."""
    rows = [list(r) for r in INGRAM_ROWS]
    rows[0][4], rows[1][4] = "Totaal Techniek BV", "Celkem s.r.o."
    out = read(tmp_path, "named.csv", _semicolons([*rows, INGRAM_TOTAL], INGRAM_HEADER))
    assert (out.rows_loaded, out.total_rows) == (len(INGRAM_ROWS), 1)
