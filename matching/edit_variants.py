"""One-edit neighbours by hashing: each string's hash with one character deleted or two neighbours
swapped, computed for a whole array at once, so strings one edit apart are found by joining hashes
instead of comparing every pair (serial typos, typed names)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import numpy as np
import pandas as pd

#: odd multiplier of the polynomial hash of a variant's characters (arithmetic wraps mod 2**64)
HASH_BASE: Final[np.uint64] = np.uint64(0x9E3779B97F4A7C15)


def char_matrix(keys: np.ndarray) -> np.ndarray:
    """(n, width) uint64 code points of fixed-width strings, 0 past each string's end."""
    width = max(keys.dtype.itemsize // 4, 1)
    return np.ascontiguousarray(keys.astype(f"U{width}")).view(np.uint32).reshape(len(keys), width).astype(np.uint64)


def row_hashes(chars: np.ndarray) -> np.ndarray:
    """Polynomial hash of each row (all columns; padding zeros count, so equal strings of any
    origin hash alike when their rows are equally wide)."""
    h = np.zeros(len(chars), dtype=np.uint64)
    for k in range(chars.shape[1]):
        h = h * HASH_BASE + chars[:, k]
    return h


def edit_hashes(chars: np.ndarray, own: np.ndarray) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """Per position p, every row's hash with character p deleted and with characters p and p+1
    swapped (the row's own at the last position), equal to `row_hashes` of the edited rows at
    the same width, in a few vector operations per position from the running prefix hash.

    With H the row's hash and P_p the hash of its first p characters (all mod 2**64):
    deleting p gives P_p B^(w-p) + B (H - P_(p+1) B^(w-1-p)); swapping p and p+1 adds
    (c_(p+1) - c_p)(B^(w-1-p) - B^(w-2-p)).
    """
    n, width = chars.shape
    modulus = 1 << 64
    powers = [pow(int(HASH_BASE), k, modulus) for k in range(width + 1)]
    prefix = np.zeros(n, dtype=np.uint64)
    for p in range(width):
        after = prefix * HASH_BASE + chars[:, p]
        deleted = prefix * np.uint64(powers[width - p]) + HASH_BASE * (
            own - after * np.uint64(powers[width - 1 - p])
        )
        swapped = own
        if p + 1 < width:
            step = np.uint64((powers[width - 1 - p] - powers[width - 2 - p]) % modulus)
            swapped = own + (chars[:, p + 1] - chars[:, p]) * step
        yield p, deleted, swapped
        prefix = after


def deletion_variants(keys: pd.Series) -> pd.DataFrame:
    """(form, variant) rows: each key itself and each key with one character deleted, the variant
    as a 64-bit hash of its characters.

    Keys that share a variant are at most one substitution, insertion, deletion or adjacent
    swap apart; a hash collision only adds a candidate, and every candidate is verified with OSA
    distance afterwards. Vectorised over the keys; the loops run over character positions only.
    """
    chars = char_matrix(keys.to_numpy(dtype=str))
    lengths = (chars > 0).sum(axis=1)
    own = row_hashes(chars)
    forms = [np.arange(len(chars))]
    variants = [own]
    for p, deleted, _ in edit_hashes(chars, own):
        rows = np.flatnonzero(lengths > p)
        forms.append(rows)
        variants.append(deleted[rows])
    return pd.DataFrame({"form": np.concatenate(forms), "variant": np.concatenate(variants)})
