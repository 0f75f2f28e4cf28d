"""Data-quality checks on the warehouse being built, run with Great Expectations (GX 1.x).

Blocking checks stop the publish step, so a build that fails them never replaces the live
warehouse. Only counts go into Dagster metadata: failing values may be customer data.
"""


import logging
import os

import pandas as pd
from dagster import AssetCheckResult, AssetCheckSeverity, asset_check

from pipelines.assets import source_records
from pipelines.resources import RadarHome
from warehouse.build import connect_building

logging.getLogger("great_expectations").setLevel(logging.ERROR)
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")  # and would try to phone home


def run_expectations(df: pd.DataFrame, name: str, expectations: list) -> tuple[bool, dict[str, int]]:
    """Validate `df` against GX expectations; returns success and unexpected counts per expectation."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)  # no tqdm bars in run logs
    batch = (
        context.data_sources.add_pandas(name)
        .add_dataframe_asset(name)
        .add_batch_definition_whole_dataframe(name)
        .get_batch(batch_parameters={"dataframe": df})
    )
    suite = gx.ExpectationSuite(name=name, expectations=expectations)
    result = batch.validate(suite, result_format="SUMMARY")
    counts = {}
    for r in result.results:
        cfg = r.expectation_config
        key = f"{cfg.type}:{cfg.kwargs.get('column', '')}"
        counts[key] = int((r.result or {}).get("unexpected_count") or 0) if not r.success else 0
    return bool(result.success), counts


@asset_check(asset=source_records, blocking=True, description="Provenance is complete on every source record.")
def source_records_provenance(radar: RadarHome) -> AssetCheckResult:
    import great_expectations.expectations as gxe

    con = connect_building(radar.paths())
    try:
        df = con.execute(
            "SELECT record_id, source, source_file, source_row, kind FROM source_records"
        ).df()
    finally:
        con.close()
    ok, counts = run_expectations(df, "source_records", [
        gxe.ExpectColumnValuesToNotBeNull(column="source"),
        gxe.ExpectColumnValuesToNotBeNull(column="source_file"),
        gxe.ExpectColumnValuesToBeBetween(column="source_row", min_value=1),
        gxe.ExpectColumnValuesToBeInSet(column="kind", value_set=[
            "distributor", "sales_rep", "accounting", "crm_accounts", "crm_contracts", "price_list"]),
        gxe.ExpectColumnValuesToBeUnique(column="record_id"),
    ])
    return AssetCheckResult(
        passed=ok, severity=AssetCheckSeverity.ERROR,
        metadata={"rows": len(df), **{k: v for k, v in counts.items() if v}},
    )
