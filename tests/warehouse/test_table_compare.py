"""Two warehouses compared table by table: run stamps left out, history tables compared up to the
reference build, lost rows counted (the yardstick of `make soak` and of reused stages)."""

import datetime as dt
from pathlib import Path

import duckdb

from warehouse.table_compare import compare, table_hashes

BUILT = dt.datetime(2026, 3, 1, 2)


def _warehouse(path: Path, built: dt.datetime, customers: int = 100, run_id: str = "r1") -> Path:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE build_info AS SELECT ?::TIMESTAMP AS built_at, ? AS run_id", [built, run_id])
    con.execute(f"CREATE TABLE customers AS SELECT range AS id, 'c' || range AS name FROM range({customers})")
    con.execute("CREATE TABLE data_quality AS SELECT ?::TIMESTAMP AS checked_at, 'rate' AS check_name, true AS passed",
                [BUILT])  # the history every later build carries
    con.close()
    return path


def test_another_run_over_the_same_data_is_identical(tmp_path: Path) -> None:
    reference = table_hashes(_warehouse(tmp_path / "a.duckdb", BUILT))
    later = _warehouse(tmp_path / "b.duckdb", BUILT + dt.timedelta(days=1), run_id="r2")
    con = duckdb.connect(str(later))
    con.execute("INSERT INTO data_quality VALUES (?, 'rate', false)", [BUILT + dt.timedelta(days=1)])  # its own check
    con.close()
    assert compare(reference, table_hashes(later, cutoff=BUILT)) == ([], 0)


def test_lost_or_changed_rows_are_seen(tmp_path: Path) -> None:
    reference = table_hashes(_warehouse(tmp_path / "a.duckdb", BUILT))
    assert compare(reference, table_hashes(_warehouse(tmp_path / "b.duckdb", BUILT, customers=97))) == (["customers"], 3)
    changed = _warehouse(tmp_path / "c.duckdb", BUILT)
    con = duckdb.connect(str(changed))
    con.execute("UPDATE customers SET name = 'x' WHERE id = 5")
    con.close()
    assert compare(reference, table_hashes(changed)) == (["customers"], 0)
