"""Names cut short by a fixed-width field, and the one longer name of the data they stand for.

An accounting system that keeps 20 characters of a customer's name turns "Quinmere Manufacturing
Corp." into "Quinmere Manufacturi": the last word is a fragment, and the name agrees with the
full one only as a prefix. Such a source shows itself in its names' lengths: every name that was
longer than the field piles up at the field's width, so far more distinct names sit at that length
than at the lengths either side (`cut_widths`). A name of a cut source at a width, or one below it
(the cut fell on a space, which the reading trimmed), is completed when every uncut name of the
data that starts with it normalises to one and the same name (`complete_cut_names`); when two
companies could be meant ("Cardinal Materials C": Corporation or Consulting), the name keeps its
own normalisation and the matcher's caution.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from matching.text import PUNCTUATION, fold_ascii, on_unique, replace_regex, squash_spaces

#: a length is a field's width when at least this many distinct names of a source sit at it ...
MIN_CUT_NAMES: Final[int] = 20
#: ... and they are this many times as many as at either neighbouring length
CUT_SPIKE: Final[float] = 2.0
#: no character sorts after it, so [key, key + it) holds every string that starts with key
_AFTER_EVERY_EXTENSION: Final[str] = chr(0x10FFFF)


@dataclass(frozen=True)
class _NameCells:
    """Each row's distinct name and source as codes (-1: none), and each distinct name's length."""

    name: np.ndarray
    names: np.ndarray
    length: np.ndarray
    source: np.ndarray
    sources: np.ndarray

    @classmethod
    def of(cls, names: pd.Series, sources: pd.Series) -> _NameCells:
        name, distinct = pd.factorize(names, use_na_sentinel=True)
        source, source_names = pd.factorize(sources, use_na_sentinel=True)
        distinct_names = np.asarray(distinct, dtype=object).astype(str)
        length = pd.Series(distinct_names, dtype=object).str.strip().str.len().to_numpy(dtype=np.int64)
        return cls(name, distinct_names, length, source, np.asarray(source_names, dtype=object).astype(str))

    def spikes(self) -> np.ndarray:
        """(source, length) -> whether that length is a width the source's names were cut to."""
        rows = (self.name >= 0) & (self.source >= 0)
        longest = int(self.length.max(initial=0)) + 2
        width = len(self.names)
        pairs = pd.unique(self.source[rows] * width + self.name[rows])  # each source's distinct names
        distinct_cell = (pairs // width) * longest + self.length[pairs % width]
        n = np.bincount(distinct_cell, minlength=len(self.sources) * longest).reshape(len(self.sources), longest)
        before = np.pad(n, ((0, 0), (1, 0)))[:, :-1]
        after = np.pad(n, ((0, 0), (0, 1)))[:, 1:]
        return (n >= MIN_CUT_NAMES) & (n >= CUT_SPIKE * np.maximum(before, after))

    def cut(self, spikes: np.ndarray) -> np.ndarray:
        """Rows whose name may have been cut: at a width of its source, or one below it."""
        maybe = spikes | np.pad(spikes, ((0, 0), (0, 1)))[:, 1:]  # width w marks w - 1 too
        rows = (self.name >= 0) & (self.source >= 0)
        out = np.zeros(len(self.name), dtype=bool)
        out[rows] = maybe[self.source[rows], self.length[self.name[rows]]]
        return out


def prefix_keys(names: pd.Series) -> pd.Series:
    """Names folded so that a cut name's key is a prefix of the full name's key: case, accents,
    dots and apostrophes dropped, "&" spelled out, other punctuation and space runs one space."""
    def fold(u: pd.Series) -> pd.Series:
        s = fold_ascii(squash_spaces(u).fillna(""))
        s = s.str.replace("[&+]", " and ", regex=True).str.replace("['`." + chr(0x2019) + "]", "", regex=True)
        s = replace_regex(s, PUNCTUATION, " ").str.replace(" +", " ", regex=True).str.strip()
        return s.where(s.str.len() > 0)
    return on_unique(names, fold)


def cut_widths(names: pd.Series, sources: pd.Series) -> dict[str, tuple[int, ...]]:
    """The field widths each source's names were cut to (sources with none are left out).

    A width is a length at which a source's distinct names spike: names of every longer length
    pile up there, while the lengths either side hold what names of that length naturally do. A
    source may mix cut and whole names (records migrated from an older system), so the width need
    not be its longest length."""
    cells = _NameCells.of(names, sources)
    spikes = cells.spikes()
    return {str(cells.sources[s]): tuple(int(w) for w in np.flatnonzero(row))
            for s, row in enumerate(spikes) if row.any()}


def cut_mask(names: pd.Series, sources: pd.Series) -> np.ndarray:
    """Rows whose name may have been cut: at a width of its source or one below it (a cut that fell
    on a space, trimmed when the file was read)."""
    cells = _NameCells.of(names, sources)
    return cells.cut(cells.spikes())


def complete_cut_names(names: pd.Series, sources: pd.Series, name_norm: pd.Series) -> pd.Series:
    """`name_norm` with each cut name's normalisation replaced by the one normalisation that every
    uncut name starting with it shares (kept as it is when none or several do). Aligned with `names`."""
    cells = _NameCells.of(names, sources)
    cut = cells.cut(cells.spikes())
    if not cut.any():
        return name_norm
    norm, norm_values = pd.factorize(name_norm, use_na_sentinel=True)
    norm_values = np.asarray(norm_values, dtype=object)
    keys = prefix_keys(pd.Series(cells.names, dtype=object)).to_numpy(dtype=object)
    usable = (cells.name >= 0) & (norm >= 0)
    usable[usable] = pd.notna(keys[cells.name[usable]])
    # the uncut names: each distinct (name, normalisation) once, sorted by key
    whole = usable & ~cut
    pair = pd.unique(cells.name[whole].astype(np.int64) * len(norm_values) + norm[whole])
    whole_keys = keys[pair // len(norm_values)].astype(str)
    order = np.argsort(whole_keys, kind="stable")
    sorted_keys, sorted_norms = whole_keys[order], (pair % len(norm_values))[order]
    asked = pd.unique(cells.name[usable & cut])
    asked_keys = keys[asked].astype(str)
    lo = np.searchsorted(sorted_keys, asked_keys, side="left")
    hi = np.searchsorted(sorted_keys, np.char.add(asked_keys, _AFTER_EVERY_EXTENSION), side="left")
    # the uncut names starting with a key are the run [lo, hi) of the sorted keys: they share one
    # normalisation when it never changes between neighbours inside the run
    changes = np.concatenate([[0], np.cumsum(sorted_norms[1:] != sorted_norms[:-1])])
    one = hi > lo
    one[one] = changes[hi[one] - 1] == changes[lo[one]]
    completion = np.full(len(cells.names), -1, dtype=np.int64)
    completion[asked[one]] = sorted_norms[lo[one]]
    rows = np.flatnonzero(usable & cut)
    taken = completion[cells.name[rows]]
    out = name_norm.to_numpy(dtype=object).copy()
    out[rows[taken >= 0]] = norm_values[taken[taken >= 0]]
    return pd.Series(out, index=name_norm.index, dtype=object)
