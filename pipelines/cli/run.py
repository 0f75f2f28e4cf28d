"""`radar run` and `radar demo`: materialise every asset of the nightly job through Dagster, in the
home's own Dagster instance (so the run shows in `radar ui`), showing each stage as it goes.

Exit codes: 0 the run succeeded (warnings, if any, are listed); 1 a stage failed; 2 sources.yaml or
the command line is invalid; 3 a blocking data-quality check stopped the run (the previous
warehouse stays); 75 another run holds the home (its PID, host, start and run id are named; it
waited `warehouse: lock_wait_seconds:` first); 130 interrupted (Ctrl-C or SIGTERM).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import signal
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pipelines.cli.common import parse_as_of, resolve_home
from pipelines.cli.console import bullet, escape_breaks, say, table
from pipelines.config import ConfigError, RadarConfig, load_config

if TYPE_CHECKING:
    from dagster import DagsterInstance

DEFAULT_DEMO_HOME = "demo_home"
#: what the read_inbox job's fork server imports once for all its step processes
READ_INBOX_PRELOAD = ("pandas", "duckdb", "pipelines.definitions", "pipelines.read_inbox")
EXIT_OK, EXIT_FAILED, EXIT_CONFIG, EXIT_BLOCKED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_LOCKED = 75  # sysexits EX_TEMPFAIL: another run holds the home; try again later


@dataclass
class RunReport:
    """How a run ended: its exit code, the run id, the log file, warnings and the failure text."""

    exit_code: int
    run_id: str | None
    log_path: Path
    warnings: list[str] = field(default_factory=list)
    failure: str | None = None

    @property
    def ok(self) -> bool:
        return self.exit_code == EXIT_OK


def _log_path(home: Path) -> Path:
    return home / ".radar" / "logs" / f"run-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.log"


def _say(text: str) -> None:
    print(f"radar: {text}", file=sys.stderr)


def execute_nightly(home: Path, as_of: dt.date | str | None = None, *, quiet: bool = False,
                    verbose: bool = False, live: bool | None = None, full: bool = False,
                    partitioned: bool | None = None) -> RunReport:
    """Run the nightly job for `home` in the home's Dagster instance, holding the home's run lock
    throughout (another run: wait, then EXIT_LOCKED naming it), and tell people how it went.
    `full`: compute every stage, reusing nothing of the last warehouse; `partitioned` (default:
    sources.yaml's `ingest: partitioned:`): first read the new inbox files with the read_inbox job."""
    from pipelines.stages.home_guard import RunLocked, guarded_run

    config = load_config(home)
    run_id = str(uuid.uuid4())  # the Dagster run's id, named by the lock from the start
    try:
        with guarded_run(home, config.warehouse.lock_wait_seconds, _say, run_id=run_id) as notes:
            return _execute(home, config, as_of, notes, run_id, quiet=quiet, verbose=verbose, live=live, full=full,
                            partitioned=config.ingest.partitioned if partitioned is None else partitioned)
    except RunLocked as exc:
        _say(str(exc))
        return RunReport(EXIT_LOCKED, None, _log_path(home), failure=str(exc))


def _execute(home: Path, config: RadarConfig, as_of: dt.date | str | None, notes: list[str], run_id: str, *,
             quiet: bool, verbose: bool, live: bool | None, full: bool, partitioned: bool) -> RunReport:
    from dagster import DagsterInstance

    from pipelines.cli.outcome import (
        changes_since_last_run,
        failure_paragraph,
        interrupted_state,
        snapshot,
        was_interrupted,
        write_last_failure,
    )
    from pipelines.cli.progress import RunDisplay
    from pipelines.definitions import build_definitions
    from pipelines.instance import prepare_instance
    from pipelines.progress_logger import listen
    from pipelines.runs import cli_tags, fail_orphaned_runs
    from warehouse.build import WarehousePaths

    day = as_of.isoformat() if isinstance(as_of, dt.date) else as_of
    job = build_definitions(str(home), day, full).resolve_job_def("nightly")
    live_path = WarehousePaths(home).live
    before = snapshot(live_path)
    log_path = _log_path(home)
    display = RunDisplay(log_path, io.StringIO() if quiet else _terminal(), live=False if quiet else live)
    loggers: dict[str, object] = {"radar_progress": {}}
    if verbose:
        loggers["console"] = {"config": {"log_level": "INFO"}}
    listen(display)
    try:
        with DagsterInstance.from_config(str(prepare_instance(home))) as instance:
            fail_orphaned_runs(instance)
            if partitioned:
                notes += read_inbox_partitions(home, config, instance, display.note, log_path)
            result = job.execute_in_process(instance=instance, raise_on_error=False, tags=cli_tags(),
                                            run_config={"loggers": loggers}, run_id=run_id)
    except KeyboardInterrupt:
        _say(f"interrupted. {interrupted_state(home, before)}")
        raise
    finally:
        listen(None)
        display.close()
        if display.out is not sys.stdout and not quiet:
            display.out.close()
    events = display.events
    after = snapshot(live_path)
    warnings = notes + [f"{c.check} ({c.asset}): {c.summary}" for c in events.warnings]
    report = RunReport(EXIT_OK, result.run_id, log_path, warnings)
    if result.success:
        (home / "out" / "last_failure.md").unlink(missing_ok=True)
        if not quiet:
            from sources.inbox import sources_without_files, unclaimed_files
            print_run_summary(home, changes_since_last_run(before, after, events.metadata.get("inbox_files", {})),
                              warnings, config.reports.review_rows,
                              [f"{name}: {why}" for name, why in sources_without_files(home, config.sources).items()],
                              run_id=result.run_id, unclaimed=unclaimed_files(home, config.sources))
        _notify(config, home, "warning" if warnings else "success",
                "radar run: " + (f"{len(warnings)} warnings" if warnings else "succeeded"),
                "\n".join(warnings) or "The nightly run succeeded.", log_path)
        return report
    report.exit_code = (EXIT_BLOCKED if events.blocking_failures
                        else EXIT_INTERRUPTED if was_interrupted(events) else EXIT_FAILED)
    subject, report.failure = failure_paragraph(home, events, before, after, log_path)
    write_last_failure(home, subject, report.failure, warnings)
    say(f"\nradar: {report.failure}", file=sys.stderr)
    if warnings and not quiet:
        say("\nWarnings:\n" + bullet(warnings), file=sys.stderr)
    _notify(config, home, "failure", subject, report.failure, log_path)
    return report


def _stop_fork_server() -> None:
    """End the fork server the step processes came from: it holds every preloaded module (about
    0.2 GiB) and would otherwise live, idle, through the rest of the night."""
    import multiprocessing.forkserver

    stop = getattr(multiprocessing.forkserver._forkserver, "_stop", None)  # CPython's own (its tests use it)
    if stop is not None:
        stop()


@contextmanager
def _stderr_into(log_path: Path) -> Iterator[None]:
    """Standard error (fd 2, inherited by every step process) appended to the run's log for the block:
    Dagster's step processes log their start to it before any configured logger exists."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(log_path, "a", encoding="utf-8") as log:
        os.dup2(log.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def read_inbox_partitions(home: Path, config: RadarConfig, instance: DagsterInstance,
                          say_line: Callable[[str], None], log_path: Path) -> list[str]:
    """Run the read_inbox job (one Dagster partition and step per new inbox file, `ingest: processes:` at
    a time under the multiprocess executor); returns a warning when it failed (the ingest then reads
    what is missing from the spool itself: the warehouse is the same either way)."""
    from dagster import build_reconstructable_job, execute_job

    from pipelines.runs import cli_tags
    from pipelines.stages.context import RunContext
    from pipelines.stages.file_readings import plan_readings

    if not plan_readings(RunContext.load(home)):  # hashing the inbox costs far less than starting the job
        say_line(f"{time.strftime('%H:%M:%S')}  Reading the new inbox files as Dagster partitions: no new file")
        return []
    processes = config.ingest.processes or os.cpu_count() or 1
    started = time.monotonic()
    say_line(f"{time.strftime('%H:%M:%S')}  Reading the new inbox files as Dagster partitions "
             f"({processes} processes) ...")
    job = build_reconstructable_job("pipelines.read_inbox", "read_inbox_for_home", reconstructable_args=(str(home),))
    execution = {"max_concurrent": processes,  # steps fork from a server that imported the job's modules once
                 "start_method": {"forkserver": {"preload_modules": list(READ_INBOX_PRELOAD)}}}
    with _stderr_into(log_path), execute_job(job, instance=instance, tags=cli_tags(), raise_on_error=False,
                                             run_config={"execution": {"config": execution},
                                                         "loggers": {"radar_progress": {}}}) as result:
        events = result.get_asset_materialization_events()
        files = len({e.event_specific_data.materialization.partition for e in events})  # type: ignore[union-attr]
        twice = len(events) - files
        ok, run_id = result.success, result.run_id
    _stop_fork_server()
    took = time.monotonic() - started
    if ok:
        say_line(f"{time.strftime('%H:%M:%S')}  Reading the new inbox files as Dagster partitions: done in "
                 f"{took:.1f} s – {files} {'file' if files == 1 else 'files'} read ahead"
                 + (f", {twice} of them again with the partner names of the files before them" if twice else "")
                 + f" (read_inbox run {run_id[:8]})")
        return []
    text = (f"the read_inbox run {run_id[:8]} failed after {took:.1f} s ({files} files read ahead; `radar ui` shows "
            "why); the ingest read the other files itself")
    say_line(f"{time.strftime('%H:%M:%S')}  {text}")
    return [text]


def _terminal() -> TextIO:
    """Standard output as it is now: Dagster captures fd 1 of each step into its step logs (and echoes
    it later), so progress written through a duplicate of the fd reaches the terminal at once, in order."""
    try:
        return os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1, encoding="utf-8")
    except (AttributeError, OSError, io.UnsupportedOperation):
        return sys.stdout


def _notify(config: RadarConfig, home: Path, status: str, subject: str, text: str, log_path: Path) -> None:
    from pipelines.cli.notify import notify

    for problem in notify(config.notify, status, subject, text, home, log_path):
        say(f"radar: {problem}", file=sys.stderr)


def run_nightly(home: Path, as_of: dt.date | str | None = None, *, quiet: bool = False, verbose: bool = False,
                full: bool = False) -> bool:
    """Materialise every asset of the nightly job for `home`; True on success."""
    return execute_nightly(home, as_of, quiet=quiet, verbose=verbose, full=full).ok


def print_run_summary(home: Path, changes: str = "", warnings: list[str] | None = None,
                      review_rows: int | None = None, idle_sources: list[str] | None = None,
                      run_id: str | None = None, unclaimed: list[str] | None = None) -> None:
    """The per-source table, what was resolved, problem files, files needing a mapping, the digest of
    out/run_summary.md, what changed, warnings, where things are (`review_rows`: the pairs
    out/match_review.xlsx lists at most; `run_id`: the run whose files' warnings are listed; `unclaimed`: inbox
    files no source's path names, never read)."""
    from pipelines.cli.run_summary import (
        SOURCE_TABLE_TITLE,
        absent_files,
        entity_counts,
        needs_mapping_files,
        problem_files,
        review_summary,
        source_summary,
        warned_files,
    )
    from reports.run_digest import run_digest
    from reports.summary import ABSENT_HEADING, NOTHING_CHANGED
    from warehouse.build import WarehousePaths

    live = WarehousePaths(home).live
    say("\nRenewal Radar: run complete\n")
    say(SOURCE_TABLE_TITLE)
    say(table(source_summary(live)))
    counts = entity_counts(live)
    if counts:
        say("\nResolved: " + ", ".join(f"{n:,} {label}" for label, n in counts.items()))
    review = review_summary(live, review_rows)
    if review:
        say("\n" + "\n".join(review))
    missing, retracted = absent_files(live)
    for heading, lines in (
        ("Files that could not be read, or came empty:", problem_files(live)),
        ("Sources that read no file this run (`radar validate` shows each source's files):", idle_sources or []),
        ("Inbox files no source reads (no path in sources.yaml names them: a tracker saved as .xlsm, a file in a "
         "folder of its own? widen the source's path):", _first(unclaimed or [])),
        ("Files read with warnings this run (every warning: `radar validate`, or the table ingested_files):",
         warned_files(live, run_id)),
        ("Files no longer in the inbox (their rows are kept – "
         f"`radar retract --home {home} PATH` takes a file's rows out):", missing),
        ("Retracted files (their rows are out of the warehouse until delivered again):", retracted),
        ("Files not read until sources.yaml names a column (add the block under the source; `radar validate`):",
         needs_mapping_files(live)),
    ):
        if lines:
            say(f"\n{heading}")
            say(bullet(lines))
    summary_md = home / "out" / "run_summary.md"
    if summary_md.is_file():
        say("\n" + run_digest(summary_md.read_text(encoding="utf-8"), str(summary_md),
                               skip=(ABSENT_HEADING.removeprefix("## "),),  # listed above
                               nothing_new=NOTHING_CHANGED if changes else ""))
    if changes:
        say(f"\n{changes}")
    if warnings:
        say(f"\nWarnings ({len(warnings)}; the warehouse was published – details in out/quality/):")
        say(bullet(warnings))
    say(f"\nWarehouse: {live}")
    if (home / "out").is_dir():
        say(f"Workbooks, CRM import, Parquet and the whole run summary: {home / 'out'}")


def _first(lines: list[str], shown: int = 10) -> list[str]:
    """The first `shown` lines, then how many more."""
    more = len(lines) - shown
    return [escape_breaks(line) for line in lines[:shown]] + ([f"... and {more:,} more"] if more > 0 else [])


def _config_or_exit(home: Path) -> int | None:
    try:
        load_config(home)
    except ConfigError as exc:
        say(f"radar: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    return None


def _terminate(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def _interruptible(home: Path, as_of: dt.date | None, verbose: bool, full: bool = False,
                   partitioned: bool | None = None) -> int:
    signal.signal(signal.SIGTERM, _terminate)  # cron's or systemd's stop: end like Ctrl-C, with the state told
    try:
        return execute_nightly(home, as_of, verbose=verbose, full=full, partitioned=partitioned).exit_code
    except KeyboardInterrupt:  # execute_nightly said in which state it left the warehouse and out/
        return EXIT_INTERRUPTED


def cmd_run(args: argparse.Namespace) -> int:
    home = resolve_home(args.home)
    bad = _config_or_exit(home)
    return bad if bad is not None else _interruptible(home, parse_as_of(args.as_of), args.verbose, args.full,
                                                      args.partitioned)


def cmd_demo(args: argparse.Namespace) -> int:
    from demo import generate_demo_world
    from pipelines.sources_yaml import fit_read_limits
    from pipelines.stages.home_guard import RunLocked, guarded_run

    home = Path(args.home or DEFAULT_DEMO_HOME).expanduser().resolve()
    try:
        wait = load_config(home).warehouse.lock_wait_seconds
    except ConfigError:
        wait = 0.0  # no (valid) sources.yaml yet: the demo writes one
    try:
        with guarded_run(home, wait, _say, command="radar demo"):  # the world is written under the lock too
            summary = generate_demo_world(home, scale=args.scale, seed=args.seed, mapping=not args.no_mapping)
            print(f"Demo world written to {home}: {summary.n_files} files, {summary.n_source_rows:,} source rows "
                  f"(as of {summary.as_of}); ground truth in {home / 'truth'}")
            raised = fit_read_limits(home)
            if raised:
                print("Its largest exports are past the default read limits: raised in sources.yaml (limits: "
                      + ", ".join(f"{k} {v:,}" for k, v in raised.items()) + ")")
            return _interruptible(home, parse_as_of(args.as_of), args.verbose)
    except RunLocked as exc:
        _say(str(exc))
        return EXIT_LOCKED


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Register `radar run` and `radar demo`."""
    run = sub.add_parser("run", help="run the nightly job (every stage, inbox to workbooks) through Dagster",
                         description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("--home", help="home directory (default: $RADAR_HOME)")
    run.add_argument("--as-of", help="valuation date, YYYY-MM-DD (default: sources.yaml as_of, else today)")
    run.add_argument("--verbose", action="store_true", help="also show Dagster's step log")
    run.add_argument("--full", action="store_true",
                     help="compute every stage again, even those whose inputs did not change since the last run")
    run.add_argument("--partitioned", action="store_true", default=None,
                     help="first read the new inbox files as Dagster partitions, one process per file at a time "
                          "(the read_inbox job; default: sources.yaml's `ingest: partitioned:`)")
    run.set_defaults(func=cmd_run)

    demo = sub.add_parser("demo", help="write the demo world into a home and run the nightly job on it")
    demo.add_argument("--home", help=f"where to write it (default: ./{DEFAULT_DEMO_HOME})")
    demo.add_argument("--scale", type=float, default=1.0, help="1.0 is about 10,000 source rows; 100 about a million")
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--as-of", help="valuation date (default: the demo world's as_of)")
    demo.add_argument("--no-mapping", action="store_true",
                      help="write sources.yaml without any columns: (headers and content recognised alone)")
    demo.add_argument("--verbose", action="store_true", help="also show Dagster's step log")
    demo.set_defaults(func=cmd_demo)
