"""The former string-merge candidate search of `matching.serial_typos`, kept verbatim as the reference
the hashed one is tested against (tests/matching/test_serial_typos.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from rapidfuzz import distance, process

from matching.serial_typos import MIN_TYPO_LENGTH


def reference_deletion_variants(keys: pd.Series) -> pd.DataFrame:
    """(form, variant) rows: each key itself and each key with one character deleted.

    Keys that share a variant are at most one substitution, insertion, deletion or adjacent
    swap apart (the candidates are verified with OSA distance afterwards). Vectorised over the
    keys; the loop runs over character positions only.
    """
    arr = keys.to_numpy(dtype=str)
    n = len(arr)
    width = max(arr.dtype.itemsize // 4, 1)
    chars = np.ascontiguousarray(arr.astype(f"U{width}")).view("U1").reshape(n, width)
    lengths = np.char.str_len(arr)
    forms = [np.arange(n)]
    variants = [arr.astype(object)]
    for p in range(width):
        rows = np.flatnonzero(lengths > p)
        cut = np.ascontiguousarray(np.delete(chars[rows], p, axis=1))
        forms.append(rows)
        variants.append(
            cut.view(f"U{max(width - 1, 1)}").reshape(len(rows)).astype(object)
            if width > 1
            else np.full(len(rows), "", dtype=object)
        )
    return pd.DataFrame({"form": np.concatenate(forms), "variant": np.concatenate(variants)})


def reference_candidate_pairs(keys: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of folded keys (MIN_TYPO_LENGTH+ characters) one OSA edit apart."""
    empty = np.empty(0, dtype=np.int64)
    long = np.flatnonzero(keys.str.len().to_numpy() >= MIN_TYPO_LENGTH)
    if len(long) < 2:
        return empty, empty
    dv = reference_deletion_variants(keys.iloc[long].reset_index(drop=True))
    dv["form"] = long[dv["form"].to_numpy()]
    cand = dv.merge(dv, on="variant")
    cand = cand[cand["form_x"] < cand["form_y"]][["form_x", "form_y"]].drop_duplicates()
    left, right = cand["form_x"].to_numpy(np.int64), cand["form_y"].to_numpy(np.int64)
    if len(left) == 0:
        return empty, empty
    kv = keys.to_numpy(dtype=object)
    dist = process.cpdist(
        kv[left], kv[right], scorer=distance.OSA.distance, processor=None, score_cutoff=1,
        workers=-1,
    )
    one = np.asarray(dist) <= 1
    return left[one], right[one]


