"""Names run together ("ACMEINDUSTRIESB.V.") split by a vocabulary learned from the other names.

A source that strips spaces turns "Acme Industries B.V." into one token no other name uses.
Such a long token is split into the fewest words that names of the same data use (or legal
forms: "acme|industries|bv"), so it compares, blocks and loses its legal form like the spaced
spelling. Tokens that other names use themselves ("northbridge") are never split, nor are tokens
that cannot be covered completely by known words, and a split is kept only when the spaced name
it gives is itself a name of the data. Dynamic programming over character
positions, vectorised over the candidate tokens (the loop runs over positions, not tokens).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from matching.text import TEXT_DTYPE, map_tokens

#: shortest token considered glued, and longest word taken as one piece
MIN_GLUED_LENGTH: Final[int] = 8
MAX_PIECE_LENGTH: Final[int] = 20
#: a split has at least two and at most this many pieces, one of them this long
MAX_PIECES: Final[int] = 5
MIN_LONGEST_PIECE: Final[int] = 4


def _token_frequencies(names: pd.Series) -> pd.Series:
    """Token -> number of distinct names containing it."""
    arr = pa.array(names.astype(object).where(names.notna(), None), type=pa.string())
    lists = pc.split_pattern(arr, " ")
    frame = pd.DataFrame(
        {
            "name": np.asarray(pc.list_parent_indices(lists)),
            "token": pc.list_flatten(lists).to_numpy(zero_copy_only=False),
        }
    ).drop_duplicates()
    return frame["token"].value_counts()


def _segment(tokens: pd.Series, words: frozenset[str]) -> pd.Series:
    """Fewest-word splits of `tokens` into `words` ("" where none exists), vectorised."""
    lengths = tokens.str.len().to_numpy(dtype=np.int64)
    k, longest = len(tokens), int(lengths.max()) if len(tokens) else 0
    cost = np.full((k, longest + 1), np.inf)
    cost[:, 0] = 0.0
    back = np.full((k, longest + 1), -1, dtype=np.int64)
    word_set = pa.array(sorted(words), type=pa.string())
    for end in range(2, longest + 1):
        rows = np.flatnonzero(lengths >= end)
        part = tokens.iloc[rows]
        for start in range(max(0, end - MAX_PIECE_LENGTH), end - 1):
            reachable = np.isfinite(cost[rows, start])
            if not reachable.any():
                continue
            piece = part.str.slice(start, end)
            known = np.asarray(pc.is_in(pa.array(piece.astype(object)), value_set=word_set))
            better = reachable & known.astype(bool) & (cost[rows, start] + 1 < cost[rows, end])
            if start == 0:  # the whole token is not a split of itself
                better &= lengths[rows] != end
            hit = rows[better]
            cost[hit, end] = cost[hit, start] + 1
            back[hit, end] = start
    pieces = cost[np.arange(k), lengths]
    ok = (pieces >= 2) & (pieces <= MAX_PIECES)
    out = pd.Series("", index=tokens.index, dtype=object)
    for i in np.flatnonzero(ok):  # only the tokens that split: few distinct values
        word = tokens.iat[i]
        cuts, pos = [], int(lengths[i])
        while pos > 0:
            cuts.append(pos)
            pos = int(back[i, pos])
        bounds = [0, *reversed(cuts)]
        parts = [word[a:b] for a, b in itertools.pairwise(bounds)]
        if max(len(p) for p in parts) >= MIN_LONGEST_PIECE:
            out.iat[i] = " ".join(parts)
    return out


def split_glued(
    names: pd.Series,
    extra_words: frozenset[str] = frozenset(),
    tidy: Callable[[pd.Series], pd.Series] | None = None,
) -> pd.Series:
    """`names` (distinct normalised names, space-separated tokens) with glued tokens split.

    The vocabulary is every token of `names` that another name uses too, plus `extra_words`
    (legal forms). A split is kept only when the split name, after `tidy` (which strips the
    legal forms it freed), is itself one of `names`: "acmeindustriesbv" becomes "acme
    industries" only where "acme industries" is a name of the data, so compound names
    ("salesforce") are never cut into common words. Returns a TEXT_DTYPE Series.
    """
    names = names.astype(TEXT_DTYPE)
    counts = _token_frequencies(names)
    if counts.empty:
        return names
    tokens = pd.Series(counts.index.to_numpy(dtype=object), dtype=TEXT_DTYPE)
    freq = counts.to_numpy()
    alpha = tokens.str.fullmatch("[a-z]+").fillna(False).to_numpy(dtype=bool)
    length = tokens.str.len().to_numpy(dtype=np.int64)
    vocabulary = frozenset(tokens[alpha & (length >= 2)]) | extra_words
    candidates = tokens[(freq == 1) & alpha & (length >= MIN_GLUED_LENGTH)]
    candidates = candidates.reset_index(drop=True)
    if candidates.empty:
        return names
    split = _segment(candidates, vocabulary)
    found = split.to_numpy(dtype=object) != ""
    mapping = dict(zip(candidates[found].tolist(), split[found].tolist(), strict=True))
    if not mapping:
        return names
    split_names = map_tokens(names, mapping)
    if tidy is not None:
        split_names = tidy(split_names)
    existing = list(frozenset(names.dropna()))
    changed = (split_names != names).fillna(False).to_numpy(dtype=bool)
    accept = changed & split_names.isin(existing).to_numpy(dtype=bool)
    return names.where(~accept, split_names)
