"""reports.frames: every part of the book split in one pass equals the part `where_rows` picks."""

from __future__ import annotations

import pandas as pd
import pytest

from reports.frames import PART_FRAMES, ReportData


@pytest.mark.parametrize("column", ["rep", "reseller_id"])
def test_parts_are_the_parts_where_picks(data: ReportData, column: str) -> None:
    parts = {key: data.take(rows) for key, rows in data.part_rows(column).items()}
    values = {v for name in PART_FRAMES for v in getattr(data, name)[column].dropna()}
    assert set(parts) == values and len(parts) >= 2
    for key, part in parts.items():
        picked = data.take(data.where_rows(**{column: key}))
        for name in PART_FRAMES:
            pd.testing.assert_frame_equal(getattr(part, name), getattr(picked, name))
        assert part.scorecards is data.scorecards and part.as_of == data.as_of


def test_a_part_missing_from_a_frame_gets_that_frame_empty_with_its_columns(data: ReportData) -> None:
    only_missed = data.missed.assign(rep="Nobody Else")
    book = ReportData(data.as_of, data.currency, data.opportunities, data.forecast, only_missed)
    lonely = book.take(book.part_rows("rep")["Nobody Else"])
    assert len(lonely.missed) == len(data.missed) and lonely.opportunities.empty
    assert list(lonely.opportunities.columns) == list(data.opportunities.columns)

