"""Fixtures shared by the reading tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


def _no_calamine(*_: object, **__: object) -> None:
    raise RuntimeError("calamine unavailable")


@pytest.fixture(params=["calamine", "openpyxl"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Each test that asks for it runs through both workbook readers (calamine for values, openpyxl when
    calamine is unavailable): they must give the same records, warnings and sheet facts."""
    if request.param == "openpyxl":
        monkeypatch.setattr("sources.excel.CalamineSheets", _no_calamine)
    yield request.param
