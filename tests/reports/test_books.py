"""reports.books: each part of the book keeps only where its rows lie; its frames are taken when a
workbook is written or the part is pickled for a worker, so the parts waiting hold no copy."""

import pickle
from dataclasses import fields
from pathlib import Path

import pandas as pd

from reports.books import BookPart, books, stored_book
from reports.frames import PART_FRAMES, ReportData


def _frames_equal(left: ReportData, right: ReportData) -> None:
    assert (left.as_of, left.currency) == (right.as_of, right.currency)
    for name in PART_FRAMES:
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name))


def test_a_part_holds_the_whole_book_and_its_rows_not_frames_of_its_own(data: ReportData) -> None:
    parts = books(data, "all.xlsx", "workbooks")
    assert len(parts) > 2
    assert all(part.whole is data for part in parts)  # nothing taken while the parts are listed
    for part in parts[1:]:
        assert part.rows is not None
        _frames_equal(part.data, data.take(part.rows))
        taken = part.data
        assert part.list_rows() == sum(len(getattr(taken, f)) for f in
                                       ("opportunities", "missed", "installed_base", "changes"))
    assert parts[0].data is data and parts[0].list_rows() == sum(
        len(getattr(data, f)) for f in ("opportunities", "missed", "installed_base", "changes"))


def test_a_pickled_part_arrives_as_its_own_frames_alone(data: ReportData) -> None:
    parts = books(data, "all.xlsx", "workbooks")
    reseller = next(p for p in parts if p.scope.startswith("reseller:"))
    sent = pickle.dumps(reseller.part)
    arrived = pickle.loads(sent)
    assert isinstance(arrived, ReportData)
    _frames_equal(arrived, reseller.data)
    # the reseller's rows only (what pickling its taken frames costs), not the whole book and an index
    assert len(sent) <= len(pickle.dumps(reseller.data)) + 64 < len(pickle.dumps(data))
    assert reseller.part.resolve().opportunities.shape == reseller.data.opportunities.shape


def test_the_whole_book_as_a_part_is_the_book_itself(data: ReportData) -> None:
    whole = BookPart(data, None)
    assert whole.resolve() is data
    _frames_equal(pickle.loads(pickle.dumps(whole)), data)


def test_with_the_book_stored_a_part_travels_as_its_rows_and_arrives_as_its_frames(
        data: ReportData, tmp_path: Path) -> None:
    parts = books(data, "all.xlsx", "workbooks")
    with stored_book(data, tmp_path) as stored:
        assert stored.path.parent == tmp_path
        for book in parts:
            sent = pickle.dumps(book.part_of(stored))
            arrived = pickle.loads(sent)
            for f in fields(ReportData):
                left, right = getattr(arrived, f.name), getattr(book.data, f.name)
                if isinstance(left, pd.DataFrame):
                    pd.testing.assert_frame_equal(left, right, check_exact=True)
                else:
                    assert left == right
            # the rows' positions and the file's name, not the frames
            assert len(sent) < 2_000 + 16 * sum(len(r) for r in (book.rows or {}).values())
    assert not stored.path.exists()  # the file goes with the block
