"""Exports of the thirty-fifth session's probe (an Icelandic ledger, Serbian and Macedonian distributors, an Amharic
and an Azerbaijani CRM, a Sinhala tracker), each written as a real file in tmp_path and read as the nightly run
reads it: the net amount beside the gross one whatever language says "with" and "without", page banners in any
script left out without costing a column its content, Serbian Cyrillic read by its Latin words."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from sources.header_words import header_words
from sources.headers import field_scores, names_no_field
from tests.sources.hostile import read, read_path, src


def _csv(rows: list[list[str]], sep: str = ";") -> str:
    return "".join(sep.join(r) + "\n" for r in rows)


@pytest.mark.parametrize(("net", "gross"), [
    ("Upphæð án VSK", "Upphæð með VSK"),  # Icelandic: "án" is without (Irish "an" is "the")
    ("Amount without VAT", "Amount with VAT"),
    ("Сума без ПДВ", "Сума з ПДВ"),  # Ukrainian
    ("Total sin IVA", "Total con IVA"),
    ("Betrag vor Steuern", "Betrag nach Steuern"),
    ("Vlera pa TVSH", "Vlera me TVSH"),  # Albanian
])
def test_the_net_amount_is_read_beside_the_gross_one(tmp_path: Path, net: str, gross: str) -> None:
    rows = [["Invoice No", "Invoice Date", "Bill To", "SKU", "Qty", gross, net]] + [
        [f"IS-{k}", f"0{k}.03.2026", "Nýherji hf.", "SVC-NBD-1Y", "1", f"{k * 124},00", f"{k * 100},00"]
        for k in range(1, 6)]
    out = read(tmp_path, "solureikningar.csv", _csv(rows), src("accounting"))
    mapping = out.sheets[0].mapping
    assert mapping[net] == "amount" and gross not in mapping
    assert sorted(out.records["amount"].astype(float)) == [100.0, 200.0, 300.0, 400.0, 500.0]


def test_a_particle_reads_as_nothing_only_as_written() -> None:
    assert "excl" in _words("Upphæð án VSK") and "excl" not in _words("Méid an CBL")  # Irish: the VAT's amount
    # "án" before no tax's name is no "without": the Vietnamese project ("Dự án") reads as before
    assert _words("Mã dự án") == _words("Mã dự an")


def _words(header: str) -> set[str]:
    return {w.text for w in header_words(header)}


def _setec(path: Path) -> Path:
    """A Macedonian distributor's printed report: each page opens with a banner (the company, the title and the
    page number) and the header again."""
    header = ["Датум", "Број на фактура", "Препродавач", "Купувач", "Шифра на производител", "Сериски број",
              "Количина", "Износ", "Број на договор"]
    wb = Workbook()
    ws = wb.active
    line = 0
    for page in range(1, 4):
        ws.append(["СЕТЕК ДООЕЛ Скопје", None, "Извештај за продажба", None, None, None, None, None,
                   f"Страна {page} од 3"])
        ws.append(header)
        for _ in range(4):
            line += 1
            ws.append([f"0{line % 9 + 1}.02.2026", f"MK-{line:04d}", "Неотел ДООЕЛ", "Алкалоид АД Скопје",
                       "C9200L-24P-4G-E", f"FOC24{line:05d}", 1, 1499.0, f"SC-{3000000 + line}"])
    wb.save(path)
    return path


def test_page_banners_in_any_script_are_no_lines_and_cost_no_column(tmp_path: Path) -> None:
    out = read_path(_setec(tmp_path / "setec.xlsx"))
    mapping = out.sheets[0].mapping
    assert mapping["Број на договор"] == "contract_number" and mapping["Шифра на производител"] == "sku"
    assert out.rows_loaded == 12 and out.rows_quarantined == 0
    assert list(out.records["contract_number"]) == [f"SC-{3000000 + k}" for k in range(1, 13)]


def test_serbian_cyrillic_reads_as_its_latin_words() -> None:
    assert max(field_scores("Шифра произвођача", "distributor"), key=lambda f: field_scores(
        "Шифра произвођача", "distributor")[f].score) == "sku"
    assert field_scores("Место", "distributor")["customer_city"].score == 1.0
    assert names_no_field("ПИБ") and names_no_field("ЕДБ")  # the tax numbers
    # a Russian word (a letter Serbian lacks) is not read so
    assert "customer_city" not in field_scores("Объём", "distributor")


def test_a_partner_code_is_no_sku_on_its_content(tmp_path: Path) -> None:
    rows = [["Датум", "Шифра на партнер", "Назив на партнер", "Купувач", "Kxq", "Количина", "Износ"]] + [
        [f"0{k}.02.2026", f"P-{k:05d}", "Неотел ДООЕЛ", "Алкалоид АД Скопје", f"C9200L-{k}4P-4G-E", "1", "1499,00"]
        for k in range(1, 8)]
    mapping = read(tmp_path, "kimtec.csv", _csv(rows)).sheets[0].mapping
    assert mapping["Шифра на партнер"] == "reseller_account" and mapping.get("Kxq") == "sku"


def test_an_account_list_has_no_invoice_date(tmp_path: Path) -> None:
    rows = [["Şirkət adı", "Müştəri kodu", "Bölgə", "Yaradılma tarixi"]] + [
        [f"Azərsun Holding {k} MMC", f"C-{k:04d}", "Bakı", f"1{k}.01.2025"] for k in range(1, 6)]
    mapping = read(tmp_path, "musteriler.csv", _csv(rows), src("crm_accounts")).sheets[0].mapping
    assert "invoice_date" not in mapping.values() and mapping["Müştəri kodu"] == "customer_account"


def test_a_zero_width_joiner_keeps_a_sinhala_word_whole(tmp_path: Path) -> None:
    rows = [["පාරිභෝගිකයා", "අනුක්\u200dරමික අංකය", "ඉකුත්වන දිනය", "වටිනාකම"]] + [
        [f"Ceylon Traders {k} (Pvt) Ltd", f"FCW24{k:05d}", f"2027-0{k}-15", f"{k}200.00"] for k in range(1, 6)]
    out = read(tmp_path, "alut_kirim.csv", _csv(rows, ","), src("sales_rep"))
    mapping = out.sheets[0].mapping
    assert mapping["අනුක්\u200dරමික අංකය"] == "serial_numbers" and mapping["වටිනාකම"] == "amount"
