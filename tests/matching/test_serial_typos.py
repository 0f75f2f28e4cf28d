"""Typo candidates found through hashed one-deletion variants equal the former string merge
(serial_typos_reference.py), on random serials with planted slips; the search of substitutions
within one customer only (and of drops, doubles and swaps by lookup) finds every pair the typo
rules keep."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from matching import edit_variants, resolve_serials, serial_typos
from matching.serial_typos import candidate_pairs, shape_pairs
from tests.matching.serial_typos_reference import reference_candidate_pairs

ALPHABET = np.array(list("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"))


def _slip(key: str, rng: np.random.Generator, alphabet: np.ndarray, start: int) -> str:
    """`key` with one slip at or after `start`: a character dropped, doubled, substituted, or two
    neighbours swapped."""
    k = list(key)
    p = int(rng.integers(start, len(k) - 1))
    slip = rng.integers(0, 4)
    if slip == 0:
        del k[p]
    elif slip == 1:
        k.insert(p, k[p])
    elif slip == 2:
        k[p] = str(rng.choice(alphabet))
    else:
        k[p], k[p + 1] = k[p + 1], k[p]
    return "".join(k)


def _serials(seed: int, n: int = 3000) -> pd.Series:
    """Random keys of 6-14 characters, a third of them copied with one slip (drop, double,
    substitute, swap), some repeated exactly, one very common prefix family."""
    rng = np.random.default_rng(seed)
    keys = ["".join(rng.choice(ALPHABET, rng.integers(6, 15))) for _ in range(n)]
    for i in rng.integers(0, n, n // 3):
        keys.append(_slip(keys[i], rng, ALPHABET, 0))
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


def _osa_kind(a: str, b: str) -> str:
    """'substitution' for different keys of one length that are no swap of two neighbours,
    else 'shape'."""
    if len(a) != len(b) or a == b:
        return "shape"
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
    return "shape" if swapped else "substitution"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shape_pairs_are_the_pairs_one_drop_double_or_swap_apart_or_equal(seed: int) -> None:
    keys = _serials(seed)
    kv = keys.tolist()
    want = {
        p for p in zip(*reference_candidate_pairs(keys), strict=True) if _osa_kind(kv[p[0]], kv[p[1]]) == "shape"
    }
    got = set(zip(*(a.tolist() for a in shape_pairs(keys)), strict=True))
    assert got == want
    assert len(want) > 300


@pytest.mark.parametrize("slice_size", [None, 1, 50])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_scoped_candidates_are_the_pairs_sharing_a_label(
    seed: int, slice_size: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether the labels are searched (and the candidates' keys compared) at once or a few at a
    time (a label spanning a slice's end stays whole), the same pairs come back."""
    if slice_size is not None:
        monkeypatch.setattr(serial_typos, "SCOPE_SLICE", slice_size)
        monkeypatch.setattr(serial_typos, "PAIR_SLICE", slice_size)
    keys = _serials(seed)
    rng = np.random.default_rng(seed)
    scope = pd.DataFrame({"form": np.arange(len(keys)), "label": rng.integers(0, 40, len(keys))})
    extra = scope.sample(frac=0.3, random_state=seed).assign(label=lambda f: f["label"] + 7)
    scope = pd.concat([scope, extra], ignore_index=True)  # some keys under two labels
    labels = scope.groupby("form")["label"].agg(set)
    want = {
        p for p in zip(*reference_candidate_pairs(keys), strict=True) if labels[p[0]] & labels[p[1]]
    }
    got = set(zip(*(a.tolist() for a in candidate_pairs(keys, scope)), strict=True))
    assert got == want
    assert len(want) > 20


def _mentions(seed: int, n_units: int = 1500) -> pd.DataFrame:
    """Serial mentions of units at 60 customers (a tenth of them without one), from three
    sources, each unit a few times, with one-character slips (drop, double, substitute, swap),
    O/0 and S/5 look-alikes, short dense serials so unrelated units are one edit apart too."""
    rng = np.random.default_rng(seed)
    dense = np.array(list("0123456789ABCOS"))
    rows = []
    for unit in range(n_units):
        serial = "FCW" + "".join(rng.choice(dense, 6))
        customer = None if rng.random() < 0.1 else f"C{rng.integers(0, 60)}"
        sku = f"SKU-{rng.integers(0, 3)}"
        for m in range(int(rng.integers(1, 4))):
            written = serial
            if rng.random() < 0.2:  # a look-alike, sometimes with a slip besides
                written = "".join({"0": "O", "O": "0", "5": "S", "S": "5"}.get(c, c) for c in written)
            if rng.random() < 0.3:
                written = _slip(written, rng, dense, 3)
            rows.append((f"r{unit}-{m}", written, sku, ["dist", "crm", "tracker"][m % 3], customer))
    return pd.DataFrame(rows, columns=["record_id", "raw_serial", "sku", "source", "customer"])


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_scoped_search_gives_the_assets_the_search_over_every_pair_gave(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The typo rules keep a substituted character only within one customer, so searching
    substitutions there only (and drops, doubles and swaps everywhere) changes no asset."""
    rows = _mentions(seed)
    new = resolve_serials(rows)["asset_key"]
    every_pair = lambda keys, scope=None: reference_candidate_pairs(keys)  # noqa: E731
    monkeypatch.setattr(serial_typos, "shape_pairs", every_pair)
    monkeypatch.setattr(serial_typos, "candidate_pairs", every_pair)
    old = resolve_serials(rows)["asset_key"]
    assert (pd.factorize(new)[0] == pd.factorize(old)[0]).all()
    typos = rows.assign(asset=new).groupby("asset")["raw_serial"].nunique()
    assert (typos > 1).sum() > 100  # the world had typos to join


def test_edit_hashes_equal_the_hashes_of_the_edited_keys() -> None:
    """The running-prefix formula gives the hash of the key with a character deleted (or two
    neighbours swapped) exactly as hashing the edited characters does."""
    chars = edit_variants.char_matrix(_serials(5).to_numpy(dtype=str))
    n, width = chars.shape
    padded = np.zeros((n, width + 1), dtype=np.uint64)
    padded[:, :width] = chars
    own = edit_variants.row_hashes(chars)
    for p, deleted, swapped in edit_variants.edit_hashes(chars, own):
        cut = np.concatenate([padded[:, :p], padded[:, p + 1 :]], axis=1)
        assert (edit_variants.row_hashes(cut) == deleted).all()
        edited = chars.copy()
        if p + 1 < width:
            edited[:, [p, p + 1]] = edited[:, [p + 1, p]]
        assert (edit_variants.row_hashes(edited) == swapped).all()
