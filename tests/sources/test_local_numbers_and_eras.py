"""Numbers and years as markets write them: Arabic-Indic digits, a won sign after the amount, "Rs." before it,
Tally's "4 Nos" in every row, Thai dates in the Buddhist era. Each file is written in tmp_path and read as the
nightly run reads it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.sources.hostile import read, semicolon_text, src


def test_arabic_indic_digits_and_separators_are_numbers(tmp_path: Path) -> None:
    text = semicolon_text(
        ["تاريخ الفاتورة", "الشريك", "العميل النهائي", "كود الصنف", "الكمية", "سعر الوحدة", "الإجمالي"], [
            ["١٥/٠٣/٢٠٢٦", "شركة رايا لتكنولوجيا المعلومات", "البنك الأهلي المصري", "C9300-48P-A", "٢",
             "١٥٤٬١٧٩٫٥٢", "٣٠٨٬٣٥٩٫٠٤"],
            ["١٦/٠٣/٢٠٢٦", "شركة رايا لتكنولوجيا المعلومات", "مصر للطيران", "FG-100F", "١", "١٧٬٨٢٠٫٠٠", "١٧٬٨٢٠٫٠٠"],
        ])
    out = read(tmp_path, "eg.csv", text, src("distributor"))
    assert out.rows_loaded == 2 and out.rows_quarantined == 0
    assert [float(a) for a in out.records["amount"]] == [308359.04, 17820.0]
    assert list(out.records["quantity"]) == [2, 1] and float(out.records["unit_price"].iloc[0]) == 154179.52


def test_a_won_sign_after_the_amount_is_krw(tmp_path: Path) -> None:
    text = semicolon_text(["고객사", "계약종료일", "갱신금액"], [["(주)세림테크", "2026년 6월 30일", "2,045,082원"],
                                                          ["인하대학교병원", "2026년 9월 14일", "1,759,115원"]])
    out = read(tmp_path, "kr.csv", text, src("sales_rep"))
    assert [float(a) for a in out.records["amount"]] == [2045082.0, 1759115.0]
    assert set(out.records["currency"]) == {"KRW"}


def test_rupees_written_rs_dot_are_read_and_their_currency_asked_for(tmp_path: Path) -> None:
    """"Rs." is India's, Pakistan's, Mauritius' or the Seychelles' rupee: the amount is read, and a row no currency
    column or default names is quarantined saying so; `defaults: currency: INR` loads it."""
    text = semicolon_text(["Contract Number", "Account Name", "End Date", "Contract Value"], [
        ["CT-10001", "Tata Steel BSL Ltd", "16-Aug-2026", "Rs. 1,40,613.87"],
        ["CT-10002", "Fortis Healthcare Ltd", "09-Oct-2026", "Rs.5,180.81"]])
    out = read(tmp_path, "zoho.csv", text, src("crm_contracts"))
    assert out.sheets[0].mapping["Contract Value"] == "amount" and out.rows_quarantined == 2
    assert "the currency 'Rs' is INR or MUR or PKR or SCR" in out.quarantine["reason"].iloc[0]
    out = read(tmp_path, "zoho.csv", text, src("crm_contracts", defaults={"currency": "INR"}))
    assert [float(a) for a in out.records["amount"]] == [140613.87, 5180.81]


def test_a_count_with_its_unit_on_every_row_is_the_quantity(tmp_path: Path) -> None:
    rows = [[f"{d}-Jan-26", f"Hospital {d} Ltd", f"SV/25-26/29{d}", f"{q} Nos", "4,74,956.21", f"{q * 474956.21:,.2f}"]
            for d, q in ((19, 4), (20, 2), (21, 1), (22, 1), (23, 4), (24, 3))]
    text = semicolon_text(["Date", "Particulars", "Voucher No.", "Quantity", "Rate", "Value"], rows)
    out = read(tmp_path, "tally.csv", text, src("accounting"))
    assert out.sheets[0].mapping["Quantity"] == "quantity"
    assert list(out.records["quantity"]) == [4, 2, 1, 1, 4, 3]


def test_thai_dates_in_the_buddhist_era(tmp_path: Path) -> None:
    text = semicolon_text(["เลขที่สัญญา", "ชื่อลูกค้า", "วันเริ่มต้น", "วันสิ้นสุด", "มูลค่าสัญญา (บาท)"], [
        ["MA-2569/101", "มหาวิทยาลัยขอนแก่น", "17/08/2568", "16/08/2569", "52664.81"],
        ["MA-2569/102", "โรงพยาบาลศิริราช", "1 ต.ค. 2568", "30 กันยายน 2569", "12500.00"]])
    out = read(tmp_path, "th.csv", text, src("crm_contracts"))
    assert out.rows_loaded == 2 and out.rows_quarantined == 0
    assert list(out.records["service_end"]) == [dt.date(2026, 8, 16), dt.date(2026, 9, 30)]
    assert list(out.records["service_start"]) == [dt.date(2025, 8, 17), dt.date(2025, 10, 1)]
    assert any("Buddhist era (2569 = 2026)" in w for w in out.warnings)


def test_a_common_era_year_past_2100_stays_out_of_range(tmp_path: Path) -> None:
    """One row's "2569" among common-era dates is a typo, no era: it is quarantined, the others read as written."""
    text = semicolon_text(["Customer", "Expiry"], [["Acme GmbH", "16/08/2026"], ["Beta AG", "16/08/2569"],
                                               ["Gamma SE", "01/10/2027"]])
    out = read(tmp_path, "typo.csv", text, src("sales_rep"))
    assert out.rows_loaded == 2 and out.rows_quarantined == 1


def test_a_heading_its_lines_repeat_is_structure(tmp_path: Path) -> None:
    """A Westcon report's "Region: Coast" heads lines whose own "Region" is "Coast": skipped, said, no quarantine; a
    one-cell "Region: Lamu" whose next line is of another region stays a bad line."""
    text = semicolon_text(["Region", "Invoice Date", "Partner", "End Customer", "SKU", "Qty", "Line Total"], [
        ["Region: Coast", "", "", "", "", "", ""],
        ["Coast", "12/03/2026", "Seacom Kenya Ltd", "Kenya Ports Authority", "FG-200F", "1", "786900.00"],
        ["Coast", "14/03/2026", "Dimension Data Kenya Ltd", "Bamburi Cement PLC", "C9300-48P-A", "2", "2528400.00"],
        ["Region: Nairobi", "", "", "", "", "", ""],
        ["Nairobi", "12/03/2026", "Seacom Kenya Ltd", "Safaricom PLC", "FG-200F", "1", "786900.00"],
        ["Region: Lamu", "", "", "", "", "", ""],
        ["Nairobi", "13/03/2026", "Seacom Kenya Ltd", "KCB Group PLC", "FG-200F", "1", "786900.00"],
    ])
    out = read(tmp_path, "westcon.csv", text, src("distributor"))
    assert out.rows_loaded == 4 and list(out.quarantine["source_row"]) == [7]
    assert any("rows 2, 5 head a group of lines that name it themselves" in w for w in out.warnings)
