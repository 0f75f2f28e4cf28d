"""Incremental nights through the real Dagster job: a night whose inputs did not change starts from a
copy of the last warehouse, keeps out/, and equals the warehouse `radar run --full` builds (table by
table); a new as-of date copies the resolution and the contract tables, dates the contracts and
rebuilds what follows; a new
override rebuilds what reads it; a saved review workbook or a missing output is a change."""

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from demo import generate_demo_world
from pipelines.cli import run_nightly
from pipelines.stages.memo import MEMOS
from warehouse.table_compare import compare, table_hashes

LATER = dt.datetime(2100, 1, 1)  # compare the history tables whole: both builds carry the same past


def _reused(home: Path) -> dict[str, bool]:
    con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    try:
        return dict(con.execute("SELECT stage, reused FROM stage_fingerprints").fetchall())
    finally:
        con.close()


def _night_both_ways(home: Path, tmp_path: Path, as_of: dt.date | None = None) -> tuple[dict[str, bool], list[str]]:
    """Run one night incrementally, then the same night again with --full from the same last
    warehouse: which stages the incremental night reused, and the tables that differ."""
    live = home / "warehouse.duckdb"
    before, incremental = tmp_path / "before.duckdb", tmp_path / "incremental.duckdb"
    shutil.copyfile(live, before)
    assert run_nightly(home, as_of, quiet=True)
    reused = _reused(home)
    shutil.copyfile(live, incremental)
    shutil.copyfile(before, live)  # the same last warehouse: the changes since it are judged alike
    assert run_nightly(home, as_of, quiet=True, full=True)
    assert not any(_reused(home).values())
    differ, lost = compare(table_hashes(incremental, cutoff=LATER), table_hashes(live, cutoff=LATER))
    assert lost == 0
    # data_quality records each night's own checks (with their run ids): only the earlier rows must agree
    return reused, [t for t in differ if t != "data_quality"]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("incremental") / "home"
    generate_demo_world(home, scale=0.05, seed=5)
    assert run_nightly(home, quiet=True)
    assert not any(_reused(home).values())  # the first night computes everything
    # the second compares its opportunities with the first's (a first night marks none new): not a copy
    assert run_nightly(home, quiet=True)
    assert not _reused(home)["night"]
    return home


def _written(home: Path) -> dict[str, int]:
    """out/'s files and their modification times (ns), less the checks' reports (out/quality: the
    freshness check looks at the calendar, so it runs every night)."""
    out = home / "out"
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*")
            if p.is_file() and p.relative_to(out).parts[0] != "quality"}


def test_an_unchanged_night_reuses_every_stage_and_equals_a_full_build(home: Path, tmp_path: Path) -> None:
    reused, differ = _night_both_ways(home, tmp_path)
    assert reused["night"] and set(MEMOS) <= {s for s, r in reused.items() if r}
    assert differ == []


def test_an_unchanged_night_writes_no_output_again_unless_one_is_missing(home: Path) -> None:
    assert run_nightly(home, quiet=True)
    before = _written(home)
    assert run_nightly(home, quiet=True)
    assert _reused(home)["night"]
    assert _written(home) == before  # nothing in out/ was written again
    (home / "out" / "crm_import.csv").unlink()
    assert run_nightly(home, quiet=True)
    assert _reused(home)["night"]  # the tables are still the last night's ...
    assert (home / "out" / "crm_import.csv").is_file()  # ... but out/ was written again, whole
    after = _written(home)
    assert after["crm_import.csv"] > before["crm_import.csv"] and after["run_summary.md"] > before["run_summary.md"]
    # except the workbooks: from the same inputs, last night's untouched files are carried over
    books = [f for f in before if f.endswith(".xlsx") and f != "match_review.xlsx" and not f.startswith("channel/")]
    assert len(books) > 3 and all(after[f] == before[f] for f in books)


def test_a_review_workbook_saved_since_the_last_night_is_a_change(home: Path) -> None:
    import openpyxl

    assert run_nightly(home, quiet=True)
    review = home / "out" / "match_review.xlsx"
    book = openpyxl.load_workbook(review)
    book.save(review)  # opened and saved by a reviewer: its marks must be read
    assert run_nightly(home, quiet=True)
    assert not _reused(home)["night"]


def _statuses(home: Path) -> dict[str, str]:
    con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    try:
        return dict(con.execute("SELECT contract_id, status FROM contracts").fetchall())
    finally:
        con.close()


def test_a_new_as_of_date_dates_the_reused_contracts_and_equals_a_full_build(home: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    day = con.execute("SELECT as_of_date FROM build_info").fetchall()[0][0] + dt.timedelta(days=400)
    con.close()
    before = _statuses(home)
    reused, differ = _night_both_ways(home, tmp_path, day)
    # the contract tables depend on no date: copied, then their statuses and owners set as of the new date
    assert reused["customers"] and reused["partners"] and reused["assets"] and reused["products"]
    assert reused["contracts"]
    assert differ == []  # the same tables as --full builds on that date, statuses and renewal owners too
    after = _statuses(home)
    moved = {c for c in before if before[c] != after[c]}
    assert len(moved) > 5 and {after[c] for c in moved} <= {"expired", "expiring"}


def test_a_new_alias_resolves_again(home: Path) -> None:
    aliases = home / "overrides" / "aliases.csv"
    aliases.parent.mkdir(parents=True, exist_ok=True)
    aliases.write_text("name,canonical\nNorthwind Mfg,Northwind Manufacturing Inc\n", encoding="utf-8")
    assert run_nightly(home, quiet=True)
    reused = _reused(home)
    assert not reused["customers"] and not reused["partners"]
    assert reused["products"]  # it reads no alias


def test_checks_of_unchanged_tables_replay_their_findings_on_a_new_date(home: Path) -> None:
    con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    day = con.execute("SELECT as_of_date FROM build_info").fetchall()[0][0] + dt.timedelta(days=10)
    con.close()
    reports = home / "out" / "quality"
    before = {p.name: p.stat().st_mtime_ns for p in reports.glob("*.json")}
    assert run_nightly(home, day, quiet=True)
    after = {p.name: p.stat().st_mtime_ns for p in reports.glob("*.json")}
    # the staged rows and the contract tables are the same (a date decides no column the contract checks
    # read): their checks replay (GX writes no report); the opportunities are valued as of the new date
    assert after["source_records_complete.json"] == before["source_records_complete.json"]
    assert after["contracts_plausible.json"] == before["contracts_plausible.json"]
    assert after["opportunities_reconcile.json"] > before["opportunities_reconcile.json"]
    con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    runs = con.execute("SELECT count(DISTINCT run_id) FROM data_quality "
                       "WHERE check_name = 'source_records_complete'").fetchall()[0][0]
    con.close()
    assert runs >= 2  # the replayed findings are recorded for this night too


def test_a_copied_night_on_the_same_day_loads_no_great_expectations(home: Path) -> None:
    # the default date again: the opportunities are compared with the last date's, then with their own
    assert run_nightly(home, quiet=True) and run_nightly(home, quiet=True)
    reports = home / "out" / "quality"
    before = {p.name: p.stat().st_mtime_ns for p in reports.glob("*.json")}
    code = ("import sys; from pathlib import Path; from pipelines.cli import run_nightly; "
            "assert run_nightly(Path(sys.argv[1]), quiet=True); print('great_expectations' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code, str(home)], capture_output=True, text=True, check=True)
    assert _reused(home)["night"]
    # the freshness findings of the same day are replayed; the quarantine check has no new rows to judge
    assert proc.stdout.strip().splitlines()[-1] == "False"
    assert {p.name: p.stat().st_mtime_ns for p in reports.glob("*.json")} == before
    con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    checks = dict(con.execute("SELECT check_name, count(*) FROM data_quality WHERE run_id = "
                              "(SELECT run_id FROM build_info) GROUP BY ALL").fetchall())
    con.close()
    assert checks.get("source_freshness") and checks.get("quarantine_rate")  # recorded for this night all the same
