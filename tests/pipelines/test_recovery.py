"""Honest words and a clean start after a failure: leftovers of killed runs removed, a corrupt
warehouse or ingest store (random bytes written over it here) moved aside with advice, links out
of the home reported as files not read, and the state after an interruption told as it is."""

import datetime as dt
import os
from pathlib import Path

import duckdb

from pipelines.cli.outcome import interrupted_state, snapshot, was_published
from pipelines.stages.context import RunContext
from pipelines.stages.home_guard import guarded_run
from pipelines.stages.ingest import ingest_inbox
from warehouse.ingest_store import open_ingest
from warehouse.recovery import database_problem, recover_databases, remove_leftovers

SOURCES_YAML = """\
sources:
  - name: pos
    kind: distributor
    path: inbox/pos/*.csv
"""
CSV = "Invoice Date,Reseller,End User,SKU,Qty\n2026-01-05,Acme,Foo Ltd,AB-1,2\n2026-01-06,Acme,Bar Inc,AB-2,1\n"


def _home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    (home / "inbox" / "pos").mkdir(parents=True)
    (home / "inbox" / "pos" / "jan.csv").write_text(CSV, encoding="utf-8")
    (home / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    return home


def _warehouse(path: Path, built: dt.datetime) -> Path:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE build_info AS SELECT DATE '2026-03-01' AS as_of_date, ?::TIMESTAMP AS built_at", [built])
    con.execute("CREATE TABLE customers AS SELECT range AS id, 'c' || range AS name FROM range(50000)")
    con.close()
    return path


def _scribble(path: Path, offset: int = 0) -> None:
    """Random bytes over a file from `offset` to its end."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(os.urandom(size - offset))


def test_leftovers_of_killed_runs_are_removed(tmp_path: Path) -> None:
    home = _home(tmp_path)
    staging = home / "out" / ".reports-staging-abc123"
    (staging / "workbooks").mkdir(parents=True)
    (staging / "renewal_opportunities.xlsx").write_bytes(b"half")
    (home / "out" / "parquet").mkdir(parents=True)
    (home / "out" / "parquet" / ".customers.parquet.partial").write_bytes(b"half")
    (home / "out" / "parquet" / "customers.parquet").write_bytes(b"kept")
    (home / ".radar" / "ingest.duckdb.tmp").mkdir(parents=True)  # DuckDB's spill directory
    (home / ".radar" / "warehouse.building.duckdb").write_bytes(b"a build a re-execution may continue")
    removed = remove_leftovers(home)
    assert sorted(removed) == [".radar/ingest.duckdb.tmp", "out/.reports-staging-abc123",
                               "out/parquet/.customers.parquet.partial"]
    assert (home / ".radar" / "warehouse.building.duckdb").exists()  # the next full run starts a fresh one
    assert not staging.exists() and (home / "out" / "parquet" / "customers.parquet").read_bytes() == b"kept"
    said: list[str] = []
    (staging / "x").mkdir(parents=True)
    with guarded_run(home, 0, said.append):
        pass
    assert said == ["removed 1 file(s) a killed run left half-written: out/.reports-staging-abc123"]


def test_a_corrupt_warehouse_is_moved_aside_with_advice(tmp_path: Path) -> None:
    home = _home(tmp_path)
    live = _warehouse(home / "warehouse.duckdb", dt.datetime(2026, 3, 1, 2))
    _scribble(live)
    said: list[str] = []
    with guarded_run(home, 0, said.append):
        assert not live.exists()
    moved = list(home.glob("warehouse.corrupt-*.duckdb"))
    assert len(moved) == 1 and moved[0].stat().st_size > 0
    assert len(said) == 1 and "warehouse.duckdb could not be read (IO Error" in said[0]
    assert f"moved to {moved[0].name}" in said[0] and "rebuilds the warehouse from the ingest store" in said[0]


def test_a_damaged_block_inside_a_readable_file_is_found(tmp_path: Path) -> None:
    live = _warehouse(tmp_path / "warehouse.duckdb", dt.datetime(2026, 3, 1, 2))
    assert database_problem(live) is None
    _scribble(live, offset=3 * 4096)  # the file headers are kept: it opens, but its blocks are damaged
    problem = database_problem(live)
    assert problem is not None and ("checksum" in problem.lower() or "corrupt" in problem.lower())


def test_a_warehouse_held_open_by_a_writer_is_in_use_not_corrupt(tmp_path: Path) -> None:
    live = _warehouse(tmp_path / "warehouse.duckdb", dt.datetime(2026, 3, 1, 2))
    import subprocess
    import sys
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(60)", str(live)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        assert recover_databases(live, tmp_path / "ingest.duckdb") == []
    finally:
        holder.kill()
        holder.wait()
    assert live.exists()


def test_a_corrupt_ingest_store_is_moved_aside_and_the_inbox_read_again(tmp_path: Path) -> None:
    home = _home(tmp_path)
    run = RunContext.load(home, dt.date(2026, 3, 1), "run-1")
    assert [r.rows_loaded for r in ingest_inbox(run)] == [2]
    _scribble(run.paths.ingest)
    said: list[str] = []
    with guarded_run(home, 0, said.append):
        results = ingest_inbox(run)
    assert [(r.action, r.rows_loaded) for r in results] == [("read", 2)]  # read again from the inbox
    assert len(list((home / ".radar").glob("ingest.corrupt-*.duckdb"))) == 1
    assert "the ingest store .radar/ingest.duckdb could not be read" in said[0]
    assert "reads every inbox file again" in said[0] and "put back in the inbox" in said[0]


def test_a_link_out_of_the_home_is_reported_not_skipped_silently(tmp_path: Path) -> None:
    home = _home(tmp_path)
    secret = tmp_path / "elsewhere" / "payroll.csv"
    secret.parent.mkdir()
    secret.write_text(CSV, encoding="utf-8")
    (home / "inbox" / "pos" / "feb.csv").symlink_to(secret)
    run = RunContext.load(home, dt.date(2026, 3, 1), "run-1")
    results = {r.path: r for r in ingest_inbox(run)}
    link = results["inbox/pos/feb.csv"]
    assert link.status == "error" and link.rows_loaded == 0
    assert link.error == (f"inbox/pos/feb.csv: not read: it is a link to {secret}, outside the home; "
                          "copy the file into the inbox to load it")
    again = {r.path: r for r in ingest_inbox(run)}["inbox/pos/feb.csv"]  # reported on every run, stored once
    assert (again.action, again.status) == ("skip", "error")
    con = open_ingest(run.paths.ingest)
    rows = con.execute("SELECT status, error FROM ingested_files WHERE path = 'inbox/pos/feb.csv'").fetchall()
    loaded = con.execute("SELECT count(*) FROM source_records").fetchall()[0][0]
    con.close()
    assert rows == [("error", link.error)] and loaded == 2  # only jan.csv's rows


def test_a_link_to_nothing_is_reported_not_skipped_silently(tmp_path: Path) -> None:
    home = _home(tmp_path)
    gone = home / "inbox" / "pos" / "moved-away.csv"
    (home / "inbox" / "pos" / "mar.csv").symlink_to(gone)
    run = RunContext.load(home, dt.date(2026, 3, 1), "run-1")
    link = {r.path: r for r in ingest_inbox(run)}["inbox/pos/mar.csv"]
    assert link.status == "error" and link.rows_loaded == 0
    assert link.error == (f"inbox/pos/mar.csv: not read: it is a link to {gone.resolve()}, which does not exist; "
                          "copy the file into the inbox to load it")


def test_an_interruption_tells_whether_the_new_warehouse_was_published(tmp_path: Path) -> None:
    home = _home(tmp_path)
    live = _warehouse(home / "warehouse.duckdb", dt.datetime(2026, 3, 1, 2))
    before = snapshot(live)
    assert before is not None and not was_published(before, snapshot(live))
    assert "The warehouse was NOT replaced" in interrupted_state(home, before)
    live.unlink()
    _warehouse(live, dt.datetime(2026, 3, 2, 2))  # a build swapped in before the interruption
    assert was_published(before, snapshot(live))
    text = interrupted_state(home, before)
    assert "The new warehouse WAS published before the interruption" in text and "out/ may be partly" in text
    assert "this home has none yet" in interrupted_state(home / "nowhere", None)


def test_an_impossible_as_of_is_a_config_error_not_a_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys
    home = _home(tmp_path)
    (home / "sources.yaml").write_text("as_of: 2026-13-45\n" + SOURCES_YAML, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "RADAR_HOME")}
    done = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", "--home", str(home)], env=env,
                          cwd=Path(__file__).parents[2], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "key 'as_of': Input should be a valid date" in done.stderr and "month value is outside" in done.stderr
    assert not (home / ".radar").exists()  # nothing was written


def test_an_interrupted_run_is_told_as_interrupted_not_failed(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from pipelines.cli.outcome import failure_paragraph
    from pipelines.cli.progress import RunEvents

    home = _home(tmp_path)
    before = snapshot(_warehouse(home / "warehouse.duckdb", dt.datetime(2026, 3, 1, 2)))
    events = RunEvents(succeeded=[])
    events.failed["inbox_files"] = SimpleNamespace(
        message="Execution was interrupted", cause=SimpleNamespace(
            message="dagster._core.errors.DagsterExecutionInterruptedError", cause=None))
    subject, text = failure_paragraph(home, events, before, before, tmp_path / "run.log")
    assert subject == "radar run interrupted at Reading the inbox"
    assert text.startswith("The nightly run was INTERRUPTED (Ctrl-C or SIGTERM) during the stage 'Reading the inbox'")
    assert "The warehouse was NOT replaced" in text


def test_yaml_tags_are_refused_before_anything_runs(tmp_path: Path) -> None:
    from pipelines.config import ConfigError, load_config

    home = _home(tmp_path)
    marker = tmp_path / "pwned"
    (home / "sources.yaml").write_text(f'as_of: !!python/object/apply:os.system ["touch {marker}"]\n'
                                       + SOURCES_YAML, encoding="utf-8")
    try:
        load_config(home)
        raise AssertionError("a python tag was accepted")
    except ConfigError as exc:
        assert "not valid YAML" in str(exc) and "python/object/apply" in str(exc)
    assert not marker.exists()
