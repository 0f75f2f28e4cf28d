"""Known renames and parent/child groups of companies, declared by analysts or learned from
must-links.

No similarity measure sees that "N.V. Acme Gloeilampenfabriek" became "Koninklijke Acme
Electronics", so analysts declare it, one row per relation (e.g. `overrides/aliases.csv`):

    name,canonical,relation
    N.V. Acme Gloeilampenfabriek,Koninklijke Acme Electronics,rename
    Acme Lighting Benelux,Koninklijke Acme Electronics,child

- `rename` (also "alias", "same", "renamed"): `name` is another name of the company called
  `canonical` (a former name, a trading name, a re-registration). Records under either name
  compare as if they carried the same name; their addresses still decide between sites.
- `child` (also "subsidiary"): `name` is a separate company belonging to the group `canonical`.
  Names of one group never count as agreeing with each other (the parent and each subsidiary
  stay separate customers even in one building), and each record learns its group.

Names are matched after normalisation, so any spelling of a declared name counts. Must-links
between records with different names teach a rename too (`must_link_renames`): the next record
written either way joins as well. `alias_table` is pure: it takes the rows as a DataFrame (the
pipeline reads the file) and raises ValueError naming the row of a bad relation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

import numpy as np
import pandas as pd

from matching.graph import connected_components
from matching.names import normalise_company_names
from matching.text import as_text

ALIAS_COLUMNS: Final[tuple[str, ...]] = ("name", "canonical", "relation")
RENAME: Final[str] = "rename"
CHILD: Final[str] = "child"
_RELATIONS: Final[dict[str, str]] = {
    "rename": RENAME,
    "renamed": RENAME,
    "alias": RENAME,
    "same": RENAME,
    "same_as": RENAME,
    "child": CHILD,
    "subsidiary": CHILD,
    "child_of": CHILD,
}


@dataclass(frozen=True)
class AliasTable:
    """Normalised names: `renames` name -> the canonical name it stands for; `groups` member
    name (children and the parent itself) -> group label (the parent's name as written)."""

    renames: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.renames or self.groups)


def alias_table(rows: pd.DataFrame | None) -> AliasTable:
    """Validated alias rows (columns ALIAS_COLUMNS; `relation` optional, default rename)."""
    if rows is None or rows.empty:
        return AliasTable()
    missing = [c for c in ("name", "canonical") if c not in rows.columns]
    if missing:
        raise ValueError(f"alias rows need columns {missing} (have {list(rows.columns)})")
    rows = rows.reset_index(drop=True)
    relation = (
        as_text(rows["relation"]).fillna(RENAME).str.lower().str.replace(r"[ -]+", "_", regex=True)
        if "relation" in rows.columns
        else pd.Series(RENAME, index=rows.index)
    )
    mapped = relation.map(_RELATIONS)
    if mapped.isna().any():
        i = int(np.flatnonzero(mapped.isna().to_numpy())[0])
        raise ValueError(
            f"alias row {i + 1}: unknown relation {relation.iloc[i]!r}; use rename or child"
        )
    name = normalise_company_names(rows["name"])
    canonical = normalise_company_names(rows["canonical"])
    ok = (name.notna() & canonical.notna()).to_numpy()
    is_rename = (mapped == RENAME).to_numpy() & ok
    renames = _rename_map(name[is_rename].to_numpy(), canonical[is_rename].to_numpy())
    is_child = (mapped == CHILD).to_numpy() & ok
    parent_label = as_text(rows["canonical"])[is_child].to_numpy()
    groups: dict[str, str] = {}
    for member, parent, label in zip(  # one entry per declared row (analyst input, not data)
        name[is_child].to_numpy(), canonical[is_child].to_numpy(), parent_label, strict=True
    ):
        groups.setdefault(renames.get(member, member), label)
        groups.setdefault(renames.get(parent, parent), label)
    return AliasTable(renames=renames, groups=groups)


def _rename_map(names: np.ndarray, canonical: np.ndarray) -> dict[str, str]:
    """Every name of a rename chain -> one canonical name (a declared canonical if any)."""
    if len(names) == 0:
        return {}
    codes, uniques = pd.factorize(np.r_[names, canonical])
    n = len(names)
    labels = connected_components(len(uniques), codes[:n], codes[n:])
    is_canonical = np.zeros(len(uniques), dtype=bool)
    is_canonical[codes[n:]] = True
    renamed = np.zeros(len(uniques), dtype=bool)
    renamed[codes[:n]] = True
    # representative: a canonical name never renamed itself (the end of a chain), else any
    # canonical name, else the first name; ties by first appearance
    k = len(uniques)
    tier = np.where(is_canonical & ~renamed, 0, np.where(is_canonical, 1, 2))
    rank = tier * k + np.arange(k)
    best = pd.Series(rank).groupby(labels).min().to_numpy()
    root_of_label = pd.Series(best % k, index=np.unique(labels))
    roots = root_of_label[labels].to_numpy()
    values = np.asarray(uniques, dtype=object)
    return {values[i]: values[r] for i, r in enumerate(roots) if i != r}


def must_link_renames(
    names: pd.Series, left: np.ndarray, right: np.ndarray, table: AliasTable
) -> AliasTable:
    """`table` plus renames taught by must-linked record pairs (positions into `names`,
    normalised names) whose names differ."""
    a = names.to_numpy(dtype=object)[np.asarray(left, dtype=np.int64)]
    b = names.to_numpy(dtype=object)[np.asarray(right, dtype=np.int64)]
    known = pd.notna(a) & pd.notna(b)
    differ = known & (a != b)
    if not differ.any():
        return table
    declared_from = np.asarray(list(table.renames), dtype=object)
    declared_to = np.asarray(list(table.renames.values()), dtype=object)
    renames = _rename_map(np.r_[declared_from, a[differ]], np.r_[declared_to, b[differ]])
    return AliasTable(renames=renames, groups=table.groups)


def apply_renames(names: pd.Series, table: AliasTable) -> pd.Series:
    """Normalised names with every declared or learned alias replaced by its canonical name."""
    if not table.renames:
        return names
    mapped = names.map(table.renames)
    return mapped.where(mapped.notna(), names).astype(object)


def group_labels(names: pd.Series, table: AliasTable) -> pd.Series:
    """Each normalised name's declared group label (None outside any group)."""
    if not table.groups:
        return pd.Series(None, index=names.index, dtype=object)
    labels = names.map(table.groups)
    return labels.where(labels.notna(), None).astype(object)
