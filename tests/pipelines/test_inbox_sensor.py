"""The inbox sensor, evaluated as the daemon would: a settled new file starts exactly one run, the
same inbox none, a file still being written none until it settles, and none while a run is going."""

import os
import socket
import time
import uuid
from pathlib import Path

import pytest
from dagster import DagsterInstance, DagsterRun, DagsterRunStatus, build_sensor_context

from pipelines.ops_settings import ScheduleSettings
from pipelines.resources import RadarHome
from pipelines.runs import PROCESS_TAG
from pipelines.sensors import build_inbox_sensor
from pipelines.stages.inbox_watch import decode_cursor

QUIET = 60
SOURCES = """\
sources:
  - name: ingram
    kind: distributor
    path: inbox/ingram/*.csv
  - name: crm
    kind: crm_accounts
    path: inbox/crm/*.csv
schedule:
  quiet_seconds: 60
"""
POS = "Invoice Date,Reseller,End User,SKU\n2026-01-05,Acme Resale,Globex Corp,SRV-1\n"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "inbox" / "ingram").mkdir(parents=True)
    (tmp_path / "inbox" / "crm").mkdir(parents=True)
    (tmp_path / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    return tmp_path


def _drop(path: Path, text: str, age_s: float) -> None:
    path.write_text(text, encoding="utf-8")
    stamp = time.time() - age_s
    os.utime(path, (stamp, stamp))


def _tick(home: Path, instance: DagsterInstance, cursor: str | None):
    sensor = build_inbox_sensor(ScheduleSettings(quiet_seconds=QUIET))
    # opened as the daemon does (`with`): RadarHome has a teardown (it releases a run's lock)
    with build_sensor_context(cursor=cursor, instance=instance,
                              resources={"radar": RadarHome(home=str(home))}) as context:
        return sensor.evaluate_tick(context)


def test_a_settled_file_starts_one_run_and_the_same_inbox_none(home: Path) -> None:
    instance = DagsterInstance.ephemeral()
    first = _tick(home, instance, None)
    assert first.run_requests == [] and "no new or changed file" in (first.skip_message or "")
    _drop(home / "inbox" / "ingram" / "jan.csv", POS, age_s=600)
    second = _tick(home, instance, first.cursor)
    assert len(second.run_requests) == 1
    request = second.run_requests[0]
    assert request.run_key and request.tags["radar/trigger"] == "inbox"
    assert "inbox/ingram/jan.csv" in decode_cursor(second.cursor)
    third = _tick(home, instance, second.cursor)
    assert third.run_requests == []
    # touched but not changed: no run either
    os.utime(home / "inbox" / "ingram" / "jan.csv", (time.time() - 300, time.time() - 300))
    assert _tick(home, instance, third.cursor).run_requests == []


def test_a_file_still_being_written_waits_until_it_settles(home: Path) -> None:
    instance = DagsterInstance.ephemeral()
    settled = _tick(home, instance, None).cursor
    growing = home / "inbox" / "crm" / "accounts.csv"
    _drop(growing, "Account ID,Account Name\nA1,Globex", age_s=1)  # half copied, written a second ago
    waiting = _tick(home, instance, settled)
    assert waiting.run_requests == []
    assert "still changing" in (waiting.skip_message or "") and "inbox/crm/accounts.csv" in waiting.skip_message
    assert waiting.cursor == settled  # nothing remembered: the file is looked at again
    _drop(growing, "Account ID,Account Name\nA1,Globex Corp\nA2,Initech\n", age_s=QUIET + 5)
    done = _tick(home, instance, waiting.cursor)
    assert len(done.run_requests) == 1
    # a second file landing later is its own batch, with its own run key
    _drop(home / "inbox" / "ingram" / "feb.csv", POS.replace("2026-01-05", "2026-02-05"), age_s=QUIET + 5)
    later = _tick(home, instance, done.cursor)
    assert len(later.run_requests) == 1 and later.run_requests[0].run_key != done.run_requests[0].run_key


def test_a_file_that_changes_back_runs_again_but_a_redelivery_does_not(home: Path) -> None:
    instance = DagsterInstance.ephemeral()
    path = home / "inbox" / "ingram" / "jan.csv"
    _drop(path, POS, age_s=600)
    a = _tick(home, instance, None)
    _drop(path, POS + "2026-01-06,Acme Resale,Initech,SRV-2\n", age_s=500)
    b = _tick(home, instance, a.cursor)
    _drop(path, POS, age_s=400)
    c = _tick(home, instance, b.cursor)
    keys = [t.run_requests[0].run_key for t in (a, b, c)]
    assert len(set(keys)) == 3
    # deleted and delivered again with the same bytes: the same key as the first delivery (Dagster skips it)
    path.unlink()
    d = _tick(home, instance, c.cursor)
    assert d.run_requests == []
    _drop(path, POS, age_s=300)
    e = _tick(home, instance, d.cursor)
    assert e.run_requests[0].run_key == keys[0]


def _add_run(instance: DagsterInstance, status: DagsterRunStatus, tags: dict[str, str] | None = None) -> DagsterRun:
    run = DagsterRun(job_name="nightly", run_id=str(uuid.uuid4()), status=status, tags=tags or {})
    instance.add_run(run)
    return run


def test_no_run_while_one_is_in_progress_and_a_dead_cli_run_does_not_count(home: Path) -> None:
    instance = DagsterInstance.ephemeral()
    _drop(home / "inbox" / "ingram" / "jan.csv", POS, age_s=600)
    busy = _add_run(instance, DagsterRunStatus.STARTED)
    tick = _tick(home, instance, None)
    assert tick.run_requests == [] and busy.run_id[:8] in (tick.skip_message or "")
    assert tick.cursor is None  # the batch is not forgotten: it runs after the one in progress
    instance.report_run_failed(busy)
    # a `radar run` killed with SIGKILL leaves a run "started" forever; its process is gone
    dead = os.fork()
    if dead == 0:
        os._exit(0)
    os.waitpid(dead, 0)
    _add_run(instance, DagsterRunStatus.STARTED, {PROCESS_TAG: f"{socket.gethostname()}:{dead}"})
    assert len(_tick(home, instance, None).run_requests) == 1


def test_a_file_the_ingest_store_already_holds_starts_no_run(home: Path, tmp_path: Path) -> None:
    import duckdb

    from pipelines.stages.inbox_watch import watch_inbox
    from sources.config import SourceConfig
    from sources.inbox import sha256_of

    path = home / "inbox" / "ingram" / "jan.csv"
    _drop(path, POS, age_s=600)
    store = tmp_path / "ingest.duckdb"
    con = duckdb.connect(str(store))
    con.execute("CREATE TABLE ingested_files (path VARCHAR, sha256 VARCHAR, status VARCHAR)")
    con.execute("INSERT INTO ingested_files VALUES (?, ?, 'loaded')", ["inbox/ingram/jan.csv", sha256_of(path)])
    con.close()
    sources = [SourceConfig(name="ingram", kind="distributor", path="inbox/ingram/*.csv")]
    decision = watch_inbox(home, sources, None, time.time(), QUIET, store)
    assert decision.batch == [] and "inbox/ingram/jan.csv" in decision.cursor
    assert watch_inbox(home, sources, None, time.time(), QUIET, None).batch == ["inbox/ingram/jan.csv"]


def test_the_cursor_is_compact_and_reads_back() -> None:
    from pipelines.stages.inbox_watch import Seen, encode_cursor

    seen = {f"inbox/ingram/file_{i:04d}.csv": Seen(1000 + i, 1_796_000_000.5 + i, f"{i:064x}") for i in range(500)}
    text = encode_cursor(seen)
    assert "\n" not in text and len(text) < 0.6 * len(str(seen))
    assert decode_cursor(text) == seen
    assert decode_cursor('{"a.csv": [1, 2.0, "ff"]}') == {"a.csv": Seen(1, 2.0, "ff")}  # plain JSON still reads
    assert decode_cursor("zjson:not base64!") == {} and decode_cursor(None) == {}
