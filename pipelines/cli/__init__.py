"""The `radar` command: run the nightly job, validate an inbox, list opportunities, retract a delivered
file, run the demo world, serve the UI. Library warnings (pandas FutureWarnings and the like) are not
shown to users; a closed pipe (`radar opportunities | head`) ends quietly."""

from __future__ import annotations

import argparse
import os
import sys
import warnings

from pipelines.cli import opportunities, retract, run, ui, validate
from pipelines.cli.run import run_nightly

__all__ = ["build_parser", "main", "run_nightly"]

#: exit status after a closed pipe, as a shell reports a process ended by SIGPIPE
EXIT_BROKEN_PIPE = 141


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="radar", description="Renewal Radar: service-contract renewals from scattered channel data.")
    sub = parser.add_subparsers(dest="command", required=True)
    run.add_parsers(sub)
    validate.add_parser(sub)
    opportunities.add_parser(sub)
    ui.add_parsers(sub)
    retract.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with warnings.catch_warnings():
        if not getattr(args, "verbose", False):
            warnings.simplefilter("ignore")  # library warnings are for developers, not for the people running radar
        try:
            code = int(args.func(args))
            sys.stdout.flush()
            return code
        except BrokenPipeError:
            # the reader went away (`| head`): stop writing, and keep Python from complaining at exit
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_BROKEN_PIPE
