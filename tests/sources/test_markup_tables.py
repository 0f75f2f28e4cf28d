"""Web "Excel" exports (HTML pages, MHTML archives, Excel 2003 XML) read as workbooks, end to end
through `read_source_file` on files the tests write."""

from __future__ import annotations

import datetime as dt
import quopri
from pathlib import Path

import pytest

from sources.config import SourceConfig
from sources.limits import ReadLimits
from sources.markup_tables import HTML, MHTML, SPREADSHEETML, markup_kind
from sources.reader import FileOutcome, read_source_file

D = dt.date
HEADER = "<tr><th>Invoice Date<th>Reseller<th>End User<th>Part Number<th>Serial Number<th>Qty<th>Ext Price</tr>"


def _read(home: Path, name: str, data: bytes, limits: ReadLimits | None = None) -> FileOutcome:
    path = home / "inbox" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    src = SourceConfig(name="portal", kind="distributor", path="inbox/*")
    return read_source_file(path, f"inbox/{name}", src, limits=limits)


def _column(out: FileOutcome, name: str) -> list[object]:
    return out.records[name].tolist()


# --- HTML -----------------------------------------------------------------------------------------

SAP_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<style>td {mso-number-format:"\\@";}</style></head>
<body><table border=1>
<tr><td colspan=7><b>Sell-through report</b> Q1 2026</td></tr>
<tr><td>Generated: 02.04.2026</td></tr>
<tr><th>Rechnungsdatum<th>Fachh\xe4ndler<th>Endkunde<th>Artikelnummer<th>Seriennummer<th>Menge<th>Betrag
<tr><td>15.03.2026<td>Bechtle AG<td>M\xfcller &amp; S\xf6hne   GmbH<td>AB-100<td>00123456<td>1<td>1.234,50
<tr><td>16.03.2026<td rowspan=2>Cancom SE<td>Stadtwerke K\xf6ln&nbsp;GmbH<td>AB-200<td>SN-77<br>SN-79<td>2<td>2.000,00
<tr><td>17.03.2026<td>Kl\xf6ckner KG<td>AB-300<td>SN-78<td>1<td>999,99
</table></body></html>"""


def test_an_html_page_named_xls_reads_as_a_workbook(tmp_path: Path) -> None:
    """SAP's "Excel" export: a windows-1252 page under .xls, title rows above the header, unclosed
    cells, entities, a line break between two serials, &nbsp;, a rowspan over two lines' reseller and
    decimal commas in the amounts."""
    out = _read(tmp_path, "sap_export.xls", SAP_PAGE.encode("cp1252"))
    assert out.status == "loaded" and out.detected == {"format": "html"}
    assert out.sheets[0].sheet == "table 1" and out.sheets[0].header_row == 3
    assert _column(out, "customer_name") == ["Müller & Söhne GmbH", "Stadtwerke Köln GmbH", "Klöckner KG"]
    assert _column(out, "reseller_name") == ["Bechtle AG", "Cancom SE", "Cancom SE"]  # the rowspan's copy
    assert _column(out, "invoice_date") == [D(2026, 3, 15), D(2026, 3, 16), D(2026, 3, 17)]
    assert [float(a) for a in _column(out, "amount")] == [1234.50, 2000.00, 999.99]
    assert [list(s) for s in _column(out, "serial_numbers")] == [["00123456"], ["SN-77", "SN-79"], ["SN-78"]]
    assert out.records["source_row"].tolist() == [4, 5, 6]  # the page's row numbers, as a person counts them
    assert ("inbox/sap_export.xls [table 1]: sap_export.xls is an HTML page (a web export), not a workbook of its "
            "own format: each of its tables is read as a sheet") in out.warnings


@pytest.mark.parametrize(("encoding", "prefix"), [("cp1252", b""), ("utf-16", b""), ("utf-8", b"\xef\xbb\xbf")])
def test_a_page_without_a_declared_charset_is_decoded_by_its_bytes(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    page = f"<table>{HEADER}<tr><td>2026-03-15<td>Bechtle<td>Société Générale Côte d'Azur<td>S1<td>X1<td>1<td>10</table>"
    out = _read(tmp_path, "portal.xls", prefix + page.encode(encoding))
    assert out.status == "loaded", out.error
    assert _column(out, "customer_name") == ["Société Générale Côte d'Azur"]


def test_each_data_table_is_a_sheet_and_a_layout_table_is_not(tmp_path: Path) -> None:
    """A portal's page: an outer table laying out a title and two data tables (one per quarter), and a
    table of links with no header, which is reported as left out."""
    q = "<table>{h}<tr><td>{d}<td>Bechtle<td>{c}<td>S1<td>{s}<td>1<td>10</table>"
    page = (
        "<html><body><table><tr><td><h1>Renewals</h1></td></tr>"
        f"<tr><td>{q.format(h=HEADER, d='2026-01-05', c='Alpha Ltd', s='A1')}</td></tr>"
        f"<tr><td>{q.format(h=HEADER, d='2026-04-05', c='Beta Ltd', s='B1')}</td></tr>"
        "</table><table><tr><td><a href='#'>Next page</a><td>Help</table></body></html>")
    out = _read(tmp_path, "renewals.html", page.encode())
    assert out.status == "loaded" and not any("is an HTML page" in w for w in out.warnings)  # named as it is
    assert [(s.sheet, s.skipped is None) for s in out.sheets] == [("table 3", False), ("table 1", True),
                                                                  ("table 2", True)]
    assert out.sheets[0].skipped.startswith("no recognisable distributor header")
    assert _column(out, "customer_name") == ["Alpha Ltd", "Beta Ltd"]
    assert out.records["source_sheet"].tolist() == ["table 1", "table 2"]


def test_a_salesforce_report_keeps_its_filters_and_footers_out(tmp_path: Path) -> None:
    """A report exported "Details Only" as .xls: a table of the report's name and filters, then the
    data with its totals, a blank line and the notices, each one cell spanning the whole table."""
    notice = '<tr><td colspan="7">{}</td></tr>'
    page = (
        '<html><head><meta HTTP-EQUIV="Content-Type" Content="text/html; charset=UTF-8"></head><body>'
        '<table><tr><td colspan="2"><b>Contracts expiring next quarter</b></td></tr><tr><td>Filtered By:</td></tr>'
        "<tr><td>&nbsp;&nbsp;Status equals Activated</td></tr></table>"
        '<table border="1"><tr><th>Account Name</th><th>Contract Number</th><th>Contract Start Date</th>'
        "<th>Contract End Date</th><th>Contract Value</th><th>Serial Number</th><th>Product Code</th></tr>"
        "<tr><td>Nordwind Logistik GmbH</td><td>00001234</td><td>01/04/2025</td><td>31/03/2026</td>"
        "<td>EUR 1,200.00</td><td>FCH2231V0AB</td><td>CON-SNT-C9300</td></tr>"
        "<tr><td>Société Générale Sécurité</td><td>00001235</td><td>15/02/2025</td><td>14/02/2026</td>"
        "<td>EUR 3,450.50</td><td>FOC1922X1YZ</td><td>CON-SNT-ISR4331</td></tr>"
        + "".join(notice.format(t) for t in ("Grand Totals (2 records)", "&nbsp;", "Confidential Information - Do "
                                             "Not Distribute", "Copyright (c) 2000-2026 salesforce.com, inc."))
        + "</table></body></html>")
    path = tmp_path / "inbox" / "report.xls"
    path.parent.mkdir(parents=True)
    path.write_text(page, encoding="utf-8")
    out = read_source_file(path, "inbox/report.xls", SourceConfig(name="crm", kind="crm_contracts", path="inbox/*"))
    assert out.status == "loaded" and out.rows_quarantined == 0
    assert _column(out, "contract_number") == ["00001234", "00001235"]
    assert _column(out, "service_end") == [D(2026, 3, 31), D(2026, 2, 14)]
    assert [float(a) for a in _column(out, "amount")] == [1200.0, 3450.5] and _column(out, "currency") == ["EUR"] * 2
    assert any("rows 6-7 below the data are footnotes" in w for w in out.warnings)


def test_an_excel_web_page_reads_what_it_shows(tmp_path: Path) -> None:
    """Excel's own "Save as Web Page": conditional comments, column widths, x:num attributes beside
    the shown text, a hidden spacer row, French headers and a euro amount in cp1252."""
    page = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'
        '<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">'
        "<meta name=ProgId content=Excel.Sheet><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets>"
        "<x:ExcelWorksheet><x:Name>POS</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml>"
        "<![endif]--></head><body><table border=0 cellpadding=0 style='border-collapse:collapse'>"
        " <col width=80 style='width:60pt'>\n <tr height=20>\n  <td class=xl65>Date facture</td>"
        "<td>Revendeur</td><td>Client final</td><td>Référence</td><td>N° de série</td><td>Qté</td>"
        "<td>Montant HT</td>\n </tr>\n <tr height=20>\n  <td class=xl66 align=right x:num=\"46097\">15/03/2026</td>"
        "<td>Inmac Wstore</td><td>Société Générale</td><td>C9300-48P</td><td x:str=\"'00412\">00412</td>"
        "<td align=right x:num>2</td><td class=xl68 x:num=\"1234.5\">1 234,50 €</td>\n </tr>\n"
        " <![if supportMisc]><tr height=0 style='display:none'><td width=80></td></tr><![endif]>\n</table></body></html>")
    out = _read(tmp_path, "pos.xls", page.encode("cp1252"))
    assert out.status == "loaded" and out.rows_quarantined == 0
    assert _column(out, "customer_name") == ["Société Générale"] and _column(out, "reseller_name") == ["Inmac Wstore"]
    assert [list(s) for s in _column(out, "serial_numbers")] == [["00412"]]
    assert _column(out, "invoice_date") == [D(2026, 3, 15)]
    assert [float(a) for a in _column(out, "amount")] == [1234.5] and _column(out, "currency") == ["EUR"]


def test_an_mhtml_archive_reads_its_html_part(tmp_path: Path) -> None:
    page = f"<html><body><table>{HEADER}<tr><td>2026-03-15<td>Bechtle<td>Zürich Versicherung AG<td>S1<td>X1<td>1<td>10</table>"
    body = quopri.encodestring(page.encode("utf-8")).decode("ascii")
    archive = (
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n"
        "------=_NextPart_01\r\nContent-Type: text/html; charset=\"utf-8\"\r\n"
        f"Content-Transfer-Encoding: quoted-printable\r\n\r\n{body}\r\n------=_NextPart_01--\r\n")
    out = _read(tmp_path, "sap.mht", archive.encode("ascii"))
    assert out.status == "loaded", out.error
    assert out.detected == {"format": "mhtml"}
    assert _column(out, "customer_name") == ["Zürich Versicherung AG"]


# --- Excel 2003 XML -------------------------------------------------------------------------------

def _cell(value: object, kind: str = "String", attrs: str = "") -> str:
    return f'<Cell{attrs}><Data ss:Type="{kind}">{value}</Data></Cell>'


def _workbook(*sheets: str) -> bytes:
    return ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
            'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:x="urn:schemas-microsoft-com:office:excel">'
            + "".join(sheets) + "</Workbook>").encode("utf-8")


def _sheet(name: str, rows: str, hidden: bool = False) -> str:
    options = ('<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible>'
               "</WorksheetOptions>") if hidden else ""
    return f'<Worksheet ss:Name="{name}"><Table>{rows}</Table>{options}</Worksheet>'


def test_an_excel_2003_xml_workbook_keeps_types_positions_and_merges(tmp_path: Path) -> None:
    header = "".join(_cell(h) for h in ["Invoice Date", "Reseller", "End User", "Part Number", "Serial Number",
                                        "Qty", "Ext Price"])
    across, down, skip = ' ss:MergeAcross="6"', ' ss:MergeDown="1"', ' ss:Index="4"'
    rows = (
        f'<Row>{_cell("POS export", attrs=across)}</Row>'
        f'<Row ss:Index="3">{header}</Row>'
        # a typed date, text keeping its leading zeros, a comment whose own <Data> is not the cell's,
        # and an amount merged down over the contract's two serial lines (stated once)
        f'<Row>{_cell("2026-03-15T00:00:00.000", "DateTime")}{_cell("Acme")}'
        '<Cell><Data ss:Type="String">Foo Ltd</Data><Comment><ss:Data>call first</ss:Data></Comment></Cell>'
        f'{_cell("AB-1")}{_cell("000123")}{_cell(1, "Number")}{_cell(3000.5, "Number", down)}</Row>'
        f'<Row>{_cell("2026-03-15T00:00:00.000", "DateTime")}{_cell("Acme")}{_cell("Foo Ltd")}{_cell("AB-1")}'
        f'{_cell("000124")}{_cell(1, "Number")}</Row>'
        # a skipped cell (no end user: ss:Index jumps over it), a serial as a number, an error cell
        f'<Row>{_cell("2026-03-16T00:00:00.000", "DateTime")}{_cell("Acme")}'
        f'{_cell("AB-2", attrs=skip)}{_cell(362350759338, "Number")}{_cell(1, "Number")}'
        f'{_cell("#N/A", "Error")}</Row>')
    out = _read(tmp_path, "report.xls", _workbook(_sheet("Notes", f"<Row>{_cell('x')}</Row>", hidden=True),
                                                  _sheet("POS", rows)))
    assert out.detected == {"format": "spreadsheetml"}
    assert [(s.sheet, s.skipped) for s in out.sheets] == [("Notes", "hidden sheet"), ("POS", None)]
    assert _column(out, "customer_name") == ["Foo Ltd", "Foo Ltd"]
    assert [list(s) for s in _column(out, "serial_numbers")] == [["000123"], ["000124"]]
    assert [None if a is None or a != a else float(a) for a in _column(out, "amount")] == [3000.5, None]
    assert out.records["source_row"].tolist() == [4, 5]
    (bad,) = out.quarantine.to_dict("records")
    assert bad["source_row"] == 6 and bad["source_sheet"] == "POS"
    assert "field 'amount' (column 'Ext Price'): an Excel error, not a value" in bad["reason"]
    assert '"Serial Number": "362350759338"' in bad["raw"]


@pytest.mark.parametrize("dtd", [
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>',  # entity expansion
    b'<!DOCTYPE x [<!ENTITY lol2 SYSTEM "file:///etc/hostname">]>',  # an external entity (XXE)
])
def test_an_xml_workbook_declaring_entities_is_refused(tmp_path: Path, dtd: bytes) -> None:
    bomb = (b'<?xml version="1.0"?>' + dtd + b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
            b'<Worksheet><Table><Row><Cell><Data>&lol2;</Data></Cell></Row></Table></Worksheet></Workbook>')
    out = _read(tmp_path, "bomb.xls", bomb)
    assert out.status == "error"
    assert out.error.startswith("inbox/bomb.xls: refused: its XML declares a DTD or entities")


# --- limits and what is not a web export -------------------------------------------------------------

def test_a_span_past_the_column_limit_is_refused_by_name(tmp_path: Path) -> None:
    page = f"<table>{HEADER}<tr><td colspan=5000>x</table>"
    out = _read(tmp_path, "wide.xls", page.encode())
    assert out.status == "error"
    assert "over the limit max_columns=1,000" in str(out.error) and "table 1" in str(out.error)


def test_a_page_over_the_cell_limit_is_refused(tmp_path: Path) -> None:
    rows = "".join("<tr><td>2026-03-15<td>B<td>C<td>S<td>X<td>1<td>10" for _ in range(50))
    out = _read(tmp_path, "long.xls", f"<table>{HEADER}{rows}</table>".encode(), limits=ReadLimits(max_cells=100))
    assert out.status == "error" and "max_cells=100" in str(out.error)


def test_a_web_export_named_csv_is_read_and_other_markup_is_not(tmp_path: Path) -> None:
    page = f"<table>{HEADER}<tr><td>2026-03-15<td>Bechtle<td>Alpha Ltd<td>S1<td>X1<td>1<td>10</table>"
    out = _read(tmp_path, "export.csv", page.encode())
    assert out.status == "loaded" and _column(out, "customer_name") == ["Alpha Ltd"]
    assert any("export.csv is an HTML page (a web export), not a text table" in w for w in out.warnings)
    assert _read(tmp_path, "feed.xml", b"<?xml version='1.0'?><rss/>").error == (
        "inbox/feed.xml: not a web export: no HTML table or Excel 2003 XML workbook in the file")
    assert _read(tmp_path, "blank.html", b"<html><body><p>No rows today</p></body></html>").error == (
        "inbox/blank.html: an HTML page (a web export) holding no table with any cell")


@pytest.mark.parametrize(("head", "kind"), [
    (b"<!DOCTYPE html><html>", HTML), (b"\xef\xbb\xbf  <table><tr>", HTML), (b"<?xml version='1.0'?><html>", HTML),
    (b"MIME-Version: 1.0\r\n", MHTML), (b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:'
                                         b'spreadsheet">', SPREADSHEETML),
    ("<table>".encode("utf-16"), HTML), (b"Invoice;Customer\n", None), (b"<?xml version='1.0'?><rss/>", None),
    ("Invoice\tCustomer".encode("utf-16"), None),
])
def test_markup_kind(head: bytes, kind: object) -> None:
    assert markup_kind(head) is kind


XML_HEAD = ('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
            'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="POS"><Table>')


@pytest.mark.parametrize(("name", "data", "says"), [
    ("rows.xls", XML_HEAD + '<Row ss:Index="999999999"><Cell><Data ss:Type="String">x</Data></Cell></Row>',
     "the row index (ss:Index) in sheet 'POS' is 999,999,999, over the limit max_rows=1,048,576"),
    ("cells.xls", XML_HEAD + '<Row><Cell ss:Index="99999999"><Data ss:Type="String">x</Data></Cell></Row>',
     "the number of columns in sheet 'POS' is 99,999,999, over the limit max_columns=1,000"),
    ("deep.xls", "<table><tr><td>" * 5000, "an HTML page the parser could not read to its end: Excessive depth"),
    ("cut.xls", XML_HEAD + "<Row><Cell><Data>", "not a readable Excel 2003 XML workbook: Premature end of data"),
])
def test_a_hostile_web_export_is_refused_before_it_costs_memory(tmp_path: Path, name: str, data: str, says: str) -> None:
    out = _read(tmp_path, name, data.encode())
    assert out.status == "error" and says in str(out.error), out.error


def test_a_page_of_many_tables_without_a_header_names_five(tmp_path: Path) -> None:
    page = "".join(f"<table><tr><td>note {i}</table>" for i in range(300))
    error = str(_read(tmp_path, "notes.xls", page.encode()).error)
    assert error.count("no recognisable distributor header") == 5 and error.endswith("; and 295 more sheets)")


def test_two_xml_worksheets_of_one_name_stay_two_sheets(tmp_path: Path) -> None:
    header = "".join(_cell(h) for h in ["Invoice Date", "Reseller", "End User", "Part Number", "Ext Price"])
    rows = [f"<Row>{header}</Row><Row>{_cell('2026-03-15')}{_cell('Acme')}{_cell(c)}{_cell('AB-1')}"
            f"{_cell(10, 'Number')}</Row>" for c in ("Foo Ltd", "Bar Inc")]
    out = _read(tmp_path, "twice.xls", _workbook(_sheet("POS", rows[0]), _sheet("POS", rows[1])))
    assert [s.sheet for s in out.sheets] == ["POS", "POS (2)"]
    assert _column(out, "customer_name") == ["Foo Ltd", "Bar Inc"]


def test_a_cell_reads_as_a_browser_shows_it(tmp_path: Path) -> None:
    """A comment inside a cell is not text, a <br> is a line break, markup inside keeps its words, and
    a control character in the text does not stop the page (it once did, when the line break was
    written into the parsed tree)."""
    page = (f"<table>{HEADER}<tr><td>2026-03-15<td>Bechtle<td>Foo<!-- internal: check -->bar <b>GmbH</b><br>Köln"
            "<td>S1<td>X1<td>1<td>10<tr><td>2026-03-16<td>Bechtle<td>Acme\x01<br>\x02 Ltd<td>S2<td>X2<td>1<td>10</table>")
    out = _read(tmp_path, "cells.xls", page.encode())
    assert out.status == "loaded", out.error
    assert _column(out, "customer_name")[0] == "Foobar GmbH Köln"  # a name is one line (the <br> a space)
    assert len(out.records) + out.rows_quarantined == 2
