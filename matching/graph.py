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
#: fewest edges `constrained_merge` takes between two vectorised passes
MERGE_SLICE: Final[int] = 4096


def _roots(parent: np.ndarray) -> np.ndarray:
    """Every node's root under `parent` (pointer jumping until nothing moves)."""
    while True:
        grand = parent[parent]
        if np.array_equal(grand, parent):
            return parent
        parent = grand


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
        parent = _roots(parent)
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


class _ConflictUnion:
    """Union-find whose unions never join two clusters in conflict: the clusters' members and the
    nodes they conflict with, kept for the roots only (sets made when a cluster first grows)."""

    def __init__(self, k: int, conflict_left: np.ndarray, conflict_right: np.ndarray) -> None:
        self.k = k
        self.members: dict[int, set[int]] = {}
        self.against: dict[int, set[int]] = {}
        #: root pairs (lower * k + higher) found in conflict: clusters only grow, so a conflict stays
        self.blocked: set[int] = set()
        for a, b in zip(conflict_left.tolist(), conflict_right.tolist(), strict=False):
            self.against.setdefault(a, set()).add(b)
            self.against.setdefault(b, set()).add(a)

    def blocked_codes(self) -> np.ndarray:
        """The root pairs found in conflict, as an array for a vectorised lookup."""
        return np.fromiter(self.blocked, np.int64, len(self.blocked))

    def join(self, parent: list[int], x: int, y: int) -> int:
        """Join the clusters of roots x and y (x != y) unless they conflict: the root put under the
        other, or -1."""
        code = min(x, y) * self.k + max(x, y)
        if code in self.blocked:
            return -1
        mx, my = self.members.get(x, {x}), self.members.get(y, {y})
        if len(mx) < len(my):
            x, y, mx, my = y, x, my, mx
        ax, ay = self.against.get(x), self.against.get(y)
        if ax and not ax.isdisjoint(my):  # a conflict is symmetric: x's list names a node of y's
            self.blocked.add(code)
            return -1
        parent[y] = x
        mx |= my
        self.members[x] = mx
        self.members.pop(y, None)
        if ay:
            if ax:
                ax |= ay
            else:
                self.against[x] = ay
            del self.against[y]
        return y


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
    unless some member of one conflicts with some member of the other. Returns a cluster label (a
    node index) per node. Many components go through one call (no edge crosses two, so each is
    clustered as if alone). The edges are taken a slice at a time; before each slice, the edges
    whose ends are one cluster already, or two clusters found in conflict already, are dropped at
    once, so the Python loop sees mostly the edges that merge or meet a conflict for the first time.
    """
    order = np.lexsort((right, left, -np.asarray(weight, dtype=np.float64)))
    left = np.asarray(left, dtype=np.int64)[order]
    right = np.asarray(right, dtype=np.int64)[order]
    union = _ConflictUnion(k, conflict_left, conflict_right)
    roots = np.arange(k, dtype=np.int64)  # every node's root as of the slice's start
    parent = roots.tolist()  # the loop's pointers: a list, not numpy scalars; joins change few
    step = max(MERGE_SLICE, k // 4, 1)  # a vectorised pass costs O(k): at least k / 4 edges per pass
    for start in range(0, len(left), step):
        ra, rb = roots[left[start:start + step]], roots[right[start:start + step]]
        live = ra != rb
        if union.blocked:
            codes = np.minimum(ra, rb) * k + np.maximum(ra, rb)
            live &= ~np.isin(codes, union.blocked_codes())
        joined: list[int] = []
        for x, y in zip(ra[live].tolist(), rb[live].tolist(), strict=True):
            while parent[x] != x:
                x = parent[x]
            while parent[y] != y:
                y = parent[y]
            if x != y and (child := union.join(parent, x, y)) >= 0:
                joined.append(child)
        if joined:  # the roots the slice put under another, then every pointer jumped to its root
            roots[joined] = [parent[child] for child in joined]
            roots = _roots(roots)
    return roots
