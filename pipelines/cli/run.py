"""`radar run` and `radar demo`: materialise every asset of the nightly job through Dagster."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from pipelines.cli.common import parse_as_of, resolve_home
from pipelines.cli.console import bullet, table
from pipelines.config import ConfigError, load_config

DEFAULT_DEMO_HOME = "demo_home"


def run_nightly(home: Path, as_of: dt.date | str | None = None, *, quiet: bool = False, verbose: bool = False) -> bool:
    """Materialise every asset of the nightly job for `home` through Dagster; True on success."""
    from dagster import DagsterInstance

    from pipelines.definitions import build_definitions

    day = as_of.isoformat() if isinstance(as_of, dt.date) else as_of
    defs = build_definitions(str(home), day)
    job = defs.resolve_job_def("nightly")
    instance = DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else DagsterInstance.ephemeral()
    log_level = "INFO" if verbose else "WARNING"
    result = job.execute_in_process(
        instance=instance, raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
    )
    if not result.success:
        for event in result.all_events:
            if event.is_step_failure:
                err = event.step_failure_data.error
                cause = err.cause if err and err.cause else err
                print(f"radar: step {event.step_key} failed: {cause.message.strip() if cause else 'unknown error'}",
                      file=sys.stderr)
        print("radar: the previous warehouse (if any) was left as it was", file=sys.stderr)
        return False
    if not quiet:
        print_run_summary(home)
    return True


def print_run_summary(home: Path) -> None:
    """The per-source summary table, problem files and where the outputs are."""
    from pipelines.cli.run_summary import entity_counts, needs_mapping_files, problem_files, source_summary
    from warehouse.build import WarehousePaths

    live = WarehousePaths(home).live
    print("\nRenewal Radar: run complete\n")
    print(table(source_summary(live)))
    counts = entity_counts(live)
    if counts:
        print("\nResolved: " + ", ".join(f"{n:,} {label}" for label, n in counts.items()))
    problems = problem_files(live)
    if problems:
        print("\nFiles that could not be read:")
        print(bullet(problems))
    unmapped = needs_mapping_files(live)
    if unmapped:
        print("\nFiles not read until sources.yaml names a column (add the block under the source; `radar validate`):")
        print(bullet(unmapped))
    summary_md = home / "out" / "run_summary.md"
    if summary_md.is_file():
        print("\n" + summary_md.read_text(encoding="utf-8").rstrip())
    print(f"\nWarehouse: {live}")
    if (home / "out").is_dir():
        print(f"Workbooks, CRM import, Parquet and this summary: {home / 'out'}")


def cmd_run(args: argparse.Namespace) -> int:
    home = resolve_home(args.home)
    try:
        load_config(home)
    except ConfigError as exc:
        print(f"radar: {exc}", file=sys.stderr)
        return 2
    return 0 if run_nightly(home, parse_as_of(args.as_of), verbose=args.verbose) else 1


def cmd_demo(args: argparse.Namespace) -> int:
    from demo import generate_demo_world

    home = Path(args.home or DEFAULT_DEMO_HOME).expanduser().resolve()
    summary = generate_demo_world(home, scale=args.scale, seed=args.seed, mapping=not args.no_mapping)
    print(f"Demo world written to {home}: {summary.n_files} files, {summary.n_source_rows:,} source rows "
          f"(as of {summary.as_of}); ground truth in {home / 'truth'}")
    return 0 if run_nightly(home, parse_as_of(args.as_of), verbose=args.verbose) else 1


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Register `radar run` and `radar demo`."""
    run = sub.add_parser("run", help="run the nightly job (every stage, inbox to workbooks) through Dagster")
    run.add_argument("--home", help="home directory (default: $RADAR_HOME)")
    run.add_argument("--as-of", help="valuation date, YYYY-MM-DD (default: sources.yaml as_of, else today)")
    run.add_argument("--verbose", action="store_true", help="show Dagster's step log")
    run.set_defaults(func=cmd_run)

    demo = sub.add_parser("demo", help="write the demo world into a home and run the nightly job on it")
    demo.add_argument("--home", help=f"where to write it (default: ./{DEFAULT_DEMO_HOME})")
    demo.add_argument("--scale", type=float, default=1.0, help="1.0 is about 10,000 source rows; 100 about a million")
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--as-of", help="valuation date (default: the demo world's as_of)")
    demo.add_argument("--no-mapping", action="store_true",
                      help="write sources.yaml without any columns: (headers and content recognised alone)")
    demo.add_argument("--verbose", action="store_true", help="show Dagster's step log")
    demo.set_defaults(func=cmd_demo)
