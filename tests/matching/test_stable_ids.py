"""assign_stable_ids: ids survive re-runs, merges and splits; history records what happened."""

import pandas as pd

from matching import assign_stable_ids


def _clusters(groups: dict[int, list[str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(rid, cid) for cid, rids in groups.items() for rid in rids],
        columns=["record_id", "cluster_id"],
    )


def _ids(result) -> dict[str, str]:
    return dict(zip(result.mapping["record_id"], result.mapping["entity_id"], strict=True))


def test_first_run_numbers_clusters_deterministically() -> None:
    first = assign_stable_ids(_clusters({0: ["b", "a"], 1: ["c"]}), None, "2026-11-01")
    ids = _ids(first)
    assert ids == {"a": "CUST-000001", "b": "CUST-000001", "c": "CUST-000002"}
    assert first.history["event"].tolist() == ["new", "new"]
    assert first.history["run_date"].eq("2026-11-01").all()
    again = assign_stable_ids(_clusters({7: ["c"], 3: ["a", "b"]}), None, "2026-11-01")
    assert _ids(again) == ids  # numbering follows the records, not cluster labels or order


def test_ids_survive_a_rerun_and_new_records() -> None:
    previous = pd.DataFrame(
        {"record_id": ["a", "b", "c"], "entity_id": ["CUST-000001", "CUST-000001", "CUST-000002"]}
    )
    result = assign_stable_ids(
        _clusters({5: ["c", "d"], 9: ["a", "b"], 2: ["e"]}), previous, "2026-11-02"
    )
    ids = _ids(result)
    assert ids["a"] == ids["b"] == "CUST-000001"
    assert ids["c"] == ids["d"] == "CUST-000002"
    assert ids["e"] == "CUST-000003"
    assert result.history.to_dict("records") == [
        {"old_id": None, "new_id": "CUST-000003", "event": "new", "run_date": "2026-11-02"}
    ]


def test_merge_keeps_the_id_with_most_records() -> None:
    previous = pd.DataFrame(
        {
            "record_id": ["a", "b", "c", "d"],
            "entity_id": ["CUST-000004", "CUST-000009", "CUST-000009", "CUST-000009"],
        }
    )
    result = assign_stable_ids(_clusters({0: ["a", "b", "c", "d"]}), previous, "2026-11-02")
    assert set(_ids(result).values()) == {"CUST-000009"}
    assert result.history[["old_id", "new_id", "event"]].to_dict("records") == [
        {"old_id": "CUST-000004", "new_id": "CUST-000009", "event": "merge"}
    ]


def test_split_keeps_the_id_on_the_largest_part() -> None:
    previous = pd.DataFrame({"record_id": list("abcde"), "entity_id": ["CUST-000002"] * 5})
    result = assign_stable_ids(
        _clusters({0: ["a", "b"], 1: ["c", "d", "e"]}), previous, "2026-11-02"
    )
    ids = _ids(result)
    assert ids["c"] == ids["d"] == ids["e"] == "CUST-000002"
    assert ids["a"] == ids["b"] == "CUST-000003"
    assert result.history[["old_id", "new_id", "event"]].to_dict("records") == [
        {"old_id": "CUST-000002", "new_id": "CUST-000003", "event": "split"}
    ]


def test_split_and_merge_together_and_retired_ids_never_reused() -> None:
    previous = pd.DataFrame(
        {
            "record_id": list("abcdef"),
            "entity_id": ["CUST-000001"] * 3 + ["CUST-000002"] * 2 + ["CUST-000005"],
        }
    )
    history = pd.DataFrame(
        {
            "old_id": ["CUST-000007"],
            "new_id": ["CUST-000005"],
            "event": ["merge"],
            "run_date": ["x"],
        }
    )
    # CUST-000001 splits (a,b | c); its part c merges with all of CUST-000002; f is new-ish alone
    result = assign_stable_ids(
        _clusters({0: ["a", "b"], 1: ["c", "d", "e"], 2: ["f"], 3: ["g"]}),
        previous,
        "d",
        history=history,
    )
    ids = _ids(result)
    assert ids["a"] == ids["b"] == "CUST-000001"
    assert ids["c"] == ids["d"] == ids["e"] == "CUST-000002"
    assert ids["f"] == "CUST-000005"
    assert ids["g"] == "CUST-000008"  # continues after the largest id ever used (7 in history)
    events = {(r.old_id, r.new_id, r.event) for r in result.history.itertuples()}
    assert ("CUST-000001", "CUST-000002", "split") in events
    assert (None, "CUST-000008", "new") in events


def test_new_ids_follow_each_clusters_smallest_record_id_as_text() -> None:
    """Numbered record ids order as text ("10" before "9"), whatever their type, and a tie between
    two old ids for one cluster goes by the older id, a tie between clusters by that text order."""
    clusters = pd.DataFrame({"record_id": [9, 10, 11, 2, 30], "cluster_id": [0, 1, 1, 2, 3]})
    ids = _ids(assign_stable_ids(clusters, None, "2026-11-01"))
    # smallest ids as text: "10" (cluster 1), "2" (cluster 2), "30" (cluster 3), "9" (cluster 0)
    assert ids == {10: "CUST-000001", 11: "CUST-000001", 2: "CUST-000002", 30: "CUST-000003", 9: "CUST-000004"}
    previous = pd.DataFrame({"record_id": ["x", "y"], "entity_id": ["CUST-000007", "CUST-000007"]})
    split = _ids(assign_stable_ids(_clusters({0: ["y", "b"], 1: ["x", "c"]}), previous, "2026-11-02"))
    assert split["y"] == split["b"] == "CUST-000007"  # equal shares: the cluster whose smallest id is "b"
    assert split["x"] == split["c"] == "CUST-000008"
