"""Pairwise precision, recall and F1 of a clustering against the truth, by counting group sizes.

A pair of records is predicted-matched when both are in the same predicted cluster and truly
matched when both are in the same true cluster. Counting pairs needs no pair list: a group of
size k holds k(k-1)/2 pairs, so
  predicted = sum over predicted clusters, true = sum over true clusters,
  both = sum over (predicted, true) intersections,
which is O(n) for any n.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class PairwiseQuality:
    """Pair counts and the derived pairwise precision, recall and F1."""

    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    precision: float
    recall: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        """The fields as a plain dict (for JSON reports)."""
        return asdict(self)


def _pairs_in_groups(labels: pd.Series) -> int:
    sizes = labels.value_counts(sort=False).to_numpy(dtype=np.int64)
    return int((sizes * (sizes - 1) // 2).sum())


def pairwise_quality(predicted: pd.Series, truth: pd.Series) -> PairwiseQuality:
    """Quality of `predicted` (record_id -> cluster) against `truth` (record_id -> true cluster).

    Both Series are indexed by record id; only records present in both are scored. Records with
    a null label count as singletons.
    """
    joined = pd.DataFrame({"p": predicted, "t": truth}).dropna(how="all")
    joined = joined[joined.index.isin(predicted.index) & joined.index.isin(truth.index)]
    singles = pd.Series(np.arange(len(joined)), index=joined.index).astype(str).radd("\x00")
    p = joined["p"].astype(object).where(joined["p"].notna(), singles)
    t = joined["t"].astype(object).where(joined["t"].notna(), singles)
    predicted_pairs = _pairs_in_groups(p)
    true_pairs = _pairs_in_groups(t)
    sizes = pd.DataFrame({"p": p, "t": t}).groupby(["p", "t"], sort=False).size().to_numpy(np.int64)
    correct = int((sizes * (sizes - 1) // 2).sum())
    precision = correct / predicted_pairs if predicted_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairwiseQuality(true_pairs, predicted_pairs, correct, precision, recall, f1)
