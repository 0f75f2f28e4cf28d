"""reports.sheet_rows: a list's rows written at once are the file XlsxWriter writes cell by cell, every
member of the package; what the bulk path does not cover, or an XlsxWriter it does not match, goes
cell by cell."""

from __future__ import annotations

import contextlib
import random
import zipfile
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter.utility

import reports.sheet_rows as sheet_rows
from reports.sheet_rows import NUMBER, ROW_CHUNK, TEXT, BodyRows, bulk_matches_xlsxwriter, write_body
from reports.xlsx_book import Book, CellNotWritten

TEXTS = ["Alpha & Sons", "<b>not bold</b>", ' "quoted" ', "tab\tand\nline", "bell\x07\x1b[0m", "_x0041_ stays",
         "Müller – 東京 🚀", "trailing ", " leading", "=1+1", "", "a" * 300, "\ufffe odd", "plain"]
NUMBERS: list[Any] = [0, 1, -1, 0.1, 1 / 3, 1e20, -2.5e-7, 123456789012345678, 99.555, 1e-320, 2**53 + 1]


def _body(book: Book, rows: int, seed: int) -> BodyRows:
    """Random text, numbers and blanks in four columns, formats first met on later rows, heights on
    and off the sheet's default."""
    rng = random.Random(seed)
    formats = [book.fmt({"num_format": f, "text_wrap": i % 2 == 0}) for i, f in
               enumerate(["General", "0%", '"$"#,##0.00', "#,##0", "yyyy-mm-dd"])]

    def pick(values: list[Any]) -> Any:
        return None if rng.random() < 0.15 else rng.choice(values)
    cells = [[pick(TEXTS) for _ in range(rows)], [pick(NUMBERS) for _ in range(rows)],
             [pick(NUMBERS) for _ in range(rows)], [pick(TEXTS) for _ in range(rows)]]
    styles = [[formats[0]] * rows, [rng.choice(formats[:3]) for _ in range(rows)],
              [formats[4] if i > rows // 2 else formats[3] for i in range(rows)], [rng.choice(formats) for _ in range(rows)]]
    return BodyRows(cells, [TEXT, NUMBER, NUMBER, TEXT], styles, [rng.choice([15.0, 27.0, 16.5, 39.0]) for _ in range(rows)])


def _book(path: Path, rows: int, seed: int, bulk: bool | None) -> None:
    with Book(path, "rows") as book:
        sheet = book.sheet("S")
        sheet.string(1, 1, "header", book.fmt({"bold": True}))
        sheet.height(1, 30)
        write_body(sheet, 2, _body(book, rows, seed), bulk=bulk)
        sheet.string(rows + 2, 1, "total", book.fmt({"italic": True}))
        sheet.ws.autofilter(f"A1:D{rows + 1}")
        book.sheet("After").string(1, 1, "another sheet", book.fmt({"font_color": "#FF0000"}))


def _assert_same_package(a: Path, b: Path) -> None:
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        assert za.namelist() == zb.namelist()
        for member in za.namelist():
            if member != "docProps/core.xml":  # the time the file was made
                assert za.read(member) == zb.read(member), member


@pytest.mark.parametrize(("rows", "seed"), [(1, 1), (7, 2), (ROW_CHUNK + 3, 3)])
def test_rows_written_at_once_are_the_package_xlsxwriter_writes_cell_by_cell(tmp_path: Path, rows: int,
                                                                             seed: int) -> None:
    paths = [tmp_path / "bulk.xlsx", tmp_path / "cells.xlsx"]
    _book(paths[0], rows, seed, bulk=True)
    _book(paths[1], rows, seed, bulk=False)
    _assert_same_package(*paths)


def test_the_check_passes_on_the_installed_xlsxwriter_and_fails_on_a_wrong_rendering(monkeypatch) -> None:
    assert bulk_matches_xlsxwriter()
    bulk_matches_xlsxwriter.cache_clear()
    monkeypatch.setattr(sheet_rows, "_row_starts", lambda ws, heights: dict.fromkeys(heights, ">"))
    try:
        assert not bulk_matches_xlsxwriter()
    finally:
        bulk_matches_xlsxwriter.cache_clear()


def test_when_the_check_fails_lists_go_cell_by_cell(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sheet_rows, "bulk_matches_xlsxwriter", lambda: False)
    monkeypatch.setattr(sheet_rows, "_write_bulk", lambda *a: pytest.fail("the bulk path was taken"))
    paths = [tmp_path / "chosen.xlsx", tmp_path / "cells.xlsx"]
    _book(paths[0], 40, 4, bulk=None)
    monkeypatch.undo()
    _book(paths[1], 40, 4, bulk=False)
    _assert_same_package(*paths)


@pytest.mark.parametrize(("cell", "writer"), [
    ("<r>rich text markup</r>", TEXT),  # XlsxWriter writes it unescaped, as rich text
    (True, NUMBER), (b"bytes", TEXT), (2.5, "write_datetime"),
])
def test_lists_the_bulk_path_does_not_cover_go_cell_by_cell(tmp_path: Path, monkeypatch, cell: Any,
                                                            writer: str) -> None:
    monkeypatch.setattr(sheet_rows, "_write_bulk", lambda *a: pytest.fail("the bulk path was taken"))
    with Book(tmp_path / "x.xlsx", "x") as book:
        fmt = book.fmt({"bold": True})
        body = BodyRows([["a", None, "c"], [1, cell, 2]] if writer != TEXT else [["a", cell, "c"], [1, 2, 3]],
                        [TEXT, writer] if writer != TEXT else [TEXT, NUMBER], [[fmt] * 3, [fmt] * 3], [15.0] * 3)
        with contextlib.suppress(TypeError, CellNotWritten):  # what XlsxWriter itself says of such a cell
            write_body(book.sheet("S"), 2, body)


def test_refusals_are_the_cell_by_cell_ones(tmp_path: Path) -> None:
    with Book(tmp_path / "x.xlsx", "x") as book:
        fmt = book.fmt({"bold": True})
        long = BodyRows([["x" * 32768]], [TEXT], [[fmt]], [15.0])
        with pytest.raises(CellNotWritten):  # past Excel's limit: XlsxWriter cuts it and says so
            write_body(book.sheet("Long"), 2, long)
        with pytest.raises(TypeError):  # XlsxWriter writes no NaN
            write_body(book.sheet("NaN"), 2, BodyRows([[float("nan")]], [NUMBER], [[fmt]], [15.0]))
        sheet = book.sheet("Late")
        sheet.string(5, 1, "row five", fmt)
        with pytest.raises(CellNotWritten):  # rows above one written already
            write_body(sheet, 3, BodyRows([["a"], ["b"]], [TEXT, TEXT], [[fmt], [fmt]], [15.0]), bulk=True)


def test_an_xlsxwriter_without_the_private_helpers_fails_the_check_not_the_import(monkeypatch) -> None:
    bulk_matches_xlsxwriter.cache_clear()
    sheet_rows._text_parts.cache_clear()
    monkeypatch.delattr(xlsxwriter.utility, "_preserve_whitespace")
    try:
        assert not bulk_matches_xlsxwriter()
    finally:
        monkeypatch.undo()
        bulk_matches_xlsxwriter.cache_clear()
        sheet_rows._text_parts.cache_clear()
    assert bulk_matches_xlsxwriter()
