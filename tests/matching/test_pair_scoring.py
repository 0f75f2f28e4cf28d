"""Scored pairs joined part by part: the same pairs, fields and level dtypes as one concatenation;
scored chunk by chunk: the same levels and weights as in one pass."""

from __future__ import annotations

import itertools

import duckdb
import numpy as np
import pandas as pd

from matching.comparisons import comparison_inputs
from matching.pair_scoring import LEVEL_COLUMNS, KeptPairs, ScoredPairs, column_frame, concat_scored, score_pairs
from matching.profiles import build_profiles
from matching.tokens import name_tokens
from matching.weights import CUSTOMER_MODEL


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


def test_kept_pairs_hold_the_scored_arrays_but_the_conflict_and_join_as_they_are() -> None:
    """What a resolution keeps once clustered: the same arrays (no copy), no conflict; joined like scored pairs."""
    scored = [_part(n, i) for i, n in enumerate((4, 6))]
    kept = [KeptPairs.of(p) for p in scored]
    assert not hasattr(kept[0], "conflict")
    assert kept[0].weight is scored[0].weight and kept[0].levels is scored[0].levels
    want = {f: np.concatenate([getattr(p, f) for p in scored]) for f in ("left", "right", "weight", "rule_bits", "source")}
    want_levels = pd.concat([p.levels.copy() for p in scored], ignore_index=True)
    joined = concat_scored(kept)
    assert isinstance(joined, KeptPairs) and len(joined) == 10
    for name, array in want.items():
        assert np.array_equal(getattr(joined, name), array), name
    pd.testing.assert_frame_equal(joined.levels, want_levels, check_exact=True)


def test_scoring_in_chunks_gives_every_pair_the_levels_and_weights_of_one_pass() -> None:
    """Per-profile work (postal districts, long names' words) is made once, not per chunk of pairs:
    whatever the chunk, each pair gets the same levels and weights."""
    records = pd.DataFrame({
        "record_id": [f"r{i}" for i in range(8)],
        "name": ["Anadolu Makina Kalip San. ve Tic.", "Anadolu Makina San. ve Tic.", "Northbridge Ltd",
                 "North Bridge Ltd", "Acme Corp", "Acme Corporation", "Zeta GmbH", "Zeta Gmbh"],
        "postal_code": ["60601", "60614", "SW1A 1AA", "SW1A 2BB", "10115", None, "10117", "10115"],
        "country": ["US", "US", "GB", "GB", "DE", "DE", "DE", "DE"],
        "city": ["Chicago", "Chicago", "London", "London", "Berlin", "Berlin", "Berlin", "Berlin"],
    })
    profiles = build_profiles(records)
    inputs = comparison_inputs(profiles, name_tokens(profiles.table["name_norm"]), duckdb.connect())
    pairs = np.array(list(itertools.combinations(range(len(profiles)), 2)), dtype=np.int32)
    left, right = pairs[:, 0], pairs[:, 1]
    whole = score_pairs(inputs, left, right, CUSTOMER_MODEL)
    assert (whole.levels["postal"] == 1).any()  # a postal district shared, the codes not: compared
    for chunk in (1, 3, 7):
        part = score_pairs(inputs, left, right, CUSTOMER_MODEL, chunk=chunk)
        pd.testing.assert_frame_equal(part.levels, whole.levels, check_exact=True)
        assert np.array_equal(part.weight, whole.weight) and np.array_equal(part.rule_bits, whole.rule_bits)


def test_two_boxes_sharing_their_first_digits_are_no_neighbours() -> None:
    """A postal code's first three characters are a district; a box's number is none: "P.O. Box 85501" and
    "P.O. Box 85999" are two boxes (23 false merges of a probe's names leaned on "POB"), 10115 and 10117 one
    district."""
    records = pd.DataFrame({
        "record_id": ["a", "b", "c", "d"],
        "name": ["Bahrain Fisheries W.L.L.", "Al Bahrain Fisheries Co. W.L.L.", "Acme Trading GmbH", "Acme Handel GmbH"],
        "postal_code": ["P.O. Box 85501", "P.O. Box 85999", "10115", "10117"],
    })
    profiles = build_profiles(records)
    inputs = comparison_inputs(profiles, name_tokens(profiles.table["name_norm"]), duckdb.connect())
    scored = score_pairs(inputs, np.array([0, 2], dtype=np.int32), np.array([1, 3], dtype=np.int32), CUSTOMER_MODEL)
    assert scored.levels["postal"].tolist() == [0, 1]
