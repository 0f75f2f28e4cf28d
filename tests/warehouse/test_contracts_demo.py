"""Contracts of a whole demo world against its truth: found once, end dates, renewal chains, parties.

Runs the real nightly job and reads the warehouse it published.
"""

import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from demo import generate_demo_world
from pipelines.cli import run_nightly
from tests.pipelines.warehouse_query import table_names
from warehouse.comments import dictionary

KEY = ["source_file", "source_sheet", "source_row"]
AS_OF = "2026-11-01"  # the demo world's as-of date


def _contract_id(number: str) -> str:
    return "SC-" + re.sub(r"\D", "", number).lstrip("0") if number else ""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(home, warehouse file with contracts) for a demo world run through the nightly job."""
    home = tmp_path_factory.mktemp("contracts_demo") / "home"
    generate_demo_world(home, scale=0.3, seed=3)
    assert run_nightly(home, quiet=True)
    live = home / "warehouse.duckdb"
    assert {"customers", "record_parties", "assets", "contracts"} <= table_names(live)
    return home, live


@pytest.fixture(scope="module")
def joined(warehouse: tuple[Path, Path]) -> pd.DataFrame:
    """Truth contracts left-joined to the warehouse's, with truth party keys of our ids."""
    home, path = warehouse
    truth = pd.read_csv(home / "truth" / "contracts.csv", dtype=str, keep_default_na=False)
    truth["cid"] = truth["contract_number"].map(_contract_id)
    truth["renewed_by_id"] = truth["renewed_by"].map(_contract_id)
    con = duckdb.connect(str(path), read_only=True)
    try:
        got = con.execute("SELECT * FROM contracts").df()
        parties = con.execute(
            "SELECT r.source_file, coalesce(r.source_sheet, '') AS source_sheet, r.source_row, p.* "
            "FROM source_records r JOIN record_parties p USING (record_id)").df()
        evidence = con.execute("SELECT DISTINCT contract_id FROM contract_sources WHERE attach_rule = 'contract_number'").df()
    finally:
        con.close()
    rows = pd.read_parquet(home / "truth" / "source_rows.parquet")
    rows = rows[rows["expect"] == "loaded"].assign(source_sheet=lambda d: d["source_sheet"].fillna(""))
    both = rows.merge(parties, on=KEY)

    def majority(ours: str, theirs: str) -> pd.Series:
        pairs = both[[ours, theirs]].dropna()
        pairs = pairs[pairs[theirs] != ""]
        return pairs.groupby(ours)[theirs].agg(lambda s: s.value_counts().index[0])

    to_truth = pd.concat([majority("customer_id", "customer_key"), majority("reseller_id", "reseller_key"),
                          majority("bill_to_id", "bill_to_key")])
    to_truth = to_truth[~to_truth.index.duplicated()]
    out = truth.merge(got, left_on="cid", right_on="contract_id", how="left", suffixes=("_truth", ""))
    out["seen"] = out["cid"].isin(set(rows.loc[rows["contract_number"].notna(), "contract_number"].map(_contract_id)))
    out["has_evidence"] = out["cid"].isin(set(evidence["contract_id"]))
    out["bill_to_evidence"] = out["cid"].isin(set(
        rows.loc[rows["source"].eq("accounting") & rows["contract_number"].notna(), "contract_number"].map(_contract_id)))
    for col in ("customer_id", "reseller_id", "bill_to_id"):
        out[f"{col}_key"] = out[col].map(to_truth)
    return out


def test_every_truth_contract_is_present_once(joined: pd.DataFrame, warehouse: tuple[Path, Path]) -> None:
    seen = joined[joined["seen"]]
    assert len(seen) >= 0.99 * len(joined)  # only contracts whose every row was quarantined can be unseen
    missing = seen.loc[seen["contract_id"].isna(), "cid"].tolist()
    assert missing == []
    con = duckdb.connect(str(warehouse[1]), read_only=True)
    try:
        total, distinct, unnumbered = con.execute(
            "SELECT count(*), count(DISTINCT contract_id), count(*) FILTER (WHERE NOT numbered) FROM contracts").fetchall()[0]
    finally:
        con.close()
    assert total == distinct
    assert total - unnumbered == len(seen)  # no numbered contract that the truth does not know
    assert unnumbered <= 0.01 * total  # rows without a number mostly attach to their contract


def test_end_dates_and_amounts_are_right(joined: pd.DataFrame) -> None:
    found = joined[joined["contract_id"].notna()]
    end_ok = pd.to_datetime(found["end_date_truth"]) == pd.to_datetime(found["end_date"])
    assert end_ok.mean() >= 0.99, found.loc[~end_ok, ["cid", "end_date_truth", "end_date"]].head()
    amount_ok = (found["amount_truth"].astype(float) - found["amount"].astype(float)).abs() < 0.01
    assert amount_ok.mean() >= 0.98  # a contract whose only source lost a line to quarantine sums short


def test_each_renewal_chain_is_linked(joined: pd.DataFrame) -> None:
    renewed = joined[joined["renewed_by_id"] != ""]
    linked = renewed["renewed_by"] == renewed["renewed_by_id"]
    assert linked.mean() >= 0.99, renewed.loc[~linked, ["cid", "renewed_by_id", "renewed_by"]].head(10)
    not_renewed = joined[(joined["renewed_by_id"] == "") & joined["contract_id"].notna()]
    assert not_renewed["renewed_by"].notna().mean() <= 0.01  # few false links


def test_status_as_of_the_demo_date(joined: pd.DataFrame) -> None:
    found = joined[joined["contract_id"].notna()]
    end = pd.to_datetime(found["end_date_truth"])
    as_of = pd.Timestamp(AS_OF)
    want = pd.Series("active", index=found.index)
    want[end <= as_of + pd.Timedelta(days=120)] = "expiring"  # one horizon with the renewal list
    want[end < as_of] = "expired"
    want[found["renewed_by_id"] != ""] = "renewed"
    assert (want == found["status"]).mean() >= 0.99


@pytest.mark.parametrize("role", ["leasing", "customer"])
def test_bill_to_and_reseller_are_right_for_leased_and_direct_deals(joined: pd.DataFrame, role: str) -> None:
    deals = joined[(joined["bill_to_role_truth"] == role) & joined["contract_id"].notna()]
    invoiced = deals[deals["bill_to_evidence"]]  # only invoices name the bill-to in the demo world
    assert len(invoiced) >= 20
    assert invoiced["bill_to_id"].notna().mean() >= 0.99
    assert (invoiced["bill_to_id_key"] == invoiced["bill_to_key"]).mean() >= 0.98
    assert (invoiced["bill_to_role"] == role).mean() >= 0.98
    if role == "customer":
        assert (invoiced["bill_to_id"] == invoiced["customer_id"]).mean() >= 0.98
    else:
        assert not (invoiced["bill_to_id"] == invoiced["reseller_id"]).any()  # the lessor is not the reseller
    assert (deals["reseller_id_key"] == deals["reseller_key"]).mean() >= 0.98
    assert (deals["customer_id_key"] == deals["customer_key"]).mean() >= 0.98


def test_older_contracts_keep_the_reseller_they_were_sold_through(joined: pd.DataFrame) -> None:
    by_id = joined.set_index("cid")
    changed = joined[(joined["renewed_by_id"] != "")
                     & (joined["reseller_key"] != joined["renewed_by_id"].map(by_id["reseller_key"]))]
    assert len(changed) >= 3
    old_ok = changed["reseller_id_key"] == changed["reseller_key"]
    new_ok = changed["renewed_by_id"].map(by_id["reseller_id_key"]) == changed["renewed_by_id"].map(by_id["reseller_key"])
    assert old_ok.mean() >= 0.95 and new_ok.mean() >= 0.95


def test_no_analyst_facing_column_lacks_a_comment(warehouse: tuple[Path, Path]) -> None:
    con = duckdb.connect(str(warehouse[1]), read_only=True)
    try:
        missing = con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE comment IS NULL AND list_contains(?, table_name)",
            [list(dictionary())]).fetchall()
    finally:
        con.close()
    assert missing == []
