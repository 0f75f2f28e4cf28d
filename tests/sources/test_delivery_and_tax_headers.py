"""Headers of invoice and CRM exports in other languages: whom goods are delivered to is the end customer,
a tax-inclusive total is no line amount when a net one is there, "Vår referens" is no VAR, "serviço" is one
word, a unit of measure's initials name nothing, and a Russian CRM deal's budget is its value."""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.headers import field_scores
from tests.sources.reading import header_fields, read_as


def test_a_swedish_invoice_export_delivery_name_net_amount_and_our_reference(tmp_path: Path) -> None:
    path = tmp_path / "fakturarader.csv"
    path.write_bytes((
        "Fakturanummer;Fakturadatum;Kundnamn;Leveransnamn;Artikelnummer;Antal;Belopp exkl. moms;Moms;"
        "Belopp inkl. moms;Vår referens\r\n"
        "F-1001;2026-01-05;Cloudpoint IT AB;Nordhavn Logistik AB;CS-NBD-SW;1;6445,94;1611,49;8057,43;Anna Lind\r\n"
        "F-1002;2026-01-06;Halford Networks AB;Björkvik Energi AB;CS-NBD-STO;2;2314,26;578,57;2892,83;Anna Lind\r\n"
    ).encode("cp1252"))
    out = read_as(path, "accounting")
    fields = header_fields(out)
    assert fields["Leveransnamn"] == "customer_name" and fields["Kundnamn"] == "bill_to_name"
    assert fields["Belopp exkl. moms"] == "amount" and "Belopp inkl. moms" not in fields and "Moms" not in fields
    assert fields.get("Vår referens") != "reseller_name"  # "vår" (our) is no VAR
    frame = out.parts[0].frame()
    assert list(frame["amount"].astype(float)) == [6445.94, 2314.26]


@pytest.mark.parametrize("header", ["Levering til", "Leveres til", "Cliente Entrega", "Delivery Name", "納品先",
                                    "Destinazione merce"])
def test_whom_an_invoice_is_delivered_to_is_the_end_customer(tmp_path: Path, header: str) -> None:
    path = tmp_path / "invoices.csv"
    path.write_text(f"Invoice No;Invoice Date;Customer;{header};Item;Amount\n"
                    "INV-1;2026-01-01;Torridge Data Systems Inc.;Delta Dental International Inc.;CS-24X7-AP;633.60\n"
                    "INV-2;2026-01-02;Cloudpoint IT Solutions Inc.;Southfield Printing LLC;CS-NBD-STO;1201.20\n",
                    encoding="utf-8")
    out = read_as(path, "accounting")
    fields = header_fields(out)
    assert fields[header] == "customer_name" and fields["Customer"] == "bill_to_name"


def test_a_unit_of_measure_by_its_initials_is_no_country(tmp_path: Path) -> None:
    path = tmp_path / "righe.csv"
    path.write_text("Num. doc.;Data doc.;Ragione sociale;Cod. articolo;U.M.;Q.tà;Imponibile\n"
                    "INV-1;01/01/2026;Torridge Data Systems Inc.;CS-24X7-AP;NR;1,00;633,60\n"
                    "INV-2;02/01/2026;Cloudpoint IT Solutions Inc.;CS-NBD-STO;NR;1,00;1.201,20\n"
                    "INV-3;03/01/2026;Halford Networks Inc;CS-NBD-SW;NR;2,00;2.402,40\n", encoding="utf-8")
    out = read_as(path, "accounting")
    fields = header_fields(out)
    assert "U.M." not in fields and "customer_country" not in fields.values()


def test_portuguese_servico_is_one_word(tmp_path: Path) -> None:
    path = tmp_path / "contratos.csv"
    path.write_text('"Número do contrato","Nome da conta","Nível de serviço","Data de término","Preço total",'
                    '"Prestador de serviço"\n'
                    '"SC-1148055","Rosfield Healthcare Inc","24x7x4","09/12/2025","3.987,18","Cobalt Service LLC"\n'
                    '"SC-2383464","Schröder Feinmechanik GmbH","4HR","01/04/2026","1.922,33",""\n', encoding="utf-8")
    out = read_as(path, "crm_contracts")
    fields = header_fields(out)
    assert fields["Nível de serviço"] == "service_level" and fields["Prestador de serviço"] == "service_provider"


def test_a_russian_crm_deals_budget_is_its_value_and_its_responsible_the_owner(tmp_path: Path) -> None:
    path = tmp_path / "amocrm_export_leads.csv"
    path.write_text("Название сделки,Бюджет,Ответственный,Компания,Номер договора,Дата окончания\n"
                    "Сервисный контракт,15365.20,Alice Moreno,Pelhaven Engineering Partners LLC,SC-8986468,02.11.2024\n"
                    "Сервисный контракт,1115.87,Derek Hollis,Dalton & Hayes Co.,SC-4926707,08.11.2022\n",
                    encoding="utf-8")
    out = read_as(path, "crm_contracts")
    fields = header_fields(out)
    assert fields["Бюджет"] == "amount" and fields["Ответственный"] == "rep"
    assert list(out.parts[0].frame()["amount"].astype(float)) == [15365.20, 1115.87]


def test_an_invoice_lines_subtotal_is_its_amount_and_an_exchange_rate_no_price(tmp_path: Path) -> None:
    path = tmp_path / "invoices.csv"
    path.write_text("Invoice Number,Invoice Date,Customer Name,Item Name,Item Price,Exchange Rate,Subtotal,Total\n"
                    "INV-1,2026-01-05,Cloudpoint IT,CS-NBD-SW,100.00,1.08,100.00,121.00\n"
                    "INV-2,2026-01-06,Halford Networks,CS-NBD-STO,50.00,1.08,100.00,121.00\n", encoding="utf-8")
    out = read_as(path, "accounting")
    fields = header_fields(out)
    assert fields["Subtotal"] == "amount" and "Total" not in fields
    assert fields["Item Price"] == "unit_price" and "Exchange Rate" not in fields
    assert list(out.parts[0].frame()["amount"].astype(float)) == [100.0, 100.0]


def test_a_dutch_invoice_vat_amount_is_no_amount_and_delivery_is_the_end_customer(tmp_path: Path) -> None:
    path = tmp_path / "verkoopfactuurregels.csv"
    path.write_text("Factuurnummer;Factuurdatum;Debiteurnaam;Afleveren aan;Artikelcode;Aantal;Bedrag excl. btw;"
                    "Btw-bedrag\n"
                    "F-1;05-01-2026;Cloudpoint IT BV;Nordhavn Logistiek BV;CS-NBD-SW;1;100,00;21,00\n"
                    "F-2;06-01-2026;Halford Networks BV;Bjorkvik Energie BV;CS-NBD-STO;2;200,00;42,00\n",
                    encoding="utf-8")
    out = read_as(path, "accounting")
    fields = header_fields(out)
    assert fields["Afleveren aan"] == "customer_name" and fields["Bedrag excl. btw"] == "amount"
    assert "Btw-bedrag" not in fields


def test_a_brazilian_invoice_names_its_client_by_razao_social_and_the_delivery_place(tmp_path: Path) -> None:
    path = tmp_path / "vendas.csv"
    path.write_bytes(("Nota Fiscal;Data de Emissão;Cliente (Razão Social);Local de Entrega (Nome);Código do Produto;"
                      "Quantidade;Valor Total\r\n"
                      "INV-1;01/01/2026;Torridge Data Systems Inc.;DELTA DENTAL INTERNATIONAL INC.;CS-24X7-AP;1,0000;"
                      "633,60\r\n"
                      "INV-2;02/01/2026;Cloudpoint IT Solutions Inc.;Southfield Printing L.L.C.;CS-NBD-STO;1,0000;"
                      "1.201,20\r\n").encode("cp1252"))
    out = read_as(path, "accounting")
    fields = header_fields(out)
    assert fields["Cliente (Razão Social)"] == "bill_to_name" and fields["Local de Entrega (Nome)"] == "customer_name"


def test_a_norwegian_net_amount_beside_the_one_with_vat(tmp_path: Path) -> None:
    path = tmp_path / "fakturalinjer.csv"
    path.write_text("Fakturanr;Fakturadato;Kundenavn;Levering til;Varenr;Antall;Beløp inkl. mva;Beløp eks. mva\n"
                    "F-1;05.01.2026;Cloudpoint IT AS;Nordhavn Logistikk AS;CS-NBD-SW;1;125,00;100,00\n"
                    "F-2;06.01.2026;Halford Networks AS;Bjorkvik Energi AS;CS-NBD-STO;2;250,00;200,00\n",
                    encoding="utf-8")
    out = read_as(path, "accounting")
    fields = header_fields(out)
    assert fields["Beløp eks. mva"] == "amount" and "Beløp inkl. mva" not in fields


def test_a_gross_column_the_net_one_plus_a_vat_rate_yields_whatever_its_words(tmp_path: Path) -> None:
    """"Value" and "Amount" both name the amount; "Value" is "Amount" plus 20% on every row and "VAT" holds the
    difference: the gross one was read (every amount 20% high, no warning); the net one is, with a note."""
    path = tmp_path / "lines.csv"
    nets = [1000.00, 289.90, 3410.50, 712.34, 45.10]
    path.write_text("Invoice,Date,Customer,Value,VAT,Amount\n" + "".join(
        f"INV-{k:04d},2025-11-0{k},Harbour Legal Ltd,{round(n * 1.2, 2):.2f},{round(n * 0.2, 2):.2f},{n:.2f}\n"
        for k, n in enumerate(nets, start=1)), encoding="utf-8")
    out = read_as(path, "accounting")
    assert header_fields(out)["Amount"] == "amount" and "Value" not in header_fields(out)
    assert out.parts[0].frame()["amount"].tolist() == nets
    assert any("'Value' is column 'Amount' plus 20.0% tax on every row" in w for w in out.warnings), out.warnings


def test_a_selling_price_a_fixed_margin_over_the_purchase_price_is_no_gross_price(tmp_path: Path) -> None:
    """A price 10% over another on every row, with no column of the difference, is a margin, not a tax."""
    path = tmp_path / "sellout.csv"
    cost = [1000.00, 289.90, 3410.50, 712.34, 45.10]
    path.write_text("Invoice,Date,Customer,Sell Price,Cost Price,Qty\n" + "".join(
        f"INV-{k:04d},2025-11-0{k},Harbour Legal Ltd,{round(c * 1.1, 2):.2f},{c:.2f},1\n"
        for k, c in enumerate(cost, start=1)), encoding="utf-8")
    out = read_as(path, "accounting")
    assert header_fields(out).get("Sell Price") == "unit_price"
    assert not any("tax on every row" in w for w in out.warnings)


@pytest.mark.parametrize(("header", "net"), [("Wartość brutto", "Wartość netto"), ("Importe bruto", "Importe neto"),
                                             ("Gross Amount", "Amount"), ("Celkem s DPH", "Celkem bez DPH")])
def test_gross_words_yield_to_the_net_amount(header: str, net: str) -> None:
    gross_score = field_scores(header, "accounting").get("amount")
    assert field_scores(net, "accounting")["amount"].score > (gross_score.score if gross_score else 0.0)


def test_czech_bez_before_a_tax_is_without_not_a_description() -> None:
    assert "description" not in field_scores("Celkem bez DPH", "accounting")
    assert field_scores("Bez.", "accounting")["description"].score == 1.0


def test_a_delivery_address_column_of_company_names_is_the_end_customer(tmp_path: Path) -> None:
    """Bexio's "Lieferadresse" holds the company goods go to, not a street: it was read as no field (its values
    do not fit an address), every end customer was lost and each became a leasing partner."""
    path = tmp_path / "rechnungspositionen.csv"
    rows = [("Galby Digital Inc", "Zenith Motors Services LLC"), ("Northwire Infrastructure Corp", "Belford Logistics LLC"),
            ("Galby Digital Inc", "Harbour Legal AG"), ("Cloudpoint IT Solutions", "Kestrel Mining Services GmbH"),
            ("Northwire Infrastructure Corp", "Coastline Dental SA")]
    path.write_text("Rechnungsnr.;Rechnungsdatum;Kontakt;Lieferadresse;Artikel-Nr.;Menge;Total exkl. MWST\n" + "".join(
        f"INV-{k:04d};0{k}.01.2026;{bill_to};{ship_to};CS-NBD-FW;1;{k}00.00\n"
        for k, (bill_to, ship_to) in enumerate(rows, start=1)), encoding="utf-8")
    out = read_as(path, "accounting")
    assert header_fields(out)["Lieferadresse"] == "customer_name"
    assert out.parts[0].frame()["customer_name"].tolist() == [ship_to for _, ship_to in rows]


def test_a_delivery_address_of_streets_stays_the_address(tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    streets = ["Bahnhofstrasse 12", "Seestrasse 4", "Limmatquai 101", "Hauptgasse 7", "Rue du Rhône 55"]
    path.write_text("Invoice;Date;Customer;Delivery Address;Amount\n" + "".join(
        f"INV-{k};0{k}.01.2026;Galby Digital Inc;{street};{k}00.00\n" for k, street in enumerate(streets, start=1)),
        encoding="utf-8")
    assert header_fields(read_as(path, "accounting")).get("Delivery Address") != "customer_name"


def test_a_row_number_is_no_price(tmp_path: Path) -> None:
    """Polish "Lp." (liczba porządkowa, the row's number) reads as the abbreviation of a list price; its values
    1, 2, 3 ... are no price, so it feeds nothing."""
    path = tmp_path / "zestawienie.csv"
    path.write_text("Lp.;Numer faktury;Data wystawienia;Kontrahent;Wartość netto\n" + "".join(
        f"{k};FV/{k}/2026;2026-01-0{k};Harbour Legal Sp. z o.o.;{k * 137}.50\n" for k in range(1, 7)),
        encoding="utf-8")
    fields = header_fields(read_as(path, "accounting"))
    assert "Lp." not in fields and fields["Wartość netto"] == "amount"
