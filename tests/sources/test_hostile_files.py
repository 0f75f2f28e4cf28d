"""Hostile files: over a limit -> one `error` naming the limit; damaged or crafted -> an error, never
an exception; broken encodings -> repaired per line with a warning.
"""

from __future__ import annotations

import codecs
import os
import random
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from sources.limits import RAISE_HINT, ReadLimits
from tests.sources.hostile import (
    POS_HEADER,
    SHEET,
    csv_text,
    header_row_xml,
    peak_memory_of_reading,
    read,
    read_path,
    rezip,
    sheet_xml,
    src,
    workbook,
)

ROW = ["2026-03-02", "Acme", "Foo Ltd", "AB-1", 1, "10.00"]


def _base(tmp: Path) -> Path:
    return workbook(tmp / "base.xlsx", [ROW])


def _error(out: object) -> str:
    assert out.status == "error" and out.records.empty and out.quarantine.empty  # type: ignore[attr-defined]
    return out.error  # type: ignore[attr-defined,no-any-return]


# --- 4. limits before parsing: workbooks ---------------------------------------------------------


def test_deflate_bomb_behind_a_stored_random_member_is_refused_by_its_own_ratio(tmp_path: Path) -> None:
    # the bomb: a stored random member keeps the package's overall ratio low (here about 21x)
    rows = (b"<row>" + b'<c t="inlineStr"><is><t>x</t></is></c>' * 6 + b"</row>" for _ in range(200_000))
    noise = random.Random(1).randbytes(2 * 1024**2)
    path = rezip(_base(tmp_path), tmp_path / "bomb.xlsx", {SHEET: sheet_xml(rows)},
                 {"xl/media/image1.bin": (noise, zipfile.ZIP_STORED)})
    with zipfile.ZipFile(path) as zf:
        sizes = {i.filename: i.file_size for i in zf.infolist()}
    total = sum(sizes.values())
    assert total / path.stat().st_size < 200 and total < 2 * 1024**3  # the old package-wide check let this through
    error = _error(read_path(path))
    assert error.startswith(
        "inbox/bomb.xlsx: refused before parsing: the compression ratio of member 'xl/worksheets/sheet1.xml' "
        f"({sizes[SHEET]:,} bytes inflated) is "
    )
    assert error.endswith(", over the limit max_member_ratio=100" + RAISE_HINT.format(limit="max_member_ratio"))


def test_inflated_total_over_the_limit(tmp_path: Path) -> None:
    path = rezip(_base(tmp_path), tmp_path / "fat.xlsx",
                 add={"xl/media/big.bin": (random.Random(2).randbytes(300_000), zipfile.ZIP_STORED)})
    error = _error(read_path(path, limits=ReadLimits(max_inflated_bytes=200_000)))
    assert "the workbook's inflated size in bytes is" in error and "over the limit max_inflated_bytes=200,000" in error


def test_too_many_rows_counted_in_the_sheet_xml_before_loading(tmp_path: Path) -> None:
    rows = (f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>'.encode() for r in range(2, 1_502))
    path = rezip(_base(tmp_path), tmp_path / "long.xlsx", {SHEET: sheet_xml([header_row_xml(), *rows])})
    assert _error(read_path(path, limits=ReadLimits(max_rows=1_000))) == (
        "inbox/long.xlsx: refused before parsing: the number of rows in sheet 'POS' (at least) is 1,501, "
        "over the limit max_rows=1,000" + RAISE_HINT.format(limit="max_rows")
    )


def test_too_many_members(tmp_path: Path) -> None:
    path = rezip(_base(tmp_path), tmp_path / "many.xlsx",
                 add={f"xl/media/m{i}.bin": (b"x", zipfile.ZIP_STORED) for i in range(60)})
    assert _error(read_path(path, limits=ReadLimits(max_members=50))) == (
        "inbox/many.xlsx: refused before parsing: the number of members in the workbook package is 69, "
        "over the limit max_members=50" + RAISE_HINT.format(limit="max_members")
    )


def test_a_cell_reference_far_to_the_right(tmp_path: Path) -> None:
    rows = [header_row_xml(), b'<row r="2"><c r="ZZZ2"><v>1</v></c></row>']
    path = rezip(_base(tmp_path), tmp_path / "wide.xlsx", {SHEET: sheet_xml(rows)})
    assert _error(read_path(path)) == (
        "inbox/wide.xlsx: refused before parsing: the widest column in sheet 'POS' is 18,278, "
        "over the limit max_columns=1,000" + RAISE_HINT.format(limit="max_columns")
    )


def test_cells_without_references_are_counted_as_they_stream(tmp_path: Path) -> None:
    rows = [header_row_xml(), b"<row>" + b"<c><v>1</v></c>" * 1_200 + b"</row>"]
    path = rezip(_base(tmp_path), tmp_path / "norefs.xlsx", {SHEET: sheet_xml(rows)})
    assert _error(read_path(path)) == (
        "inbox/norefs.xlsx: refused before parsing: the number of columns in sheet 'POS' is 1,200, "
        "over the limit max_columns=1,000" + RAISE_HINT.format(limit="max_columns")
    )


def test_a_huge_cell_text_inline_or_shared(tmp_path: Path) -> None:
    long = "y" * 200_000  # openpyxl itself cuts text at Excel's 32,767: written by hand, as an attacker would
    row = f'<row r="2"><c r="F2" t="inlineStr"><is><t>{long}</t></is></c></row>'.encode()
    inline = rezip(_base(tmp_path), tmp_path / "inline.xlsx", {SHEET: sheet_xml([header_row_xml(), row])})
    assert _error(read_path(inline)) == (
        "inbox/inline.xlsx: refused before parsing: the longest text or tag in sheet 'POS' (stored bytes) is 200,002, "
        "over the limit max_cell_chars=131,072" + RAISE_HINT.format(limit="max_cell_chars")
    )
    shared = rezip(_base(tmp_path), tmp_path / "shared.xlsx",
                   add={"xl/sharedStrings.xml": (f"<sst><si><t>{long}</t></si></sst>".encode(), zipfile.ZIP_DEFLATED)})
    assert "the longest text or tag in sheet 'shared strings' (stored bytes) is 200,002" in _error(read_path(shared))


def test_file_size_is_checked_from_the_directory_entry(tmp_path: Path) -> None:
    path = tmp_path / "inbox" / "sparse.csv"
    path.parent.mkdir(parents=True)
    with open(path, "wb") as fh:
        fh.truncate(300 * 1024**2)  # a sparse file: no byte is ever read
    assert _error(read_path(path)) == (
        "inbox/sparse.csv: refused before parsing: the file's size in bytes is 314,572,800, "
        "over the limit max_file_bytes=268,435,456" + RAISE_HINT.format(limit="max_file_bytes")
    )


# --- 4. limits before parsing: text files ----------------------------------------------------------


@pytest.mark.parametrize("line", [2, 60, 200])
def test_a_50_mb_field_fails_the_same_on_any_line(tmp_path: Path, line: int) -> None:
    rows = [ROW] * 250
    body = csv_text(rows).encode().split(b"\n")
    body[line - 1] = b"2026-03-02,Acme,Foo," + b"z" * (50 * 1024**2) + b",1,10.00"
    assert _error(read(tmp_path, "wide.csv", b"\n".join(body))) == (
        f"inbox/wide.csv: refused before parsing: the length of line {line} in bytes is 52,428,828, "
        "over the limit max_line_bytes=1,048,576" + RAISE_HINT.format(limit="max_line_bytes")
    )


@pytest.mark.parametrize("line", [2, 80])
def test_a_long_field_within_the_line_limit_is_judged_the_same_anywhere(tmp_path: Path, line: int) -> None:
    rows = [ROW] * 100
    rows[line - 2] = [*ROW[:2], "w" * 5_000, *ROW[3:]]
    out = read(tmp_path, "cell.csv", csv_text(rows), limits=ReadLimits(max_cell_chars=1_000))
    assert _error(out) == (
        f"inbox/cell.csv: refused before parsing: the length of the field on line {line}, column 3 is 5,000, "
        "over the limit max_cell_chars=1,000" + RAISE_HINT.format(limit="max_cell_chars")
    )


def test_too_many_lines(tmp_path: Path) -> None:
    out = read(tmp_path, "rows.csv", csv_text([ROW] * 150), limits=ReadLimits(max_rows=100))
    assert _error(out) == "inbox/rows.csv: refused before parsing: the number of lines is 151, over the limit max_rows=100" + RAISE_HINT.format(limit="max_rows")


def test_a_ragged_line_with_thousands_of_fields(tmp_path: Path) -> None:
    text = csv_text([ROW] * 3) + ",".join(["x"] * 5_000) + "\n"
    assert _error(read(tmp_path, "ragged.csv", text)) == (
        "inbox/ragged.csv: refused before parsing: the number of fields on line 5 is 5,000, over the limit max_columns=1,000" + RAISE_HINT.format(limit="max_columns")
    )


def test_too_many_cells(tmp_path: Path) -> None:
    out = read(tmp_path, "cells.csv", csv_text([ROW] * 40), limits=ReadLimits(max_cells=200))
    assert _error(out) == "inbox/cells.csv: refused before parsing: rows x columns is 240, over the limit max_cells=200" + RAISE_HINT.format(limit="max_cells")


# --- 5. encodings ---------------------------------------------------------------------------------


def test_mixed_utf8_and_cp1252_lines_are_decoded_per_line(tmp_path: Path) -> None:
    lines = [
        ",".join(POS_HEADER).encode(),
        "2026-03-02,Bürotec AG,Müller GmbH,AB-1,1,10.00".encode(),
        "2026-03-03,Acme,Société Générale,AB-2,1,10.00".encode("cp1252"),
        "2026-03-04,Acme,Zoë Ørsted,AB-3,1,10.00".encode(),
        "2026-03-05,Acme,Café Noël,AB-4,1,10.00".encode("cp1252"),
    ]
    out = read(tmp_path, "mixed.csv", b"\r\n".join(lines) + b"\r\n")
    assert out.records["customer_name"].tolist() == ["Müller GmbH", "Société Générale", "Zoë Ørsted", "Café Noël"]
    assert out.detected["encoding"] == "utf-8+cp1252"
    assert out.warnings == [
        ("inbox/mixed.csv: mixed text encodings: 2 line(s) are not UTF-8 and were read as cp1252, "
        "2 line(s) as UTF-8; each line decoded on its own")
    ]


def test_pure_cp1252_is_not_reported_as_mixed(tmp_path: Path) -> None:
    out = read(tmp_path, "win.csv", csv_text([[*ROW[:2], "Société Générale", *ROW[3:]]]).encode("cp1252"))
    assert out.detected["encoding"] == "cp1252" and out.warnings == []
    assert out.records["customer_name"].tolist() == ["Société Générale"]


def test_nul_bytes_are_stripped_with_a_warning(tmp_path: Path) -> None:
    text = csv_text([[*ROW[:2], "Foo\x00 Ltd", *ROW[3:]], [*ROW[:2], "Bar\x00\x00 Inc", *ROW[3:]], ROW])
    out = read(tmp_path, "nul.csv", text)
    assert out.records["customer_name"].tolist() == ["Foo Ltd", "Bar Inc", "Foo Ltd"]
    assert out.warnings == ["inbox/nul.csv: 3 NUL byte(s) removed (on 2 line(s)): they would cut values short"]


@pytest.mark.parametrize(("name", "encode"), [
    ("utf8bom.csv", lambda t: codecs.BOM_UTF8 + t.encode()),
    ("utf16bom.csv", lambda t: t.encode("utf-16")),
    ("utf16le.csv", lambda t: t.encode("utf-16-le")),
    ("utf16be.csv", lambda t: t.encode("utf-16-be")),
])
def test_boms_and_utf16(tmp_path: Path, name: str, encode: object) -> None:
    out = read(tmp_path, name, encode(csv_text([[*ROW[:2], "Zoë AS", *ROW[3:]]])))  # type: ignore[operator]
    assert out.status == "loaded" and out.warnings == []
    assert out.sheets[0].mapping["Invoice Date"] == "invoice_date"
    assert out.records["customer_name"].tolist() == ["Zoë AS"]


# --- files that already held ----------------------------------------------------------------------

_ENTITY_SHEET = (b'<?xml version="1.0"?><!DOCTYPE w [{dtd}]><worksheet '
                 b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>')


@pytest.mark.parametrize(("name", "dtd", "entity"), [
    ("xxe.xlsx", b'<!ENTITY xxe SYSTEM "file:///etc/passwd">', b"xxe"),
    ("laughs.xlsx", b'<!ENTITY l0 "lol">' + b"".join(b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10)), b"l9"),
])
def test_xml_entities_are_refused(tmp_path: Path, name: str, dtd: bytes, entity: bytes) -> None:
    row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>&' + entity + b";</t></is></c></row>"
    sheet = _ENTITY_SHEET.replace(b"{dtd}", dtd).replace(b"{rows}", header_row_xml() + row)
    error = _error(read_path(rezip(_base(tmp_path), tmp_path / name, {SHEET: sheet})))
    assert error.startswith(f"inbox/{name}: not a readable workbook: refused: its XML declares a DTD or entities")
    assert "root:" not in error  # nothing of /etc/passwd


def test_zeros_bomb_is_refused_by_ratio(tmp_path: Path) -> None:
    zeros = (b"\0" * (1 << 20) for _ in range(64))
    path = rezip(_base(tmp_path), tmp_path / "zeros.xlsx", {SHEET: zeros})
    assert "over the limit max_member_ratio=100" in _error(read_path(path))


@pytest.mark.parametrize(("name", "data", "message"), [
    ("locked.xlsx", bytes.fromhex("D0CF11E0A1B11AE1") + bytes(4096),
     "this is an OLE2 file: a password-protected workbook or an old .xls; save it as an unprotected .xlsx"),
    ("renamed.xlsx", b"Invoice Date,Reseller\n2026-01-01,A\n",
     "not a valid .xlsx: the file is truncated or corrupt (no zip directory)"),
    ("junk.csv", random.Random(3).randbytes(5_000), None),
    ("empty.csv", b"", "the file is empty"),
    ("blank.csv", b"  \r\n\r\n \t\n", "the file is empty"),
])
def test_damaged_files_are_errors_not_exceptions(tmp_path: Path, name: str, data: bytes, message: str | None) -> None:
    error = _error(read(tmp_path, name, data))
    assert "unexpected" not in error
    if message is not None:
        assert error == f"inbox/{name}: {message}"


def test_truncated_and_foreign_zips(tmp_path: Path) -> None:
    data = _base(tmp_path).read_bytes()
    assert _error(read(tmp_path, "cut.xlsx", data[: len(data) // 2])) == (
        "inbox/cut.xlsx: not a valid .xlsx: the file is truncated or corrupt (no zip directory)"
    )
    with zipfile.ZipFile(tmp_path / "inbox" / "notes.xlsx", "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert _error(read_path(tmp_path / "inbox" / "notes.xlsx")).startswith("inbox/notes.xlsx: not a readable workbook:")


def test_header_only_file_is_empty(tmp_path: Path) -> None:
    out = read(tmp_path, "header.csv", ",".join(POS_HEADER) + "\n")
    assert out.status == "empty" and out.error is None


LEADERS = ["=HYPERLINK(\"http://x\",\"y\")", "+1 Corp", "@Home Ltd", "-Minus Inc", "=cmd|' /C calc'!A0",
           "Robert'); DROP TABLE source_records;--", "\tTabbed"]


def test_formula_leaders_and_sql_text_stay_data(tmp_path: Path) -> None:
    out = read(tmp_path, "leaders.csv", csv_text([[*ROW[:2], name, *ROW[3:]] for name in LEADERS]))
    assert out.records["customer_name"].tolist() == [n.strip() for n in LEADERS]
    wb = Workbook()
    ws = wb.active
    ws.append(POS_HEADER)
    for name in LEADERS:
        ws.append([*ROW[:2], name, *ROW[3:]])
        ws.cell(ws.max_row, 3).data_type = "s"  # a text cell, as an export writes it, not a formula
    path = tmp_path / "inbox" / "leaders.xlsx"
    wb.save(path)
    out = read_path(path)
    assert out.records["customer_name"].tolist() == [n.strip() for n in LEADERS]


def test_a_good_file_is_unaffected_by_the_guards(tmp_path: Path) -> None:
    path = workbook(tmp_path / "inbox" / "ok.xlsx", [ROW] * 50)
    out = read_path(path, limits=ReadLimits(max_rows=51, max_columns=6, max_cells=306))
    assert out.status == "loaded" and out.rows_loaded == 50 and out.warnings == []
    assert os.path.getsize(path) < ReadLimits().max_file_bytes
    out = read(tmp_path, "ok.csv", csv_text([ROW] * 50), src(), ReadLimits(max_rows=51, max_line_bytes=60))
    assert out.status == "loaded" and out.rows_loaded == 50


# --- the meters themselves, across chunk boundaries ----------------------------------------------------


def test_line_shape_across_chunk_boundaries(monkeypatch: pytest.MonkeyPatch) -> None:
    from sources import text_bytes

    rng = random.Random(5)
    data = bytes(rng.choice(b"ab\r\n") for _ in range(5_000)) + b"tail"
    lines = re.split(rb"\n|\r(?!\n)", data)  # the CR of a CRLF stays with its line
    expected_longest = max(len(x) for x in lines)
    for chunk in (3, 7, 64, 1 << 20):
        monkeypatch.setattr(text_bytes, "_CHUNK", chunk)
        count, longest, _ = text_bytes.line_shape(data)
        assert (count, longest) == (len(lines), expected_longest)


def test_sheet_meter_counts_each_row_once_across_chunks() -> None:
    from sources.workbook_guard import SheetMeter

    xml = b"".join(sheet_xml([b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r) for r in range(1, 3_001)]))
    for size in (5, 13, 100, 4_096):
        meter = SheetMeter("S", ReadLimits())
        tail = b""
        for start in range(0, len(xml), size):
            buf = tail + xml[start:start + size]
            meter.feed(buf, len(tail))
            tail = buf[-64:]
        assert meter.rows == 3_000
        assert meter.longest_run == max(len(x) for x in xml.split(b"<")[1:])  # "<" to the next "<"


# --- files that are another format under a spreadsheet's name -------------------------------------

@pytest.mark.parametrize(("name", "data", "says"), [
    ("export.xlsx", b"<?xml version='1.0'?><report><line>Invoice</line></report>",
     "not a workbook: this is an HTML or XML page (a web export named like a spreadsheet); open it in Excel"),
    ("report.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not a workbook: this is a PDF document, not a table"),
    ("pos.csv", "zip", "not a text table: this is a zip package (an .xlsx workbook?); rename it to .xlsx"),
    ("pos.csv", b"%PDF-1.4\n", "not a text table: this is a PDF document, not a table"),
    ("api.csv", b'[\n  {"Invoice Date": "2026-03-01", "Reseller": "Infocore"}\n]', "not a text table: this is JSON"),
])
def test_a_file_in_another_format_says_what_it_is(tmp_path: Path, name: str, data: bytes | str, says: str) -> None:
    path = tmp_path / "inbox" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if data == "zip":  # a zip archive of files, no workbook
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("pos.csv", "Invoice Date,Reseller\n")
    else:
        path.write_bytes(data if isinstance(data, bytes) else b"")
    assert says in _error(read_path(path))


def test_a_workbook_named_like_a_text_file_is_read_as_one(tmp_path: Path) -> None:
    """An .xlsx saved as "pos.csv" was refused ("rename it"), while a workbook under another workbook's name is
    read: it is read as the workbook it is, with a note."""
    path = tmp_path / "inbox" / "pos.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_base(tmp_path).read_bytes())
    out = read_path(path)
    assert out.status == "loaded" and out.rows_loaded > 0 and out.detected["format"] == "xlsx"
    assert any("the file is an .xlsx workbook named .csv: read as .xlsx (rename it)" in w for w in out.warnings)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (b'<row r="99999999"><c r="A99999999"><v>1</v></c></row>',
         "the last row number in sheet 'POS' is 99,999,999, over the limit max_rows=1,048,576"),
        (b'<row r="2"><c r="ALL999999"><v>1</v></c></row>',
         "rows x columns in sheet 'POS' (its last row number times its widest column) is 999,999,000"),
    ],
)
def test_a_row_number_past_the_sheet_is_refused_before_calamine_allocates_it(
    tmp_path: Path, row: bytes, message: str
) -> None:
    """python-calamine allocates a sheet's whole range: a 2 KB sheet with one cell at row 99,999,999 asked
    for 48 GB and aborted the process (found by the twenty-ninth session's mutation fuzz), which a reading
    worker's death would have passed on to the night. Read in a process of its own, so a regression
    fails this test instead of ending the test run."""
    base = workbook(tmp_path / "base.xlsx", [["2026-03-02", "Acme", "Foo Ltd", "AB-1", 2, 100]])
    with zipfile.ZipFile(base) as zf:
        sheet = zf.read(SHEET)
    path = rezip(base, tmp_path / "pos.xlsx", {SHEET: sheet.replace(b"</sheetData>", row + b"</sheetData>")})
    result, _ = peak_memory_of_reading(path)
    assert result["status"] == "error" and "refused before parsing: " in str(result["error"])
    assert message in str(result["error"])


def test_a_workbook_without_a_cell_is_empty_not_a_header_search(tmp_path: Path) -> None:
    """A workbook of one blank sheet was an error about a header "in the first 40 rows"; it holds nothing."""
    from openpyxl import Workbook

    path = tmp_path / "inbox" / "empty.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    Workbook().save(path)
    out = read_path(path)
    assert out.status == "empty" and out.error is None
    assert out.warnings == ["inbox/empty.xlsx: the workbook holds no cell (every sheet is blank)"]
