"""Stage `resolve`: who is who and what is what, with ids stable from run to run.

Joins `warehouse` (mentions read from the build, tables written back, the last run's ids) with
`matching` (clustering, stable ids, golden records, bill-to and partner-role rules) and the
analysts' overrides read by `sources`. Three steps, in order: customers, partners (they need the
customers, to tell a bill-to that is the customer itself), assets (they need both, and products).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd

from matching.assets import resolve_serials
from matching.entities import ResolvedEntities, resolve_with_ids
from matching.parties import bill_to_self, partner_roles
from matching.profiles import RECORD_COLUMNS
from matching.resolve import Records
from matching.result import Resolution
from matching.stable_ids import StableIds, assign_stable_ids
from pipelines.stages.context import RunContext
from pipelines.stages.memo import memoised, night_reused
from pipelines.stages.review import harvest_marks, review_queue_of, write_review_tables
from sources.override_files import read_aliases, read_overrides
from warehouse.comments import apply_comments
from warehouse.mentions import bill_to_self_accounts, customer_mentions, partner_mentions, serial_mentions
from warehouse.previous_run import PreviousRun, append_id_history, read_previous
from warehouse.sql_runner import count_rows, ident
from warehouse.stage_memo import frame_digest
from warehouse.steps import ASSET_TABLES, CUSTOMER_TABLES, PARTNER_TABLES, WAREHOUSE_SQL


@dataclass
class ResolveOutcome:
    """Counts worth showing in Dagster metadata."""

    mentions: int
    entities: int
    new_ids: int
    merges: int
    splits: int
    review_pairs: int = 0
    review_marks_applied: int = 0
    review_marks_not_applied: int = 0


def _require(frame: pd.DataFrame, columns: Iterable[str], query: str) -> None:
    """Fail loudly when a mention query and matching's record columns drift apart."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise RuntimeError(f"{query} lacks the columns {missing} that matching.profiles.RECORD_COLUMNS needs")


def _outcome(mentions: int, ids_mapping: pd.DataFrame, history: pd.DataFrame, review: int = 0,
             marks: pd.DataFrame | None = None) -> ResolveOutcome:
    events = history["event"].value_counts()
    status = marks["status"].value_counts() if marks is not None else pd.Series(dtype=int)
    return ResolveOutcome(
        mentions=mentions, entities=int(ids_mapping["entity_id"].nunique()), new_ids=int(events.get("new", 0)),
        merges=int(events.get("merge", 0)), splits=int(events.get("split", 0)), review_pairs=review,
        review_marks_applied=int(status.get("applied", 0)), review_marks_not_applied=int(status.get("not applied", 0)),
    )


def _overrides(run: RunContext, entity: str) -> pd.DataFrame:
    overrides = read_overrides(run.home)
    return overrides[overrides["entity"] == entity][["left", "right", "decision", "left_kind", "right_kind"]]


def _resolve(run: RunContext, records: Records, entity: str, prefix: str, id_column: str,
             previous_map: pd.DataFrame, previous: PreviousRun,
             use_pairs: Callable[[Resolution, StableIds], None] | None = None) -> ResolvedEntities:
    con = run.duckdb_budget.connect()  # blocking's own in-memory tables, held to the run's budget
    try:
        return resolve_with_ids(
            records, prefix=prefix, id_column=id_column, previous_map=previous_map,
            previous_history=previous.history[previous.history["entity"] == entity],
            overrides=_overrides(run, entity), run_date=run.as_of,
            settings=run.config.matching.resolve_settings(), aliases=read_aliases(run.home), con=con,
            use_pairs=use_pairs,
        )
    finally:
        con.close()


def resolve_customers(run: RunContext) -> ResolveOutcome:
    """customers, customer_sources, match_review and review_marks in the warehouse being built; the marks
    of the last out/match_review.xlsx are recorded as overrides first (pipelines.stages.review).
    Reused from the last warehouse when the records, overrides, aliases and marks are unchanged."""
    if night_reused(run):  # the review workbook is as the last night wrote it: no mark to read
        return _reused(run, "customer_sources", "customer_id", "match_review")
    marks = harvest_marks(run)
    inputs = {"overrides": frame_digest(_overrides(run, "customer")), "aliases": frame_digest(read_aliases(run.home)),
              "marks": frame_digest(marks)}
    return memoised(run, "customers", inputs, lambda: _resolve_customers(run, marks),
                    lambda: _reused(run, "customer_sources", "customer_id", "match_review"))


def _resolve_customers(run: RunContext, marks: pd.DataFrame) -> ResolveOutcome:
    previous = read_previous(run.paths.live, ("customers",))

    def mentions() -> pd.DataFrame:
        """Read when resolving and again for the golden records: not held while the pairs are."""
        with run.building() as con:  # closed while resolving: what DuckDB cached of the reading goes with it
            read = customer_mentions(con)
        _require(read, RECORD_COLUMNS, "customer_mentions.sql")
        return read

    queues: list[pd.DataFrame] = []  # the review queue, made while the scored pairs are held

    def queue(resolution: Resolution, ids: StableIds) -> None:
        entity = ids.mapping.set_index("record_id")["entity_id"]
        queues.append(review_queue_of(run, resolution, entity, _overrides(run, "customer"), previous.customers))

    done = _resolve(run, mentions, "customer", "CUST-", "customer_id", previous.customers, previous, queue)
    with run.building() as con:
        WAREHOUSE_SQL.run(con, CUSTOMER_TABLES, frames={"customer_golden": done.golden, "customer_map": done.mapping})
        queued, outcomes = write_review_tables(con, queues[0], done.resolution, marks)
        append_id_history(con, previous, done.events("customer"))
        apply_comments(con, ["customers", "customer_sources", "match_review", "review_marks", "id_history"])
    return _outcome(len(done.mapping), done.ids.mapping, done.ids.history, queued, outcomes)


def _reused(run: RunContext, sources: str, id_column: str, review: str | None = None) -> ResolveOutcome:
    """The outcome of a resolution copied from the last warehouse: its counts, no id event."""
    with run.building() as con:
        mentions, entities = con.execute(
            f"SELECT count(*), count(DISTINCT {ident(id_column)}) FROM {ident(sources)}").fetchall()[0]
        queued = count_rows(con, review) if review else 0
    return ResolveOutcome(mentions=int(mentions), entities=int(entities), new_ids=0, merges=0, splits=0,
                          review_pairs=queued)


def resolve_partners(run: RunContext) -> ResolveOutcome:
    """partners, partner_sources and record_parties (customer / reseller / bill-to per record)."""
    inputs = {"overrides": frame_digest(_overrides(run, "partner")), "aliases": frame_digest(read_aliases(run.home))}
    return memoised(run, "partners", inputs, lambda: _resolve_partners(run),
                    lambda: _reused(run, "partner_sources", "partner_id"))


def _resolve_partners(run: RunContext) -> ResolveOutcome:
    previous = read_previous(run.paths.live, ("partners",))
    with run.building() as con:
        mentions = partner_mentions(con)
        self_accounts = bill_to_self_accounts(con)
    is_self = bill_to_self(mentions, self_accounts)
    self_billed = pd.DataFrame({"record_id": mentions.loc[is_self, "record_id"].drop_duplicates()})
    partner = mentions[~is_self].reset_index(drop=True)
    records = partner.rename(columns={"record_id": "source_record_id", "mention_id": "record_id"})
    done = _resolve(run, records, "partner", "PART-", "partner_id", previous.partners, previous)
    with run.building() as con:
        WAREHOUSE_SQL.run(con, PARTNER_TABLES, frames={
            "partner_golden": done.golden, "partner_roles": partner_roles(partner, done.ids.mapping),
            "partner_map": done.mapping, "partner_mentions_resolved": partner, "bill_to_self": self_billed,
        })
        append_id_history(con, previous, done.events("partner"))
        apply_comments(con, ["partners", "partner_sources", "record_parties", "id_history"])
    return _outcome(len(partner), done.ids.mapping, done.ids.history)


def resolve_assets(run: RunContext) -> ResolveOutcome:
    """assets (with warranty_end) and asset_sources: serial variants across sources, one asset each."""
    return memoised(run, "assets", {}, lambda: _resolve_assets(run), lambda: _reused(run, "asset_sources", "asset_id"))


def _resolve_assets(run: RunContext) -> ResolveOutcome:
    previous = read_previous(run.paths.live, ("assets",))
    with run.building() as con:
        mentions = serial_mentions(con)
    n_mentions = len(mentions)
    # typos are joined within one resolved customer only (matching.serial_typos); the mentions are
    # let go once resolved (only the count is reported)
    resolved = resolve_serials(mentions)
    del mentions
    keyed = resolved.assign(mention=resolved["record_id"] + ":" + resolved["raw_serial"].astype(str))
    del resolved
    keyed = keyed[keyed["asset_key"].notna()].drop_duplicates("mention")
    ids = assign_stable_ids(
        keyed[["mention", "asset_key"]].rename(columns={"mention": "record_id", "asset_key": "cluster_id"}),
        previous.assets, run.as_of, prefix="AST-", width=7,
        history=previous.history[previous.history["entity"] == "asset"],
    )
    # the mapping lists the mentions in the order given: the ids are taken by position, not joined
    asset_map = keyed[["record_id", "raw_serial", "serial_number", "match_rule"]].assign(
        asset_id=ids.mapping["entity_id"].to_numpy()
    )[["asset_id", "record_id", "raw_serial", "serial_number", "match_rule"]]
    del keyed
    with run.building() as con:
        WAREHOUSE_SQL.run(con, ASSET_TABLES, frames={"asset_map": asset_map})
        append_id_history(con, previous, ids.history.assign(entity="asset"))
        apply_comments(con, ["assets", "asset_sources", "id_history"])
    return _outcome(n_mentions, ids.mapping, ids.history)
