"""Score the channel model against the demo world's truth: partner splits by the terms in force on
each action date, renewal owners, the vendor's direct list and the third-party flags."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from demo.warehouse_query import query_warehouse

_KEY = ["source_file", "source_sheet", "source_row"]
DEFAULT_SHARE = 0.5  # valuation.partner_share default: a partner without terms


_query = query_warehouse


def _vote(found: pd.DataFrame, truth: pd.DataFrame, id_col: str, key_col: str) -> dict[str, str]:
    """Resolved id -> the true key most of its source rows carry."""
    both = found.merge(truth[_KEY + [key_col]].dropna(subset=[key_col]), on=_KEY)
    votes = both.groupby([id_col, key_col]).size().rename("n").reset_index()
    votes = votes.sort_values([id_col, "n", key_col], ascending=[True, False, True]).drop_duplicates(id_col)
    return dict(zip(votes[id_col], votes[key_col], strict=True))


def _contract_key(numbers: pd.Series) -> pd.Series:
    return numbers.fillna("").astype(str).str.replace(r"\D", "", regex=True).str.lstrip("0")


def _expected_rates(opps: pd.DataFrame, terms: pd.DataFrame, contracts: pd.DataFrame,
                    as_of: pd.Timestamp) -> pd.Series:
    """The partner's true share rate per opportunity: the terms in force on its action date."""
    t = terms.copy()
    t["from"] = pd.to_datetime(t["valid_from"].replace("", None))
    t["to"] = pd.to_datetime(t["valid_to"].replace("", None))
    start, end = pd.to_datetime(contracts["start_date"]), pd.to_datetime(contracts["end_date"])
    live = contracts[(start <= as_of) & (end >= as_of)]
    book = (live["amount"] / live["years"]).groupby(live["reseller_key"]).sum()
    pairs = opps[["opportunity_id", "partner_key", "action_date"]].merge(t, on="partner_key", how="left")
    holds = (pairs["from"].isna() | (pairs["from"] <= pairs["action_date"])) & (
        pairs["to"].isna() | (pairs["action_date"] <= pairs["to"]))
    pairs = pairs[holds & pairs["tier"].notna()].drop_duplicates("opportunity_id")
    fee_rate = (pairs["fixed_fee"] / pairs["partner_key"].map(book)).clip(upper=1.0)
    rate = pairs["split_percent"].where(pairs["split_percent"].notna(), fee_rate)
    out = pd.Series(DEFAULT_SHARE, index=opps["opportunity_id"])
    out.loc[pairs["opportunity_id"].to_numpy()] = rate.to_numpy()
    return out


def inbox_damaged(truth_dir: Path, world: pd.DataFrame, books: pd.DataFrame,
                  as_of: pd.Timestamp) -> tuple[set[str], set[str]]:
    """What the inbox cannot show whole: the contract keys with a source row demo.broken made
    unloadable (or whose renewal has one), and the fixed-fee partners whose book counts such a
    contract (`books`: key, reseller_key, start_date, end_date; live on the as-of date): their
    share rate is the fee over a book the inbox shows short."""
    rows = pd.read_parquet(truth_dir / "source_rows.parquet", columns=["expect", "contract_number"])
    lost = set(_contract_key(rows.loc[(rows["expect"] != "loaded") & rows["contract_number"].notna(),
                                      "contract_number"]))
    renewed_by = _contract_key(world["renewed_by"].where(world["renewed_by"] != "", "x"))
    damaged = lost | set(world.loc[renewed_by.isin(lost), "key"])
    parties = pd.read_csv(truth_dir / "channel_parties.csv", keep_default_na=False)
    fee_partners = set(parties.loc[parties["role"] == "fixed_fee", "key"])
    live = (pd.to_datetime(books["start_date"]) <= as_of) & (pd.to_datetime(books["end_date"]) >= as_of)
    hurt = set(books.loc[live & books["key"].isin(damaged) & books["reseller_key"].isin(fee_partners),
                         "reseller_key"])
    return damaged, hurt


def _share(mask: pd.Series) -> float:
    """The share of True in a mask (1.0 for none: nothing to get wrong)."""
    return float(mask.mean()) if len(mask) else 1.0


def channel_quality(home: Path) -> dict[str, float]:
    """Splits exact at each date, owners against the truth, the direct list, the third-party flags."""
    truth_dir, warehouse = home / "truth", home / "warehouse.duckdb"
    if not (truth_dir / "partner_terms.csv").exists():
        return {}
    terms = pd.read_csv(truth_dir / "partner_terms.csv", keep_default_na=False,
                        dtype={"split_percent": str, "fixed_fee": str})
    for col in ("split_percent", "fixed_fee"):
        terms[col] = pd.to_numeric(terms[col].replace("", None))
    owners = pd.read_csv(truth_dir / "renewal_owners.csv", keep_default_na=False)
    parties = pd.read_csv(truth_dir / "channel_parties.csv", keep_default_na=False).set_index("role")
    contracts = pd.read_csv(truth_dir / "contracts.csv", keep_default_na=False)
    rows = pd.read_parquet(truth_dir / "source_rows.parquet")
    rows = rows[rows["expect"] == "loaded"].copy()
    rows["source_sheet"] = rows["source_sheet"].fillna("")
    opps = _query(warehouse, """
        SELECT opportunity_id, kind, customer_id, reseller_id, contract_id, action_date, as_of_date,
               CAST(value AS DOUBLE) AS value, CAST(partner_share AS DOUBLE) AS partner_share,
               renewal_owner, at_risk, split_basis
        FROM renewal_opportunities""")
    as_of = pd.Timestamp(opps["as_of_date"].max())
    opps["action_date"] = pd.to_datetime(opps["action_date"])
    partner_rows = _query(warehouse, "SELECT source_file, source_sheet, source_row, partner_id "
                                     "FROM partner_sources WHERE named_as IN ('reseller', 'program')")
    customer_rows = _query(warehouse, "SELECT source_file, source_sheet, source_row, customer_id FROM customer_sources")
    partner_of = _vote(partner_rows, rows, "partner_id", "reseller_key")
    customer_of = _vote(customer_rows, rows, "customer_id", "customer_key")
    opps["partner_key"] = opps["reseller_id"].map(partner_of)
    opps["customer_key"] = opps["customer_id"].map(customer_of)
    split = opps[opps["reseller_id"].notna() & opps["value"].notna()].copy()
    split["rate"] = split["opportunity_id"].map(_expected_rates(split, terms, contracts, as_of))
    split["exact"] = (split["partner_share"] - (split["value"] * split["rate"]).round(2)).abs() <= 0.011
    changed = split[split["partner_key"] == parties.loc["tier_change", "key"]]
    change_day = pd.Timestamp(parties.loc["tier_change", "date"])
    before, after = changed[changed["action_date"] < change_day], changed[changed["action_date"] >= change_day]
    fee = split[split["partner_key"] == parties.loc["fixed_fee", "key"]]
    world = contracts.assign(key=_contract_key(contracts["contract_number"]))
    _, hurt = inbox_damaged(truth_dir, world, world, as_of)
    whole = split[~split["partner_key"].isin(hurt)]

    owners["key"] = _contract_key(owners["contract_number"])
    opps["key"] = _contract_key(opps["contract_id"])
    sold = opps[opps["kind"].isin(["renewal", "lapsed", "coterm"])].merge(
        owners[["key", "renewal_owner", "reseller_key"]], on="key", how="left", suffixes=("", "_true"))
    known = sold[sold["renewal_owner_true"].notna()]
    direct = sold["renewal_owner"].isin(["vendor", "third_party"])
    reseller_owned = sold["renewal_owner_true"].isin(["reseller", "service_org"])
    served = sold[sold["renewal_owner_true"] == "service_org"]
    risky = owners[owners["at_risk"].astype(str) == "True"].merge(
        contracts[["contract_number", "end_date"]], on="contract_number")
    risky = risky[pd.to_datetime(risky["end_date"]) >= as_of - pd.Timedelta(days=180)]
    listed = set(opps["customer_key"].dropna())
    true_risk = set(risky["customer_key"]) & listed
    flagged = set(opps.loc[opps["at_risk"].astype(bool), "customer_key"].dropna())
    return {
        "opportunities_with_reseller": len(split),
        "splits_exact": _share(split["exact"]),
        # a fixed-fee partner's rate is the fee over its book: a book with a line demo.broken made unloadable is short
        "splits_inbox_complete": len(whole), "splits_inbox_complete_exact": _share(whole["exact"]),
        "tier_change_before": len(before), "tier_change_before_exact": _share(before["exact"]),
        "tier_change_after": len(after), "tier_change_after_exact": _share(after["exact"]),
        "fixed_fee_opportunities": len(fee), "fixed_fee_exact": _share(fee["exact"]),
        "fixed_fee_within_1pct": _share((fee["partner_share"] - fee["value"] * fee["rate"]).abs()
                                         <= 0.01 * fee["value"] * fee["rate"] + 0.011),
        "split_from_terms": float(split["split_basis"].str.startswith("program").mean()) if len(split) else 0.0,
        "owned_opportunities": len(sold),
        "owner_right": _share(known["renewal_owner"] == known["renewal_owner_true"]),
        "owned_without_true_contract": int(len(sold) - len(known)),
        "reseller_owned_on_direct_list": int((direct & reseller_owned).sum()),
        "service_org_opportunities": len(served),
        "service_org_routed_to_reseller": float(((served["renewal_owner"] == "service_org")
                                                  & (served["partner_key"] == served["reseller_key"])).mean())
        if len(served) else 1.0,
        "third_party_winbacks": int((sold["renewal_owner"] == "third_party").sum()),
        "at_risk_customers_true": len(true_risk),
        "at_risk_recall": len(flagged & true_risk) / len(true_risk) if true_risk else 1.0,
        "at_risk_precision": len(flagged & true_risk) / len(flagged) if flagged else 1.0,
    }
