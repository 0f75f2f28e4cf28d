"""Compare and score profile pairs in bounded chunks, keeping only compact per-pair columns.

Tens of millions of candidate pairs are normal on a million records, so comparison levels are
computed chunk by chunk and kept as int8 (plus the float32 name similarity), next to the float32
weight and conflict, the int32 evidence bits and int32 profile positions; strings are made only for
the pairs reported.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Final, TypeVar

import numpy as np
import pandas as pd

from matching.comparisons import ComparisonInputs, compare_pairs
from matching.scoring import score_levels
from matching.weights import MatchModel

#: comparison levels kept with every scored pair (for review exports)
LEVEL_COLUMNS: Final[tuple[str, ...]] = (
    "name",
    "street",
    "postal",
    "city",
    "state",
    "country",
    "phone",
    "domain",
    "email",
    "account",
    "serial",
    "contract",
)
#: pairs compared per chunk (bounds memory on large runs)
SCORE_CHUNK: Final[int] = 1_000_000


@dataclass(frozen=True)
class KeptPairs:
    """Profile pairs with weight (bits), evidence bits, source rule and levels: what a resolution keeps
    of its scored pairs once they are clustered (at ten million records 180 million pairs, half of them
    scored by the cluster check).

    `source` is the index of the blocking rule that produced the pair (or of the "cluster
    check" that scored it later); `levels` has LEVEL_COLUMNS (int8) and name_similarity.
    """

    left: np.ndarray
    right: np.ndarray
    weight: np.ndarray
    rule_bits: np.ndarray
    source: np.ndarray
    levels: pd.DataFrame

    def __len__(self) -> int:
        return len(self.left)

    @staticmethod
    def of(scored: KeptPairs) -> KeptPairs:
        """`scored` without its conflict, if it has one (its arrays, not copies)."""
        return KeptPairs(scored.left, scored.right, scored.weight, scored.rule_bits, scored.source, scored.levels)


@dataclass(frozen=True)
class ScoredPairs(KeptPairs):
    """Scored pairs with their conflict (bits) too, which only the clustering reads (4 bytes a pair: the
    cluster check's pairs let theirs go batch by batch, the candidates' after clustering)."""

    conflict: np.ndarray


def score_pairs(
    inputs: ComparisonInputs,
    left: np.ndarray,
    right: np.ndarray,
    model: MatchModel,
    source: int | np.ndarray = 0,
    chunk: int = SCORE_CHUNK,
) -> ScoredPairs:
    """Compare and score (left, right) profile pairs, `chunk` pairs at a time."""
    left = np.asarray(left, dtype=np.int32)  # profile positions: tens of millions of pairs at 3M records
    right = np.asarray(right, dtype=np.int32)
    weights, conflicts, bits, frames = [], [], [], []
    for lo in range(0, max(len(left), 1), chunk):
        levels = compare_pairs(
            inputs, left[lo : lo + chunk], right[lo : lo + chunk], model.name_thresholds
        )
        scores = score_levels(levels, model)
        weights.append(scores.weight)
        conflicts.append(scores.conflict)
        bits.append(scores.rule_bits)
        frames.append(
            levels[list(LEVEL_COLUMNS)]
            .astype(np.int8)
            .assign(name_similarity=levels["name_similarity"].astype(np.float32))
        )
    return ScoredPairs(
        left=left,
        right=right,
        weight=np.concatenate(weights),
        conflict=np.concatenate(conflicts),
        rule_bits=np.concatenate(bits),
        source=np.broadcast_to(np.asarray(source, dtype=np.int16), left.shape).copy(),
        levels=_join_levels(frames),
    )


#: scored pairs, whole or as kept after clustering
Pairs = TypeVar("Pairs", bound=KeptPairs)


def column_frame(columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """A frame that holds each column as the array given, not copied into one block per dtype: a
    column can then be let go on its own (`concat_scored`)."""
    return pd.DataFrame(columns, copy=False)


def concat_scored(parts: list[Pairs]) -> Pairs:
    """All parts as one (in order; all ScoredPairs or all KeptPairs). Consumes `parts` (the list is
    emptied): each field's pieces are let go once that field is joined, so the join holds one field
    twice at most, not every pair twice (tens of millions at a few million records)."""
    if len(parts) == 1:
        return parts.pop()
    kind = type(parts[0])
    pieces = {f.name: [getattr(p, f.name) for p in parts] for f in fields(kind)}
    parts.clear()
    joined: dict[str, object] = {}
    for name, field_pieces in pieces.items():
        joined[name] = _join_levels(field_pieces) if name == "levels" else np.concatenate(field_pieces)
        field_pieces.clear()
    return kind(**joined)  # type: ignore[arg-type]


def _join_levels(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The parts' levels joined a column at a time, each part's column let go once joined (the parts'
    levels are `column_frame`s, one array a column), so the join holds one column twice, not the
    levels (16 bytes a pair: the largest field)."""
    joined: dict[str, np.ndarray] = {}
    for column in list(frames[0].columns):
        joined[column] = np.concatenate([f[column].to_numpy() for f in frames])
        for f in frames:
            del f[column]
    return column_frame(joined)
