"""Atomic runs with a real `radar run` process: killed mid-build it leaves the old warehouse whole,
and analysts reading the warehouse throughout a run see the old or the new one, never a mix."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from demo import generate_demo_world
from pipelines.cli import run_nightly
from warehouse.build import WarehousePaths

ROOT = Path(__file__).parents[2]
TIMEOUT_S = 180


def _counts(path: Path) -> dict[str, int]:
    """Row count of every table in a warehouse file, opened read-only as an analyst would."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in tables}
    finally:
        con.close()


def _start_run(home: Path) -> subprocess.Popen:
    """`radar run --home HOME` as its own process (and process group), as cron would start it."""
    env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "RADAR_HOME")}
    return subprocess.Popen(
        [sys.executable, "-m", "pipelines.cli", "run", "--home", str(home)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )


def _wait_for(condition, proc: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        assert proc.poll() is None, f"the run ended before {what}: {proc.stderr.read().decode()[-2000:]}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.005)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose first nightly run published a warehouse; one distributor file is held back."""
    home = tmp_path_factory.mktemp("atomic") / "home"
    generate_demo_world(home, scale=0.1, seed=13)
    files = pd.read_csv(home / "truth" / "files.csv")
    loaded = files[(files["source"] == "westbridge") & (files["expected_status"] == "loaded")]
    late = home / loaded.sort_values("data_rows")["path"].iloc[-1]
    shutil.move(late, home.parent / "late.csv")
    (home.parent / "late_path.txt").write_text(str(late.relative_to(home)), encoding="utf-8")
    assert run_nightly(home, quiet=True)
    return home


def _copy_with_a_new_file(published: Path, dest: Path) -> Path:
    """A copy of the home whose next run changes the warehouse: the held-back file is delivered."""
    home = dest / "home"
    shutil.copytree(published, home)
    late = home / (published.parent / "late_path.txt").read_text(encoding="utf-8")
    shutil.copyfile(published.parent / "late.csv", late)
    return home


@pytest.mark.parametrize("delay_s", [0.0, 0.7])
def test_a_killed_run_leaves_the_old_warehouse_with_its_old_rows(published: Path, tmp_path: Path, delay_s: float) -> None:
    home = _copy_with_a_new_file(published, tmp_path)
    paths = WarehousePaths(home)
    before = _counts(paths.live)
    inode = paths.live.stat().st_ino
    proc = _start_run(home)
    try:
        _wait_for(paths.building.exists, proc, "the building file appeared")
        time.sleep(delay_s)
        assert proc.poll() is None, "the run finished before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert paths.live.stat().st_ino == inode  # never replaced
    assert _counts(paths.live) == before  # opens, with every table and its old row counts
    # the next run throws the stale build away and publishes the new state
    proc = _start_run(home)
    assert proc.wait(timeout=TIMEOUT_S) == 0, proc.stderr.read().decode()[-2000:]
    after = _counts(paths.live)
    assert after["source_records"] > before["source_records"]
    assert not paths.building.exists()


#: an analyst's process that keeps the warehouse open all night: counts, waits for a line on stdin, counts again
HOLDER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
count = lambda: con.execute("SELECT count(*) FROM source_records").fetchall()[0][0]
print(count(), flush=True)
sys.stdin.readline()
print(count(), flush=True)
"""


def test_readers_see_a_whole_warehouse_throughout_a_run(published: Path, tmp_path: Path) -> None:
    home = _copy_with_a_new_file(published, tmp_path)
    paths = WarehousePaths(home)
    old = _counts(paths.live)
    # (DuckDB shares one open database per file within a process, so the reader that holds the
    # file open runs in a process of its own; this test process opens a fresh connection per read)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(paths.live)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    seen: list[dict[str, int]] = []
    proc = None
    try:
        assert int(holder.stdout.readline()) == old["source_records"]
        proc = _start_run(home)
        while proc.poll() is None:
            seen.append(_counts(paths.live))
            time.sleep(0.02)
        assert proc.returncode == 0, proc.stderr.read().decode()[-2000:]
        new = _counts(paths.live)
        seen.append(new)
        assert new != old and new["source_records"] > old["source_records"]
        assert len(seen) >= 20
        assert all(s in (old, new) for s in seen)  # each read saw one whole warehouse, never a mix
        assert seen[0] == old
        holder.stdin.write("again\n")
        holder.stdin.flush()
        assert int(holder.stdout.readline()) == old["source_records"]  # its snapshot did not move
        assert holder.wait(timeout=30) == 0
    finally:
        for p in (holder, proc):
            if p is not None and p.poll() is None:
                p.kill()
                p.wait()
