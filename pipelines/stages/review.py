"""The review queue's round trip: marks of the last out/match_review.xlsx in, match_review and review_marks out.

Before customers are resolved, `harvest_marks` reads the analyst's same / different / skip marks from
the workbook the last run wrote and records them in overrides/match_review.csv (sources.review_marks),
so the resolution reads them like every other override. While its scored pairs are held,
`review_queue_of` makes matching.review's queue (the pairs are let go before the golden records);
after it, `write_review_tables` writes match_review (that queue, both sides spelled out by warehouse
SQL; its value at stake is added in the opportunities stage) and review_marks (each mark read this
run: applied, skipped or why not).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from matching.overrides import record_overrides
from matching.resolve import ResolveSettings
from matching.result import Resolution
from matching.review import review_queue
from pipelines.stages.context import RunContext
from sources.review_marks import MARK_COLUMNS, MARKS, read_review_marks, record_marks
from sources.table import FileReadError
from warehouse.sql_runner import replace_table, table_names
from warehouse.steps import MATCH_REVIEW, MATCH_REVIEW_VALUE, WAREHOUSE_SQL

#: the workbook the outputs stage writes and the next run reads the marks from (under HOME/out/)
REVIEW_WORKBOOK = "match_review.xlsx"
REVIEW_MARK_COLUMNS = (
    "left_record_id", "right_record_id", "mark", "decision", "note", "workbook_row", "status", "reason",
)


def harvest_marks(run: RunContext) -> pd.DataFrame:
    """The marks of HOME/out/match_review.xlsx (none when absent), recorded in overrides/match_review.csv.

    An unreadable workbook does not stop the night: it comes back as one mark row whose problem says why.
    """
    path = run.home / "out" / REVIEW_WORKBOOK
    if not path.is_file():
        return pd.DataFrame({c: pd.Series(dtype=object) for c in MARK_COLUMNS})
    try:
        marks = read_review_marks(path)
    except FileReadError as exc:
        return pd.DataFrame([{"left": "", "right": "", "mark": "", "note": "", "row": 0,
                              "problem": f"out/{REVIEW_WORKBOOK} not read: {exc}"}])
    record_marks(run.home, marks, f"out/{REVIEW_WORKBOOK}", run.as_of)
    return marks


def mark_outcomes(marks: pd.DataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """review_marks: each mark with its status - applied, skipped or not applied (and the reason).

    `clusters` is this run's record_id -> cluster_id: a same mark is applied when both records share a
    cluster, a different mark when they do not; a record no longer in the sources cannot be applied.
    """
    cluster = clusters.set_index("record_id")["cluster_id"]
    left, right = marks["left"].map(cluster), marks["right"].map(cluster)
    decision = marks["mark"].map(MARKS)
    problem = marks["problem"].astype(object)
    skip = marks["mark"].eq("skip") & problem.isna()
    missing = left.isna() | right.isna()
    together = left.eq(right) & ~missing
    unmet = (decision.eq("must_link") & ~together) | (decision.eq("cannot_link") & together)
    gone = ("record " + marks["left"].where(left.isna(), marks["right"]).astype(str)
            + " is no longer in the sources")
    reason = pd.Series(None, index=marks.index, dtype=object)
    reason[unmet] = "contradicts another decision (see overrides/*.csv)"
    reason[missing] = gone[missing]
    reason[skip] = None
    reason[problem.notna()] = problem[problem.notna()]
    status = pd.Series("applied", index=marks.index, dtype=object)
    status[reason.notna()] = "not applied"
    status[skip] = "skipped"
    out = pd.DataFrame({
        "left_record_id": marks["left"].to_numpy(), "right_record_id": marks["right"].to_numpy(),
        "mark": marks["mark"].to_numpy(), "decision": decision.to_numpy(), "note": marks["note"].to_numpy(),
        "workbook_row": pd.array(marks["row"].to_numpy(), dtype="Int64"), "status": status.to_numpy(),
        "reason": reason.to_numpy(),
    })
    return out[list(REVIEW_MARK_COLUMNS)]


def review_queue_of(run: RunContext, resolution: Resolution, entity: pd.Series, overrides: pd.DataFrame,
                    previous_map: pd.DataFrame) -> pd.DataFrame:
    """The pairs worth a person's decision (`matching.review.review_queue`), from the resolution's
    scored pairs; `entity` maps every record id to its entity id."""
    decided = record_overrides(overrides, previous_map)
    settings: ResolveSettings = run.config.matching.resolve_settings()
    pairs = resolution.report if resolution.report is not None else resolution.pairs  # the report: no whole table
    return review_queue(pairs, entity, settings.model, run.config.matching.review_band, decided)


def write_review_tables(con: duckdb.DuckDBPyConnection, queue: pd.DataFrame, resolution: Resolution,
                        marks: pd.DataFrame) -> tuple[int, pd.DataFrame]:
    """match_review (from `queue`, `review_queue_of`) and review_marks in the build; returns the queue's
    length and the marks' outcomes."""
    WAREHOUSE_SQL.run(con, MATCH_REVIEW, frames={"review_queue": queue})
    outcomes = mark_outcomes(marks, resolution.records[["record_id", "cluster_id"]])
    text = {c: "string" for c in REVIEW_MARK_COLUMNS if c != "workbook_row"}
    replace_table(con, "review_marks", outcomes.astype(text))
    return len(queue), outcomes


def value_review_queue(con: duckdb.DuckDBPyConnection, currency: str) -> bool:
    """match_review's value_at_stake and review_rank, from renewal_opportunities (stage opportunities);
    nothing to do in a build whose customers were not resolved (no match_review)."""
    if "match_review" not in table_names(con):
        return False
    WAREHOUSE_SQL.run(con, MATCH_REVIEW_VALUE, params=[currency])
    return True
