"""The one resource every asset needs: the deployment's home directory and the run's as-of date."""


import datetime as dt
from pathlib import Path

from dagster import ConfigurableResource

from sources.config import RadarConfig, load_config
from warehouse.build import WarehousePaths


class RadarHome(ConfigurableResource):
    """A Renewal Radar home (sources.yaml, inbox/, overrides/, warehouse.duckdb, out/)."""

    home: str
    as_of: str | None = None  # ISO date; overrides sources.yaml `as_of`; default today

    @property
    def path(self) -> Path:
        return Path(self.home).expanduser().resolve()

    def config(self) -> RadarConfig:
        return load_config(self.path)

    def paths(self) -> WarehousePaths:
        return WarehousePaths(self.path)

    def as_of_date(self) -> dt.date:
        if self.as_of:
            return dt.date.fromisoformat(self.as_of)
        return self.config().as_of or dt.date.today()

    @property
    def out_dir(self) -> Path:
        out = self.path / "out"
        out.mkdir(parents=True, exist_ok=True)
        return out
