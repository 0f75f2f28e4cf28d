"""The result of resolving customers, and how it is assembled from profile-level clusters.

Clustering works on profiles; people work with records. `record_table` gives every record its
cluster and the score and rule of the best pair tying its profile into that cluster;
`pair_report.pair_report` keeps the reported pairs, spelled out on demand with representative
record ids, probabilities, rules and comparison levels, ready for a review export of borderline pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Final

import numpy as np
import pandas as pd

from matching.overrides import CANNOT_LINK, MUST_LINK, apply_overrides
from matching.pair_report import PAIR_COLUMNS, PairReport, pair_probability
from matching.pair_scoring import LEVEL_COLUMNS, KeptPairs
from matching.profiles import Profiles
from matching.scoring import rule_names
from matching.weights import MatchModel

#: probability band of pairs worth a person's review
DEFAULT_REVIEW_BAND: Final[tuple[float, float]] = (0.2, 0.8)


@dataclass(frozen=True)
class Resolution:
    """Result of `resolve_entities`.

    records: record_id, cluster_id (int, numbered by first appearance), match_score (best
      probability linking the record's profile into its cluster; 1.0 for a record identical to
      another after normalisation and alone otherwise; NaN for a singleton), match_rule
      ("crm_account+name=exact", "serial+name>=0.88", "identical", "singleton", ...), group
      (the declared parent/child group of the record's name, `aliases`; None outside one).
    pairs: scored profile pairs (above `ResolveSettings.min_pair_weight`, inside one cluster,
      or named by an override) as representative records: left_record_id, right_record_id
      (categorical over the records' ids, in record order: millions of pairs hold two ints each),
      match_probability, match_weight (bits), match_rule, blocking_rule ("cluster_check" for
      pairs scored while checking a cluster), same_cluster, left_records / right_records
      (records behind each side) and the comparison levels (-1 missing, 0 disagree, higher =
      closer) with name_similarity. Built on first use from `report`, which holds the same pairs
      as arrays and builds any rows and columns alone (`PairReport.take`; the review queue reads it).
    unmet_overrides: override pairs the clusters could not honour, with a reason.
    stats: counts (records, profiles, candidate pairs, pairs scored and kept, clusters).
    weights: the match weights this run scored with, beside the hand-set prior.
    """

    records: pd.DataFrame
    #: the pairs as arrays (`pair_report`); None once let go (`entities.resolve_with_ids`)
    report: PairReport | None
    unmet_overrides: pd.DataFrame
    stats: dict[str, int]
    #: per comparison level: prior and learned weight (bits), m, u (`learning.learn_weights`)
    weights: pd.DataFrame = field(default_factory=pd.DataFrame)

    @cached_property
    def pairs(self) -> pd.DataFrame:
        """Every reported pair as a table, built on first use (empty once the report was let go)."""
        if self.report is None:
            return pd.DataFrame(columns=[*PAIR_COLUMNS, *LEVEL_COLUMNS, "name_similarity"])
        return self.report.take()

    def review_pairs(
        self, low: float = DEFAULT_REVIEW_BAND[0], high: float = DEFAULT_REVIEW_BAND[1]
    ) -> pd.DataFrame:
        """Borderline pairs (low <= probability < high), most uncertain first."""
        p = self.pairs["match_probability"]
        band = self.pairs[(p >= low) & (p < high)]
        order = (band["match_probability"] - 0.5).abs().sort_values(kind="stable").index
        return band.loc[order].reset_index(drop=True)


def scored_frame(
    scored: KeptPairs,
    model: MatchModel,
    must: tuple[np.ndarray, np.ndarray],
    cannot: tuple[np.ndarray, np.ndarray],
) -> pd.DataFrame:
    """Profile pairs with their rule, overrides applied (`overrides.apply_overrides`): its first len(scored)
    rows are `scored`'s, then the must-links nobody scored. No probability is held per pair: a pair's
    probability is its weight's, or forced by a decision its rule names (`pair_report.pair_probability`)."""
    frame = pd.DataFrame(
        {
            "left": scored.left,
            "right": scored.right,
            "match_rule": rule_names(scored.rule_bits, model),  # categorical: no string per pair
        },
        copy=False,
    )
    decided = pd.DataFrame(
        {
            "left": np.r_[must[0], cannot[0]],
            "right": np.r_[must[1], cannot[1]],
            "decision": [MUST_LINK] * len(must[0]) + [CANNOT_LINK] * len(cannot[0]),
        }
    )
    decided = decided[decided["left"] != decided["right"]]
    if decided.empty:
        return frame
    return apply_overrides(frame, decided)


def record_table(
    record_ids: pd.Series, profiles: Profiles, labels: np.ndarray, pairs: pd.DataFrame, weight: np.ndarray
) -> pd.DataFrame:
    """record_id, cluster_id, match_score, match_rule for every record (see `Resolution`), from the pairs
    of `scored_frame` and the scored pairs' weights (probabilities made for the pairs inside a cluster only)."""
    n = len(profiles)
    left = pairs["left"].to_numpy()  # int32 positions from scoring: tens of millions, not widened
    right = pairs["right"].to_numpy()
    same = labels[left] == labels[right]
    ends = np.r_[left[same], right[same]]
    del left, right
    rule = pd.Categorical(pairs["match_rule"])  # rules by code: one string per distinct rule
    inside = np.flatnonzero(same)
    prob = pair_probability(inside, weight, rule)
    codes = rule.codes[inside]
    p, r = np.r_[prob, prob], np.r_[codes, codes]
    order = np.lexsort((p, ends))  # by profile, then probability ascending
    last = (
        np.r_[np.flatnonzero(np.diff(ends[order])), len(order) - 1]
        if len(order)
        else np.empty(0, int)
    )
    score = np.full(n, np.nan)
    rules = np.full(n, "singleton", dtype=object)
    multi = profiles.table["n_records"].to_numpy() > 1
    score[multi] = 1.0
    rules[multi] = "identical"
    best = order[last]
    score[ends[best]] = p[best]
    names = np.asarray(rule.categories, dtype=object)
    rules[ends[best]] = np.where(r[best] >= 0, names[np.maximum(r[best], 0)], None)
    rp = profiles.record_profile
    return pd.DataFrame(
        {
            "record_id": record_ids.reset_index(drop=True),  # as given: no string is made again
            "cluster_id": pd.factorize(labels[rp])[0].astype(np.int64),
            "match_score": score[rp],
            "match_rule": rules[rp],
            "group": profiles.table["group"].to_numpy(dtype=object)[rp]
            if "group" in profiles.table
            else None,
        }
    )
