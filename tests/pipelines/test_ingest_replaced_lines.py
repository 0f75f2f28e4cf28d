"""A file edited in place says which lines of the version it replaces are gone, changed or new."""

from pathlib import Path

import duckdb

from pipelines.stages.context import RunContext
from pipelines.stages.ingest import ingest_inbox

HEADER = "Contract Number,Customer,Serial,Expiry,Amount\n"
LINES = [f"SC-{n},Customer {n} GmbH,SN{n:05d},2027-0{n}-15,{100 * n}.00\n" for n in range(1, 8)]


def _night(home: Path, lines: list[str], logged: list[str]) -> None:
    (home / "inbox" / "tracker.csv").write_text(HEADER + "".join(lines), encoding="utf-8")
    ingest_inbox(RunContext.load(home), log=logged.append)


def _home(home: Path) -> None:
    (home / "inbox").mkdir()
    (home / "sources.yaml").write_text(
        "sources:\n  - name: rep\n    kind: sales_rep\n    path: inbox/tracker.csv\n", encoding="utf-8")


def _warnings(home: Path) -> list[str]:
    with duckdb.connect(str(home / ".radar" / "ingest.duckdb"), read_only=True) as con:
        rows = con.execute("SELECT warnings FROM ingested_files WHERE status = 'loaded'").fetchall()
    return rows[0][0]


def test_a_tracker_edited_in_place_names_the_lines_it_lost_and_changed(tmp_path: Path) -> None:
    _home(tmp_path)
    logged: list[str] = []
    _night(tmp_path, LINES, logged)
    assert not any("replaces" in line for line in logged)
    edited = [*LINES[:2], LINES[2].replace("300.00", "270.00"), *LINES[3:6], "SC-9,Customer 9 AG,SN00009,2027-09-01,900\n"]
    _night(tmp_path, edited, logged)  # line 7 (SC-7) deleted, SC-3 cut by 10 %, SC-9 added
    note = _warnings(tmp_path)[0]
    assert "(7 lines): 1 line no longer in it (row 8: 'SC-7', 700.00)" in note
    assert "1 line changed (row 4: 'SC-3', 300.00 -> 270.00); 1 line new" in note
    assert any(line.startswith("inbox/tracker.csv: this version replaces") for line in logged)
    # the same lines in other bytes (saved again with CRLF line ends) say nothing
    (tmp_path / "inbox" / "tracker.csv").write_bytes((HEADER + "".join(edited)).replace("\n", "\r\n").encode())
    ingest_inbox(RunContext.load(tmp_path))
    assert not any("replaces" in w for w in _warnings(tmp_path))


def test_a_version_with_no_line_left_names_what_it_held(tmp_path: Path) -> None:
    _home(tmp_path)
    logged: list[str] = []
    _night(tmp_path, LINES, logged)
    _night(tmp_path, [], logged)
    with duckdb.connect(str(tmp_path / ".radar" / "ingest.duckdb"), read_only=True) as con:
        status, warnings = con.execute(
            "SELECT status, warnings FROM ingested_files WHERE status <> 'superseded'").fetchall()[0]
        held = con.execute("SELECT count(*) FROM source_records").fetchall()[0][0]
    assert status == "empty" and held == 0
    assert "7 lines no longer in it (row 2: 'SC-1', 100.00; row 3: 'SC-2', 200.00; row 4: 'SC-3', 300.00 " \
           "and 4 more)" in warnings[0]
