"""One nightly run's context: its home, the configuration (read once), the as-of date, the paths."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines.config import RadarConfig, load_config
from warehouse.budget import DuckDBBudget
from warehouse.build import WarehousePaths, connect_building
from warehouse.settings import BuildSettings


@dataclass(frozen=True)
class RunContext:
    """What every stage of one run receives."""

    home: Path
    config: RadarConfig
    as_of: dt.date
    run_id: str | None = None
    full: bool = False  # compute every stage, reusing nothing of the last warehouse (pipelines/stages/memo.py)

    @classmethod
    def load(cls, home: Path, as_of: dt.date | None = None, run_id: str | None = None,
             full: bool = False) -> RunContext:
        """Read sources.yaml once; the as-of date is the one given, else sources.yaml's, else today."""
        config = load_config(home)
        return cls(Path(home).resolve(), config, as_of or config.as_of or dt.date.today(), run_id, full)

    @property
    def paths(self) -> WarehousePaths:
        return WarehousePaths(self.home)

    @property
    def out_dir(self) -> Path:
        """HOME/out, created on first use."""
        out = self.home / "out"
        out.mkdir(parents=True, exist_ok=True)
        return out

    @property
    def duckdb_budget(self) -> DuckDBBudget:
        """What each DuckDB connection of the run may hold (`warehouse: memory_limit:`), spilling
        to HOME/.radar/spill beyond it."""
        return DuckDBBudget(self.config.warehouse.memory_limit, self.paths.state_dir / "spill")

    @property
    def spool_dir(self) -> Path:
        """HOME/.radar/spool: inbox files read ahead by the partition steps of `read_inbox` (sources.spool)."""
        return self.paths.state_dir / "spool"

    @property
    def build_settings(self) -> BuildSettings:
        return self.config.build_settings(self.as_of)

    @contextmanager
    def building(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the warehouse being built, with the run's settings registered."""
        con = connect_building(self.paths, self.build_settings, self.duckdb_budget)
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def live(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection to the published warehouse."""
        con = self.duckdb_budget.connect(str(self.paths.live), read_only=True)
        try:
            yield con
        finally:
            con.close()
