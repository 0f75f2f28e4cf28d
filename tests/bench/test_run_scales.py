"""`make bench BENCH_SCALE=...`: world sizes as people write them."""

from __future__ import annotations

import argparse

import pytest

from bench.run import ROWS_PER_SCALE, source_rows


@pytest.mark.parametrize(("text", "rows"), [("10k", 10_000), ("1M", 1_000_000), ("5m", 5_000_000),
                                            ("2.5M", 2_500_000), ("100_000", 100_000), ("250,000", 250_000)])
def test_sizes_in_rows(text: str, rows: int) -> None:
    assert source_rows(text) == rows


def test_a_size_that_is_no_number_is_refused_by_name() -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="'lots'"):
        source_rows("lots")


def test_a_million_rows_is_the_demo_world_of_scale_100() -> None:
    assert source_rows("1M") / ROWS_PER_SCALE == 100
