"""An amount whose header says it is a month's charge ("Monthly Total", "Betrag pro Monat", "Price/mo") is read as
the charge times the months each line's service period covers; a line with no period keeps the month's charge and
the warning names it. Files written here and read as the night does."""

from __future__ import annotations

from pathlib import Path

from tests.sources.hostile import csv_text, read

HEADER = ["Invoice Date", "Reseller", "End User", "SKU", "Qty", "Service Start", "Service End"]


def _row(start: str, end: str) -> list[object]:
    return ["03/13/2026", "Rosbrook Technology", "Union Steel Inc", "CS-NBD-SRV", 1, start, end]


def test_a_months_charge_is_read_over_the_lines_period(tmp_path: Path) -> None:
    rows = [[*_row("03/14/2026", "03/13/2027"), "87.50"], [*_row("03/15/2026", "03/14/2029"), "90.00"],
            [*_row("", ""), "95.00"]]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=[*HEADER, "Monthly Total"]))
    assert [float(a) for a in out.records["amount"]] == [1050.00, 3240.00, 95.00]
    note = next(w for w in out.warnings if "a month's charge" in w)
    assert "times the months its service period covers (2 line(s)); row 4 names no service period" in note


def test_a_plain_amount_is_left_as_written(tmp_path: Path) -> None:
    rows = [[*_row("03/14/2026", "03/13/2027"), "1050.00"]]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=[*HEADER, "Amount"]))
    assert [float(a) for a in out.records["amount"]] == [1050.00]
