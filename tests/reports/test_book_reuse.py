"""Books whose inputs did not change are carried over from out/; changed or touched ones are written."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import openpyxl
import pandas as pd

from reports.book_reuse import LEDGER, BookLedger, WholeBook, inputs_digest
from reports.frames import ReportData
from reports.outputs import ReportFiles, book_parts, write_report_files
from reports.review_workbook import write_review_workbook
from reports.summary import summarise_books
from reports.valuation import ValuationSettings
from reports.write_pool import WriteJob


def _write(data: ReportData, settings: ValuationSettings, out: Path) -> ReportFiles:
    return write_report_files(data, summarise_books(book_parts(data), settings), settings, out)


def _inodes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*.xlsx")}


def _values(path: Path, sheet: str = "Renewals") -> list[tuple[object, ...]]:
    return [tuple(r) for r in openpyxl.load_workbook(path, read_only=True)[sheet].iter_rows(values_only=True)]


def test_unchanged_books_are_carried_over_and_changed_ones_written(
        tmp_path: Path, data: ReportData, settings: ValuationSettings) -> None:
    out = tmp_path / "out"
    _write(data, settings, out)
    ledger = BookLedger.load(out)
    assert set(ledger.books) == set(_inodes(out)) and len(ledger.books) >= 5
    written = _inodes(out)

    _write(data, settings, out)  # the same inputs: every book is last night's file
    assert _inodes(out) == written

    # one of Alice's renewals is worth more now: her book and the overall one are written again
    opps = data.opportunities.copy()
    row = opps.index[(opps["rep"] == "Alice Moreno") & (opps["kind"] == "renewal")][0]
    opps.loc[row, "value"] = float(opps.loc[row, "value"]) + 1000.0
    _write(replace(data, opportunities=opps), settings, out)
    now = _inodes(out)
    alice, bob = "workbooks/rep_alice_moreno.xlsx", "workbooks/rep_bob_tracker.xlsx"
    assert now[alice] != written[alice] and now["renewal_opportunities.xlsx"] != written["renewal_opportunities.xlsx"]
    assert now[bob] == written[bob]
    assert any(float(opps.loc[row, "value"]) in r for r in _values(out / alice))

    # a book someone opened and saved in out/ is not vouched for by the ledger any more: written again
    (out / bob).write_bytes(b"edited by hand")
    _write(replace(data, opportunities=opps), settings, out)
    assert _values(out / bob)  # a workbook again
    assert _inodes(out)[bob] != now[bob]


def test_without_a_ledger_every_book_is_written(tmp_path: Path, data: ReportData, settings: ValuationSettings) -> None:
    out = tmp_path / "out"
    _write(data, settings, out)
    written = _inodes(out)
    (out / LEDGER).unlink()
    _write(data, settings, out)
    assert not set(_inodes(out).items()) & set(written.items())
    assert (out / LEDGER).exists()


def test_the_digest_tells_values_types_and_settings_apart() -> None:
    dates = pd.DataFrame({"expiry": [dt.date(2027, 1, 31)], "value": [10.0]}, dtype=object)
    texts = pd.DataFrame({"expiry": ["2027-01-31"], "value": [10.0]}, dtype=object)
    assert inputs_digest(dates) == inputs_digest(dates.copy())
    assert inputs_digest(dates) != inputs_digest(texts)  # written as a date cell, or as text
    assert inputs_digest(dates, "title A") != inputs_digest(dates, "title B")
    assert inputs_digest(dates.assign(value=[11.0])) != inputs_digest(dates)
    # lists in cells (a renewal's contract ids) by their content
    assert inputs_digest(pd.DataFrame({"ids": [["a", "b"]]})) == inputs_digest(pd.DataFrame({"ids": [["a", "b"]]}))
    assert inputs_digest(pd.DataFrame({"ids": [["a", "b"]]})) != inputs_digest(pd.DataFrame({"ids": [["a", "c"]]}))
    # cells Arrow cannot type (a date beside text, a set) are hashed by pandas, their types included
    mixed = pd.DataFrame({"expiry": [dt.date(2027, 1, 31), "2027-01-31"]}, dtype=object)
    assert inputs_digest(mixed) is not None and inputs_digest(mixed) == inputs_digest(mixed.copy())
    other = pd.DataFrame({"expiry": [dt.date(2027, 1, 31), "n/a"]}, dtype=object)
    assert inputs_digest(other) != inputs_digest(other.iloc[::-1])  # row order is part of a book
    assert inputs_digest(pd.DataFrame({"odd": [{1, 2}]})) != inputs_digest(pd.DataFrame({"odd": [{1, 3}]}))


def test_the_digest_reads_cells_not_the_dtype_other_parts_gave_them() -> None:
    # one night a column holds text somewhere in the book (str dtype), the next it is empty
    # everywhere (object, all None): a part whose cells are the same is the same book
    as_text = pd.DataFrame({"since_last_run": pd.Series([None, None], dtype="string"), "value": [1.0, 2.0]})
    as_none = pd.DataFrame({"since_last_run": pd.Series([None, None], dtype=object), "value": [1.0, 2.0]})
    assert inputs_digest(as_text) == inputs_digest(as_none)
    names = pd.DataFrame({"rep": pd.Series(["Alice", None], dtype="string")})
    assert inputs_digest(names) == inputs_digest(names.astype(object))
    assert inputs_digest(names) != inputs_digest(pd.DataFrame({"rep": ["Alice", "Bob"]}))


def test_a_part_is_digested_from_its_rows_of_the_whole_book(data: ReportData) -> None:
    # the parts' digests come from the whole book's frames made Arrow once; a part is the same book
    # when its own rows are, whatever the other parts hold - even when they change a column's dtype
    def digests(book: ReportData) -> dict[str, str | None]:
        whole = WholeBook(book)
        return {part.file: inputs_digest(*whole.frames(part.rows, part.data)) for part in book_parts(book)}

    opps = data.opportunities.assign(since_last_run=pd.Series([None] * len(data.opportunities), dtype=object))
    marked = opps.copy()
    alice = marked.index[marked["rep"] == "Alice Moreno"]
    marked["since_last_run"] = pd.Series(["new" if i in set(alice) else None for i in marked.index], dtype="string")
    quiet, loud = digests(replace(data, opportunities=opps)), digests(replace(data, opportunities=marked))
    bob = "workbooks/rep_bob_tracker.xlsx"
    assert quiet[bob] == loud[bob]
    assert quiet["workbooks/rep_alice_moreno.xlsx"] != loud["workbooks/rep_alice_moreno.xlsx"]
    assert quiet["renewal_opportunities.xlsx"] != loud["renewal_opportunities.xlsx"]
    # the same part digested from its own frames (Arrow cannot type the whole: a date beside text)
    mixed = opps.assign(note=pd.Series([dt.date(2027, 1, 31)] + ["n/a"] * (len(opps) - 1), dtype=object))
    assert None not in digests(replace(data, opportunities=mixed)).values()
    # a part not yet taken (as the workbooks stage digests it) gives the digest of its taken frames
    for book in (data, replace(data, opportunities=mixed)):
        whole = WholeBook(book)
        untaken = {part.file: inputs_digest(*whole.frames(part.rows, part.part)) for part in book_parts(book)}
        assert untaken == digests(book)


def test_files_written_beside_the_books_are_left_alone_when_their_inputs_are_the_same(
        tmp_path: Path, data: ReportData, settings: ValuationSettings) -> None:
    out = tmp_path / "out"
    review = out / "match_review.xlsx"

    def write(pairs: pd.DataFrame) -> None:
        job = WriteJob(write_review_workbook, (review, pairs, "USD", data.as_of, len(pairs)), len(pairs))
        write_report_files(data, summarise_books(book_parts(data), settings), settings, out, others=[job])

    pairs = pd.DataFrame({"entity": ["customer"], "left_record_id": ["a"], "right_record_id": ["b"],
                          "match_probability": [0.5]})
    write(pairs)
    first = review.stat().st_ino
    write(pairs)
    assert review.stat().st_ino == first  # not written again
    write(pairs.assign(match_probability=[0.6]))
    second = review.stat().st_ino
    assert second != first
    review.write_bytes(b"marked by hand, then saved badly")
    write(pairs.assign(match_probability=[0.6]))
    assert review.stat().st_ino != second and review.read_bytes()[:2] == b"PK"
    assert "match_review.xlsx" in BookLedger.load(out).books
