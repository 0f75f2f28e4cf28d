"""A hidden sheet holding a table of the source's kind is not read, as before, but said: a warning and the sheet's
skip reason name it and its rows (before: a hidden month's lines were dropped with no word). Rows the sheet hides (by
hand or by a filter) are read as lines, and named."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from tests.sources.hostile import POS_HEADER, read_path


def test_hidden_sheets_holding_lines_are_named_with_their_rows(tmp_path: Path) -> None:
    wb = Workbook()
    visible = wb.active
    visible.title = "Mar 2026"
    for row in [POS_HEADER, ["2026-03-02", "Infocore", "Delta Legal", "C9300", 1, 100]]:
        visible.append(row)
    for title, state, n in (("Apr 2026", "hidden", 4), ("May 2026", "veryHidden", 3), ("Lists", "hidden", 0)):
        sheet = wb.create_sheet(title)
        sheet.sheet_state = state
        if n:
            sheet.append(POS_HEADER)
        for d in range(n):
            sheet.append([f"2026-04-{d + 1:02d}", "Infocore", f"Customer {d}", "C9300", 1, 100])
        if not n:
            sheet.append(["Resellers"])
    path = tmp_path / "inbox" / "pos.xlsx"
    path.parent.mkdir(parents=True)
    wb.save(path)
    out = read_path(path)
    assert out.status == "loaded" and out.rows_loaded == 1
    said = [w for w in out.warnings if "hidden, holding a table" in w]
    assert said == [
        "inbox/pos.xlsx [Mar 2026]: sheet 'Apr 2026' is hidden, holding a table of 4 rows: not read (name it under "
        "`sheet:` with the visible sheets to read it)",
        "inbox/pos.xlsx [Mar 2026]: sheet 'May 2026' is hidden, holding a table of 3 rows: not read (name it under "
        "`sheet:` with the visible sheets to read it)"]
    assert {s.sheet: s.skipped for s in out.sheets}["Lists"] == "hidden sheet"


def test_rows_the_sheet_hides_are_read_and_named(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(POS_HEADER)
    for d in range(6):
        ws.append([f"2026-03-{d + 1:02d}", "Infocore", f"Customer {d}", "C9300", 1, 100])
    ws.row_dimensions[3].hidden = True  # hidden by hand
    ws.row_dimensions[5].hidden = True
    path = tmp_path / "inbox" / "pos.xlsx"
    path.parent.mkdir(parents=True)
    wb.save(path)
    out = read_path(path)
    assert out.status == "loaded" and out.rows_loaded == 6
    assert ("inbox/pos.xlsx [Sheet]: rows 3, 5 are hidden in the sheet (by hand or by a filter): read as lines like "
            "the others") in out.warnings


def test_rows_struck_through_are_read_and_named(tmp_path: Path) -> None:
    """A rep crosses out a lost deal with a strikethrough font: the rows loaded as live renewals with no word."""
    from openpyxl.styles import Font

    from sources.config import SourceConfig
    from sources.reader import read_source_file

    wb = Workbook()
    ws = wb.active
    ws.append(["Customer", "Contract #", "Product", "Expiry", "Renewal Value"])
    for i in range(6):
        ws.append([f"Customer {i}", f"SC-{i}", "CS-NBD", f"2027-0{i + 1}-15", 1000 + i])
    struck = Font(strike=True, color="FF0000")
    for row in (3, 6):
        for cell in ws[row]:
            cell.font = struck
    ws["A4"].font = struck  # one struck cell is no struck row
    wb.save(tmp_path / "tracker.xlsx")
    out = read_source_file(tmp_path / "tracker.xlsx", "tracker.xlsx",
                           SourceConfig(name="t", kind="sales_rep", path="*", rep="Ann"))
    assert out.status == "loaded" and out.rows_loaded == 6
    assert any("rows 3, 6 are struck through in the sheet (a deal crossed out?): read as lines like the others" in w
               for w in out.warnings), out.warnings
