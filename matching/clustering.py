"""Scored pairs -> clusters, without chaining unrelated companies through one bad pair.

All thresholds are match weights in bits (log2 odds; 0 = probability 0.5).

1. Link pairs whose weight reaches `link_weight` (and must-link pairs); take connected
   components.
2. A component of three or more profiles (or one holding a cannot-link pair) is checked as a
   whole: every pair inside it is scored (pairs blocking never produced are scored now). If no
   internal pair falls below `split_weight` it stays one cluster.
3. Otherwise it is re-clustered by average linkage on the weights (clipped to +-`weight_clip`):
   clusters merge while the mean weight between them is at least `cluster_weight`;
   cannot-link pairs can never end up together. Averaging log-odds rather than probabilities
   lets pairs with little information (a name-only rep-tracker row: weight slightly below 0)
   ride along with a strong link, while contradicting pairs (other city, other street, other
   phone: strongly negative) veto a merge. So "Northbridge Capital Corp" (3 profiles) and
   "Northbridge Capital Labs" (3 profiles) joined by one bad pair stay apart.
4. Must-link pairs split apart by step 3 are joined again unless that violates a cannot-link.
Components too large for a dense matrix are first cut by raising the link threshold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from matching.blocking import pair_codes
from matching.graph import average_linkage, connected_components, group_pairs

PairScorer = Callable[[np.ndarray, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class ClusterSettings:
    """Thresholds of `cluster_profiles` (match weights in bits) and the dense-matrix size limit."""

    link_weight: float = 0.0
    split_weight: float = -2.0
    cluster_weight: float = 0.0
    weight_clip: float = 16.0
    max_dense_size: int = 800


@dataclass(frozen=True)
class Clusters:
    """Cluster label per node and the pairs scored during clustering (beyond the candidates)."""

    labels: np.ndarray
    left: np.ndarray
    right: np.ndarray
    weight: np.ndarray


def _lookup(codes_sorted: np.ndarray, values_sorted: np.ndarray, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Values for `codes` from a sorted code table; (found mask, values)."""
    if len(codes_sorted) == 0:
        return np.zeros(len(codes), dtype=bool), np.zeros(len(codes))
    pos = np.minimum(np.searchsorted(codes_sorted, codes), len(codes_sorted) - 1)
    found = codes_sorted[pos] == codes
    return found, values_sorted[pos]


def _split_large(
    n: int, left: np.ndarray, right: np.ndarray, weight: np.ndarray, labels: np.ndarray,
    threshold: float, max_size: int,
) -> np.ndarray:
    """Cut components above `max_size` nodes by re-linking them at stricter thresholds."""
    for stricter in (4.0, 8.0, 12.0, 16.0, 24.0, np.inf):
        sizes = np.bincount(labels, minlength=n)
        big = sizes[labels] > max_size
        if not big.any() or stricter <= threshold:
            if not big.any():
                break
            continue
        inside = big[left] & big[right] & (weight >= stricter)
        sub = connected_components(n, left[inside], right[inside])
        labels = np.where(big, sub, labels)
    return labels


def cluster_profiles(
    n: int,
    left: np.ndarray,
    right: np.ndarray,
    weight: np.ndarray,
    score_pairs: PairScorer,
    settings: ClusterSettings = ClusterSettings(),
    must_link: tuple[np.ndarray, np.ndarray] | None = None,
    cannot_link: tuple[np.ndarray, np.ndarray] | None = None,
) -> Clusters:
    """Cluster `n` nodes from scored pairs (see the module docstring for the steps).

    `score_pairs(left, right)` returns match weights for pairs blocking did not produce;
    overrides are node pairs (must-link pairs count as certain, cannot-link as never together).
    """
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    weight = np.asarray(weight, dtype=np.float64)
    settings_clip = settings.weight_clip
    ml_l, ml_r = (np.asarray(a, dtype=np.int64) for a in must_link) if must_link else (np.empty(0, np.int64),) * 2
    cl_l, cl_r = (np.asarray(a, dtype=np.int64) for a in cannot_link) if cannot_link else (np.empty(0, np.int64),) * 2
    keep_ml, keep_cl = ml_l != ml_r, cl_l != cl_r
    ml_l, ml_r, cl_l, cl_r = ml_l[keep_ml], ml_r[keep_ml], cl_l[keep_cl], cl_r[keep_cl]

    codes = pair_codes(left, right)
    order = np.argsort(codes, kind="stable")
    known_codes, known_weight = codes[order], weight[order]
    ml_codes = np.unique(pair_codes(ml_l, ml_r))
    cl_codes = np.unique(pair_codes(cl_l, cl_r))

    linked = (weight >= settings.link_weight) & ~np.isin(codes, cl_codes)
    edge_l = np.r_[left[linked], ml_l]
    edge_r = np.r_[right[linked], ml_r]
    labels = connected_components(n, edge_l, edge_r)
    edge_w = np.r_[weight[linked], np.full(len(ml_l), np.inf)]
    labels = _split_large(n, edge_l, edge_r, edge_w, labels, settings.link_weight, settings.max_dense_size)

    # components to check as a whole
    sizes = np.bincount(labels, minlength=n)
    check = np.flatnonzero(sizes >= 3)
    conflict_labels = labels[cl_l][labels[cl_l] == labels[cl_r]]
    check = np.union1d(check, conflict_labels)
    in_l, in_r = group_pairs(labels, check)
    in_codes = pair_codes(in_l, in_r)
    found, in_weight = _lookup(known_codes, known_weight, in_codes)
    missing = ~found
    in_weight = in_weight.astype(np.float64)
    if missing.any():
        in_weight[missing] = score_pairs(in_l[missing], in_r[missing])
    scored_weight = in_weight[missing].copy()
    in_weight = np.clip(in_weight, -settings_clip, settings_clip)
    in_weight = np.where(np.isin(in_codes, ml_codes), settings_clip, in_weight)
    forbidden = np.isin(in_codes, cl_codes)
    in_weight = np.where(forbidden, -np.inf, in_weight)

    frame = pd.DataFrame({"label": labels[in_l], "w": in_weight})
    worst = frame.groupby("label")["w"].min()
    to_split = worst.index[worst < settings.split_weight].to_numpy()
    labels = labels.copy()
    if len(to_split):
        sel = np.isin(labels[in_l], to_split)
        sl, sr, sp = in_l[sel], in_r[sel], in_weight[sel]
        order = np.argsort(labels[sl], kind="stable")
        sl, sr, sp = sl[order], sr[order], sp[order]
        bounds = np.r_[0, np.flatnonzero(np.diff(labels[sl])) + 1, len(sl)]
        for lo, hi in zip(bounds[:-1], bounds[1:]):  # one iteration per component to split
            nodes = np.unique(np.r_[sl[lo:hi], sr[lo:hi]])
            index = np.searchsorted(nodes, np.r_[sl[lo:hi]]), np.searchsorted(nodes, sr[lo:hi])
            sim = np.zeros((len(nodes), len(nodes)))
            sim[index[0], index[1]] = sp[lo:hi]
            sim[index[1], index[0]] = sp[lo:hi]
            sub = average_linkage(sim, settings.cluster_weight)
            labels[nodes] = nodes[sub]
    labels = _rejoin_must_links(labels, ml_l, ml_r, cl_l, cl_r)
    labels = connected_components(n, np.arange(n), labels)  # canonical: smallest node id

    return Clusters(labels=labels, left=in_l[missing], right=in_r[missing], weight=scored_weight)


def _rejoin_must_links(
    labels: np.ndarray, ml_l: np.ndarray, ml_r: np.ndarray, cl_l: np.ndarray, cl_r: np.ndarray
) -> np.ndarray:
    """Merge clusters joined by a must-link unless the merged cluster would hold a cannot-link."""
    for a, b in zip(ml_l, ml_r):  # overrides are few (analyst decisions), not rows of data
        la, lb = labels[a], labels[b]
        if la == lb:
            continue
        merged = np.isin(labels, (la, lb))
        if (merged[cl_l] & merged[cl_r]).any():
            continue
        labels = np.where(labels == lb, la, labels)
    return labels
