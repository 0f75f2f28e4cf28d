"""The real organisation sets load with their documented sizes, and the report helpers count right.

Splink is not run here (it is a bench dependency); its threshold sweep is tested on hand-made
scored pairs instead.
"""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from bench import org_report, splink_baseline
from bench.datasets import LOADERS, ROLES, available, fodors_zagat, load
from bench.matching_quality import real_set_report
from matching import pairwise_quality
from matching.profiles import RECORD_COLUMNS

#: set -> (records, true entities, true pairs) as documented in bench/datasets/README.md
SIZES = {
    "chicago": (3337, 1162, 6608),
    "fodors_zagat": (864, 752, 112),
    "patstat_nl": (2379, 102, 293785),
}


@pytest.mark.parametrize("name", list(LOADERS))
def test_set_loads_with_documented_sizes(name: str) -> None:
    if not available(name):
        pytest.skip(f"{name} data not present")
    org = load(name)
    records, entities, pairs = SIZES[name]
    assert org.name == name and org.role == ROLES[name]
    assert len(org.records) == records
    assert org.n_entities == entities
    assert set(org.records.columns) <= set(RECORD_COLUMNS)
    assert org.records["record_id"].is_unique
    assert org.records["record_id"].notna().all() and org.records["name"].notna().all()
    assert set(org.truth.index) == set(org.records["record_id"])
    assert org.truth.notna().all()
    assert pairwise_quality(org.truth, org.truth).true_pairs == pairs


def test_empty_cells_are_missing_and_na_text_is_kept(tmp_path: Path) -> None:
    """An empty cell is a null (never the text 'nan'); a name that reads "NA" stays a name."""
    path = tmp_path / "restaurants.csv"
    path.write_text(
        "record_id,source,name,address,city,phone,cuisine,entity_id\n"
        "fodors:1,fodors,NA,1 Main St.,nan,,thai,fodors:1\n"
        "zagat:1,zagat,na bistro,,las vegas,702-555-0100,,fodors:1\n"
    )
    org = fodors_zagat(path)
    assert org.records["name"].tolist() == ["NA", "na bistro"]
    assert org.records["city"].tolist() == ["nan", "las vegas"]
    assert org.records["phone"].isna().tolist() == [True, False]
    assert org.records["address"].isna().tolist() == [False, True]
    assert org.truth.to_dict() == {"fodors:1": "fodors:1", "zagat:1": "fodors:1"}


def test_roles_keep_a_held_out_set() -> None:
    assert "held-out" in ROLES.values() and "tuning" in ROLES.values()


def test_report_lists_misses_only_for_tuning_sets() -> None:
    tuning = real_set_report("fodors_zagat", splink=False)
    held_out = real_set_report("patstat_nl", splink=False)
    assert tuning["role"] == "tuning" and "radar_misses" in tuning
    assert held_out["role"] == "held-out" and "radar_misses" not in held_out
    for report in (tuning, held_out):
        radar = report["radar"]
        assert 0.0 <= radar["precision"] <= 1.0 and 0.0 <= radar["recall"] <= 1.0
        assert radar["true_pairs"] == SIZES[report["dataset"]][2]
    assert real_set_report("patstat_nl", splink=False, examples=2)["radar_misses"]


def test_connected_components() -> None:
    left = np.array([0, 1, 5, 4], dtype=np.int64)
    right = np.array([1, 2, 6, 6], dtype=np.int64)
    labels = splink_baseline.connected_components(8, left, right)
    assert labels.tolist() == [0, 0, 0, 3, 4, 4, 4, 7]


def test_sweep_picks_the_best_threshold() -> None:
    # records a-b-c are one entity, d-e another; pair (c, d) is a confident false link
    pairs = splink_baseline.SplinkPairs(
        left=np.array([0, 1, 3, 2], dtype=np.int64),
        right=np.array([1, 2, 4, 3], dtype=np.int64),
        weight=np.array([9.0, 6.0, 8.0, 2.0]),
        record_ids=np.array(["a", "b", "c", "d", "e"]),
    )
    truth = pd.Series(["x", "x", "x", "y", "y"], index=list("abcde"))
    table = splink_baseline.sweep(pairs, truth, steps=26)
    best = splink_baseline.best_threshold(table)
    assert best["f1"] == 1.0
    assert 2.0 < best["match_weight"] <= 6.0
    assert table["recall"].is_monotonic_decreasing


def test_b_cubed_and_misses_name_the_wrong_clusters() -> None:
    records = pd.DataFrame(
        {
            "record_id": ["1", "2", "3", "4", "5"],
            "name": ["Acme BV", "Acme B.V.", "Acme Holding", "Bolt NV", "Bolt N.V."],
            "address": ["Main 1", "Main 1", "Main 1", None, None],
        }
    )
    predicted = pd.Series(["p", "p", "p", "q", "r"], index=records["record_id"])
    truth = pd.Series(["A", "A", "H", "B", "B"], index=records["record_id"])
    b3 = org_report.b_cubed(predicted, truth)
    assert b3["recall"] == pytest.approx(0.8)  # 1 + 1 + 1 + 0.5 + 0.5 over 5
    assert b3["precision"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5, abs=1e-5)
    found = org_report.misses(records, predicted, truth, limit=5)
    merge = found["false_merges"][0]
    assert merge["wrong_pairs"] == 2
    assert [part["records"] for part in merge["parts"]] == [2, 1]
    assert "Acme Holding" in merge["parts"][1]["names"]
    missed = found["missed_links"][0]
    assert missed["wrong_pairs"] == 1 and "addresses" not in missed["parts"][0]
