"""A panic in python-calamine's Rust code (python-calamine issue 111: some damaged workbooks) reaches
Python as PyO3's `PanicException`, a BaseException that `except Exception` lets through. It is read as
an ordinary error: an .xlsx falls back to openpyxl and loads, an .ods is an error naming the file, and
the night goes on. The panic is raised by a stand-in for calamine's workbook, on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sources import excel_calamine
from tests.sources.hostile import read_path, workbook
from tests.sources.test_other_workbooks import HEADER, ROWS, _ods


class PanicException(BaseException):  # noqa: N818 - PyO3's name, which is how the reader tells it
    """What PyO3 raises for a Rust panic: a BaseException of this name."""


class _PanickingWorkbook:
    @classmethod
    def from_path(cls, path: str) -> object:
        raise PanicException("called `Option::unwrap()` on a `None` value")


@pytest.fixture
def panicking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(excel_calamine, "CalamineWorkbook", _PanickingWorkbook)


@pytest.mark.usefixtures("panicking")
def test_an_xlsx_calamine_panics_on_is_read_by_openpyxl(tmp_path: Path) -> None:
    out = read_path(workbook(tmp_path / "inbox" / "pos.xlsx", [["2024-03-01", "Infocore", "Delta Legal", "C9300", 1, 5]]))
    assert out.status == "loaded" and out.rows_loaded == 1


@pytest.mark.usefixtures("panicking")
def test_an_ods_calamine_panics_on_is_an_error_naming_the_file(tmp_path: Path) -> None:
    out = read_path(_ods(tmp_path / "inbox" / "pos.ods", [HEADER, *ROWS]))
    assert out.status == "error"
    assert out.error is not None and out.error.startswith("inbox/pos.ods: not a readable .ods workbook")
    assert "Option::unwrap()" in out.error and "unexpected" not in out.error


def test_other_base_exceptions_pass_through() -> None:
    with pytest.raises(KeyboardInterrupt), excel_calamine.panics_as_errors():
        raise KeyboardInterrupt


def test_a_panic_while_reading_an_ods_sheet_is_an_error_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def panic(self: object, name: str, limits: object = None) -> list[list[object]]:
        with excel_calamine.panics_as_errors():
            raise PanicException("index out of bounds")

    monkeypatch.setattr(excel_calamine.CalamineSheets, "rows", panic)
    out = read_path(_ods(tmp_path / "inbox" / "pos.ods", [HEADER, *ROWS]))
    assert out.status == "error" and out.error is not None
    assert out.error.startswith("inbox/pos.ods: not a readable .ods workbook") and "index out of bounds" in out.error
