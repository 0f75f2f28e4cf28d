"""The one resource every asset needs: the deployment's home, read once per run into a RunContext."""

import datetime as dt
from contextlib import ExitStack
from pathlib import Path

from dagster import ConfigurableResource, InitResourceContext
from pydantic import PrivateAttr

from pipelines.stages.context import RunContext
from pipelines.stages.home_guard import guarded_run
from pipelines.stages.memory import prefer_system_allocator

#: assets that write the warehouse or the ingest store share this pool: DuckDB has one writer per file
WAREHOUSE_POOL = "radar_warehouse"


class RadarHome(ConfigurableResource):
    """A Renewal Radar home (sources.yaml, inbox/, overrides/, warehouse.duckdb, out/)."""

    home: str
    as_of: str | None = None  # ISO date; overrides sources.yaml `as_of`; default today
    full: bool = False  # compute every stage: reuse nothing of the last warehouse (`radar run --full`)
    #: take the home's run lock for the run; off for the read_inbox job, whose steps only read inbox
    #: files into the spool (and run while the `radar run` that started them holds the lock)
    hold_lock: bool = True

    _run: RunContext | None = PrivateAttr(default=None)
    _lock: ExitStack | None = PrivateAttr(default=None)

    @property
    def path(self) -> Path:
        return Path(self.home).expanduser().resolve()

    def setup_for_execution(self, context: InitResourceContext) -> None:
        """A run (not a sensor tick) holds the home's run lock until it ends: schedule, sensor and UI
        runs wait for `radar run` and the other way round (pipelines/stages/home_guard.py)."""
        self._run = self._load(context.run_id)
        if context.run_id is None:
            return
        prefer_system_allocator()  # this process's stages and the reading workers it starts
        if not self.hold_lock:
            return
        log = context.log
        stack = ExitStack()
        stack.enter_context(guarded_run(self.path, self._run.config.warehouse.lock_wait_seconds,
                                        lambda text: log.warning(text) if log else None,
                                        run_id=context.run_id, command="dagster run"))
        self._lock = stack

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def _load(self, run_id: str | None = None) -> RunContext:
        as_of = dt.date.fromisoformat(self.as_of) if self.as_of else None
        return RunContext.load(self.path, as_of, run_id, self.full)

    def run(self) -> RunContext:
        """This run's context: sources.yaml read once, the as-of date, the paths."""
        if self._run is None:
            self._run = self._load()
        return self._run
