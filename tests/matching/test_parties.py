"""`bill_to_self`: bill-tos naming the row's own customer, each distinct pair of names compared once."""

from __future__ import annotations

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from matching.names import normalise_company_names
from matching.parties import BILL_TO_SELF_SIMILARITY, TRUNCATED_NAME_MIN, bill_to_self


def _reference(mentions: pd.DataFrame, by_account: set[str]) -> pd.Series:
    """The former row-by-row comparison (every mention, repeats included)."""
    bill = mentions[mentions["named_as"] == "bill_to"]
    if bill.empty:
        return pd.Series(False, index=mentions.index)
    left = normalise_company_names(bill["name"]).fillna("")
    right = normalise_company_names(bill["customer_name"]).fillna("")
    whole = cpdist(left.tolist(), right.tolist(), scorer=fuzz.token_sort_ratio, workers=-1)
    part = cpdist(left.tolist(), right.tolist(), scorer=fuzz.partial_ratio, workers=-1)
    shortest = np.minimum(left.str.len().to_numpy(), right.str.len().to_numpy())
    similar = (whole >= BILL_TO_SELF_SIMILARITY) | ((part >= 97) & (shortest >= TRUNCATED_NAME_MIN))
    same_account = (
        (bill["account"].notna() & (bill["account"] == bill["customer_account"])) | bill["record_id"].isin(by_account)
    )
    self_ = pd.Series(similar & (left.to_numpy() != ""), index=bill.index) | same_account
    return self_.reindex(mentions.index, fill_value=False)


def _mentions(n: int = 600, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    names = ["Acme Corp", "ACME Corporation", "Northbridge Capital Labs", "Northbridge Capita", "Lease Co GmbH",
             None, ""]
    customers = ["Acme Corp.", "Northbridge Capital Labs Inc", "Willowport Pharma", None]
    return pd.DataFrame({
        "record_id": [f"r{i}" for i in range(n)],
        "named_as": rng.choice(["bill_to", "reseller", "bill_to"], n),
        "name": [names[i] for i in rng.integers(0, len(names), n)],
        "customer_name": [customers[i] for i in rng.integers(0, len(customers), n)],
        "account": rng.choice(["A1", "A2", None], n),
        "customer_account": rng.choice(["A1", None], n),
    }, index=pd.RangeIndex(10, 10 + n))


def test_each_distinct_pair_is_judged_as_the_row_by_row_comparison_judged_it() -> None:
    mentions = _mentions()
    got = bill_to_self(mentions, {"r5", "r17"})
    pd.testing.assert_series_equal(got, _reference(mentions, {"r5", "r17"}), check_names=False)
    assert got.any() and not got.all()


def test_a_bill_to_named_as_its_own_customer_is_self_and_a_leasing_company_is_not() -> None:
    mentions = pd.DataFrame({
        "record_id": ["a", "b", "c"], "named_as": ["bill_to"] * 3,
        "name": ["ACME Corporation", "Lease Co GmbH", "ACME Corporation"],
        "customer_name": ["Acme Corp", "Acme Corp", "Acme Corp"],
        "account": [None, None, None], "customer_account": [None, None, None],
    })
    assert bill_to_self(mentions, set()).tolist() == [True, False, True]
