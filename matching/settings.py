"""sources.yaml `matching:`: the thresholds a deployment may tune, typed and validated."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from matching.clustering import ClusterSettings
from matching.learning import LearnSettings
from matching.resolve import ResolveSettings
from matching.result import DEFAULT_REVIEW_BAND


class MatchingSettings(BaseModel):
    """Clustering thresholds (match weights in bits) and the probability band sent to review."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: two records whose pair weighs at least this many bits may join one cluster
    link_weight: float = Field(default=ClusterSettings.link_weight, ge=-20, le=20)
    #: a pair weighing this little is a conflict: its records never share a cluster
    conflict_weight: float = Field(default=ClusterSettings.conflict_weight, ge=-40, le=0)
    #: pairs with a match probability in [low, high) are listed in match_review
    review_band: tuple[float, float] = DEFAULT_REVIEW_BAND
    #: re-estimate the comparison weights from each night's data (m by EM, u from random pairs),
    #: within bounds around the hand-set ones (matching.learning)
    learn_weights: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> MatchingSettings:
        low, high = self.review_band
        if not 0.0 <= low < high <= 1.0:
            raise ValueError(f"review_band must be two probabilities, low < high, got {list(self.review_band)}")
        if self.conflict_weight >= self.link_weight:
            raise ValueError("conflict_weight must be below link_weight")
        return self

    def resolve_settings(self) -> ResolveSettings:
        """The resolver's settings with these thresholds."""
        return ResolveSettings(
            clustering=ClusterSettings(link_weight=self.link_weight, conflict_weight=self.conflict_weight),
            learning=LearnSettings(enabled=self.learn_weights),
        )
