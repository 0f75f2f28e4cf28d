"""Match weights learned from each run's own data: u from random pairs, m by EM, as Splink does.

The hand-set weights of `weights.CUSTOMER_MODEL` are the prior. Each run:

1. u (how often a level occurs between two unrelated profiles) is counted on random profile
   pairs (seeded, so the same data gives the same weights);
2. m (how often it occurs between two records of one customer) is estimated by
   expectation-maximisation over the blocked candidate pairs (a sample of them on large runs),
   aggregated into distinct comparison patterns first, so each iteration is a few vectorised
   passes over the patterns;
3. each level's weight is the hand-set one moved by how much this data's m and u differ from
   those measured the same way on the data the prior was set on (`weight_reference`):
   shift = log2(m / m_ref) - log2(u / u_ref), within `max_shift` bits, and 0 for a level seen
   too rarely to estimate.

The prior is both the starting point and the bound: every E-step scores pairs with the
hand-set prior and weights plus the current shifts, and m is pulled toward the reference m by
pseudo-counts, so EM cannot run off into "similar pairs" instead of matches. Analysts'
decisions are labels: must-linked pairs count as matches and cannot-linked pairs as
non-matches in every iteration. So a field the user's sources fill reliably (or carelessly)
weighs more (or less) than on the reference data, and a value common in this data (every
site in one postal area) says less, while term-frequency adjustments and the clustering
thresholds stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

import numpy as np
import pandas as pd

from matching.blocking import pair_codes
from matching.comparisons import ComparisonInputs, compare_pairs
from matching.weight_reference import REFERENCE
from matching.weights import Comparison, MatchModel

#: comparisons whose weights are learned (every comparison of the customer model)
LEARNED: Final[tuple[str, ...]] = (
    "name", "street", "postal", "city", "state", "country", "phone", "domain", "email",
    "account", "serial", "contract",
)  # fmt: skip


@dataclass(frozen=True)
class LearnSettings:
    """How weights are learned (see the module docstring); `enabled=False` keeps the prior.

    Off by default: on the held-out real set (bench/datasets, PATSTAT-NL) learning lowered F1 from
    0.840 to 0.706 – one entity holds 78% of its pairs, so random pairs are often matches and u is
    overestimated. `matching: {learn_weights: true}` in sources.yaml switches it on.
    """

    enabled: bool = False
    random_pairs: int = 100_000
    max_candidate_pairs: int = 250_000
    iterations: int = 25
    #: pseudo-pairs of the prior in the m estimate and the u estimate
    prior_strength: float = 50.0
    #: a learned weight stays within this many bits of the prior weight
    max_shift: float = 2.0
    #: levels seen fewer times than this (expected matches for m, random pairs for u) keep the
    #: prior weight
    min_count: float = 20.0
    seed: int = 20240611


@dataclass(frozen=True)
class LearnedModel:
    """The model to score with, and per comparison level its prior and learned weight, m, u."""

    model: MatchModel
    weights: pd.DataFrame  # comparison, level, prior_weight, weight, m, u, matches, random_pairs
    match_share: float


def _random_pairs(n: int, count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    left = rng.integers(0, n, size=count, dtype=np.int64)
    right = rng.integers(0, n, size=count, dtype=np.int64)
    keep = left != right
    return left[keep], right[keep]


def _level_counts(levels: np.ndarray, n_levels: int, weights: np.ndarray | None = None) -> np.ndarray:
    """Count (or weighted count) of each level 0..n_levels-1 (missing levels ignored)."""
    present = levels >= 0
    w = None if weights is None else weights[present]
    return np.bincount(levels[present].astype(np.int64), weights=w, minlength=n_levels)[:n_levels]


def _prior_probabilities(comparison: Comparison, u: np.ndarray) -> np.ndarray:
    """m implied by the prior weights and the observed u: m ~ u * 2^w, normalised."""
    m = u * np.exp2(np.asarray(comparison.weights, dtype=np.float64))
    return m / m.sum()


def _patterns(
    levels: pd.DataFrame, keys: tuple[str, ...], label: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct (levels..., label) rows, their counts and labels (-1 unlabelled, 0, 1)."""
    frame = levels[list(keys)].astype(np.int8).assign(_label=label.astype(np.int8))
    grouped = frame.value_counts(sort=False).reset_index(name="_count")
    matrix = grouped[list(keys)].to_numpy(dtype=np.int64)
    return matrix, grouped["_count"].to_numpy(np.float64), grouped["_label"].to_numpy(np.int64)


@dataclass(frozen=True)
class Estimate:
    """Per comparison: m and u per level, expected matches and random pairs per level."""

    m: dict[str, np.ndarray]
    u: dict[str, np.ndarray]
    matches: dict[str, np.ndarray]
    random_pairs: dict[str, np.ndarray]
    match_share: float
    #: bits each level's weight moves from the prior (0 without a reference)
    shift: dict[str, np.ndarray]


def estimate(
    inputs: ComparisonInputs,
    left: np.ndarray,
    right: np.ndarray,
    prior: MatchModel,
    settings: LearnSettings = LearnSettings(),
    must: tuple[np.ndarray, np.ndarray] | None = None,
    cannot: tuple[np.ndarray, np.ndarray] | None = None,
    reference: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] | None = None,
) -> Estimate:
    """m by EM over candidate profile pairs (left, right) and u from random pairs.

    Each E-step scores the pairs with the prior model moved by the current shifts (a level's
    shift is how much its m/u ratio differs from the `reference` data's, within `max_shift`
    bits); without a reference, one E-step with the prior model gives the reference m itself.
    `must` / `cannot` are labelled profile pairs (analysts' overrides).
    """
    reference = reference if reference is not None else {}
    keys = tuple(k for k in LEARNED if k in prior.comparisons)
    n = len(inputs.profiles)
    rng = np.random.default_rng(settings.seed)
    # u: random pairs are almost all non-matches
    rl, rr = _random_pairs(n, settings.random_pairs, settings.seed)
    random_levels = compare_pairs(inputs, rl, rr, prior.name_thresholds)
    # candidate pairs (a sample on large runs) plus the labelled pairs
    if len(left) > settings.max_candidate_pairs:
        pick = np.sort(rng.choice(len(left), settings.max_candidate_pairs, replace=False))
        left, right = left[pick], right[pick]
    ml = must if must is not None else (np.empty(0, np.int64), np.empty(0, np.int64))
    cl = cannot if cannot is not None else (np.empty(0, np.int64), np.empty(0, np.int64))
    labelled = pair_codes(np.r_[ml[0], cl[0]], np.r_[ml[1], cl[1]])
    unlabelled = ~np.isin(pair_codes(left, right), labelled)  # a labelled pair counts once
    left, right = left[unlabelled], right[unlabelled]
    all_left = np.r_[left, ml[0], cl[0]].astype(np.int64)
    all_right = np.r_[right, ml[1], cl[1]].astype(np.int64)
    label = np.r_[np.full(len(left), -1), np.ones(len(ml[0])), np.zeros(len(cl[0]))]
    levels = compare_pairs(inputs, all_left, all_right, prior.name_thresholds)
    matrix, count, labels = _patterns(levels, keys, label)

    u: dict[str, np.ndarray] = {}
    u_count: dict[str, np.ndarray] = {}
    m: dict[str, np.ndarray] = {}
    for k in keys:
        size = len(prior.comparisons[k].weights)
        observed = _level_counts(random_levels[k].to_numpy(), size)
        # the prior's own u: a level's share among random pairs is unknown for levels random
        # pairs never reach, so they borrow the smallest share observed
        floor = 0.5 / max(observed.sum(), 1.0)
        u[k] = np.maximum(observed / max(observed.sum(), 1.0), floor)
        u_count[k] = observed
        m[k] = _prior_probabilities(prior.comparisons[k], u[k])

    ref_m = {k: np.asarray(reference[k][0]) for k in keys if k in reference}
    ref_u = {k: np.asarray(reference[k][1]) for k in keys if k in reference}
    shift = {k: np.zeros(len(prior.comparisons[k].weights)) for k in keys}
    expected_matches: dict[str, np.ndarray] = {}
    for _ in range(settings.iterations if ref_m else 1):
        # E-step on the bounded model: hand-set prior and weights plus the current shifts
        score = np.full(len(count), prior.prior, dtype=np.float64)
        for i, k in enumerate(keys):
            w = np.asarray(prior.comparisons[k].weights, dtype=np.float64) + shift[k]
            lv = matrix[:, i]
            score += np.where(lv >= 0, w[np.clip(lv, 0, len(w) - 1)], 0.0)
        posterior = 1.0 / (1.0 + np.exp2(-np.clip(score, -60, 60)))
        posterior = np.where(labels >= 0, labels.astype(np.float64), posterior)
        expected = posterior * count
        # M-step: m per level from the expected matches, pulled toward the reference m
        for i, k in enumerate(keys):
            size = len(m[k])
            counts = _level_counts(matrix[:, i], size, expected)
            pseudo = settings.prior_strength * ref_m.get(k, m[k])
            m[k] = (counts + pseudo) / (counts.sum() + pseudo.sum())
            expected_matches[k] = counts
            if k in ref_m and len(ref_m[k]) == size:
                moved = np.log2(m[k] / ref_m[k]) - np.log2(u[k] / ref_u[k])
                enough = (counts >= settings.min_count) & (u_count[k] >= settings.min_count)
                shift[k] = np.where(
                    enough, np.clip(moved, -settings.max_shift, settings.max_shift), 0.0
                )
    share = float(expected_matches[keys[0]].sum() / max(count.sum(), 1.0)) if keys else 0.0
    return Estimate(m, u, expected_matches, u_count, share, shift)


def learn_weights(
    inputs: ComparisonInputs,
    left: np.ndarray,
    right: np.ndarray,
    prior: MatchModel,
    settings: LearnSettings = LearnSettings(),
    must: tuple[np.ndarray, np.ndarray] | None = None,
    cannot: tuple[np.ndarray, np.ndarray] | None = None,
) -> LearnedModel:
    """The prior model with each level's weight moved by how this data's m and u differ from
    the reference data's (`weight_reference`), within `max_shift` bits (see module docstring)."""
    if not settings.enabled or len(inputs.profiles) < 3 or len(left) == 0:
        return LearnedModel(prior, _table(prior, prior, {}, {}, {}, {}), float("nan"))
    found = estimate(inputs, left, right, prior, settings, must, cannot, REFERENCE)
    learned = {}
    for k, shift in found.shift.items():
        comparison = prior.comparisons[k]
        base = np.asarray(comparison.weights, dtype=np.float64)
        learned[k] = replace(comparison, weights=tuple(float(x) for x in base + shift))
    model = replace(prior, comparisons={**prior.comparisons, **learned})
    table = _table(prior, model, found.m, found.u, found.matches, found.random_pairs)
    return LearnedModel(model, table, found.match_share)


def _table(
    prior: MatchModel,
    model: MatchModel,
    m: dict[str, np.ndarray],
    u: dict[str, np.ndarray],
    matches: dict[str, np.ndarray],
    randoms: dict[str, np.ndarray],
) -> pd.DataFrame:
    """One row per comparison level: prior and learned weight, m, u and the counts behind them."""
    rows = []
    for k, comparison in model.comparisons.items():
        for level, weight in enumerate(comparison.weights):
            rows.append(
                {
                    "comparison": k,
                    "level": level,
                    "prior_weight": prior.comparisons[k].weights[level],
                    "weight": weight,
                    "m": float(m[k][level]) if k in m else np.nan,
                    "u": float(u[k][level]) if k in u else np.nan,
                    "matches": float(matches[k][level]) if k in matches else np.nan,
                    "random_pairs": float(randoms[k][level]) if k in randoms else np.nan,
                }
            )
    return pd.DataFrame(rows)
