"""A Dagster logger that hands every event of a run to whoever listens in this process: `radar run`
shows stages as they start and end, and keeps the whole log in a file. Runs the daemon launches
have no listener; for them this logger does nothing."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from dagster import InitLoggerContext, logger

_lock = threading.Lock()


class RunListener(Protocol):
    """What `radar run` implements to follow its run."""

    def on_record(self, record: logging.LogRecord, event: Any | None) -> None: ...

    def on_progress(self, stage: str, done: int, total: int) -> None: ...


_listener: RunListener | None = None


def listen(listener: RunListener | None) -> None:
    """Route the events of runs in this process to `listener` (None: stop)."""
    global _listener
    with _lock:
        _listener = listener


def stage_progress(stage: str) -> Callable[[int, int], None]:
    """A callback a stage calls with (done, total) while it works, e.g. files read so far."""
    def report(done: int, total: int) -> None:
        current = _listener
        if current is not None:
            current.on_progress(stage, done, total)
    return report


class _Forward(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        current = _listener
        if current is None:
            return
        meta = getattr(record, "dagster_meta", None) or {}
        current.on_record(record, meta.get("dagster_event") if isinstance(meta, dict) else None)


@logger(config_schema=None, description="Hands the run's events to `radar run` (progress lines, the run's log file).")
def radar_progress(init_context: InitLoggerContext) -> logging.Logger:
    log = logging.getLogger(f"radar.run.{init_context.run_id or 'run'}")
    log.setLevel(logging.DEBUG)
    log.propagate = False
    log.handlers = [_Forward()]
    return log
