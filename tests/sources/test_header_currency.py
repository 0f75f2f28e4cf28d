"""The currency a header names ("Amount (EUR)", "Betrag in €", "金額（円）") or a header row's script
implies (kana: yen) is the currency of a row no cell or column names one: a Japanese export's yen
were read as the reporting currency, 150 times too much. A cell's own currency, a currency column
and the source's `defaults: currency` win. Each file is written in tmp_path and read as the night
reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.currency import code_of, header_currency
from tests.sources.hostile import csv_text, read, src

HEADER = ["Invoice Date", "Reseller", "End User", "SKU", "Qty", "{}"]
ROWS = [["2024-03-01", "Infocore", "Delta Legal", "FC-10-0100F", 1, "1200.00"],
        ["2024-03-02", "Infocore", "Kestrel", "FC-10-0100F", 1, "EUR 900.00"]]


@pytest.mark.parametrize(("header", "code"), [
    ("Amount (EUR)", "EUR"), ("Betrag in €", "EUR"), ("Montant HT (€)", "EUR"), ("Wartość (zł)", "PLN"),
    ("Amount in CHF", "CHF"), ("金額（円）", "JPY"), ("Revenue (euros)", "EUR"),
    ("Amount ($)", None), ("Amount", None), ("Total ALL", None), ("Cost (kr)", None),
])
def test_a_header_names_its_currency(header: str, code: str | None) -> None:
    assert header_currency(header) == code


def test_rows_without_a_currency_take_the_headers(tmp_path: Path) -> None:
    header = [h.format("Amount (GBP)") for h in HEADER]
    rows = [[*r[:5], r[5].replace("EUR", "GBP")] for r in ROWS]
    out = read(tmp_path, "gb.csv", csv_text(rows, header))
    assert list(out.records["currency"]) == ["GBP", "GBP"]
    assert any("currency: GBP where no cell or column names one, as the header 'Amount (GBP)' says" in w
               for w in out.warnings)


def test_a_japanese_export_without_a_currency_is_in_yen(tmp_path: Path) -> None:
    header = ["請求日", "販売店", "エンドユーザー", "型番", "数量", "金額"]
    rows = [["2024/03/01", "大塚商会", "トヨタ自動車", "FC-10-0100F", 1, "132,000"],
            ["2024/03/02", "大塚商会", "デンソー", "FC-10-0100F", 1, "132000円"]]
    out = read(tmp_path, "jp.csv", csv_text(rows, header))
    assert list(out.records["currency"]) == ["JPY", "JPY"]
    assert [float(a) for a in out.records["amount"]] == [132000.0, 132000.0]
    assert code_of("円") == "JPY"
    named = read(tmp_path, "jp_usd.csv", csv_text(rows[:1], header), src(defaults={"currency": "USD"}))
    assert list(named.records["currency"]) == ["USD"]  # the source says so


def test_a_cell_or_column_wins_and_two_headers_disagreeing_name_none(tmp_path: Path) -> None:
    header = [h.format("Amount (GBP)") for h in HEADER]
    out = read(tmp_path, "mixed.csv", csv_text(ROWS, header))
    assert list(out.records["currency"]) == ["GBP", "EUR"]  # the cell's own "EUR 900.00"
    two = ["Invoice Date", "Reseller", "End User", "SKU", "Qty", "Unit Price (USD)", "Amount (EUR)"]
    out = read(tmp_path, "two.csv", csv_text([[*ROWS[0][:5], "1200", "1100"]], two))
    assert out.records["currency"].isna().all() and not any("currency:" in w for w in out.warnings)


def test_a_group_title_over_two_header_rows_names_the_currency_of_the_columns_under_it(tmp_path: Path) -> None:
    """"Montants HT (EUR)" over "PU" and "Total" (an Exclusive Networks report): the short details are read alone,
    and they used to lose the group's currency, so euros were valued as the reporting currency without a word."""
    text = ("N° facture,Date,Revendeur,Client final,,Référence,Montants HT (EUR),,\n"
            ",,,Nom,Code,,Qté,PU,Total\n"
            "F-1,2026-03-01,Infocore,Delta Legal,C1,FC-10-0100F,2,10.50,21.00\n"
            "F-2,2026-03-02,Infocore,Kestrel SARL,C2,FC-10-0100F,1,99.00,99.00\n")
    out = read(tmp_path, "en.csv", text)
    assert out.status == "loaded" and list(out.records["currency"]) == ["EUR", "EUR"]
    assert [float(a) for a in out.records["amount"]] == [21.0, 99.0]
    assert any("currency: EUR where no cell or column names one" in w for w in out.warnings), out.warnings


@pytest.mark.parametrize(("towns", "code"), [
    (["Stockholm", "Göteborg", "Malmö", "Uppsala"], "SEK"), (["Oslo", "Bergen", "Trondheim", "Stavanger"], "NOK"),
])
def test_kronor_take_the_currency_of_the_country_the_tables_places_lie_in(tmp_path: Path, towns: list[str],
                                                                         code: str) -> None:
    """"117 879 kr" is SEK or NOK (or DKK): with nothing naming which, every row was quarantined and the night
    stopped; a tracker whose customers' towns lie in one country writes that country's kronor."""
    rows = [f"Kund {i},{town},SN{i},2026-0{i + 1}-01,\"{i + 1}1 879 kr\"" for i, town in enumerate(towns)]
    text = "Kund,Ort,Serienr,Slutdatum,Belopp\n" + "\n".join(rows) + "\n"
    out = read(tmp_path, "tracker.csv", text, src("sales_rep", rep="Erik"))
    assert out.status == "loaded" and list(out.records["currency"]) == [code] * 4
    assert [float(a) for a in out.records["amount"]] == [11879.0, 21879.0, 31879.0, 41879.0]
    assert any(f"currency: {code} where no cell or column names one, as the country its cities lie in" in w
               for w in out.warnings), out.warnings
    mixed = read(tmp_path, "mixed.csv", text.replace(towns[1], "Oslo" if code == "SEK" else "Stockholm")
                 .replace(towns[2], "Helsinki"), src("sales_rep", rep="Erik"))
    assert mixed.rows_loaded == 0  # places in several countries decide nothing: quarantined, as before
