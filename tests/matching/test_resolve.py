"""resolve_entities on hand-made fixtures: the issue's example, typos, siblings, chaining."""

import duckdb
import numpy as np
import pandas as pd
import pytest

from matching import Resolution, pairwise_quality, resolve_entities
from tests.matching.fixtures import cluster_of, customer_records


@pytest.fixture(scope="module")
def resolved() -> tuple[pd.DataFrame, pd.Series, Resolution]:
    records, truth = customer_records()
    return records, truth, resolve_entities(records)


def _records_of(records: pd.DataFrame, truth: pd.Series, company: str) -> list[str]:
    return truth[truth == company].index.tolist()


def test_issue_example_variants_are_one_customer(resolved) -> None:
    records, truth, res = resolved
    clusters = cluster_of(res.records)
    corp = _records_of(records, truth, "northbridge")
    names = records.set_index("record_id").loc[corp, "name"].tolist()
    assert "NORTHBRIDGE CAPITAL CORP" in names and "Nrthbridge Capital" in names
    assert clusters[corp].nunique() == 1


def test_sibling_in_another_city_stays_apart(resolved) -> None:
    records, truth, res = resolved
    clusters = cluster_of(res.records)
    corp = clusters[_records_of(records, truth, "northbridge")].iloc[0]
    labs = clusters[_records_of(records, truth, "northbridge_labs")]
    assert labs.nunique() == 1
    assert labs.iloc[0] != corp


def test_typos_and_abbreviations_merge(resolved) -> None:
    records, truth, res = resolved
    clusters = cluster_of(res.records)
    assert clusters[_records_of(records, truth, "acme")].nunique() == 1


def test_shared_crm_account_with_a_different_name_is_not_enough(resolved) -> None:
    records, truth, res = resolved
    clusters = cluster_of(res.records)
    assert (
        clusters[_records_of(records, truth, "quillon")].iloc[0]
        != clusters[_records_of(records, truth, "zentrix")].iloc[0]
    )


def test_whole_fixture_is_resolved_exactly(resolved) -> None:
    _, truth, res = resolved
    q = pairwise_quality(cluster_of(res.records), truth)
    assert q.precision == 1.0 and q.recall == 1.0


def test_records_carry_score_and_rule(resolved) -> None:
    records, _, res = resolved
    out = res.records.set_index("record_id")
    assert list(res.records.columns) == ["record_id", "cluster_id", "match_score", "match_rule", "group"]
    assert res.records["record_id"].tolist() == records["record_id"].tolist()
    assert out["match_rule"].notna().all()
    singles = out["match_rule"].eq("singleton")
    assert out.loc[singles, "match_score"].isna().all()
    assert out.loc[~singles, "match_score"].between(0.5, 1.0).all()
    crm_contract = records.index[
        records["source"].eq("crm_contracts") & records["account"].eq("ACC-001")
    ][0]
    assert "crm_account" in out.loc[records.loc[crm_contract, "record_id"], "match_rule"]


def test_pairs_and_review_band(resolved) -> None:
    _, _, res = resolved
    pairs = res.pairs
    for col in (
        "left_record_id",
        "right_record_id",
        "match_probability",
        "match_weight",
        "match_rule",
        "blocking_rule",
        "same_cluster",
        "name",
        "street",
        "phone",
    ):
        assert col in pairs.columns
    assert pairs["match_probability"].between(0, 1).all()
    review = res.review_pairs(0.05, 0.95)
    assert review["match_probability"].between(0.05, 0.95).all()
    assert (review["match_probability"] - 0.5).abs().is_monotonic_increasing


def test_no_chaining_through_one_bad_pair() -> None:
    # two companies with the same stem in different cities, plus records that resemble both
    rows = []
    for i in range(3):
        rows.append(
            {
                "record_id": f"a{i}",
                "name": "Harbor Point Logistics Inc",
                "city": "Seattle",
                "state": "WA",
                "postal_code": "98101",
                "address": "10 Pier Way",
                "phone": "206-555-0100",
            }
        )
        rows.append(
            {
                "record_id": f"b{i}",
                "name": "Harbor Point Logistics Group",
                "city": "Miami",
                "state": "FL",
                "postal_code": "33101",
                "address": "77 Bay Rd",
                "phone": "305-555-0177",
            }
        )
    # the bad pair: a record of b with a's phone number typed in
    rows.append(
        {
            "record_id": "b_bad",
            "name": "Harbor Point Logistics Group",
            "city": "Miami",
            "phone": "206-555-0100",
        }
    )
    res = resolve_entities(pd.DataFrame(rows))
    c = cluster_of(res.records)
    assert c[["a0", "a1", "a2"]].nunique() == 1
    assert c[["b0", "b1", "b2"]].nunique() == 1
    assert c["a0"] != c["b0"]


def test_connection_is_left_clean_and_inputs_checked() -> None:
    records, _ = customer_records()
    con = duckdb.connect()
    con.execute("CREATE TABLE keep_me AS SELECT 1 AS x")
    resolve_entities(records, con=con)
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert tables == {"keep_me"}
    with pytest.raises(ValueError, match="unique"):
        resolve_entities(pd.DataFrame({"record_id": ["x", "x"], "name": ["a", "b"]}))
    with pytest.raises(ValueError, match="record_id"):
        resolve_entities(pd.DataFrame({"name": ["a"]}))


def test_minimal_input_and_identical_records() -> None:
    res = resolve_entities(
        pd.DataFrame({"record_id": [1, 2, 3], "name": ["Acme Corp", "ACME CORP.", "Zeta Inc"]})
    )
    out = res.records.set_index("record_id")
    assert out.loc[1, "cluster_id"] == out.loc[2, "cluster_id"] != out.loc[3, "cluster_id"]
    assert out.loc[1, "match_rule"] == "identical" and out.loc[1, "match_score"] == 1.0
    assert np.isnan(out.loc[3, "match_score"])


def test_empty_and_nameless_inputs() -> None:
    assert resolve_entities(pd.DataFrame({"record_id": []})).records.empty
    res = resolve_entities(
        pd.DataFrame(
            {"record_id": [1, 2], "phone": ["312-555-0100"] * 2, "city": ["Akron", "Boston"]}
        )
    )
    assert len(res.records) == 2 and res.records["cluster_id"].nunique() == 2
