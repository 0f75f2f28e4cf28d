"""`radar run` names the files its run read with warnings (a column left unmapped, values left blank), which
only `radar validate` showed: a file whose every amount is blank loaded "10 rows, 0 quarantined" in silence."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.cli.console import table
from pipelines.cli.run_summary import problem_files, source_summary, warned_files


def _warehouse(path: Path) -> Path:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE ingested_files (path VARCHAR, status VARCHAR, warnings VARCHAR[], run_id VARCHAR, "
                "ingested_at TIMESTAMP)")
    con.execute("""INSERT INTO ingested_files VALUES
        ('inbox/a.xlsx', 'loaded', ['inbox/a.xlsx [POS]: column ''Coverage Start'' left unmapped', 'second'],
         'r2', '2026-12-02 01:00'),
        ('inbox/b.csv', 'loaded', [], 'r2', '2026-12-02 01:00'),
        ('inbox/c.csv', 'loaded', ['amount (''Amount''): 2 value(s) left blank'], 'r2', '2026-12-02 01:01'),
        ('inbox/d.csv', 'error', ['not read'], 'r2', '2026-12-02 01:01'),
        ('inbox/old.csv', 'loaded', ['an older night''s warning'], 'r1', '2026-12-01 01:00')""")
    con.close()
    return path


def test_the_files_this_run_read_with_warnings_are_named_with_their_first(tmp_path: Path) -> None:
    lines = warned_files(_warehouse(tmp_path / "warehouse.duckdb"))
    assert lines == ["inbox/a.xlsx [POS]: column 'Coverage Start' left unmapped (+1 more)",
                     "inbox/c.csv: amount ('Amount'): 2 value(s) left blank"]


def test_many_files_are_cut_with_a_count(tmp_path: Path) -> None:
    assert warned_files(_warehouse(tmp_path / "warehouse.duckdb"), limit=1)[-1] == (
        "... and 1 more file (ingested_files.warnings)")


def test_an_empty_delivery_is_named_beside_the_files_that_could_not_be_read(tmp_path: Path) -> None:
    """A distributor's month with no rows was only counted among "dup/empty/error"."""
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    con.execute("CREATE TABLE ingested_files (path VARCHAR, status VARCHAR, error VARCHAR)")
    con.execute("""INSERT INTO ingested_files VALUES ('inbox/w/2026-11.csv', 'empty', NULL),
        ('inbox/w/2026-03 (1).csv', 'duplicate', NULL), ('inbox/x.xlsb', 'error', 'inbox/x.xlsb: damaged')""")
    con.close()
    assert problem_files(tmp_path / "warehouse.duckdb") == [
        "inbox/x.xlsb: damaged", "inbox/w/2026-11.csv: no data rows: an empty delivery; ask the sender to send it again"]


def test_a_night_that_read_no_file_lists_no_warning_again(tmp_path: Path) -> None:
    """An unchanged file's warning (an HTML export read as a workbook) was printed again every night."""
    warehouse = _warehouse(tmp_path / "warehouse.duckdb")
    assert warned_files(warehouse, "r3") == []
    assert warned_files(warehouse, "r1") == ["inbox/old.csv: an older night's warning"]


def test_the_source_table_splits_what_went_wrong_and_shows_only_what_happened(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    con.execute("CREATE TABLE ingested_files (source VARCHAR, path VARCHAR, status VARCHAR, rows_loaded BIGINT, "
                "rows_quarantined BIGINT)")
    con.execute("""INSERT INTO ingested_files VALUES ('westbridge', 'w/1.csv', 'loaded', 1500, 3),
        ('westbridge', 'w/2.csv', 'empty', 0, 0), ('westbridge', 'w/1 (1).csv', 'duplicate', 0, 0),
        ('accounting', 'a.xlsx', 'loaded', 2760, 14), ('accounting', 'old.xlsx', 'superseded', 10, 0)""")
    con.close()
    frame = source_summary(tmp_path / "warehouse.duckdb")
    assert list(frame.columns) == ["source", "files", "loaded", "duplicate", "empty", "rows loaded",
                                   "rows quarantined"]
    text = table(frame)
    assert text.splitlines()[0].split() == ["source", "files", "loaded", "duplicate", "empty", "rows", "loaded",
                                            "rows", "quarantined"]
    assert text.splitlines()[-1].split() == ["total", "4", "2", "1", "1", "4,260", "17"]
    assert text.splitlines()[2].startswith("accounting ")  # names left-aligned, numbers right-aligned
    assert text.splitlines()[2].endswith(" 14")


def test_a_file_named_with_a_tab_or_a_line_break_stays_on_its_line(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    con.execute("CREATE TABLE ingested_files (path VARCHAR, status VARCHAR, error VARCHAR, warnings VARCHAR[], "
                "run_id VARCHAR, ingested_at TIMESTAMP)")
    con.execute("INSERT INTO ingested_files VALUES ('inbox/w/Dec\n2026.csv', 'empty', NULL, [], 'r1', now()), "
                "('inbox/w/a\tb.csv', 'loaded', NULL, ['inbox/w/a\tb.csv: column ''X'' left unmapped'], 'r1', now())")
    con.close()
    warehouse = tmp_path / "warehouse.duckdb"
    assert problem_files(warehouse) == ["inbox/w/Dec\\n2026.csv: no data rows: an empty delivery; ask the sender "
                                        "to send it again"]
    assert warned_files(warehouse, "r1") == ["inbox/w/a\\tb.csv: column 'X' left unmapped"]
