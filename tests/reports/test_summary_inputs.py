"""out/run_summary.md says what the warehouse was built from: someone reading it in the morning could not
tell whether last night's inputs were complete (an empty distributor month, a file that failed)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from reports.steps import REPORT_INPUTS, REPORTS_SQL
from reports.summary import INPUTS_HEADING, inputs_section


def test_the_inputs_section_counts_files_by_status_and_lists_those_to_look_at(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    con.execute("CREATE TABLE ingested_files (source VARCHAR, path VARCHAR, status VARCHAR, rows_loaded BIGINT, "
                "rows_quarantined BIGINT, error VARCHAR)")
    con.execute("""INSERT INTO ingested_files VALUES
        ('w', 'inbox/w/2026-10.csv', 'loaded', 1500, 3, NULL),
        ('w', 'inbox/w/2026-09.csv', 'loaded', 1200, 0, NULL),
        ('w', 'inbox/w/2026-11.csv', 'empty', 0, 0, NULL),
        ('w', 'inbox/w/2026-10 (1).csv', 'duplicate', 0, 0, NULL),
        ('a', 'inbox/a/old.xlsx', 'superseded', 99, 0, NULL),
        ('a', 'inbox/a/bad.xlsx', 'error', 0, 0, 'inbox/a/bad.xlsx: not a workbook (it is a PDF)'),
        ('c', 'inbox/c/x.csv', 'needs_mapping', 0, 0, 'no column for contract_number')""")
    lines = inputs_section(REPORTS_SQL.query(con, REPORT_INPUTS))
    assert lines[1] == INPUTS_HEADING
    assert lines[3] == ("6 inbox files: 2 loaded (2,700 rows, 3 quarantined), 1 duplicate of another, 1 empty, "
                        "1 could not be read, 1 waiting for a `columns:` mapping.")
    listed = [line for line in lines if line.startswith("- ")]
    assert listed == [
        "- inbox/a/bad.xlsx: could not be read: not a workbook (it is a PDF)",
        "- inbox/w/2026-11.csv: no data rows: an empty delivery; ask the sender to send it again",
        "- inbox/c/x.csv: a required field has no column: `radar validate` shows the block to add to sources.yaml",
    ]


def test_a_night_of_clean_files_lists_nothing_to_look_at(tmp_path: Path) -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE ingested_files (path VARCHAR, status VARCHAR, rows_loaded BIGINT, "
                "rows_quarantined BIGINT, error VARCHAR)")
    con.execute("INSERT INTO ingested_files VALUES ('inbox/a.csv', 'loaded', 1, 0, NULL)")
    lines = inputs_section(REPORTS_SQL.query(con, REPORT_INPUTS))
    assert lines[3] == "1 inbox file: 1 loaded (1 row, 0 quarantined)." and "To look at:" not in lines
