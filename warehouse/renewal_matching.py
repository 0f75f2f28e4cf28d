"""One-to-one renewal links from weighted candidate pairs, as a maximum-weight bipartite matching.

A contract renews at most one and is renewed by at most one. Taking the best pair first (greedy)
can strand a contract: if A may be renewed only by X, and B by X or Y, greedy gives X to whichever
pair is a little better and A is left lapsed. The matching instead maximises the total weight over
all pairs at once (scipy's sparse LAPJV, `min_weight_full_bipartite_matching`), so with weights
that grow by orders of magnitude with the evidence, a stronger link is never traded for weaker
ones, and among links of equal strength as many contracts as possible are linked.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

#: a link's weight per strength: one stronger link outweighs any swap of weaker ones a renewal chain allows
STRENGTH_BASE = 100.0


def renewal_weights(strength: pd.Series, both_numbered: pd.Series, shared_assets: pd.Series,
                    gap_days: pd.Series) -> np.ndarray:
    """Weight of each candidate pair: STRENGTH_BASE ** strength, then small bonuses (within 15%) for
    both contracts numbered, assets shared and a shorter gap, which only decide between equal
    strengths and never cost a link."""
    bonus = (0.1 * both_numbered.fillna(False).astype(float)
             + 0.004 * shared_assets.fillna(0).clip(upper=10).astype(float)
             + 0.0099 * (1.0 - gap_days.fillna(365).clip(lower=0, upper=365).astype(float) / 365.0))
    return (STRENGTH_BASE ** strength.astype(float)).to_numpy() * (1.0 + bonus.to_numpy())


def choose_renewals(candidates: pd.DataFrame) -> pd.DataFrame:
    """The links (prior_id, next_id) of maximum total `weight` among the candidate pairs, each
    contract used at most once per side; ties fall to the order of the candidates."""
    empty = pd.DataFrame({"prior_id": pd.Series([], dtype="string"), "next_id": pd.Series([], dtype="string")})
    if candidates.empty:
        return empty
    pairs = candidates.drop_duplicates(["prior_id", "next_id"])
    prior_codes, priors = pd.factorize(pairs["prior_id"])
    next_codes, nexts = pd.factorize(pairs["next_id"])
    n_prior, n_next, n_pairs = len(priors), len(nexts), len(pairs)
    weight = pairs["weight"].to_numpy(dtype=float)
    # ties: a pair earlier in the candidates' order is preferred by a hair below any weight step
    weight = weight * (1.0 + 1e-9 * (n_pairs - np.arange(n_pairs)) / n_pairs)
    shift = float(weight.max()) + 1.0
    # a full matching always exists: every prior may match its own "unlinked" column, every next its
    # own "unlinked" row, and the two dummies of a linked pair match each other; all costs are
    # shifted by the same constant (each full matching has n_prior + n_next edges), so only weight counts
    rows = np.concatenate([prior_codes, np.arange(n_prior), n_prior + np.arange(n_next), n_prior + next_codes])
    cols = np.concatenate([next_codes, n_next + np.arange(n_prior), np.arange(n_next), n_next + prior_codes])
    cost = np.concatenate([shift - weight, np.full(n_prior + n_next, shift), np.full(n_pairs, shift)])
    size = n_prior + n_next
    graph = csr_matrix((cost, (rows, cols)), shape=(size, size))
    row_of, col_of = min_weight_full_bipartite_matching(graph)
    linked = (row_of < n_prior) & (col_of < n_next)
    chosen = pd.DataFrame({"prior_id": priors[row_of[linked]], "next_id": nexts[col_of[linked]]}).astype("string")
    order = pairs[["prior_id", "next_id"]].astype("string").reset_index(drop=True).reset_index()
    return (chosen.merge(order, on=["prior_id", "next_id"]).sort_values("index")
            .drop(columns="index").reset_index(drop=True))
