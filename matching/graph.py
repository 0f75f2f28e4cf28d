"""Graph helpers on integer node ids, in NumPy: connected components and within-group pairs.

Connected components use min-label hooking with pointer jumping (Shiloach-Vishkin style): each
round hooks every edge's larger root under the smaller one with `np.minimum.at`, then shortcuts
parents to roots; it needs O(log n) rounds, each a handful of vectorised passes over the edges,
and keeps the project free of a SciPy dependency.
"""

from __future__ import annotations

import numpy as np


def connected_components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Component label of each of `n` nodes: the smallest node id in its component."""
    parent = np.arange(n, dtype=np.int64)
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
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
    return parent


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


def average_linkage(similarity: np.ndarray, threshold: float) -> np.ndarray:
    """Agglomerative average-linkage clusters of a dense similarity matrix (k x k).

    Repeatedly merges the two clusters with the highest mean pairwise similarity while that mean
    is at least `threshold`. A -inf entry (cannot-link) poisons every merge that would put its two
    nodes together. Returns a cluster label (a node index) per node.
    """
    k = similarity.shape[0]
    total = similarity.astype(np.float64).copy()
    np.fill_diagonal(total, -np.inf)
    size = np.ones(k, dtype=np.float64)
    mean = total.copy()
    label = np.arange(k)
    active = np.ones(k, dtype=bool)
    while True:
        flat = int(np.argmax(mean))
        i, j = divmod(flat, k)
        if not np.isfinite(mean[i, j]) or mean[i, j] < threshold:
            break
        total[i, :] += total[j, :]
        total[:, i] = total[i, :]
        total[i, i] = -np.inf
        size[i] += size[j]
        active[j] = False
        label[label == j] = i
        total[j, :] = -np.inf
        total[:, j] = -np.inf
        row = total[i, :] / (size[i] * size)
        row[~active] = -np.inf
        row[i] = -np.inf
        mean[i, :] = row
        mean[:, i] = row
        mean[j, :] = -np.inf
        mean[:, j] = -np.inf
    return label
