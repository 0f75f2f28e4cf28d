"""A block of lines a file holds twice, cell for cell and in order (an export pasted twice), is read once, with a
warning naming both blocks (`sources.pasted_blocks`); a line written twice stays two lines."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from sources.pasted_blocks import PastedBlock, repeated_blocks
from tests.sources.hostile import csv_text, read

ROWS = [[f"2024-03-{d:02d}", "Infocore", f"Customer {d}", f"SKU-{d}", 1, 100 * d] for d in range(1, 6)]


def test_a_block_pasted_twice_is_read_once_with_a_warning(tmp_path: Path) -> None:
    out = read(tmp_path, "pos.csv", csv_text(ROWS + ROWS))
    assert out.status == "loaded" and out.rows_loaded == 5
    assert [float(a) for a in out.records["amount"]] == [100.0, 200.0, 300.0, 400.0, 500.0]
    assert ("inbox/pos.csv: lines 7-11 repeat lines 2-6 cell for cell (a block pasted twice?): read once, the repeat "
            "skipped and counted with the total rows") in out.warnings


def test_two_equal_lines_and_a_short_run_stay_lines(tmp_path: Path) -> None:
    out = read(tmp_path, "pos.csv", csv_text([*ROWS, ROWS[4], *ROWS[:2]]))  # one line twice in a row, a run of two
    assert out.rows_loaded == 8 and not any("pasted twice" in w for w in out.warnings)


def test_blocks_are_found_past_blank_rows_and_never_overlap() -> None:
    cells = pd.DataFrame([["a"], ["b"], ["c"], [None], ["a"], ["b"], ["c"], ["a"], ["a"], ["a"], ["a"]])
    skipped = cells[0].isna().to_numpy()
    marked, blocks = repeated_blocks(cells, skipped)
    assert blocks == [PastedBlock(4, 0, 3)]
    assert np.flatnonzero(marked).tolist() == [4, 5, 6]  # "a a a a" repeats no earlier run of three
    units = pd.DataFrame([["x"]] * 20_000)  # one line per unit of an item (a run a fuzzed file writes): no block
    assert repeated_blocks(units, np.zeros(20_000, dtype=bool))[1] == []
