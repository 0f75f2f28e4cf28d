"""One inbox file of one source -> FileOutcome, for every format, never raising."""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from sources.config import SourceConfig
from sources.reader import FileOutcome, read_source_file
from sources.records import QUARANTINE_SCHEMA, RECORD_SCHEMA

D = dt.date


def _src(kind: str = "distributor", **kw: object) -> SourceConfig:
    return SourceConfig(name="ingram", kind=kind, path="inbox/*", **kw)


def _read(home: Path, name: str, data: bytes | str, src: SourceConfig | None = None) -> FileOutcome:
    path = home / "inbox" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return read_source_file(path, f"inbox/{name}", src or _src())


def _pos_workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "POS Q1"
    ws["A1"] = "Ingram Micro – POS report"
    ws.merge_cells("A1:G1")
    ws["A2"] = "Period: Q1 2026"
    ws.append([])
    ws.append(["Ship Date", "Reseller", "End User", "Part Number", "Serial Number", "Qty", "Ext Price"])  # row 4
    ws.append([dt.datetime(2026, 3, 15), "Acme", "Foo Ltd", "AB-1", 123456789, 2, 3000])  # 5
    ws.append([46100, "Acme", "Bar Inc", "AB-2", "S/N: X1\nS/N: X2", "1", "=10*2"])  # 6: General serial
    ws.append([None] * 7)  # 7: blank spacer
    ws.append([dt.datetime(2026, 4, 1), "Acme", None, "AB-3", 98765432.0, 1, "$1,500.00"])  # 8: no customer
    ws.append([dt.datetime(2026, 4, 2), "Acme", "Baz plc", "AB-4", "SN: Z9", 1.5, 100])  # 9: fractional qty
    ws.append(["Grand Total", None, None, None, None, None, 4620])  # 10
    ws["A5"].number_format = "dd/mm/yyyy"
    notes = wb.create_sheet("Read me")
    notes["A1"] = "Questions: pos@example.com"
    q2 = wb.create_sheet("POS Q2")
    q2.append(["Invoice Date", "Reseller", "Customer", "SKU"])
    q2.append(["2026-05-01", "Acme", "Merged Customer", "S1"])
    q2.append(["2026-05-02", "Acme", None, "S2"])
    q2.merge_cells("C2:C3")
    wb.save(path)
    return path


def _assert_error(out: FileOutcome, message: str) -> None:
    assert out.status == "error"
    assert out.error == message
    assert list(out.records.columns) == RECORD_SCHEMA.names and out.records.empty
    assert list(out.quarantine.columns) == QUARANTINE_SCHEMA.names and out.quarantine.empty


# --- workbooks ------------------------------------------------------------------------------


def test_workbook_end_to_end(tmp_path: Path) -> None:
    path = _pos_workbook(tmp_path / "pos.xlsx")
    out = read_source_file(path, "inbox/ingram/pos.xlsx", _src())
    assert out.status == "loaded" and out.error is None
    assert out.detected == {"format": "xlsx"}
    rec = out.records
    assert list(zip(rec["source_sheet"], rec["source_row"], strict=False)) == [("POS Q1", 5), ("POS Q1", 6), ("POS Q2", 2), ("POS Q2", 3)]
    assert rec["source_file"].unique().tolist() == ["inbox/ingram/pos.xlsx"]
    assert rec["invoice_date"].tolist() == [D(2026, 3, 15), D(2026, 3, 19), D(2026, 5, 1), D(2026, 5, 2)]
    assert rec["customer_name"].tolist() == ["Foo Ltd", "Bar Inc", "Merged Customer", "Merged Customer"]
    # Q2 has no serial column: still a list in every row
    assert rec["serial_numbers"].tolist() == [["123456789"], ["X1", "X2"], [], []]
    assert rec["quantity"].tolist()[:2] == [2, 1]
    assert rec["amount"].tolist()[0] == 3000.0

    q = out.quarantine
    assert list(zip(q["source_sheet"], q["source_row"], q["field"], strict=False)) == [
        ("POS Q1", 8, "customer_name"), ("POS Q1", 9, "quantity"),
    ]
    assert q["reason"].tolist() == [
        "inbox/ingram/pos.xlsx, sheet 'POS Q1', row 8: required field 'customer_name' (column 'End User') is empty",
        "inbox/ingram/pos.xlsx, sheet 'POS Q1', row 9: field 'quantity' (column 'Qty'): not a whole quantity: '1.5'",
    ]
    assert json.loads(q["raw"].iloc[0]) == {
        "Ship Date": "2026-04-01", "Reseller": "Acme", "Part Number": "AB-3", "Serial Number": "98765432",
        "Qty": "1", "Ext Price": "$1,500.00",
    }

    sheets = {s.sheet: s for s in out.sheets}
    assert sheets["Read me"].skipped == "no recognisable distributor header in the first 40 rows"
    q1 = sheets["POS Q1"]
    assert q1.header_row == 4
    assert q1.mapping == {
        "Ship Date": "invoice_date", "Reseller": "reseller_name", "End User": "customer_name", "Part Number": "sku",
        "Serial Number": "serial_numbers", "Qty": "quantity", "Ext Price": "amount",
    }
    assert (q1.rows_read, q1.rows_loaded, q1.rows_quarantined, q1.blank_rows, q1.total_rows) == (5, 2, 2, 1, 1)
    assert (out.rows_read, out.rows_loaded, out.rows_quarantined, out.blank_rows, out.total_rows) == (7, 4, 2, 1, 1)
    assert out.warnings == [
        ("inbox/ingram/pos.xlsx [POS Q1]: 1 formula cell(s) have no saved value and read as empty (G6): the file "
        "was written by a program that does not calculate formulas; open it in Excel and save it again"),
        ("inbox/ingram/pos.xlsx [POS Q1]: row 6: more serials than units (e.g. 2 serials for a quantity of 1): each "
         "serial is read as a unit; check for a serial typed twice"),
    ]


def test_workbook_sheet_setting(tmp_path: Path) -> None:
    path = _pos_workbook(tmp_path / "pos.xlsx")
    out = read_source_file(path, "pos.xlsx", _src(sheet="POS Q2"))
    assert out.records["source_sheet"].unique().tolist() == ["POS Q2"]
    out = read_source_file(path, "pos.xlsx", _src(sheet=["Nope"]))
    assert out.status == "error"
    assert out.error == "pos.xlsx: sheet(s) ['Nope'] not in the workbook (it has ['POS Q1', 'Read me', 'POS Q2'])"


def test_workbook_without_any_header(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "Cover"
    wb.active["A1"] = "Nothing to see"
    wb.create_sheet("Chart data").append([1, 2, 3])
    wb.save(tmp_path / "cover.xlsx")
    out = read_source_file(tmp_path / "cover.xlsx", "inbox/cover.xlsx", _src())
    _assert_error(out, (
        "inbox/cover.xlsx: no sheet with a recognisable header (sheet 'Cover': no recognisable distributor header "
        "in the first 40 rows; sheet 'Chart data': no recognisable distributor header in the first 40 rows)"
    ))
    assert [s.sheet for s in out.sheets] == ["Cover", "Chart data"]


def test_truncated_workbook_is_an_error_not_an_exception(tmp_path: Path) -> None:
    data = _pos_workbook(tmp_path / "pos.xlsx").read_bytes()
    out = _read(tmp_path, "cut.xlsx", data[: len(data) // 2])
    _assert_error(out, "inbox/cut.xlsx: not a valid .xlsx: the file is truncated or corrupt (no zip directory)")


def test_ole2_file_is_an_error(tmp_path: Path) -> None:
    out = _read(tmp_path, "locked.xlsx", bytes.fromhex("D0CF11E0A1B11AE1") + bytes(2048))
    _assert_error(out, (
        "inbox/locked.xlsx: this is an OLE2 file: a password-protected workbook or an old .xls; "
        "save it as an unprotected .xlsx"
    ))


def test_unsupported_extensions(tmp_path: Path) -> None:
    kinds = "(use .csv, .tsv, .txt, .xlsx, .xlsm, .xls, .xlsb, .ods, .htm, .html, .mht or .xml)"
    _assert_error(_read(tmp_path, "pos.pdf", b"%PDF-1.4"), f"inbox/pos.pdf: unsupported file type '.pdf' {kinds}")
    # a file with no extension is read by its content (tests/sources/test_hostile_round5.py): a note is no table
    _assert_error(_read(tmp_path, "README", b"x"), "inbox/README: no delimiter found: the first lines do not split "
                  "into columns")
    _assert_error(_read(tmp_path, "pos.zip", b"PK\x03\x04" + bytes(60)),
                  f"inbox/pos.zip: unsupported file type '.zip' {kinds}: this is a zip archive; extract its files into "
                  "the inbox")
    # an .xls that is a web page is read as one (tests/sources/test_markup_tables.py): this one's only
    # table has no header; an OLE2 file calamine cannot open (a password) says what to do
    _assert_error(_read(tmp_path, "sap.xls", b"<html><table><tr><td>Invoice</td></tr></table></html>"),
                  "inbox/sap.xls: no sheet with a recognisable header (sheet 'table 1': no recognisable "
                  "distributor header in the first 40 rows)")
    error = str(_read(tmp_path, "locked.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600).error)
    assert error.startswith("inbox/locked.xls: not a readable .xls workbook (") and error.endswith(
        "a password-protected or damaged file; save it as an unprotected .xlsx")


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    out = read_source_file(tmp_path / "gone.csv", "inbox/gone.csv", _src())
    assert out.status == "error"
    assert out.error.startswith("inbox/gone.csv: cannot read: ")


def test_uppercase_extension(tmp_path: Path) -> None:
    out = _read(tmp_path, "POS.CSV", "Invoice Date,Reseller,End User,SKU\n2026-03-15,A,Foo,S1\n")
    assert out.status == "loaded" and out.records["customer_name"].tolist() == ["Foo"]


# --- text files -----------------------------------------------------------------------------


CSV = (
    "Invoice Date,Reseller,End User,SKU,Serial #,Qty,Unit Price\n"
    '15/03/2026,Acme,Foo Ltd,AB-1,"S/N: X1, X2",2,"$3,000.00"\n'
    "01/04/2026,Acme,Bar,AB-2,Y1;Y2,1,10\n"
    ",,,,,,\n"
    'Total,,,,,3,"6,010.00"\n'
)


def test_utf8_csv_end_to_end(tmp_path: Path) -> None:
    out = _read(tmp_path, "pos.csv", CSV)
    assert out.status == "loaded"
    assert out.detected == {"encoding": "utf-8", "delimiter": ",", "parser": "pandas-c"}
    rec = out.records
    assert rec["source_row"].tolist() == [2, 3]
    assert rec["source_sheet"].tolist() == [None, None]
    assert rec["invoice_date"].tolist() == [D(2026, 3, 15), D(2026, 4, 1)]  # day-first detected
    assert rec["serial_numbers"].tolist() == [["X1", "X2"], ["Y1", "Y2"]]
    assert rec["unit_price"].tolist() == [3000.0, 10.0]
    assert rec["quantity"].tolist() == [2, 1]
    assert (out.blank_rows, out.total_rows, out.rows_read) == (1, 1, 3)
    assert out.warnings == ["inbox/pos.csv: row 3: more serials than units (e.g. 2 serials for a quantity of 1): "
                            "each serial is read as a unit; check for a serial typed twice"]
    assert out.sheets[0].sheet is None and out.sheets[0].header_row == 1


def test_csv_with_bom(tmp_path: Path) -> None:
    out = _read(tmp_path, "bom.csv", codecs.BOM_UTF8 + CSV.encode())
    assert out.detected["encoding"] == "utf-8-sig"
    assert out.sheets[0].mapping["Invoice Date"] == "invoice_date"
    assert out.records["invoice_date"].tolist() == [D(2026, 3, 15), D(2026, 4, 1)]


def test_cp1252_csv(tmp_path: Path) -> None:
    body = "Invoice Date,Reseller,End User,SKU\r\n2026-03-15,Bürotec AG,Müller GmbH,AB-1\r\n2026-03-16,Acme,Société Générale,AB-2\r\n"
    out = _read(tmp_path, "win.csv", body.encode("cp1252"))
    assert out.detected["encoding"] == "cp1252"
    assert out.records["customer_name"].tolist() == ["Müller GmbH", "Société Générale"]
    assert out.records["reseller_name"].tolist() == ["Bürotec AG", "Acme"]


def test_semicolon_csv_with_decimal_commas(tmp_path: Path) -> None:
    body = (
        "Datum;Reseller;End User;SKU;Menge;Betrag\n"
        "15.03.2026;Acme;Müller GmbH;AB-1;1;1.234,56\n"
        "16.03.2026;Acme;Zoë AS;AB-2;2;12,50\n"
        "17.03.2026;Acme;Øst AS;AB-3;1;3.000\n"
    )
    src = _src(columns={"invoice_date": "Datum", "quantity": "Menge", "amount": "Betrag"})
    out = _read(tmp_path, "de.csv", body.encode("cp1252"), src)
    assert out.detected == {"encoding": "cp1252", "delimiter": ";", "parser": "pandas-c"}
    assert out.records["invoice_date"].tolist() == [D(2026, 3, 15), D(2026, 3, 16), D(2026, 3, 17)]
    assert out.records["amount"].tolist() == [1234.56, 12.5, 3000.0]
    assert out.records["quantity"].tolist() == [1, 2, 1]
    assert out.records["customer_name"].tolist() == ["Müller GmbH", "Zoë AS", "Øst AS"]
    assert out.sheets[0].how == {
        "invoice_date": "columns", "quantity": "columns", "amount": "columns",
        "reseller_name": "synonym", "customer_name": "synonym", "sku": "synonym",
    }
    assert out.warnings == []  # every dotted date has a day above 12


def test_tsv(tmp_path: Path) -> None:
    body = "Invoice Date\tReseller\tEnd User\tSKU\tSerial Numbers\n3/15/2026\tAcme\tFoo, Inc.\tAB-1\tA1 A2\n"
    out = _read(tmp_path, "pos.tsv", body)
    assert out.detected["delimiter"] == "tab"
    assert out.records["customer_name"].tolist() == ["Foo, Inc."]
    assert out.records["invoice_date"].tolist() == [D(2026, 3, 15)]
    assert out.records["serial_numbers"].tolist() == [["A1", "A2"]]


def test_multiline_field_keeps_editor_rows_in_records_and_quarantine(tmp_path: Path) -> None:
    body = (
        "Invoice Date,Reseller,End User,SKU,Serial Numbers\n"  # 1
        '2026-03-15,Acme,Foo,AB-1,"S/N: A1\n'                   # 2
        'S/N: A2"\n'                                             # 3
        "2026-03-16,Acme,,AB-2,B1\n"                             # 4: no customer
        "2026-03-17,Acme,Baz,AB-3,C1\n"                          # 5
    )
    out = _read(tmp_path, "multi.csv", body)
    assert out.detected["parser"] == "csv"
    assert out.records["source_row"].tolist() == [2, 5]
    assert out.records["serial_numbers"].tolist() == [["A1", "A2"], ["C1"]]
    assert out.quarantine["source_row"].tolist() == [4]
    assert out.quarantine["reason"].tolist() == [
        "inbox/multi.csv, row 4: required field 'customer_name' (column 'End User') is empty"
    ]


def test_ragged_rows(tmp_path: Path) -> None:
    body = "Invoice Date,Reseller,End User,SKU\n2026-03-15,Acme,Foo,AB-1,extra\n2026-03-16,Acme\n"
    out = _read(tmp_path, "ragged.csv", body)
    assert out.records["source_row"].tolist() == [2]
    assert out.records["invoice_date"].tolist() == [D(2026, 3, 15)]
    assert out.records["customer_name"].tolist() == ["Foo"]
    assert out.quarantine["source_row"].tolist() == [3]
    assert json.loads(out.quarantine["raw"].iloc[0]) == {"Invoice Date": "2026-03-16", "Reseller": "Acme"}


# --- dates through the reader ---------------------------------------------------------------


def test_ambiguous_dates_warn_with_file_and_column(tmp_path: Path) -> None:
    body = "Invoice Date,Reseller,End User,SKU\n03/04/2026,A,Foo,S1\n05/06/2026,A,Bar,S2\n"
    out = _read(tmp_path, "amb.csv", body)
    assert out.records["invoice_date"].tolist() == [D(2026, 3, 4), D(2026, 5, 6)]
    assert out.warnings == [
        ("inbox/amb.csv: invoice_date ('Invoice Date'): day/month order is ambiguous in 2 numeric dates "
        "(no day above 12); read month-first; set date_format in sources.yaml to decide")
    ]
    out = _read(tmp_path, "amb.csv", body, _src(date_format="%d/%m/%Y"))
    assert out.records["invoice_date"].tolist() == [D(2026, 4, 3), D(2026, 6, 5)]
    assert out.warnings == []


def test_a_csv_saved_from_excel_with_day_numbers_reads_them_as_dates(tmp_path: Path) -> None:
    lines = [f"{46174 + i},A,Customer {i},S{i},{f'{46539 + i}.00' if i % 3 else ''}" for i in range(30)]
    out = _read(tmp_path, "serials.csv", "Invoice Date,Reseller,End User,SKU,Service End\n" + "\n".join(lines) + "\n")
    assert out.records["invoice_date"].tolist()[:2] == [D(2026, 6, 1), D(2026, 6, 2)]
    assert out.records["service_end"].tolist()[:3] == [None, D(2027, 6, 2), D(2027, 6, 3)]
    assert out.quarantine.empty and len(out.records) == 30
    assert any("Excel day numbers" in w for w in out.warnings)


def test_one_day_number_among_text_dates_is_not_a_date(tmp_path: Path) -> None:
    body = "Invoice Date,Reseller,End User,SKU\n2026-06-01,A,Foo,S1\n46175,A,Bar,S2\n"
    out = _read(tmp_path, "mixed.csv", body)
    assert out.records["invoice_date"].tolist() == [D(2026, 6, 1)]
    assert len(out.quarantine) == 1


def test_impossible_date_is_quarantined(tmp_path: Path) -> None:
    body = "Invoice Date,Reseller,End User,SKU\n15/01/2026,A,Foo,S1\n31/02/2026,A,Bar,S2\n"
    out = _read(tmp_path, "feb.csv", body)
    assert out.records["source_row"].tolist() == [2]
    assert out.quarantine["reason"].tolist() == [
        "inbox/feb.csv, row 3: field 'invoice_date' (column 'Invoice Date'): not a date: '31/02/2026'"
    ]
    assert json.loads(out.quarantine["raw"].iloc[0]) == {
        "Invoice Date": "31/02/2026", "Reseller": "A", "End User": "Bar", "SKU": "S2",
    }


# --- settings -------------------------------------------------------------------------------


def test_rep_setting_fills_the_tracker_owner(tmp_path: Path) -> None:
    out = _read(tmp_path, "alice.csv", "Customer,Expiry Date\nFoo,2026-09-30\n", _src("sales_rep", rep="Alice Smith"))
    assert out.records["rep"].tolist() == ["Alice Smith"]
    assert out.records["service_end"].tolist() == [D(2026, 9, 30)]


def test_columns_header_not_in_the_file_is_reported(tmp_path: Path) -> None:
    src = _src(columns={"customer_name": "End User Name"})
    out = _read(tmp_path, "cols.csv", "Invoice Date,Reseller,End User,SKU\n2026-03-15,A,Foo,S1\n", src)
    assert out.records["customer_name"].tolist() == ["Foo"]  # found by synonym anyway
    assert out.warnings == [
        "inbox/cols.csv: columns: customer_name names header 'End User Name', which is not in the header row"
    ]


@pytest.mark.parametrize("ending", ["\n", "", "\r\n"])
def test_header_only_file_is_empty_not_error(tmp_path: Path, ending: str) -> None:
    # typed columns (date, serials, quantity, money) over zero rows of string dtype
    header = "Invoice Date,Reseller,End User,SKU,Serial Number,Qty,Unit Price,Ext Price"
    out = _read(tmp_path, "none.csv", header + ending)
    assert out.status == "empty" and out.error is None
    assert out.records.empty and out.quarantine.empty
    assert out.sheets[0].header_row == 1 and out.rows_read == 0


def test_unexpected_failure_becomes_an_error_outcome(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sources import reader

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(reader, "type_rows", boom)
    out = _read(tmp_path, "ok.csv", "Invoice Date,Reseller,End User,SKU\n2026-01-01,A,B,C\n")
    _assert_error(out, "inbox/ok.csv: unexpected RuntimeError while reading: disk on fire")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.csv", b"", "inbox/empty.csv: the file is empty"),
        ("nohdr.csv", b"1,2,3\n4,5,6\n",
         ("inbox/nohdr.csv: no recognisable header in the first 60 lines for a distributor source "
         "(name the columns under `columns:` or set header_row)")),
        ("one.csv", b"just text\nno columns\n", "inbox/one.csv: no delimiter found: the first lines do not split into columns"),
    ],
)
def test_unreadable_text_files(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    _assert_error(_read(tmp_path, name, data), message)


def test_side_sheets_of_a_workbook_are_left_out_beside_the_data(tmp_path: Path) -> None:
    wb = Workbook()
    data = wb.active
    data.title = "Raw Data"
    data.append(["Invoice Date", "Reseller", "End User", "Part Number", "Serial Number", "Qty", "Ext Price"])
    for i in range(25):
        data.append([dt.datetime(2026, 6, 1 + i), f"Reseller {i % 3}", f"Customer {i} Ltd", f"SKU-{i % 4}",
                     f"SN{i:05d}", 1, 100 + i])
    lookups = wb.create_sheet("Lookups")
    lookups.append(["Reseller", "Reseller ID", "Region"])
    lookups.append(["Reseller 0", "R-0", "West"])
    chart = wb.create_sheet("Chart data")
    chart.append(["Month", "Invoice Date", "Revenue", "Customer", "Part Number"])
    chart.append(["Jun", dt.datetime(2026, 6, 3), 268947.24, "All", "All"])
    path = tmp_path / "inbox" / "pos.xlsx"
    path.parent.mkdir(parents=True)
    wb.save(path)
    out = read_source_file(path, "inbox/pos.xlsx", _src())
    assert len(out.records) == 25
    assert "All" not in set(out.records["reseller_name"]) and "Jun" not in set(out.records["customer_name"])
    skipped = {r.sheet: r.skipped for r in out.sheets if r.skipped}
    assert "Chart data" in skipped and any("[Chart data]: sheet left out" in w for w in out.warnings)
    # a short sheet naming few of the requirements is a lookup: left out with a warning, the file loaded
    assert out.status == "loaded" and "Lookups" in skipped
    assert any("[Lookups]: sheet left out: its name says it holds a workbook's drop-down lists, and it names no "
               "column for" in w for w in out.warnings)
    # named under sheet:, the chart sheet is read as it is (and its guess is loaded, with a warning)
    named = read_source_file(path, "inbox/pos.xlsx", _src(sheet=["Raw Data", "Chart data"]))
    assert "Jun" in set(named.records["customer_name"])


def test_two_header_rows_read_as_one(tmp_path: Path) -> None:
    top = ",".join(["Invoice", "", "Reseller", "", "End User", "", "Product", "", "", "Contract", "", ""])
    detail = ",".join(["Date", "No", "Name", "ID", "Name", "City", "Part Number", "Serial Number", "Qty",
                       "Number", "Start", "End"])
    rows = [f"2026-06-0{i + 1},INV-{i},Reseller {i},R-{i},Customer {i},Boston,SKU-{i},SN-{i},1,SC-{i},"
            f"2026-06-10,2027-06-09" for i in range(5)]
    out = _read(tmp_path, "two_rows.csv", "\n".join([top, detail, *rows]) + "\n")
    assert out.status == "loaded" and len(out.records) == 5 and out.quarantine.empty
    first = out.records.iloc[0]
    assert (first["invoice_number"], first["reseller_account"], first["customer_name"], first["customer_city"],
            first["contract_number"], first["service_end"]) == ("INV-0", "R-0", "Customer 0", "Boston", "SC-0",
                                                                D(2027, 6, 9))
    assert out.records["source_row"].tolist() == [3, 4, 5, 6, 7]


def test_a_first_data_row_of_words_is_not_taken_for_a_second_header_row(tmp_path: Path) -> None:
    body = "Invoice Date,Reseller,End User,SKU\nn/a,Acme,Foo Ltd,AB\n2026-03-16,Acme,Bar Inc,AB-2\n"
    out = _read(tmp_path, "plain.csv", body)
    assert out.sheets[0].header_row == 1


def test_day_numbers_written_as_text_in_a_workbook_and_zoned_timestamps_are_dates(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Invoice Date", "Reseller", "End User", "SKU", "Service Start", "Service End"])
    for i in range(25):
        ws.append([str(46300 + i), "Acme", f"Customer {i}", "AB-1", f"2026-10-{i % 9 + 10}T00:00:00Z",
                   f"2027-10-{i % 9 + 10}T00:00:00+02:00"])
    path = tmp_path / "inbox" / "text_days.xlsx"
    path.parent.mkdir(parents=True)
    wb.save(path)
    out = read_source_file(path, "inbox/text_days.xlsx", _src())
    assert out.quarantine.empty and len(out.records) == 25
    first = out.records.iloc[0]
    assert (first["invoice_date"], first["service_start"], first["service_end"]) == (
        D(2026, 10, 5), D(2026, 10, 10), D(2027, 10, 10))


@pytest.mark.parametrize("cut", ["2026-03-17,Acme,Baz plc,AB-3", '2026-03-17,Acme,"Baz pl'])
def test_a_file_cut_inside_its_last_row_quarantines_that_row(tmp_path: Path, cut: str) -> None:
    body = "Invoice Date,Reseller,End User,SKU,Ext Price\n2026-03-15,Acme,Foo Ltd,AB-1,6119.14\n" + cut
    out = _read(tmp_path, "copying.csv", body)
    assert out.records["customer_name"].tolist() == ["Foo Ltd"]
    assert out.quarantine["source_row"].tolist() == [3]
    assert "the file ends inside this row" in out.quarantine["reason"].iloc[0]


def test_a_complete_last_row_without_a_line_break_is_read(tmp_path: Path) -> None:
    out = _read(tmp_path, "done.csv", "Invoice Date,Reseller,End User,SKU\n2026-03-15,Acme,Foo Ltd,AB-1")
    assert out.records["customer_name"].tolist() == ["Foo Ltd"] and out.quarantine.empty


def test_headers_in_an_unknown_language_wait_for_the_block_their_values_suggest(tmp_path: Path) -> None:
    """Dhivehi, a language the vocabulary lacks: the header is found by its shape and the columns read by their
    values; two code columns could be the SKU, so nothing is loaded on a guess - the block to paste is named."""
    header = "އިންވޮއިސް ތާރީޚް,އިންވޮއިސް ނަންބަރު,ރީސެލަރު,ފަހު ކަސްޓަމަރު,ޕްރޮޑަކްޓް ކޯޑު"
    rows = [f"2026-03-{10 + i},INV-{i:05d},Acme,Customer {i},SKU-{i}" for i in range(5)]
    out = _read(tmp_path, "dhivehi.csv", "\n".join([header, *rows]) + "\n")
    assert out.status == "needs_mapping" and out.records.empty
    error = out.error or ""
    assert "no header word is known (another language?)" in error and "required field 'sku' has no sure column" in error
    assert 'invoice_date: "އިންވޮއިސް ތާރީޚް"' in error


def test_headers_in_an_unknown_language_load_when_their_values_are_plain(tmp_path: Path) -> None:
    """A rep's tracker in a language the vocabulary lacks: one name column, one serial column, one date column -
    read by their values, loaded, and said so."""
    header = "Igoa o le kamupani,Numera faasologa,Aso e muta"  # Samoan
    rows = [f"Tavita Holdings {i} Ltd,FCW24{i:05d}X,2027-0{i + 1}-15" for i in range(6)]
    out = _read(tmp_path, "faafouga.csv", "\n".join([header, *rows]) + "\n", _src("sales_rep"))
    assert out.status == "loaded" and len(out.records) == 6
    assert list(out.records["service_end"].astype(str))[:2] == ["2027-01-15", "2027-02-15"]
    assert any("no header word is known (another language?): the columns were read by their values alone" in w
               for w in out.warnings)


def test_a_file_quoted_with_single_quotes_loads_its_amounts_in_their_columns(tmp_path: Path) -> None:
    header = "'Invoice Date','Invoice No','Reseller','End User','Part Number','Description','Qty','Unit Price','Ext Price'"
    rows = [f"'2025-08-1{i}','LSQ-{i}','Acme','Foo Ltd','SWL-1Y','Threat defence subscription, 1 year','24',"
            f"'1274.41','30585.84'" for i in range(5)]
    out = _read(tmp_path, "single.csv", "\n".join([header, *rows]) + "\n")
    assert out.status == "loaded" and out.quarantine.empty and len(out.records) == 5
    first = out.records.iloc[0]
    assert (first["invoice_number"], first["reseller_name"], first["description"], first["quantity"],
            first["unit_price"], first["amount"]) == ("LSQ-0", "Acme", "Threat defence subscription, 1 year", 24,
                                                     1274.41, 30585.84)


DUP_HEADER = "Date,Document,Reseller,ID,End User,City,Part Number,Qty,Value,Contract,Date,Date"


def _dup_rows(n: int = 6) -> list[str]:
    return [f"2026-03-{10 + i},INV-{i},Acme,R-{i % 2},Customer {i},Boston,AB-{i},1,{100 + i}.00,SC-{i},"
            f"2026-04-{10 + i},2027-04-{9 + i}" for i in range(n)]


def test_a_header_written_three_times_is_warned_and_its_later_dates_read_as_the_period(tmp_path: Path) -> None:
    out = _read(tmp_path, "dup.csv", "\n".join([DUP_HEADER, *_dup_rows()]) + "\n")
    assert out.status == "loaded" and out.quarantine.empty
    first = out.records.iloc[0]
    assert (first["invoice_date"], first["service_start"], first["service_end"]) == (
        D(2026, 3, 10), D(2026, 4, 10), D(2027, 4, 9))
    assert out.sheets[0].mapping["Date (2)"] == "service_start" and out.sheets[0].mapping["Date (3)"] == "service_end"
    assert ("inbox/dup.csv: header 'Date' is written 3 times (columns 1 invoice_date, 11 service_start, "
            "12 service_end)") in out.warnings


def test_columns_names_a_repeated_header_by_its_occurrence(tmp_path: Path) -> None:
    header = "Date,Document,Reseller,ID,End User,SKU,Date"  # one later date: which one it is, only a person knows
    rows = [f"2026-03-{10 + i},INV-{i},Acme,R-{i % 2},Customer {i},AB-{i},2027-04-{9 + i}" for i in range(6)]
    body = "\n".join([header, *rows]) + "\n"
    plain = _read(tmp_path, "dup2.csv", body)
    assert plain.records["service_end"].isna().all()
    assert ("inbox/dup2.csv: header 'Date' is written 2 times (columns 1 invoice_date, 7 not read); name it under "
            'columns: as "Date (2)"') in plain.warnings
    named = _read(tmp_path, "dup2.csv", body, _src(columns={"service_end": "Date (2)", "reseller_account": "ID"}))
    assert named.sheets[0].mapping == {"Date": "invoice_date", "Document": "invoice_number", "Reseller": "reseller_name",
                                       "ID": "reseller_account", "End User": "customer_name", "SKU": "sku",
                                       "Date (2)": "service_end"}
    assert named.records["service_end"].tolist()[:2] == [D(2027, 4, 9), D(2027, 4, 10)]
    assert not any("not in the header row" in w for w in named.warnings)
