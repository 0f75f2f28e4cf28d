"""The one resource every asset needs: the deployment's home, read once per run into a RunContext."""

import datetime as dt
from pathlib import Path

from dagster import ConfigurableResource, InitResourceContext
from pydantic import PrivateAttr

from pipelines.stages.context import RunContext

#: assets that write the warehouse or the ingest store share this pool: DuckDB has one writer per file
WAREHOUSE_POOL = "radar_warehouse"


class RadarHome(ConfigurableResource):
    """A Renewal Radar home (sources.yaml, inbox/, overrides/, warehouse.duckdb, out/)."""

    home: str
    as_of: str | None = None  # ISO date; overrides sources.yaml `as_of`; default today

    _run: RunContext | None = PrivateAttr(default=None)

    @property
    def path(self) -> Path:
        return Path(self.home).expanduser().resolve()

    def setup_for_execution(self, context: InitResourceContext) -> None:
        self._run = self._load(context.run_id)

    def _load(self, run_id: str | None = None) -> RunContext:
        as_of = dt.date.fromisoformat(self.as_of) if self.as_of else None
        return RunContext.load(self.path, as_of, run_id)

    def run(self) -> RunContext:
        """This run's context: sources.yaml read once, the as-of date, the paths."""
        if self._run is None:
            self._run = self._load()
        return self._run
