"""The single Dagster `Definitions` of Renewal Radar, bound to one home: `radar run` passes it,
the servers `radar ui` starts read $RADAR_HOME (`dagster-webserver -m pipelines.definitions`)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from dagster import (
    Definitions,
    EnvVar,
    colored_console_logger,
    load_asset_checks_from_modules,
    load_assets_from_modules,
)

from pipelines import assets, checks
from pipelines.config import ConfigError, load_config
from pipelines.ops_settings import ScheduleSettings
from pipelines.progress_logger import radar_progress
from pipelines.read_inbox import inbox_file_readings, read_inbox
from pipelines.resources import RadarHome
from pipelines.schedules import build_schedule, nightly_job
from pipelines.sensors import build_inbox_sensor

log = logging.getLogger(__name__)


def schedule_settings(home: str | None) -> ScheduleSettings:
    """The home's `schedule:` section; the defaults when there is no home or sources.yaml is invalid
    (the run itself then reports the error)."""
    if not home:
        return ScheduleSettings()
    try:
        return load_config(Path(home).expanduser()).schedule
    except ConfigError as exc:
        log.warning("sources.yaml: %s; the schedule and inbox sensor use their defaults", exc)
        return ScheduleSettings()


def build_definitions(home: str | None = None, as_of: str | None = None, full: bool = False) -> Definitions:
    """Definitions bound to one home (CLI), or to $RADAR_HOME when `home` is None (webserver, daemon);
    `full`: every stage computed, nothing reused from the last warehouse."""
    radar = RadarHome(home=home, as_of=as_of, full=full) if home else RadarHome(home=EnvVar("RADAR_HOME"))
    inbox = RadarHome(home=home or EnvVar("RADAR_HOME"), hold_lock=False)  # read_inbox: reads into the spool only
    settings = schedule_settings(home or os.environ.get("RADAR_HOME"))
    return Definitions(
        assets=[*load_assets_from_modules([assets]), inbox_file_readings],
        asset_checks=load_asset_checks_from_modules([checks]),
        jobs=[nightly_job, read_inbox],
        schedules=[build_schedule(settings)],
        sensors=[build_inbox_sensor(settings)],
        resources={"radar": radar, "inbox": inbox},
        loggers={"console": colored_console_logger, "radar_progress": radar_progress},
    )


defs = build_definitions()
