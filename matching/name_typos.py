"""A name-only record's name with a typing slip, read as the one known company it is a slip of.

A rep's tracker row carries nothing but a name, typed by hand: "Galfield Anaytics", "Higlhand
Energy", "Dorby Optcs". Its normalised name matches no company exactly, and a name-only pair
that is merely similar is weak evidence in a market full of look-alike names, so the row stays
apart. A name is *anchored* when a record that also carries an address, city, phone, domain,
e-mail or account goes by it. A name held only by name-only records, on at most
MAX_TYPO_RECORDS of them (a slip is made once; a company that is named so on many rows is a
company), is read as an anchored name when exactly one anchored name is one slip from it (a
character dropped, added, changed, or two neighbours swapped; names of MIN_TYPO_NAME characters
or more) and the slip spares the first character (namesakes differ there: Norton, Dorton,
Horton). When two anchored names are one slip away, the name stays as it is.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd
from rapidfuzz import distance, process

from matching.edit_variants import deletion_variants

#: a name held by more name-only records than this is a company's own spelling, not a slip
MAX_TYPO_RECORDS: Final[int] = 2
#: shortest normalised name read as a slip of another
MIN_TYPO_NAME: Final[int] = 8


def _one_slip_neighbours(asked: np.ndarray, anchored: np.ndarray) -> np.ndarray:
    """For each asked name, the index of the one anchored name one OSA edit away sharing its first
    character, -1 when there is none or more than one. Candidates are names sharing a one-deletion
    variant (`edit_variants.deletion_variants`), looked up a length at a time (names of a length one
    apart at most), so the search grows with the names, not with asked times anchored."""
    out = np.full(len(asked), -1, dtype=np.int64)
    asked_len = pd.Series(asked, dtype=object).str.len().to_numpy()
    anchored_len = pd.Series(anchored, dtype=object).str.len().to_numpy()
    for length in np.unique(asked_len):
        q = np.flatnonzero(asked_len == length)
        t = np.flatnonzero(np.abs(anchored_len - length) <= 1)
        if len(t) == 0:
            continue
        variants = deletion_variants(pd.Series(np.concatenate([asked[q], anchored[t]]), dtype=object))
        mine = variants["form"].to_numpy() < len(q)
        pairs = variants[mine].merge(variants[~mine], on="variant")[["form_x", "form_y"]].drop_duplicates()
        left, right = pairs["form_x"].to_numpy(), pairs["form_y"].to_numpy() - len(q)
        edits = np.asarray(process.cpdist(asked[q[left]], anchored[t[right]], scorer=distance.OSA.distance,
                                          processor=None, score_cutoff=1, workers=-1))
        left, right = left[edits <= 1], right[edits <= 1]
        single = np.bincount(left, minlength=len(q)) == 1
        keep = single[left]
        out[q[left[keep]]] = t[right[keep]]
    same_start = np.zeros(len(asked), dtype=bool)
    found = out >= 0
    same_start[found] = (
        pd.Series(asked[found], dtype=object).str.slice(0, 1).to_numpy()
        == pd.Series(anchored[out[found]], dtype=object).str.slice(0, 1).to_numpy()
    )
    return np.where(same_start, out, -1)


def correct_name_typos(name_norm: pd.Series, name_only: np.ndarray) -> pd.Series:
    """`name_norm` with each slipped name of name-only records replaced by the anchored name it is
    a slip of (module docstring). `name_only` marks the records with nothing but a name."""
    code, names = pd.factorize(name_norm, use_na_sentinel=True)
    if len(names) == 0:
        return name_norm
    names = np.asarray(names, dtype=object)
    named = code >= 0
    anchored = np.zeros(len(names), dtype=bool)
    anchored[code[named & ~name_only]] = True
    holders = np.bincount(code[named], minlength=len(names))
    length = pd.Series(names, dtype=object).str.len().to_numpy()
    asked = np.flatnonzero(~anchored & (holders <= MAX_TYPO_RECORDS) & (length >= MIN_TYPO_NAME))
    targets = np.flatnonzero(anchored)
    if len(asked) == 0 or len(targets) == 0:
        return name_norm
    neighbour = _one_slip_neighbours(names[asked].astype(str), names[targets].astype(str))
    read_as = np.full(len(names), -1, dtype=np.int64)
    read_as[asked[neighbour >= 0]] = targets[neighbour[neighbour >= 0]]
    rows = np.flatnonzero(named & (read_as[np.maximum(code, 0)] >= 0))
    if len(rows) == 0:
        return name_norm
    out = name_norm.to_numpy(dtype=object).copy()
    out[rows] = names[read_as[code[rows]]]
    return pd.Series(out, index=name_norm.index, dtype=object)
