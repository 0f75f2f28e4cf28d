"""Exports in languages the first vocabularies left out (Vietnamese, Hebrew, Indonesian, Thai, Arabic), a
cp1250 header above ASCII data, currencies as Latin America and Asia write them, and words whose order
or kind decides the field. Each file is written in tmp_path and read as the night reads it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sources.header_words import header_words
from sources.headers import field_scores
from tests.sources.reading import header_fields, read_as


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_vietnamese_sales_ledger_is_read(tmp_path: Path) -> None:
    rows: list[list[object]] = [["CÔNG TY TNHH ABC"], ["SỔ CHI TIẾT BÁN HÀNG"], [],
                                ["Ngày chứng từ", "Số chứng từ", "Mã khách hàng", "Tên khách hàng", "Mã hàng",
                                 "Tên hàng", "Số lượng bán", "Đơn giá", "Doanh số bán"]]
    rows += [[f"2026-10-0{d}", f"BH00{d}", f"KH0{d}", f"Công ty Cổ phần Minh Phát {d}", f"C9300-{d}8P",
              "Hỗ trợ kỹ thuật 1 năm", 1, 1000 + d, 1000 + d] for d in range(1, 6)]
    rows += [["Tổng cộng", None, None, None, None, None, 5, None, 5015]]
    out = read_as(_xlsx(tmp_path / "misa.xlsx", rows), "accounting")
    assert header_fields(out) == {
        "Ngày chứng từ": "invoice_date", "Số chứng từ": "invoice_number", "Mã khách hàng": "bill_to_account",
        "Tên khách hàng": "bill_to_name", "Mã hàng": "sku", "Tên hàng": "description", "Số lượng bán": "quantity",
        "Đơn giá": "unit_price", "Doanh số bán": "amount"}
    assert (out.rows_loaded, out.rows_quarantined) == (5, 0)  # the "Tổng cộng" line is a total


def test_a_hebrew_invoice_export_is_read(tmp_path: Path) -> None:
    header = ["חשבונית", "תאריך חשבונית", "מס' לקוח", "שם לקוח", "לקוח קצה", 'מק"ט', "תאור מוצר", "כמות",
              "מחיר ליחידה", 'סה"כ לפני מע"מ', "מטבע", "תחילת שירות", "סוף שירות"]
    rows = [[f"IN2600{d}", f"1{d}/10/26", f"C10{d}", "Tech Systems Ltd", f"Hadar Logistics {d} Ltd", f"C9300-{d}8P",
             "Support 1y", 1, 900, 900, "$", f"1{d}/11/26", f"1{d}/11/27"] for d in range(1, 6)]
    out = read_as(_xlsx(tmp_path / "priority.xlsx", [header, *rows]), "accounting")
    fields = header_fields(out)
    assert fields["תאריך חשבונית"] == "invoice_date" and fields["חשבונית"] == "invoice_number"
    assert fields["לקוח קצה"] == "customer_name" and fields["שם לקוח"] == "bill_to_name"
    assert fields['מק"ט'] == "sku" and fields["כמות"] == "quantity" and fields['סה"כ לפני מע"מ'] == "amount"
    assert fields["מטבע"] == "currency" and fields["סוף שירות"] == "service_end"
    assert out.rows_loaded == 5 and set(out.records["currency"]) == {"USD"}


def test_an_indonesian_sell_through_report_is_read(tmp_path: Path) -> None:
    header = ["Tgl Faktur", "No Faktur", "Nama Reseller", "Nama End User", "Kota End User", "Kode Pos",
              "Kode Barang", "Deskripsi Barang", "Qty", "Harga Satuan", "Tgl Mulai", "Tgl Berakhir"]
    lines = [";".join([f"0{d}/10/2026", f"FK{d}", "PT Mitra Data", f"PT Sinar Jaya {d}", "Jakarta", "10110",
                       f"C9300-{d}8P", "Dukungan 1 tahun", "1", "1.000,00", f"0{d}/11/2026", f"0{d}/11/2027"])
             for d in range(1, 6)]
    path = tmp_path / "metrodata.csv"
    path.write_text("\n".join([";".join(header), *lines]) + "\n", encoding="utf-8")
    fields = header_fields(read_as(path, "distributor"))
    assert fields["Kota End User"] == "customer_city" and fields["Kode Pos"] == "customer_postal_code"
    assert fields["Deskripsi Barang"] == "description" and fields["Harga Satuan"] == "unit_price"
    assert fields["Tgl Mulai"] == "service_start" and fields["Tgl Berakhir"] == "service_end"


@pytest.mark.parametrize(("header", "words"), [
    ("วันที่ใบแจ้งหนี้", ["date", "invoice"]),  # Thai: no spaces, vowel signs kept inside the words
    ("รหัสไปรษณีย์", ["postal", "code"]),
    ("تاريخ الفاتورة", ["invoice", "date"]),  # Arabic, the article aside
    ("العميل", ["customer"]),
    ("הלקוח", ["customer"]),  # Hebrew "the customer"
    ("Klient końcowy", ["customer final"]),  # the adjective last: the end customer
])
def test_words_of_other_scripts(header: str, words: list[str]) -> None:
    assert [w.text for w in header_words(header)] == words


def test_a_cp1250_header_above_ascii_data_decides_the_code_page(tmp_path: Path) -> None:
    header = "Data faktury;Nazwa kontrahenta;Klient końcowy;Kod producenta;Ilość;Wartość netto"
    lines = [f"2026-10-0{d};Alfa Sp. z o.o.;Beta Logistics {d};C9300-{d}8P;{d};1000,00" for d in range(1, 9)]
    path = tmp_path / "action.csv"
    path.write_bytes(("\n".join([header, *lines]) + "\n").encode("cp1250"))
    out = read_as(path, "distributor")
    assert out.detected["encoding"] == "cp1250"
    fields = header_fields(out)
    assert fields["Ilość"] == "quantity" and fields["Wartość netto"] == "amount"
    assert fields["Klient końcowy"] == "customer_name" and fields["Nazwa kontrahenta"] == "reseller_name"
    assert fields["Kod producenta"] == "sku"


@pytest.mark.parametrize("written", ["U$S", "US$", "美元", "$"])
def test_currency_columns_as_other_countries_write_the_dollar(tmp_path: Path, written: str) -> None:
    rows = [["Fecha", "Comprobante", "Cliente", "Importe", "Moneda"],
            *[[f"2026-10-0{d}", f"A-000{d}", f"Cliente {d} S.A.", 100.0 * d, written] for d in range(1, 6)]]
    out = read_as(_xlsx(tmp_path / "tango.xlsx", rows), "accounting")
    assert header_fields(out)["Moneda"] == "currency" and set(out.records["currency"]) == {"USD"}


@pytest.mark.parametrize(("header", "kind", "field"), [
    ("Cliente Final", "distributor", "customer_name"),  # not the distributor's customer (the reseller)
    ("Usuario Final", "distributor", "customer_name"),
    ("D&H Cust #", "distributor", "reseller_account"),  # a distributor's own customer number: the reseller's
    ("Kod producenta", "distributor", "sku"),
    ("Member Of", "crm_accounts", "parent_account"),
    ("Organization Type", "crm_accounts", "account_type"),
])
def test_the_field_a_header_names(header: str, kind: str, field: str) -> None:
    scores = field_scores(header, kind)
    assert max(scores, key=lambda f: scores[f].score) == field


@pytest.mark.parametrize(("header", "kind"), [
    ("Annual Revenue", "crm_accounts"),  # the company's size, no deal's amount
    ("date_entered", "crm_contracts"),  # the CRM record's creation time, no invoice date
    ("Last Modified Date", "crm_contracts"),
    ("Billing Preference", "crm_contracts"),  # Autotask: "Immediately", no bill-to party
    ("Payment Terms", "accounting"),
])
def test_headers_that_name_no_field_in_their_kind(header: str, kind: str) -> None:
    assert field_scores(header, kind) == {}


def test_a_bulgarian_sales_export_reads_its_amount_not_the_company_number(tmp_path: Path) -> None:
    """Microinvest: "ЕИК" (a 9-digit company registration number) beside "Сума"; the number was read as the
    amount by its content (206,694,720 a line) while "Сума" was no known word."""
    header = ["Дата", "Документ №", "Партньор", "ЕИК", "Получател", "Код стока", "Стока", "Количество",
              "Ед. цена", "Сума", "Валута", "Край на поддръжка"]
    lines = [";".join([f"0{d}.01.2026", f"202600000{d}", "Galby Digital Inc", f"20669{d}720", f"Zenith Motors {d} LLC",
                       f"C9300-{d}8P", "Support 1 year", "2", "578,00", "1156,00", "USD", f"0{d}.01.2027"])
             for d in range(1, 8)]
    path = tmp_path / "microinvest.csv"
    path.write_bytes(("\n".join([";".join(header), *lines]) + "\n").encode("cp1251"))
    out = read_as(path, "accounting")
    fields = header_fields(out)
    assert fields["Сума"] == "amount" and "ЕИК" not in fields
    assert fields["Получател"] == "customer_name" and fields["Код стока"] == "sku"
    assert fields["Валута"] == "currency" and fields["Край на поддръжка"] == "service_end"
    assert {float(a) for a in out.records["amount"]} == {1156.0}


def test_a_ukrainian_report_keeps_invoice_numbers_in_cyrillic(tmp_path: Path) -> None:
    header = ["№ накладної", "Дата", "Дилер", "Кінцевий клієнт", "Артикул", "Кількість", "Ціна USD", "Сума USD",
              "Серійні номери", "Дата початку", "Дата закінчення"]
    rows = [[f"РН-00073{d}", f"0{d}.10.2026", "ТОВ Мережі", f"ПрАТ Сонячна {d}", f"C9300-{d}8P", 1, 900.0, 900.0,
             f"FOC2{d}45X1", f"0{d}.11.2026", f"0{d}.11.2027"] for d in range(1, 8)]
    out = read_as(_xlsx(tmp_path / "muk.xlsx", [header, *rows]), "distributor")
    fields = header_fields(out)
    assert fields["№ накладної"] == "invoice_number" and fields["Кількість"] == "quantity"
    assert fields["Сума USD"] == "amount" and fields["Дата закінчення"] == "service_end"
    assert list(out.records["invoice_number"])[:2] == ["РН-000731", "РН-000732"]


@pytest.mark.parametrize(("header", "words"), [
    ("Šifra artikla", ["code", "article"]),  # Slovenian
    ("Serijske številke", ["serial", "number"]),
    ("Količina", ["quantity"]),
    ("شماره فاکتور", ["number", "invoice"]),  # Persian, its "ک" as the Arabic letter
    ("کد پستی", ["postal", "code"]),
    ("產品序號", ["product", "serial", "number"]),  # Digiwin: the product's serial number, no SKU
    ("联系人", ["contact person"]),
    ("ご担当者名", ["contact person", "name"]),  # the customer's person, not our rep
    ("PIN Code", ["postal", "code"]),  # India's postal code
])
def test_more_words_of_other_languages(header: str, words: list[str]) -> None:
    assert [w.text for w in header_words(header)] == words


def test_of_two_headers_naming_a_field_the_one_saying_more_wins(tmp_path: Path) -> None:
    header = ["Contract ID", "Contract Number", "Contract Type", "Service Level Agreement", "Account", "End Date"]
    rows = [[f"29684{d:03d}", f"SC-50{d:03d}", "Recurring Service", "4 hr", f"Vertex {d} Ltd", f"2027-0{d}-28"]
            for d in range(1, 8)]
    fields = header_fields(read_as(_xlsx(tmp_path / "autotask.xlsx", [header, *rows]), "crm_contracts"))
    assert fields["Contract Number"] == "contract_number" and fields["Service Level Agreement"] == "service_level"
    assert "Contract ID" not in fields and "Contract Type" not in fields


def test_a_crms_own_id_yields_to_a_filled_account_number(tmp_path: Path) -> None:
    header = ["Id", "Type", "Name", "Account Number", "Account Type"]
    rows = [[18236849 + d, "Organisation", f"Rosdale {d} Inc.", f"0015e1ix7BiRE{d}a", "Customer"] for d in range(8)]
    fields = header_fields(read_as(_xlsx(tmp_path / "capsule.xlsx", [header, *rows]), "crm_accounts"))
    assert fields["Account Number"] == "customer_account" and fields["Account Type"] == "account_type"
    assert "Id" not in fields and "Type" not in fields
