"""Stage memos: digests that ignore row order but see every value, fingerprints kept per stage,
tables copied from a published warehouse file."""

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from warehouse.stage_memo import (
    copy_tables,
    digest,
    fingerprint_of,
    frame_digest,
    published_fingerprint,
    record,
    table_digest,
)


def test_frame_digest_ignores_row_order_and_sees_values_and_missing_ones() -> None:
    df = pd.DataFrame({"left": ["a", "b", None], "right": ["x", "y", "z"]})
    assert frame_digest(df) == frame_digest(df.iloc[::-1])
    assert frame_digest(df) != frame_digest(df.assign(right=["x", "y", "q"]))
    assert frame_digest(df) != frame_digest(df.fillna(""))  # a missing value is not an empty one
    assert frame_digest(df) != frame_digest(df.iloc[:2])
    assert frame_digest(df, ["left"]) != frame_digest(df, ["right"])
    assert frame_digest(df.iloc[:0]) == frame_digest(df.iloc[:0].copy())


def test_digest_is_stable_for_equal_parts_in_any_key_order() -> None:
    assert digest({"a": 1, "b": [1, 2]}) == digest({"b": [1, 2], "a": 1})
    assert digest({"a": 1}) != digest({"a": "1 "})


def test_table_digest_is_order_free_and_changes_with_any_row(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("CREATE TABLE t AS SELECT range AS id, 'n' || range AS name FROM range(1000)")
    before = table_digest(con, "t")
    con.execute("CREATE TABLE u AS SELECT * FROM t ORDER BY id DESC")
    assert table_digest(con, "u") == before
    con.execute("UPDATE t SET name = 'changed' WHERE id = 500")
    assert table_digest(con, "t") != before


def test_fingerprints_are_kept_per_stage_and_read_from_a_published_file(tmp_path: Path) -> None:
    live = tmp_path / "warehouse.duckdb"
    con = duckdb.connect(str(live))
    assert fingerprint_of(con, "customers") is None
    record(con, "customers", "abc", reused=False)
    record(con, "customers", "def", reused=True)  # the same stage again: replaced
    record(con, "contracts", "xyz", reused=False)
    assert fingerprint_of(con, "customers") == "def"
    con.close()
    assert published_fingerprint(live, "contracts") == "xyz"
    assert published_fingerprint(live, "assets") is None
    assert published_fingerprint(tmp_path / "none.duckdb", "contracts") is None


def test_copy_tables_copies_from_the_published_file_and_names_a_missing_table(tmp_path: Path) -> None:
    live = tmp_path / "warehouse.duckdb"
    con = duckdb.connect(str(live))
    con.execute("CREATE TABLE customers AS SELECT range AS id FROM range(5)")
    con.close()
    build = duckdb.connect(str(tmp_path / "building.duckdb"))
    build.execute("CREATE TABLE customers AS SELECT 1 AS id")
    copy_tables(build, live, ["customers"])
    assert build.execute("SELECT count(*) FROM customers").fetchall() == [(5,)]
    with pytest.raises(LookupError, match="no table partners"):
        copy_tables(build, live, ["partners"])
    assert build.execute("SELECT count(*) FROM duckdb_databases() WHERE database_name = 'memo_previous'"
                         ).fetchall() == [(0,)]  # detached again
