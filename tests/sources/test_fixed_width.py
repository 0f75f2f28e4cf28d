"""Text tables aligned with spaces (fixed-width spools and report files), read where no delimiter
splits the lines: through `read_source_file` on files the tests write, and the column finding alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sources.config import SourceConfig
from sources.fixed_width import find_columns
from sources.reader import FileOutcome, read_source_file

TITLE = "ACME DISTRIBUTION INC                    SELL-THROUGH REPORT                    PAGE    {n}"
PAGE = f"""{TITLE}
RUN DATE 12/01/2026

INVOICE DT  INVOICE NO  RESELLER NAME            END USER NAME                 PART NUMBER        SERIAL NO      QTY     EXT PRICE
----------  ----------  -----------------------  ----------------------------  -----------------  -------------  ---  ------------
"""
ROWS = [
    "03/15/2026  7712345     CDW LLC                  ACME HOSPITAL INC             C9300-48P          FCW2231L0AB      1      1,234.50",
    "03/16/2026  7712346     PRESIDIO                 NORTHWIND TRADERS             ISR4331/K9         FDO1922X1YZ      2      2,000.00",
    "03/17/2026  7712347     EPLUS TECHNOLOGY         CONTOSO PHARMACEUTICALS LLC   C9200L-24T-4G      JAE2233M0CD     10     12,000.00",
]


def _read(tmp_path: Path, text: str, name: str = "spool.txt") -> FileOutcome:
    path = tmp_path / "inbox" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return read_source_file(path, f"inbox/{name}", SourceConfig(name="spool", kind="distributor", path="inbox/*"))


def test_a_two_page_spool_reads_as_one_table(tmp_path: Path) -> None:
    """Title and run date above the header, a rule under it, two-word headers, right-aligned numbers,
    a name longer than its neighbours ("... LLC" past every other), and page 2 (a form feed, the title
    with its page number, the header again) under page 1."""
    text = PAGE.format(n=1) + "\n".join(ROWS[:2]) + "\n\n\f" + PAGE.format(n=2) + ROWS[2] + "\n"
    out = _read(tmp_path, text)
    assert out.status == "loaded" and out.rows_quarantined == 0, out.quarantine.to_dict("records")
    assert out.detected["layout"] == "fixed width"
    records = out.records
    assert records["customer_name"].tolist() == ["ACME HOSPITAL INC", "NORTHWIND TRADERS", "CONTOSO PHARMACEUTICALS LLC"]
    assert records["reseller_name"].tolist() == ["CDW LLC", "PRESIDIO", "EPLUS TECHNOLOGY"]
    assert records["invoice_number"].tolist() == ["7712345", "7712346", "7712347"]
    assert records["invoice_date"].tolist() == [dt.date(2026, 3, 15), dt.date(2026, 3, 16), dt.date(2026, 3, 17)]
    assert [float(a) for a in records["amount"]] == [1234.5, 2000.0, 12000.0]
    assert records["quantity"].tolist() == [1, 2, 10]
    assert records["source_row"].tolist() == [6, 7, 14]  # the lines a text editor shows
    assert out.warnings[0].endswith("3 page title or header line(s) repeated on later pages left out")


def test_a_header_word_alone_over_right_aligned_numbers_names_the_column_after_it(tmp_path: Path) -> None:
    text = ("Date       Customer                 Reseller      SKU          Serial        Qty Ordered   Net Amount\n"
            "2026-03-15 Acme Hospital Inc        CDW           C9300-48P    FCW2231L0AB             1     1234.50\n"
            "2026-03-16 Northwind Traders        Presidio      ISR4331/K9   FDO1922X1YZ             2      200.00\n")
    out = _read(tmp_path, text)
    assert out.status == "loaded"
    assert out.sheets[0].mapping["Qty Ordered"] == "quantity" and out.records["quantity"].tolist() == [1, 2]
    assert [float(a) for a in out.records["amount"]] == [1234.5, 200.0]


def test_prose_and_one_column_lists_are_no_table() -> None:
    prose = ["This file lists the renewals we discussed on the phone last week.",
             "Please call me back when you have looked at them.", "Kind regards, Anna"]
    assert find_columns(prose) is None
    assert find_columns(["Serial", "FCW2231L0AB", "FDO1922X1YZ", "JAE2233M0CD"]) is None
    # two columns are not evidence enough
    assert find_columns(["Serial       Qty", "FCW2231L0AB    1", "FDO1922X1YZ    2"]) is None


def test_a_file_a_delimiter_splits_is_read_as_before(tmp_path: Path) -> None:
    text = "Invoice Date,Reseller,End User,SKU,Serial Number,Qty,Ext Price\n2026-03-15,CDW,Acme Hospital,S1,X1,1,10\n"
    out = _read(tmp_path, text, "pos.csv")
    assert out.status == "loaded" and "layout" not in out.detected
    assert out.records["customer_name"].tolist() == ["Acme Hospital"]
