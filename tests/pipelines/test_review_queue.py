"""The review queue's pieces: ranked by value at stake (warehouse SQL), the workbook's marks read back
into overrides/match_review.csv (reports.review_workbook -> sources.review_marks), and each mark's outcome."""

import datetime as dt
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd

from matching.review import QUEUE_COLUMNS
from pipelines.stages.review import mark_outcomes
from reports.review_workbook import review_frame, write_review_workbook
from sources.override_files import read_overrides
from sources.review_marks import read_review_marks, record_marks
from warehouse.steps import MATCH_REVIEW, MATCH_REVIEW_VALUE, WAREHOUSE_SQL


def _warehouse() -> duckdb.DuckDBPyConnection:
    """match_review of three pairs over customers C1..C5, and their opportunities."""
    con = duckdb.connect()
    records = pd.DataFrame({
        "record_id": ["r1", "r2", "r3", "r4", "r5", "r6"],
        "customer_name": ["Low Value GmbH", "Low Valu GmbH", "=HYPERLINK(\"x\")", "Rich Corp", "Rich Corp.", "Solo"],
        "customer_address": ["A 1", "A 2", None, "B 1", "B 1", None],
        "customer_postal_code": ["1", "1", None, "2", "2", None], "customer_city": ["X"] * 6,
        "customer_country": ["DE"] * 6, "customer_phone": [None] * 6, "source": ["crm_accounts"] * 6,
        "source_file": ["inbox/a.csv"] * 6, "source_sheet": [None, None, "Sheet1", None, None, None],
        "source_row": [2, 3, 4, 5, 6, 7],
    })
    con.register("records_frame", records)
    con.execute("CREATE TABLE source_records AS SELECT * FROM records_frame")
    queue = pd.DataFrame([
        ("r1", "r2", 0.70, 1.2, "name>=0.88", "name", "C1", "C2", "merge?", "name 0.95 agrees"),
        ("r3", "r4", 0.30, -1.2, "name>=0.75", "name", "C3", "C4", "merge?", None),
        ("r4", "r5", 0.60, 0.6, "name>=0.97", "name", "C4", "C4", "split?", "name 0.99 agrees"),
        ("r6", "r1", 0.25, -1.6, "name>=0.75", "name", "C5", "C1", "merge?", None),
    ], columns=list(QUEUE_COLUMNS))
    WAREHOUSE_SQL.run(con, MATCH_REVIEW, frames={"review_queue": queue})
    con.execute("""CREATE TABLE renewal_opportunities AS SELECT * FROM (VALUES
        ('C1', 'renewal', 100.0, 'USD'), ('C2', 'lapsed', 50.0, 'USD'), ('C3', 'coverage_gap', 10.0, 'USD'),
        ('C4', 'renewal', 5000.0, 'USD'), ('C4', 'coterm', 9999.0, 'USD'), ('C4', 'renewal', 7777.0, 'EUR'),
        ('C5', 'renewal', NULL, 'USD')) t(customer_id, kind, value, currency)""")
    WAREHOUSE_SQL.run(con, MATCH_REVIEW_VALUE, params=["USD"])
    return con


def test_the_queue_is_ranked_by_value_at_stake_then_probability() -> None:
    con = _warehouse()
    got = con.execute("SELECT review_rank, left_record_id, right_record_id, value_at_stake, currency "
                      "FROM match_review ORDER BY review_rank").fetchall()
    # C3+C4 5010 (co-terms and other currencies never added); C4 alone once 5000; C1+C2 150; C5+C1 100
    assert [(r[0], r[1], float(r[3])) for r in got] == [
        (1, "r3", 5010.0), (2, "r4", 5000.0), (3, "r1", 150.0), (4, "r6", 100.0)]
    assert {r[4] for r in got} == {"USD"}
    row = con.execute("SELECT * FROM match_review WHERE left_record_id = 'r1'").df().iloc[0]
    assert (row.left_name, row.right_name, row.left_address, row.right_address) == (
        "Low Value GmbH", "Low Valu GmbH", "A 1", "A 2")


def test_marks_in_the_workbook_become_overrides_and_a_later_mark_replaces_an_earlier_one(tmp_path: Path) -> None:
    con = _warehouse()
    frame = review_frame(con)
    path = write_review_workbook(tmp_path / "out" / "match_review.xlsx", frame, "USD", dt.date(2026, 11, 2))
    wb = openpyxl.load_workbook(path)
    ws = wb["Review"]
    header = [c.value for c in ws[1]]
    assert ws.cell(2, header.index("Left: name") + 1).value == '=HYPERLINK("x")'  # text, never a formula
    assert ws.cell(2, header.index("Left: name") + 1).data_type == "s"
    assert ws.cell(2, header.index("Left: source") + 1).value == "crm_accounts: inbox/a.csv [Sheet1] row 4"
    decision, note = header.index("Decision") + 1, header.index("Note") + 1
    ws.cell(2, decision).value, ws.cell(2, note).value = "Different", "two companies"
    ws.cell(3, decision).value = "same"
    ws.cell(4, decision).value = "skip"
    ws.cell(5, decision).value = "maybe"
    wb.save(path)
    marks = read_review_marks(path)
    assert list(marks["mark"]) == ["different", "same", "skip", "maybe"]
    assert marks["problem"].notna().tolist() == [False, False, False, True]
    home = tmp_path
    recorded = record_marks(home, marks, "out/match_review.xlsx", dt.date(2026, 11, 2))
    assert list(recorded["decision"]) == ["cannot_link", "must_link"]
    overrides = read_overrides(home)
    assert set(zip(overrides["left"], overrides["right"], overrides["decision"], strict=True)) == {
        ("r3", "r4", "cannot_link"), ("r4", "r5", "must_link")}
    assert "two companies" in overrides.loc[overrides["left"] == "r3", "note"].iloc[0]
    # the same pair marked again (ids in the other order) replaces its row
    again = marks.iloc[[0]].assign(left="r4", right="r3", mark="same", note="")
    record_marks(home, again, "out/match_review.xlsx", dt.date(2026, 11, 3))
    overrides = read_overrides(home)
    assert len(overrides) == 2 and set(overrides["decision"]) == {"must_link"}


def test_each_mark_says_what_became_of_it() -> None:
    marks = pd.DataFrame({"left": ["a", "a", "c", "gone", "x"], "right": ["b", "c", "b", "b", "y"],
                          "mark": ["same", "different", "skip", "same", "maybe"], "note": [""] * 5,
                          "row": [2, 3, 4, 5, 6], "problem": [None, None, None, None, "unknown decision 'maybe'"]})
    clusters = pd.DataFrame({"record_id": ["a", "b", "c", "x", "y"], "cluster_id": [0, 0, 0, 1, 2]})
    out = mark_outcomes(marks, clusters)
    assert list(out["status"]) == ["applied", "not applied", "skipped", "not applied", "not applied"]
    assert out["reason"].iloc[1].startswith("contradicts")
    assert out["reason"].iloc[3] == "record gone is no longer in the sources"
    assert out["reason"].iloc[4] == "unknown decision 'maybe'"


def test_a_queue_longer_than_review_rows_lists_its_first_pairs_and_says_where_the_others_are(
        tmp_path: Path) -> None:
    con = _warehouse()
    frame = review_frame(con, rows=2)
    assert list(frame["review_rank"]) == [1, 2]
    path = write_review_workbook(tmp_path / "match_review.xlsx", frame, "USD", dt.date(2026, 11, 2), queued=4)
    wb = openpyxl.load_workbook(path)
    review = wb["Review"]
    header = [c.value for c in review[1]]
    listed = [review.cell(r, header.index("Left record id") + 1).value for r in range(2, review.max_row + 1)]
    assert [v for v in listed if v] == ["r3", "r4"]  # rank order, the rest left out
    how = [c.value for c in wb["How to"]["A"] if c.value]
    assert how[1] == "The first 2 of 4 pairs to decide, as of 2026-11-02"
    assert "The other 2 are in the warehouse table match_review" in how[2]
    assert "review_rows" in how[2]
    sheet = wb["How to"]  # printed one page wide, each paragraph's row as tall as its wrapped lines
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.column_dimensions["A"].width <= 80
    assert all(sheet.row_dimensions[r].height >= 13 * (1 + len(str(sheet.cell(r, 1).value)) // 100)
               for r in range(4, sheet.max_row + 1))
    marks = read_review_marks(path)  # the marks still read back from a capped workbook
    assert len(marks) == 0


def test_a_queue_within_review_rows_is_listed_whole_and_says_nothing_of_others(tmp_path: Path) -> None:
    con = _warehouse()
    frame = review_frame(con, rows=4)
    path = write_review_workbook(tmp_path / "match_review.xlsx", frame, "USD", dt.date(2026, 11, 2), queued=4)
    how = [c.value for c in openpyxl.load_workbook(path)["How to"]["A"] if c.value]
    assert how[1] == "4 pairs to decide, as of 2026-11-02"
    assert not any("warehouse table match_review" in str(v) for v in how)


def test_the_run_summary_says_how_much_of_a_long_queue_the_workbook_lists(tmp_path: Path) -> None:
    from pipelines.cli.run_summary import review_summary

    path = tmp_path / "warehouse.duckdb"
    con = _warehouse()
    con.execute(f"ATTACH '{path}' AS disk")
    con.execute("CREATE TABLE disk.match_review AS SELECT * FROM match_review")
    con.execute("CREATE TABLE disk.renewal_opportunities AS SELECT * FROM renewal_opportunities")
    con.close()
    # the distinct customers' open value, each once (C4 is in two pairs, C1 in two): 100 + 50 + 10 + 5000;
    # the pairs' values added up would say 10,260
    assert review_summary(path, listed=2) == [
        "Review queue: 4 pairs to decide in the match_review table, the first 2 listed in out/match_review.xlsx "
        "(5,160 of open value at stake)"]
    assert review_summary(path, listed=20_000)[0].startswith("Review queue: 4 pairs to decide in out/match_review.xlsx")


def test_marks_read_with_calamine_equal_openpyxls_and_a_sheet_it_cannot_read_falls_back(
        tmp_path: Path, monkeypatch) -> None:
    """The marks come from calamine's values; where a cell would read otherwise (a time), from openpyxl's;
    numbers typed as record ids read as openpyxl reads them ("12", not "12.0")."""
    from sources import review_marks

    path = write_review_workbook(tmp_path / "match_review.xlsx", review_frame(_warehouse()), "USD",
                                 dt.date(2026, 11, 2))
    wb = openpyxl.load_workbook(path)
    ws = wb["Review"]
    header = [c.value for c in ws[1]]
    left, decision, note = (header.index(h) + 1 for h in ("Left record id", "Decision", "Note"))
    ws.cell(2, decision).value, ws.cell(2, note).value = " Same ", 42.5
    ws.cell(3, decision).value, ws.cell(3, left).value = "different", 12
    ws.cell(4, decision).value, ws.cell(4, note).value = "skip", dt.datetime(2026, 1, 2)
    wb.save(path)
    read = review_marks.read_review_marks(path)
    assert list(read["mark"]) == ["same", "different", "skip"]
    assert read.loc[1, "left"] == "12" and read.loc[0, "note"] == "42.5"
    openpyxl_only = review_marks._marks(path, review_marks._openpyxl_rows(path))
    pd.testing.assert_frame_equal(read, openpyxl_only)
    # a time cell: calamine would give it otherwise, so the whole sheet is read with openpyxl
    ws.cell(5, decision).value, ws.cell(5, note).value = "same", dt.time(9, 30)
    wb.save(path)
    monkeypatch.setattr(review_marks, "_openpyxl_rows", lambda p, real=review_marks._openpyxl_rows: used.append(p)
                        or real(p))
    used: list[Path] = []
    read = review_marks.read_review_marks(path)
    assert used == [path] and read.loc[3, "note"] == "09:30:00" and list(read["row"]) == [2, 3, 4, 5]


def test_the_workbook_says_how_likely_a_pair_is_in_words_and_adds_no_values_up(tmp_path: Path) -> None:
    """22 of 29 demo pairs were asked "merge?" at 8%, and the value total counted a customer once per pair."""
    path = write_review_workbook(tmp_path / "match_review.xlsx", review_frame(_warehouse()), "USD",
                                 dt.date(2026, 11, 2))
    ws = openpyxl.load_workbook(path)["Review"]
    header = [c.value for c in ws[1]]
    likely = header.index("Same customer?") + 1
    probability = header.index("Match probability") + 1
    got = {ws.cell(row, probability).value: ws.cell(row, likely).value for row in range(2, 6)}
    assert got == {0.3: "possible", 0.6: "possible", 0.7: "possible", 0.25: "unlikely"}
    stake = header.index("Value at stake") + 1
    assert ws.max_row == 5 and ws.cell(6, stake).value is None  # no total row under the values at stake
