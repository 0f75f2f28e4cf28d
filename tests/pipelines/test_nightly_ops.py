"""The nightly run as ops meet it, on a small demo home: the real webserver sees a CLI run with its
asset graph, status and every check; a warning shows in the run summary; an unchanged inbox says
"nothing new"; a broken delivery fails a blocking check, keeps the previous warehouse, writes
out/last_failure.md and calls the `notify:` command; `radar ui` stops on SIGTERM within seconds."""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from demo import generate_demo_world
from pipelines.cli import main, run_nightly
from warehouse.build import WarehousePaths

ROOT = Path(__file__).parents[2]
HEADER = ("Invoice Date,Invoice No,Reseller,Reseller ID,End User,End User City,End User State,End User Zip,"
          "Part Number,Description,Serial Number,Qty,Unit Price,Ext Price,Contract Number,Service Start,Service End")
GRAPHQL = """
{
  assetNodes {
    assetKey { path }
    dependencyKeys { path }
    assetChecksOrError { ... on AssetChecks { checks {
      name blocking
      executionForLatestMaterialization { runId status evaluation { success severity } }
    } } }
  }
  runsOrError(limit: 5) { ... on Runs { results { runId status jobName tags { key value } } } }
}
"""


def _pos_file(path: Path, rows: int, bad_dates: int) -> None:
    """A westbridge-shaped delivery of `rows` rows, the first `bad_dates` of them with no usable date."""
    lines = [HEADER]
    for i in range(rows):
        day = "TBD" if i < bad_dates else f"10/{1 + i % 28:02d}/2026"
        lines.append(f"{day},WB99{i:05d},Marley Digital LLC,WB10000,Globex Analytics LLC,Columbus,OH,43229,"
                     f"AP-C9130AX,Wi-Fi 6 access point,QQX{i:07d},1,1057.93,1057.93,,,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _counts(path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in tables}
    finally:
        con.close()


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "RADAR_HOME")}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("ops") / "home"
    generate_demo_world(home, scale=0.1, seed=5)
    assert run_nightly(home, quiet=True)
    return home


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": query}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        body = json.loads(response.read())
    assert "errors" not in body, body.get("errors")
    return body["data"]


def _wait_up(port: int, proc: subprocess.Popen, timeout_s: float = 240) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stdout.read() if proc.stdout else "radar ui exited"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=5) as r:
                # the code location loads after the server answers: wait until it lists the assets
                if r.status == 200 and _graphql(port, "{ assetNodes { id } }")["assetNodes"]:
                    return
        except (OSError, AssertionError, KeyError):
            pass
        time.sleep(2)
    raise AssertionError("dagster-webserver did not come up")


def test_the_ui_shows_a_cli_run_with_its_asset_graph_checks_and_a_warning(home: Path) -> None:
    port = _free_port()
    ui = subprocess.Popen([sys.executable, "-m", "pipelines.cli", "ui", "--home", str(home), "--port", str(port)],
                          cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          start_new_session=True)
    try:
        _wait_up(port, ui)
        # a small delivery with 3 of 10 rows unreadable: far above westbridge's usual rate, too few rows to block
        _pos_file(home / "inbox" / "distributors" / "westbridge" / "westbridge_late.csv", rows=10, bad_dates=3)
        run = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", "--home", str(home)], cwd=ROOT,
                             env=_env(), capture_output=True, text=True, timeout=900)
        assert run.returncode == 0, run.stderr[-3000:]
        assert "Reading the inbox: done in" in run.stdout and "Publishing the warehouse: done in" in run.stdout
        peaks = dict(re.findall(r"  ([A-Z][\w ,]+): done in [\d.]+ s, peak ([\d,]+) MiB", run.stdout))
        assert len(peaks) == 14 and all(int(p.replace(",", "")) > 50 for p in peaks.values())  # each stage's memory
        assert "1 new or changed" in run.stdout
        assert "Warnings (1;" in run.stdout and "quarantine_rate (source_records)" in run.stdout
        assert "westbridge" in run.stdout.split("Warnings (1;")[1]
        assert "Traceback" not in run.stdout + run.stderr and "Warning:" not in run.stderr

        data = _graphql(port, GRAPHQL)
        nodes = {"/".join(n["assetKey"]["path"]): n for n in data["assetNodes"]}
        assert {"inbox_files", "source_records", "customers", "contracts", "renewal_opportunities",
                "publish_warehouse", "opportunity_workbooks"} <= set(nodes)
        assert [k["path"] for k in nodes["source_records"]["dependencyKeys"]] == [["inbox_files"]]
        latest = data["runsOrError"]["results"][0]
        assert latest["status"] == "SUCCESS" and latest["jobName"] == "nightly"
        assert {"key": "radar/trigger", "value": "cli"} in latest["tags"]
        checks = {c["name"]: c for n in nodes.values() for c in n["assetChecksOrError"].get("checks", [])}
        assert len(checks) == 9
        for name, check in checks.items():
            execution = check["executionForLatestMaterialization"]
            assert execution is not None and execution["runId"] == latest["runId"], name
            if name == "quarantine_rate":
                assert execution["status"] == "FAILED" and execution["evaluation"]["severity"] == "WARN"
            else:
                assert execution["status"] == "SUCCEEDED", (name, execution)
        assert checks["contracts_linked"]["blocking"] and not checks["source_freshness"]["blocking"]
    finally:
        started = time.monotonic()
        os.kill(ui.pid, signal.SIGTERM)
        try:
            code = ui.wait(timeout=30)
        finally:
            if ui.poll() is None:
                os.killpg(ui.pid, signal.SIGKILL)
    assert code == 0 and time.monotonic() - started < 15
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=3)


def test_an_unchanged_inbox_says_nothing_new(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--home", str(home)]) == 0
    out = capsys.readouterr().out
    assert "Nothing new in the inbox since the last run" in out
    assert "0 new or changed" in out


def test_a_broken_delivery_is_blocked_and_the_previous_warehouse_stays(home: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    broken_home = tmp_path / "home"
    shutil.copytree(home, broken_home)
    told = tmp_path / "notified.txt"
    with open(broken_home / "sources.yaml", "a", encoding="utf-8") as fh:
        fh.write(f"notify:\n  command: sh -c 'cat > {told}; echo \"status=$RADAR_STATUS\" >> {told}'\n")
    live = WarehousePaths(broken_home).live
    before, inode = _counts(live), live.stat().st_ino
    out_before = {p.name: p.stat().st_mtime for p in (broken_home / "out").glob("*.xlsx")}
    _pos_file(broken_home / "inbox" / "distributors" / "westbridge" / "westbridge_newformat.csv", rows=40, bad_dates=40)

    assert main(["run", "--home", str(broken_home)]) == 3
    err = capsys.readouterr().err
    assert "STOPPED by 1 blocking data-quality check: quarantine_rate on source_records" in err
    assert "westbridge" in err and "NOT replaced" in err and str(live) in err
    assert "most in inbox/distributors/westbridge/westbridge_newformat.csv (40 of 40 rows; e.g." in err  # the file
    assert live.stat().st_ino == inode and _counts(live) == before  # the previous warehouse, untouched
    assert {p.name: p.stat().st_mtime for p in (broken_home / "out").glob("*.xlsx")} == out_before
    failure = (broken_home / "out" / "last_failure.md").read_text(encoding="utf-8")
    assert "quarantine_rate" in failure and "NOT replaced" in failure
    gx = json.loads((broken_home / "out" / "quality" / "quarantine_rate.json").read_text(encoding="utf-8"))
    assert gx["success"] is False
    notified = told.read_text(encoding="utf-8")
    assert "quarantine_rate" in notified and "status=failure" in notified
    log = next((broken_home / ".radar" / "logs").glob("run-*.log")).parent
    assert any("quarantine_rate" in p.read_text(encoding="utf-8") for p in log.glob("run-*.log"))

    # the next night, nothing touched: the blocked file is judged again, not published because nothing is new
    assert main(["run", "--home", str(broken_home)]) == 3
    assert "most in inbox/distributors/westbridge/westbridge_newformat.csv (40 of 40 rows" in capsys.readouterr().err
    assert live.stat().st_ino == inode and _counts(live) == before

    # the delivery fixed (the distributor re-sends it readable): the night publishes and the failure note goes
    _pos_file(broken_home / "inbox" / "distributors" / "westbridge" / "westbridge_newformat.csv", rows=40, bad_dates=0)
    assert main(["run", "--home", str(broken_home)]) == 0
    assert not (broken_home / "out" / "last_failure.md").exists()
    assert _counts(live)["source_records"] == before["source_records"] + 40


def test_a_closed_pipe_ends_quietly(home: Path) -> None:
    """`radar opportunities | head`: the reader goes away; no BrokenPipeError, no traceback."""
    proc = subprocess.Popen([sys.executable, "-m", "pipelines.cli", "opportunities", "--home", str(home)], cwd=ROOT,
                            env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before radar writes a line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 141
    assert err == ""
