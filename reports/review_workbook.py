"""out/match_review.xlsx: the review queue as a list a person works, one pair a row, both sides side by side.

Sheet Review (match_review in rank order): what is at stake, the evidence, the left and the right
record (customer, name, address, postcode, city, country, phone, source file and row), a Decision
with a pick list (same / different / skip) and a Note; sheet How to says what a mark does. The next
run reads the marks back (sources.review_marks: the Review sheet, by the headers of the record ids,
Decision and Note, so columns may be moved) and records them as overrides. Styled like the opportunity
workbooks (reports.sheets), written with XlsxWriter (reports.xlsx_book): text from sources is always
a string cell.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Final

import duckdb
import pandas as pd

from reports.sheets import (
    LINE_HEIGHT,
    SECTION_FONT,
    TITLE_FONT,
    Column,
    page_setup,
    put_text,
    wrapped_lines,
    write_list,
)
from reports.xlsx_book import Book, column_letter

#: the pick list of the Decision column, and the headers the next run reads the marks by
DECISIONS: Final[tuple[str, ...]] = ("same", "different", "skip")
LEFT_ID, RIGHT_ID, DECISION, NOTE = "Left record id", "Right record id", "Decision", "Note"
SHEET = "Review"
EDIT_FILL = "FFF2CC"  # the columns a reviewer fills in
#: the How to sheet's one column, in characters: a printed page's width
HOW_TO_WIDTH = 80


def _side(side: str, title: str) -> list[Column]:
    return [
        Column(f"{title}: customer", f"{side}_customer_id", width=13),
        Column(f"{title}: name", f"{side}_name", width=26),
        Column(f"{title}: address", f"{side}_address", width=24),
        Column(f"{title}: postcode", f"{side}_postal_code", width=10),
        Column(f"{title}: city", f"{side}_city", width=14),
        Column(f"{title}: country", f"{side}_country", width=9),
        Column(f"{title}: phone", f"{side}_phone", width=15),
        Column(f"{title}: source", f"{side}_lineage", width=30),
    ]


REVIEW_COLUMNS: Final[tuple[Column, ...]] = (
    Column("Rank", "review_rank", "int", width=6),
    Column("Question", "question", width=9),
    # no total: a customer in several pairs would be counted once per pair
    Column("Value at stake", "value_at_stake", "money", width=14),
    Column("Match probability", "match_probability", "pct", width=11),
    Column("Same customer?", "likelihood", width=10),
    Column("Evidence", "evidence", width=40),
    *_side("left", "Left"),
    *_side("right", "Right"),
    Column(DECISION, "decision", width=11, fill=EDIT_FILL),
    Column(NOTE, "note", width=30, fill=EDIT_FILL),
    Column(LEFT_ID, "left_record_id", width=18),
    Column(RIGHT_ID, "right_record_id", width=18),
)

HOW_TO: Final[tuple[str, ...]] = (
    "Each row of Review is a pair of customer records whose decision would change the customers: "
    "merge? - the two are different customers now, but may be one (a likely duplicate); "
    "split? - the weakest link holding one customer together.",
    "Rows are ranked by the open opportunity value of the customers on both sides, then by match probability. "
    "A customer can be in several pairs, so the values are not added up.",
    "Match probability is how likely the model finds it that the two records are one customer; Same customer? says "
    "it in words (unlikely below 30%, likely above 70%, else possible). A pair is asked when its decision is in "
    "doubt and would change a customer: an unlikely merge? is most often two different customers with close names.",
    "Pick a Decision: same (one customer), different (two customers) or skip (not now); add a Note if useful. "
    "Save the workbook where it is, under the same name.",
    "The next run reads the marks before anything else, records same / different in overrides/match_review.csv "
    "(must_link / cannot_link), applies them, says in its summary how many it applied (and which it could not), "
    "and writes a fresh queue: a decided pair does not come back. skip leaves the pair in the queue.",
    "To undo a decision, delete its row from overrides/match_review.csv.",
)


def review_frame(con: duckdb.DuckDBPyConnection, rows: int | None = None) -> pd.DataFrame:
    """match_review in rank order (its first `rows` when given), with each side's source as one text
    ("source: file [sheet] row n")."""
    sql = "SELECT * FROM match_review ORDER BY review_rank"
    frame = (con.execute(sql).df() if rows is None else con.execute(sql + " LIMIT ?", [rows]).df())
    for side in ("left", "right"):
        sheet = frame[f"{side}_source_sheet"].astype(object)
        sheet = sheet.where(sheet.isna(), " [" + sheet.astype(object).where(sheet.notna(), "") + "]").fillna("")
        row = frame[f"{side}_source_row"].astype("Int64").astype("string").fillna("?")
        frame[f"{side}_lineage"] = (frame[f"{side}_source"].astype(object).fillna("?") + ": "
                                    + frame[f"{side}_source_file"].astype(object).fillna("?") + sheet
                                    + " row " + row.astype(object))
    frame["likelihood"] = likelihood(frame["match_probability"])
    return frame


def likelihood(probability: pd.Series) -> pd.Series:
    """A match probability in words: unlikely (below 30%), possible, likely (above 70%)."""
    p = pd.to_numeric(probability, errors="coerce")
    words = pd.Series("possible", index=p.index, dtype=object)
    return words.mask(p < 0.3, "unlikely").mask(p > 0.7, "likely").where(p.notna(), None)


def queue_size(listed: int, queued: int | None, as_of: dt.date) -> tuple[str, list[str]]:
    """The How to sheet's count, and what it says of the pairs a long queue leaves out of the workbook."""
    if queued is None or queued <= listed:
        return f"{listed:,} pairs to decide, as of {as_of:%Y-%m-%d}", []
    return f"The first {listed:,} of {queued:,} pairs to decide, as of {as_of:%Y-%m-%d}", [
        f"This workbook lists the queue's first {listed:,} pairs by rank. The other {queued - listed:,} are in the "
        "warehouse table match_review (and out/parquet/match_review.parquet); they come up here as these are "
        "decided. To list more, raise review_rows under reports: in sources.yaml."]


def write_review_workbook(
    path: Path, frame: pd.DataFrame, currency: str, as_of: dt.date, queued: int | None = None
) -> Path:
    """The review workbook for `frame` (review_frame's rows, the first of `queued` pairs when the
    queue is longer), written beside `path` and moved onto it."""
    with Book(path, "Match review") as book:
        sheet = book.sheet(SHEET)
        columns = list(REVIEW_COLUMNS)
        write_list(sheet, frame, columns, currency, "Nothing to review: no undecided pair would change a customer.",
                   "E2")
        letter = column_letter([c.field for c in columns].index("decision") + 1)
        sheet.ws.data_validation(f"{letter}2:{letter}{max(len(frame) + 1, 2)}", {
            "validate": "list", "source": list(DECISIONS), "ignore_blank": True, "show_input": False,
            "error_title": "Decision", "error_message": "Pick same, different or skip (or leave it empty)."})
        page_setup(sheet, f"Match review (as of {as_of:%Y-%m-%d})")
        how = book.sheet("How to")
        put_text(how, 1, 1, "Working the review queue", TITLE_FONT)
        heading, left_out = queue_size(len(frame), queued, as_of)
        put_text(how, 2, 1, heading, SECTION_FONT)
        for i, text in enumerate([*left_out, *HOW_TO], start=4):
            put_text(how, i, 1, text, {"text_wrap": True, "valign": "top"})
            how.height(i, LINE_HEIGHT * wrapped_lines(text, HOW_TO_WIDTH) + 3)  # no spreadsheet grows it
        how.width(1, HOW_TO_WIDTH)
        page_setup(how, f"Match review: how to (as of {as_of:%Y-%m-%d})", landscape=False, header_rows=0)
    return path
