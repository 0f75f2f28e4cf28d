"""Lists drawn with "|" and dashes (SAP's list output to a local file), read as tables, through
`read_source_file` on files the tests write, and the frame detection alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sources.config import SourceConfig
from sources.framed_lists import is_framed_list, unframe
from sources.reader import read_source_file

RULE = "-" * 101
PAGE = """12.03.2026                      Dynamische Listenausgabe                              {n}
{rule}
|Fakturadat|Material          |Serialnummer   |Endkunde                 |Händler     |    Betrag|Währg|
|----------+------------------+---------------+-------------------------+------------+----------+-----|
"""
ROWS = [
    "|15.03.2026|C9300-48P         |FCW2231L0AB    |Müller & Söhne GmbH      |Bechtle AG  |  1.234,50|EUR  |",
    "|16.03.2026|ISR4331/K9        |FDO1922X1YZ    |Stadtwerke Köln GmbH     |Cancom SE   |    999,99|EUR  |",
    "|17.03.2026|C9200L-24T-4G     |JAE2233M0CD    |Klöckner & Co KG         |Bechtle AG  | 12.000,00|EUR  |",
]
TOTAL = "|*         |                  |               |                         |            | 14.234,49|EUR  |"


def _read(tmp_path: Path, text: str):  # noqa: ANN202 - a FileOutcome
    path = tmp_path / "inbox" / "fakturen.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("cp1252"))
    return read_source_file(path, "inbox/fakturen.txt", SourceConfig(name="sap", kind="distributor", path="inbox/*"))


def test_a_two_page_sap_list_reads_as_one_table(tmp_path: Path) -> None:
    """Page titles, rules, the header repeated on page 2, padded cells, a total line marked "*"."""
    text = (PAGE.format(n=1, rule=RULE) + "\n".join(ROWS[:2]) + f"\n{RULE}\n\n" + PAGE.format(n=2, rule=RULE)
            + f"{ROWS[2]}\n{RULE}\n{TOTAL}\n{RULE}\n")
    out = _read(tmp_path, text)
    assert out.status == "loaded" and out.rows_quarantined == 0
    assert out.detected["layout"] == "framed list" and out.detected["delimiter"] == "|"
    records = out.records
    assert records["customer_name"].tolist() == ["Müller & Söhne GmbH", "Stadtwerke Köln GmbH", "Klöckner & Co KG"]
    assert records["reseller_name"].tolist() == ["Bechtle AG", "Cancom SE", "Bechtle AG"]
    assert records["invoice_date"].tolist() == [dt.date(2026, 3, 15), dt.date(2026, 3, 16), dt.date(2026, 3, 17)]
    assert [float(a) for a in records["amount"]] == [1234.5, 999.99, 12000.0]
    assert records["currency"].tolist() == ["EUR"] * 3  # "Währg", SAP's abbreviation of Währung
    assert records["source_row"].tolist() == [5, 6, 13]  # the lines a text editor shows
    assert ("inbox/fakturen.txt: a list drawn with '|' and dashes (SAP's list output): read as '|'-separated, "
            "7 rule line(s), 1 repeated column header(s), 1 page title line(s) between the rows left out") in out.warnings


def test_unframe_keeps_every_line_where_it_was() -> None:
    text = PAGE.format(n=1, rule=RULE) + ROWS[0] + "\n"
    done = unframe(text)
    lines = done.text.split("\n")
    assert len(lines) == len(text.split("\n"))
    assert lines[1] == lines[3] == "" and lines[2].startswith("Fakturadat|Material")
    assert lines[4].startswith("15.03.2026|C9300-48P") and lines[4].endswith("|EUR  ")
    assert lines[0].startswith("12.03.2026")  # the title above the header stays: the reader's title line


@pytest.mark.parametrize(("lines", "framed"), [
    (["| Invoice | Customer |", "|---|---|", "| 1 | Foo |"], True),  # a Markdown table is one too
    (["+------+------+", "| Inv. | Cust |", "+------+------+", "| 1    | Foo  |"], True),
    (["Invoice|Customer|Amount", "1|Foo|10", "2|Bar|20"], False),  # a plain "|"-separated file
    (["| Invoice | Customer |", "| 1 | Foo |"], False),  # no rule: nothing says it is drawn
    (["Invoice;Customer", "-----", "1;Foo"], False),
])
def test_is_framed_list(lines: list[str], framed: bool) -> None:
    assert is_framed_list(lines) is framed
