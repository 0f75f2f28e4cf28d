"""The former pandas implementation of `matching.golden.build_golden_records`, kept verbatim as the
reference the DuckDB one is tested against (tests/matching/test_golden.py)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from matching.golden import GOLDEN_ATTRIBUTES, UNRANKED, _column, comparable_values


def reference_golden_records(
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
