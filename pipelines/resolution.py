"""Entity resolution inside the warehouse build: the glue between `warehouse` (mentions, tables)
and `matching` (clustering, stable ids, golden records). Called by thin Dagster assets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from matching.assets import resolve_serials
from matching.golden import build_golden_records
from matching.names import normalise_company_names
from matching.resolve import Resolution, resolve_entities
from matching.stable_ids import StableIds, assign_stable_ids
from sources.config import RadarConfig
from warehouse.mentions import customer_mentions, partner_mentions, serial_mentions
from warehouse.sql_files import read_sql
from warehouse.tables import PreviousRun, replace_table, run_sql_with

#: a bill-to this similar to the same row's customer is the customer itself, not a partner
BILL_TO_SELF_SIMILARITY = 90.0
#: a name this long that is a prefix-like part of the other is a truncated form of it
TRUNCATED_NAME_MIN = 12
REVIEW_COLUMNS = [
    "left_record_id", "right_record_id", "match_probability", "match_weight", "match_rule", "blocking_rule",
]


@dataclass
class ResolveOutcome:
    """Counts worth showing in Dagster metadata."""

    mentions: int
    entities: int
    new_ids: int
    merges: int
    splits: int
    review_pairs: int = 0


def source_priorities(config: RadarConfig) -> dict[str, int]:
    """source name -> priority (lower is more trusted)."""
    return {s.name: config.priority_of(s) for s in config.sources}


def _overrides_for(overrides: pd.DataFrame, entity: str) -> pd.DataFrame:
    return overrides[overrides["entity"] == entity][["left", "right", "decision", "left_kind", "right_kind"]]


def _history(ids_history: pd.DataFrame, entity: str) -> pd.DataFrame:
    return ids_history.assign(entity=entity)[["entity", "old_id", "new_id", "event", "run_date"]]


def _outcome(mentions: int, mapping: pd.DataFrame, history: pd.DataFrame) -> ResolveOutcome:
    events = history["event"].value_counts()
    return ResolveOutcome(
        mentions=mentions, entities=int(mapping["entity_id"].nunique()), new_ids=int(events.get("new", 0)),
        merges=int(events.get("merge", 0)), splits=int(events.get("split", 0)),
    )


def append_history(con: duckdb.DuckDBPyConnection, previous: PreviousRun, events: pd.DataFrame) -> None:
    """id_history: every id event ever recorded; the first stage of a build seeds it from the last run."""
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND table_name = 'id_history'"
    ).fetchall()[0][0]
    base = con.execute("SELECT * FROM id_history").df() if exists else previous.history
    history = pd.concat([base.astype(object), events.astype(object)], ignore_index=True).drop_duplicates()
    history = history.reset_index(drop=True).astype("string")
    replace_table(con, "id_history", history)


@dataclass
class Resolved:
    """One entity kind resolved with stable ids: the clustering, the id events, golden records and
    the record -> id map with each record's match score and rule."""

    resolution: Resolution
    ids: StableIds
    golden: pd.DataFrame
    mapping: pd.DataFrame  # record_id, <id_column>, match_score, match_rule


def _resolve_with_ids(
    records: pd.DataFrame, entity: str, prefix: str, id_column: str, previous_map: pd.DataFrame,
    previous: PreviousRun, overrides: pd.DataFrame, run_date: dt.date,
) -> Resolved:
    """Cluster `records`, carry the previous run's ids over, and build golden records."""
    resolution = resolve_entities(
        records, overrides=_overrides_for(overrides, entity), previous_entities=previous_map
    )
    ids = assign_stable_ids(
        resolution.records[["record_id", "cluster_id"]], previous_map, run_date,
        prefix=prefix, history=previous.history[previous.history["entity"] == entity],
    )
    golden = build_golden_records(records, ids.mapping, "entity_id")
    mapping = ids.mapping.rename(columns={"entity_id": id_column}).merge(
        resolution.records[["record_id", "match_score", "match_rule"]], on="record_id")
    return Resolved(resolution, ids, golden, mapping)


def resolve_customers(
    con: duckdb.DuckDBPyConnection, config: RadarConfig, previous: PreviousRun,
    overrides: pd.DataFrame, run_date: dt.date,
) -> tuple[ResolveOutcome, pd.DataFrame]:
    """customers, customer_sources and match_review; returns counts and this run's id events."""
    mentions = customer_mentions(con, source_priorities(config))
    done = _resolve_with_ids(mentions, "customer", "CUST-", "customer_id", previous.customers,
                             previous, overrides, run_date)
    ids = done.ids
    run_sql_with(con, "customer_tables.sql", golden=done.golden, customer_map=done.mapping)
    review = done.resolution.review_pairs()
    entity = ids.mapping.set_index("record_id")["entity_id"]
    review = review[REVIEW_COLUMNS].assign(
        left_customer_id=review["left_record_id"].map(entity),
        right_customer_id=review["right_record_id"].map(entity),
        decision=pd.Series([None] * len(review), dtype="string"),
    )
    replace_table(con, "match_review", review)
    out = _outcome(len(mentions), ids.mapping, ids.history)
    out.review_pairs = len(review)
    return out, _history(ids.history, "customer")


def _bill_to_self(mentions: pd.DataFrame, by_account: set[str]) -> pd.Series:
    """Bill-to mentions that name the row's own customer (direct deals).

    Either the bill-to account is one of the customer's accounts (`by_account`: record ids), or
    the names agree after normalisation; partial_ratio covers exports that truncate names.
    """
    bill = mentions[mentions["named_as"] == "bill_to"]
    if bill.empty:
        return pd.Series(False, index=mentions.index)
    left = normalise_company_names(bill["name"]).fillna("")
    right = normalise_company_names(bill["customer_name"]).fillna("")
    whole = cpdist(left.tolist(), right.tolist(), scorer=fuzz.token_sort_ratio, workers=-1)
    part = cpdist(left.tolist(), right.tolist(), scorer=fuzz.partial_ratio, workers=-1)
    shortest = np.minimum(left.str.len().to_numpy(), right.str.len().to_numpy())
    similar = (whole >= BILL_TO_SELF_SIMILARITY) | ((part >= 97) & (shortest >= TRUNCATED_NAME_MIN))
    same_account = (bill["account"].notna() & (bill["account"] == bill["customer_account"])) | bill["record_id"].isin(by_account)
    self_ = pd.Series(similar & (left.to_numpy() != ""), index=bill.index) | same_account
    return self_.reindex(mentions.index, fill_value=False)


def _partner_roles(mentions: pd.DataFrame, mapping: pd.DataFrame) -> pd.DataFrame:
    """A partner's role: CRM type first; else distributor; else reseller if ever named one; else leasing."""
    joined = mentions[["mention_id", "named_as", "role_hint"]].merge(
        mapping.rename(columns={"record_id": "mention_id"}), on="mention_id")
    hints = joined.groupby("entity_id").agg(
        crm=("role_hint", lambda s: next((h for h in s if h in ("leasing", "distributor")), None)),
        resold=("named_as", lambda s: bool((s == "reseller").any() or (s == "account").any())),
        distributor=("named_as", lambda s: bool((s == "distributor").any())),
    )
    role = np.where(hints["crm"].notna(), hints["crm"],
                    np.where(hints["distributor"], "distributor", np.where(hints["resold"], "reseller", "leasing")))
    return pd.DataFrame({"entity_id": hints.index, "role": role})


def resolve_partners(
    con: duckdb.DuckDBPyConnection, config: RadarConfig, previous: PreviousRun,
    overrides: pd.DataFrame, run_date: dt.date,
) -> tuple[ResolveOutcome, pd.DataFrame]:
    """partners, partner_sources and record_parties (customer / reseller / bill-to per record)."""
    mentions = partner_mentions(con, source_priorities(config))
    by_account = {r for (r,) in con.execute(read_sql("bill_to_self_accounts.sql")).fetchall()}
    is_self = _bill_to_self(mentions, by_account)
    bill_to_self = pd.DataFrame({"record_id": mentions.loc[is_self, "record_id"].drop_duplicates()})
    partner = mentions[~is_self].reset_index(drop=True)
    records = partner.rename(columns={"record_id": "source_record_id", "mention_id": "record_id"})
    done = _resolve_with_ids(records, "partner", "PART-", "partner_id", previous.partners,
                             previous, overrides, run_date)
    ids = done.ids
    customer_map = con.execute("SELECT record_id, customer_id FROM customer_sources").df()
    run_sql_with(
        con, "partner_tables.sql", partner_golden=done.golden, partner_roles=_partner_roles(partner, ids.mapping),
        partner_map=done.mapping, partner_mentions_resolved=partner, customer_map=customer_map,
        bill_to_self=bill_to_self,
    )
    return _outcome(len(partner), ids.mapping, ids.history), _history(ids.history, "partner")


def resolve_assets(
    con: duckdb.DuckDBPyConnection, config: RadarConfig, previous: PreviousRun, run_date: dt.date,
) -> tuple[ResolveOutcome, pd.DataFrame]:
    """assets and asset_sources: serial variants across sources resolved to one asset each."""
    mentions = serial_mentions(con)
    resolved = resolve_serials(mentions[["record_id", "raw_serial", "sku", "source"]])
    keyed = resolved.assign(mention=resolved["record_id"] + ":" + resolved["raw_serial"].astype(str))
    keyed = keyed[keyed["asset_key"].notna()].drop_duplicates("mention")
    ids = assign_stable_ids(
        keyed[["mention", "asset_key"]].rename(columns={"mention": "record_id", "asset_key": "cluster_id"}),
        previous.assets, run_date, prefix="AST-", width=7,
        history=previous.history[previous.history["entity"] == "asset"],
    )
    asset_map = keyed.merge(ids.mapping.rename(columns={"record_id": "mention", "entity_id": "asset_id"}), on="mention")
    asset_map = asset_map[["asset_id", "record_id", "raw_serial", "serial_number", "match_rule"]]
    priorities = pd.DataFrame({"source": list(source_priorities(config)), "priority": list(source_priorities(config).values())})
    run_sql_with(con, "asset_tables.sql", asset_map=asset_map, source_priority=priorities)
    return _outcome(len(mentions), ids.mapping, ids.history), _history(ids.history, "asset")
