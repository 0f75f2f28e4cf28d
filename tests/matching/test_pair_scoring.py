"""Scored pairs joined part by part: the same pairs, fields and level dtypes as one concatenation."""

from __future__ import annotations

import numpy as np
import pandas as pd

from matching.pair_scoring import LEVEL_COLUMNS, ScoredPairs, column_frame, concat_scored


def _part(n: int, seed: int) -> ScoredPairs:
    rng = np.random.default_rng(seed)
    levels = {c: rng.integers(-1, 4, n).astype(np.int8) for c in LEVEL_COLUMNS}
    levels["name_similarity"] = rng.random(n, dtype=np.float32)
    return ScoredPairs(
        left=rng.integers(0, 100, n).astype(np.int32), right=rng.integers(0, 100, n).astype(np.int32),
        weight=rng.normal(size=n).astype(np.float32), conflict=rng.normal(size=n).astype(np.float32),
        rule_bits=rng.integers(0, 64, n).astype(np.int32), source=np.full(n, seed, dtype=np.int16),
        levels=column_frame(levels),
    )


def test_parts_joined_a_column_at_a_time_equal_one_concatenation() -> None:
    sizes = (5, 0, 7, 3)
    expected = [_part(n, i) for i, n in enumerate(sizes)]
    want_levels = pd.concat([p.levels.copy() for p in expected], ignore_index=True)
    want_arrays = {f: np.concatenate([getattr(p, f) for p in expected])
                   for f in ("left", "right", "weight", "conflict", "rule_bits", "source")}
    parts = [_part(n, i) for i, n in enumerate(sizes)]
    joined = concat_scored(parts)
    assert parts == []  # consumed
    pd.testing.assert_frame_equal(joined.levels, want_levels, check_exact=True)
    assert list(joined.levels.columns) == [*LEVEL_COLUMNS, "name_similarity"]
    for name, want in want_arrays.items():
        got = getattr(joined, name)
        assert got.dtype == want.dtype and np.array_equal(got, want), name
    assert len(joined) == sum(sizes)
