"""The single Dagster `Definitions` of Renewal Radar (`dagster dev -m pipelines.definitions`)."""

from __future__ import annotations

from dagster import Definitions, EnvVar, load_asset_checks_from_modules, load_assets_from_modules

from pipelines import assets, checks
from pipelines.resources import RadarHome
from pipelines.schedules import nightly_job, nightly_schedule


def build_definitions(home: str | None = None, as_of: str | None = None) -> Definitions:
    """Definitions bound to one home (CLI), or to $RADAR_HOME when `home` is None (webserver)."""
    radar = RadarHome(home=home, as_of=as_of) if home else RadarHome(home=EnvVar("RADAR_HOME"))
    return Definitions(
        assets=load_assets_from_modules([assets]),
        asset_checks=load_asset_checks_from_modules([checks]),
        jobs=[nightly_job],
        schedules=[nightly_schedule],
        resources={"radar": radar},
    )


defs = build_definitions()
