"""Entity resolution through the real nightly job on a demo world: quality, siblings, stable ids,
analysts' overrides."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from demo import generate_demo_world
from demo.quality import asset_quality, customer_quality, party_accuracy
from pipelines.cli import run_nightly
from tests.pipelines.warehouse_query import query


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo world whose first run lacks one distributor file (delivered before the second run)."""
    home = tmp_path_factory.mktemp("resolve") / "home"
    generate_demo_world(home, scale=0.3, seed=5)
    late = max((home / "inbox" / "distributors" / "summit").glob("*.tsv"))
    parked = home.parent / late.name
    shutil.move(late, parked)
    assert run_nightly(home, quiet=True)
    shutil.copytree(home, home.parent / "first_run")
    shutil.move(parked, late)
    assert run_nightly(home, quiet=True)
    return home


def test_customer_quality_against_truth(world: Path) -> None:
    q = customer_quality(world)
    assert q["precision"] >= 0.98, q
    assert q["f1"] >= 0.97, q


def test_asset_quality_against_truth(world: Path) -> None:
    q = asset_quality(world)
    assert q["f1"] >= 0.99, q


def test_bill_to_and_reseller_kept_apart(world: Path) -> None:
    q = party_accuracy(world)
    assert q["direct_bill_to_is_customer"] >= 0.98, q
    assert q["partner_bill_to_is_partner"] >= 0.98, q
    assert q["reseller_precision"] >= 0.98, q


def test_sibling_companies_stay_apart(world: Path) -> None:
    customers = pd.read_csv(world / "truth" / "customers.csv")
    siblings = customers.dropna(subset=["sibling_group"])
    assert siblings["sibling_group"].duplicated().any(), "the demo world must contain sibling groups"
    truth = pd.read_parquet(world / "truth" / "source_rows.parquet")
    truth["source_sheet"] = truth["source_sheet"].fillna("")
    got = query(world, "SELECT customer_id, source_file, coalesce(source_sheet, '') AS source_sheet, source_row FROM customer_sources")
    both = got.merge(truth, on=["source_file", "source_sheet", "source_row"]).merge(
        siblings[["customer_key", "sibling_group"]], on="customer_key")
    per_cluster = both.groupby("customer_id")["customer_key"].nunique()
    assert (per_cluster == 1).all(), both[both["customer_id"].isin(per_cluster[per_cluster > 1].index)][
        ["customer_id", "customer_key", "raw_customer_name"]].drop_duplicates().head(10)


def test_ids_are_stable_when_a_file_arrives(world: Path) -> None:
    before = query(world.parent / "first_run", "SELECT record_id, customer_id FROM customer_sources")
    after = query(world, "SELECT record_id, customer_id FROM customer_sources")
    history = query(world, "SELECT * FROM id_history WHERE entity = 'customer'")
    merged_away = set(history.loc[history["event"] == "merge", "old_id"])
    both = before.merge(after, on="record_id", suffixes=("_before", "_after"))
    assert len(both) == len(before), "every earlier record is still resolved"
    changed = both[both["customer_id_before"] != both["customer_id_after"]]
    assert set(changed["customer_id_before"]) <= merged_away, changed.head()
    new_records = set(after["record_id"]) - set(before["record_id"])
    assert new_records, "the late file added records"
    assets_before = query(world.parent / "first_run", "SELECT record_id, raw_serial, asset_id FROM asset_sources")
    assets_after = query(world, "SELECT record_id, raw_serial, asset_id FROM asset_sources")
    kept = assets_before.merge(assets_after, on=["record_id", "raw_serial"])
    assert (kept["asset_id_x"] == kept["asset_id_y"]).mean() >= 0.999


def test_overrides_split_and_merge_customers(world: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(world, home)
    sources = query(home, "SELECT customer_id, record_id FROM customer_sources ORDER BY customer_id, record_id")
    sizes = sources.groupby("customer_id").size()
    big = sizes[sizes >= 3].index[:2]
    a, b = sources[sources["customer_id"] == big[0]], sources[sources["customer_id"] == big[1]]
    overrides = pd.DataFrame([
        {"entity": "customer", "left": big[0], "right": big[1], "decision": "must_link", "note": "same group"},
    ])
    (home / "overrides").mkdir(exist_ok=True)
    overrides.to_csv(home / "overrides" / "decisions.csv", index=False)
    assert run_nightly(home, quiet=True)
    merged = query(home, "SELECT record_id, customer_id FROM customer_sources")
    ids = merged[merged["record_id"].isin(set(a["record_id"]) | set(b["record_id"]))]["customer_id"]
    assert ids.nunique() == 1
    history = query(home, "SELECT * FROM id_history WHERE event = 'merge'")
    assert {big[0], big[1]} & set(history["old_id"])
    # and split one record back off by record id
    lone = a["record_id"].iloc[0]
    others = a["record_id"].iloc[1:].tolist() + b["record_id"].tolist()
    pd.concat([overrides, pd.DataFrame([
        {"entity": "customer", "left": lone, "right": o, "decision": "cannot_link", "note": ""} for o in others
    ])]).drop(index=0).to_csv(home / "overrides" / "decisions.csv", index=False)
    assert run_nightly(home, quiet=True)
    after = query(home, "SELECT record_id, customer_id FROM customer_sources").set_index("record_id")["customer_id"]
    assert after[lone] not in set(after[others])


def test_match_review_holds_only_pairs_whose_decision_changes_a_customer(world: Path) -> None:
    review = query(world, "SELECT * FROM match_review ORDER BY review_rank")
    assert {"review_rank", "question", "value_at_stake", "evidence", "left_name", "right_name", "left_address",
            "right_source_file", "left_customer_id", "right_customer_id"} <= set(review.columns)
    merge = review[review["question"] == "merge?"]
    split = review[review["question"] == "split?"]
    assert len(merge) + len(split) == len(review)
    assert (merge["left_customer_id"] != merge["right_customer_id"]).all()
    assert (split["left_customer_id"] == split["right_customer_id"]).all()
    assert split["match_probability"].between(0.2, 0.8).all()
    assert not split["left_customer_id"].duplicated().any()  # one weakest link per customer
    keys = merge[["left_customer_id", "right_customer_id"]].apply(lambda r: tuple(sorted(r)), axis=1)
    assert not keys.duplicated().any()  # one pair per two customers
    assert list(review["review_rank"]) == list(range(1, len(review) + 1))
    assert review["value_at_stake"].astype(float).is_monotonic_decreasing
    assert (out := world / "out" / "match_review.xlsx").is_file(), out
