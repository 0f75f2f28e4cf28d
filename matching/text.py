"""Vectorised text helpers shared by every normaliser: unique-value mapping and ASCII folding.

Source columns repeat the same strings many times (a distributor report names one customer on
hundreds of lines), so every normaliser works on the distinct values only and broadcasts the
result back; the helpers here make that one call and keep the string work in pandas' vectorised
`.str` methods instead of Python loops over rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

_COMBINING_MARKS = r"[\u0300-\u036f]"


def on_unique(values: pd.Series, transform: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Apply a vectorised `transform` to the distinct non-null values of `values` only.

    Returns a Series aligned with `values` (same index); nulls stay null. `transform` receives a
    Series of distinct strings with a 0..k-1 index and must return a Series of the same length.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if len(uniques) == 0:
        return pd.Series([None] * len(values), index=values.index, dtype=object)
    out = transform(pd.Series(np.asarray(uniques, dtype=object), dtype=object))
    result = np.asarray(out, dtype=object)
    taken = np.where(codes >= 0, result[np.maximum(codes, 0)], None)
    series = pd.Series(taken, index=values.index, dtype=object)
    return series.where(series.notna(), None)


def as_text(values: pd.Series) -> pd.Series:
    """Cells as stripped strings (numbers that went through a float lose their ".0"); blanks -> None."""
    s = values.astype(object)
    s = s.where(s.notna(), None)
    out = on_unique(
        s,
        lambda u: u.astype(str).str.strip().str.replace(r"\.0$", "", regex=True),
    )
    return out.where(out.fillna("").str.len() > 0, None)


def fold_ascii(values: pd.Series) -> pd.Series:
    """Casefold and strip accents (NFKD, combining marks removed) of distinct string values."""
    return (
        values.astype(str)
        .str.normalize("NFKD")
        .str.replace(_COMBINING_MARKS, "", regex=True)
        .str.casefold()
    )


def squash_spaces(values: pd.Series) -> pd.Series:
    """Collapse runs of whitespace to one space and strip the ends; empty strings become None."""
    out = values.str.replace(r"\s+", " ", regex=True).str.strip()
    return out.where(out.str.len() > 0, None)


def map_tokens(values: pd.Series, mapping: Mapping[str, str], drop: frozenset[str]) -> pd.Series:
    """Replace whole space-separated tokens through `mapping` and remove tokens in `drop`.

    Works on the exploded token list of the distinct values (one vectorised map), then re-joins.
    A value whose tokens are all dropped keeps its mapped tokens instead of becoming empty.
    """
    tokens = values.fillna("").str.split(" ").explode()
    mapped = tokens.map(dict(mapping)).fillna(tokens)
    keep = ~mapped.isin(drop) & mapped.ne("")
    kept = mapped[keep].groupby(level=0).agg(" ".join)
    fallback = mapped[mapped.ne("")].groupby(level=0).agg(" ".join)
    joined = kept.reindex(values.index)
    joined = joined.where(joined.notna(), fallback.reindex(values.index))
    return joined.where(joined.fillna("").str.len() > 0, None)
