"""Headers in Romanian, Greek, Russian, Japanese, Chinese and Korean, and SAP's technical field names: a real
file of each is read with every core field in its own column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sources.config import SourceConfig
from sources.reader import read_source_file

#: the fields of every layout below, in column order
FIELDS = ["invoice_date", "invoice_number", "reseller_name", "reseller_account", "customer_name", "customer_city",
          "customer_state", "customer_postal_code", "sku", "description", "serial_numbers", "quantity",
          "unit_price", "amount", "contract_number", "service_start", "service_end"]

LAYOUTS = {
    "romanian": ["Data factură", "Nr. factură", "Partener", "Cod revânzător", "Beneficiar final", "Localitate",
                 "Județul", "Cod poștal", "Cod produs", "Denumire", "Serie", "Cantitate", "Preț unitar",
                 "Valoare", "Număr contract", "Data începerii", "Data expirării"],
    "greek": ["ΗΜΕΡΟΜΗΝΙΑ ΤΙΜΟΛΟΓΙΟΥ", "Αρ. Τιμολογίου", "Συνεργάτης", "Κωδικός συνεργάτη", "Πελάτης",
              "Πόλη", "Περιφέρεια", "Ταχυδρομικός Κώδικας", "Κωδικός προϊόντος", "Περιγραφή είδους", "Σειριακός αριθμός",
              "Ποσότητα", "Τιμή μονάδος", "Συνολική αξία", "Αριθμός συμβολαίου", "Έναρξη συμβολαίου",
              "Λήξη συμβολαίου"],
    "russian": ["Дата счёта", "№ счета", "Дилер", "Код дилера", "Конечный заказчик", "Город", "Область",
                "Индекс", "Артикул", "Наименование товара", "Серийные номера", "Кол-во", "Цена за ед.",
                "Сумма", "Номер договора", "Дата начала обслуживания", "Дата окончания обслуживания"],
    "japanese": ["請求日付", "伝票番号", "代理店名", "代理店コード", "エンドユーザー名", "市区町村", "都道府県",
                 "郵便番号", "型番", "商品名", "シリアルNo", "数量", "単価", "金額", "契約番号", "保守開始日",
                 "保守終了日"],
    "chinese": ["發票日期", "發票號碼", "經銷商名稱", "經銷商編號", "最終客戶", "城市", "省份", "郵遞區號",
                "料號", "產品說明", "序列號", "數量", "單價", "金額", "合約編號", "服務開始日期", "服務結束日期"],
    "korean": ["청구일자", "송장번호", "리셀러명", "리셀러 코드", "최종 고객명", "도시", "시도", "우편번호", "품번",
               "제품 설명", "일련번호", "수량", "단가", "금액", "계약번호", "서비스 시작일", "서비스 종료일"],
    "sap": ["FKDAT", "VBELN", "NAME1_AG", "KUNAG", "NAME1_WE", "ORT01", "REGIO", "PSTLZ", "MATNR", "ARKTX", "SERNR",
            "FKIMG", "NETPR", "NETWR", "VERTRAG", "VBEGDAT", "VENDDAT"],
}


def _row(i: int) -> list[str]:
    return [f"2026-03-{10 + i:02d}", f"INV-{i:05d}", "Norcrest Data Systems", f"WB{10150 + i}", f"Customer {i} Ltd",
            "Boston", "MA", f"0{2110 + i}", f"SW-C9200-{i}T", f"Access switch, {i} ports", f"FOC22{i:04d}XYZ",
            str(i + 2), f"{100 + i}.50", f"{(100 + i) * (i + 2) + (i + 2) / 2:.2f}", f"SC-{900000 + i}",
            "2026-04-01", "2027-03-31"]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_core_field_is_read_from_its_own_column(tmp_path: Path, layout: str) -> None:
    path = tmp_path / "inbox" / f"{layout}.csv"
    path.parent.mkdir(parents=True)
    lines = [",".join(f'"{c}"' for c in LAYOUTS[layout])] + [",".join(f'"{c}"' for c in _row(i)) for i in range(6)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = read_source_file(path, f"inbox/{layout}.csv", SourceConfig(name=layout, kind="distributor", path="inbox/*"))
    assert out.status == "loaded" and out.quarantine.empty and len(out.records) == 6
    mapping = out.sheets[0].mapping
    # SAP's party names (NAME1 of the sold-to "AG" and the ship-to "WE") are told apart by content alone
    expected = {h: f for h, f in zip(LAYOUTS[layout], FIELDS, strict=True)
                if layout != "sap" or f not in ("reseller_name", "customer_name")}
    assert {h: mapping.get(h) for h in expected} == expected
    first = out.records.iloc[1]
    assert (first["invoice_date"], first["invoice_number"], first["reseller_account"], first["sku"],
            first["quantity"], first["unit_price"], first["contract_number"], first["service_end"]) == (
        dt.date(2026, 3, 11), "INV-00001", "WB10151", "SW-C9200-1T", 3, 101.5, "SC-900001",
        dt.date(2027, 3, 31))
    assert list(first["serial_numbers"]) == ["FOC220001XYZ"]


def test_sap_customer_number_is_the_reseller_of_a_distributor_and_the_bill_to_of_an_invoice(tmp_path: Path) -> None:
    # KUNNR is the customer number of whoever the file's owner sold to: the kind of file decides
    path = tmp_path / "inbox" / "kunnr.csv"
    path.parent.mkdir(parents=True)
    rows = [f"2026-03-{10 + i},9000{i},{100 + i},Reseller {i % 2},Customer {i},AB-{i},{10 * i + 5}.00" for i in range(6)]
    path.write_text("\n".join(["FKDAT,VBELN,KUNNR,Reseller,End User,MATNR,NETWR", *rows]) + "\n", encoding="utf-8")
    distributor = read_source_file(path, "inbox/kunnr.csv", SourceConfig(name="d", kind="distributor", path="x"))
    assert distributor.sheets[0].mapping["KUNNR"] == "reseller_account"
    path.write_text("\n".join(["FKDAT,VBELN,KUNNR,NAME1,MATNR,NETWR", *(
        f"2026-03-{10 + i},9000{i},{100 + i},Customer {i},AB-{i},{10 * i + 5}.00" for i in range(6))]) + "\n")
    accounting = read_source_file(path, "inbox/kunnr.csv", SourceConfig(name="a", kind="accounting", path="x"))
    assert accounting.sheets[0].mapping["KUNNR"] == "bill_to_account"
    assert accounting.sheets[0].mapping["VBELN"] == "invoice_number"


def test_columns_names_headers_of_any_script(tmp_path: Path) -> None:
    # headers the vocabulary does not know (Georgian), each named under columns: by its own text
    path = tmp_path / "inbox" / "georgian.csv"
    path.parent.mkdir(parents=True)
    rows = [f"2026-03-{10 + i},Acme,Customer {i},AB-{i}" for i in range(4)]
    path.write_text("\n".join(["ინვოისის თარიღი,რესელერი,საბოლოო კლიენტი,პროდუქტის კოდი", *rows]) + "\n", encoding="utf-8")
    src = SourceConfig(name="k", kind="distributor", path="inbox/*", header_row=1, columns={
        "invoice_date": "ინვოისის თარიღი", "reseller_name": "რესელერი", "customer_name": "საბოლოო კლიენტი", "sku": "პროდუქტის კოდი"})
    out = read_source_file(path, "inbox/georgian.csv", src)
    assert out.status == "loaded" and out.sheets[0].mapping == {
        "ინვოისის თარიღი": "invoice_date", "რესელერი": "reseller_name", "საბოლოო კლიენტი": "customer_name", "პროდუქტის კოდი": "sku"}
    assert out.records["sku"].tolist() == ["AB-0", "AB-1", "AB-2", "AB-3"]


@pytest.mark.parametrize("headers", [
    ["Kundnamn", "Land", "Serienummer", "Slutdatum"],                  # Swedish
    ["Kundenavn", "Land", "Serienummer", "Slutdato"],                   # Danish / Norwegian
    ["Företagsnamn", "Land", "Serienummer", "Slutdatum"],
    ["Asiakkaan nimi", "Maa", "Sarjanumero", "Päättyy"],                # Finnish
    ["顧客名", "国・地域", "シリアル番号", "保守終了日"],                      # Japanese, Microsoft's "country/region"
])
def test_a_tracker_names_its_customer_and_country_in_nordic_finnish_and_japanese(tmp_path: Path,
                                                                              headers: list[str]) -> None:
    rows = [f"Kunde {i} AB,SE,SN{4400 + i}X,2027-0{1 + i}-15" for i in range(5)]
    assert _mapping(tmp_path, "sales_rep", headers, rows) == dict(zip(
        headers, ["customer_name", "customer_country", "serial_numbers", "service_end"], strict=True))


def _mapping(tmp_path: Path, kind: str, headers: list[str], rows: list[str]) -> dict[str, str]:
    """The column mapping of a CSV of `headers` and `rows` read as a source of `kind` (it must load)."""
    path = tmp_path / "inbox" / f"{kind}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([",".join(headers), *rows]) + "\n", encoding="utf-8")
    out = read_source_file(path, f"inbox/{kind}.csv", SourceConfig(name=kind, kind=kind, path="inbox/*"))
    assert out.status == "loaded", out.error
    return out.sheets[0].mapping


#: Dynamics 365's account export as its German, French, Spanish, Dutch and Japanese (Salesforce) users save it
CRM_ACCOUNTS = {
    "de": ["Firmenname", "Kontonummer", "Adresse 1: Ort", "Adresse 1: Land/Region", "Besitzer", "Übergeordnete Firma"],
    "fr": ["Nom du compte", "Numéro de compte", "Adresse 1 : Ville", "Adresse 1 : Pays/région", "Propriétaire",
           "Compte parent"],
    "es": ["Nombre de cuenta", "Número de cuenta", "Dirección 1: Ciudad", "Dirección 1: País o región", "Propietario",
           "Cuenta padre"],
    "nl": ["Accountnaam", "Accountnummer", "Adres 1: Plaats", "Adres 1: Land/regio", "Eigenaar", "Bovenliggend account"],
    "ja": ["取引先名", "取引先番号", "市区町村", "国", "取引先 所有者", "親取引先"],
}


@pytest.mark.parametrize("lang", sorted(CRM_ACCOUNTS))
def test_a_crm_account_export_in_its_users_language(tmp_path: Path, lang: str) -> None:
    headers = CRM_ACCOUNTS[lang]
    rows = [f"Kunde {i} GmbH,A-{1000 + i},Köln,DE,Anna Berger,{'Kunde 0 GmbH' if i else ''}" for i in range(5)]
    assert _mapping(tmp_path, "crm_accounts", headers, rows) == dict(zip(
        headers, ["customer_name", "customer_account", "customer_city", "customer_country", "rep", "parent_account"],
        strict=True))


@pytest.mark.parametrize("price", ["Price", "Unit Price", "Preis (EUR)", "Prix public HT", "Prix catalogue",
                                   "Catalogusprijs", "Precio público"])
def test_a_price_lists_only_price_is_its_list_price(tmp_path: Path, price: str) -> None:
    path = tmp_path / "inbox" / "prices.csv"
    path.parent.mkdir(parents=True)
    path.write_text(f"SKU,Description,{price}\nAB-1,Switch,100.00\nAB-2,Router,250.50\nAB-3,Cable,12.00\n",
                    encoding="utf-8")
    out = read_source_file(path, "inbox/prices.csv", SourceConfig(name="p", kind="price_list", path="inbox/*"))
    assert out.status == "loaded" and out.sheets[0].mapping[price] == "list_price"
    assert out.records["list_price"].tolist() == [100.0, 250.5, 12.0]


def test_a_price_list_with_a_list_price_keeps_the_other_price_apart(tmp_path: Path) -> None:
    path = tmp_path / "inbox" / "prices.csv"
    path.parent.mkdir(parents=True)
    path.write_text("SKU,Description,Price,List Price\nAB-1,Switch,80.00,100.00\nAB-2,Router,200.00,250.50\n",
                    encoding="utf-8")
    out = read_source_file(path, "inbox/prices.csv", SourceConfig(name="p", kind="price_list", path="inbox/*"))
    assert out.sheets[0].mapping["List Price"] == "list_price"
    assert out.records["list_price"].tolist() == [100.0, 250.5]


@pytest.mark.parametrize("headers", [
    "N° facture,Date facture,Date d'échéance,Client,Référence,Montant HT",
    "Nº factura,Fecha factura,Fecha de vencimiento,Cliente,Referencia,Importe",
    "Numero fattura,Data fattura,Data di scadenza,Cliente,Codice articolo,Importo",
    "Factuurnummer,Factuurdatum,Vervaldatum,Klant,Artikelnummer,Bedrag",
    "Nota fiscal,Data de emissão,Data de vencimento,Cliente,Código do produto,Valor total",
    "Rechnungsnummer,Buchungsdatum,Fälligkeitsdatum,Kunde,Artikelnummer,Betrag",
    "Fakturanummer,Fakturadatum,Förfallodatum,Kund,Artikelnummer,Belopp",
])
def test_an_invoices_due_date_is_no_service_end(tmp_path: Path, headers: str) -> None:
    # the words a contract's end goes by ("échéance", "vencimiento", "scadenza") are, on an invoice, when
    # payment falls due: 30 days after the invoice, never the end of what it sold
    path = tmp_path / "inbox" / "invoices.csv"
    path.parent.mkdir(parents=True)
    rows = [f"INV-{i},2026-03-{10 + i},2026-04-{10 + i},Kunde {i} GmbH,AB-{i},{100 + i}.00" for i in range(6)]
    path.write_text("\n".join([headers, *rows]) + "\n", encoding="utf-8")
    out = read_source_file(path, "inbox/invoices.csv", SourceConfig(name="a", kind="accounting", path="inbox/*"))
    assert out.status == "loaded"
    mapping = out.sheets[0].mapping
    assert mapping[headers.split(",")[1]] == "invoice_date"
    assert "service_end" not in mapping.values() and "service_start" not in mapping.values()


def test_a_contract_exports_creation_date_is_no_field(tmp_path: Path) -> None:
    path = tmp_path / "inbox" / "contracts.csv"
    path.parent.mkdir(parents=True)
    headers = "Número de contrato,Cliente,Fecha de inicio,Fecha de finalización,Fecha de creación,Importe"
    rows = [f"SC-{i},Cliente {i} SA,2025-0{1 + i}-01,2026-0{1 + i}-01,2024-12-{10 + i},{1000 + i}.00" for i in range(6)]
    path.write_text("\n".join([headers, *rows]) + "\n", encoding="utf-8")
    out = read_source_file(path, "inbox/contracts.csv", SourceConfig(name="c", kind="crm_contracts", path="inbox/*"))
    assert out.status == "loaded"
    assert out.sheets[0].mapping == {"Número de contrato": "contract_number", "Cliente": "customer_name",
                                     "Fecha de inicio": "service_start", "Fecha de finalización": "service_end",
                                     "Importe": "amount"}
