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
from matching.blocking import CUSTOMER_BLOCKING_RULES, BlockingRule, blocking_keys, candidate_pairs
from matching.clustering import ClusterSettings, cluster_profiles
from matching.comparisons import compare_pairs, comparison_inputs
from matching.overrides import CANNOT_LINK, MUST_LINK, record_overrides, unmet_overrides
from matching.profiles import Profiles, build_profiles
from matching.scoring import score_levels
from matching.tokens import name_tokens
from matching.weights import CUSTOMER_MODEL, MatchModel

#: probability band of pairs worth a person's review
DEFAULT_REVIEW_BAND = (0.2, 0.8)


@dataclass(frozen=True)
class ResolveSettings:
    """Model, blocking rules and clustering thresholds of one resolution."""

    model: MatchModel = CUSTOMER_MODEL
    rules: tuple[BlockingRule, ...] = CUSTOMER_BLOCKING_RULES
    clustering: ClusterSettings = field(default_factory=ClusterSettings)


@dataclass(frozen=True)
class Resolution:
    """Result of `resolve_entities`.

    records: record_id, cluster_id (int, numbered by first appearance), match_score (best
      probability linking the record's profile into its cluster; 1.0 for a record identical to
      another after normalisation and alone otherwise; NaN for a singleton), match_rule.
    pairs: every scored profile pair as representative records: left_record_id, right_record_id,
      match_probability, match_weight, match_rule, blocking_rule, same_cluster, the comparison
      levels, left_records / right_records (records behind each side).
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
    pairs = candidate_pairs(con, keys, settings.rules)
    inputs = comparison_inputs(profiles, tokens, con)
    model = settings.model

    levels = compare_pairs(inputs, pairs.left, pairs.right, model.name_thresholds)
    scores = score_levels(levels, model)

    extra_levels: list[tuple[np.ndarray, np.ndarray, pd.DataFrame, pd.DataFrame]] = []

    def score_more(left: np.ndarray, right: np.ndarray) -> np.ndarray:
        more_levels = compare_pairs(inputs, left, right, model.name_thresholds)
        more = score_levels(more_levels, model)
        extra_levels.append((left, right, more, more_levels))
        return more["match_weight"].to_numpy(np.float64)

    decided = record_overrides(overrides, previous_entities) if overrides is not None else record_overrides(pd.DataFrame())
    must, cannot = _profile_overrides(decided, records["record_id"], profiles.record_profile)
    clusters = cluster_profiles(
        len(profiles), pairs.left, pairs.right, scores["match_weight"].to_numpy(np.float64),
        score_more, settings.clustering, must_link=must, cannot_link=cannot,
    )

    # every scored pair, with rules (candidate pairs, pairs scored during clustering, overrides)
    rule_names = np.asarray(pairs.rule_names, dtype=object)
    frames = [
        pd.concat([pd.DataFrame({"left": pairs.left, "right": pairs.right,
                                 "blocking_rule": rule_names[pairs.rule]}), scores, levels], axis=1)
    ]
    for el, er, more, more_levels in extra_levels:
        frames.append(pd.concat([pd.DataFrame({"left": el, "right": er, "blocking_rule": "cluster_check"}),
                                 more, more_levels], axis=1))
    scored = pd.concat(frames, ignore_index=True)
    scored = _with_overrides(scored, must, cannot)

    labels = clusters.labels
    score, rule = _record_scores(
        profiles, labels, scored["left"].to_numpy(np.int64), scored["right"].to_numpy(np.int64),
        scored["match_probability"].to_numpy(np.float64), scored["match_rule"].to_numpy(object),
    )
    cluster_of_profile = pd.factorize(labels)[0]  # numbered by first profile appearance
    rp = profiles.record_profile
    out = pd.DataFrame(
        {
            "record_id": records["record_id"].to_numpy(),
            "cluster_id": cluster_of_profile[rp].astype(np.int64),
            "match_score": score[rp],
            "match_rule": rule[rp],
        }
    )
    # renumber clusters by first record appearance
    out["cluster_id"] = pd.factorize(out["cluster_id"])[0].astype(np.int64)

    representative = pd.Series(np.arange(len(rp))).groupby(rp).min().to_numpy()
    rid = records["record_id"].to_numpy()
    n_records = profiles.table["n_records"].to_numpy()
    lft = scored["left"].to_numpy(np.int64)
    rgt = scored["right"].to_numpy(np.int64)
    pair_frame = scored.drop(columns=["left", "right"])
    pair_frame.insert(0, "left_record_id", rid[representative[lft]])
    pair_frame.insert(1, "right_record_id", rid[representative[rgt]])
    pair_frame["same_cluster"] = labels[lft] == labels[rgt]
    pair_frame["left_records"] = n_records[lft]
    pair_frame["right_records"] = n_records[rgt]

    unmet = unmet_overrides(out[["record_id", "cluster_id"]], decided)
    stats = {
        "records": len(records),
        "profiles": len(profiles),
        "candidate_pairs": len(pairs),
        "pairs_scored": len(pair_frame),
        "clusters": int(out["cluster_id"].nunique()),
    }
    return Resolution(records=out, pairs=pair_frame, unmet_overrides=unmet, stats=stats)


def _with_overrides(
    scored: pd.DataFrame, must: tuple[np.ndarray, np.ndarray], cannot: tuple[np.ndarray, np.ndarray]
) -> pd.DataFrame:
    """Scored pairs with override pairs forced (profile ids), via `overrides.apply_overrides`."""
    from matching.overrides import apply_overrides

    decided = pd.DataFrame(
        {
            "left": np.r_[must[0], cannot[0]],
            "right": np.r_[must[1], cannot[1]],
            "decision": [MUST_LINK] * len(must[0]) + [CANNOT_LINK] * len(cannot[0]),
        }
    )
    decided = decided[decided["left"] != decided["right"]]
    if decided.empty:
        return scored
    return apply_overrides(scored, decided)
