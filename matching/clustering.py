"""Scored pairs -> clusters, without chaining unrelated companies through one bad pair.

Thresholds are match weights in bits (log2 odds; 0 = probability 0.5). Each pair also carries a
*conflict* score: the sum of the negative weights of its identifying attributes (different city,
postal code, street, phone, domain, account), names excluded, because names vary for the same
customer (nicknames, truncation, typos) while two different cities do not.

1. Link pairs whose weight exceeds `link_weight` (and must-link pairs); take connected
   components.
2. A component of three or more profiles (or one holding a cannot-link pair) is checked as a
   whole: every pair inside it is scored (pairs blocking never produced are scored now). If no
   pair inside conflicts (conflict <= `conflict_weight`, or a cannot-link) it stays one cluster:
   records that complement each other (a name-only tracker row tied by a contract number to a
   distributor row) belong together even when their names alone disagree.
3. Otherwise the component is re-clustered by constrained single linkage: its positive pairs,
   strongest first, merge two clusters unless a member of one conflicts with a member of the
   other. So "Northbridge Capital Corp" (Boston) and "Northbridge Capital Labs" (Denver), joined
   by one bad pair, stay apart: their located records conflict.
4. Must-link pairs split apart by step 3 are joined again unless that violates a cannot-link.
Components too large to check every pair are first cut by raising the link threshold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from matching.blocking import pair_codes
from matching.graph import connected_components, constrained_merge, group_pairs

#: a comparison's loop computed in float64 (float32 weights against a float64 threshold, exactly as
#: a float64 copy would, on numpy 1 and 2 alike) without copying the weights
_IN_FLOAT64 = "dd->?"
#: scores pairs blocking did not produce: (left, right) -> (weight, conflict)
PairScorer = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class ClusterSettings:
    """Thresholds of `cluster_profiles` (match weights in bits) and the dense-check size limit."""

    link_weight: float = 0.0
    conflict_weight: float = -6.0
    max_dense_size: int = 800
    #: internal pairs of the components checked in one batch (bounds the check's memory)
    check_batch_pairs: int = 2_000_000


@dataclass(frozen=True)
class Clusters:
    """Cluster label per node (smallest node id of the cluster)."""

    labels: np.ndarray


def _lookup(
    codes_sorted: np.ndarray, order: np.ndarray, codes: np.ndarray, *columns: np.ndarray
) -> tuple[np.ndarray, ...]:
    """For `codes`, whether each is in the sorted code table and, per column given in the table's
    own order (`codes_sorted` is the table's codes taken in `order`), its value there."""
    if len(codes_sorted) == 0:
        return np.zeros(len(codes), dtype=bool), *(np.zeros(len(codes)) for _ in columns)
    pos = np.minimum(np.searchsorted(codes_sorted, codes), len(codes_sorted) - 1)
    found = codes_sorted[pos] == codes
    at = order[pos]
    return found, *(c[at] for c in columns)


def _split_large(
    n: int,
    left: np.ndarray,
    right: np.ndarray,
    weight: np.ndarray,
    labels: np.ndarray,
    threshold: float,
    max_size: int,
) -> np.ndarray:
    """Cut components above `max_size` nodes by re-linking them at stricter thresholds."""
    for stricter in (4.0, 8.0, 12.0, 16.0, 24.0, np.inf):
        sizes = np.bincount(labels, minlength=n)
        big = sizes[labels] > max_size
        if not big.any():
            break
        if stricter <= threshold:
            continue
        inside = big[left] & big[right] & (weight >= stricter)
        sub = connected_components(n, left[inside], right[inside])
        labels = np.where(big, sub, labels)
    return labels


def _ints(values: np.ndarray) -> np.ndarray:
    """Node positions as given when they are integers (int32 from scoring), else int64."""
    values = np.asarray(values)
    return values if values.dtype.kind in "iu" else values.astype(np.int64)


def _floats(values: np.ndarray) -> np.ndarray:
    """Weights as given when they are floats (float32 from scoring), else float64."""
    values = np.asarray(values)
    return values if values.dtype.kind == "f" else values.astype(np.float64)


def _pairs(arrays: tuple[np.ndarray, np.ndarray] | None) -> tuple[np.ndarray, np.ndarray]:
    if arrays is None:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    a, b = (np.asarray(x, dtype=np.int64) for x in arrays)
    keep = a != b
    return a[keep], b[keep]


def cluster_profiles(
    n: int,
    left: np.ndarray,
    right: np.ndarray,
    weight: np.ndarray,
    conflict: np.ndarray,
    score_pairs: PairScorer,
    settings: ClusterSettings = ClusterSettings(),
    must_link: tuple[np.ndarray, np.ndarray] | None = None,
    cannot_link: tuple[np.ndarray, np.ndarray] | None = None,
) -> Clusters:
    """Cluster `n` nodes from scored pairs (see the module docstring for the steps).

    `weight` and `conflict` belong to the candidate pairs (left, right); `score_pairs` scores
    the pairs inside a component that blocking never produced. Overrides are node pairs.
    """
    # tens of millions of candidates: kept in the dtypes they come in (int32 positions, float32
    # weights), compared in float64 without a float64 copy, so the check holds no pair three ways
    left, right = _ints(left), _ints(right)
    weight, conflict = _floats(weight), _floats(conflict)
    ml_l, ml_r = _pairs(must_link)
    cl_l, cl_r = _pairs(cannot_link)
    ml_codes = np.unique(pair_codes(ml_l, ml_r))
    cl_codes = np.unique(pair_codes(cl_l, cl_r))

    codes = pair_codes(left, right)
    linked = np.greater(weight, settings.link_weight, signature=_IN_FLOAT64) & ~np.isin(codes, cl_codes)
    # the candidates by code: their order (int32 below 2**31 pairs), not sorted copies of weight and conflict
    order = np.argsort(codes, kind="stable")
    known_codes = codes[order]
    del codes
    if len(order) < 2**31:
        order = order.astype(np.int32)
    edge_l = np.r_[left[linked], ml_l]
    edge_r = np.r_[right[linked], ml_r]
    labels = connected_components(n, edge_l, edge_r)
    edge_w = np.r_[weight[linked].astype(np.float64), np.full(len(ml_l), np.inf)]
    labels = _split_large(
        n, edge_l, edge_r, edge_w, labels, settings.link_weight, settings.max_dense_size
    )

    # components checked as a whole: every internal pair scored, a batch of components at a time
    sizes = np.bincount(labels, minlength=n)
    same = labels[cl_l] == labels[cl_r]
    check = np.union1d(np.flatnonzero(sizes >= 3), labels[cl_l][same])
    checked = labels.copy()
    for batch in _batches(check, sizes[check], settings.check_batch_pairs):
        in_l, in_r = group_pairs(labels, batch)
        in_codes = pair_codes(in_l, in_r)
        found, in_weight, in_conflict = _lookup(known_codes, order, in_codes, weight, conflict)
        in_weight, in_conflict = in_weight.astype(np.float64), in_conflict.astype(np.float64)
        missing = ~found
        if missing.any():
            w, c = score_pairs(in_l[missing], in_r[missing])
            in_weight[missing], in_conflict[missing] = w, c
        must = np.isin(in_codes, ml_codes)
        forbidden = np.isin(in_codes, cl_codes)
        in_weight = np.where(must, np.inf, np.where(forbidden, -np.inf, in_weight))
        clash = forbidden | ((in_conflict <= settings.conflict_weight) & ~must)
        _recluster(checked, labels, in_l, in_r, in_weight, clash, settings.link_weight)
    labels = checked
    labels = _rejoin_must_links(labels, ml_l, ml_r, cl_l, cl_r)
    labels = connected_components(n, np.arange(n), labels)  # canonical: smallest node id
    return Clusters(labels=labels)


def _batches(components: np.ndarray, sizes: np.ndarray, max_pairs: int) -> list[np.ndarray]:
    """`components` (sorted) cut into consecutive runs of about `max_pairs` internal pairs (under
    twice that, plus one component), so the check's arrays stay bounded; in order, so the pairs
    scored come out as from one run."""
    if len(components) == 0:
        return []
    pairs = sizes * (sizes - 1) // 2
    run = np.cumsum(pairs) // max(max_pairs, 1)  # a new run starts where the running total passes a multiple
    cuts = np.flatnonzero(np.diff(run)) + 1
    return np.split(components, cuts)


def _recluster(out: np.ndarray, labels: np.ndarray, in_l: np.ndarray, in_r: np.ndarray, in_weight: np.ndarray,
               clash: np.ndarray, link_weight: float) -> None:
    """Rebuild each component holding a clash by constrained single linkage, into `out`."""
    troubled = np.unique(labels[in_l[clash]])
    if not len(troubled):
        return
    sel = np.isin(labels[in_l], troubled)
    sub_l, sub_r = in_l[sel], in_r[sel]
    nodes = np.unique(np.r_[sub_l, sub_r])  # every node of the troubled components: all their pairs are here
    li, ri = np.searchsorted(nodes, sub_l), np.searchsorted(nodes, sub_r)
    w, x = in_weight[sel], clash[sel]
    positive = (w > link_weight) & ~x
    # the components at once: no pair crosses two, so each is re-clustered as if alone
    sub = constrained_merge(len(nodes), li[positive], ri[positive], w[positive], li[x], ri[x])
    out[nodes] = nodes[sub]


def _rejoin_must_links(
    labels: np.ndarray, ml_l: np.ndarray, ml_r: np.ndarray, cl_l: np.ndarray, cl_r: np.ndarray
) -> np.ndarray:
    """Merge clusters joined by a must-link unless the merged cluster would hold a cannot-link."""
    for a, b in zip(ml_l, ml_r, strict=False):  # overrides are few (analyst decisions), not rows of data
        la, lb = labels[a], labels[b]
        if la == lb:
            continue
        merged = np.isin(labels, (la, lb))
        if (merged[cl_l] & merged[cl_r]).any():
            continue
        labels = np.where(labels == lb, la, labels)
    return labels
