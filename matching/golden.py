"""Golden records: one row per resolved entity, each attribute from its most trusted source.

For every entity and attribute, the non-blank values of its records compete: values from the
most trusted source present win (lower `source_priority`, or an explicit source order), and
among those the most frequent value, then the value seen first. Identifier-like attributes
(domain, phone, postal code, state, country) are compared and returned in normalised form, so
"https://www.foo.com" and "foo.com" count as one value; names, addresses and cities keep the
spelling the winning source used. `<attribute>_source` says which source supplied each value.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np
import pandas as pd

from matching.addresses import normalise_countries, normalise_postal_codes, normalise_states
from matching.contacts import email_domains, normalise_domains, normalise_emails, normalise_phones
from matching.profiles import ATTRIBUTE_COLUMNS
from matching.text import as_text

GOLDEN_ATTRIBUTES: Final[tuple[str, ...]] = ATTRIBUTE_COLUMNS
#: priority of records whose source has no priority
UNRANKED: Final[int] = 1_000_000


def _column(records: pd.DataFrame, name: str) -> pd.Series:
    if name in records.columns:
        return records[name]
    return pd.Series(None, index=records.index, dtype=object)


def comparable_values(records: pd.DataFrame, attributes: Sequence[str]) -> pd.DataFrame:
    """The attributes as golden records show them: identifiers normalised, text stripped."""
    out = {}
    for attr in attributes:
        raw = _column(records, attr)
        if attr == "domain":
            email = normalise_emails(_column(records, "email"))
            value = normalise_domains(raw)
            value = value.where(value.notna(), email_domains(email))
        elif attr == "email":
            value = normalise_emails(raw)
        elif attr == "phone":
            value = normalise_phones(raw)["phone"]
        elif attr == "postal_code":
            value = normalise_postal_codes(raw, _column(records, "country"))
        elif attr == "state":
            value = normalise_states(raw)
        elif attr == "country":
            value = normalise_countries(raw)
        else:
            value = as_text(raw)
        out[attr] = value
    return pd.DataFrame(out, index=records.index)


def build_golden_records(
    records: pd.DataFrame,
    entities: pd.DataFrame,
    entity_column: str = "entity_id",
    attributes: Sequence[str] = GOLDEN_ATTRIBUTES,
    source_order: Sequence[str] | None = None,
) -> pd.DataFrame:
    """One row per entity: `entity_column`, each attribute, `<attribute>_source`, `records`.

    `records` are the resolved records (record_id, source, source_priority and attributes);
    `entities` maps record_id -> `entity_column`. `source_order` (most trusted first) overrides
    `source_priority`; sources it does not list rank after those it does.
    """
    recs = records.reset_index(drop=True)
    ent = entities[["record_id", entity_column]].drop_duplicates("record_id")
    joined = recs[["record_id"]].merge(ent, on="record_id", how="left")
    source = _column(recs, "source").astype(object)
    if source_order is not None:
        rank = {s: i for i, s in enumerate(source_order)}
        priority = source.map(rank).fillna(UNRANKED + len(rank)).to_numpy(np.int64)
    else:
        priority = (
            pd.to_numeric(_column(recs, "source_priority"), errors="coerce")
            .fillna(UNRANKED)
            .to_numpy(np.int64)
        )
    values = comparable_values(recs, attributes)
    long = values.assign(
        _entity=joined[entity_column].to_numpy(),
        _priority=priority,
        _pos=np.arange(len(recs)),
        _source=source.to_numpy(),
    ).melt(
        id_vars=["_entity", "_priority", "_pos", "_source"],
        var_name="attribute",
        value_name="value",
    )
    long = long[long["value"].notna() & long["_entity"].notna()]
    best = long.groupby(["_entity", "attribute"])["_priority"].transform("min")
    tier = long[long["_priority"] == best]
    stats = tier.groupby(["_entity", "attribute", "value"], as_index=False, sort=False).agg(
        count=("_pos", "size"), first=("_pos", "min"), source=("_source", "first")
    )
    stats = stats.sort_values(
        ["_entity", "attribute", "count", "first"],
        ascending=[True, True, False, True],
        kind="stable",
    )
    winners = stats.drop_duplicates(["_entity", "attribute"])
    wide = winners.pivot(index="_entity", columns="attribute", values="value")
    src = winners.pivot(index="_entity", columns="attribute", values="source").add_suffix("_source")
    counts = joined.groupby(entity_column).size().rename("records")
    out = pd.DataFrame(index=counts.index)
    for attr in attributes:
        out[attr] = wide[attr] if attr in wide.columns else None
        out[f"{attr}_source"] = src[f"{attr}_source"] if f"{attr}_source" in src.columns else None
    out["records"] = counts
    out.index.name = entity_column
    return out.reset_index()
