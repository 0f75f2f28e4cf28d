"""`radar retract`: take a delivered file's rows, or a whole source's, out of the ingest store.

The file is recorded `retracted` (with when) and the next `radar run` builds the warehouse without
its rows. Delivering the file again (new bytes, or the same bytes with a new modification time)
brings its rows back on the next run; a file left in the inbox as it was stays out.

Exit codes: 0 done (or nothing left to retract); 1 the ingest store is in use; 2 unknown path or
source, or no ingest store in the home.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

import duckdb

from pipelines.cli.common import resolve_home
from pipelines.cli.console import terminal_text
from pipelines.config import ConfigError, load_config
from warehouse.build import WarehousePaths
from warehouse.ingest_store import open_ingest
from warehouse.retraction import Retracted, retract, stored_files
from warehouse.run_lock import RunLocked, hold_run_lock

EXIT_OK, EXIT_BUSY, EXIT_UNKNOWN = 0, 1, 2


def _say(text: str, *, err: bool = False) -> None:
    print(terminal_text(text), file=sys.stderr if err else sys.stdout)


def home_relative(value: str, home: Path, known: set[str]) -> str:
    """The stored form of a path given on the command line: relative to the home, POSIX separators
    (absolute paths inside the home and paths relative to the working directory are accepted)."""
    given = Path(value)
    tries = [] if given.is_absolute() else [Path(os.path.normpath(value)).as_posix()]
    full = Path(os.path.normpath(given if given.is_absolute() else Path.cwd() / given))
    for base in (home, home.resolve()):
        if full.is_relative_to(base):
            tries.append(full.relative_to(base).as_posix())
    return next((t for t in tries if t in known), tries[0] if tries else value)


def _configured_sources(home: Path) -> set[str]:
    try:
        return {s.name for s in load_config(home).sources}
    except ConfigError:
        return set()


def _targets(args: argparse.Namespace, home: Path, stored: list[tuple[str, str, str]]) -> tuple[list[str], str]:
    """(paths to retract, what was asked for); raises LookupError with the message for an unknown one."""
    if args.source:
        sources = {s for s, _, _ in stored}
        if args.source not in sources | _configured_sources(home):
            listed = ", ".join(sorted(sources)) or "none"
            raise LookupError(f"unknown source '{args.source}': neither in sources.yaml nor in the ingest store "
                              f"(sources with stored files: {listed})")
        return sorted({p for s, p, st in stored if s == args.source and st != "retracted"}), f"source '{args.source}'"
    known = {p for _, p, _ in stored}
    path = home_relative(args.path, home, known)
    if path not in known:
        close = difflib.get_close_matches(path, sorted(known), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise LookupError(f"no file '{path}' in the ingest store of {home} (paths are relative to the home, "
                          f"e.g. inbox/ingram/pos.csv){hint}")
    return ([path] if any(p == path and st != "retracted" for _, p, st in stored) else []), f"'{path}'"


def _line(r: Retracted) -> str:
    return (f"retracted {r.path} (source '{r.source}'): {r.rows_loaded:,} rows and {r.rows_quarantined:,} "
            "quarantine rows taken out of the ingest store")


def cmd_retract(args: argparse.Namespace) -> int:
    home = resolve_home(args.home)
    store = WarehousePaths(home).ingest
    if not store.is_file():
        _say(f"radar: {home} has no ingest store yet (no `radar run` has read its inbox): nothing to retract", err=True)
        return EXIT_UNKNOWN
    try:
        with hold_run_lock(home, command="radar retract"):  # one writer: never beside a run
            try:
                con = open_ingest(store)
            except duckdb.IOException as exc:
                _say(f"radar: the ingest store {store} is in use (is a run going?); try again when it ends ({exc})",
                     err=True)
                return EXIT_BUSY
            try:
                try:
                    paths, asked = _targets(args, home, stored_files(con))
                except LookupError as exc:
                    _say(f"radar: {exc}", err=True)
                    return EXIT_UNKNOWN
                note = "retracted by radar retract" + (f" --source {args.source}" if args.source else "")
                done = retract(con, paths, note)
            finally:
                con.close()
    except RunLocked as exc:
        _say(f"radar: {exc}", err=True)
        return EXIT_BUSY
    if not done:
        _say(f"Nothing to retract: every file of {asked} is already retracted.")
        return EXIT_OK
    for r in done:
        _say(_line(r))
    _say(f"{len(done)} file{'s' if len(done) != 1 else ''} retracted. The next `radar run` builds the warehouse "
         "without their rows; delivering a file again (new bytes or a new modification time) brings it back.")
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register `radar retract`."""
    p = sub.add_parser("retract", help="take a delivered file's (or a source's) rows out of the warehouse",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--home", help="home directory (default: $RADAR_HOME)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("path", nargs="?", help="the file, relative to the home (e.g. inbox/ingram/pos.csv)")
    what.add_argument("--source", help="retract every stored file of this source")
    p.set_defaults(func=cmd_retract)
