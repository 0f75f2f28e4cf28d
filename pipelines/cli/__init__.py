"""The `radar` command: run the nightly job, validate an inbox, list opportunities, run the demo world."""

from __future__ import annotations

import argparse

from pipelines.cli import opportunities, run, validate
from pipelines.cli.run import run_nightly

__all__ = ["build_parser", "main", "run_nightly"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="radar", description="Renewal Radar: service-contract renewals from scattered channel data.")
    sub = parser.add_subparsers(dest="command", required=True)
    run.add_parsers(sub)
    validate.add_parser(sub)
    opportunities.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))
