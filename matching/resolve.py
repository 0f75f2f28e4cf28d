"""`resolve_entities`: customer records from every source -> clusters of one real customer each.

Pipeline: normalise and collapse identical records into profiles (`profiles`), block in DuckDB
(`blocking`), compare and score candidate pairs (`comparisons`, `scoring`, model in `weights`),
apply analysts' overrides (`overrides`), cluster without chaining (`clustering`), then broadcast
back to records with a per-record score and rule. Stable entity ids and golden records are
separate pure steps (`stable_ids`, `golden`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from matching.block_keys import KeyInputs
from matching.blocking import (
    CUSTOMER_BLOCKING_RULES,
    BlockingRule,
    blocking_keys,
    candidate_pairs,
    pair_codes,
)
from matching.clustering import ClusterSettings, cluster_profiles
from matching.comparisons import ComparisonInputs, compare_pairs, comparison_inputs
from matching.overrides import CANNOT_LINK, MUST_LINK, record_overrides, unmet_overrides
from matching.scoring import PairScores, probability, rule_names, score_levels
from matching.profiles import Profiles, build_profiles
from matching.tokens import name_tokens
from matching.weights import CUSTOMER_MODEL, MatchModel

#: probability band of pairs worth a person's review
DEFAULT_REVIEW_BAND = (0.2, 0.8)
#: comparison levels kept with every scored pair (for review exports)
LEVEL_COLUMNS = (
    "name", "street", "postal", "city", "state", "country", "phone", "domain", "email", "account",
    "serial", "contract",
)
#: pairs scored per chunk (bounds memory on large runs)
SCORE_CHUNK = 1_000_000


@dataclass(frozen=True)
class ResolveSettings:
    """Model, blocking rules and clustering thresholds of one resolution."""

    model: MatchModel = CUSTOMER_MODEL
    rules: tuple[BlockingRule, ...] = CUSTOMER_BLOCKING_RULES
    clustering: ClusterSettings = field(default_factory=ClusterSettings)
    #: scored pairs below this weight (bits) are dropped from `Resolution.pairs` unless they lie
    #: inside one cluster (-10 bits ~ probability 0.001)
    min_pair_weight: float = -10.0


@dataclass(frozen=True)
class Resolution:
    """Result of `resolve_entities`.

    records: record_id, cluster_id (int, numbered by first appearance), match_score (best
      probability linking the record's profile into its cluster; 1.0 for a record identical to
      another after normalisation and alone otherwise; NaN for a singleton), match_rule.
    pairs: scored profile pairs (those above `ResolveSettings.min_pair_weight`, inside one
      cluster, or named by an override) as representative records: left_record_id,
      right_record_id, match_probability, match_weight, match_rule, blocking_rule (or
      "cluster_check" for pairs scored while checking a cluster), same_cluster, left_records /
      right_records (records behind each side) and the comparison levels (-1 missing, 0
      disagree, higher = closer) with name_similarity.
    unmet_overrides: override pairs the clusters could not honour, with a reason.
    stats: counts and timings-free figures (records, profiles, candidate pairs, clusters).
    """

    records: pd.DataFrame
    pairs: pd.DataFrame
    unmet_overrides: pd.DataFrame
    stats: dict[str, int]

    def review_pairs(self, low: float = DEFAULT_REVIEW_BAND[0], high: float = DEFAULT_REVIEW_BAND[1]) -> pd.DataFrame:
        """Borderline pairs (low <= probability < high), most uncertain first."""
        band = self.pairs[(self.pairs["match_probability"] >= low) & (self.pairs["match_probability"] < high)]
        order = (band["match_probability"] - 0.5).abs().sort_values(kind="stable").index
        return band.loc[order].reset_index(drop=True)


def _validate(records: pd.DataFrame) -> None:
    if "record_id" not in records.columns:
        raise ValueError("records need a record_id column")
    if records["record_id"].isna().any():
        raise ValueError("record_id must not be null")
    if records["record_id"].duplicated().any():
        dup = records.loc[records["record_id"].duplicated(), "record_id"].iloc[0]
        raise ValueError(f"record_id must be unique (e.g. {dup!r} repeats)")


def _profile_overrides(
    overrides: pd.DataFrame, record_ids: pd.Series, record_profile: np.ndarray
) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Record-level override pairs -> (must-link, cannot-link) profile index pairs."""
    position = pd.Series(record_profile, index=pd.Index(record_ids))
    lp = overrides["left_record_id"].map(position)
    rp = overrides["right_record_id"].map(position)
    ok = lp.notna() & rp.notna()
    lp, rp = lp[ok].to_numpy(np.int64), rp[ok].to_numpy(np.int64)
    dec = overrides.loc[ok, "decision"].to_numpy()
    must, cannot = dec == MUST_LINK, dec == CANNOT_LINK
    return (lp[must], rp[must]), (lp[cannot], rp[cannot])


def _record_scores(
    profiles: Profiles, labels: np.ndarray, left: np.ndarray, right: np.ndarray,
    prob: np.ndarray, rule: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Per profile: best in-cluster pair probability and its rule (see `Resolution.records`)."""
    n = len(profiles)
    same = labels[left] == labels[right]
    ends = np.r_[left[same], right[same]]
    p = np.r_[prob[same], prob[same]]
    r = np.r_[rule[same], rule[same]]
    order = np.lexsort((p, ends))  # by profile, then probability ascending
    last = np.r_[np.flatnonzero(np.diff(ends[order])), len(order) - 1] if len(order) else np.empty(0, int)
    score = np.full(n, np.nan)
    rules = np.full(n, "singleton", dtype=object)
    multi = profiles.table["n_records"].to_numpy() > 1
    score[multi] = 1.0
    rules[multi] = "identical"
    best = order[last]
    score[ends[best]] = p[best]
    rules[ends[best]] = r[best]
    return score, rules


def score_pairs(
    inputs: ComparisonInputs, left: np.ndarray, right: np.ndarray, model: MatchModel,
    chunk: int = SCORE_CHUNK,
) -> tuple[PairScores, pd.DataFrame]:
    """Scores and compact comparison levels (int8, name_similarity float32) of profile pairs.

    Works through the pairs in chunks so memory stays bounded on tens of millions of pairs.
    """
    weights, conflicts, bits, frames = [], [], [], []
    for lo in range(0, max(len(left), 1), chunk):
        lv = compare_pairs(inputs, left[lo : lo + chunk], right[lo : lo + chunk], model.name_thresholds)
        sc = score_levels(lv, model)
        weights.append(sc.weight)
        conflicts.append(sc.conflict)
        bits.append(sc.rule_bits)
        frames.append(lv[list(LEVEL_COLUMNS)].astype(np.int8).assign(
            name_similarity=lv["name_similarity"].astype(np.float32)))
    return (
        PairScores(
            weight=np.concatenate(weights), conflict=np.concatenate(conflicts),
            rule_bits=np.concatenate(bits),
        ),
        pd.concat(frames, ignore_index=True),
    )


def resolve_entities(
    records: pd.DataFrame,
    overrides: pd.DataFrame | None = None,
    previous_entities: pd.DataFrame | None = None,
    settings: ResolveSettings = ResolveSettings(),
    con: duckdb.DuckDBPyConnection | None = None,
) -> Resolution:
    """Resolve customer records into clusters (see `Resolution` for what comes back).

    `records` needs a unique `record_id`; every other column of `profiles.RECORD_COLUMNS` is
    optional (missing = unknown). `overrides` are analysts' decisions (`overrides.record_overrides`
    format, by record or entity id; entity ids need `previous_entities`, the previous run's
    record_id -> entity_id mapping). `con` is a DuckDB connection for blocking (an in-memory one
    by default); only temporary `_er_*` tables are created in it, and dropped again.
    """
    _validate(records)
    con = con if con is not None else duckdb.connect()
    records = records.reset_index(drop=True)
    profiles = build_profiles(records)
    tokens = name_tokens(profiles.table["name_norm"])
    keys = blocking_keys(KeyInputs(profiles, tokens), settings.rules)
    candidates = candidate_pairs(con, keys, settings.rules)
    del keys
    inputs = comparison_inputs(profiles, tokens, con)
    model = settings.model
    scores, levels = score_pairs(inputs, candidates.left, candidates.right, model)

    extra: list[tuple[np.ndarray, np.ndarray, PairScores, pd.DataFrame]] = []

    def score_more(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        more, more_levels = score_pairs(inputs, left, right, model)
        extra.append((left, right, more, more_levels))
        return more.weight.astype(np.float64), more.conflict.astype(np.float64)

    decided = record_overrides(overrides if overrides is not None else pd.DataFrame(), previous_entities)
    must, cannot = _profile_overrides(decided, records["record_id"], profiles.record_profile)
    clusters = cluster_profiles(
        len(profiles), candidates.left, candidates.right, scores.weight, scores.conflict,
        score_more, settings.clustering, must_link=must, cannot_link=cannot,
    )
    labels = clusters.labels

    # every scored pair: candidates, then pairs scored while checking clusters
    rule_names_ = np.asarray(candidates.rule_names + ("cluster_check",), dtype=object)
    left = np.concatenate([candidates.left.astype(np.int64)] + [e[0] for e in extra])
    right = np.concatenate([candidates.right.astype(np.int64)] + [e[1] for e in extra])
    weight = np.concatenate([scores.weight] + [e[2].weight for e in extra]).astype(np.float64)
    bits = np.concatenate([scores.rule_bits] + [e[2].rule_bits for e in extra])
    blocking = np.concatenate(
        [candidates.rule.astype(np.int16)] + [np.full(len(e[0]), len(rule_names_) - 1, np.int16) for e in extra]
    )
    levels = pd.concat([levels] + [e[3] for e in extra], ignore_index=True)
    del extra, scores
    forced = _forced(left, right, must, cannot)  # +1 must-link, -1 cannot-link, 0 none
    prob = np.where(forced > 0, 1.0, np.where(forced < 0, 0.0, probability(weight)))
    rules = np.asarray(rule_names(bits, model)).astype(object)
    rules = np.where(forced > 0, "override:must_link", np.where(forced < 0, "override:cannot_link", rules))

    score, rule = _record_scores(profiles, labels, left, right, prob, rules)
    rp = profiles.record_profile
    out = pd.DataFrame(
        {
            "record_id": records["record_id"].to_numpy(),
            "cluster_id": pd.factorize(labels[rp])[0].astype(np.int64),
            "match_score": score[rp],
            "match_rule": rule[rp],
        }
    )

    same = labels[left] == labels[right]
    keep = same | (weight >= settings.min_pair_weight) | (forced != 0)
    representative = pd.Series(np.arange(len(rp))).groupby(rp).min().to_numpy()
    rid = records["record_id"].to_numpy()
    n_records = profiles.table["n_records"].to_numpy()
    lk, rk = left[keep], right[keep]
    pair_frame = pd.DataFrame(
        {
            "left_record_id": rid[representative[lk]],
            "right_record_id": rid[representative[rk]],
            "match_probability": prob[keep],
            "match_weight": weight[keep].astype(np.float32),
            "match_rule": pd.Categorical(rules[keep]),
            "blocking_rule": pd.Categorical.from_codes(blocking[keep].astype(np.int32), categories=list(rule_names_)),
            "same_cluster": same[keep],
            "left_records": n_records[lk],
            "right_records": n_records[rk],
        }
    )
    pair_frame = pd.concat([pair_frame, levels[keep].reset_index(drop=True)], axis=1)

    unmet = unmet_overrides(out[["record_id", "cluster_id"]], decided)
    stats = {
        "records": len(records),
        "profiles": len(profiles),
        "candidate_pairs": len(candidates),
        "pairs_scored": len(left),
        "pairs_kept": len(pair_frame),
        "clusters": int(out["cluster_id"].nunique()),
    }
    return Resolution(records=out, pairs=pair_frame, unmet_overrides=unmet, stats=stats)


def _forced(
    left: np.ndarray, right: np.ndarray, must: tuple[np.ndarray, np.ndarray],
    cannot: tuple[np.ndarray, np.ndarray],
) -> np.ndarray:
    """+1 for pairs named by a must-link, -1 for cannot-link, 0 otherwise (profile ids)."""
    codes = pair_codes(left, right)
    out = np.zeros(len(left), dtype=np.int8)
    out[np.isin(codes, pair_codes(*must))] = 1
    out[np.isin(codes, pair_codes(*cannot))] = -1
    return out
