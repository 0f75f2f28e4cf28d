"""bench.ingest: the reading stage alone on a home's inbox, what it read and what it cost."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from bench.ingest import measure
from demo import generate_demo_world


def test_the_reading_stage_alone_reads_the_whole_inbox_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    generate_demo_world(home, scale=0.05, seed=3)
    got = measure(home)
    con = duckdb.connect(str(home / ".radar" / "ingest.duckdb"), read_only=True)
    try:
        stored = con.execute("SELECT count(*) FROM source_records").fetchone()[0]
        files = con.execute("SELECT count(*) FROM ingested_files").fetchone()[0]
    finally:
        con.close()
    assert got["rows_loaded"] == stored > 0 and got["files"] == files > 10
    assert got["failed"] == 0 and got["workers"] == "read in this process"  # a small inbox: no workers
    assert got["seconds"] > 0 and got["main_peak_rss_mib"] > 50
    with pytest.raises(SystemExit, match="has been read before"):
        measure(home)
