"""The nightly schedule and the job it runs: every asset, inbox to workbooks, single process."""

from __future__ import annotations

from dagster import AssetSelection, ScheduleDefinition, define_asset_job, in_process_executor

nightly_job = define_asset_job(
    "nightly",
    selection=AssetSelection.all(),
    executor_def=in_process_executor,  # DuckDB allows one writer: no parallel steps on the warehouse
    description="Consolidate the inbox into the warehouse and emit renewal opportunities.",
)

nightly_schedule = ScheduleDefinition(
    name="nightly_at_two", job=nightly_job, cron_schedule="0 2 * * *", execution_timezone="UTC"
)
