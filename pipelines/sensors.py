"""The inbox sensor: new or changed files under any source's glob start one nightly run per settled
batch (pipelines/stages/inbox_watch.py decides; this is the Dagster wiring)."""

from __future__ import annotations

import time

from dagster import (
    DefaultSensorStatus,
    RunRequest,
    SensorDefinition,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    sensor,
)

from pipelines.config import ConfigError, load_config
from pipelines.ops_settings import ScheduleSettings
from pipelines.resources import RadarHome
from pipelines.runs import TRIGGER_TAG, runs_in_progress
from pipelines.schedules import nightly_job
from pipelines.stages.inbox_watch import encode_cursor, watch_inbox
from warehouse.build import WarehousePaths


def build_inbox_sensor(settings: ScheduleSettings) -> SensorDefinition:
    """The sensor, looking every `check_every_seconds`, running unless `inbox_sensor: false`."""

    @sensor(
        name="inbox_sensor", job=nightly_job, minimum_interval_seconds=settings.check_every_seconds,
        default_status=DefaultSensorStatus.RUNNING if settings.inbox_sensor else DefaultSensorStatus.STOPPED,
        description=(f"Every {settings.check_every_seconds} s, looks at the inbox files the sources of sources.yaml "
                     f"name; starts the nightly job once new or changed files have been untouched for "
                     f"{settings.quiet_seconds} s (schedule: quiet_seconds), and waits while a run is in progress. "
                     "It fires only while the Dagster daemon runs (`radar ui` starts one)."),
    )
    def inbox_sensor(context: SensorEvaluationContext, radar: RadarHome) -> SensorResult | SkipReason:
        busy = runs_in_progress(context.instance)
        if busy:
            return SkipReason(f"run {busy[0].run_id[:8]} is in progress; the inbox is looked at again after it")
        try:
            config = load_config(radar.path)
        except ConfigError as exc:
            return SkipReason(f"sources.yaml is invalid, no run started: {exc}")
        decision = watch_inbox(radar.path, config.sources, context.cursor, time.time(),
                               config.schedule.quiet_seconds, WarehousePaths(radar.path).ingest)
        cursor = encode_cursor(decision.cursor)
        if not decision.batch:
            return SensorResult(skip_reason=SkipReason(decision.reason), cursor=cursor)
        request = RunRequest(run_key=decision.run_key, tags={
            TRIGGER_TAG: "inbox", "radar/files": str(len(decision.batch)),
        })
        context.log.info(decision.reason)
        return SensorResult(run_requests=[request], cursor=cursor)

    return inbox_sensor
