"""matching.pair_report: the reported pairs built on demand are the rows of the whole table, and the
review queue reads the report exactly as it reads the table."""

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from matching import CUSTOMER_MODEL, resolve_entities
from matching.entities import resolve_with_ids
from matching.overrides import CANNOT_LINK, MUST_LINK, apply_overrides
from matching.resolve import ResolveSettings
from matching.review import review_queue
from matching.scoring import probability, rule_names
from tests.matching.fixtures import customer_records


def _records_and_decisions() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The fixture records, and a must-link and a cannot-link among them."""
    records, truth = customer_records()
    quillon = truth[truth == "quillon"].index[0]
    zentrix = truth[truth == "zentrix"].index[0]
    acme = truth[truth == "acme"].index.tolist()
    overrides = pd.DataFrame({"left": [quillon, acme[0]], "right": [zentrix, acme[2]],
                              "decision": ["must_link", "cannot_link"]})
    return records, overrides


@pytest.fixture(scope="module")
def resolved():
    """A resolution with a must-link and a cannot-link (both scored: must-links are candidates)."""
    records, overrides = _records_and_decisions()
    return resolve_entities(records, overrides=overrides), overrides


def test_rows_taken_from_the_report_are_those_of_the_whole_table(resolved) -> None:
    resolution, _ = resolved
    report, whole = resolution.report, resolution.pairs
    assert len(report) == len(whole) > 20
    assert whole["match_rule"].astype(str).str.startswith("override:").sum() == 2
    rng = np.random.default_rng(7)
    for positions in (rng.choice(len(whole), 9, replace=False), np.array([0, 1]), np.array([], dtype=np.int64),
                      np.flatnonzero(whole["name"].notna().to_numpy())[:5]):
        part = report.take(positions)
        pd.testing.assert_frame_equal(part, whole.iloc[positions].set_axis(pd.Index(positions, dtype=np.int64)))
    columns = ["right_record_id", "match_weight", "city"]
    pd.testing.assert_frame_equal(report.take(np.array([3, 1]), columns),
                                  whole.loc[[3, 1], columns].set_axis(pd.Index([3, 1], dtype=np.int64)))


def test_an_override_only_pair_gives_every_row_the_levels_dtype_that_holds_a_missing_value(resolved) -> None:
    """A must-link nobody scored (a row past the scored pairs) has no levels: the whole table's level
    columns then hold NaN, and rows taken without it have the same dtypes."""
    report = resolved[0].report
    n = len(report.scored)
    extra = replace(
        report, left=np.r_[report.left, report.left[:1]], right=np.r_[report.right, report.right[-1:]],
        rule=pd.Categorical(
            list(report.rule.astype(object)) + ["override:must_link"], categories=report.rule.categories),
        kept=np.r_[report.kept, n])
    whole = extra.take()
    assert whole["name"].isna().tolist() == [False] * len(report) + [True]
    assert whole["blocking_rule"].iloc[-1] == "override" and np.isinf(whole["match_weight"].iloc[-1])
    assert whole["match_probability"].iloc[-1] == 1.0
    first = extra.take(np.array([0, 2]))
    assert first.dtypes.to_dict() == whole.dtypes.to_dict()
    pd.testing.assert_frame_equal(first, whole.iloc[[0, 2]].set_axis(pd.Index([0, 2], dtype=np.int64)))


@pytest.mark.parametrize("chunk", [1, 7, 2_000_000])
@pytest.mark.parametrize("band", [(0.2, 0.8), (0.0, 1.0), (0.5, 0.99)])
def test_the_review_queue_of_the_report_is_that_of_the_table(resolved, band: tuple[float, float], chunk: int,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever runs the report is scanned in (the table is read in one)."""
    monkeypatch.setattr("matching.review.SCAN_CHUNK", chunk)
    resolution, overrides = resolved
    entity = resolution.records.set_index("record_id")["cluster_id"].map("E{}".format)
    decided = pd.DataFrame({"left_record_id": overrides["left"], "right_record_id": overrides["right"]})
    for asked in (None, decided):
        from_report = review_queue(resolution.report, entity, CUSTOMER_MODEL, band, asked)
        from_table = review_queue(resolution.pairs, entity, CUSTOMER_MODEL, band, asked)
        pd.testing.assert_frame_equal(from_report, from_table)
    assert not review_queue(resolution.report, entity, CUSTOMER_MODEL, (0.0, 1.0)).empty


def test_once_the_pairs_are_let_go_the_table_is_empty_with_its_columns() -> None:
    records, _ = customer_records()
    seen: list[tuple[int, list[str]]] = []
    done = resolve_with_ids(
        records, prefix="C-", id_column="customer_id", previous_map=pd.DataFrame(columns=["record_id", "entity_id"]),
        previous_history=pd.DataFrame(columns=["old_id", "new_id", "event", "run_date"]), overrides=pd.DataFrame(),
        run_date=pd.Timestamp("2026-11-01").date(), settings=ResolveSettings(),
        use_pairs=lambda resolution, ids: seen.append((len(resolution.report), resolution.pairs.columns.tolist())))
    assert seen and seen[0][0] > 0
    assert done.resolution.report is None and done.resolution.pairs.empty
    assert done.resolution.pairs.columns.tolist() == seen[0][1]


def test_records_read_by_a_function_resolve_as_the_frame_and_are_read_again_for_the_golden_records() -> None:
    records, _ = customer_records()
    reads: list[int] = []

    def read() -> pd.DataFrame:
        reads.append(1)
        return records.copy()

    common = dict(prefix="C-", id_column="customer_id", previous_map=pd.DataFrame(columns=["record_id", "entity_id"]),
                  previous_history=pd.DataFrame(columns=["old_id", "new_id", "event", "run_date"]),
                  overrides=pd.DataFrame(), run_date=pd.Timestamp("2026-11-01").date(), settings=ResolveSettings())
    from_frame = resolve_with_ids(records, **common)
    from_reader = resolve_with_ids(read, **common)
    assert len(reads) == 2  # once to resolve, once for the golden records: not held in between
    pd.testing.assert_frame_equal(from_reader.resolution.records, from_frame.resolution.records)
    pd.testing.assert_frame_equal(from_reader.resolution.pairs, from_frame.resolution.pairs)
    pd.testing.assert_frame_equal(from_reader.golden, from_frame.golden)
    pd.testing.assert_frame_equal(from_reader.mapping, from_frame.mapping)
    assert from_reader.resolution.stats == from_frame.resolution.stats


def test_probabilities_made_when_asked_are_those_scored_frame_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """No probability is held per pair: made from the weight when asked, forced to 1 or 0 by a decision,
    they equal a float64 per scored pair with the overrides applied to it (must- and cannot-links
    included), as the resolution once held them."""
    import matching.resolve as resolve

    frames: list[pd.DataFrame] = []
    made = resolve.scored_frame

    def held(scored, model, must, cannot):  # every pair's probability, then the decisions applied to it
        frame = pd.DataFrame({"left": scored.left, "right": scored.right,
                              "match_probability": probability(scored.weight),
                              "match_rule": rule_names(scored.rule_bits, model)})
        decided = pd.DataFrame({"left": np.r_[must[0], cannot[0]], "right": np.r_[must[1], cannot[1]],
                                "decision": [MUST_LINK] * len(must[0]) + [CANNOT_LINK] * len(cannot[0])})
        frames.append(apply_overrides(frame, decided[decided["left"] != decided["right"]]))
        return made(scored, model, must, cannot)

    monkeypatch.setattr(resolve, "scored_frame", held)
    records, overrides = _records_and_decisions()
    resolution = resolve_entities(records, overrides=overrides)
    report = resolution.report
    want = frames[0]["match_probability"].to_numpy()[report.kept]
    np.testing.assert_array_equal(report.take(columns=["match_probability"])["match_probability"].to_numpy(), want)
    np.testing.assert_array_equal(report.probabilities(3, 11), want[3:11])
    forced = report.forced()
    assert sorted(set(want[forced])) == [0.0, 1.0] and want[~forced].min() > 0.0 and want[~forced].max() < 1.0
