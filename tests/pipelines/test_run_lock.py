"""One writer per home, with real processes: a holder in another process makes `radar run` exit 75
naming it (PID, host, start, run id), a waiter gets the lock when the holder lets go, a SIGKILLed
holder's lock is recognised as stale and taken over, Dagster runs hold the same lock, and
`radar validate` (which writes nothing) never needs it."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dagster import asset, materialize

from pipelines.resources import RadarHome
from pipelines.stages.home_guard import guarded_run
from warehouse.run_lock import RunLocked, hold_run_lock, lock_paths, read_holder

ROOT = Path(__file__).parents[2]
SOURCES_YAML = """\
sources:
  - name: pos
    kind: distributor
    path: inbox/pos/*.csv
warehouse:
  lock_wait_seconds: {wait}
"""
HOLDER = """
import sys, time
from warehouse.run_lock import hold_run_lock
with hold_run_lock(sys.argv[1], run_id="run-held-elsewhere", command="radar run"):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _home(tmp_path: Path, wait: float = 0) -> Path:
    home = tmp_path / "home"
    (home / "inbox" / "pos").mkdir(parents=True)
    (home / "inbox" / "pos" / "jan.csv").write_text("Invoice Date,Reseller,End User,SKU,Qty\n"
                                                   "2026-01-05,Acme,Foo Ltd,AB-1,2\n", encoding="utf-8")
    (home / "sources.yaml").write_text(SOURCES_YAML.format(wait=wait), encoding="utf-8")
    return home


def _hold(home: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the home's run lock for `seconds`; returns once it holds it."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(home), str(seconds)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def _radar(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "RADAR_HOME")}
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_second_radar_run_exits_75_naming_the_holder(tmp_path: Path) -> None:
    home = _home(tmp_path)
    holder = _hold(home, 60)
    try:
        done = _radar("run", "--home", str(home))
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 75, done.stderr
    assert f"another run is writing to {home.resolve()}" in done.stderr
    assert f"PID {holder.pid} on {socket.gethostname()}, started " in done.stderr
    assert "run id run-held-elsewhere" in done.stderr and "lock_wait_seconds" in done.stderr
    assert not (home / "warehouse.duckdb").exists() and not (home / ".radar" / "ingest.duckdb").exists()


def test_radar_validate_does_not_need_the_lock(tmp_path: Path) -> None:
    home = _home(tmp_path)
    holder = _hold(home, 60)
    try:
        done = _radar("validate", "--home", str(home))
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode != 75 and "another run is writing" not in done.stdout + done.stderr
    assert "pos" in done.stdout


def test_a_waiter_gets_the_lock_when_the_holder_finishes(tmp_path: Path) -> None:
    home = _home(tmp_path)
    holder = _hold(home, 1.5)
    seen: list = []
    with hold_run_lock(home, wait_seconds=30, on_wait=seen.append) as taken:
        assert taken.waited >= 0.5 and taken.stale is None  # the holder let go properly
        assert read_holder(home) == taken.holder and taken.holder.pid == os.getpid()
    assert holder.wait() == 0
    assert seen[0] is not None and seen[0].pid == holder.pid and seen[0].run_id == "run-held-elsewhere"
    assert not lock_paths(home)[1].exists()  # released: no holder named


def test_a_short_wait_gives_up_naming_the_holder(tmp_path: Path) -> None:
    home = _home(tmp_path)
    holder = _hold(home, 60)
    try:
        started = time.monotonic()
        with pytest.raises(RunLocked) as caught, hold_run_lock(home, wait_seconds=0.6):
            pass
        assert 0.5 <= time.monotonic() - started < 5
    finally:
        holder.kill()
        holder.wait()
    assert caught.value.holder is not None and caught.value.holder.pid == holder.pid
    assert "Waited 1 s" in str(caught.value) or "Waited 0 s" in str(caught.value)


def test_a_killed_holders_lock_is_taken_over_and_reported(tmp_path: Path) -> None:
    home = _home(tmp_path)
    holder = _hold(home, 60)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    left = json.loads(lock_paths(home)[1].read_text(encoding="utf-8"))
    assert left["pid"] == holder.pid  # the killed run's name is still there ...
    said: list[str] = []
    with guarded_run(home, 0, said.append) as notes:  # ... but its lock is free
        now = read_holder(home)
        assert now is not None and now.pid == os.getpid()
    assert notes == said and len(said) == 1
    assert f"took over the run lock left by radar run (PID {holder.pid} on {socket.gethostname()}" in said[0]
    assert "run id run-held-elsewhere" in said[0] and "(that process is gone)" in said[0]


def test_the_lock_is_re_entered_by_its_own_process(tmp_path: Path) -> None:
    home = _home(tmp_path)
    with hold_run_lock(home) as outer, hold_run_lock(home, run_id="dagster-run-1") as inner:
        assert inner.nested and not outer.nested
        now = read_holder(home)
        assert now is not None and now.run_id == "dagster-run-1"  # the Dagster run's id is recorded
    assert read_holder(home) is None


@asset
def lock_probe(radar: RadarHome) -> dict:
    """What the run lock says while a Dagster run of the home is in progress."""
    holder = read_holder(radar.path)
    return {"pid": holder.pid, "run_id": holder.run_id, "command": holder.command} if holder else {}


def test_a_dagster_run_holds_the_lock_with_its_run_id(tmp_path: Path) -> None:
    home = _home(tmp_path)
    result = materialize([lock_probe], resources={"radar": RadarHome(home=str(home))})
    seen = result.output_for_node("lock_probe")
    assert seen == {"pid": os.getpid(), "run_id": result.run_id, "command": "dagster run"}
    assert read_holder(home) is None  # released when the run ended


def test_a_dagster_run_fails_while_another_run_holds_the_home(tmp_path: Path) -> None:
    home = _home(tmp_path)
    holder = _hold(home, 60)
    try:
        result = materialize([lock_probe], resources={"radar": RadarHome(home=str(home))}, raise_on_error=False)
    finally:
        holder.kill()
        holder.wait()
    assert not result.success
    failure = next(e for e in result.all_events if e.event_type_value in ("RUN_FAILURE", "STEP_FAILURE",
                                                                          "RESOURCE_INIT_FAILURE"))
    messages = " ".join(str(e.event_specific_data) for e in result.all_events if e.event_specific_data)
    assert failure is not None and f"PID {holder.pid}" in messages and "another run is writing" in messages


@pytest.mark.parametrize(("value", "message"), [
    ("-1", "key 'warehouse.lock_wait_seconds': Input should be greater than or equal to 0"),
    ("soon", "key 'warehouse.lock_wait_seconds': Input should be a valid number"),
    ("100000", "key 'warehouse.lock_wait_seconds': Input should be less than or equal to 86400"),
])
def test_lock_wait_seconds_is_checked_when_sources_yaml_is_read(tmp_path: Path, value: str, message: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "sources.yaml").write_text(SOURCES_YAML.format(wait=value), encoding="utf-8")
    done = _radar("run", "--home", str(home))
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
