"""The Dagster definitions load, and the nightly job holds every asset and check; the schedule and
the inbox sensor follow sources.yaml's `schedule:` section."""

import pytest
from dagster import DefaultScheduleStatus, DefaultSensorStatus

from pipelines.config import ConfigError, parse_config
from pipelines.definitions import build_definitions, defs


def test_definitions_load_with_the_nightly_job_schedule_and_sensor() -> None:
    job = defs.resolve_job_def("nightly")
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {"inbox_files", "source_records", "asset_registry", "publish_warehouse"} <= keys
    assert job is not None
    schedule = defs.resolve_schedule_def("nightly_schedule")
    assert schedule.cron_schedule == "0 2 * * *" and schedule.execution_timezone == "UTC"
    assert schedule.default_status == DefaultScheduleStatus.RUNNING
    assert defs.resolve_sensor_def("inbox_sensor").default_status == DefaultSensorStatus.RUNNING


def test_definitions_bind_to_an_explicit_home(tmp_path) -> None:
    (tmp_path / "sources.yaml").write_text("as_of: 2026-06-30\nsources: []\n", encoding="utf-8")
    bound = build_definitions(str(tmp_path), "2026-11-01")
    radar = bound.resources["radar"]
    assert radar.path == tmp_path.resolve()
    assert radar.run().as_of.isoformat() == "2026-11-01"  # --as-of wins over sources.yaml
    assert build_definitions(str(tmp_path)).resources["radar"].run().as_of.isoformat() == "2026-06-30"


def test_the_schedule_section_sets_time_zone_and_switches(tmp_path) -> None:
    (tmp_path / "sources.yaml").write_text(
        "sources: []\nschedule:\n  cron: '30 5 * * 1-5'\n  timezone: Europe/Berlin\n  enabled: false\n"
        "  inbox_sensor: false\n  quiet_seconds: 300\n  check_every_seconds: 120\n", encoding="utf-8")
    bound = build_definitions(str(tmp_path))
    schedule = bound.resolve_schedule_def("nightly_schedule")
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("30 5 * * 1-5", "Europe/Berlin")
    assert schedule.default_status == DefaultScheduleStatus.STOPPED
    sensor = bound.resolve_sensor_def("inbox_sensor")
    assert sensor.default_status == DefaultSensorStatus.STOPPED and sensor.minimum_interval_seconds == 120


@pytest.mark.parametrize(("section", "message"), [
    ("schedule:\n  cron: 'at two'\n", "key 'schedule.cron': 'at two' is not a cron expression"),
    ("schedule:\n  timezone: Mars/Olympus\n", "key 'schedule.timezone': 'Mars/Olympus' is not a time zone"),
    ("schedule:\n  quiet_secs: 10\n", "key 'schedule.quiet_secs': unknown key"),
    ("notify:\n  webhook: hooks.example/x\n", "key 'notify.webhook': 'hooks.example/x' is not an http"),
    ("quality:\n  quarantine_block_rate: 0\n", "key 'quality.quarantine_block_rate'"),
])
def test_operations_sections_are_validated_with_the_key_named(section: str, message: str) -> None:
    import yaml

    with pytest.raises(ConfigError, match="sources.yaml") as err:
        parse_config(yaml.safe_load("sources: []\n" + section))
    assert message in str(err.value)


@pytest.mark.parametrize(("expression", "valid"), [
    ("0 2 * * *", True), ("30 5 * * 1-5", True), ("*/15 * * * *", True), ("0 2 * * mon-fri", True),
    ("0 0 1 jan *", True), ("0 2,14 * * *", True),
    ("at two", False), ("0 2 * *", False), ("60 2 * * *", False), ("0 24 * * *", False), ("*/0 * * * *", False),
    ("0 2 * * 8", False), ("0 2 32 * *", False),
])
def test_cron_expressions(expression: str, valid: bool) -> None:
    from pipelines.ops_settings import valid_cron

    assert valid_cron(expression) is valid
