"""The soak's yardstick: a warehouse compared table by table, run stamps left out, history tables
compared up to the reference build, lost rows counted."""

import datetime as dt
from pathlib import Path

import duckdb

from bench.soak import combine, compare, figures_markdown, table_hashes

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


def _part(seed: int, kills: list[tuple[str, bool, int]], pairs: list[list[int]]) -> dict:
    return {"home": f"/tmp/soak-{seed}/home", "seed": seed, "scale": 0.1, "wall_seconds": 60,
            "kills": [{"stage": stage, "finished_before_kill": False, "intact": True, "differs": [] if same else ["t"],
                       "rows_lost": lost, "next_run_exit": 0, "next_run_identical": True}
                      for stage, same, lost in kills],
            "pairs": [{"exit_codes": codes, "exactly_one_writer": sorted(codes) == [0, 75],
                       "loser_named_holder": 75 in codes, "rows_lost": 0} for codes in pairs]}


def test_soaks_of_several_sessions_pool_into_one_set_of_figures() -> None:
    pooled = combine([_part(10, [("customers", True, 0), ("startup", True, 0)], [[0, 75]]),
                      _part(11, [("customers", False, 2)], [[75, 0], [0, 0]])])
    s = pooled["summary"]
    assert (s["trials"], s["kills"], s["kills_by_stage"]) == (3, 3, {"customers": 2, "startup": 1})
    assert (s["warehouse_intact_and_identical"], s["rows_lost"]) == (2, 2)
    assert (s["pairs"], s["pairs_exactly_one_writer"]) == (3, 2)
    assert [p["seed"] for p in pooled["parts"]] == [10, 11]
    assert "| rows lost | 2 |" in figures_markdown(pooled)
