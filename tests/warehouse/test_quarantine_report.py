"""The blocking quarantine check names a source's worst file and an example reason, not just the source."""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.quarantine_report import worst_files


def _warehouse(path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE ingested_files (source VARCHAR, path VARCHAR, status VARCHAR, rows_loaded BIGINT, "
                "rows_quarantined BIGINT, run_id VARCHAR)")
    con.execute("""INSERT INTO ingested_files VALUES
        ('westbridge', 'inbox/w/2026-10.csv', 'loaded', 2, 2, 'now'),
        ('westbridge', 'inbox/w/2026-11.csv', 'loaded', 2, 34, 'now'),
        ('westbridge', 'inbox/w/2026-09.csv', 'loaded', 100, 90, 'old'),
        ('summit', 'inbox/s/2026-11.csv', 'loaded', 50, 0, 'now')""")
    con.execute("CREATE TABLE quarantine (source VARCHAR, source_file VARCHAR, source_row BIGINT, reason VARCHAR)")
    con.execute("""INSERT INTO quarantine VALUES
        ('westbridge', 'inbox/w/2026-11.csv', 7, 'inbox/w/2026-11.csv, row 7: field ''amount'': not an amount: ''n.a.'''),
        ('westbridge', 'inbox/w/2026-11.csv', 3, 'inbox/w/2026-11.csv, row 3: required field ''sku'' is empty')""")
    return con


def test_the_worst_file_of_the_run_and_its_first_reason(tmp_path: Path) -> None:
    con = _warehouse(tmp_path / "w.duckdb")
    judged = ["inbox/w/2026-10.csv", "inbox/w/2026-11.csv", "inbox/s/2026-11.csv"]
    assert worst_files(con, judged) == {"westbridge": "most in inbox/w/2026-11.csv (34 of 36 rows; e.g. "
                                                     "inbox/w/2026-11.csv, row 3: required field 'sku' is empty)"}
