"""Workbooks other than .xlsx: an OpenDocument .ods (LibreOffice), an old binary .xls and an .xlsb are
read with python-calamine (a real .xls under .xlsx too); an "Excel" export that is a tab- or comma-separated text named .xls is read
as text, with a note. Each file is written in tmp_path (the .ods by hand: a zip of its XML)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from tests.sources.hostile import read, read_path

HEADER = ["Invoice Date", "Reseller", "End User", "SKU", "Qty", "Amount"]
ROWS = [["2024-03-01", "Infocore", "Delta Legal", "C9300-48P-A", 1, 5120.5],
        ["2024-03-02", "Northwire", "Kestrel Analytics", "C9200L-24T", 2, 900]]


def _cell(v: object) -> str:
    if isinstance(v, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'


def _ods(path: Path, rows: list[list[object]]) -> Path:
    """A minimal OpenDocument spreadsheet: mimetype, manifest, one table in content.xml."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    table = "".join("<table:table-row>" + "".join(_cell(v) for v in r) + "</table:table-row>" for r in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="POS">{table}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content)
    return path


def test_an_ods_workbook_is_read(tmp_path: Path) -> None:
    out = read_path(_ods(tmp_path / "inbox" / "pos.ods", [HEADER, *ROWS]))
    assert out.status == "loaded" and out.rows_loaded == 2 and out.detected["format"] == "ods"
    assert list(out.records["customer_name"]) == ["Delta Legal", "Kestrel Analytics"]
    assert [float(a) for a in out.records["amount"]] == [5120.5, 900.0]
    assert [int(q) for q in out.records["quantity"]] == [1, 2]


def test_a_text_table_named_xls_is_read_as_text(tmp_path: Path) -> None:
    text = "\n".join("\t".join(str(v) for v in r) for r in [HEADER, *ROWS]) + "\n"
    out = read(tmp_path, "export.xls", text.encode("utf-16"))  # Excel's "Unicode text", with its BOM
    assert out.status == "loaded" and out.rows_loaded == 2
    assert any("this .xls file is a text table (tab- or comma-separated), not a workbook: read as text" in w
               for w in out.warnings)
    out = read(tmp_path, "sap.xls", "Invoice Date;Reseller;End User;SKU;Qty;Amount\n"
                                    "01.03.2024;Infocore;Delta Legal;C9300-48P-A;1;5.120,50\n".encode("cp1252"))
    assert out.rows_loaded == 1 and float(out.records["amount"].iloc[0]) == 5120.5


def _xls(path: Path) -> Path:
    """A real BIFF8 workbook (Excel 97-2003), written by xlwt: the dates as date cells, the amounts as numbers."""
    import datetime as dt

    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("POS")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for r, row in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(row):
            if r and c == 0:
                sheet.write(r, c, dt.date.fromisoformat(str(value)), date_style)
            else:
                sheet.write(r, c, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(path))
    return path


def test_an_old_binary_xls_is_read(tmp_path: Path) -> None:
    out = read_path(_xls(tmp_path / "inbox" / "pos.xls"))
    assert out.status == "loaded" and out.rows_loaded == 2 and out.detected["format"] == "xls"
    assert [str(d) for d in out.records["invoice_date"]] == ["2024-03-01", "2024-03-02"]
    assert [float(a) for a in out.records["amount"]] == [5120.5, 900.0]


def test_an_old_binary_xls_named_xlsx_is_read_as_xls(tmp_path: Path) -> None:
    xls = _xls(tmp_path / "tmp" / "pos.xls")
    for suffix in (".xlsx", ".xlsm", ".xlsb", ".ods"):
        named = tmp_path / "inbox" / f"pos{suffix}"
        named.parent.mkdir(parents=True, exist_ok=True)
        named.write_bytes(xls.read_bytes())
        out = read_path(named)
        assert out.status == "loaded" and out.rows_loaded == 2 and out.detected["format"] == "xls", suffix
        assert list(out.records["customer_name"]) == ["Delta Legal", "Kestrel Analytics"]
        assert any(f"the file is an .xls workbook named {suffix}: read as .xls (rename it)" in w
                   for w in out.warnings), out.warnings



def test_an_xls_named_xlsx_over_a_limit_says_the_limit_and_an_encrypted_one_the_password(tmp_path: Path) -> None:
    """A renamed .xls refused by a limit says which (not "a password"); an encrypted .xlsx (an OLE2 file
    holding an "EncryptedPackage" stream) says it needs its password."""
    from sources.config import SourceConfig
    from sources.limits import ReadLimits
    from sources.reader import read_source_file

    named = tmp_path / "inbox" / "pos.xlsx"
    named.parent.mkdir(parents=True)
    named.write_bytes(_xls(tmp_path / "tmp" / "pos.xls").read_bytes())
    src = SourceConfig(name="pos", kind="distributor", path="inbox/*.xlsx")
    out = read_source_file(named, "inbox/pos.xlsx", src, limits=ReadLimits(max_cells=5))
    assert out.status == "error" and "an old .xls workbook named .xlsx: " in str(out.error), out.error
    assert "max_cells" in str(out.error) and "password" not in str(out.error)
    locked = tmp_path / "inbox" / "locked.xlsx"
    locked.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(3000) + "EncryptedPackage".encode("utf-16-le")
                       + bytes(500))
    error = str(read_source_file(locked, "inbox/locked.xlsx", src).error)
    assert error == ("inbox/locked.xlsx: this is a password-protected workbook (an encrypted OLE2 file): no reader "
                     "opens it without its password; save it as an unprotected .xlsx")

# --- a workbook under another workbook's name, a package written with "\" (sources/workbook_package.py) --

def _xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    for row in [HEADER, *ROWS]:
        wb.active.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def test_an_xlsx_named_xlsb_is_read_by_its_parts(tmp_path: Path) -> None:
    out = read_path(_xlsx(tmp_path / "inbox" / "pos.xlsb"))
    assert out.status == "loaded" and out.rows_loaded == 2 and out.detected["format"] == "xlsx"
    assert any("the file is an .xlsx workbook named .xlsb: read as .xlsx (rename it)" in w for w in out.warnings)


def test_an_ods_named_xlsx_is_read_by_its_parts(tmp_path: Path) -> None:
    ods = _ods(tmp_path / "tmp" / "pos.ods", [HEADER, *ROWS])
    named = tmp_path / "inbox" / "pos.xlsx"
    named.parent.mkdir(parents=True)
    named.write_bytes(ods.read_bytes())
    out = read_path(named)
    assert out.status == "loaded" and out.rows_loaded == 2
    assert list(out.records["customer_name"]) == ["Delta Legal", "Kestrel Analytics"]
    assert any("an .ods workbook named .xlsx" in w for w in out.warnings)


def test_a_package_with_backslashed_part_names_is_read(tmp_path: Path) -> None:
    good = _xlsx(tmp_path / "tmp" / "pos.xlsx")
    bad = tmp_path / "inbox" / "pos.xlsx"
    bad.parent.mkdir(parents=True)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename.replace("/", "\\"), src.read(info))
    out = read_path(bad)
    assert out.status == "loaded" and out.rows_loaded == 2
    assert any("names its parts with '\\'" in w for w in out.warnings)


def test_a_missing_part_is_named_not_a_python_error(tmp_path: Path) -> None:
    import xlsxwriter  # writes text cells as shared strings (openpyxl writes them inline)

    good = tmp_path / "tmp" / "pos.xlsx"
    good.parent.mkdir(parents=True)
    book = xlsxwriter.Workbook(good)
    sheet = book.add_worksheet("POS")
    for r, row in enumerate([HEADER, *ROWS]):
        sheet.write_row(r, 0, row)
    book.close()
    bad = tmp_path / "inbox" / "pos.xlsx"
    bad.parent.mkdir(parents=True)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "xl/sharedStrings.xml":
                dst.writestr(info, src.read(info))
    out = read_path(bad)
    assert out.status == "error"
    assert "its part 'xl/sharedStrings.xml' is missing from the package" in str(out.error)
    assert "KeyError" not in str(out.error)
