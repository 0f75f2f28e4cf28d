"""`radar validate`: read every inbox file as the nightly run would, report, write nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.cli.common import resolve_home
from pipelines.cli.console import bullet
from pipelines.config import ConfigError, load_config
from sources.inbox import discover
from sources.reader import read_source_file


def validate_home(home: Path, max_reasons: int = 5) -> bool:
    """Print per file the detected header mapping, row counts and first quarantine reasons."""
    config = load_config(home)
    print(f"sources.yaml: {len(config.sources)} sources OK")
    files = discover(home, config.sources)
    by_source = {s.name: 0 for s in config.sources}
    ok = True
    for f in files:
        by_source[f.source.name] += 1
        outcome = read_source_file(f.path, f.relpath, f.source)
        print(f"\n{f.relpath}  [{f.source.name}, {f.source.kind}]  {outcome.status}"
              + (f"  {outcome.detected}" if outcome.detected else ""))
        if outcome.error:
            ok = False
            print(f"  ERROR: {outcome.error}")
        for sheet in outcome.sheets:
            label = f"sheet '{sheet.sheet}'" if sheet.sheet else "table"
            if sheet.skipped:
                print(f"  {label}: skipped ({sheet.skipped})")
                continue
            print(f"  {label}: header on row {sheet.header_row}; {sheet.rows_read} rows read, "
                  f"{sheet.rows_loaded} loaded, {sheet.rows_quarantined} quarantined, "
                  f"{sheet.blank_rows} blank and {sheet.total_rows} total rows skipped")
            mapped = [f"{h!r} -> {fld}" + (f" ({sheet.how.get(fld)})" if sheet.how.get(fld) != "synonym" else "")
                      for h, fld in sheet.mapping.items()]
            print(bullet(mapped, "    "))
        for w in outcome.warnings:
            print(f"  warning: {w}")
        reasons = outcome.quarantine["reason"].head(max_reasons).tolist()
        if reasons:
            print(f"  first quarantine reasons ({outcome.rows_quarantined} rows):")
            print(bullet(reasons, "    "))
    for name, n in by_source.items():
        if n == 0:
            print(f"\nwarning: source '{name}' matched no file ({config.source(name).path})")
    return ok


def cmd_validate(args: argparse.Namespace) -> int:
    """0 when every file reads, 1 when one does not, 2 when sources.yaml is invalid."""
    try:
        ok = validate_home(resolve_home(args.home), max_reasons=args.reasons)
    except ConfigError as exc:
        print(f"radar: {exc}", file=sys.stderr)
        return 2
    return 0 if ok else 1


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register `radar validate`."""
    val = sub.add_parser(
        "validate", help="read every inbox file and report headers, counts and problems; writes nothing")
    val.add_argument("--home", help="home directory (default: $RADAR_HOME)")
    val.add_argument("--reasons", type=int, default=5, help="quarantine reasons to show per file (default 5)")
    val.set_defaults(func=cmd_validate)
