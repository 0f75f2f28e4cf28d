"""The nightly job's assets, thin: each calls one stage function (pipelines/stages/) and reports what
it did as metadata ops read in the UI: row counts, the table's columns with the dictionary's
comments, files new/unchanged/failed, quarantine by reason, match rates, value at risk, a preview."""
# no `from __future__ import annotations` here: Dagster inspects the real annotations

import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from dagster import (
    AssetExecutionContext,
    AssetsDefinition,
    MaterializeResult,
    MetadataValue,
    TableColumn,
    TableSchema,
    asset,
)

from pipelines.progress_logger import stage_progress
from pipelines.resources import WAREHOUSE_POOL, RadarHome
from pipelines.stages import contracts as contract_stage
from pipelines.stages import ingest, outputs, publish, resolve
from pipelines.stages import opportunities as opportunity_stage
from pipelines.stages import products as product_stage
from pipelines.stages.memo import night_reused, was_reused
from pipelines.stages.peak_memory import PeakMemory
from pipelines.stages.table_info import (
    TableFacts,
    markdown_table,
    match_rates,
    opportunity_highlights,
    quarantine_by_reason,
    table_facts,
)
from reports.safe_text import clean_str

FAILED_STATUSES = ("error", "needs_mapping")


def stage_asset(**spec: Any) -> Callable[[Callable[..., MaterializeResult]], AssetsDefinition]:
    """Dagster's `@asset(**spec)`, with the stage's peak memory (this process and its workers, MiB) added to
    what it reports: `peak_rss_mib`, in the UI and on `radar run`'s line for the stage."""
    def decorate(stage: Callable[..., MaterializeResult]) -> AssetsDefinition:
        @functools.wraps(stage)
        def measured(*args: Any, **kwargs: Any) -> MaterializeResult:
            with PeakMemory() as peak:
                result = stage(*args, **kwargs)
            if peak.mib is None:
                return result
            return result._replace(metadata={**(result.metadata or {}), "peak_rss_mib": peak.mib})
        return asset(**spec)(measured)
    return decorate


def _schema(facts: TableFacts) -> dict[str, Any]:
    """dagster/row_count and dagster/column_schema (types and the data dictionary's comments)."""
    return {
        "dagster/row_count": facts.rows,
        "dagster/column_schema": TableSchema(columns=[
            TableColumn(name=n, type=t, description=c) for n, t, c in facts.columns
        ]),
    }


def _table(radar: RadarHome, table: str, *, live: bool = False) -> dict[str, Any]:
    return _schema(table_facts(radar.run(), [table], live=live)[0])


@stage_asset(group_name="ingest", pool=WAREHOUSE_POOL, kinds={"python"})
def inbox_files(context: AssetExecutionContext, radar: RadarHome) -> MaterializeResult:
    """Every inbox file named by sources.yaml read into the ingest store (new or changed only)."""
    # file names come from the inbox: cleaned before Dagster's console logger or UI shows them
    results = ingest.ingest_inbox(radar.run(), lambda msg: context.log.info(clean_str(msg)),
                                  stage_progress("inbox_files"))
    actions = Counter(r.action for r in results)
    failed = [r for r in results if r.status in FAILED_STATUSES]
    for r in failed:
        context.log.warning(clean_str(f"{r.path}: {r.error}"))
    read = [r for r in results if r.action in ("read", "reread")]
    read_table = "\n".join(
        [f"- `{r.path}` ({r.source}): {r.status}, {r.rows_loaded:,} rows loaded, {r.rows_quarantined:,} quarantined"
         + (f" – {r.error}" if r.error else "") for r in read[:50]]
        + ([f"- ... and {len(read) - 50} more"] if len(read) > 50 else [])
    )
    return MaterializeResult(metadata={
        "files": len(results) - actions.get("absent", 0),
        "files_missing": sum(r.status == "missing" for r in results),
        "files_retracted_this_run": sum(r.status == "retracted" for r in results),
        "files_new_or_changed": actions.get("read", 0),
        "files_reread": actions.get("reread", 0),
        "files_unchanged": actions.get("skip", 0),
        "files_duplicate": actions.get("duplicate", 0),
        "files_failed": len(failed),
        "rows_loaded_this_run": sum(r.rows_loaded for r in results),
        "rows_quarantined_this_run": sum(r.rows_quarantined for r in results),
        "files_read_this_run": MetadataValue.md(clean_str(read_table)
                                                or "Nothing new: every inbox file was read before."),
    })


@stage_asset(group_name="ingest", deps=[inbox_files], pool=WAREHOUSE_POOL, kinds={"duckdb"})
def source_records(radar: RadarHome) -> MaterializeResult:
    """A new warehouse build, started with source_records, quarantine and ingested_files."""
    counts = ingest.stage_source_records(radar.run())
    reasons = quarantine_by_reason(radar.run())
    return MaterializeResult(metadata={
        **_table(radar, "source_records"),
        **{f"rows_{k}": v for k, v in counts.items()},
        "quarantine_by_reason": MetadataValue.md(markdown_table(reasons)),
    })


@stage_asset(group_name="products", deps=[source_records], pool=WAREHOUSE_POOL, kinds={"duckdb"})
def products(radar: RadarHome) -> MaterializeResult:
    """Products by SKU: category and list price (price list, else estimated and flagged)."""
    outcome = product_stage.build_products(radar.run())
    return MaterializeResult(metadata={**_table(radar, "products"), **asdict(outcome),
                                       "reused": was_reused(radar.run(), "products")})


def _resolved(radar: RadarHome, outcome: resolve.ResolveOutcome, table: str, sources: str, id_column: str,
              stage: str) -> MaterializeResult:
    return MaterializeResult(metadata={
        **_table(radar, table),
        **{k: int(v) for k, v in asdict(outcome).items()},
        **match_rates(radar.run(), sources, id_column),
        "reused": was_reused(radar.run(), stage),
    })


@stage_asset(group_name="resolve", deps=[source_records], pool=WAREHOUSE_POOL, kinds={"duckdb"})
def customers(radar: RadarHome) -> MaterializeResult:
    """End customers resolved across every source: customers, customer_sources, match_review."""
    return _resolved(radar, resolve.resolve_customers(radar.run()), "customers", "customer_sources", "customer_id",
                     "customers")


@stage_asset(group_name="resolve", deps=[customers], pool=WAREHOUSE_POOL, kinds={"duckdb"})
def partners(radar: RadarHome) -> MaterializeResult:
    """Resellers, leasing companies and distributors resolved; record_parties per source row."""
    return _resolved(radar, resolve.resolve_partners(radar.run()), "partners", "partner_sources", "partner_id",
                     "partners")


@stage_asset(group_name="resolve", deps=[partners, products], pool=WAREHOUSE_POOL, kinds={"duckdb"})
def asset_registry(radar: RadarHome) -> MaterializeResult:
    """Assets by serial across sources (typos, look-alikes, prefixes) with their warranty end."""
    return _resolved(radar, resolve.resolve_assets(radar.run()), "assets", "asset_sources", "asset_id", "assets")


@stage_asset(group_name="contracts", deps=[asset_registry], pool=WAREHOUSE_POOL, kinds={"duckdb"})
def contracts(radar: RadarHome) -> MaterializeResult:
    """Contracts merged across sources, their assets, conflicts, lineage and renewal chains."""
    counts = contract_stage.build_contracts(radar.run())
    return MaterializeResult(metadata={**_table(radar, "contracts"), **counts,
                                       "reused": was_reused(radar.run(), "contracts")})


@stage_asset(group_name="opportunities", deps=[contracts], pool=WAREHOUSE_POOL, kinds={"duckdb"})
def renewal_opportunities(radar: RadarHome) -> MaterializeResult:
    """Renewals, win-backs, coverage gaps and co-terms as of the run's date, valued and assigned a rep."""
    outcome = opportunity_stage.build_opportunities(radar.run())
    preview, at_risk = opportunity_highlights(radar.run())
    currency = radar.run().config.currency
    return MaterializeResult(metadata={
        **_table(radar, "renewal_opportunities"),
        **{f"kind_{k}": v for k, v in sorted(outcome.by_kind.items())},
        "opportunity_assets": outcome.assets,
        "value": MetadataValue.float(round(outcome.value, 2)),
        "weighted_value": MetadataValue.float(round(outcome.weighted_value, 2)),
        "value_at_risk_90_days": MetadataValue.float(round(at_risk, 2)),
        "missed_renewals": outcome.missed_renewals,
        "currency": currency,
        "reused": night_reused(radar.run()),
        "top_opportunities": MetadataValue.md(
            f"Top {len(preview)} by weighted value ({currency}; co-terms left out)\n\n"
            + markdown_table(preview, money=("value", "weighted"))),
    })


@stage_asset(group_name="opportunities", deps=[renewal_opportunities], pool=WAREHOUSE_POOL, kinds={"duckdb"})
def renewal_summary(radar: RadarHome) -> MaterializeResult:
    """Totals by kind, window, month, rep and reseller, for the whole book and each rep's and reseller's part."""
    totals = opportunity_stage.build_renewal_summary(radar.run())
    return MaterializeResult(metadata={
        **_table(radar, "renewal_summary"), **{k: MetadataValue.float(v) for k, v in totals.items()},
        "reused": night_reused(radar.run()),
    })


@stage_asset(group_name="opportunities", deps=[renewal_opportunities], pool=WAREHOUSE_POOL, kinds={"duckdb"})
def channel_economics(radar: RadarHome) -> MaterializeResult:
    """partner_economics and customer_economics by quarter, each figure with the counterparty in force on its date."""
    outcome = opportunity_stage.build_economics(radar.run())
    return MaterializeResult(metadata={
        **_table(radar, "partner_economics"), "customer_rows": outcome.customer_rows,
        "revenue": MetadataValue.float(round(outcome.revenue, 2)),
        "partner_share": MetadataValue.float(round(outcome.partner_share, 2)),
        "lapse_value": MetadataValue.float(round(outcome.lapse_value, 2)),
        **({"renewal_rate": MetadataValue.float(outcome.renewal_rate)} if outcome.renewal_rate is not None else {}),
        "reused": night_reused(radar.run()),
    })


@stage_asset(group_name="opportunities", deps=[renewal_opportunities], pool=WAREHOUSE_POOL, kinds={"duckdb"})
def channel_audit(radar: RadarHome) -> MaterializeResult:
    """Registration problems with their evidence rows, hardware attach rates and reseller scorecards."""
    outcome = opportunity_stage.build_channel_audit(radar.run())
    return MaterializeResult(metadata={
        **_table(radar, "registration_issues"),
        **{f"issues_{k}": v for k, v in outcome.by_kind.items()},
        "value_at_stake": MetadataValue.float(round(outcome.value_at_stake, 2)),
        "attach_rate_rows": outcome.attach_rate_rows,
        "reseller_scorecards": outcome.scorecards,
        "reused": night_reused(radar.run()),
    })


@stage_asset(group_name="publish", deps=[renewal_summary, channel_audit, channel_economics], pool=WAREHOUSE_POOL,
       kinds={"duckdb"})
def publish_warehouse(context: AssetExecutionContext, radar: RadarHome) -> MaterializeResult:
    """The finished build swapped in as warehouse.duckdb, atomically, after its checks passed."""
    live = publish.publish_warehouse(radar.run())
    context.log.info(f"warehouse published: {live}")
    with radar.run().live() as con:
        tables = con.execute("SELECT table_name, estimated_size FROM duckdb_tables() ORDER BY 1").df()
    return MaterializeResult(metadata={
        "path": MetadataValue.path(str(live)),
        "size_mb": round(live.stat().st_size / 1e6, 1),
        "tables": len(tables),
        "as_of_date": radar.run().as_of.isoformat(),
        "table_rows": MetadataValue.md(markdown_table(tables.rename(columns={"estimated_size": "rows"}))),
    })


@stage_asset(group_name="outputs", deps=[publish_warehouse], kinds={"parquet"})
def parquet_export(context: AssetExecutionContext, radar: RadarHome) -> MaterializeResult:
    """Every analyst-facing table of the published warehouse as out/parquet/<table>.parquet."""
    done = outputs.export_parquet_files(radar.run())
    context.log.info(f"parquet export: {done.tables} tables in {done.path}"
                     + (" (unchanged since the last run)" if done.reused else ""))
    return MaterializeResult(metadata={"tables": done.tables, "path": MetadataValue.path(done.path),
                                       "reused": done.reused})


@stage_asset(group_name="outputs", deps=[publish_warehouse], kinds={"excel", "csv"})
def opportunity_workbooks(context: AssetExecutionContext, radar: RadarHome) -> MaterializeResult:
    """out/: the overall workbook, one per rep and per reseller, crm_import.csv, run_summary.md, match_review.xlsx
    and channel/registration_issues.xlsx, from the published warehouse (a run that fails before publishing leaves
    out/ as it was)."""
    done = outputs.write_workbook_files(radar.run())
    n_books = done.rep_workbooks + done.reseller_workbooks + (done.vendor_direct is not None)
    context.log.info(f"workbooks {'kept (unchanged since the last run)' if done.reused else 'written'}: "
                     f"{done.overall} and {n_books} more; match review: {done.review_pairs:,} pairs"
                     + (f" (the first of {done.review_queued:,} queued)" if done.review_queued > done.review_pairs
                        else ""))
    paths = {k: MetadataValue.path(v) for k, v in (
        ("overall", done.overall), ("vendor_direct", done.vendor_direct), ("crm_import", done.crm_import),
        ("run_summary", done.run_summary), ("match_review", done.match_review),
        ("registration_audit", done.registration_audit)) if v is not None}
    return MaterializeResult(metadata={
        **paths, "rep_workbooks": done.rep_workbooks, "reseller_workbooks": done.reseller_workbooks,
        "review_pairs": done.review_pairs, "review_queued": done.review_queued, "reused": done.reused,
    })
