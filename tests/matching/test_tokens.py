"""matching.tokens: a pair's name agreement computed once per distinct pair of names equals the
agreement computed pair by pair, field by field and bit for bit."""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pandas as pd
import pytest

from matching.tokens import NameAgreement, name_agreement, name_tokens, soft_token_coverage

NAMES = ["northbridge capital", "nrthbridge capital", "northbridge capital labs", "willowport",
         "willowport pharmaceuticals", "anadolu makina kalip san ve tic", "anadolu makina san ve tic",
         "schelde services", "schelde techniek", "environme solutions", "environmental solutions", None]


def _agreements_equal(a: NameAgreement, b: NameAgreement) -> None:
    for f in fields(NameAgreement):
        x, y = getattr(a, f.name), getattr(b, f.name)
        assert x.dtype == y.dtype and np.array_equal(x, y, equal_nan=True), f.name


@pytest.mark.parametrize("chunk", [7, 250_000])
def test_agreement_once_per_distinct_name_pair_equals_pair_by_pair(chunk: int) -> None:
    rng = np.random.default_rng(5)
    # each name on several profiles, as one company on several sources' rows
    profiles = pd.Series([NAMES[i] for i in rng.integers(0, len(NAMES), 300)], dtype=object)
    tokens = name_tokens(profiles)
    left, right = rng.integers(0, 300, 5_000).astype(np.int32), rng.integers(0, 300, 5_000).astype(np.int32)
    names = np.asarray(tokens.name)
    assert len(np.unique(names[left] * 1000 + names[right])) < 0.7 * len(left)  # the distinct-pair path
    _agreements_equal(soft_token_coverage(tokens, left, right, chunk=chunk),
                      name_agreement(tokens, left, right, chunk=chunk))


def test_pairs_of_different_names_are_each_computed() -> None:
    tokens = name_tokens(pd.Series(NAMES, dtype=object))
    left, right = np.arange(len(NAMES) - 1), np.arange(1, len(NAMES))
    got = soft_token_coverage(tokens, left, right)
    _agreements_equal(got, name_agreement(tokens, left, right))
    assert got.coverage[0] > 0.9 and np.isnan(got.coverage[-1])  # a typo'd token; a missing name
    # the sides are not swapped: "willowport" is all of its own name in the longer one
    assert got.own_left[3] == 1.0 and got.own_right[3] < 1.0
