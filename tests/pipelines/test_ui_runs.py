"""What the Dagster UI shows an ops person: the nights `radar run` and cron ran under the job's Runs (they
carried no repository, and the job's Runs tab said "No runs found"), runs tagged "schedule" only when the
schedule started them, and the daemon beside `radar ui` unless asked otherwise (the UI showed the schedule and
the sensor as running while nothing fired)."""

from __future__ import annotations

from pipelines.cli import build_parser
from pipelines.instance import WORKSPACE_YAML
from pipelines.ops_settings import ScheduleSettings
from pipelines.runs import LOCATION_NAME, REPOSITORY_TAG, TRIGGER_TAG, cli_tags
from pipelines.schedules import build_schedule, nightly_job


def test_a_cli_run_names_the_homes_code_location_as_its_repository() -> None:
    tags = cli_tags()
    assert tags[REPOSITORY_TAG] == f"__repository__@{LOCATION_NAME}" and tags[TRIGGER_TAG] == "cli"
    assert f"location_name: {LOCATION_NAME}" in WORKSPACE_YAML


def test_only_the_schedules_runs_are_tagged_schedule() -> None:
    schedule = build_schedule(ScheduleSettings(cron="30 1 * * *", timezone="Europe/Berlin"))
    assert schedule.tags[TRIGGER_TAG] == "schedule" and TRIGGER_TAG not in (nightly_job.tags or {})
    assert "30 1 * * *" in (schedule.description or "") and "Europe/Berlin" in (schedule.description or "")
    assert "daemon" in (schedule.description or "")


def test_radar_ui_runs_the_daemon_unless_told_not_to() -> None:
    parser = build_parser()
    assert not parser.parse_args(["ui", "--home", "h"]).no_daemon
    assert parser.parse_args(["ui", "--home", "h", "--no-daemon"]).no_daemon
    assert parser.parse_args(["ui", "--home", "h", "--daemon"]).daemon  # old scripts still parse


def test_the_sensor_says_how_often_it_looks_and_how_long_files_must_settle() -> None:
    from pipelines.sensors import build_inbox_sensor

    sensor = build_inbox_sensor(ScheduleSettings(quiet_seconds=300))
    assert "untouched for 300 s" in (sensor.description or "") and "daemon" in (sensor.description or "")
