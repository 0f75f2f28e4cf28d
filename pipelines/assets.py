"""The nightly job's assets, thin: each calls one stage function (pipelines/stages/) and reports what it did."""
# no `from __future__ import annotations` here: Dagster inspects the real annotations

from collections import Counter
from dataclasses import asdict

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from pipelines.resources import WAREHOUSE_POOL, RadarHome
from pipelines.stages import contracts as contract_stage
from pipelines.stages import ingest, outputs, publish, resolve
from pipelines.stages import opportunities as opportunity_stage
from pipelines.stages import products as product_stage


@asset(group_name="ingest", pool=WAREHOUSE_POOL)
def inbox_files(context: AssetExecutionContext, radar: RadarHome) -> MaterializeResult:
    """Every inbox file named by sources.yaml read into the ingest store (new or changed only)."""
    results = ingest.ingest_inbox(radar.run(), context.log.info)
    status = Counter(r.status for r in results)
    errors = [f"{r.path}: {r.error}" for r in results if r.error]
    for e in errors:
        context.log.warning(e)
    return MaterializeResult(metadata={
        "files": len(results),
        **{f"files_{k}": v for k, v in sorted(status.items())},
        "rows_loaded_this_run": sum(r.rows_loaded for r in results),
        "rows_quarantined_this_run": sum(r.rows_quarantined for r in results),
        "errors": MetadataValue.md("\n".join(f"- {e}" for e in errors) or "none"),
    })


@asset(group_name="ingest", deps=[inbox_files], pool=WAREHOUSE_POOL)
def source_records(radar: RadarHome) -> MaterializeResult:
    """A new warehouse build, started with source_records, quarantine and ingested_files."""
    counts = ingest.stage_source_records(radar.run())
    return MaterializeResult(metadata={f"rows_{k}": v for k, v in counts.items()})


@asset(group_name="products", deps=[source_records], pool=WAREHOUSE_POOL)
def products(radar: RadarHome) -> MaterializeResult:
    """Products by SKU: category and list price (price list, else estimated and flagged)."""
    return MaterializeResult(metadata=asdict(product_stage.build_products(radar.run())))


def _resolved(outcome: resolve.ResolveOutcome) -> MaterializeResult:
    return MaterializeResult(metadata={k: int(v) for k, v in asdict(outcome).items()})


@asset(group_name="resolve", deps=[source_records], pool=WAREHOUSE_POOL)
def customers(radar: RadarHome) -> MaterializeResult:
    """End customers resolved across every source: customers, customer_sources, match_review."""
    return _resolved(resolve.resolve_customers(radar.run()))


@asset(group_name="resolve", deps=[customers], pool=WAREHOUSE_POOL)
def partners(radar: RadarHome) -> MaterializeResult:
    """Resellers, leasing companies and distributors resolved; record_parties per source row."""
    return _resolved(resolve.resolve_partners(radar.run()))


@asset(group_name="resolve", deps=[partners, products], pool=WAREHOUSE_POOL)
def asset_registry(radar: RadarHome) -> MaterializeResult:
    """Assets by serial across sources (typos, look-alikes, prefixes) with their warranty end."""
    return _resolved(resolve.resolve_assets(radar.run()))


@asset(group_name="contracts", deps=[asset_registry], pool=WAREHOUSE_POOL)
def contracts(radar: RadarHome) -> MaterializeResult:
    """Contracts merged across sources, their assets, conflicts, lineage and renewal chains."""
    return MaterializeResult(metadata=contract_stage.build_contracts(radar.run()))


@asset(group_name="opportunities", deps=[contracts], pool=WAREHOUSE_POOL)
def renewal_opportunities(radar: RadarHome) -> MaterializeResult:
    """Renewals, win-backs, coverage gaps and co-terms as of the run's date, valued and assigned a rep."""
    outcome = opportunity_stage.build_opportunities(radar.run())
    return MaterializeResult(metadata={
        "opportunities": outcome.opportunities,
        **{f"kind_{k}": v for k, v in sorted(outcome.by_kind.items())},
        "opportunity_assets": outcome.assets,
        "value": MetadataValue.float(round(outcome.value, 2)),
        "weighted_value": MetadataValue.float(round(outcome.weighted_value, 2)),
        "missed_renewals": outcome.missed_renewals,
    })


@asset(group_name="opportunities", deps=[renewal_opportunities], pool=WAREHOUSE_POOL)
def renewal_summary(radar: RadarHome) -> MaterializeResult:
    """Totals by kind, window, month, rep and reseller, for the whole book and each rep's and reseller's part."""
    totals = opportunity_stage.build_renewal_summary(radar.run())
    return MaterializeResult(metadata={k: MetadataValue.float(v) for k, v in totals.items()})


@asset(group_name="publish", deps=[renewal_summary], pool=WAREHOUSE_POOL)
def publish_warehouse(context: AssetExecutionContext, radar: RadarHome) -> MaterializeResult:
    """The finished build swapped in as warehouse.duckdb, atomically, after its checks passed."""
    live = publish.publish_warehouse(radar.run())
    context.log.info(f"warehouse published: {live}")
    return MaterializeResult(metadata={"path": MetadataValue.path(str(live))})


@asset(group_name="outputs", deps=[publish_warehouse])
def parquet_export(context: AssetExecutionContext, radar: RadarHome) -> MaterializeResult:
    """Every analyst-facing table of the published warehouse as out/parquet/<table>.parquet."""
    run = radar.run()
    written = outputs.export_tables(run)
    context.log.info(f"parquet export: {len(written)} tables in {run.out_dir / 'parquet'}")
    return MaterializeResult(metadata={
        "tables": len(written), "path": MetadataValue.path(str(run.out_dir / "parquet")),
    })


@asset(group_name="outputs", deps=[publish_warehouse])
def opportunity_workbooks(context: AssetExecutionContext, radar: RadarHome) -> MaterializeResult:
    """out/: the overall workbook, one per rep and per reseller, crm_import.csv and run_summary.md,
    from the published warehouse (a run that fails before publishing leaves out/ as it was)."""
    files = outputs.write_outputs(radar.run())
    n_books = len(files.rep_workbooks) + len(files.reseller_workbooks)
    context.log.info(f"workbooks written: {files.overall} and {n_books} more")
    return MaterializeResult(metadata={
        "overall": MetadataValue.path(str(files.overall)),
        "rep_workbooks": len(files.rep_workbooks),
        "reseller_workbooks": len(files.reseller_workbooks),
        "crm_import": MetadataValue.path(str(files.crm_csv)),
        "run_summary": MetadataValue.path(str(files.run_summary)),
    })
