"""`radar ui` and `radar daemon`: the Dagster webserver (on 127.0.0.1) and the daemon (schedule,
inbox sensor, run queue) of one home, on the home's instance, so every run shows in one UI.

Each server runs in its own process group; SIGTERM or Ctrl-C to `radar ui` stops them all within
seconds (SIGTERM, then SIGKILL after a grace period), which is what systemd's `stop` needs.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from pipelines.cli.common import resolve_home
from pipelines.config import ConfigError, load_config

GRACE_SECONDS = 3.0


def _bin(name: str) -> str:
    """A console script installed beside this Python (the venv's), else on PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def server_commands(home: Path, host: str, port: int, *, webserver: bool, daemon: bool) -> list[list[str]]:
    """The command lines to start, for the home's instance (see pipelines.instance)."""
    from pipelines.instance import prepare_instance

    workspace = str(prepare_instance(home) / "workspace.yaml")
    commands = []
    if webserver:
        commands.append([_bin("dagster-webserver"), "-h", host, "-p", str(port), "-w", workspace])
    if daemon:
        commands.append([_bin("dagster-daemon"), "run", "-w", workspace])
    return commands


def _stop(procs: list[subprocess.Popen]) -> None:
    """SIGTERM every server's process group; SIGKILL what is still there after the grace period."""
    for p in procs:
        if p.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(p.pid, signal.SIGTERM)
    deadline = time.monotonic() + GRACE_SECONDS
    for p in procs:
        with contextlib.suppress(subprocess.TimeoutExpired):
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
    for p in procs:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(p.pid, signal.SIGKILL)  # the group: code servers the webserver started go too
        p.wait()


class _Stop(Exception):
    pass


def _raise_stop(_signum: int, _frame: object) -> None:
    raise _Stop


def serve(home: Path, host: str, port: int, *, webserver: bool = True, daemon: bool = False) -> int:
    """Start the servers and wait; 0 when stopped by a signal, 1 when a server died on its own."""
    from pipelines.instance import server_env

    env = server_env(home)
    procs: list[subprocess.Popen] = []
    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGINT, _raise_stop)
    try:
        names = {}
        for command in server_commands(home, host, port, webserver=webserver, daemon=daemon):
            procs.append(subprocess.Popen(command, env=env, start_new_session=True))
            names[procs[-1].pid] = Path(command[0]).name
        if webserver:
            print(f"Renewal Radar UI for {home}: http://{host}:{port}  (instance {env['DAGSTER_HOME']})", flush=True)
        if daemon:
            print("Dagster daemon running: schedule, inbox sensor and run queue are live.", flush=True)
        while True:
            for p in procs:
                if p.poll() is not None:
                    print(f"radar: {names[p.pid]} exited with code {p.returncode}; stopping", file=sys.stderr)
                    return 1
            time.sleep(0.5)
    except (_Stop, KeyboardInterrupt):
        return 0
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the clean-up
        _stop(procs)
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _home_or_exit(value: str | None) -> Path | int:
    home = resolve_home(value)
    try:
        load_config(home)
    except ConfigError as exc:
        print(f"radar: {exc}", file=sys.stderr)
        return 2
    return home


def cmd_ui(args: argparse.Namespace) -> int:
    home = _home_or_exit(args.home)
    if isinstance(home, int):
        return home
    return serve(home, args.host, args.port, webserver=True, daemon=not args.no_daemon)


def cmd_daemon(args: argparse.Namespace) -> int:
    home = _home_or_exit(args.home)
    if isinstance(home, int):
        return home
    return serve(home, "127.0.0.1", 0, webserver=False, daemon=True)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Register `radar ui` and `radar daemon`."""
    ui = sub.add_parser("ui", help="the Dagster UI of a home (every run: CLI, cron, schedule, sensor)")
    ui.add_argument("--home", help="home directory (default: $RADAR_HOME)")
    ui.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    ui.add_argument("--port", type=int, default=3000)
    ui.add_argument("--no-daemon", action="store_true",
                    help="the UI alone, without the daemon: the schedule and the inbox sensor do not fire, runs "
                         "launched in the UI wait in the queue (by default the daemon runs beside the UI, which "
                         "shows them as running)")
    ui.add_argument("--daemon", action="store_true", help=argparse.SUPPRESS)  # the default now; kept for old scripts
    ui.set_defaults(func=cmd_ui)
    daemon = sub.add_parser("daemon", help="the Dagster daemon of a home alone (schedule, inbox sensor, run queue)")
    daemon.add_argument("--home", help="home directory (default: $RADAR_HOME)")
    daemon.set_defaults(func=cmd_daemon)
