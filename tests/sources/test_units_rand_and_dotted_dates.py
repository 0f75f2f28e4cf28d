"""Amounts and dates as more markets write them: a unit of ten thousand yuan, a thousand yen or won, a lakh or a
crore in the header; South Africa's rand written "R 25 840,70"; dates ending with a dot ("05.01.2026.", Croatian,
Serbian, Hungarian); long dates after their weekday ("Friday, March 13, 2026"). Files written here and read as the
night does."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sources.header_scale import header_scale
from sources.values import parse_money_column
from tests.sources.hostile import csv_text, read, src


@pytest.mark.parametrize(("header", "scale"), [
    ("续约金额（万元）", 1e4), ("金額（千円）", 1e3), ("売上（百万円）", 1e6), ("금액(천원)", 1e3), ("매출(억원)", 1e8),
    ("金额(万美元)", 1e4), ("Amount (Rs. in Lakhs)", 1e5), ("Amount (in lakhs)", 1e5), ("Value (₹ Cr)", 1e7),
    ("Value (Rs Cr)", 1e7), ("Value (Cr)", None), ("Balance (Dr/Cr)", None), ("金額（円）", None), ("Amount (Rs.)", None),
])
def test_the_unit_a_header_counts_in(header: str, scale: float | None) -> None:
    found = header_scale(header)
    assert (found[0] if found else None) == scale


def test_renewals_in_ten_thousand_yuan_are_read_in_yuan_with_a_warning(tmp_path: Path) -> None:
    text = csv_text([["武汉协和医院", "FOC1234ABCD", "2026-06-30", "0.89"], ["青岛港集团", "CZJ123ABCD", "2026-09-14", "2.41"]],
                    header=["客户名称", "序列号", "维保到期", "续约金额（万元）"])
    out = read(tmp_path, "tracker.csv", text, src("sales_rep"))
    assert [float(a) for a in out.records["amount"]] == [8900.0, 24100.0]
    assert any("the header says the values are in ten thousands: read ×10,000" in w for w in out.warnings)


def test_rand_amounts_are_read_as_zar_credit_notes_negative(tmp_path: Path) -> None:
    text = ("Date;Document No;Customer;Qty;Unit Price;Excl Amount\n"
            "2026/01/12;IN004410;Durban University of Technology;1;R 25 840,70;R 25 840,70\n"
            "2026/02/03;CN004715;Tiger Brands Ltd;(1);R 5 161,86;(R 5 161,86)\n")
    out = read(tmp_path, "pastel.csv", text, src("accounting"))
    assert out.status == "loaded" and out.rows_quarantined == 0
    assert [float(a) for a in out.records["amount"]] == [25840.70, -5161.86]
    assert list(out.records["currency"]) == ["ZAR", "ZAR"]


def test_a_lower_case_r_is_no_rand() -> None:
    money = parse_money_column(pd.Series(["R 100,00", "r 100,00"]))
    assert list(money.currency) == ["ZAR", None] and list(money.unknown_currency) == [False, True]


def test_dates_ending_with_a_dot_are_read_day_first_as_the_column_proves(tmp_path: Path) -> None:
    text = ("Broj računa;Datum;Kupac;Iznos\n"
            "118-1-1;05.01.2026.;Grad Rijeka;5.643,53\n119-1-1;14.01.2026.;KBC Split;437,03\n"
            "120-1-1;04.02.2026.;Grad Zadar;1.319,14\n121-1-1;01.03.2026.;HEP d.d.;366,97\n")
    out = read(tmp_path, "racuni.csv", text, src("accounting"))
    assert [str(d) for d in out.records["invoice_date"]] == ["2026-01-05", "2026-01-14", "2026-02-04", "2026-03-01"]


def test_hungarian_year_first_dates_with_dots_and_spaces(tmp_path: Path) -> None:
    text = ("Számla;Dátum;Vevő;Összeg\n"
            "SZ-1;2026. 01. 05.;Budapest Bank Zrt.;1000\nSZ-2;2026. 02. 14.;Magyar Posta Zrt.;2000\n")
    out = read(tmp_path, "szamlak.csv", text, src("accounting"))
    assert [str(d) for d in out.records["invoice_date"]] == ["2026-01-05", "2026-02-14"]


def test_long_dates_with_their_weekday_are_service_dates(tmp_path: Path) -> None:
    text = csv_text([["Union Steel Inc", "FCW2231X0AB", "Saturday, March 14, 2026", "Saturday, March 13, 2027"],
                     ["Magnolia Insurance", "FCW2231X0AC", "Sun, 15 Mar 2026", "Sunday, March 14, 2027"]],
                    header=["Customer", "Serial Number", "Service Start", "Service End"])
    out = read(tmp_path, "contracts.csv", text, src("sales_rep"))
    assert [str(d) for d in out.records["service_start"]] == ["2026-03-14", "2026-03-15"]
    assert [str(d) for d in out.records["service_end"]] == ["2027-03-13", "2027-03-14"]
