"""One entity kind resolved end to end: clusters, ids carried over from the last run, golden records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

import duckdb
import pandas as pd

from matching.golden import build_golden_records
from matching.resolve import Records, ResolveSettings, read_records, resolve_entities
from matching.result import Resolution
from matching.stable_ids import StableIds, assign_stable_ids


@dataclass
class ResolvedEntities:
    """The clustering, the id events, golden records and the record -> id map (with score and rule)."""

    resolution: Resolution
    ids: StableIds
    golden: pd.DataFrame
    mapping: pd.DataFrame  # record_id, <id_column>, match_score, match_rule

    def events(self, entity: str) -> pd.DataFrame:
        """This run's id events (new / merge / split) labelled with the entity kind."""
        return self.ids.history.assign(entity=entity)[["entity", "old_id", "new_id", "event", "run_date"]]


def resolve_with_ids(
    records: Records,
    *,
    prefix: str,
    id_column: str,
    previous_map: pd.DataFrame,
    previous_history: pd.DataFrame,
    overrides: pd.DataFrame,
    run_date: dt.date,
    settings: ResolveSettings,
    aliases: pd.DataFrame | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
    use_pairs: Callable[[Resolution, StableIds], None] | None = None,
) -> ResolvedEntities:
    """Cluster `records`, carry the previous run's ids over, and build golden records.

    `previous_map` is the last run's record_id -> entity_id; `previous_history` its id events of
    this entity kind; `overrides` the analysts' must/cannot-links of this kind; `aliases` the known
    renames and parent/child groups (matching.aliases); `con` the DuckDB connection blocking and
    the golden records run in (`resolve_entities`, `build_golden_records`). `use_pairs`, when
    given, is handed the scored pairs with the ids (a review queue is made from them); they are
    then let go before the golden records are built (millions of pairs at a million records), and
    the result's `resolution.pairs` is empty. `records` given as a function that reads them is called
    twice: to resolve them, and again for the golden records, so they are not held meanwhile.
    """
    resolution = resolve_entities(
        records, overrides=overrides, previous_entities=previous_map, settings=settings, aliases=aliases,
        con=con,
    )
    ids = assign_stable_ids(
        resolution.records[["record_id", "cluster_id"]], previous_map, run_date,
        prefix=prefix, history=previous_history,
    )
    if use_pairs is not None:
        use_pairs(resolution, ids)
        resolution = replace(resolution, report=None)
    golden = build_golden_records(read_records(records), ids.mapping, "entity_id", con=con)
    mapping = ids.mapping.rename(columns={"entity_id": id_column}).merge(
        resolution.records[["record_id", "match_score", "match_rule"]], on="record_id")
    return ResolvedEntities(resolution, ids, golden, mapping)
