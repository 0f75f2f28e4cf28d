"""Comparison levels -> one calibrated score per pair, its probability and a `match_rule`.

Fellegi-Sunter log-likelihood: score = prior + sum over comparisons of the level's weight in bits
(`weights.MatchModel`). Exact-value agreements get a term-frequency adjustment: when more than
`tf_reference` profiles hold the agreed value, the weight drops by log2(holders / tf_reference)
(never below the comparison's `tf_floor`), so a phone shared by a whole agency or a name whose
rarest shared token is common counts less. When the names clearly differ, the place evidence
(street, postal code, city, state, phone) adds at most `MatchModel.place_cap` bits: two
businesses in one building with one switchboard are still two customers. probability =
1 / (1 + 2^-score). The match_rule
lists the evidence that agreed ("crm_account+name>=0.88", "address+phone+name=exact"); it is
kept as a bit set per pair and spelled out only for the distinct combinations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from matching.weights import RULE_ORDER, MatchModel


@dataclass(frozen=True)
class PairScores:
    """Weights (bits, float32), conflicts (bits, float32) and evidence bits (int32) of pairs.

    The conflict is the sum of the negative weights of the identifying attributes (every
    comparison but the name): how strongly the records contradict each other.
    """

    weight: np.ndarray
    conflict: np.ndarray
    rule_bits: np.ndarray

    @property
    def probability(self) -> np.ndarray:
        """Match probability of each pair."""
        return probability(self.weight)


def probability(weight: np.ndarray) -> np.ndarray:
    """Match probability of match weights in bits, 2**-w by the C library's exp2 once per distinct weight:
    NumPy's SIMD exp2 differs by a unit in the last place between its versions and CPUs (1.26 and 2.4 on
    AVX-512), and the probability is stored (match_review), so the same night would differ by version."""
    w = np.asarray(weight, dtype=np.float64)
    distinct, inverse = np.unique(np.clip(w.ravel(), -1000.0, 1000.0), return_inverse=True)
    p = np.array([1.0 / (1.0 + math.exp2(-x)) for x in distinct.tolist()], dtype=np.float64)
    return p[inverse.reshape(-1)].reshape(w.shape)


def _tf_adjusted(
    weight: np.ndarray, holders: np.ndarray, reference: float, floor: float
) -> np.ndarray:
    excess = np.log2(np.maximum(holders.astype(np.float64), 1.0) / reference)
    return np.where(excess > 0, np.maximum(weight - excess, np.minimum(floor, weight)), weight)


def _capped(key: str, weight: np.ndarray, levels: pd.DataFrame, model: MatchModel) -> np.ndarray:
    """A comparison's weights under the model's caps: a name held in several countries when a
    side's country is unknown (`spread_name_cap`), a domain shared by names with a word of their
    own each (`swapped_domain_cap`), a phone across different streets (`phone_cap_other_street`)."""
    cap: float | None = None
    where = np.zeros(len(weight), dtype=bool)
    if key == "name" and "name_countries" in levels:
        cap = model.spread_name_cap
        where = (levels["country"].to_numpy() < 0) & (levels["name_countries"].to_numpy() >= 2)
    elif key == "domain" and "name_swapped" in levels:
        cap = model.swapped_domain_cap
        where = levels["name_swapped"].to_numpy().astype(bool)
    elif key == "phone":
        cap = model.phone_cap_other_street
        where = levels["street"].to_numpy() == 0
    if cap is None:
        return weight
    return np.where(where, np.minimum(weight, cap), weight)


def _comparison_order(model: MatchModel) -> tuple[str, ...]:
    return RULE_ORDER + tuple(k for k in model.comparisons if k not in RULE_ORDER)


def rule_labels(model: MatchModel) -> tuple[str, ...]:
    """Evidence label of each bit of `PairScores.rule_bits`."""
    return tuple(
        label
        for key in _comparison_order(model)
        for label in model.comparisons[key].rule_labels
        if label
    )


def score_levels(levels: pd.DataFrame, model: MatchModel) -> PairScores:
    """Match weight, conflict and evidence bits of each pair of comparison `levels`."""
    n = len(levels)
    total = np.full(n, model.prior, dtype=np.float64)
    conflict = np.zeros(n, dtype=np.float64)
    bits = np.zeros(n, dtype=np.int32)
    place = np.zeros(n, dtype=np.float64)
    bit = 0
    for key in _comparison_order(model):
        comparison = model.comparisons[key]
        level = levels[key].to_numpy().astype(np.int64)
        table = np.asarray(comparison.weights, dtype=np.float64)
        top = len(table) - 1
        weight = np.where(level >= 0, table[np.clip(level, 0, top)], 0.0)
        if comparison.tf_reference is not None:
            holders = levels[f"{key}_holders"].to_numpy()
            agreeing = (level >= 1) if comparison.tf_all_levels else (level == top)
            adjusted = _tf_adjusted(weight, holders, comparison.tf_reference, comparison.tf_floor)
            weight = np.where(agreeing, adjusted, weight)
        weight = _capped(key, weight, levels, model)
        total += weight
        if key in model.place_comparisons:
            place += np.maximum(weight, 0.0)
        if key != "name":
            conflict += np.minimum(weight, 0.0)
        for lvl, label in enumerate(comparison.rule_labels):
            if label:
                bits |= np.where((level == lvl) & (weight > 0), np.int32(1 << bit), np.int32(0))
                bit += 1
    if model.country_conflict is not None:
        other_country = levels["country"].to_numpy() == 0
        same_city = levels["city"].to_numpy() >= 1
        clash = other_country & ~same_city
        conflict = np.where(clash, np.minimum(conflict, model.country_conflict), conflict)
    if model.same_site_bonus:
        name = levels["name"].to_numpy()
        holders = levels["name_holders"].to_numpy()
        site = levels["street"].to_numpy() == len(model.comparisons["street"].weights) - 1
        specific = (holders > 0) & (holders <= model.specific_holders)
        partial = np.isin(name, model.same_site_name_levels)
        total += np.where(site & specific & partial, model.same_site_bonus, 0.0)
    if model.place_cap is not None:
        name = levels["name"].to_numpy()
        shared = levels["name_holders"].to_numpy() > 0  # some name token agrees
        distinct = (name >= 0) & (name <= model.distinct_name_level) & ~shared
        total -= np.where(distinct, np.maximum(place - model.place_cap, 0.0), 0.0)
    return PairScores(
        weight=total.astype(np.float32), conflict=conflict.astype(np.float32), rule_bits=bits
    )


#: pairs coded at a time by `rule_names` (bounds its temporaries: tens of millions of pairs at millions of records)
RULE_CODE_CHUNK = 4_000_000


def rule_names(rule_bits: np.ndarray, model: MatchModel) -> pd.Categorical:
    """The match_rule strings of evidence bit sets ("weak" when nothing agreed)."""
    labels = rule_labels(model)
    bits = np.asarray(rule_bits).ravel()
    # the few distinct sets by a hash, sorted (not a sort of tens of millions); each pair's code found
    # a chunk at a time into the smallest integer type, not an int64 per pair and a copy of it
    distinct = np.sort(pd.unique(bits))
    names = [
        "+".join(lab for i, lab in enumerate(labels) if (int(b) >> i) & 1) or "weak"
        for b in distinct  # one string per distinct combination, not per pair
    ]
    codes = np.empty(len(bits), dtype=np.min_scalar_type(-max(len(distinct), 1)))
    for lo in range(0, len(bits), RULE_CODE_CHUNK):
        codes[lo : lo + RULE_CODE_CHUNK] = np.searchsorted(distinct, bits[lo : lo + RULE_CODE_CHUNK])
    return pd.Categorical.from_codes(codes, categories=names)
