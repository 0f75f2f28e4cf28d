"""sources.text_bytes.limits_to_read: the limits a large but genuine export needs, from its lines and header."""

from pathlib import Path

from sources.limits import ReadLimits
from sources.text_bytes import limits_to_read


def test_a_file_past_the_row_and_cell_limits_asks_for_twice_its_size(tmp_path: Path) -> None:
    big = tmp_path / "crm.csv"
    big.write_bytes(b"Contract,Customer,End\n" + b"SC-1,Acme,2026-01-01\n" * 1_200)
    small = tmp_path / "small.tsv"
    small.write_bytes(b"a\tb\n1\t2\n")
    book = tmp_path / "book.xlsx"
    book.write_bytes(b"PK not read")
    limits = ReadLimits(max_rows=1_000, max_cells=3_000)
    assert limits_to_read([small, big, book, tmp_path / "gone.csv"], limits) == {"max_rows": 1_000_000,
                                                                                    "max_cells": 1_000_000}
    assert limits_to_read([small], limits) == {}
    assert limits_to_read([big]) == {}  # within the defaults


def test_only_the_limit_passed_is_raised(tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_bytes(b";".join(b"c%d" % i for i in range(40)) + b"\n" + (b"1;" * 39 + b"1\n") * 100)
    raised = limits_to_read([wide], ReadLimits(max_cells=2_000))
    assert raised == {"max_cells": 1_000_000}  # 101 lines x 40 fields = 4,040 cells; the rows fit
