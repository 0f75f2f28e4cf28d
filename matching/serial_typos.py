"""Serial forms one slip apart, and when that slip is a typo rather than another unit.

Candidates are look-alike groups (forms equal once O/0 and I/1 are folded) whose folded keys
are one edit apart (a dropped, doubled or substituted character, or two neighbours
swapped; keys of 8+ characters), verified with OSA distance. Since a substituted character is
only ever accepted within one customer, substitutions are searched there only (one-deletion
variants hashed with the customer); drops, doubles and swaps across the whole install base by
looking each key's variants up among the keys, so the search grows with the keys, not with
their density. Whether a candidate pair joins depends on what is known of the customer:

- Both forms seen at one customer (`customer` given): S/5 and B/8 look-alikes join outright, and
  a slip is a typo, when the SKU families agree (or one is missing) and no single record lists
  both forms. A substituted character counts too (it is
  how typing slips), unless it looks like the next unit of a batch (the two characters are
  neighbours in 0-9A-Z within the last three positions: "...X0AB" / "...X0AC"), and only when
  the rarer form comes from a single source while the other is attested by several: a second
  unit of the same customer shows up in the distributor feed and the contract alike. A swap of
  two neighbours needs the same evidence: in a batch shipped to one customer "...068" and
  "...086" are two units (130 sequential serials became 94 assets without it).
- Forms seen at different customers only: never a typo (a look-alike or exact match only).
- A form without a known customer: the rules that hold without customers. The SKU family must
  agree, no record lists both, a same-length change must be a swap of two neighbours (a
  substituted character is exactly how the serials of two units shipped together differ), a
  swap must come from the less attested form, and the typo must be unambiguous (each side has
  exactly one such neighbour).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import numpy as np
import pandas as pd
from rapidfuzz import distance, process

from matching.blocking import pair_codes
from matching.edit_variants import HASH_BASE, char_matrix, deletion_variants, edit_hashes, row_hashes
from matching.graph import pairs_sharing
from matching.serials import customer_lookalike_keys
from matching.text import TEXT_DTYPE

#: shortest folded key considered for one-edit typo matching
MIN_TYPO_LENGTH: Final[int] = 8
#: a substitution this close to the end, between neighbouring characters, looks like a batch
SEQUENCE_TAIL: Final[int] = 3
_ORDER: Final[str] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: scoped keys searched at once (whole labels; a slice ends where a label does)
SCOPE_SLICE: Final[int] = 250_000
#: candidate pairs whose keys are compared at once
PAIR_SLICE: Final[int] = 2_000_000


def sorted_chars(values: np.ndarray) -> np.ndarray:
    """Each string's characters in sorted order (an anagram key), vectorised."""
    if len(values) == 0:
        return values.astype(object)
    width = max(values.dtype.itemsize // 4, 1)
    chars = np.ascontiguousarray(values.astype(f"U{width}")).view("U1").reshape(len(values), width)
    return (
        np.ascontiguousarray(np.sort(chars, axis=1))
        .view(f"U{width}")
        .reshape(len(values))
        .astype(object)
    )


def looks_sequential(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Same-length strings differing in one character near the end by one step ("AB"/"AC")."""
    out = np.zeros(len(a), dtype=bool)
    if len(a) == 0:
        return out
    width = max(a.astype(str).dtype.itemsize, b.astype(str).dtype.itemsize) // 4
    ca = np.ascontiguousarray(a.astype(f"U{width}")).view("U1").reshape(len(a), width)
    cb = np.ascontiguousarray(b.astype(f"U{width}")).view("U1").reshape(len(b), width)
    lengths = np.char.str_len(a.astype(str))
    rank = {c: i for i, c in enumerate(_ORDER)}
    to_rank = np.vectorize(lambda c: rank.get(c, -100), otypes=[np.int64])  # over characters
    diff = ca != cb
    position = np.argmax(diff, axis=1)
    row = np.arange(len(a))
    step = np.abs(to_rank(ca[row, position]) - to_rank(cb[row, position])) == 1
    near_end = position >= lengths - SEQUENCE_TAIL
    return diff.any(axis=1) & (diff.sum(axis=1) == 1) & step & near_end


def _offsets(sizes: np.ndarray) -> np.ndarray:
    """0, 1, ... within each of consecutive runs of `sizes` items (a run may be empty)."""
    return np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)


def _equal_runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The stable sort order of `values`, and where each run of equal values starts in that
    order and how long it is."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    return order, starts, np.diff(np.r_[starts, len(ordered)])


def _sharing_pairs(form: np.ndarray, variant: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct pairs (i < j) of forms with a variant in common."""
    order, starts, sizes = _equal_runs(variant)
    return _run_pairs(form[order].astype(np.int64), starts, sizes)


def _run_pairs(f: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct pairs (i < j) of the forms `f` (in sorted order) that share a run: every member of
    a run is paired with each member after it."""
    starts, sizes = starts[sizes > 1], sizes[sizes > 1]
    member = np.repeat(starts, sizes) + _offsets(sizes)
    later = np.repeat(starts + sizes, sizes) - member - 1
    first = np.repeat(member, later)
    second = first + 1 + _offsets(later)
    apart = f[first] != f[second]
    codes = np.unique(pair_codes(f[first][apart], f[second][apart]))
    return codes >> 32, codes & 0xFFFFFFFF


def _long_forms(keys: pd.Series) -> np.ndarray:
    """Positions of the keys long enough for typo matching (MIN_TYPO_LENGTH+ characters)."""
    return np.flatnonzero(keys.str.len().to_numpy() >= MIN_TYPO_LENGTH)


def _one_edit_apart(
    keys: pd.Series, left: np.ndarray, right: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs whose keys are verified one OSA edit apart."""
    if len(left) == 0:
        return left, right
    kv = keys.to_numpy(dtype=object)
    one = np.zeros(len(left), dtype=bool)
    for start in range(0, len(left), PAIR_SLICE):  # the keys of a slice of pairs at a time
        at = slice(start, start + PAIR_SLICE)
        dist = process.cpdist(
            kv[left[at]], kv[right[at]], scorer=distance.OSA.distance, processor=None, score_cutoff=1,
            workers=-1,
        )
        one[at] = np.asarray(dist) <= 1
    return left[one], right[one]


def candidate_pairs(
    keys: pd.Series, scope: pd.DataFrame | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of folded keys (MIN_TYPO_LENGTH+ characters) one OSA edit apart.

    With `scope` (rows of `form`, a key position, and `label`), only pairs of keys sharing a
    label: the label is hashed into every variant, so the runs of equal variants stay within
    one customer instead of growing with the whole install base.
    """
    empty = np.empty(0, dtype=np.int64)
    long = _long_forms(keys)
    if len(long) < 2:
        return empty, empty
    if scope is None:
        left, right = _variant_pairs(keys, long, None)
        return _one_edit_apart(keys, left, right)
    scope = scope[np.isin(scope["form"].to_numpy(), long)]
    labels = pd.factorize(scope["label"])[0]
    # pairs never cross labels: the labels are searched a slice at a time, so the variants (one
    # per character of every key) exist for one slice only
    order = np.argsort(labels, kind="stable")
    forms, labels = scope["form"].to_numpy(np.int64)[order], labels[order]
    cuts = np.searchsorted(labels, labels[::SCOPE_SLICE][1:], side="left")
    found = [
        _variant_pairs(keys, f, lab.astype(np.uint64) + np.uint64(1))
        for f, lab in zip(np.split(forms, cuts), np.split(labels, cuts), strict=True)
        if len(f)
    ]
    codes = np.unique(np.concatenate([pair_codes(a, b) for a, b in found] or [np.empty(0, np.int64)]))
    return _one_edit_apart(keys, codes >> 32, codes & 0xFFFFFFFF)


def _variant_pairs(
    keys: pd.Series, forms: np.ndarray, labels: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of `forms` sharing a one-deletion variant (and their label, when given)."""
    dv = deletion_variants(keys.iloc[forms].reset_index(drop=True))
    row, variant = dv["form"].to_numpy(), dv["variant"].to_numpy()
    if labels is not None:
        variant = variant * HASH_BASE + labels[row]
    return _sharing_pairs(forms[row], variant)


class _HashLookup:
    """Where 64-bit hashes sit among a set of them (which may repeat): a hash table of the
    distinct ones, each pointing at its run of positions."""

    def __init__(self, hashes: np.ndarray) -> None:
        self.order, self.starts, self.sizes = _equal_runs(hashes)
        self.index = pd.Index(hashes[self.order[self.starts]])

    def equal_pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """Distinct pairs (i < j) of positions holding one hash."""
        return _run_pairs(self.order.astype(np.int64), self.starts, self.sizes)

    def find(self, query: np.ndarray, forms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(form, position) for every stored hash equal to a query hash (`forms` per query)."""
        at = self.index.get_indexer(query)
        hit = at >= 0
        at, sizes = at[hit], self.sizes[at[hit]]
        return np.repeat(forms[hit], sizes), self.order[np.repeat(self.starts[at], sizes) + _offsets(sizes)]


def shape_pairs(keys: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of folded keys (MIN_TYPO_LENGTH+ characters) one character dropped or added,
    two neighbours swapped, or equal (a folded key can be split between customers' units):
    never a substituted character.

    Each key's one-deletion and neighbour-swap variants are looked up among the keys themselves,
    so the work grows with the number of keys, not with how many keys share a variant (which
    grows with the install base's density: the search of `candidate_pairs` over every key is
    quadratic in those runs). The typo rules accept a substitution only within one customer,
    where `candidate_pairs(keys, scope)` finds it.
    """
    empty = np.empty(0, dtype=np.int64)
    long = _long_forms(keys)
    if len(long) < 2:
        return empty, empty
    chars = char_matrix(keys.iloc[long].to_numpy(dtype=str))
    lengths = (chars > 0).sum(axis=1)
    own = row_hashes(chars)
    lookup = _HashLookup(own)
    found = [lookup.equal_pairs()]  # equal keys
    for p, deleted, swapped in edit_hashes(chars, own):
        rows = np.flatnonzero(lengths > max(p, MIN_TYPO_LENGTH))  # the shorter key is long too
        found.append(lookup.find(deleted[rows], rows))
        if p + 1 < chars.shape[1]:
            rows = np.flatnonzero((lengths > p + 1) & (chars[:, p] != chars[:, p + 1]))
            found.append(lookup.find(swapped[rows], rows))
    a = long[np.concatenate([f[0] for f in found])]
    b = long[np.concatenate([f[1] for f in found])]
    codes = np.unique(pair_codes(a[a != b], b[a != b]))
    return _one_edit_apart(keys, codes >> 32, codes & 0xFFFFFFFF)


def _union_pairs(
    basic: tuple[np.ndarray, np.ndarray], scoped: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Union of two pair lists (i < j), sorted, and whether each pair is in the first (as pair
    codes: two int64 arrays, where a frame grouped by both ends took several times their size)."""
    first = np.unique(pair_codes(basic[0], basic[1]))
    codes = np.union1d(first, pair_codes(scoped[0], scoped[1]))
    return codes >> 32, codes & 0xFFFFFFFF, np.isin(codes, first, assume_unique=True)


def typo_edges(
    folded: pd.Series,
    raw: np.ndarray,
    attested: pd.DataFrame,
    compatible: Callable[[np.ndarray, np.ndarray], np.ndarray],
    records: pd.DataFrame,
    customers: pd.DataFrame | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Group pairs (look-alike groups) joined as typos or customer look-alikes (module docstring).

    `folded` are the groups' folded keys, `raw` each group's most attested form as written,
    `attested` per group `n` (records) and `sources`; `compatible(l, r)` says whether the SKU
    families of group pairs agree; `records` (group, record_id) and `customers` (group,
    customer) list what each group was seen with.
    """
    folded = folded.astype(TEXT_DTYPE)
    with_customers = customers is not None and len(customers) > 0
    wider = customer_lookalike_keys(folded).astype(TEXT_DTYPE) if with_customers else folded
    # the pairs the rules below can keep: a substituted character only within one customer
    basic = shape_pairs(folded)
    within = (basic[0][:0], basic[1][:0])
    if with_customers:
        assert customers is not None
        scope = customers.rename(columns={"group": "form", "customer": "label"})
        basic = _union_pairs(basic, candidate_pairs(folded, scope))[:2]
        within = candidate_pairs(wider, scope)
    left, right, in_basic = _union_pairs(basic, within)
    empty = np.empty(0, dtype=np.int64)
    if len(left) == 0:
        return empty, empty
    ok = compatible(left, right)
    a, b = raw[left], raw[right]
    same_len = np.char.str_len(a.astype(str)) == np.char.str_len(b.astype(str))
    raw_dist = np.asarray(
        process.cpdist(
            a, b, scorer=distance.OSA.distance, processor=None, score_cutoff=2, workers=-1
        )
    )
    anagram = sorted_chars(a.astype(str)) == sorted_chars(b.astype(str))
    swap = same_len & (raw_dist <= 1) & anagram
    substituted = same_len & ~swap
    listed_together = pairs_sharing(left, right, records["group"].to_numpy(), records["record_id"].to_numpy())
    n, sources = attested["n"].to_numpy(), attested["sources"].to_numpy()
    attested_differently = (n[left] != n[right]) | ~same_len
    base = ok & ~listed_together

    # rules without customers (also for a form no customer is known for)
    anonymous = in_basic & base & ~substituted & attested_differently
    lookalike = np.zeros(len(left), dtype=bool)
    scoped = np.zeros(len(left), dtype=bool)
    if with_customers:
        assert customers is not None
        known = np.zeros(len(folded), dtype=bool)
        known[customers["group"].to_numpy()] = True
        both_known = known[left] & known[right]
        same_customer = pairs_sharing(
            left, right, customers["group"].to_numpy(), customers["customer"].to_numpy()
        ) & both_known
        rare = np.minimum(sources[left], sources[right])
        common = np.maximum(sources[left], sources[right])
        fewer = n[left] != n[right]
        fa, fw = folded.to_numpy(dtype=object), wider.to_numpy(dtype=object)
        batch = looks_sequential(fa[left], fa[right]) | looks_sequential(a, b)
        plain_typo = substituted & ~batch & (rare == 1) & (common >= 2) & fewer
        # two neighbours swapped: "...068" / "...086" are also two units of one sequential batch
        plain_swap = swap & (rare == 1) & (common >= 2) & fewer
        lookalike = base & same_customer & (fw[left] == fw[right])  # S/5, B/8 apart
        scoped = base & same_customer & ~lookalike & ((~substituted & ~swap) | plain_swap | plain_typo)
        anonymous &= ~both_known
    keep = scoped | anonymous
    tl, tr = left[keep], right[keep]
    # unambiguous: each group has exactly one typo neighbour (counted over every kept pair)
    degree = np.bincount(np.r_[tl, tr], minlength=len(folded))
    single = (degree[tl] == 1) & (degree[tr] == 1)
    return np.r_[tl[single], left[lookalike]], np.r_[tr[single], right[lookalike]]
