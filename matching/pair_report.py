"""The reported pairs of a resolution, held as the arrays they are made of and spelled out on demand.

At a few million records tens of millions of pairs are reported. A review queue reads a few of
their columns for every pair and every column for a few thousand, so building the whole table
(twenty columns per pair) costs more memory than the scored pairs themselves. `PairReport` keeps
positions into the scored pairs and the profiles' representative records; `take` builds the rows
and columns asked for, exactly as they stand in the whole table (`Resolution.pairs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Final

import numpy as np
import pandas as pd

from matching.overrides import FORCED_PROBABILITY, MUST_LINK, OVERRIDE_RULES, is_override_rule
from matching.pair_scoring import KeptPairs
from matching.profiles import Profiles
from matching.scoring import probability

#: the report's columns before the comparison levels (`Resolution.pairs`)
PAIR_COLUMNS: Final[tuple[str, ...]] = (
    "left_record_id", "right_record_id", "match_probability", "match_weight", "match_rule",
    "blocking_rule", "same_cluster", "left_records", "right_records",
)
#: the blocking rule of a pair only an analyst's decision named
OVERRIDE_SOURCE: Final[str] = "override"


@dataclass(frozen=True)
class ReportedScores:
    """What the report reads of the scored pairs: weight, source rule and levels. Their evidence bits
    served the rule names, and are let go with the resolution's other arrays (4 bytes a scored pair,
    tens of millions of pairs); their conflict went when they were clustered (`KeptPairs`)."""

    weight: np.ndarray
    source: np.ndarray
    levels: pd.DataFrame

    def __len__(self) -> int:
        return len(self.weight)

    @classmethod
    def of(cls, scored: KeptPairs) -> ReportedScores:
        """What the report keeps of `scored`."""
        return cls(scored.weight, scored.source, scored.levels)


@dataclass(frozen=True)
class PairReport:
    """Reported pairs: rows `kept` of a `scored_frame` (its first len(scored) rows are `scored`'s).

    Per profile: `representative` (its first record's position in `record_ids`), `n_records` and
    `cluster`. Per scored_frame row: `left`, `right` (profiles) and `rule` (overrides applied).
    `source_names` names `scored.source` (the blocking rules, then the cluster check). A pair's
    probability is made from its weight when asked, as `scored_frame` made it: 1 or 0 where an
    analyst's decision names the pair (its rule says which), so no float64 per scored pair is held.
    """

    record_ids: pd.Index
    representative: np.ndarray
    n_records: np.ndarray
    cluster: np.ndarray
    left: np.ndarray
    right: np.ndarray
    rule: pd.Categorical
    scored: ReportedScores
    source_names: tuple[str, ...]
    kept: np.ndarray

    def __len__(self) -> int:
        return len(self.kept)

    @property
    def columns(self) -> list[str]:
        """Every column of the report, in order."""
        return [*PAIR_COLUMNS, *self.scored.levels.columns]

    @cached_property
    def _ids(self) -> pd.CategoricalDtype:
        return pd.CategoricalDtype(self.record_ids)

    @cached_property
    def _rules(self) -> pd.Index:
        """The match rules the reported pairs use, in the rules' own order (as the whole table has)."""
        codes = np.unique(self.rule.codes[self.kept])
        return self.rule.categories[codes[codes >= 0]]

    @cached_property
    def _unscored(self) -> bool:
        """Whether a reported pair was named by an override alone (its levels are then missing)."""
        return bool(len(self.kept)) and int(self.kept[-1]) >= len(self.scored)

    def take(self, positions: np.ndarray | None = None, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """The reported pairs at `positions` (all by default), indexed by their position in the report;
        `columns` of `columns` (all by default)."""
        rows = self.kept if positions is None else self.kept[np.asarray(positions, dtype=np.int64)]
        index = pd.RangeIndex(len(rows)) if positions is None else pd.Index(np.asarray(positions, dtype=np.int64))
        wanted = self.columns if columns is None else list(columns)
        levels = [c for c in wanted if c in self.scored.levels.columns]
        out = {c: self._column(c, rows) for c in wanted if c not in levels}
        if levels:
            out.update(self._levels(rows, levels))
        return pd.DataFrame({c: out[c] for c in wanted}, index=index, copy=False)

    def _column(self, name: str, rows: np.ndarray) -> object:
        n = len(self.scored)
        scored = rows < n
        if name in ("left_record_id", "right_record_id"):
            side = self.left if name == "left_record_id" else self.right
            return pd.Categorical.from_codes(self.representative[side[rows]], dtype=self._ids)
        if name == "match_probability":
            return self._probability(rows)
        if name == "match_weight":
            weight = np.full(len(rows), np.inf, dtype=np.float32)
            weight[scored] = self.scored.weight[rows[scored]]
            return weight
        if name == "match_rule":
            return self.rule.take(rows).set_categories(self._rules)
        if name == "blocking_rule":
            names = [*self.source_names, OVERRIDE_SOURCE]
            source = np.full(len(rows), len(names) - 1, dtype=np.int32)
            source[scored] = self.scored.source[rows[scored]]
            source[source < 0] = len(names) - 1
            return pd.Categorical.from_codes(source, categories=names)
        if name == "same_cluster":
            return self.cluster[self.left[rows]] == self.cluster[self.right[rows]]
        if name in ("left_records", "right_records"):
            side = self.left if name == "left_records" else self.right
            return self.n_records[side[rows]]
        raise KeyError(name)

    def _probability(self, rows: np.ndarray) -> np.ndarray:
        """scored_frame's pairs' match probability at `rows` (`pair_probability`)."""
        return pair_probability(rows, self.scored.weight, self.rule)

    def _levels(self, rows: np.ndarray, columns: list[str]) -> dict[str, np.ndarray]:
        """Comparison levels; with an override-only pair reported, every level column takes the dtype
        that holds a missing value (as the whole table's do), whichever rows are asked."""
        levels = self.scored.levels[columns]
        if not self._unscored:
            return {c: levels[c].to_numpy()[rows] for c in columns}
        missing = levels.head(0).reindex(pd.RangeIndex(1)).dtypes
        taken = levels.reindex(rows)
        return {c: taken[c].to_numpy().astype(missing[c], copy=False) for c in columns}

    def ends(self, start: int = 0, stop: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Per reported pair (of positions start:stop), its two profiles' positions."""
        rows = self.kept[start:stop]
        return self.left[rows], self.right[rows]

    def profile_ids(self) -> pd.Series:
        """Per profile, the record id standing for it in the report (its first record's)."""
        return pd.Series(pd.Categorical.from_codes(self.representative, dtype=self._ids), copy=False)

    def probabilities(self, start: int = 0, stop: int | None = None) -> np.ndarray:
        """Per reported pair (of positions start:stop), its match probability (overrides applied)."""
        return self._probability(self.kept[start:stop])

    def forced(self, start: int = 0, stop: int | None = None) -> np.ndarray:
        """Per reported pair (of positions start:stop), whether an analyst's decision named it."""
        return is_override_rule(pd.Series(self.rule.take(self.kept[start:stop]), copy=False))

    def weights(self, positions: np.ndarray) -> np.ndarray:
        """The match weights (bits) of the reported pairs at `positions`, as float64."""
        return np.asarray(self._column("match_weight", self.kept[positions]), dtype=np.float64)


def pair_probability(rows: np.ndarray, weight: np.ndarray, rule: pd.Categorical) -> np.ndarray:
    """The match probability of the `scored_frame` pairs at `rows`: made from the weight (`weight`, one per
    scored pair), or forced by an analyst's decision, which the pair's rule names; the rows past the
    scored ones are must-links nobody scored. Made for the rows asked only: no float64 per scored pair."""
    rows = np.asarray(rows, dtype=np.int64)
    scored = rows < len(weight)
    out = np.full(len(rows), FORCED_PROBABILITY[MUST_LINK], dtype=np.float64)
    out[scored] = probability(weight[rows[scored]])
    codes = rule.codes[rows]
    for decision, value in FORCED_PROBABILITY.items():
        if OVERRIDE_RULES[decision] in rule.categories:
            out[codes == rule.categories.get_loc(OVERRIDE_RULES[decision])] = value
    return out


def pair_report(
    record_ids: pd.Series,
    profiles: Profiles,
    labels: np.ndarray,
    scored: ReportedScores,
    pairs: pd.DataFrame,
    source_names: tuple[str, ...],
    min_weight: float,
) -> PairReport:
    """The pairs a resolution reports (`Resolution.pairs`): of `pairs` (`scored_frame`'s output over the
    scored pairs `scored`), those inside one cluster, at `min_weight` or more, or named by an override."""
    n = len(scored)
    left = pairs["left"].to_numpy()
    right = pairs["right"].to_numpy()
    rule = pd.Categorical(pairs["match_rule"])
    cluster = labels.astype(np.int32)
    keep = cluster[left] == cluster[right]
    keep[:n] |= scored.weight >= min_weight
    keep[n:] = True  # override rows nobody scored: their weight is infinite
    keep |= is_override_rule(pd.Series(rule, copy=False))
    kept = np.flatnonzero(keep)
    rp = profiles.record_profile
    representative = pd.Series(np.arange(len(rp), dtype=np.int32)).groupby(rp).min().to_numpy().astype(np.int32)
    return PairReport(
        record_ids=pd.Index(record_ids.reset_index(drop=True)),
        representative=representative,
        n_records=profiles.table["n_records"].to_numpy(),
        cluster=cluster,
        left=left,
        right=right,
        rule=rule,
        scored=scored,
        source_names=tuple(source_names),
        kept=kept.astype(np.int32) if len(pairs) < 2**31 else kept,
    )
