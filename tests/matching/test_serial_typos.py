"""Typo candidates found through hashed one-deletion variants equal the former string merge
(serial_typos_reference.py), on random serials with planted slips."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from matching.serial_typos import candidate_pairs
from tests.matching.serial_typos_reference import reference_candidate_pairs

ALPHABET = np.array(list("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"))


def _serials(seed: int, n: int = 3000) -> pd.Series:
    """Random keys of 6-14 characters, a third of them copied with one slip (drop, double,
    substitute, swap), some repeated exactly, one very common prefix family."""
    rng = np.random.default_rng(seed)
    keys = ["".join(rng.choice(ALPHABET, rng.integers(6, 15))) for _ in range(n)]
    for i in rng.integers(0, n, n // 3):
        k = list(keys[i])
        p = int(rng.integers(0, len(k) - 1))
        slip = rng.integers(0, 4)
        if slip == 0:
            del k[p]
        elif slip == 1:
            k.insert(p, k[p])
        elif slip == 2:
            k[p] = str(rng.choice(ALPHABET))
        else:
            k[p], k[p + 1] = k[p + 1], k[p]
        keys.append("".join(k))
    keys += keys[:50]  # exact repeats
    keys += [f"AAAAAAAA{c}" for c in "ABCDEFGH"]  # one run sharing many variants
    return pd.Series(keys, dtype=object)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_hashed_variants_find_the_pairs_the_string_merge_found(seed: int) -> None:
    keys = _serials(seed)
    got = sorted(zip(*candidate_pairs(keys), strict=True))
    want = sorted(zip(*reference_candidate_pairs(keys), strict=True))
    assert got == want
    assert len(got) > 500


def test_one_edit_apart_and_nothing_else() -> None:
    keys = pd.Series(["ABCDEFGH12", "ABCDEFGH1", "ABCDEFHG12", "ABCDEFGH13", "ZZZZZZZZZZ", "ABCDEFGH1299", "SHORT1"])
    pairs = set(zip(*(a.tolist() for a in candidate_pairs(keys)), strict=True))
    assert pairs == {(0, 1), (0, 2), (0, 3), (1, 3)}


def test_fewer_than_two_long_keys_give_no_pair() -> None:
    assert all(len(a) == 0 for a in candidate_pairs(pd.Series(["ABCDEFGH12", "SHORT"])))
