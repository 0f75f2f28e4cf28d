"""The review queue: the undecided pairs whose decision would change the result, with their evidence.

Two kinds of pair are worth a person's time (`review_queue`): a pair scoring inside the review
band whose records ended in *different* entities (a likely duplicate left unmerged; one pair per
two entities: the one with the most evidence to read, then the likeliest), and, per entity, the
*weakest link* holding it together (the weakest edge of its maximum spanning tree over the scored
pairs inside it) when that link scores inside the band. Below the band, a pair in different
entities with no evidence against it and clearly similar names is asked as well (a name-only row
left as a customer of its own cannot gain the evidence to reach the band). Pairs an analyst
already decided (overrides) never come back: neither the pair itself nor another pair between the
same two entities. `evidence_text` spells the comparisons out ("name 0.93 agrees; postcode
differs; phone agrees").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final, NamedTuple, TypeAlias

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import minimum_spanning_tree

from matching.blocking import pair_codes
from matching.graph import connected_components
from matching.overrides import is_override_rule
from matching.pair_report import PairReport
from matching.pair_scoring import LEVEL_COLUMNS
from matching.weights import MatchModel

#: how each comparison is named in the evidence text
EVIDENCE_LABELS: Final[dict[str, str]] = {
    "name": "name", "street": "street", "postal": "postcode", "city": "city", "state": "state",
    "country": "country", "phone": "phone", "domain": "website", "email": "e-mail",
    "account": "CRM account", "serial": "serial", "contract": "contract number",
}
#: `question` of a pair in different entities / of an entity's weakest link
DIFFERENT_ENTITIES: Final[str] = "merge?"
WEAKEST_LINK: Final[str] = "split?"
#: the comparisons of what a record says about its customer (counted to pick the best-evidenced pair)
ATTRIBUTE_LEVELS: Final[tuple[str, ...]] = (
    "name", "street", "postal", "city", "state", "country", "phone", "domain", "email", "account",
)
#: below the band, a pair in different entities with nothing against it and names at least this close
#: (level 3: similarity >= 0.75) is asked too: a name-only record ("Madison Materials L.", a truncated
#: tracker row) cannot gain the evidence to reach the band, yet is a likely duplicate left unmerged
UNOPPOSED_NAME_LEVEL: Final[int] = 3
QUEUE_COLUMNS: Final[tuple[str, ...]] = (
    "left_record_id", "right_record_id", "match_probability", "match_weight", "match_rule",
    "blocking_rule", "left_entity_id", "right_entity_id", "question", "evidence",
)


def evidence_text(levels: pd.DataFrame, model: MatchModel) -> pd.Series:
    """Per pair, the comparisons both sides could make: "name 0.93 agrees; street similar; phone differs".

    A level agrees when its weight is at least half the top level's, differs at a negative weight (or
    level 0), else is similar; comparisons with a side missing, and non-agreement of evidence that
    is only ever positive (a shared serial, e-mail), are left out.
    """
    out = np.full(len(levels), "", dtype=object)
    for column in LEVEL_COLUMNS:
        if column not in levels or column not in model.comparisons:
            continue
        weights = np.asarray(model.comparisons[column].weights, dtype=np.float64)
        level = levels[column].to_numpy(np.int64)
        clipped = np.clip(level, 0, len(weights) - 1)
        weight = weights[clipped]
        shown = (level > 0) | ((level == 0) & (weights[0] < 0))
        differs = (level <= 0) | (weight < 0)
        agrees = ~differs & (weight >= weights[-1] / 2)
        word = np.where(agrees, "agrees", np.where(differs, "differs", "similar")).astype(object)
        label = EVIDENCE_LABELS.get(column, column)
        if column == "name" and "name_similarity" in levels:
            similarity = np.char.mod("%.2f", levels["name_similarity"].to_numpy(np.float64))
            part = (label + " " + similarity.astype(object) + " ") + word
        else:
            part = (label + " ") + word
        part = np.where(shown, part, "")
        out = np.where(part == "", out, np.where(out == "", part, out + "; " + part))
    return pd.Series(out, index=levels.index, dtype=object).where(lambda s: s != "", None)


def _levels_of(pairs: pd.DataFrame, column: str) -> np.ndarray:
    """A comparison's levels as integers: as stored (int8) when whole, else as int64 (missing levels)."""
    level = pairs[column].to_numpy()
    return level if level.dtype.kind in "iu" else pairs[column].to_numpy(np.int64)


def _opposed(pairs: pd.DataFrame, model: MatchModel) -> np.ndarray:
    """Pairs with evidence against them: a comparison other than the name at a negative weight."""
    against = np.zeros(len(pairs), dtype=bool)
    for column, comparison in model.comparisons.items():
        if column == "name" or column not in pairs:
            continue
        negative = np.asarray(comparison.weights, dtype=np.float64) < 0
        level = _levels_of(pairs, column)
        against |= (level >= 0) & negative[np.clip(level, 0, len(negative) - 1)]
    return against


def _compared(pairs: pd.DataFrame) -> np.ndarray:
    """How many attribute comparisons both sides of each pair could make (the pair's evidence)."""
    shown = np.zeros(len(pairs), dtype=np.int64)
    for column in (c for c in ATTRIBUTE_LEVELS if c in pairs):
        shown += _levels_of(pairs, column) >= 0
    return shown


def _entity_codes(ids: pd.Series, entity: pd.Series, codes: np.ndarray) -> np.ndarray:
    """Per record id, its entity's code (`codes` holds one per row of `entity`; -1: unknown record).

    A categorical column (`Resolution.pairs`) is looked up once per category, so millions of pairs
    cost an integer take, not a string hash each.
    """
    if isinstance(ids.dtype, pd.CategoricalDtype):
        position = entity.index.get_indexer(ids.cat.categories)
        per_category = np.where(position >= 0, codes[position], -1)
        row = ids.cat.codes.to_numpy()
        return np.where(row >= 0, per_category[np.maximum(row, 0)], -1)
    position = entity.index.get_indexer(ids)
    return np.where(position >= 0, codes[position], -1)


def _pair_keys(left: np.ndarray, right: np.ndarray, n: int) -> np.ndarray:
    """An order-free key of two entity codes below `n`."""
    return np.minimum(left, right).astype(np.int64) * n + np.maximum(left, right)


def _loosely_held(n: int, lo: np.ndarray, hi: np.ndarray, strength: np.ndarray, group: np.ndarray,
                  above: float) -> np.ndarray:
    """Per pair, whether its group falls apart without the links at or below `above` (two of its
    nodes are in different components of the stronger links)."""
    strong = strength > above
    component = connected_components(n, lo[strong], hi[strong])
    apart = np.unique(group[component[lo] != component[hi]])
    return np.isin(group, apart)


def weakest_links(pairs: pd.DataFrame, entity: pd.Series) -> pd.Series:
    """Per entity, the index (into `pairs`) of the weakest edge of its maximum spanning tree.

    `pairs` are scored pairs inside one entity (left_record_id, right_record_id, strength); the
    edge returned is the link that, cut, lets the entity fall apart first. Of several pairs of the
    same two records the strongest counts (the first of equals).
    """
    if pairs.empty:
        return pd.Series(dtype=np.int64)
    group, ids = pd.factorize(pairs["left_record_id"].map(entity))
    rows = _weakest_rows(pairs["left_record_id"], pairs["right_record_id"], pairs["strength"].to_numpy(np.float64),
                         pairs.index.to_numpy(), group)
    group = rows.index.to_numpy()
    named = np.asarray(ids, dtype=object)[np.maximum(group, 0)] if len(ids) else np.full(len(group), None, object)
    index = pd.Index(np.where(group >= 0, named, np.nan), name="entity")  # group -1: a record of no entity
    return pd.Series(rows.to_numpy(), index=index, name="row")


def _first_appearance(left: Nodes, right: Nodes) -> tuple[np.ndarray, np.ndarray, int]:
    """Both sides' nodes as int32 below n, numbered by first appearance (lefts, then rights)."""
    codes, _ = pd.factorize(pd.concat([pd.Series(left), pd.Series(right)], ignore_index=True))
    codes = codes.astype(np.int32)  # nodes below 2**31: tens of millions of pairs hold half the bytes
    half = len(codes) // 2
    return codes[:half], codes[half:], int(codes.max()) + 1 if len(codes) else 0


def _numbered(left: Nodes, right: Nodes) -> tuple[np.ndarray, np.ndarray, int]:
    """Both sides' nodes as ints below n in any order: profile positions as they are."""
    if isinstance(left, np.ndarray) and isinstance(right, np.ndarray) and left.dtype.kind in "iu":
        return left, right, int(max(left.max(), right.max())) + 1 if len(left) else 0
    return _first_appearance(left, right)


def _weakest_rows(left: Nodes, right: Nodes, strength: np.ndarray, row: np.ndarray, group: np.ndarray,
                  held_above: float | None = None) -> pd.Series:
    """`weakest_links` on arrays: per group (an int per pair: its left record's entity), the `row` of
    its weakest tree edge. The nodes are record ids or any stand-in numbered the same way (profile
    positions): they are numbered by first appearance, so either gives the same trees. Edges are int64
    keys, found by a sort and `searchsorted` rather than pandas joins: at a million records there are
    millions. With `held_above`, a group its links stronger than that hold together is left out: its
    weakest tree edge is stronger too (the tree keeps the strongest links that connect), so only the
    loosely held groups' trees are built. They are found before the nodes are numbered: a node's
    pairs all lie in its own group, so the loose groups' nodes keep the order of their first
    appearance, and the few loose pairs are all that is numbered (millions are inside one entity)."""
    a, b, n = _numbered(left, right)
    edge = a != b
    ceiling = strength[edge].max() if edge.any() else 0.0  # of every edge: the same costs whichever are left out
    if held_above is not None:
        loose = np.flatnonzero(_loosely_held(n, a, b, strength, group, held_above))
        left, right = _at(left, loose), _at(right, loose)
        strength, row, group = strength[loose], row[loose], group[loose]
    del a, b, edge
    a, b, n = _first_appearance(left, right)
    keep = a != b
    lo, hi = np.minimum(a, b)[keep], np.maximum(a, b)[keep]
    del a, b
    strength, row, group = strength[keep], row[keep], group[keep]
    if not len(strength):
        return pd.Series(dtype=np.int64, name="row")
    key = pair_codes(lo, hi)
    order = np.lexsort((-strength, key))  # by edge, strongest first, then input order (lexsort is stable)
    first = order[np.r_[True, key[order][1:] != key[order][:-1]]]
    del order
    key, lo, hi, strength, row, group = key[first], lo[first], hi[first], strength[first], row[first], group[first]
    cost = ceiling + 1.0 - strength  # > 0: the maximum tree
    tree = minimum_spanning_tree(coo_matrix((cost, (lo, hi)), shape=(n, n)).tocsr()).tocoo()
    at = np.searchsorted(key, pair_codes(tree.row, tree.col))
    chosen = pd.DataFrame({"strength": strength[at], "row": row[at], "group": group[at]})
    weakest = chosen.sort_values(["strength", "row"], kind="stable").drop_duplicates("group")
    return weakest.set_index("group")["row"]


#: reported pairs a review queue scans at a time: its masks over tens of millions of pairs, a chunk at a time
SCAN_CHUNK: Final[int] = 2_000_000

Nodes: TypeAlias = pd.Series | np.ndarray  # per pair, a side's record id, or its profile's position (a report)


class _Part(NamedTuple):
    """A run of pairs as the queue reads them: each side's node and entity code (-1: unknown record),
    the probability and whether an analyst's decision named the pair."""

    left: Nodes
    right: Nodes
    left_entity: np.ndarray
    right_entity: np.ndarray
    probability: np.ndarray
    forced: np.ndarray


class _FramePairs:
    """A pairs table (`Resolution.pairs`, or a test's) read the way a report is, in one run."""

    def __init__(self, pairs: pd.DataFrame, entity: pd.Series, codes: np.ndarray) -> None:
        self.pairs = pairs.reset_index(drop=True)
        self.columns = list(self.pairs.columns)
        self.entity, self.codes = entity, codes

    def __len__(self) -> int:
        return len(self.pairs)

    def ranges(self) -> list[tuple[int, int]]:
        return [(0, len(self.pairs))]

    def part(self, start: int, stop: int) -> _Part:
        left, right = (self.pairs[c].iloc[start:stop] for c in ("left_record_id", "right_record_id"))
        return _Part(left, right, _entity_codes(left, self.entity, self.codes),
                     _entity_codes(right, self.entity, self.codes),
                     self.pairs["match_probability"].to_numpy(np.float64)[start:stop],
                     is_override_rule(self.pairs["match_rule"].iloc[start:stop]))

    def take(self, positions: np.ndarray | None = None, columns: Sequence[str] | None = None) -> pd.DataFrame:
        rows = self.pairs if positions is None else self.pairs.iloc[positions]
        return rows if columns is None else rows[list(columns)]

    def weights(self, positions: np.ndarray) -> np.ndarray:
        return self.pairs["match_weight"].to_numpy(np.float64)[positions]


class _ReportPairs:
    """A `PairReport` read in runs of SCAN_CHUNK pairs; a side is its profile, whose entity is looked up
    once per profile, not once per pair."""

    def __init__(self, report: PairReport, entity: pd.Series, codes: np.ndarray) -> None:
        self.report = report
        self.columns = report.columns
        if _aligned(entity.index, report.record_ids):  # the night's: by position, no hash of every record id
            self.per_profile = codes[report.representative].astype(np.int32)
        else:
            self.per_profile = _entity_codes(report.profile_ids(), entity, codes).astype(np.int32)

    def __len__(self) -> int:
        return len(self.report)

    def ranges(self) -> list[tuple[int, int]]:
        n = len(self.report)  # no pairs: one empty run
        return [(i, min(i + SCAN_CHUNK, n)) for i in range(0, max(n, 1), SCAN_CHUNK)]

    def part(self, start: int, stop: int) -> _Part:
        left, right = self.report.ends(start, stop)
        return _Part(left, right, self.per_profile[left], self.per_profile[right],
                     self.report.probabilities(start, stop), self.report.forced(start, stop))

    def take(self, positions: np.ndarray | None = None, columns: Sequence[str] | None = None) -> pd.DataFrame:
        return self.report.take(positions, columns)

    def weights(self, positions: np.ndarray) -> np.ndarray:
        return self.report.weights(positions)


def _aligned(index: pd.Index, record_ids: pd.Index) -> bool:
    """Whether `index` holds `record_ids` in their order (as a resolution's ids give them)."""
    return len(index) == len(record_ids) and bool(
        (index.to_numpy(dtype=object) == record_ids.to_numpy(dtype=object)).all())


def _emptied(pieces: list[list[Any]], i: int) -> list[Any]:
    """Field `i`'s pieces, no longer held by `pieces`."""
    field, pieces[i] = pieces[i], []
    return field


def _at(nodes: Nodes, positions: np.ndarray) -> Nodes:
    return nodes.iloc[positions] if isinstance(nodes, pd.Series) else nodes[positions]


def _joined(pieces: list) -> Any:
    """Runs' pieces as one: arrays concatenated, Series (record ids) concatenated keeping their dtype."""
    if len(pieces) == 1:
        return pieces[0]
    if isinstance(pieces[0], pd.Series):
        return pd.concat(pieces, ignore_index=True)
    return np.concatenate(pieces)


class _Scan(NamedTuple):
    """What the queue keeps of a run of pairs: per two entities the pair it would ask (its key, evidence
    and probability) and the pairs inside one entity (what their trees need)."""

    asked: np.ndarray
    asked_key: np.ndarray
    asked_shown: np.ndarray
    asked_probability: np.ndarray
    inside: np.ndarray
    inside_left: Nodes
    inside_right: Nodes
    inside_group: np.ndarray
    inside_in_band: np.ndarray
    inside_forced: np.ndarray


def _first_per_key(key: np.ndarray, shown: np.ndarray, probability: np.ndarray) -> np.ndarray:
    """Positions of one pair per key: the most evidence, then the likeliest, then the first; in that
    order. Choosing within runs first and then among the runs' choices gives the same pairs."""
    order = np.lexsort((-probability, -shown))  # stable: equals keep their order
    _, first = np.unique(key[order], return_index=True)
    return order[np.sort(first)]


def _scan(source: _FramePairs | _ReportPairs, start: int, stop: int, band: tuple[float, float], model: MatchModel,
          unopposed_name_level: int | None, entities: int) -> _Scan:
    """One run of pairs: which to ask about different entities (module doc; one per two of the
    `entities`) and which lie inside one."""
    low, high = band
    part = source.part(start, stop)
    known = (part.left_entity >= 0) & (part.right_entity >= 0)
    in_band = (part.probability >= low) & (part.probability < high) & ~part.forced & known
    apart = known & (part.left_entity != part.right_entity)
    asked = in_band & apart
    if unopposed_name_level is not None and "name" in source.columns:
        below = np.flatnonzero((part.probability < low) & ~part.forced & apart)  # only pairs apart are asked
        levels = source.take(start + below, columns=[c for c in model.comparisons if c in source.columns])
        asked[below] = ~_opposed(levels, model) & (levels["name"].to_numpy(np.int64) >= unopposed_name_level)
    rows, inside = np.flatnonzero(asked), np.flatnonzero(known & ~apart)
    key = _pair_keys(part.left_entity[rows], part.right_entity[rows], entities)
    shown = _compared(source.take(start + rows, columns=[c for c in ATTRIBUTE_LEVELS if c in source.columns]))
    best = _first_per_key(key, shown, part.probability[rows])
    return _Scan(start + rows[best], key[best], shown[best], part.probability[rows][best],
                 start + inside, _at(part.left, inside), _at(part.right, inside), part.left_entity[inside],
                 in_band[inside], part.forced[inside])


def review_queue(
    pairs: pd.DataFrame | PairReport,
    entity: pd.Series,
    model: MatchModel,
    band: tuple[float, float],
    decided: pd.DataFrame | None = None,
    unopposed_name_level: int | None = UNOPPOSED_NAME_LEVEL,
) -> pd.DataFrame:
    """The undecided pairs whose decision would change the result (module doc), likeliest first.

    `pairs` is `Resolution.pairs`, or its `report` (the same pairs, of which only the columns and
    rows read here are built: tens of millions at a few million records); `entity` maps every
    record_id to its entity id; `decided` holds the analysts' record pairs (left_record_id,
    right_record_id) from `overrides.record_overrides`; `unopposed_name_level` (None: off) is the
    least name level of an unopposed pair below the band.
    Columns: QUEUE_COLUMNS (question "merge?" for different entities, "split?" for a weakest link).
    """
    codes, entity_ids = pd.factorize(entity)  # entities as ints: no entity id string per pair
    source = (_ReportPairs(pairs, entity, codes) if isinstance(pairs, PairReport)
              else _FramePairs(pairs, entity, codes))
    pieces = [list(field) for field in zip(*(_scan(source, start, stop, band, model, unopposed_name_level,
                                                  len(entity_ids)) for start, stop in source.ranges()), strict=True)]
    scan = _Scan(*(_joined(_emptied(pieces, i)) for i in range(len(_Scan._fields))))  # a field's runs let go as joined
    # one pair per two entities, chosen on arrays (millions are asked at a few million records) so that
    # only the chosen pairs are spelled out; a decided pair of entities is never asked again
    chosen = _first_per_key(scan.asked_key, scan.asked_shown, scan.asked_probability)
    asked, keys, shown = scan.asked[chosen], scan.asked_key[chosen], scan.asked_shown[chosen]
    if decided is not None and len(decided):
        decided_left = _entity_codes(decided["left_record_id"], entity, codes)
        decided_right = _entity_codes(decided["right_record_id"], entity, codes)
        both = (decided_left >= 0) & (decided_right >= 0)
        undecided = ~np.isin(keys, _pair_keys(decided_left[both], decided_right[both], len(entity_ids)))
        asked, keys, shown = asked[undecided], keys[undecided], shown[undecided]
    merge = source.take(asked).assign(_key=keys, _shown=shown)
    inside = scan.inside  # most pairs: only what the spanning trees read is kept
    strength = source.weights(inside)  # made strengths in place: tens of millions at a few million records
    unscored = ~np.isfinite(strength)
    top = float(np.max(strength, where=~unscored, initial=-np.inf)) if not unscored.all() else 0.0
    unscored |= scan.inside_forced
    strength[unscored] = top + 100.0
    del unscored
    # only a link inside the band is asked: an entity its stronger links hold together has none to ask
    band_strength = strength[scan.inside_in_band]
    links = (_weakest_rows(scan.inside_left, scan.inside_right, strength, inside, scan.inside_group,
                           held_above=float(band_strength.max()))
             if len(band_strength) else pd.Series(dtype=np.int64))
    del strength, band_strength
    split = source.take(links.to_numpy())
    split = split[scan.inside_in_band[np.searchsorted(inside, split.index.to_numpy())]]  # a link is an inside pair
    out = pd.concat([merge.assign(question=DIFFERENT_ENTITIES), split.assign(question=WEAKEST_LINK)])
    # the few pairs asked, as text: no categorical (over a million record ids) leaves this function
    text = {c: out[c].astype(object) for c in ("left_record_id", "right_record_id", "match_rule", "blocking_rule")
            if c in out}
    out = out.assign(**text, left_entity_id=text["left_record_id"].map(entity),
                     right_entity_id=text["right_record_id"].map(entity), evidence=evidence_text(out, model))
    out = out.sort_values(["match_probability", "left_record_id"], ascending=[False, True], kind="stable")
    return out[list(QUEUE_COLUMNS)].reset_index(drop=True)
