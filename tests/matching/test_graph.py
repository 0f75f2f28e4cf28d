"""The constrained merge against a plain Kruskal loop, on graphs large enough for many slices."""

from __future__ import annotations

import numpy as np
import pytest

from matching import graph
from matching.graph import MERGE_SLICE, connected_components, constrained_merge


def _reference(k: int, left: np.ndarray, right: np.ndarray, weight: np.ndarray,
               conflict_left: np.ndarray, conflict_right: np.ndarray) -> np.ndarray:
    """Single linkage, strongest edge first (ties by left, then right), an edge skipped when any
    member of one side conflicts with any member of the other: one edge at a time, no shortcut."""
    cluster = list(range(k))
    conflicts = set(zip(conflict_left.tolist(), conflict_right.tolist(), strict=True))
    conflicts |= {(b, a) for a, b in conflicts}
    for e in np.lexsort((right, left, -weight)).tolist():
        a, b = cluster[left[e]], cluster[right[e]]
        if a == b:
            continue
        side_a = [i for i in range(k) if cluster[i] == a]
        side_b = [i for i in range(k) if cluster[i] == b]
        if any((i, j) in conflicts for i in side_a for j in side_b):
            continue
        cluster = [a if c == b else c for c in cluster]
    return np.array(cluster)


def _partition(labels: np.ndarray) -> list[tuple[int, ...]]:
    groups: dict[int, list[int]] = {}
    for node, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(node)
    return sorted(tuple(g) for g in groups.values())


def _namesake_world(rng: np.random.Generator, components: int, size: int) -> tuple:
    """Dense components (every pair an edge, weights with ties) and a few conflicts inside each,
    numbered so that components interleave, as the cluster check hands them over."""
    k = components * size
    component = rng.permutation(np.repeat(np.arange(components), size))
    left, right, clash_l, clash_r = [], [], [], []
    for c in range(components):
        nodes = np.flatnonzero(component == c)
        i, j = np.triu_indices(len(nodes), 1)
        left.append(nodes[i])
        right.append(nodes[j])
        pick = rng.choice(len(i), size=max(1, len(i) // 40), replace=False)
        clash_l.append(nodes[i][pick])
        clash_r.append(nodes[j][pick])
    left_a, right_a = np.concatenate(left), np.concatenate(right)
    weight = rng.integers(1, 12, len(left_a)).astype(np.float64)  # ties on purpose
    return k, left_a, right_a, weight, np.concatenate(clash_l), np.concatenate(clash_r)


@pytest.mark.parametrize(("seed", "slice_edges"), [(1, MERGE_SLICE), (2, 16), (3, 100)])
def test_constrained_merge_is_the_plain_loop(seed: int, slice_edges: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # small slices: many vectorised passes, conflicts found in one slice and skipped in later ones
    monkeypatch.setattr(graph, "MERGE_SLICE", slice_edges)
    k, left, right, weight, cl, cr = _namesake_world(np.random.default_rng(seed), components=12, size=18)
    got = constrained_merge(k, left, right, weight, cl, cr)
    assert _partition(got) == _partition(_reference(k, left, right, weight, cl, cr))


def test_components_merged_together_are_each_merged_alone() -> None:
    rng = np.random.default_rng(7)
    k, left, right, weight, cl, cr = _namesake_world(rng, components=60, size=30)  # > MERGE_SLICE edges
    assert len(left) > 3 * MERGE_SLICE
    together = constrained_merge(k, left, right, weight, cl, cr)
    labels = connected_components(k, left, right)
    alone_nodes = np.flatnonzero(labels == labels[left[0]])  # the first edge's component
    inside = np.isin(left, alone_nodes)
    local = {node: i for i, node in enumerate(alone_nodes.tolist())}
    to_local = np.vectorize(local.__getitem__)
    c_inside = np.isin(cl, alone_nodes)
    alone = constrained_merge(len(alone_nodes), to_local(left[inside]), to_local(right[inside]),
                              weight[inside], to_local(cl[c_inside]), to_local(cr[c_inside]))
    assert _partition(alone) == _partition(np.searchsorted(alone_nodes, together[alone_nodes]))
    assert len(set(alone.tolist())) > 1  # the conflicts split it: the check is not trivial

