"""Graph helpers on integer node ids: connected components, within-group pairs, pairs sharing a
value, constrained merge.

Connected components use min-label hooking with pointer jumping (Shiloach-Vishkin style): each
round hooks every edge's larger root under the smaller one with `np.minimum.at`, then shortcuts
parents to roots; it needs O(log n) rounds, each a handful of vectorised passes over the edges,
and keeps the project free of a SciPy dependency.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

#: pairs joined with their nodes' values at once in `pairs_sharing`
PAIR_SLICE: Final[int] = 2_000_000


def connected_components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Component label of each of `n` nodes: the smallest node id in its component (int64).

    The edges are worked on as int32 below 2**31 nodes: tens of millions of candidate pairs make
    each edge-long array of a round (parents of both ends, their minimum and maximum) half the size."""
    node = np.int32 if n < 2**31 else np.int64
    parent = np.arange(n, dtype=node)
    left = np.asarray(left, dtype=node)
    right = np.asarray(right, dtype=node)
    while len(left):
        pl, pr = parent[left], parent[right]
        differ = pl != pr
        if not differ.any():
            break
        lo = np.minimum(pl[differ], pr[differ])
        hi = np.maximum(pl[differ], pr[differ])
        np.minimum.at(parent, hi, lo)
        while True:
            grand = parent[parent]
            if np.array_equal(grand, parent):
                break
            parent = grand
        keep = differ.copy()
        keep[differ] = parent[left[differ]] != parent[right[differ]]
        left, right = left[keep], right[keep]
    return parent.astype(np.int64, copy=False)


def group_pairs(labels: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every unordered pair (i < j) of nodes sharing a label, for the labels in `groups`.

    Generated without a Python loop: nodes sorted by label, each node repeated once per later
    member of its group.
    """
    labels = np.asarray(labels)
    members = np.flatnonzero(np.isin(labels, groups))
    if len(members) == 0:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    members = members[np.argsort(labels[members], kind="stable")]
    lab = labels[members]
    starts = np.r_[0, np.flatnonzero(np.diff(lab)) + 1]
    sizes = np.diff(np.r_[starts, len(members)])
    start_of = np.repeat(starts, sizes)
    size_of = np.repeat(sizes, sizes)
    position = np.arange(len(members)) - start_of
    later = size_of - position - 1
    left_pos = np.repeat(np.arange(len(members)), later)
    first_offset = np.repeat(np.cumsum(later) - later, later)
    right_pos = left_pos + 1 + (np.arange(len(left_pos)) - first_offset)
    a, b = members[left_pos], members[right_pos]
    return np.minimum(a, b).astype(np.int64), np.maximum(a, b).astype(np.int64)


def pairs_sharing(left: np.ndarray, right: np.ndarray, nodes: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Whether nodes `left[i]` and `right[i]` share a value, given (`nodes[k]`, `values[k]`) rows
    (integer codes: a serial form's SKU families, records, customers). The pairs are joined with
    the rows a slice at a time: joined at once, millions of pairs times each node's values were
    the asset stage's largest transient."""
    members = pd.DataFrame({"node": nodes, "value": values})
    out = np.zeros(len(left), dtype=bool)
    for start in range(0, len(left), PAIR_SLICE):
        pairs = pd.DataFrame({"l": left[start:start + PAIR_SLICE], "r": right[start:start + PAIR_SLICE]})
        pairs["i"] = np.arange(len(pairs))
        shared = (
            pairs.merge(members.rename(columns={"node": "l"}), on="l")
            .merge(members.rename(columns={"node": "r"}), on=["r", "value"])["i"]
            .unique()
        )
        out[start + shared] = True
    return out


def constrained_merge(
    k: int,
    left: np.ndarray,
    right: np.ndarray,
    weight: np.ndarray,
    conflict_left: np.ndarray,
    conflict_right: np.ndarray,
) -> np.ndarray:
    """Clusters of k nodes: join along edges, strongest first, never joining two nodes in conflict.

    Kruskal-style single linkage with cannot-link constraints: an edge merges its two clusters
    unless some member of one conflicts with some member of the other. Runs per component that
    needs it (small), so the loop is over that component's edges, not over data rows. Returns a
    cluster label (a node index) per node.
    """
    parent = np.arange(k)
    members: dict[int, set[int]] = {i: {i} for i in range(k)}
    against: dict[int, set[int]] = {i: set() for i in range(k)}
    for a, b in zip(conflict_left.tolist(), conflict_right.tolist(), strict=False):
        against[a].add(b)
        against[b].add(a)

    def root(x: int) -> int:
        """Representative of x's cluster (with path halving)."""
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = int(parent[x])
        return x

    order = np.lexsort((right, left, -weight))
    for e in order.tolist():
        a, b = root(int(left[e])), root(int(right[e]))
        if a == b:
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        if members[b] & against[a]:
            continue
        parent[b] = a
        members[a] |= members.pop(b)
        against[a] |= against.pop(b)
    return np.array([root(i) for i in range(k)])
