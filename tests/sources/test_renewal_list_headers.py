"""Renewal lists, warranty registers and leasing invoices as markets not read before write them: a price with no
quantity is the line's amount; Hungarian, Finnish and Turkish contract headers; a CFDI's receptor and folio; a
lease's lessee is the end customer. Each file is written in tmp_path and read as the nightly run reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sources.hostile import read, semicolon_text, src


def test_a_price_with_no_quantity_or_amount_beside_it_is_the_lines_amount(tmp_path: Path) -> None:
    text = semicolon_text(["Service Tag", "Entitlement End Date", "Kunde", "Pris DKK"], [
        ["5XK2QG3", "30-06-2026", "Vestjysk Transport ApS", "9.375,08"],
        ["H7PL2M1", "14-09-2026", "Nordfyns Kommune", "754,42"],
    ])
    out = read(tmp_path, "dell.csv", text, src("sales_rep"))
    assert out.status == "loaded" and out.sheets[0].mapping["Pris DKK"] == "amount"
    assert [float(a) for a in out.records["amount"]] == [9375.08, 754.42]
    assert any("'Pris DKK' read as each line's amount" in w for w in out.warnings)
    assert not any("low confidence" in w for w in out.warnings)


def test_a_price_beside_a_quantity_stays_a_unit_price(tmp_path: Path) -> None:
    text = semicolon_text(["Service Tag", "Entitlement End Date", "Kunde", "Qty", "Unit Price"], [
        ["5XK2QG3", "30-06-2026", "Vestjysk Transport ApS", "2", "9.375,08"],
        ["H7PL2M1", "14-09-2026", "Nordfyns Kommune", "1", "754,42"],
    ])
    out = read(tmp_path, "dell.csv", text, src("sales_rep"))
    assert out.sheets[0].mapping["Unit Price"] == "unit_price"
    assert not any("read as each line's amount" in w for w in out.warnings)


@pytest.mark.parametrize(("kind", "header", "row", "want"), [
    ("crm_contracts",
     ["Szerződésszám", "Ügyfél", "Település", "Gyári szám", "Kezdete", "Lejárata", "Éves díj", "Pénznem", "Felelős",
      "Állapot"],
     ["SZ-2025/1001", "Mátrai Erőmű Zrt.", "Visonta", "CZJ123ABCD", "2025. 05. 01.", "2026. 04. 30.", "1 234 567 Ft",
      "HUF", "Nagy Péter", "Aktív"],
     {"Lejárata": "service_end", "Település": "customer_city", "Gyári szám": "serial_numbers", "Éves díj": "amount",
      "Pénznem": "currency", "Felelős": "rep", "Állapot": "status"}),
    ("sales_rep", ["Asiakas", "Paikkakunta", "Sopimus päättyy", "Uusinnan arvo €", "Tila", "Muistiinpanot"],
     ["Pohjolan Kuljetus Oy", "Oulu", "14.3.2026", "757,65", "Hävitty", "Asiakas siirtyi"],
     {"Paikkakunta": "customer_city", "Tila": "status", "Muistiinpanot": "notes"}),
    ("crm_contracts", ["Sözleşme No", "Son Kullanıcı", "Seri No", "Destek Türü", "Bitiş Tarihi", "Toplam (USD)"],
     ["FCS-4000001", "Ege Tekstil Sanayi ve Ticaret A.Ş.", "FGT60FTK21012345", "UTP 24x7", "30.06.2026", "1.650,00"],
     {"Destek Türü": "service_level", "Toplam (USD)": "amount"}),
    ("accounting", ["Serie", "Folio", "Fecha", "Receptor", "Arrendatario", "No. Serie", "Importe"],
     ["A", "18231", "2026-01-14", "Arrendadora Banorte, S.A. de C.V.", "Hospital Ángeles del Pedregal S.A. de C.V.",
      "FOC1234ABCD", "MXN 1,234.50"],
     {"Folio": "invoice_number", "Receptor": "bill_to_name", "Arrendatario": "customer_name"}),
    ("accounting", ["Rechnungsnummer", "Rechnungsdatum", "Rechnungsempfänger", "Nutzer", "Nutzer Ort", "Netto"],
     ["AR26-00311", "14.01.2026", "Raiffeisen-Leasing GmbH", "Tischlerei Huber GmbH", "Linz", "311,20"],
     {"Rechnungsempfänger": "bill_to_name", "Nutzer": "customer_name", "Nutzer Ort": "customer_city"}),
])
def test_regional_contract_and_leasing_headers(
        tmp_path: Path, kind: str, header: list[str], row: list[str], want: dict[str, str]) -> None:
    second = [row[0] + "2", *row[1:]]
    out = read(tmp_path, "export.csv", semicolon_text(header, [row, second]), src(kind))
    assert out.status == "loaded", out.error
    mapping = out.sheets[0].mapping
    assert {h: mapping.get(h) for h in want} == want


def test_the_service_sku_beside_the_covered_units_product_number_is_the_sku(tmp_path: Path) -> None:
    """A vendor's renewal export names the covered hardware ("Product Number") and the service sold ("Service SKU"):
    the contract renews the service."""
    text = semicolon_text(
        ["Contract Number", "End Customer Name", "Serial Number", "Product Number", "Service SKU",
         "Covered Line End Date"], [
            ["204084671", "Westmead Private Hospital Pty Ltd", "FJC50894UBB", "C9120AXI-E", "CON-SSSNT-C912AXIE",
             "07-Aug-2026"],
            ["202780564", "Barossa Valley Estates Pty Ltd", "FOC7528NVYM", "ISR4331/K9", "CON-SNTP-ISR4331K",
             "11-Oct-2026"],
        ])
    out = read(tmp_path, "ccw.csv", text, src("crm_contracts"))
    assert out.sheets[0].mapping.get("Service SKU") == "sku" and "Product Number" not in out.sheets[0].mapping
    assert list(out.records["sku"]) == ["CON-SSSNT-C912AXIE", "CON-SNTP-ISR4331K"]
    assert any("'Service SKU' read as the SKU (the service sold)" in w for w in out.warnings)


def test_an_accounting_books_invoice_number_beats_its_voucher_number(tmp_path: Path) -> None:
    """MISA's sales book holds the voucher ("Số chứng từ") and the legal invoice's number ("Số hóa đơn"): the
    invoice's own number is the invoice number."""
    text = semicolon_text(["Ngày chứng từ", "Số chứng từ", "Số hóa đơn", "Tên khách hàng", "Doanh số bán"], [
        ["14/01/2026", "BH04204", "0001204", "Ngân hàng TMCP Á Châu", "25400000"],
        ["20/01/2026", "BH04205", "0001205", "Công ty Cổ phần Sữa Việt Nam", "12700000"],
    ])
    out = read(tmp_path, "misa.csv", text, src("accounting"))
    assert out.sheets[0].mapping.get("Số hóa đơn") == "invoice_number"
    assert list(out.records["invoice_number"]) == ["0001204", "0001205"]


def test_a_bare_type_outside_an_account_list_is_no_account_type(tmp_path: Path) -> None:
    """A Czech asset list's "Typ" is the device's ("Server", "Počítač"); an account list's "Typ" stays its account's."""
    text = semicolon_text(["Název", "Typ", "Model", "Sériové číslo", "Konec"], [
        ["Strojírny Hranice s.r.o.", "Server", "PowerEdge R750xs", "5XK2QG3", "8.11.2026"],
        ["Město Třebíč", "Počítač", "Latitude 5440", "XUR1MKH", "2.8.2026"],
    ])
    out = read(tmp_path, "cz.csv", text, src("sales_rep"))
    assert "Typ" not in out.sheets[0].mapping and out.records["account_type"].isna().all()
    accounts = semicolon_text(["Číslo zákazníka", "Název", "Typ"], [["C-1", "Strojírny Hranice s.r.o.", "Zákazník"],
                                                                 ["C-2", "Alza Partner s.r.o.", "Partner"]])
    assert read(tmp_path, "accounts.csv", accounts, src("crm_accounts")).sheets[0].mapping["Typ"] == "account_type"
