"""The nightly job and its schedule: every asset, inbox to workbooks, single process, at the time and
in the time zone sources.yaml's `schedule:` names (02:00 UTC by default), running unless disabled."""

from __future__ import annotations

from dagster import (
    AssetSelection,
    DefaultScheduleStatus,
    HookContext,
    ScheduleDefinition,
    define_asset_job,
    in_process_executor,
    success_hook,
)

from pipelines.ops_settings import ScheduleSettings
from pipelines.runs import TRIGGER_TAG
from pipelines.stages.memory import give_back_memory


@success_hook(name="give_back_memory")
def give_back_memory_hook(_context: HookContext) -> None:
    """After each step: what the stage freed goes back to the machine, not to the next stage."""
    give_back_memory()


nightly_job = define_asset_job(
    "nightly",
    selection=AssetSelection.all(),
    executor_def=in_process_executor,  # DuckDB allows one writer: no parallel steps on the warehouse
    description="Consolidate the inbox into the warehouse and emit renewal opportunities.",
    hooks={give_back_memory_hook},
)


def build_schedule(settings: ScheduleSettings) -> ScheduleDefinition:
    """The nightly schedule from sources.yaml's `schedule:` section."""
    return ScheduleDefinition(
        name="nightly_schedule", job=nightly_job, cron_schedule=settings.cron,
        execution_timezone=settings.timezone,
        default_status=DefaultScheduleStatus.RUNNING if settings.enabled else DefaultScheduleStatus.STOPPED,
        description=(f"The nightly run, cron {settings.cron} in {settings.timezone} (sources.yaml, schedule:). "
                     "It fires only while the Dagster daemon runs: `radar ui` starts one, or `radar daemon`."),
        # the schedule's runs, not every run of the job: a run launched in the UI is no scheduled one
        tags={TRIGGER_TAG: "schedule"},
    )
