"""Comparison levels -> one calibrated score per pair, its probability and a `match_rule`.

Fellegi-Sunter log-likelihood: score = prior + sum over comparisons of the level's weight in bits
(`weights.MatchModel`). Exact-value agreements get a term-frequency adjustment: when more than
`tf_reference` profiles hold the agreed value, the weight drops by log2(holders / tf_reference)
(never below the comparison's `tf_floor`), so a phone shared by a whole agency or a name used by a
dozen companies counts less than a rare one. probability = 1 / (1 + 2^-score). The match_rule
lists the evidence that agreed ("crm_account+name>=0.88", "address+phone+name=exact").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from matching.weights import RULE_ORDER, MatchModel


def _tf_adjusted(weight: np.ndarray, holders: np.ndarray, reference: float, floor: float) -> np.ndarray:
    excess = np.log2(np.maximum(holders.astype(np.float64), 1.0) / reference)
    return np.where(excess > 0, np.maximum(weight - excess, np.minimum(floor, weight)), weight)


def score_levels(levels: pd.DataFrame, model: MatchModel) -> pd.DataFrame:
    """Columns match_weight (bits), match_probability and match_rule for each pair of `levels`."""
    n = len(levels)
    total = np.full(n, model.prior, dtype=np.float64)
    rule_bits = np.zeros(n, dtype=np.int64)
    labels: list[str] = []
    for key in RULE_ORDER + tuple(k for k in model.comparisons if k not in RULE_ORDER):
        comparison = model.comparisons[key]
        level = levels[key].to_numpy().astype(np.int64)
        table = np.asarray(comparison.weights, dtype=np.float64)
        top = len(table) - 1
        weight = np.where(level >= 0, table[np.clip(level, 0, top)], 0.0)
        if comparison.tf_reference is not None:
            holders = levels[f"{key}_holders"].to_numpy()
            exact = (level >= 1) if comparison.tf_all_levels else (level == top)
            adjusted = _tf_adjusted(weight, holders, comparison.tf_reference, comparison.tf_floor)
            weight = np.where(exact, adjusted, weight)
        total += weight
        # one bit per (comparison, labelled level) for the rule string
        for lvl, label in enumerate(comparison.rule_labels):
            if label:
                rule_bits |= np.where((level == lvl) & (weight > 0), 1 << len(labels), 0)
                labels.append(label)
    probability = 1.0 / (1.0 + np.exp2(-total))
    distinct, inverse = np.unique(rule_bits, return_inverse=True)
    names = np.array(
        ["+".join(lab for i, lab in enumerate(labels) if (int(bits) >> i) & 1) or "weak"
         for bits in distinct],
        dtype=object,
    )
    return pd.DataFrame(
        {
            "match_weight": total.astype(np.float32),
            "match_probability": probability,
            "match_rule": names[inverse.ravel()],
        },
        index=levels.index,
    )
