"""Workbooks: header under merged titles, every sheet, merged cells, formulas, damaged files."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from sources.excel import check_workbook_file, merged_ranges, read_workbook
from sources.table import FileReadError, RawTable

HEADER = ["Ship Date", "Reseller", "End User", "Part Number", "Serial Number", "Ext Price"]


def _pos_workbook(path: Path) -> Path:
    """A distributor workbook as people make them.

    Sheet "POS Q1": merged title A1:F1, a subtitle, a blank spacer row, header on row 4,
    then an Excel date cell, a General-format serial, numeric serials, a formula, a blank row
    and a total row. Sheet "Read me": no header. Sheet "POS Q2": header on row 1, a customer
    merged down two rows.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "POS Q1"
    ws["A1"] = "Ingram Micro – POS report"
    ws.merge_cells("A1:F1")
    ws["A2"] = "Period: Q1 2026"
    for col, text in enumerate(HEADER, start=1):
        ws.cell(row=4, column=col, value=text)
    rows = {
        5: [dt.datetime(2026, 3, 15), "Acme", "Foo Ltd", "AB-1", 123456789, 3000],
        6: [46100, "Acme", "Bar Inc", "AB-2", "S/N: X1\nS/N: X2", "=10*2"],
        8: [dt.datetime(2026, 4, 1), "Acme", "Baz plc", "AB-3", 98765432.0, "$1,500.00"],
        9: ["Grand Total", None, None, None, None, 4520],
    }
    for r, values in rows.items():
        for c, v in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=v)
    ws["A5"].number_format = "dd/mm/yyyy"
    ws["A8"].number_format = "dd/mm/yyyy"
    notes = wb.create_sheet("Read me")
    notes["A1"] = "This workbook lists last quarter's sell-through."
    notes["A2"] = "Questions: pos@example.com"
    q2 = wb.create_sheet("POS Q2")
    q2.append(["Invoice Date", "Reseller", "Customer", "SKU"])
    q2.append(["2026-05-01", "Acme", "Merged Customer", "S1"])
    q2.append(["2026-05-02", "Acme", None, "S2"])
    q2.merge_cells("C2:C3")
    wb.save(path)
    return path


def _rewrite(path: Path, member: str, old: str, new: str) -> None:
    """Replace text inside one part of a saved workbook (to make it look as Excel saves it)."""
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    # an empty value as ElementTree writes it; openpyxl on lxml (a dependency) writes "<v></v>"
    xml = members[member].decode().replace("<v></v>", "<v />").replace("<v/>", "<v />")
    assert old in xml
    members[member] = xml.replace(old, new).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def _cache_formula_value(path: Path, sheet_xml: str, formula: str, value: str) -> None:
    """Give a formula the cached value Excel would have saved (openpyxl writes none)."""
    _rewrite(path, sheet_xml, f"<f>{formula}</f><v />", f"<f>{formula}</f><v>{value}</v>")


def _rows(table: RawTable) -> list[list[object]]:
    return [list(r) for r in table.cells.itertuples(index=False)]


def _by_sheet(tables: list[RawTable]) -> dict[str, RawTable]:
    return {t.sheet: t for t in tables}


def test_every_sheet_with_a_header_is_read(tmp_path: Path) -> None:
    tables, skipped = read_workbook(_pos_workbook(tmp_path / "pos.xlsx"), "distributor")
    assert [t.sheet for t in tables] == ["POS Q1", "POS Q2"]
    assert [(s.sheet, s.reason) for s in skipped] == [
        ("Read me", "no recognisable distributor header in the first 40 rows")
    ]


def test_header_under_merged_title_and_row_numbers(tmp_path: Path) -> None:
    tables, _ = read_workbook(_pos_workbook(tmp_path / "pos.xlsx"), "distributor")
    q1 = _by_sheet(tables)["POS Q1"]
    assert q1.header_row == 4
    assert q1.header.headers == HEADER
    assert q1.header.mapping == {
        0: "invoice_date", 1: "reseller_name", 2: "customer_name", 3: "sku", 4: "serial_numbers", 5: "amount",
    }
    assert q1.row_numbers.tolist() == [5, 6, 7, 8, 9]
    assert q1.epoch == dt.datetime(1899, 12, 30)


def test_a_line_merged_across_the_whole_sheet_is_a_banner_not_a_value_per_column(tmp_path: Path) -> None:
    """A notice under the data merged from A across every column keeps its text in A only (a footnote
    line), while a block over some columns is still spread (a reseller merged over two lines)."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Invoice Date", "Reseller", "End User", "SKU", "Amount"])
    ws.append([dt.datetime(2026, 3, 15), "Acme", "Foo Ltd", "AB-1", 100])
    ws.append([dt.datetime(2026, 3, 16), None, "Bar Inc", "AB-2", 200])
    ws.append(["Confidential - do not distribute"])
    ws.merge_cells("B2:B3")
    ws.merge_cells("A4:E4")
    wb.save(tmp_path / "banner.xlsx")
    (table,) = read_workbook(tmp_path / "banner.xlsx", "distributor")[0]
    assert _rows(table)[:2] == [[dt.datetime(2026, 3, 15), "Acme", "Foo Ltd", "AB-1", 100],
                                [dt.datetime(2026, 3, 16), "Acme", "Bar Inc", "AB-2", 200]]
    assert _rows(table)[2] == ["Confidential - do not distribute", None, None, None, None]
    assert [b.ref for b in table.merged] == ["B2:B3"]


def test_raw_cell_values_keep_their_excel_types(tmp_path: Path) -> None:
    tables, _ = read_workbook(_pos_workbook(tmp_path / "pos.xlsx"), "distributor")
    rows = _rows(_by_sheet(tables)["POS Q1"])
    assert rows[0] == [dt.datetime(2026, 3, 15), "Acme", "Foo Ltd", "AB-1", 123456789, 3000]
    assert rows[1][0] == 46100  # a date typed as General arrives as its serial number
    assert rows[1][4] == "S/N: X1\nS/N: X2"
    assert rows[1][5] is None  # formula saved by a library: no cached value
    assert rows[2] == [None] * 6  # the blank spacer row is kept (records.py counts it)
    assert rows[3] == [dt.datetime(2026, 4, 1), "Acme", "Baz plc", "AB-3", 98765432, "$1,500.00"]
    assert rows[4] == ["Grand Total", None, None, None, None, 4520]


def test_formula_without_saved_value_is_reported(tmp_path: Path) -> None:
    tables, _ = read_workbook(_pos_workbook(tmp_path / "pos.xlsx"), "distributor")
    q1 = _by_sheet(tables)["POS Q1"]
    assert len(q1.warnings) == 1
    assert q1.warnings[0].startswith("1 formula cell(s) have no saved value and read as empty (F6)")
    assert _by_sheet(tables)["POS Q2"].warnings == []


def test_formula_with_cached_value_is_read(tmp_path: Path) -> None:
    path = _pos_workbook(tmp_path / "pos.xlsx")
    _cache_formula_value(path, "xl/worksheets/sheet1.xml", "10*2", "20")
    tables, _ = read_workbook(path, "distributor")
    q1 = _by_sheet(tables)["POS Q1"]
    assert _rows(q1)[1][5] == 20
    assert q1.warnings == []


def test_formula_with_cached_empty_text_is_not_reported(tmp_path: Path) -> None:
    path = _pos_workbook(tmp_path / "pos.xlsx")
    _rewrite(path, "xl/worksheets/sheet1.xml", '<c r="F6"><f>10*2</f><v /></c>', '<c r="F6" t="str"><f>""</f><v></v></c>')
    tables, _ = read_workbook(path, "distributor")
    assert _by_sheet(tables)["POS Q1"].warnings == []


def test_relationship_attributes_in_excel_order(tmp_path: Path) -> None:
    # openpyxl writes Target before Id, Excel writes Id first: both must find the sheet parts
    path = _pos_workbook(tmp_path / "pos.xlsx")
    with zipfile.ZipFile(path) as zf:
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    first = rels[rels.index("<Relationship "):rels.index("/>", rels.index("<Relationship ")) + 2]
    attrs = dict(part.split("=", 1) for part in first[len("<Relationship "):-2].split())
    excel_order = f"<Relationship Id={attrs['Id']} Type={attrs['Type']} Target={attrs['Target']}/>"
    _rewrite(path, "xl/_rels/workbook.xml.rels", first, excel_order)
    assert merged_ranges(path)["POS Q1"] == [(1, 1, 6, 1)]


def test_merged_cell_value_spreads_over_its_block(tmp_path: Path) -> None:
    path = _pos_workbook(tmp_path / "pos.xlsx")
    assert merged_ranges(path) == {"POS Q1": [(1, 1, 6, 1)], "Read me": [], "POS Q2": [(3, 2, 3, 3)]}
    tables, _ = read_workbook(path, "distributor")
    q2 = _by_sheet(tables)["POS Q2"]
    assert q2.header_row == 1
    assert q2.row_numbers.tolist() == [2, 3]
    assert _rows(q2) == [["2026-05-01", "Acme", "Merged Customer", "S1"], ["2026-05-02", "Acme", "Merged Customer", "S2"]]


def test_merged_ranges_on_a_sheet_name_with_xml_escapes(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "R&D <EMEA>"
    ws.append(["Customer", "Expiry Date"])
    ws.append(["Foo", "2026-01-01"])
    ws.append([None, "2026-02-01"])
    ws.merge_cells("A2:A3")
    wb.save(tmp_path / "esc.xlsx")
    assert merged_ranges(tmp_path / "esc.xlsx") == {"R&D <EMEA>": [(1, 2, 1, 3)]}
    tables, _ = read_workbook(tmp_path / "esc.xlsx", "sales_rep")
    assert _rows(tables[0]) == [["Foo", "2026-01-01"], ["Foo", "2026-02-01"]]


def test_configured_sheets_only(tmp_path: Path) -> None:
    path = _pos_workbook(tmp_path / "pos.xlsx")
    tables, skipped = read_workbook(path, "distributor", sheets=["POS Q2"])
    assert [t.sheet for t in tables] == ["POS Q2"]
    assert [(s.sheet, s.reason) for s in skipped] == [
        ("POS Q1", "not configured under `sheet:`"), ("Read me", "not configured under `sheet:`"),
    ]
    with pytest.raises(FileReadError, match=r"sheet\(s\) \['POS Q3'\] not in the workbook \(it has \['POS Q1', 'Read me', 'POS Q2'\]\)"):
        read_workbook(path, "distributor", sheets=["POS Q3"])


def test_hidden_sheet_is_skipped_unless_configured(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Customer", "Expiry Date"])
    ws.append(["Foo", "2026-01-01"])
    hidden = wb.create_sheet("Old")
    hidden.append(["Customer", "Expiry Date"])
    hidden.append(["Bar", "2025-01-01"])
    hidden.sheet_state = "hidden"
    wb.save(tmp_path / "h.xlsx")
    tables, skipped = read_workbook(tmp_path / "h.xlsx", "sales_rep")
    assert [t.sheet for t in tables] == ["Sheet"]
    assert [(s.sheet, s.reason) for s in skipped] == [("Old", "hidden, holding a table of 1 rows: not read (name it "
                                                             "under `sheet:` with the visible sheets to read it)")]
    tables, _ = read_workbook(tmp_path / "h.xlsx", "sales_rep", sheets=["Old"])
    assert _rows(tables[0]) == [["Bar", "2025-01-01"]]


def test_table_that_starts_away_from_a1(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws["C3"], ws["D3"] = "Customer", "Expiry Date"
    ws["C4"], ws["D4"] = "Foo", dt.datetime(2026, 1, 1)
    ws["C6"], ws["D6"] = "Bar", dt.datetime(2026, 2, 1)
    wb.save(tmp_path / "c3.xlsx")
    tables, _ = read_workbook(tmp_path / "c3.xlsx", "sales_rep")
    t = tables[0]
    assert t.header_row == 3
    assert t.header.mapping == {2: "customer_name", 3: "service_end"}
    assert t.row_numbers.tolist() == [4, 5, 6]
    assert _rows(t)[2] == [None, None, "Bar", dt.datetime(2026, 2, 1)]


def test_configured_header_row_below_the_search_window(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    for r in range(1, 46):
        ws.cell(row=r, column=1, value=f"disclaimer line {r}")
    ws.append(["Customer", "Expiry Date"])  # row 46
    ws.append(["Foo", "2026-01-01"])
    wb.save(tmp_path / "deep.xlsx")
    tables, skipped = read_workbook(tmp_path / "deep.xlsx", "sales_rep")  # found below the window, with a note
    assert tables[0].header_row == 46 and tables[0].row_numbers.tolist() == [47] and not skipped
    assert "the header is on row 46, below the first 40 rows searched" in tables[0].warnings[0]
    tables, _ = read_workbook(tmp_path / "deep.xlsx", "sales_rep", header_row=46)
    assert tables[0].header_row == 46 and tables[0].row_numbers.tolist() == [47]
    tables, skipped = read_workbook(tmp_path / "deep.xlsx", "sales_rep", header_row=99)
    assert tables == [] and skipped[0].reason == "header_row 99 is past the end of the sheet"


def test_1904_workbook_reports_its_epoch(tmp_path: Path) -> None:
    wb = Workbook()
    wb.epoch = dt.datetime(1904, 1, 1)
    ws = wb.active
    ws.append(["Customer", "Expiry Date"])
    ws.append(["Foo", 44636])
    wb.save(tmp_path / "mac.xlsx")
    tables, _ = read_workbook(tmp_path / "mac.xlsx", "sales_rep")
    assert tables[0].epoch == dt.datetime(1904, 1, 1)


# --- damaged files ----------------------------------------------------------------------------


def test_truncated_workbook(tmp_path: Path) -> None:
    good = _pos_workbook(tmp_path / "good.xlsx").read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good[: len(good) // 2])
    with pytest.raises(FileReadError, match="not a valid .xlsx: the file is truncated or corrupt"):
        check_workbook_file(cut)
    with pytest.raises(FileReadError, match="truncated or corrupt"):
        read_workbook(cut, "distributor")


def test_ole2_file(tmp_path: Path) -> None:
    ole = tmp_path / "protected.xlsx"
    ole.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 1024)
    with pytest.raises(FileReadError, match="OLE2 file: a password-protected workbook or an old .xls"):
        read_workbook(ole, "distributor")


def test_corrupt_member(tmp_path: Path) -> None:
    data = bytearray(_pos_workbook(tmp_path / "good.xlsx").read_bytes())
    # flip bytes inside the first member's compressed data: the zip directory stays intact
    with zipfile.ZipFile(tmp_path / "good.xlsx") as zf:
        info = zf.infolist()[0]
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start, start + min(8, info.compress_size)):
        data[i] ^= 0xFF
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(bytes(data))
    with pytest.raises(FileReadError, match="not a valid .xlsx"):
        read_workbook(bad, "distributor")


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(FileReadError, match="not a readable workbook"):
        read_workbook(path, "distributor")


def test_text_renamed_to_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "renamed.xlsx"
    path.write_text("Customer,Expiry Date\nFoo,2026-01-01\n")
    with pytest.raises(FileReadError, match="no zip directory"):
        read_workbook(path, "sales_rep")


# --- the two readers ----------------------------------------------------------------------------


def _no_openpyxl(*_: object, **__: object) -> None:
    raise AssertionError("openpyxl was opened")


def _no_calamine(*_: object, **__: object) -> None:
    raise RuntimeError("calamine unavailable")


def test_calamine_reads_a_plain_workbook_with_the_values_openpyxl_gives(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = _pos_workbook(tmp_path / "pos.xlsx")
    with monkeypatch.context() as m:
        m.setattr("sources.excel.load_workbook", _no_openpyxl)  # calamine alone reads it
        fast, fast_skipped = read_workbook(path, "distributor")
    with monkeypatch.context() as m:
        m.setattr("sources.excel.CalamineSheets", _no_calamine)
        slow, slow_skipped = read_workbook(path, "distributor")
    assert fast_skipped == slow_skipped and [t.sheet for t in fast] == [t.sheet for t in slow]
    for a, b in zip(fast, slow, strict=True):
        assert (a.header_row, a.row_numbers.tolist(), a.epoch) == (b.header_row, b.row_numbers.tolist(), b.epoch)
        assert a.cells.to_dict("list") == b.cells.to_dict("list")
        assert [[type(v) for v in col] for col in a.cells.to_dict("list").values()] == [
            [type(v) for v in col] for col in b.cells.to_dict("list").values()]
    serials = fast[0].cells["4"].tolist()
    assert serials[0] == 123456789 and type(serials[0]) is int  # a numeric serial is not '123456789.0'


def test_a_time_cell_sends_the_workbook_to_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Customer", "Expiry Date", "Call at"])
    ws.append(["Foo", dt.datetime(2026, 5, 1), dt.time(9, 30)])
    wb.save(tmp_path / "times.xlsx")
    opened: list[Path] = []
    real = __import__("sources.excel", fromlist=["load_workbook"]).load_workbook

    def spy(path: Path, **kwargs: object) -> object:
        opened.append(path)
        return real(path, **kwargs)

    monkeypatch.setattr("sources.excel.load_workbook", spy)
    tables, _ = read_workbook(tmp_path / "times.xlsx", "sales_rep")
    assert opened == [tmp_path / "times.xlsx"]
    assert tables[0].cells.iloc[0].tolist() == ["Foo", dt.datetime(2026, 5, 1), dt.time(9, 30)]


def test_a_required_cell_that_is_a_formula_saved_with_no_value_says_so(tmp_path: Path) -> None:
    """A VLOOKUP customer written by a library that does not calculate: the line is quarantined, and
    its reason names the formula, not only an empty field (the warning names the cells)."""
    from sources.config import SourceConfig
    from sources.reader import read_source_file

    wb = Workbook()
    ws = wb.active
    ws.append(["Invoice Date", "Invoice No", "Reseller", "End Customer Name", "SKU", "Serial", "Amount"])
    ws.append([dt.date(2026, 3, 1), "INV-1", "Acme", "Foo Ltd", "AB-1", "SN1", 100])
    ws.append([dt.date(2026, 3, 2), "INV-2", "Acme", "=VLOOKUP(E3,Lookup!A:B,2,0)", "AB-2", "SN2", 200])
    ws.append([dt.date(2026, 3, 3), "INV-3", "Acme", None, "AB-3", "SN3", 300])
    wb.save(tmp_path / "pos.xlsx")
    src = SourceConfig(name="pos", kind="distributor", path="*.xlsx")
    out = read_source_file(tmp_path / "pos.xlsx", "pos.xlsx", src)
    reasons = dict(zip(out.quarantine["source_row"], out.quarantine["reason"], strict=True))
    assert "formula saved with no value" in reasons[3] and "open it in Excel and save it again" in reasons[3]
    assert "is empty" in reasons[4] and "formula" not in reasons[4]


def test_a_returns_table_under_the_sales_is_read_by_its_own_header_as_credits(tmp_path: Path) -> None:
    """Below the sales, a blank row, a title "Returns" and a header of other names ("Return Date", "RMA No.", "Qty
    Returned", "Credit Amount"): its lines were read through the sales header's columns (a SKU '1', a serial as
    the state) and cost every sales line its description; now it is a table of its own, its lines credits."""
    from sources.config import SourceConfig
    from sources.reader import read_source_file

    wb = Workbook()
    ws = wb.active
    ws.append(["Invoice Date", "Invoice No", "Reseller", "End Customer", "Part Number", "Description", "Qty", "Amount"])
    ws.append([dt.date(2026, 3, 13), "INV-1", "Rosbrook", "Union Steel", "CS-NBD", "Support NBD, 1 year", 1, 1077])
    ws.append([dt.date(2026, 3, 14), "INV-2", "Quinmore", "Magnolia", "CS-NBD", "Support NBD, 1 year", 2, 2228.5])
    ws.append([])
    ws.append(["Returns"])
    ws.append(["Return Date", "RMA No.", "Reseller", "End Customer", "Part Number", "Qty Returned", "Credit Amount"])
    for day, rma, amount in ((28, "RMA-1", 1077), (29, "RMA-2", 1114.25), (30, "RMA-3", 990)):
        ws.append([dt.date(2026, 3, day), rma, "Rosbrook", "Union Steel", "CS-NBD", 1, amount])
    wb.save(tmp_path / "pos.xlsx")
    out = read_source_file(tmp_path / "pos.xlsx", "pos.xlsx", SourceConfig(name="pos", kind="distributor", path="*"))
    assert out.status == "loaded" and out.rows_loaded == 5 and out.quarantine.empty
    assert list(out.records["description"])[:2] == ["Support NBD, 1 year"] * 2
    assert [float(a) for a in out.records["amount"]] == [1077.0, 2228.5, -1077.0, -1114.25, -990.0]
    assert [float(q) for q in out.records["quantity"]] == [1.0, 2.0, -1.0, -1.0, -1.0]
    assert any("row 6 is the header of another table ('Return Date', 'RMA No.'" in w for w in out.warnings)
    assert any("the header names returns ('Return Date'): its 3 lines with positive amount and quantity read as "
               "credits" in w for w in out.warnings), out.warnings
