"""`resolve_entities`: customer records from every source -> clusters of one real customer each.

Pipeline: normalise and collapse identical records into profiles (`profiles`, with declared
renames from `aliases`), block in DuckDB (`blocking`, rules as data), learn this run's weights
around the hand-set model (`learning`), compare and score candidate pairs (`comparisons`,
`scoring`, model in `weights`), cluster without chaining (`clustering`), apply analysts' overrides
(`overrides`), then report per record and per pair (`resolution`). Stable entity ids and golden
records are separate pure steps (`stable_ids`, `golden`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeAlias

import duckdb
import numpy as np
import pandas as pd

from matching.aliases import AliasTable, alias_table
from matching.block_keys import KeyInputs
from matching.blocking import CUSTOMER_BLOCKING_RULES, BlockingRule, blocking_keys, candidate_pairs
from matching.clustering import ClusterSettings, cluster_profiles
from matching.comparisons import comparison_inputs
from matching.learning import LearnSettings, learn_weights
from matching.overrides import CANNOT_LINK, MUST_LINK, record_overrides, unmet_overrides
from matching.pair_report import ReportedScores, pair_report
from matching.pair_scoring import KeptPairs, concat_scored, score_pairs
from matching.profiles import Profiles, build_profiles
from matching.result import Resolution, record_table, scored_frame
from matching.tokens import name_tokens
from matching.weights import CUSTOMER_MODEL, MatchModel

#: name of the pseudo blocking rule of pairs scored while checking a cluster
CLUSTER_CHECK = "cluster_check"

#: the records to resolve, or a function that reads them: read so, the records are let go once their
#: profiles are built, and are not held while the pairs are (about a third of the stage's memory at
#: millions of records); a caller that needs them again (the golden records) reads them again
Records: TypeAlias = pd.DataFrame | Callable[[], pd.DataFrame]


def read_records(records: Records) -> pd.DataFrame:
    """The records themselves: the frame given, or what the function given reads now."""
    return records() if callable(records) else records


@dataclass(frozen=True)
class ResolveSettings:
    """Model, blocking rules and clustering thresholds of one resolution."""

    model: MatchModel = CUSTOMER_MODEL
    rules: tuple[BlockingRule, ...] = CUSTOMER_BLOCKING_RULES
    clustering: ClusterSettings = field(default_factory=ClusterSettings)
    #: scored pairs below this weight (bits) are left out of `Resolution.pairs` unless they lie
    #: inside one cluster (-10 bits ~ probability 0.001)
    min_pair_weight: float = -10.0
    #: weights learned from each run's data with `model` as prior and bounds (`learning`)
    learning: LearnSettings = field(default_factory=LearnSettings)


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
    ok = (lp.notna() & rp.notna()).to_numpy()
    lp, rp = lp[ok].to_numpy(np.int64), rp[ok].to_numpy(np.int64)
    decision = overrides["decision"].to_numpy()[ok]
    must, cannot = decision == MUST_LINK, decision == CANNOT_LINK
    return (lp[must], rp[must]), (lp[cannot], rp[cannot])


def _must_link_positions(
    decided: pd.DataFrame, record_ids: pd.Series
) -> tuple[np.ndarray, np.ndarray]:
    """Record positions of the must-link pairs among `record_ids`."""
    position = pd.Series(np.arange(len(record_ids)), index=pd.Index(record_ids))
    must = decided[decided["decision"] == MUST_LINK]
    lp = must["left_record_id"].map(position)
    rp = must["right_record_id"].map(position)
    ok = (lp.notna() & rp.notna()).to_numpy()
    return lp[ok].to_numpy(np.int64), rp[ok].to_numpy(np.int64)


@dataclass(frozen=True)
class _Matched:
    """Profile clusters and how they were found (the pairs scored on the way come beside it); the
    blocking and comparison inputs behind them are gone once this is made (they are as large as the
    pairs at a million records)."""

    labels: np.ndarray
    model: MatchModel
    weights: pd.DataFrame
    source_names: tuple[str, ...]  # blocking rules, then CLUSTER_CHECK
    candidate_pairs: int


def _match_profiles(
    profiles: Profiles,
    con: duckdb.DuckDBPyConnection,
    settings: ResolveSettings,
    must: tuple[np.ndarray, np.ndarray],
    cannot: tuple[np.ndarray, np.ndarray],
) -> tuple[_Matched, KeptPairs]:
    """Block, learn this run's weights, score and cluster the profiles; the clusters, and every pair
    scored on the way (without the conflict, which only the clustering reads)."""
    tokens = name_tokens(profiles.table["name_norm"])
    candidates = candidate_pairs(
        con, blocking_keys(KeyInputs(profiles, tokens), settings.rules), settings.rules
    )
    inputs = comparison_inputs(profiles, tokens, con)
    learned = learn_weights(
        inputs, candidates.left, candidates.right, settings.model, settings.learning, must, cannot
    )
    model = learned.model
    scored = score_pairs(inputs, candidates.left, candidates.right, model, candidates.rule)
    check_source = len(candidates.rule_names)
    source_names, n_candidates = candidates.rule_names + (CLUSTER_CHECK,), len(candidates)
    del candidates, tokens  # scored now: the candidates are as many pairs again
    extra: list[KeptPairs] = []

    def score_more(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Score pairs clustering needs beyond the candidates (kept for the pair report; their conflict
        only for this batch of the check)."""
        more = score_pairs(inputs, left, right, model, check_source)
        extra.append(KeptPairs.of(more))
        return more.weight.astype(np.float64), more.conflict.astype(np.float64)

    labels = cluster_profiles(
        len(profiles),
        scored.left,
        scored.right,
        scored.weight,
        scored.conflict,
        score_more,
        settings.clustering,
        must_link=must,
        cannot_link=cannot,
    ).labels
    parts = [KeptPairs.of(scored), *extra]  # joined by the last references to them, so each field is let go as joined
    del scored
    extra.clear()
    matched = _Matched(
        labels=labels,
        model=model,
        weights=learned.weights,
        source_names=source_names,
        candidate_pairs=n_candidates,
    )
    return matched, concat_scored(parts)


def _profiles_of(
    records: pd.DataFrame, decided: pd.DataFrame, aliases: AliasTable
) -> tuple[pd.Series, Profiles]:
    """The records' ids (in input order) and their profiles: all a resolution keeps of the records."""
    _validate(records)
    records = records.reset_index(drop=True)
    record_ids = records["record_id"].copy()  # not a view that keeps the records' other columns
    return record_ids, build_profiles(records, aliases, _must_link_positions(decided, record_ids))


def resolve_entities(
    records: Records,
    overrides: pd.DataFrame | None = None,
    previous_entities: pd.DataFrame | None = None,
    settings: ResolveSettings = ResolveSettings(),
    con: duckdb.DuckDBPyConnection | None = None,
    aliases: pd.DataFrame | AliasTable | None = None,
) -> Resolution:
    """Resolve customer records into clusters (see `Resolution` for what comes back).

    `records` needs a unique `record_id`; every other column of `profiles.RECORD_COLUMNS` is
    optional (missing = unknown). Given as a function that reads them (`Records`), only their ids are
    kept once the profiles are built. `overrides` are analysts' decisions in the format of
    `overrides.record_overrides` (by record or by entity id; entity ids need
    `previous_entities`, the previous run's record_id -> entity_id mapping). `con` is a DuckDB
    connection for blocking (an in-memory one by default); only temporary `_er_*` tables are
    created in it, and dropped again. `aliases` are declared renames and parent/child groups
    (rows in the format of `aliases.alias_table`, or a table made by it); must-links between
    differently named records teach renames too.
    """
    con = con if con is not None else duckdb.connect()
    decided = record_overrides(
        overrides if overrides is not None else pd.DataFrame(), previous_entities
    )
    table = aliases if isinstance(aliases, AliasTable) else alias_table(aliases)
    record_ids, profiles = _profiles_of(read_records(records), decided, table)
    must, cannot = _profile_overrides(decided, record_ids, profiles.record_profile)
    matched, scored_pairs = _match_profiles(profiles, con, settings, must, cannot)
    pairs = scored_frame(scored_pairs, matched.model, must, cannot)
    # what the report keeps of the scored pairs; their evidence bits (4 bytes a pair) go now
    scored = ReportedScores.of(scored_pairs)
    del scored_pairs
    out = record_table(record_ids, profiles, matched.labels, pairs, scored.weight)
    report = pair_report(
        record_ids,
        profiles,
        matched.labels,
        scored,
        pairs,
        matched.source_names,
        settings.min_pair_weight,
    )
    stats = {
        "records": len(record_ids),
        "profiles": len(profiles),
        "candidate_pairs": matched.candidate_pairs,
        "pairs_scored": len(scored),
        "pairs_kept": len(report),
        "clusters": int(out["cluster_id"].nunique()),
    }
    return Resolution(
        records=out,
        report=report,
        unmet_overrides=unmet_overrides(out[["record_id", "cluster_id"]], decided),
        stats=stats,
        weights=matched.weights,
    )
