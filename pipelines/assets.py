"""The nightly job's assets, thin: each calls one pure function and reports what it did."""
# no `from __future__ import annotations` here: Dagster inspects the real annotations


from collections import Counter

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, MetadataValue, asset

from pipelines.ingest import ingest_inbox
from pipelines.resolution import append_history, resolve_assets, resolve_customers, resolve_partners
from pipelines.resources import RadarHome
from sources.override_files import read_overrides
from warehouse.build import connect_building, load_staging_tables, publish, start_build
from warehouse.comments import apply_comments, uncommented
from warehouse.tables import read_previous

WAREHOUSE_POOL = "radar_warehouse"  # one writer at a time: DuckDB has one read-write process per file


@asset(group_name="ingest", pool=WAREHOUSE_POOL)
def inbox_files(context: AssetExecutionContext, radar: RadarHome) -> MaterializeResult:
    """Every inbox file named by sources.yaml read into the ingest store (new or changed only)."""
    config = radar.config()
    results = ingest_inbox(radar.path, config, radar.paths().ingest, context.run_id, context.log.info)
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


@asset(group_name="staging", deps=[inbox_files], pool=WAREHOUSE_POOL)
def source_records(context: AssetExecutionContext, radar: RadarHome) -> MaterializeResult:
    """A new warehouse build, started with source_records, quarantine and ingested_files."""
    config = radar.config()
    paths = radar.paths()
    start_build(paths, config.warehouse.storage_version)
    con = connect_building(paths)
    try:
        load_staging_tables(con, paths.ingest)
        apply_comments(con)
        counts = dict(con.execute(
            "SELECT 'source_records', count(*) FROM source_records UNION ALL "
            "SELECT 'quarantine', count(*) FROM quarantine UNION ALL "
            "SELECT 'ingested_files', count(*) FROM ingested_files"
        ).fetchall())
    finally:
        con.close()
    return MaterializeResult(metadata={f"rows_{k}": int(v) for k, v in counts.items()})


def _resolve_stage(radar: RadarHome, stage) -> MaterializeResult:
    """Run one resolution stage on the building warehouse with the last run's ids and overrides."""
    config = radar.config()
    previous = read_previous(radar.paths().live)
    con = connect_building(radar.paths())
    try:
        outcome, events = stage(con, config, previous, radar.as_of_date())
        append_history(con, previous, events)
        apply_comments(con)
    finally:
        con.close()
    return MaterializeResult(metadata={k: int(v) for k, v in vars(outcome).items()})


@asset(group_name="resolve", deps=[source_records], pool=WAREHOUSE_POOL)
def customers(radar: RadarHome) -> MaterializeResult:
    """End customers resolved across every source: customers, customer_sources, match_review."""
    overrides = read_overrides(radar.path)
    return _resolve_stage(radar, lambda con, cfg, prev, day: resolve_customers(con, cfg, prev, overrides, day))


@asset(group_name="resolve", deps=[customers], pool=WAREHOUSE_POOL)
def partners(radar: RadarHome) -> MaterializeResult:
    """Resellers, leasing companies and distributors resolved; record_parties per source row."""
    overrides = read_overrides(radar.path)
    return _resolve_stage(radar, lambda con, cfg, prev, day: resolve_partners(con, cfg, prev, overrides, day))


@asset(name="assets", group_name="resolve", deps=[partners], pool=WAREHOUSE_POOL)
def resolved_assets(radar: RadarHome) -> MaterializeResult:
    """Assets by serial across sources (typos, look-alikes, prefixes): assets, asset_sources."""
    return _resolve_stage(radar, resolve_assets)


#: the last stages before publishing: everything upstream of them is in the build
PUBLISH_AFTER = [AssetKey("contracts"), AssetKey("renewal_summary")]


@asset(group_name="publish", deps=PUBLISH_AFTER, pool=WAREHOUSE_POOL)
def warehouse(context: AssetExecutionContext, radar: RadarHome) -> MaterializeResult:
    """The finished build swapped in as warehouse.duckdb, atomically, after its checks passed."""
    paths = radar.paths()
    con = connect_building(paths)
    try:
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall()]
        missing = uncommented(con, tables)  # every table of the warehouse is analyst-facing
    finally:
        con.close()
    if missing:
        raise ValueError(f"analyst-facing columns without a comment: {missing}")
    live = publish(paths)
    context.log.info(f"warehouse published: {live}")
    return MaterializeResult(metadata={"path": MetadataValue.path(str(live))})
