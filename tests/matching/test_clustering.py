"""The cluster check in batches of components gives the clusters, and scores the pairs in the order,
of checking every component at once."""

from __future__ import annotations

import numpy as np
import pytest

from matching.clustering import ClusterSettings, cluster_profiles


def _world(seed: int) -> tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Random groups of 1-12 nodes, strong pairs inside, a few bad pairs across, some conflicts."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(1, 13, 300)
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    left, right = [], []
    for start, size in zip(starts, sizes, strict=True):
        for i in range(1, size):
            left.append(start + rng.integers(0, i)), right.append(start + i)
    n = int(sizes.sum())
    bad = rng.integers(0, n, (60, 2))
    weight = np.r_[np.full(len(left), 12.0), np.full(len(bad), 3.0)]  # strong inside, weak across
    left, right = np.r_[left, bad[:, 0]], np.r_[right, bad[:, 1]]
    keep = left != right
    left, right, weight = left[keep], right[keep], weight[keep]
    conflict = np.where(rng.random(len(left)) < 0.05, -8.0, 0.0)
    return n, left.astype(np.int64), right.astype(np.int64), weight, conflict


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_batches_of_components_give_the_clusters_and_scored_pairs_of_one_batch(seed: int) -> None:
    n, left, right, weight, conflict = _world(seed)

    def run(batch: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        asked: list[tuple[np.ndarray, np.ndarray]] = []

        def score(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            asked.append((a, b))
            clash = ((a * 7 + b) % 11 == 0).astype(float)  # some unseen pairs are another city
            return np.full(len(a), -2.0), -9.0 * clash

        labels = cluster_profiles(n, left, right, weight, conflict, score,
                                  ClusterSettings(check_batch_pairs=batch)).labels
        return labels, np.concatenate([a for a, _ in asked]), np.concatenate([b for _, b in asked])

    whole = run(10**9)
    assert len(np.unique(whole[0])) > 300  # the conflicts split some groups the bad pairs joined
    for batch in (1, 7, 100):
        labels, a, b = run(batch)
        assert np.array_equal(labels, whole[0])
        assert np.array_equal(a, whole[1]) and np.array_equal(b, whole[2])
