"""Analysts' overrides: must-link / cannot-link by record or entity id, honoured by resolution."""

import numpy as np
import pandas as pd
import pytest

from matching import apply_overrides, record_overrides, resolve_entities
from tests.matching.fixtures import cluster_of, customer_records


def test_record_overrides_expand_entities() -> None:
    previous = pd.DataFrame(
        {"record_id": ["a", "b", "c", "d"], "entity_id": ["E1", "E1", "E2", "E2"]}
    )
    overrides = pd.DataFrame(
        {
            "left": ["E1", "E1", "x"],
            "right": ["E2", "E2", "y"],
            "decision": ["Must-Link", "cannot_link", "must_link"],
            "left_kind": ["entity", "entity", "record"],
            "right_kind": ["entity", "entity", None],
        }
    )
    pairs = record_overrides(overrides, previous)
    must = pairs[pairs["decision"] == "must_link"]
    cannot = pairs[pairs["decision"] == "cannot_link"]
    assert len(must) == 4  # must-link: all records of both entities tied to one (a star)
    assert set(zip(cannot["left_record_id"], cannot["right_record_id"], strict=False)) == {
        ("a", "c"),
        ("a", "d"),
        ("b", "c"),
        ("b", "d"),
    }
    with pytest.raises(ValueError, match="decision"):
        record_overrides(pd.DataFrame({"left": ["a"], "right": ["b"], "decision": ["maybe"]}))
    with pytest.raises(ValueError, match="previous"):
        record_overrides(overrides)


def test_apply_overrides_is_pure_and_forces_probabilities() -> None:
    pairs = pd.DataFrame(
        {
            "left": [1, 2],
            "right": [2, 3],
            "match_probability": [0.1, 0.95],
            "match_rule": ["weak", "name=exact"],
        }
    )
    decided = pd.DataFrame(
        {
            "left": [2, 3, 5],
            "right": [1, 2, 4],
            "decision": ["must_link", "cannot_link", "must_link"],
        }
    )
    out = apply_overrides(pairs, decided)
    assert pairs["match_probability"].tolist() == [0.1, 0.95]  # input untouched
    assert out["match_probability"].tolist() == [1.0, 0.0, 1.0]
    assert out["match_rule"].tolist() == [
        "override:must_link",
        "override:cannot_link",
        "override:must_link",
    ]
    assert out.iloc[2][["left", "right"]].tolist() == [4, 5]


def test_resolution_honours_record_overrides() -> None:
    records, truth = customer_records()
    quillon = truth[truth == "quillon"].index[0]
    zentrix = truth[truth == "zentrix"].index[0]
    acme = truth[truth == "acme"].index.tolist()
    overrides = pd.DataFrame(
        {
            "left": [quillon, acme[0]],
            "right": [zentrix, acme[2]],
            "decision": ["must_link", "cannot_link"],
        }
    )
    res = resolve_entities(records, overrides=overrides)
    c = cluster_of(res.records)
    assert c[quillon] == c[zentrix]
    assert c[acme[0]] != c[acme[2]]
    assert res.unmet_overrides.empty
    pairs = res.pairs
    forced = pairs[pairs["match_rule"].astype(str).str.startswith("override:")]
    assert len(forced) == 2


def test_resolution_honours_entity_overrides_and_reports_conflicts() -> None:
    records, truth = customer_records()
    first = resolve_entities(records)
    previous = first.records.assign(entity_id="E" + first.records["cluster_id"].astype(str))
    corp = previous.set_index("record_id").loc[truth[truth == "northbridge"].index[0], "entity_id"]
    labs = previous.set_index("record_id").loc[
        truth[truth == "northbridge_labs"].index[0], "entity_id"
    ]
    overrides = pd.DataFrame(
        {
            "left": [corp],
            "right": [labs],
            "decision": ["must_link"],
            "left_kind": ["entity"],
            "right_kind": ["entity"],
        }
    )
    merged = resolve_entities(
        records, overrides=overrides, previous_entities=previous[["record_id", "entity_id"]]
    )
    c = cluster_of(merged.records)
    assert c[truth[truth == "northbridge"].index].nunique() == 1
    assert (
        c[truth[truth == "northbridge"].index[0]] == c[truth[truth == "northbridge_labs"].index[0]]
    )
    # a cannot-link between records that are identical after normalisation cannot be honoured:
    # it is reported, not hidden
    same = pd.DataFrame(
        {"record_id": ["x", "y"], "name": ["Acme Corp", "ACME CORP."], "city": ["Dayton"] * 2}
    )
    res = resolve_entities(
        same, overrides=pd.DataFrame({"left": ["x"], "right": ["y"], "decision": ["cannot_link"]})
    )
    assert len(res.unmet_overrides) == 1
    assert set(res.unmet_overrides.columns) >= {
        "left_record_id",
        "right_record_id",
        "decision",
        "reason",
    }


def _applied_row_by_row(pairs: pd.DataFrame, decided: pd.DataFrame) -> tuple[list[float], list[str]]:
    """The reference: each pair looked up in the decisions (the last decision of a pair wins)."""
    decision = {}
    for left, right, d in decided[["left", "right", "decision"]].itertuples(index=False):
        decision[(min(left, right), max(left, right))] = d
    probability, rule = [], []
    for left, right, p, r in pairs[["left", "right", "match_probability", "match_rule"]].itertuples(index=False):
        d = decision.get((min(left, right), max(left, right)))
        probability.append(p if d is None else 1.0 if d == "must_link" else 0.0)
        rule.append(r if d is None else f"override:{d}")
    return probability, rule


@pytest.mark.parametrize("categorical", [False, True])
def test_only_the_decided_pairs_change_among_many(categorical: bool) -> None:
    rng = np.random.default_rng(7)
    n = 5000
    rules = rng.choice(["name=exact", "weak"], n)
    pairs = pd.DataFrame({"left": rng.integers(0, 300, n).astype(np.int32),
                          "right": rng.integers(0, 300, n).astype(np.int32), "match_probability": rng.random(n),
                          "match_rule": pd.Categorical(rules) if categorical else rules.astype(object)})
    decided = pd.DataFrame({"left": rng.integers(0, 320, 200), "right": rng.integers(0, 320, 200),
                            "decision": rng.choice(["must_link", "cannot_link"], 200)})
    out = apply_overrides(pairs, decided)
    probability, rule = _applied_row_by_row(pairs, decided)
    assert out["match_probability"].iloc[:n].tolist() == probability
    assert out["match_rule"].iloc[:n].astype(object).tolist() == rule
    assert isinstance(out["match_rule"].dtype, pd.CategoricalDtype) == categorical
    assert 0 < sum(r.startswith("override:") for r in rule) < n
    added = out.iloc[n:]  # must-links no pair named, once each
    seen = {(min(a, b), max(a, b)) for a, b in zip(pairs["left"], pairs["right"], strict=True)}
    must = {(min(a, b), max(a, b)) for a, b, d in decided.itertuples(index=False) if d == "must_link"}
    last = {(min(a, b), max(a, b)): d for a, b, d in decided.itertuples(index=False)}
    assert set(zip(added["left"], added["right"], strict=True)) == {k for k in must - seen if last[k] == "must_link"}
