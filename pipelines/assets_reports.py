"""The reports' assets, thin: renewal opportunities, their summary, and the files sales ops receive."""
# no `from __future__ import annotations` here: Dagster inspects the real annotations

import duckdb
from dagster import AssetExecutionContext, AssetKey, MaterializeResult, MetadataValue, asset

from pipelines.resources import RadarHome
from reports.frames import load_report_data
from reports.opportunities import OPPORTUNITY_TABLES, build_opportunities
from reports.outputs import write_report_files
from reports.summary import section, summarise, write_summary_table
from reports.valuation import ValuationSettings, valuation_settings
from warehouse.build import connect_building
from warehouse.comments import apply_comments, uncommented

WAREHOUSE_POOL = "radar_warehouse"  # one writer at a time: DuckDB has one read-write process per file
#: analyst-facing tables these assets create (the publish check must cover them too)
REPORT_ANALYST_TABLES: tuple[str, ...] = (*OPPORTUNITY_TABLES, "renewal_summary")


def _settings(radar: RadarHome) -> ValuationSettings:
    config = radar.config()
    return valuation_settings(config.valuation, currency=config.currency)


def _commented(con, tables: list[str]) -> None:
    apply_comments(con, tables)
    missing = uncommented(con, tables)
    if missing:
        raise ValueError(f"report columns without a comment in warehouse/dictionary.yaml: {missing}")


@asset(group_name="reports", deps=[AssetKey("contracts")], pool=WAREHOUSE_POOL)
def renewal_opportunities(radar: RadarHome) -> MaterializeResult:
    """Renewals, win-backs, coverage gaps and co-terms as of the run's date, valued and assigned a rep."""
    settings = _settings(radar)
    con = connect_building(radar.paths())
    try:
        outcome = build_opportunities(con, settings, radar.as_of_date())
        _commented(con, list(OPPORTUNITY_TABLES))
    finally:
        con.close()
    return MaterializeResult(metadata={
        "opportunities": outcome.opportunities,
        **{f"kind_{k}": v for k, v in sorted(outcome.by_kind.items())},
        "opportunity_assets": outcome.assets,
        "value": MetadataValue.float(round(outcome.value, 2)),
        "weighted_value": MetadataValue.float(round(outcome.weighted_value, 2)),
        "missed_renewals": outcome.missed_renewals,
    })


@asset(group_name="reports", deps=[renewal_opportunities], pool=WAREHOUSE_POOL)
def renewal_summary(radar: RadarHome) -> MaterializeResult:
    """Totals by kind, window, month (next 12 months), rep and reseller, and the missed renewals."""
    settings = _settings(radar)
    con = connect_building(radar.paths())
    try:
        data = load_report_data(con, radar.as_of_date(), settings.currency)
        summary = summarise(data, settings)
        write_summary_table(con, summary)
        _commented(con, ["renewal_summary"])
    finally:
        con.close()
    total = section(summary, "total").iloc[0]
    return MaterializeResult(metadata={
        "value": MetadataValue.float(float(total.value)),
        "weighted_value": MetadataValue.float(float(total.weighted_value)),
        **{f"value_{r.label}": MetadataValue.float(float(r.value)) for r in section(summary, "window").itertuples()},
    })


@asset(group_name="exports", deps=[AssetKey("warehouse")])
def opportunity_workbooks(context: AssetExecutionContext, radar: RadarHome) -> MaterializeResult:
    """out/: the overall workbook, one per rep and per reseller, crm_import.csv and run_summary.md,
    from the published warehouse (a run that fails before publishing leaves out/ as it was)."""
    settings = _settings(radar)
    con = duckdb.connect(str(radar.paths().live), read_only=True)
    try:
        data = load_report_data(con, radar.as_of_date(), settings.currency)
    finally:
        con.close()
    files = write_report_files(data, settings, radar.out_dir)
    context.log.info(f"workbooks written: {files.overall} and {len(files.rep_workbooks) + len(files.reseller_workbooks)} more")
    return MaterializeResult(metadata={
        "overall": MetadataValue.path(str(files.overall)),
        "rep_workbooks": len(files.rep_workbooks),
        "reseller_workbooks": len(files.reseller_workbooks),
        "crm_import": MetadataValue.path(str(files.crm_csv)),
        "run_summary": MetadataValue.path(str(files.run_summary)),
    })

