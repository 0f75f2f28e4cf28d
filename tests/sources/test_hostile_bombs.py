"""Bombs at full size, each read in a fresh process whose peak memory is measured.

Before issue 10 the first of these (318 MB of rows in a 5 MB workbook) cost 10 minutes and
3.1 GB; now each is refused before parsing, naming the limit, within the memory of a process
that reads a one-line CSV (about 140 MB here: the interpreter, pandas, pyarrow and openpyxl)
plus the file's own bytes where a text file is read whole. Printed figures: `pytest -s`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.sources.hostile import (
    long_line_csv,
    member_bomb,
    peak_memory_of_reading,
    ratio_bomb,
    row_bomb,
    sparse_csv,
    workbook,
    zeros_bomb,
)

MiB = 1024**2
#: the reader of a one-line CSV, plus room; a bomb that got parsed would cost gigabytes
MEMORY_CAP = 320 * MiB


def _base(tmp: Path) -> Path:
    return workbook(tmp / "base.xlsx", [["2026-03-02", "Acme", "Foo Ltd", "AB-1", 1, "10.00"]])


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "ratio bomb (318 MB of rows behind a stored random member)": (
        lambda tmp: ratio_bomb(_base(tmp), tmp / "ratio.xlsx"),
        "over the limit max_member_ratio=100",
    ),
    "row bomb (1.2M referenced rows, 10x compression)": (
        lambda tmp: row_bomb(_base(tmp), tmp / "rows.xlsx"),
        "over the limit max_rows=1,048,576",
    ),
    "zeros bomb (3 GiB member)": (
        lambda tmp: zeros_bomb(tmp / "zeros.xlsx"),
        "over the limit max_member_ratio=100",
    ),
    "member bomb (20,000 entries)": (
        lambda tmp: member_bomb(_base(tmp), tmp / "members.xlsx"),
        "the number of members in the workbook package is 20,009, over the limit max_members=10,000",
    ),
    "50 MB field on line 2": (
        lambda tmp: long_line_csv(tmp / "line.csv"),
        "the length of line 2 in bytes is 52,428,828, over the limit max_line_bytes=1,048,576",
    ),
    "300 MiB text file": (
        lambda tmp: sparse_csv(tmp / "big.csv"),
        "the file's size in bytes is 314,572,800, over the limit max_file_bytes=268,435,456",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bomb_is_refused_within_the_memory_cap(tmp_path: Path, case: str) -> None:
    build, message = CASES[case]
    path = build(tmp_path)
    started = time.perf_counter()
    result, peak = peak_memory_of_reading(path)
    seconds = time.perf_counter() - started
    print(f"\n{case}: {path.stat().st_size:,} bytes on disk, refused in {seconds:.1f} s, peak RSS {peak / MiB:.0f} MiB")
    assert result["status"] == "error" and result["rows"] == 0
    assert "refused before parsing: " in str(result["error"]) and message in str(result["error"])
    assert peak < MEMORY_CAP


def test_control_a_one_line_file_costs_the_same(tmp_path: Path) -> None:
    """The yardstick for the figures above: what reading a harmless one-line CSV costs."""
    path = tmp_path / "one.csv"
    path.write_text("Invoice Date,Reseller,End User,SKU\n2026-03-02,Acme,Foo Ltd,AB-1\n", encoding="utf-8")
    result, peak = peak_memory_of_reading(path)
    print(f"\none-line CSV (control): peak RSS {peak / MiB:.0f} MiB")
    assert result["status"] == "loaded" and result["rows"] == 1
    assert peak < MEMORY_CAP
