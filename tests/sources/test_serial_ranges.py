"""Serials written as a range ("HXS49000201-HXS49000203", "…201-203", "A..B", "A to B", "A - B") are the units they
span where the count is the line's quantity; a range that does not match its quantity stays as written, named in a
warning, and "to" is never a unit. Files written here and read as the night does."""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.serial_ranges import spanned
from tests.sources.hostile import csv_text, read

HEADER = ["Invoice Date", "Reseller", "End User", "SKU", "Serial Number", "Qty", "Amount"]


@pytest.mark.parametrize(("serials", "units"), [
    (["HXS49000201-HXS49000203"], ["HXS49000201", "HXS49000202", "HXS49000203"]),
    (["HXS53000201-203"], ["HXS53000201", "HXS53000202", "HXS53000203"]),
    (["HXS53000501..502"], ["HXS53000501", "HXS53000502"]),
    (["HXS53000301–HXS53000303"], ["HXS53000301", "HXS53000302", "HXS53000303"]),
    (["HXS53000601", "HXS53000603"], ["HXS53000601", "HXS53000602", "HXS53000603"]),
    (["HXS53000601", "HXS53000602"], None),  # two units listed: no range to span
    (["FOC1234X0AB-FOC1234X0AC"], None), (["2024-0001"], None), (["12-3456"], None), (["ABC-12345"], None),
])
def test_the_units_a_range_spans(serials: list[str], units: list[str] | None) -> None:
    found = spanned(serials)
    assert (found[0] if found else None) == units


def _row(serial: str, qty: int) -> list[object]:
    return ["03/14/2026", "Quinmore Infrastructure", "Magnolia Insurance", "CS-NBD-SRV", serial, qty, "1000.00"]


def test_ranges_of_the_lines_quantity_are_its_units(tmp_path: Path) -> None:
    rows = [_row("HXS49000201-HXS49000202", 2), _row("HXS49000301 - HXS49000303", 3),
            _row("HXS53000601 to HXS53000603", 3), _row("HXS53000701", 1)]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=HEADER))
    assert [list(s) for s in out.records["serial_numbers"]] == [
        ["HXS49000201", "HXS49000202"], ["HXS49000301", "HXS49000302", "HXS49000303"],
        ["HXS53000601", "HXS53000602", "HXS53000603"], ["HXS53000701"]]
    assert any("rows 2-4: serials written as a range" in w for w in out.warnings)


def test_a_range_that_is_not_its_lines_quantity_stays_as_written(tmp_path: Path) -> None:
    rows = [_row("HXS49000201-HXS49000205", 2), _row("HXS53000701", 1)]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=HEADER))
    assert [list(s) for s in out.records["serial_numbers"]] == [["HXS49000201-HXS49000205"], ["HXS53000701"]]
    assert any("row 2: a serial range whose count is not the line's quantity" in w for w in out.warnings)
