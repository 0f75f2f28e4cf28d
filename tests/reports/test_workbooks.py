"""reports.workbooks: the installed base's serials, listed per group in one pass."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from reports.workbooks import first_serials


@pytest.mark.parametrize("dtype", [object, "string"])
def test_each_group_lists_its_first_serials_sorted_and_counts_the_rest(dtype: object) -> None:
    group = np.array([1, 0, 1, 1, 1, 1, 2, 0])
    serials = pd.Series(["S5", "B2", "S1", None, "S3", "S2", None, "A9"], dtype=dtype)
    assert first_serials(group, serials, 4) == ["A9, B2", "S1, S2, S3 (+1 more)", "", ""]


def test_no_serial_at_all_gives_empty_cells() -> None:
    assert first_serials(np.array([0, 0]), pd.Series([None, None], dtype=object), 2) == ["", ""]
