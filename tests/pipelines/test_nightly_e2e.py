"""End to end: the real Dagster job on a small demo world, checked against the generator's truth."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from demo import generate_demo_world
from pipelines.cli import main, run_nightly
from tests.pipelines.warehouse_query import query

KEY = ["source_file", "source_sheet", "source_row"]


def _key(df: pd.DataFrame) -> pd.Series:
    return df["source_file"] + "|" + df["source_sheet"].fillna("") + "|" + df["source_row"].astype(str)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("e2e") / "home"
    generate_demo_world(home, scale=0.1, seed=11)
    assert run_nightly(home, quiet=True)
    return home


def test_every_truth_row_is_loaded_with_exact_provenance_and_values(demo: Path) -> None:
    truth = pd.read_parquet(demo / "truth" / "source_rows.parquet")
    loaded = truth[truth["expect"] == "loaded"].assign(key=_key)
    got = query(demo, "SELECT * FROM source_records").assign(key=_key)
    assert got["key"].is_unique
    missing = set(loaded["key"]) - set(got["key"])
    assert not missing, sorted(missing)[:10]
    extra = set(got["key"]) - set(loaded["key"])
    assert not extra, sorted(extra)[:10]
    both = loaded.merge(got, on="key", suffixes=("_truth", ""))
    assert (both["source"] == both["source_truth"]).all()
    serials_ok = [list(a) == list(b) for a, b in zip(both["serials"], both["serial_numbers"], strict=False)]
    assert all(serials_ok), both.loc[[not ok for ok in serials_ok], ["key", "serials", "serial_numbers"]].head().to_dict("records")
    for col in ("invoice_date", "service_start", "service_end"):
        want = pd.to_datetime(both[f"{col}_truth"]).dt.date
        have = pd.to_datetime(both[col]).dt.date
        same = (want == have) | (want.isna() & have.isna())
        assert same.all(), both.loc[~same, ["key", f"{col}_truth", col]].head().to_dict("records")
    have_amount = both["amount"].astype("float64")
    want_amount = both["amount_truth"].astype("float64")
    amount_ok = ((have_amount - want_amount).abs() < 0.005) | (have_amount.isna() & want_amount.isna())
    assert amount_ok.all(), both.loc[~amount_ok, ["key", "amount_truth", "amount"]].head().to_dict("records")
    qty_ok = (both["quantity"].astype("Float64") == both["quantity_truth"].astype("Float64")).fillna(
        both["quantity"].isna() & both["quantity_truth"].isna())
    assert qty_ok.all()
    assert (both["customer_name"].fillna("") == both["raw_customer_name"].fillna("").str.strip()).all()


def test_broken_rows_are_in_quarantine_with_their_field(demo: Path) -> None:
    truth = pd.read_parquet(demo / "truth" / "source_rows.parquet")
    broken = truth[truth["expect"] == "quarantined"].assign(key=_key)
    assert len(broken) >= 3
    quarantine = query(demo, "SELECT * FROM quarantine").assign(key=_key)
    assert set(quarantine["key"]) == set(broken["key"])
    both = broken.merge(quarantine, on="key", suffixes=("_truth", ""))
    for _, row in both.iterrows():
        assert row["broken_field"] in row["reason"], (row["broken_field"], row["reason"])
        assert row["source_file"] in row["reason"]
        assert row["raw"].startswith("{")


def test_file_statuses_match_the_truth(demo: Path) -> None:
    files = pd.read_csv(demo / "truth" / "files.csv")
    got = query(demo, "SELECT path, status, error, rows_blank, rows_total FROM ingested_files")
    both = files.merge(got, on="path", how="left")
    assert both["status"].notna().all(), both[both["status"].isna()]["path"].tolist()
    assert (both["status"] == both["expected_status"]).all(), both[both["status"] != both["expected_status"]][["path", "status", "error"]]
    assert {"loaded", "duplicate", "empty"} <= set(got["status"])
    loaded = both[both["status"] == "loaded"]
    assert (loaded["rows_blank"] == loaded["blank_rows"]).all()
    assert (loaded["rows_total"] == loaded["total_rows"]).all()


def test_rerun_on_unchanged_inbox_changes_nothing(demo: Path) -> None:
    before = {t: query(demo, f"SELECT * EXCLUDE (ingested_at) FROM {t} ORDER BY ALL" if t == "ingested_files"
                        else f"SELECT * FROM {t} ORDER BY ALL")
              for t in ("source_records", "quarantine", "ingested_files")}
    assert run_nightly(demo, quiet=True)
    for table, df in before.items():
        again = query(demo, f"SELECT * EXCLUDE (ingested_at) FROM {table} ORDER BY ALL" if table == "ingested_files"
                       else f"SELECT * FROM {table} ORDER BY ALL")
        pd.testing.assert_frame_equal(df, again, obj=table)


def test_copy_is_duplicate_and_truncated_workbook_is_an_error_while_the_rest_loads(demo: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(demo, home)
    rows_before = query(home, "SELECT count(*) AS n FROM source_records")["n"][0]
    workbook = min((home / "inbox").rglob("*.xlsx"))
    truncated = workbook.with_name(workbook.stem + "_truncated" + workbook.suffix)
    truncated.write_bytes(workbook.read_bytes()[: workbook.stat().st_size // 2])
    some_csv = min((home / "inbox").rglob("*.csv"))
    resent = some_csv.with_name(some_csv.stem + "_resent" + some_csv.suffix)  # still matches the glob
    shutil.copy(some_csv, resent)
    assert main(["run", "--home", str(home)]) == 0
    files = query(home, "SELECT path, status, error, duplicate_of FROM ingested_files").set_index("path")
    rel = truncated.relative_to(home).as_posix()
    assert files.loc[rel, "status"] == "error"
    assert "truncated or corrupt" in files.loc[rel, "error"] and rel in files.loc[rel, "error"]
    copy_rel = resent.relative_to(home).as_posix()
    assert files.loc[copy_rel, "status"] == "duplicate"
    assert query(home, "SELECT count(*) AS n FROM source_records")["n"][0] == rows_before
