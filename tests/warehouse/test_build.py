"""Atomic builds: the live warehouse is only ever replaced whole, in an old-client storage format."""

import subprocess
import sys
from pathlib import Path

import duckdb

from warehouse.build import WarehousePaths, connect_building, publish, start_build
from warehouse.comments import apply_comments, uncommented


def _build(paths: WarehousePaths, rows: int, version: str | None = "v1.4.0") -> None:
    start_build(paths, version)
    con = connect_building(paths)
    con.execute(f"CREATE TABLE source_records AS SELECT range AS source_row FROM range({rows})")
    con.close()
    publish(paths)


def _count(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM source_records").fetchall()[0][0]
    finally:
        con.close()


def test_publish_replaces_live_file_and_old_readers_keep_their_snapshot(tmp_path: Path) -> None:
    paths = WarehousePaths(tmp_path)
    _build(paths, 5)
    reader = duckdb.connect(str(paths.live), read_only=True)
    _build(paths, 7)  # an analyst holding the file open does not block the nightly swap
    assert reader.execute("SELECT count(*) FROM source_records").fetchall() == [(5,)]
    reader.close()
    assert _count(paths.live) == 7
    assert not paths.building.exists()


def test_storage_version_is_readable_by_1x_clients(tmp_path: Path) -> None:
    paths = WarehousePaths(tmp_path)
    _build(paths, 3, "v1.4.0")
    con = duckdb.connect(str(paths.live), read_only=True)
    [(version,)] = con.execute(
        "SELECT tags['storage_version'] FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()
    con.close()
    assert version.startswith("v1."), version  # DuckDB 2.0 default would be v2.0.0+
    header = paths.live.read_bytes()[:64]
    assert b"DUCK" in header


def test_stale_wal_beside_the_live_file_is_removed_on_publish(tmp_path: Path) -> None:
    paths = WarehousePaths(tmp_path)
    _build(paths, 2)
    Path(f"{paths.live}.wal").write_bytes(b"garbage from a crashed writer")
    _build(paths, 4)
    assert _count(paths.live) == 4


def test_unfinished_build_never_replaces_the_live_file(tmp_path: Path) -> None:
    paths = WarehousePaths(tmp_path)
    _build(paths, 5)
    start_build(paths, "v1.4.0")
    con = connect_building(paths)
    con.execute("CREATE TABLE source_records AS SELECT 1 AS source_row")
    con.close()  # the run dies here: no publish
    assert _count(paths.live) == 5
    start_build(paths, "v1.4.0")  # the next run throws the stale build away
    assert _count(paths.live) == 5


def test_killed_build_leaves_the_last_good_warehouse(tmp_path: Path) -> None:
    paths = WarehousePaths(tmp_path)
    _build(paths, 5)
    script = (
        "import os, signal\n"
        "from pathlib import Path\n"
        "from warehouse.build import WarehousePaths, start_build, connect_building\n"
        f"p = WarehousePaths(Path({str(tmp_path)!r}))\n"
        "start_build(p, 'v1.4.0')\n"
        "con = connect_building(p)\n"
        "con.execute('CREATE TABLE source_records AS SELECT range AS source_row FROM range(100000)')\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[2], check=False)
    assert proc.returncode == -9
    assert _count(paths.live) == 5


def test_every_documented_column_gets_a_comment(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("CREATE TABLE quarantine (source VARCHAR, source_file VARCHAR, source_sheet VARCHAR, "
                "source_row BIGINT, reason VARCHAR, raw JSON, field VARCHAR, sha256 VARCHAR)")
    con.execute("CREATE TABLE scratch (x INT)")
    apply_comments(con)
    assert uncommented(con, ["quarantine"]) == []
    assert uncommented(con, ["scratch"]) == ["scratch.x", "scratch"]
