"""The ingest store: unchanged files skipped, copies marked duplicate, new versions supersede."""

import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from warehouse.ingest_store import Candidate, open_ingest, plan, record_file


def _records(path: str, n: int) -> pa.Table:
    return pa.table({
        "source": ["s"] * n, "source_file": [path] * n, "source_sheet": pa.array([None] * n, pa.string()),
        "source_row": list(range(2, n + 2)), "kind": ["distributor"] * n, "customer_name": [f"C{i}" for i in range(n)],
    })


def _file(path: str, sha: str, status: str = "loaded", n: int = 0) -> dict:
    return {"source": "s", "path": path, "sha256": sha, "status": status, "fingerprint": "f1", "rows_loaded": n}


@pytest.fixture
def con(tmp_path: Path):
    c = open_ingest(tmp_path / "state" / "ingest.duckdb")
    yield c
    c.close()


def test_unchanged_file_is_skipped_and_copy_is_duplicate(con) -> None:
    record_file(con, _file("a.csv", "h1", n=3), _records("a.csv", 3))
    decisions = plan(con, [Candidate("s", "a.csv", "h1", "f1"), Candidate("s", "copy of a.csv", "h1", "f1"),
                           Candidate("s", "b.csv", "h2", "f1")])
    assert decisions == {"a.csv": ("skip", None), "copy of a.csv": ("duplicate", "a.csv"), "b.csv": ("read", None)}


def test_a_duplicate_of_a_file_that_failed_is_read_the_next_night(con) -> None:
    """"pos_may.xls" holds an xlsx and fails ("rename it"); "pos_may.xlsx", its bytes, was planned a
    duplicate of it the same night: the next night it is read, since no loaded file holds them."""
    night = [Candidate("s", "pos_may.xls", "h1", "f1"), Candidate("s", "pos_may.xlsx", "h1", "f1")]
    assert plan(con, night) == {"pos_may.xls": ("read", None), "pos_may.xlsx": ("duplicate", "pos_may.xls")}
    record_file(con, {**_file("pos_may.xls", "h1", status="error"), "error": "pos_may.xls: rename it to .xlsx"})
    record_file(con, {**_file("pos_may.xlsx", "h1", status="duplicate"), "duplicate_of": "pos_may.xls"})
    assert plan(con, night) == {"pos_may.xls": ("skip", None), "pos_may.xlsx": ("read", None)}
    # a duplicate of a loaded file stays done with
    record_file(con, _file("a.csv", "h2", n=1), _records("a.csv", 1))
    record_file(con, {**_file("copy.csv", "h2", status="duplicate"), "duplicate_of": "a.csv"})
    assert plan(con, [Candidate("s", "copy.csv", "h2", "f1")]) == {"copy.csv": ("skip", None)}


def test_a_file_with_no_line_is_no_original_of_another(con) -> None:
    """Two distributors' header-only months have the same bytes: the second was "a copy of" the first's file."""
    record_file(con, _file("westbridge/nov.csv", "h0", status="empty"))
    assert plan(con, [Candidate("s", "westbridge/nov.csv", "h0", "f1"), Candidate("s", "other/nov.csv", "h0", "f1")]
                ) == {"westbridge/nov.csv": ("skip", None), "other/nov.csv": ("read", None)}


def test_changed_settings_fingerprint_reads_again(con) -> None:
    record_file(con, _file("a.csv", "h1", n=1), _records("a.csv", 1))
    assert plan(con, [Candidate("s", "a.csv", "h1", "f2")]) == {"a.csv": ("read", None)}


def test_new_version_of_a_path_supersedes_old_rows(con) -> None:
    record_file(con, _file("a.csv", "h1", n=3), _records("a.csv", 3))
    record_file(con, _file("a.csv", "h2", n=2), _records("a.csv", 2))
    assert con.execute("SELECT count(*) FROM source_records").fetchall() == [(2,)]
    statuses = con.execute("SELECT sha256, status FROM ingested_files ORDER BY sha256").fetchall()
    assert statuses == [("h1", "superseded"), ("h2", "loaded")]
    # record ids are stable for the same file/sheet/row
    ids = {r for (r,) in con.execute("SELECT record_id FROM source_records").fetchall()}
    assert len(ids) == 2


def test_error_version_keeps_the_last_good_rows(con) -> None:
    record_file(con, _file("a.csv", "h1", n=3), _records("a.csv", 3))
    record_file(con, {**_file("a.csv", "h2", status="error"), "error": "a.csv: truncated"})
    assert con.execute("SELECT count(*) FROM source_records").fetchall() == [(3,)]
    assert plan(con, [Candidate("s", "a.csv", "h2", "f1")]) == {"a.csv": ("skip", None)}


def test_failed_insert_rolls_back_the_whole_file(con) -> None:
    bad = pa.table({"source_row": ["not a number"]})
    with pytest.raises(duckdb.Error):
        record_file(con, _file("a.csv", "h1", n=1), bad)
    assert con.execute("SELECT count(*) FROM ingested_files").fetchall() == [(0,)]


def _current(con) -> list[tuple[str, str]]:
    return con.execute("SELECT sha256, status FROM ingested_files WHERE status <> 'superseded' ORDER BY sha256").fetchall()


def test_needs_mapping_keeps_the_last_good_rows_until_a_version_loads(con) -> None:
    record_file(con, _file("a.csv", "h1", n=3), _records("a.csv", 3))
    # a new export with a renamed column: nothing read, the old rows and their row stay
    record_file(con, {**_file("a.csv", "h2", status="needs_mapping"), "error": "a.csv: required field ..."})
    assert con.execute("SELECT count(*) FROM source_records").fetchall() == [(3,)]
    assert _current(con) == [("h1", "loaded"), ("h2", "needs_mapping")]
    assert plan(con, [Candidate("s", "a.csv", "h2", "f1")]) == {"a.csv": ("skip", None)}
    # columns: added (another fingerprint): read again, loaded, and the path has one current row
    assert plan(con, [Candidate("s", "a.csv", "h2", "f2")]) == {"a.csv": ("read", None)}
    record_file(con, {**_file("a.csv", "h2", n=4), "fingerprint": "f2"}, _records("a.csv", 4))
    assert con.execute("SELECT count(*) FROM source_records").fetchall() == [(4,)]
    assert _current(con) == [("h2", "loaded")]


def test_a_partly_read_version_replaces_the_rows(con) -> None:
    record_file(con, _file("a.xlsx", "h1", n=3), _records("a.xlsx", 3))
    # one sheet read (2 rows), another needs a mapping: the new version's rows replace the old version's
    record_file(con, _file("a.xlsx", "h2", status="needs_mapping", n=2), _records("a.xlsx", 2))
    assert con.execute("SELECT count(*) FROM source_records").fetchall() == [(2,)]
    assert _current(con) == [("h2", "needs_mapping")]


def test_a_path_has_one_current_row_after_repeated_failures(con) -> None:
    record_file(con, {**_file("a.csv", "h1", status="error"), "error": "truncated"})
    record_file(con, {**_file("a.csv", "h2", status="needs_mapping"), "error": "required field ..."})
    assert _current(con) == [("h2", "needs_mapping")]


def test_a_store_made_before_the_contact_fields_gains_their_columns(tmp_path: Path) -> None:
    path = tmp_path / "ingest.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE source_records (record_id VARCHAR, sha256 VARCHAR, source VARCHAR, "
                "source_file VARCHAR, source_sheet VARCHAR, source_row BIGINT, kind VARCHAR, rep VARCHAR)")
    con.close()
    con = open_ingest(path)
    try:
        columns = {c for (c,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'source_records'").fetchall()}
    finally:
        con.close()
    assert {"contact_name", "contact_email", "contact_phone", "rep_account"} <= columns


def test_a_store_made_before_the_channel_fields_gains_their_columns(tmp_path: Path) -> None:
    path = tmp_path / "ingest.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE source_records (record_id VARCHAR, sha256 VARCHAR, source VARCHAR, "
                "source_file VARCHAR, source_sheet VARCHAR, source_row BIGINT, kind VARCHAR, rep VARCHAR)")
    con.execute("INSERT INTO source_records VALUES ('r1', 'h', 's', 'f.csv', NULL, 2, 'crm_contracts', 'Ann')")
    con.close()
    con = open_ingest(path)
    try:
        types = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() "
                                 "WHERE table_name = 'source_records'").fetchall())
        kept = con.execute("SELECT rep, service_provider, split_percent FROM source_records").fetchall()
    finally:
        con.close()
    assert types["service_provider"] == "VARCHAR" and types["split_percent"] == "DOUBLE"
    assert types["fixed_fee"] == "DECIMAL(18,2)" and types["valid_from"] == "DATE"
    assert types["certified_staff"] == "BIGINT" and kept == [("Ann", None, None)]


#: a reading process that records files and dies without closing the store (as a killed run would)
_DIES_AFTER_RECORDING = """
import os, sys
sys.path[:0] = [sys.argv[2]]
from tests.warehouse.test_ingest_store import _file, _records
from warehouse.ingest_store import open_ingest, record_file
con = open_ingest(__import__("pathlib").Path(sys.argv[1]))
for i in range(40):
    record_file(con, _file(f"f{i}.csv", f"h{i}", n=500), _records(f"f{i}.csv", 500))
os._exit(0)
"""


def test_files_committed_before_a_crash_are_in_the_store_when_it_opens_again(tmp_path: Path) -> None:
    # until a commit checkpoints the store (past 16 MiB of WAL) a file's rows live in the WAL only, and the
    # store must open from it (on DuckDB 1.4.0 it did not while the WAL still held the CREATE TABLEs)
    path = tmp_path / "state" / "ingest.duckdb"
    root = Path(__file__).parents[2]
    subprocess.run([sys.executable, "-c", _DIES_AFTER_RECORDING, str(path), str(root)], check=True, cwd=root)
    assert Path(f"{path}.wal").stat().st_size > 0  # nothing was checkpointed on the way out
    con = open_ingest(path)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT source_file) FROM source_records").fetchall() == [(20_000, 40)]
        assert con.execute("SELECT count(*) FROM ingested_files WHERE status = 'loaded'").fetchall() == [(40,)]
    finally:
        con.close()


def test_a_new_store_is_written_in_the_oldest_format_the_project_reads(tmp_path: Path) -> None:
    # DuckDB 2.x writes its own format (version 999) unless told: DuckDB 1.4, which pyproject.toml allows
    # too, would take such a store for a damaged one and read the whole inbox again
    con = open_ingest(tmp_path / "ingest.duckdb")
    con.close()
    header = (tmp_path / "ingest.duckdb").read_bytes()[8:20]
    assert header[:4] == b"DUCK" and int.from_bytes(header[4:], "little") <= 67  # v1.4.0's storage
    again = open_ingest(tmp_path / "ingest.duckdb")  # an existing store is opened as it is
    assert again.execute("SELECT count(*) FROM ingested_files").fetchall() == [(0,)]
