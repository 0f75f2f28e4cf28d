"""Amounts stored as numbers in cells formatted in a currency ("#,##0.00 [$€-407]") were read in the source's
currency (dollars) without a word; the format's currency is the rows' where no cell, column or header names one."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from sources.number_formats import format_currency
from tests.sources.hostile import read_path, src


@pytest.mark.parametrize(("code", "currency"), [
    ("#,##0.00\\ [$€-407]", "EUR"), ('"€"#,##0.00', "EUR"), ("[$USD] #,##0", "USD"), ("[$$-409]#,##0.00", "USD"),
    ("[$$-C09]#,##0.00", "AUD"), ("#,##0.00 [$CHF]", "CHF"), ("£#,##0", "GBP"), ("#,##0.00 €", "EUR"),
    ("$#,##0.00", None), ("#,##0.00", None), ("[$-409]d-mmm-yy", None), ("yyyy-mm-dd", None),
])
def test_the_currency_a_number_format_shows(code: str, currency: str | None) -> None:
    assert format_currency(code) == currency


def _pos(path: Path, amount_format: str) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Invoice Date", "Invoice No.", "Reseller Name", "End Customer Name", "Product Code", "Qty",
               "Line Total"])
    for k in range(1, 6):
        ws.append([f"2026-10-0{k}", f"PS{k:04d}", "Lorstead Networks GmbH", "Crestline Metals AG", "CS-NBD-SRV", 1,
                   1000.0 + k])
        ws.cell(row=k + 1, column=7).number_format = amount_format
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def test_amounts_formatted_in_euros_are_euros(tmp_path: Path, reader: str) -> None:
    out = read_path(_pos(tmp_path / "inbox" / "pos.xlsx", "#,##0.00\\ [$€-407]"))
    assert out.records["currency"].tolist() == ["EUR"] * 5 and out.records["amount"].tolist()[0] == 1001.0
    assert any("as the number format of the cells of 'Line Total' shows" in w for w in out.warnings), out.warnings


def test_a_plain_number_format_names_no_currency(tmp_path: Path) -> None:
    out = read_path(_pos(tmp_path / "inbox" / "pos.xlsx", "#,##0.00"))
    assert "currency" not in out.records or out.records["currency"].isna().all()


def test_the_sources_default_currency_still_wins(tmp_path: Path) -> None:
    out = read_path(_pos(tmp_path / "inbox" / "pos.xlsx", "#,##0.00\\ [$€-407]"), src(defaults={"currency": "USD"}))
    assert set(out.records["currency"]) == {"USD"}
