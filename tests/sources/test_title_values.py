"""A value the lines above a header state once ("Customer: Delta Legal Inc." over a rep's sheet for
that customer, "Reseller | Infocore" over a distributor's report for one reseller) fills a field no
column gives, for every row; a column that gives the field wins, a pivot filter's "(All)" names
nobody, and a report date is no row's date. Each file is written in tmp_path and read as the night
reads it."""

from __future__ import annotations

from pathlib import Path

from sources.title_values import title_values
from tests.sources.hostile import read, read_path, src, workbook_sheets

TRACKER = ["Contract", "Serial", "SKU", "Start", "End", "Value"]


def _sheets(path: Path, titles: dict[str, list[list[object]]], rows: list[list[object]]) -> Path:
    """A tracker sheet per entry of `titles`: its title lines, the tracker's header, then `rows`."""
    return workbook_sheets(path, {name: [*above, TRACKER, *rows] for name, above in titles.items()})


ROWS = [["SC-1001", "FOC2401A1AA", "C9300-48P-A", "2024-01-01", "2024-12-31", 1200],
        ["SC-1002", "FOC2401A1AB", "C9300-48P-A", "2024-02-01", "2025-01-31", 900]]


def test_a_sheet_per_customer_takes_the_customer_its_title_names(tmp_path: Path, reader: str) -> None:
    path = _sheets(tmp_path / "inbox" / "tracker.xlsx", {
        "Delta": [["Customer: Delta Legal Inc."], []],
        "Kestrel": [["Account Manager", "Jane Roe"], ["Customer:", "Kestrel Analytics Ltd"]],
    }, ROWS)
    out = read_path(path, src("sales_rep"))
    assert out.status == "loaded" and out.rows_loaded == 4
    recs = out.records.set_index(["source_sheet", "source_row"])
    assert recs.loc[("Delta", 4), "customer_name"] == "Delta Legal Inc."
    assert recs.loc[("Kestrel", 5), "customer_name"] == "Kestrel Analytics Ltd"
    assert recs.loc[("Kestrel", 5), "rep"] == "Jane Roe"
    note = next(w for w in out.warnings if "[Delta]" in w and "above the header" in w)
    assert "customer_name 'Delta Legal Inc.' for every row, as row 1 above the header states it" in note


def test_a_distributor_report_for_one_reseller(tmp_path: Path) -> None:
    text = ("Reseller,Infocore Systems Integration\nCurrency:,EUR\nReport date: 2024-03-31\n\n"
            "Invoice Date,End User,SKU,Qty,Amount\n"
            "2024-03-01,Delta Legal Inc.,C9300-48P-A,1,5120.00\n2024-03-02,Kestrel Analytics,C9200L-24T,2,900.00\n")
    out = read(tmp_path, "march.csv", text)
    assert out.status == "loaded" and out.rows_loaded == 2
    assert set(out.records["reseller_name"]) == {"Infocore Systems Integration"}
    assert set(out.records["currency"]) == {"EUR"}
    assert list(out.records["invoice_date"].astype(str)) == ["2024-03-01", "2024-03-02"]  # not the report date


def test_a_column_wins_and_a_filter_of_all_names_nobody(tmp_path: Path) -> None:
    text = ("Reseller,(All)\nCustomer:,Somebody Else\n\n"
            "Invoice Date,Reseller,End User,SKU,Qty,Amount\n"
            "2024-03-01,Infocore,Delta Legal Inc.,C9300-48P-A,1,5120.00\n"
            "2024-03-02,,Kestrel Analytics,C9200L-24T,2,900.00\n")
    out = read(tmp_path, "filtered.csv", text)
    assert list(out.records["reseller_name"]) == ["Infocore"]  # the blank one is not "(All)": quarantined
    assert out.rows_quarantined == 1 and "reseller_name" in out.quarantine["reason"].iloc[0]
    assert list(out.records["customer_name"]) == ["Delta Legal Inc."]  # the column's, not the title's
    assert not any("above the header" in w for w in out.warnings)


def test_without_a_title_the_sheet_still_needs_its_mapping(tmp_path: Path) -> None:
    path = _sheets(tmp_path / "inbox" / "bare.xlsx", {"Contracts": [["Renewals 2024"], []]}, ROWS)
    out = read_path(path, src("sales_rep"))
    assert out.status == "needs_mapping" and "customer_name" in (out.error or "")


def test_a_source_default_counts_as_given(tmp_path: Path) -> None:
    """`defaults: {customer_name: ...}` fills a file without a customer column instead of asking for one."""
    path = _sheets(tmp_path / "inbox" / "one.xlsx", {"Contracts": []}, ROWS)
    out = read_path(path, src("sales_rep", defaults={"customer_name": "Delta Legal Inc."}))
    assert out.status == "loaded" and set(out.records["customer_name"]) == {"Delta Legal Inc."}


def test_title_values_alone() -> None:
    lines = [["Kunde: Müller GmbH"], ["Period: 2024-01-01 - 2024-03-31"], ["Customer: Müller GmbH"]]
    assert {f: v.value for f, v in title_values(lines, "sales_rep").items()} == {"customer_name": "Müller GmbH"}
    clash = [["Customer: Delta Legal"], ["Customer: Kestrel Analytics"]]
    assert title_values(clash, "sales_rep") == {}
    assert title_values([["Sales report March 2024"], ["Westbridge Distribution"]], "distributor") == {}
    assert title_values([["Customer", "(Multiple Items)"]], "sales_rep") == {}


def test_a_titles_party_with_its_id_and_an_account_of_no_rows_party(tmp_path: Path) -> None:
    """"POS-Report Fachhändler: Bechtle AG (Debitor 10023)": the label's last word names the field and
    the id in brackets is the reseller's account; "Kundennr.: 100234" over rows naming their own
    resellers is no row's account."""
    text = ("Ingram Micro Distribution GmbH;;;\nPOS-Report Fachhändler: Bechtle AG (Debitor 10023);;;\n\n"
            "Rechnungsdatum;Endkunde;Artikelnummer;Menge;Gesamtpreis\n"
            "01.03.2024;Delta Legal GmbH;C9300-48P-A;1;5.120,00\n02.03.2024;Kestrel AG;C9200L-24T;2;1.800,00\n")
    out = read(tmp_path, "de.csv", text)
    assert out.status == "loaded"
    assert set(out.records["reseller_name"]) == {"Bechtle AG"} and set(out.records["reseller_account"]) == {"10023"}
    many = ("Kundennr.: 100234\n\nInvoice Date,Reseller,End User,SKU,Qty,Amount\n"
            "2024-03-01,Infocore,Delta Legal,C9300-48P-A,1,5120.00\n2024-03-02,Northwire,Kestrel,C9200L-24T,2,900.00\n")
    out = read(tmp_path, "many.csv", many)
    assert out.records["reseller_account"].isna().all()
    assert not any("above the header" in w for w in out.warnings)
