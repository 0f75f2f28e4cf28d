"""Blocking rules, graph helpers, clustering, golden records, quality counting, import hygiene."""

import ast
from itertools import combinations
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from matching import build_golden_records, graph, pairwise_quality
from matching.block_keys import KeyInputs
from matching.blocking import BlockingRule, blocking_keys, candidate_pairs
from matching.clustering import ClusterSettings, cluster_profiles
from matching.graph import connected_components, constrained_merge, group_pairs, pairs_sharing
from matching.profiles import build_profiles
from matching.tokens import name_tokens

MATCHING = Path(__file__).parents[2] / "matching"


def test_blocking_rules_emit_int32_pairs_once_and_skip_common_values() -> None:
    records = pd.DataFrame(
        {
            "record_id": range(6),
            "name": ["Acme Corp", "Acme Corp", "Zeta Inc", "Zeta Inc", "Other Co", "Fourth Ltd"],
            "phone": ["312-555-0100", "312-555-0100", "312-555-0100", "312-555-0100", None, None],
            "city": ["Chicago", "Boston", "Chicago", "Boston", None, None],
        }
    )
    profiles = build_profiles(records)
    tokens = name_tokens(profiles.table["name_norm"])
    rules = (BlockingRule("name", ("name",), 10), BlockingRule("phone", ("phone",), 3))
    keys = blocking_keys(KeyInputs(profiles, tokens), rules)
    pairs = candidate_pairs(duckdb.connect(), keys, rules)
    assert pairs.left.dtype == np.int32 and pairs.right.dtype == np.int32
    assert (pairs.left < pairs.right).all()
    # the shared phone's block has 4 profiles > 3: skipped; each name pair found once, by "name"
    assert pairs.counts().to_dict() == {"name": 2, "phone": 0}
    assert len(set(zip(pairs.left, pairs.right, strict=False))) == len(pairs)
    wider = (BlockingRule("name", ("name",), 10), BlockingRule("phone", ("phone",), 10))
    pairs = candidate_pairs(
        duckdb.connect(), blocking_keys(KeyInputs(profiles, tokens), wider), wider
    )
    assert pairs.counts().to_dict() == {"name": 2, "phone": 4}  # earlier rule's pairs excluded


def _components_by_search(n: int, left: np.ndarray, right: np.ndarray) -> list[int]:
    """Reference labels: the smallest node of each component, found by a plain graph search."""
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        neighbours[a].append(b)
        neighbours[b].append(a)
    labels = [-1] * n
    for start in range(n):
        if labels[start] < 0:
            labels[start], todo = start, [start]
            while todo:
                for nxt in neighbours[todo.pop()]:
                    if labels[nxt] < 0:
                        labels[nxt] = start
                        todo.append(nxt)
    return labels


@pytest.mark.parametrize("dtype", [np.int64, np.int32, np.uint32])
def test_connected_components_match_a_graph_search_whatever_the_edge_dtype(dtype: type) -> None:
    rng = np.random.default_rng(7)
    n = 3_000
    left = rng.integers(0, n, 2_500).astype(dtype)
    right = rng.integers(0, n, 2_500).astype(dtype)
    labels = connected_components(n, left, right)
    assert labels.dtype == np.int64  # callers index and compare with int64 positions
    assert labels.tolist() == _components_by_search(n, left.astype(np.int64), right.astype(np.int64))


def test_connected_components_and_group_pairs() -> None:
    labels = connected_components(7, np.array([0, 1, 4, 5]), np.array([1, 2, 5, 6]))
    assert labels.tolist() == [0, 0, 0, 3, 4, 4, 4]
    left, right = group_pairs(labels, np.array([0, 4]))
    assert set(zip(left.tolist(), right.tolist(), strict=False)) == {
        (0, 1),
        (0, 2),
        (1, 2),
        (4, 5),
        (4, 6),
        (5, 6),
    }


def test_constrained_merge_never_joins_conflicting_nodes() -> None:
    # 0-1-2 strong, 3-4 strong, one bad edge 2-3; 0 conflicts with 4
    labels = constrained_merge(
        5,
        np.array([0, 1, 3, 2]),
        np.array([1, 2, 4, 3]),
        np.array([10.0, 9.0, 8.0, 5.0]),
        np.array([0]),
        np.array([4]),
    )
    assert labels[0] == labels[1] == labels[2]
    assert labels[3] == labels[4] != labels[0]


def test_cluster_profiles_does_not_chain_through_one_bad_pair() -> None:
    # two tight groups joined by a single positive pair; their members conflict across groups
    a, b = [0, 1, 2], [3, 4, 5]
    left, right, weight = [], [], []
    for group in (a, b):
        for i, j in combinations(group, 2):
            left.append(i), right.append(j), weight.append(15.0)
    left.append(2), right.append(3), weight.append(4.0)  # the bad pair
    left, right, weight = np.array(left), np.array(right), np.array(weight)
    conflict = np.zeros(len(left))

    def score(l: np.ndarray, r: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return np.full(len(l), -12.0), np.full(len(l), -10.0)  # cross pairs: different city

    labels = cluster_profiles(6, left, right, weight, conflict, score, ClusterSettings()).labels
    assert len(set(labels[a])) == 1 and len(set(labels[b])) == 1
    assert labels[0] != labels[3]
    # without conflicts the same pairs form one cluster (the link is real evidence)
    labels = cluster_profiles(
        6, left, right, weight, conflict, lambda l, r: (np.full(len(l), -3.0), np.zeros(len(l)))
    ).labels
    assert len(set(labels)) == 1


def test_golden_record_prefers_trusted_source_then_frequency() -> None:
    records = pd.DataFrame(
        {
            "record_id": ["a", "b", "c", "d", "e"],
            "name": [
                "NORTHBRIDGE CAPITAL CORP",
                "Northbridge Capital Corporation",
                "Nrthbridge Capital",
                "NORTHBRIDGE CAPITAL CORP",
                "Zeta Inc",
            ],
            "city": ["BOSTON", "Boston", None, "BOSTON", "Akron"],
            "domain": [None, "https://www.northbridgecapital.com", None, None, None],
            "email": ["ap@northbridgecapital.com", None, None, None, None],
            "phone": [None, None, "+1 (617) 555-0100", None, None],
            "postal_code": ["2110", "02110", None, None, None],
            "source": ["dist", "crm", "tracker", "dist", "crm"],
            "source_priority": [3, 1, 4, 3, 1],
        }
    )
    entities = pd.DataFrame({"record_id": list("abcde"), "entity_id": ["E1"] * 4 + ["E2"]})
    golden = build_golden_records(records, entities).set_index("entity_id")
    assert golden.loc["E1", "name"] == "Northbridge Capital Corporation"
    assert golden.loc["E1", "name_source"] == "crm"
    assert golden.loc["E1", "domain"] == "northbridgecapital.com"
    assert golden.loc["E1", "phone"] == "6175550100"  # only the tracker knew it
    assert golden.loc["E1", "postal_code"] == "02110"
    assert golden.loc["E1", "records"] == 4
    by_order = build_golden_records(records, entities, source_order=["dist", "crm"]).set_index(
        "entity_id"
    )
    assert by_order.loc["E1", "name"] == "NORTHBRIDGE CAPITAL CORP"  # most frequent within "dist"
    assert by_order.loc["E2", "name"] == "Zeta Inc"


def test_pairwise_quality_matches_brute_force() -> None:
    rng = np.random.default_rng(3)
    ids = [f"r{i}" for i in range(60)]
    predicted = pd.Series(rng.integers(0, 12, 60), index=ids)
    truth = pd.Series(rng.integers(0, 9, 60), index=ids)
    q = pairwise_quality(predicted, truth)
    pred_pairs = {(i, j) for i, j in combinations(ids, 2) if predicted[i] == predicted[j]}
    true_pairs = {(i, j) for i, j in combinations(ids, 2) if truth[i] == truth[j]}
    assert q.predicted_pairs == len(pred_pairs) and q.true_pairs == len(true_pairs)
    assert q.correct_pairs == len(pred_pairs & true_pairs)
    assert abs(q.f1 - 2 * q.precision * q.recall / (q.precision + q.recall)) < 1e-12
    perfect = pairwise_quality(truth, truth)
    assert perfect.precision == perfect.recall == perfect.f1 == 1.0


def test_matching_imports_no_other_project_package() -> None:
    project = {"pipelines", "sources", "warehouse", "reports"}
    for path in MATCHING.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not {n.split(".")[0] for n in names} & project, f"{path.name} imports {names}"


@pytest.mark.parametrize("pair_slice", [3, 2_000_000])
def test_pairs_sharing_a_value_whatever_the_slice(pair_slice: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pairs joined with their nodes' values a few at a time or all at once: the same answer as
    comparing the two nodes' value sets."""
    monkeypatch.setattr(graph, "PAIR_SLICE", pair_slice)
    rng = np.random.default_rng(4)
    nodes, values = rng.integers(0, 30, 80), rng.integers(0, 12, 80)
    left, right = rng.integers(0, 35, 50), rng.integers(0, 35, 50)  # nodes 30-34 have no value
    held = {n: set(values[nodes == n]) for n in range(35)}
    want = [bool(held[a] & held[b]) for a, b in zip(left, right, strict=True)]
    assert pairs_sharing(left, right, nodes, values).tolist() == want
    assert any(want) and not all(want)
