"""Two of the thirty-fourth session's hostile files: an Excel table's totals row (the "Total Row" box of a
ListObject: "Count" under a code, sums under the amounts, often no label) is left out with a note - it was loaded
as a line continuing the document above, its amount the sheet's own total again (a source's amounts +15%); and
SAP's sign after a credit memo's units ("1-") is a minus, as it is in amounts."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.table import Table

from tests.sources.reading import read_as


def test_an_excel_tables_totals_row_is_no_line(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "POS"
    sheet.append(["Invoice Date", "Invoice No", "Reseller", "End User", "Product Code", "Ext Price"])
    for d in range(1, 6):
        sheet.append([f"2026-10-0{d}", f"INV-{d}", "Marley Computer Services", f"Customer {d} Ltd", f"SKU-{d}", 100.0 * d])
    sheet.append([None, None, None, None, 5, 1500.0])  # the totals row: a count and a sum, no label
    table = Table(displayName="Sales", ref="A1:F7")
    table.totalsRowCount = 1
    sheet.add_table(table)
    path = tmp_path / "pos.xlsx"
    book.save(path)
    out = read_as(path, "distributor")
    assert (out.rows_loaded, out.rows_quarantined) == (5, 0)
    assert sorted(out.records["amount"].tolist()) == [100.0, 200.0, 300.0, 400.0, 500.0]
    assert any("row 7 is an Excel table's totals row: left out" in w for w in out.warnings)


def test_sap_writes_a_credit_memos_units_with_the_sign_after_them() -> None:
    """Amounts read "1234.50-" as negative; a quantity "1-" quarantined the credit line."""
    import pandas as pd

    from sources.values import parse_quantity

    values, failed = parse_quantity(pd.Series(["1-", "12-", "3", "\u22122", "abc-", "1-2"]))
    assert values.tolist()[:4] == [-1, -12, 3, -2] and failed.tolist() == [False] * 4 + [True, True]


def test_a_cell_naming_a_shared_string_the_workbook_lacks_is_named(tmp_path: Path) -> None:
    """One broken reference lost the whole workbook with "IndexError: list index out of range"."""
    import re
    import zipfile

    import xlsxwriter

    from sources.config import SourceConfig
    from sources.reader import read_source_file

    built = tmp_path / "built.xlsx"
    book = xlsxwriter.Workbook(str(built))  # shared strings, as Excel writes them
    sheet = book.add_worksheet("POS")
    rows = [["Invoice Date", "Invoice No", "Reseller", "End User", "Product Code", "Ext Price"],
            *[[f"2026-10-0{d}", f"INV-{d}", "Marley Computer Services", f"Customer {d} Ltd", f"SKU-{d}", 100.0]
              for d in range(1, 6)]]
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
    book.close()
    path = tmp_path / "pos.xlsx"
    with zipfile.ZipFile(built) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":  # D5's shared string index past the table's end
                data, n = re.subn(rb'(<c r="D5"[^>]*t="s"[^>]*>\s*<v>)[0-9]+(</v>)', rb"\g<1>99999\g<2>", data)
                assert n == 1
            out.writestr(item, data)
    outcome = read_source_file(path, "inbox/pos.xlsx", SourceConfig(name="pos", kind="distributor", path="*.xlsx"))
    if outcome.status == "loaded":  # a reader that takes the broken cell as empty loses nothing either
        assert outcome.rows_loaded + outcome.rows_quarantined == 5
        return
    assert outcome.status == "error"
    assert "sheet 'POS' cell D5 names shared string 99,999; the workbook holds" in (outcome.error or "")
    assert "IndexError" not in (outcome.error or "")
