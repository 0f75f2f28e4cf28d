"""Delimited text: encoding and delimiter detection, header under title lines, physical line numbers."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest

from sources.delimited import detect_delimiter, detect_encoding, read_text
from sources.table import FileReadError, RawTable

HEADER = "Invoice Date,Reseller,End User,SKU"


def _rows(table: RawTable) -> list[list[str]]:
    return [[str(v) for v in row] for row in table.cells.itertuples(index=False)]


def _read(tmp_path: Path, name: str, data: bytes | str, kind: str = "distributor", **kw: object):
    """Write a real file, then read its bytes back as the reader would."""
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return read_text(path.read_bytes(), kind, suffix=path.suffix, **kw)


# --- encoding -------------------------------------------------------------------------------


def test_detect_encoding() -> None:
    assert detect_encoding(codecs.BOM_UTF8 + b"a,b") == "utf-8-sig"
    assert detect_encoding("a,b\n".encode("utf-16")) == "utf-16"
    assert detect_encoding("Zoë,Müller".encode()) == "utf-8"
    assert detect_encoding("Zoë,Müller,Société Générale,€".encode("cp1252")) == "cp1252"
    assert detect_encoding(b"plain ascii") == "utf-8"


def test_utf8_file(tmp_path: Path) -> None:
    table, detected = _read(tmp_path, "pos.csv", f"{HEADER}\n2026-03-15,Acme,Zoë Ølsen AS,AB-1\n")
    assert detected == {"encoding": "utf-8", "delimiter": ",", "parser": "pandas-c"}
    assert table.sheet is None and table.header_row == 1
    assert table.header.headers == ["Invoice Date", "Reseller", "End User", "SKU"]
    assert _rows(table) == [["2026-03-15", "Acme", "Zoë Ølsen AS", "AB-1"]]
    assert table.row_numbers.tolist() == [2]


def test_utf8_with_bom_header_is_clean(tmp_path: Path) -> None:
    table, detected = _read(tmp_path, "bom.csv", codecs.BOM_UTF8 + f"{HEADER}\n2026-03-15,A,Café Noir,S1\n".encode())
    assert detected["encoding"] == "utf-8-sig"
    assert table.header.headers[0] == "Invoice Date"  # no \ufeff glued to the first header
    assert table.header.mapping[0] == "invoice_date"
    assert _rows(table) == [["2026-03-15", "A", "Café Noir", "S1"]]


def test_utf16_with_bom(tmp_path: Path) -> None:
    table, detected = _read(tmp_path, "u16.csv", f"{HEADER}\r\n2026-03-15,A,Zoë,S1\r\n".encode("utf-16"))
    assert detected["encoding"] == "utf-16"
    assert _rows(table) == [["2026-03-15", "A", "Zoë", "S1"]]


def test_cp1252_names(tmp_path: Path) -> None:
    body = f"{HEADER}\r\n2026-03-15,Acme,Müller GmbH,AB-1\r\n2026-03-16,Acme,Société Générale – Paris,AB-2\r\n"
    table, detected = _read(tmp_path, "win.csv", body.encode("cp1252"))
    assert detected["encoding"] == "cp1252"
    assert [r[2] for r in _rows(table)] == ["Müller GmbH", "Société Générale – Paris"]
    assert table.row_numbers.tolist() == [2, 3]


@pytest.mark.parametrize(
    ("encoding", "names"),
    [
        ("cp1251", ["ООО «Ромашка»", "АО Северсталь", "ООО Василёк"]),
        ("cp1253", ["Αλφα Τεχνική Α.Ε.", "Βήτα Πληροφορική ΕΠΕ", "Γάμμα Ενέργεια"]),
        ("gb18030", ["深圳市华强电子有限公司", "北京中关村科技有限公司", "上海浦东发展银行"]),
        ("shift_jis", ["株式会社ミナト電機", "ミナト電機株式会社", "東京エレクトロン"]),
        ("cp1250", ["Zakłady Mięsne Łuków Sp. z o.o.", "Żabka Polska", "Świątek i Syn"]),
        ("iso8859_2", ["Zakłady Mięsne Łuków Sp. z o.o.", "Żabka Polska", "Świątek i Syn"]),
        ("cp1252", ["Müller Maschinenbau GmbH", "Société Générale", "Raum²Design"]),
    ],
)
def test_legacy_code_pages_are_read_in_their_own_script(tmp_path: Path, encoding: str, names: list[str]) -> None:
    body = HEADER + "\r\n" + "".join(f"2026-03-{15 + i},Acme,{n},AB-{i}\r\n" for i, n in enumerate(names))
    table, detected = _read(tmp_path, "legacy.csv", body.encode(encoding))
    assert [r[2] for r in _rows(table)] == names
    assert codecs.lookup(detected["encoding"]).name == codecs.lookup(encoding).name or encoding == "shift_jis"


def test_configured_encoding_wins_and_bad_one_is_readable(tmp_path: Path) -> None:
    data = f"{HEADER}\n2026-03-15,A,Müller,S\n".encode("latin-1")
    table, detected = _read(tmp_path, "l1.csv", data, encoding="latin-1")
    assert detected["encoding"] == "latin-1" and _rows(table)[0][2] == "Müller"
    with pytest.raises(FileReadError, match="cannot decode as utf-8"):
        _read(tmp_path, "l1.csv", data, encoding="utf-8")
    with pytest.raises(FileReadError, match="cannot decode as klingon"):
        _read(tmp_path, "l1.csv", data, encoding="klingon")


# --- delimiter ------------------------------------------------------------------------------


@pytest.mark.parametrize(("delim", "name"), [(",", ","), (";", ";"), ("\t", "tab"), ("|", "|")])
def test_detect_delimiter(delim: str, name: str) -> None:
    lines = [delim.join(["Invoice Date", "Reseller", "End User", "SKU"]), delim.join(["1", "a, b", "c", "d"])]
    assert detect_delimiter(lines) == delim


def test_tsv_suffix_prefers_tab() -> None:
    # one tab and one comma per line: a tie that the .tsv suffix decides
    lines = ["a\tb,c", "d\te,f"]
    assert detect_delimiter(lines, ".tsv") == "\t"
    assert detect_delimiter(lines, ".csv") == ","


def test_no_delimiter() -> None:
    with pytest.raises(FileReadError, match="no delimiter found"):
        detect_delimiter(["just one column", "and another"])


def test_semicolon_file_with_decimal_commas(tmp_path: Path) -> None:
    body = "Rechnungsdatum;Reseller;End User;SKU;Amount\n15.03.2026;Acme;Müller GmbH;AB-1;1.234,56\n"
    table, detected = _read(tmp_path, "de.csv", body.encode("cp1252"),
                            overrides={"invoice_date": "Rechnungsdatum"})
    assert detected == {"encoding": "cp1252", "delimiter": ";", "parser": "pandas-c"}
    assert _rows(table) == [["15.03.2026", "Acme", "Müller GmbH", "AB-1", "1.234,56"]]
    assert table.header.mapping == {0: "invoice_date", 1: "reseller_name", 2: "customer_name", 3: "sku", 4: "amount"}


def test_tsv(tmp_path: Path) -> None:
    body = "Invoice Date\tReseller\tEnd User\tSKU\tNotes\n3/15/2026\tAcme\tFoo, Inc.\tAB-1\tsays \"hi\"\n"
    table, detected = _read(tmp_path, "pos.tsv", body)
    assert detected["delimiter"] == "tab"
    assert _rows(table) == [["3/15/2026", "Acme", "Foo, Inc.", "AB-1", 'says "hi"']]


def test_configured_delimiter(tmp_path: Path) -> None:
    table, detected = _read(tmp_path, "p.txt", "Invoice Date|Reseller|End User|SKU\n2026-01-02|A|B|C\n", delimiter="|")
    assert detected["delimiter"] == "|"
    assert _rows(table) == [["2026-01-02", "A", "B", "C"]]


# --- quote character --------------------------------------------------------------------------

SQ_HEADER = "'Invoice Date','Reseller','End User','Description','Qty','Unit Price','Ext Price'"


def test_values_quoted_with_single_quotes_keep_their_columns(tmp_path: Path) -> None:
    # every value '...'-quoted, commas inside descriptions: read with "'" as the quote, nothing shifts
    rows = [f"'2025-08-1{i}','Acme','O''Brien Ltd','Support, {i} year','2{i}','1274.41','{2 * 1274.41:.2f}'"
            for i in range(5)]
    table, detected = _read(tmp_path, "sq.csv", "\n".join([SQ_HEADER, *rows]) + "\n")
    assert detected["quote"] == "'"
    assert table.header.headers == ["Invoice Date", "Reseller", "End User", "Description", "Qty", "Unit Price",
                                    "Ext Price"]
    assert _rows(table)[1] == ["2025-08-11", "Acme", "O'Brien Ltd", "Support, 1 year", "21", "1274.41", "2548.82"]
    assert any("single quotes" in w for w in table.warnings)


def test_single_quotes_only_around_values_holding_the_delimiter(tmp_path: Path) -> None:
    rows = [f"2025-08-1{i},Acme,Foo Ltd,'Support, {i} year',2,10.00,20.00" for i in range(5)]
    body = "Invoice Date,Reseller,End User,Description,Qty,Unit Price,Ext Price\n" + "\n".join(rows) + "\n"
    table, detected = _read(tmp_path, "sq_min.csv", body)
    assert detected["quote"] == "'" and table.cells.shape == (5, 7)
    assert _rows(table)[2][3:] == ["Support, 2 year", "2", "10.00", "20.00"]


def test_single_quoted_values_that_split_wrong_either_way_are_refused(tmp_path: Path) -> None:
    # a "'" inside a '...' value, not doubled: no reading keeps the columns, so the file is refused
    rows = [f"'2025-08-1{i}','Acme','Foo Ltd','Support, {i} year','2','10.00','20.00'" for i in range(5)]
    rows += ["'2025-08-20','Acme','O'Brien, Ltd','Support, 1 year','2','10.00','20.00'",
             "'2025-08-21','Acme','Bar's Shop, Inc','Support, 1 year','2','10.00','20.00'"]
    with pytest.raises(FileReadError, match="quoted with ' \\(single quotes\\)"):
        _read(tmp_path, "sq_bad.csv", "\n".join([SQ_HEADER, *rows]) + "\n")


def test_apostrophes_in_an_ordinary_file_are_text(tmp_path: Path) -> None:
    body = (f"{HEADER},Note\n2026-01-02,Acme,O'Brien Ltd,AB-1,'as agreed'\n2026-01-03,Acme,McDonald's,AB-2,it's ok\n"
            '2026-01-04,Acme,"Foo, Inc",AB-3,\n')
    table, detected = _read(tmp_path, "apos.csv", body)
    assert "quote" not in detected
    assert _rows(table) == [["2026-01-02", "Acme", "O'Brien Ltd", "AB-1", "'as agreed'"],
                            ["2026-01-03", "Acme", "McDonald's", "AB-2", "it's ok"],
                            ["2026-01-04", "Acme", "Foo, Inc", "AB-3", ""]]


# --- line numbers ---------------------------------------------------------------------------


def test_quoted_multiline_field_keeps_physical_line_numbers(tmp_path: Path) -> None:
    body = (
        f"{HEADER},Notes\n"             # line 1
        '2026-03-15,A,Foo,S1,"first\n'  # line 2
        'second line"\n'                # line 3
        "2026-03-16,A,Bar,S2,x\n"       # line 4
        '2026-03-17,A,"Baz\n'           # line 5
        '\n'                            # line 6
        'Corp",S3,y\n'                  # line 7
        "2026-03-18,A,Qux,S4,z\n"       # line 8
    )
    table, detected = _read(tmp_path, "multi.csv", body)
    assert detected["parser"] == "csv"
    assert table.row_numbers.tolist() == [2, 4, 5, 8]
    rows = _rows(table)
    assert rows[0][4] == "first\nsecond line"
    assert rows[2][2] == "Baz\n\nCorp"
    assert rows[3] == ["2026-03-18", "A", "Qux", "S4", "z"]


def test_crlf_and_multiline_field(tmp_path: Path) -> None:
    body = f'{HEADER}\r\n2026-01-02,A,"Zoë\r\nx",C\r\n2026-01-03,A,B,C\r\n'
    table, _ = _read(tmp_path, "crlf.csv", body)
    assert table.row_numbers.tolist() == [2, 4]
    assert _rows(table)[0][2] == "Zoë\nx"


def test_blank_lines_keep_line_numbers(tmp_path: Path) -> None:
    table, detected = _read(tmp_path, "blank.csv", f"{HEADER}\n\n2026-01-02,A,B,C\n\n\n2026-01-03,A,B,C\n")
    assert detected["parser"] == "pandas-c"
    assert table.row_numbers.tolist() == [2, 3, 4, 5, 6]
    assert _rows(table)[1] == ["2026-01-02", "A", "B", "C"]
    assert _rows(table)[4] == ["2026-01-03", "A", "B", "C"]


def test_header_under_title_lines(tmp_path: Path) -> None:
    body = "Ingram Micro POS report,,,\nPeriod: Q1 2026,,,\n,,,\n" + HEADER + "\n2026-01-02,A,B,C\n"
    table, _ = _read(tmp_path, "title.csv", body)
    assert table.header_row == 4
    assert table.row_numbers.tolist() == [5]
    assert _rows(table) == [["2026-01-02", "A", "B", "C"]]


@pytest.mark.parametrize("title", ["Page 1 of 1", "Vendor Sell-Through Report", "Page 1 of 1,,,Printed 2026-06-03"])
def test_a_title_line_right_above_the_header_is_not_glued_to_its_names(tmp_path: Path, title: str) -> None:
    # the line above the header is a title, not a row of groups: the header keeps its own names
    body = f"Westbridge Distribution - Sell-Through,,,\nCurrency: USD\n\n{title}\n{HEADER}\n2026-01-02,A,B,C\n"
    table, _ = _read(tmp_path, "title3.csv", body)
    assert table.header_row == 5
    assert table.header.headers == HEADER.split(",")
    assert table.header.mapping == {0: "invoice_date", 1: "reseller_name", 2: "customer_name", 3: "sku"}


def test_quoted_line_break_in_title_above_header(tmp_path: Path) -> None:
    body = 'POS report,,,\n"Period:\nQ1 2026",,,\n' + HEADER + "\n2026-01-02,A,B,C\n2026-01-03,A,B,C\n"
    table, _ = _read(tmp_path, "title2.csv", body)
    assert table.header_row == 4
    assert table.row_numbers.tolist() == [5, 6]
    assert _rows(table) == [["2026-01-02", "A", "B", "C"], ["2026-01-03", "A", "B", "C"]]


def test_quoted_line_break_inside_a_header(tmp_path: Path) -> None:
    # Excel users type headers with Alt+Enter; the CSV export quotes them across two lines
    body = 'Invoice Date,Reseller,"End\nUser",SKU\n2026-01-02,A,B,C\n2026-01-03,A,D,E\n'
    table, _ = _read(tmp_path, "hq.csv", body)
    assert table.header_row == 1
    assert table.header.headers[2] == "End User"
    assert table.header.mapping[2] == "customer_name"
    assert table.row_numbers.tolist() == [3, 4]
    assert _rows(table) == [["2026-01-02", "A", "B", "C"], ["2026-01-03", "A", "D", "E"]]


def test_configured_header_row_is_the_editor_line(tmp_path: Path) -> None:
    body = '"Report\nfor Q1"\nKunde,Artikel,Datum,Partner\nFoo,AB-1,2026-01-02,Acme\n'
    table, _ = _read(tmp_path, "cfg.csv", body, header_row=3, overrides={"customer_name": "Kunde", "sku": "Artikel"})
    assert table.header_row == 3
    # "Datum" is German for the date: recognised without columns: since the header vocabulary
    # knows German
    assert table.header.mapping == {0: "customer_name", 1: "sku", 2: "invoice_date", 3: "reseller_name"}
    assert table.row_numbers.tolist() == [4]
    with pytest.raises(FileReadError, match="header_row 9 is past the end of the file"):
        _read(tmp_path, "cfg.csv", body, header_row=9)


def test_configured_header_row_below_the_sniffed_lines(tmp_path: Path) -> None:
    body = "".join(f"junk {i}\n" for i in range(70)) + HEADER + "\n2026-01-02,A,B,C\n"
    table, _ = _read(tmp_path, "deep.csv", body, header_row=71, delimiter=",")
    assert table.header_row == 71
    assert table.row_numbers.tolist() == [72]


# --- ragged rows ----------------------------------------------------------------------------


def test_extra_field_in_first_data_row_does_not_shift_columns(tmp_path: Path) -> None:
    body = f"{HEADER}\n2026-03-15,Acme,Foo,AB-1,stray\n2026-03-16,Acme,Bar,AB-2\n"
    table, detected = _read(tmp_path, "ragged1.csv", body)
    assert detected["parser"] == "csv"
    assert _rows(table) == [["2026-03-15", "Acme", "Foo", "AB-1", "stray"], ["2026-03-16", "Acme", "Bar", "AB-2", ""]]
    assert table.header.headers == ["Invoice Date", "Reseller", "End User", "SKU", ""]
    assert table.header_names[-1] == "column_5"
    assert table.row_numbers.tolist() == [2, 3]


def test_extra_field_later_and_short_rows(tmp_path: Path) -> None:
    body = f"{HEADER}\n2026-03-15,Acme,Foo,AB-1\n2026-03-16,Acme\n2026-03-17,Acme,Baz,AB-3,x,y\n"
    table, _ = _read(tmp_path, "ragged2.csv", body)
    assert _rows(table) == [
        ["2026-03-15", "Acme", "Foo", "AB-1", "", ""],
        ["2026-03-16", "Acme", "", "", "", ""],
        ["2026-03-17", "Acme", "Baz", "AB-3", "x", "y"],
    ]
    assert table.row_numbers.tolist() == [2, 3, 4]


def test_short_rows_alone_stay_on_the_fast_parser(tmp_path: Path) -> None:
    table, detected = _read(tmp_path, "short.csv", f"{HEADER}\n2026-03-16,Acme\n2026-03-17,Acme,Baz,AB-3\n")
    assert detected["parser"] == "pandas-c"
    assert _rows(table) == [["2026-03-16", "Acme", "", ""], ["2026-03-17", "Acme", "Baz", "AB-3"]]


# --- files that cannot be read ----------------------------------------------------------------


def test_header_only_file_has_no_rows(tmp_path: Path) -> None:
    for name, body in (("h1.csv", HEADER + "\n"), ("h2.csv", HEADER)):
        table, _ = _read(tmp_path, name, body)
        assert len(table.cells) == 0 and table.row_numbers.tolist() == []


@pytest.mark.parametrize("body", [b"", b"\n\n  \n", codecs.BOM_UTF8])
def test_empty_file(tmp_path: Path, body: bytes) -> None:
    with pytest.raises(FileReadError, match="the file is empty"):
        _read(tmp_path, "empty.csv", body)


def test_no_recognisable_header(tmp_path: Path) -> None:
    with pytest.raises(FileReadError, match="no recognisable header in the first 60 lines for a distributor source"):
        _read(tmp_path, "nohdr.csv", "1,2,3\n4,5,6\n")  # no row of words at all


# --- the C parser, fed the file's bytes ---------------------------------------------------------


def _body(n: int) -> list[str]:
    return [f"2026-03-{1 + i % 28:02d},Reseller {i},Ünd User {i} GmbH,SKU-{i:05d}" for i in range(n)]


@pytest.mark.parametrize("prefix, newline", [
    (b"", "\n"), (codecs.BOM_UTF8, "\n"), (b"", "\r\n"), (b"Sales report\nMarch 2026\n", "\n"),
])
def test_the_body_is_parsed_from_the_line_after_the_header(tmp_path: Path, prefix: bytes, newline: str) -> None:
    """The parser starts on the bytes of the line after the header, whether they are the file's own
    (UTF-8) or the repaired text's (a BOM, CRLF line breaks), below title lines."""
    data = prefix + newline.join([HEADER, *_body(11)]).encode() + newline.encode()
    table, detected = _read(tmp_path, "body.csv", data)
    assert detected["parser"] == "pandas-c"
    assert _rows(table) == [r.split(",") for r in _body(11)]
    assert table.row_numbers.tolist() == list(range(prefix.count(b"\n") + 2, prefix.count(b"\n") + 13))
    assert table.header_row == prefix.count(b"\n") + 1


@pytest.mark.parametrize("at", [0, 3, 6])
@pytest.mark.parametrize("bad_line", [
    '2026-03-09,"Reseller\nwith a line break",End User,SKU-9',  # a quoted line break
    "2026-03-09,Reseller,End User,SKU-9,extra,fields",  # a ragged row
])
def test_a_row_the_c_parser_cannot_read_sends_the_file_to_the_csv_module(
    tmp_path: Path, bad_line: str, at: int
) -> None:
    """Wherever the row is, its extra fields are kept (never cut to the header's) and the lines keep their
    numbers."""
    lines = _body(8)
    lines.insert(at, bad_line)
    table, detected = _read(tmp_path, "late.csv", "\n".join([HEADER, *lines]) + "\n")
    assert detected["parser"] == "csv"
    assert len(table.cells) == 9 and table.row_numbers[-1] == 10 + bad_line.count("\n")
    assert table.cells.iloc[at, 1] == bad_line.split(",")[1].strip('"')
    if "extra" in bad_line:
        assert table.cells.iloc[at].tolist()[-2:] == ["extra", "fields"]


def test_a_file_with_nul_bytes_is_parsed_from_its_repaired_text(tmp_path: Path) -> None:
    """The parser is fed the file's own bytes only when they are the text as read: NULs removed by the
    decoding are not read back in."""
    table, _ = _read(tmp_path, "nul.csv", f"{HEADER}\n2026-03-15,Ac\x00me,End User,AB-1\n".encode())
    assert _rows(table) == [["2026-03-15", "Acme", "End User", "AB-1"]]


@pytest.mark.parametrize("ending", ["\n", ""])
def test_a_header_only_file_is_read_by_the_c_parser_with_no_rows(tmp_path: Path, ending: str) -> None:
    table, detected = _read(tmp_path, "empty.csv", HEADER + ending)
    assert detected["parser"] == "pandas-c"
    assert table.cells.shape == (0, 4) and len(table.row_numbers) == 0


def test_a_long_field_in_a_fresh_process_is_refused_by_its_limit(tmp_path: Path) -> None:
    """The csv module's field limit is process-wide and raised by the first read: a long field on line 2
    of the first file a process reads is judged by max_cell_chars too (the drawn-table detection once
    split the lines before the limit was raised, and the file failed with the csv module's own error)."""
    path = tmp_path / "long.csv"
    path.write_text("Invoice Date,Reseller,End User,SKU\n2026-01-01,A," + "x" * 140_000 + ",S1\n", encoding="utf-8")
    code = ("import sys; from pathlib import Path; from sources.config import SourceConfig; "
            "from sources.reader import read_source_file; "
            "print(read_source_file(Path(sys.argv[1]), 'long.csv', SourceConfig(name='x', kind='distributor', "
            "path='*')).error)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert "over the limit max_cell_chars=131,072" in done.stdout, done.stdout
