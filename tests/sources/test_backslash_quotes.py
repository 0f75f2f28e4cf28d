"""Quotes escaped with a backslash (MySQL's and PHP's `\\"`) are read as quotes, with a note; a value that ends in a
backslash (a Windows path) keeps the standard reading. Each file is written in tmp_path and read as the nightly run
reads it."""

from __future__ import annotations

from pathlib import Path

from sources.backslash_quotes import escapes_quotes, unescape_quotes
from tests.sources.hostile import read, src

HEADER = "Invoice Date,Invoice No,Reseller,End User,Part Number,Description,Serial Number,Qty,Ext Price"
LINES = [
    '03/13/2026,HX54-001,Rosbrook Technology Partners,Union Steel Inc,CS-NBD-SRV,"Support \\"Gold\\", 24x7",'
    "HXS540001Q0,1,1054.00",
    '03/14/2026,HX54-002,Quinmore Infrastructure Corp,Magnolia Insurance Llc,CS-NBD-SRV,"Support 24x7",'
    "HXS540002Q0,2,2182.50",
    '03/15/2026,HX54-003,Alstead Computer Services,Orchard Mining LLC,CS-NBD-SRV,"Support \\"Gold\\", 24x7",'
    "HXS540003Q0,3,3385.50",
    '03/16/2026,HX54-004,Netsmith Data Systems,Lakeshore Media Inc,CS-NBD-SRV,"Support 24x7",HXS540004Q0,1,1165.75',
]


def test_backslash_escaped_quotes_are_read_as_quotes(tmp_path: Path) -> None:
    out = read(tmp_path, "mysql.csv", "\n".join([HEADER, *LINES]) + "\n", src("distributor"))
    assert (out.status, out.rows_loaded, out.rows_quarantined) == ("loaded", 4, 0)
    assert list(out.records["description"]) == ['Support "Gold", 24x7', "Support 24x7", 'Support "Gold", 24x7',
                                                "Support 24x7"]
    assert [int(q) for q in out.records["quantity"]] == [1, 2, 3, 1]
    assert any("escaped with a backslash" in w for w in out.warnings)


def test_a_value_ending_in_a_backslash_keeps_the_standard_reading() -> None:
    head = ["Customer,Path,Qty", 'Acme,"C:\\share\\",1', 'Beta,"D:\\data\\",2', 'Gamma,"E:\\x",3']
    assert not escapes_quotes(head, ",")


def test_unescaping_writes_the_standard_doubled_quote() -> None:
    assert unescape_quotes('"a \\"b\\" c\\\\d"') == '"a ""b"" c\\d"'
