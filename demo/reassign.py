"""The demo world's reseller switch: an analyst's overrides/assignments.csv moving one customer from
its reseller to another (effective 90 days before the as-of date) and one contract to a third
reseller (effective 30 days after it), with the truth: truth/assignments.csv and the economics the
warehouse should report (truth/economics_lines.csv, truth/partner_economics.csv,
truth/customer_economics.csv).

The world's data are left as drawn (no source row moves): the file is what moves the business, as
when an analyst records a switch the systems do not show yet. Choices follow fixed rules from the
world, the CRM visibility plan and the channel plan (no random draw).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from demo.channel import FIXED_FEE, ChannelPlan, channel_plan
from demo.context import Ctx
from demo.timeline import AS_OF

ASSIGNMENTS_FILE = "overrides/assignments.csv"
CUSTOMER_MOVE_DAY = AS_OF - np.timedelta64(90, "D")
CONTRACT_MOVE_DAY = AS_OF + np.timedelta64(30, "D")
DEFAULT_SHARE = 0.5  # valuation.partner_share default: no partner-program terms on the date


@dataclass(frozen=True)
class ReassignPlan:
    """The two moves: a customer and one contract, each from a reseller to another on a day."""

    customer_key: str
    customer_account: str
    from_customer: str
    to_customer: str
    contract_number: str
    contract_customer: str
    from_contract: str
    to_contract: str


def _days(values: pd.Series) -> np.ndarray:
    return values.to_numpy().astype("datetime64[D]")


def reassign_plan(ctx: Ctx, chan: ChannelPlan) -> ReassignPlan:
    """Choose the moves (see the module docstring): partners and customers of the channel plan are left out."""
    w, c = ctx.world, ctx.world.contracts
    start, end = _days(c.start_date), _days(c.end_date)
    taken = {chan.tier_change_key, chan.fee_key, chan.service_org_reseller}
    accounts = w.crm_accounts[w.crm_accounts.account_type == "Customer"]
    single = accounts.groupby("entity_key").size()
    single_ids = set(single[single == 1].index)
    crm = ctx.plan.crm.to_numpy()
    resold = (c.reseller_key != "").to_numpy() & ~c.reseller_key.isin(taken).to_numpy()
    switched = set(w.customers.customer_key[w.customers.switch_date.notna()])  # the world's own switches
    eligible = resold & crm & c.customer_key.isin(single_ids - switched).to_numpy()
    eligible &= (c.customer_key != chan.tpm_customer).to_numpy()
    after = eligible & (start >= CUSTOMER_MOVE_DAY) & (start <= AS_OF)
    before = eligible & (start < CUSTOMER_MOVE_DAY) & (end >= CUSTOMER_MOVE_DAY)
    score = pd.DataFrame({"key": c.customer_key, "res": c.reseller_key, "a": after, "b": before})
    per = score.groupby(["key", "res"]).agg(a=("a", "sum"), b=("b", "sum")).reset_index()
    per = per[(per.a > 0) & (per.b > 0)].sort_values(["a", "b", "key"], ascending=[False, False, True])
    if per.empty:
        raise ValueError("the demo world has no customer with contracts on both sides of the move day")
    cust, from_res = str(per.key.iloc[0]), str(per.res.iloc[0])
    books = c.loc[resold, "reseller_key"].value_counts()
    to_res = str(sorted(books.drop(from_res, errors="ignore").index, key=lambda k: (-books[k], k))[0])
    open_ = (c.renewed_by == "").to_numpy()
    window = eligible & open_ & (end >= AS_OF + np.timedelta64(60, "D")) & (end <= AS_OF + np.timedelta64(120, "D"))
    window &= ~c.reseller_key.isin({from_res, to_res}).to_numpy() & (c.customer_key != cust).to_numpy()
    cand = c[window].sort_values(["end_date", "contract_number"])
    if cand.empty:
        raise ValueError("the demo world has no open contract to move")
    k = cand.iloc[0]
    third = str(sorted(books.drop([from_res, to_res, k.reseller_key], errors="ignore").index,
                       key=lambda x: (-books[x], x))[0])
    account = str(accounts.loc[accounts.entity_key == cust, "account_id"].iloc[0])
    return ReassignPlan(cust, account, from_res, to_res, str(k.contract_number), str(k.customer_key),
                        str(k.reseller_key), third)


def _name(ctx: Ctx, key: str) -> str:
    return str(ctx.world.partners.set_index("partner_key").name[key])


def write_assignments(ctx: Ctx, home: Path) -> ReassignPlan | None:
    """overrides/assignments.csv (a customer by its CRM account id, a contract by its number written
    without the hyphen, resellers by name) and truth/assignments.csv; nothing for a world too small
    to hold both moves (None)."""
    try:
        plan = reassign_plan(ctx, channel_plan(ctx))
    except ValueError:
        return None
    day1, day2 = str(CUSTOMER_MOVE_DAY), str(CONTRACT_MOVE_DAY)
    rows = pd.DataFrame({
        "customer": [plan.customer_account, ""],
        "contract": ["", plan.contract_number.replace("-", "")],
        "new_reseller": [_name(ctx, plan.to_customer), _name(ctx, plan.to_contract)],
        "new_bill_to": ["", ""],
        "effective_date": [day1, day2],
        "note": ["reseller switch at the customer's request", "one contract handed to another reseller"],
    })
    path = home / ASSIGNMENTS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    rows.to_csv(path, index=False, lineterminator="\n")
    truth = pd.DataFrame({
        "file_row": [2, 3], "scope": ["customer", "contract"],
        "customer_key": [plan.customer_key, plan.contract_customer], "contract_number": ["", plan.contract_number],
        "from_reseller_key": [plan.from_customer, plan.from_contract],
        "to_reseller_key": [plan.to_customer, plan.to_contract], "effective_date": [day1, day2],
    })
    (home / "truth").mkdir(parents=True, exist_ok=True)
    truth.to_csv(home / "truth" / "assignments.csv", index=False, lineterminator="\n")
    write_economics_truth(ctx, home, plan)
    return plan


def _quarter(days: pd.Series) -> pd.Series:
    d = pd.to_datetime(days)
    return d.dt.year.astype(str) + "-Q" + d.dt.quarter.astype(str)


def _rates(lines: pd.DataFrame, terms: pd.DataFrame, book: pd.Series) -> pd.Series:
    """The partner's share rate per booked line: the program terms in force on the start date."""
    t = terms[terms.partner_key != "S0001"].copy()
    t["from"] = pd.to_datetime(t.valid_from)
    t["to"] = pd.to_datetime(t.valid_to).fillna(pd.Timestamp("2262-01-01"))
    pairs = lines.reset_index()[["index", "reseller_key", "event_date"]].merge(
        t, left_on="reseller_key", right_on="partner_key")
    pairs = pairs[(pairs["from"] <= pairs.event_date) & (pairs.event_date <= pairs["to"])].drop_duplicates("index")
    fee = (FIXED_FEE / pairs.reseller_key.map(book)).clip(upper=1.0)
    rate = pd.Series(DEFAULT_SHARE, index=lines.index)
    chosen = pd.to_numeric(pairs.split_percent, errors="coerce").astype("float64")
    rate.loc[pairs["index"].to_numpy()] = chosen.where(chosen.notna(), fee).to_numpy(dtype="float64")
    return rate.where(lines.reseller_key != "", 0.0)


def economics_truth(ctx: Ctx, plan: ReassignPlan) -> pd.DataFrame:
    """Per world contract a booked line (start quarter) and, when it ended by the as-of date, a due
    line (end quarter), each with the reseller in force on its date after the two moves."""
    c = ctx.world.contracts
    start, end = pd.to_datetime(c.start_date), pd.to_datetime(c.end_date)
    resold = c.reseller_key != ""
    moved = (c.customer_key == plan.customer_key) & resold
    one = c.contract_number == plan.contract_number

    def in_force(day: pd.Series) -> pd.Series:
        out = c.reseller_key.where(~(moved & (day >= pd.Timestamp(CUSTOMER_MOVE_DAY))), plan.to_customer)
        return out.where(~(one & (day >= pd.Timestamp(CONTRACT_MOVE_DAY))), plan.to_contract)

    at_start = in_force(start)
    live = (start <= pd.Timestamp(AS_OF)) & (end >= pd.Timestamp(AS_OF))
    book = (c.amount / c.years)[live].groupby(at_start[live]).sum()
    booked = pd.DataFrame({"event": "booked", "contract_number": c.contract_number, "customer_key": c.customer_key,
                           "reseller_key": at_start, "event_date": start, "revenue": c.amount.round(2),
                           "due": 0, "renewed": 0, "lapse_value": 0.0})
    booked["partner_rate"] = _rates(booked, channel_plan(ctx).terms, book)
    booked["partner_share"] = (booked.revenue * booked.partner_rate).round(2)
    ended = end <= pd.Timestamp(AS_OF)
    renewed = (c.renewed_by != "").astype(int)
    due = pd.DataFrame({"event": "due", "contract_number": c.contract_number, "customer_key": c.customer_key,
                        "reseller_key": in_force(end), "event_date": end, "revenue": 0.0, "due": 1,
                        "renewed": renewed, "lapse_value": ((c.amount / c.years).round(2) * (1 - renewed)),
                        "partner_rate": np.nan, "partner_share": 0.0})[ended]
    lines = pd.concat([booked, due], ignore_index=True)
    lines["quarter_label"] = _quarter(lines.event_date)
    lines["event_date"] = lines.event_date.dt.strftime("%Y-%m-%d")
    return lines


MEASURES = ["revenue", "partner_share", "due", "renewed", "lapse_value"]


def write_economics_truth(ctx: Ctx, home: Path, plan: ReassignPlan) -> None:
    """truth/economics_lines.csv and its sums by reseller and by customer per quarter."""
    lines = economics_truth(ctx, plan)
    out = home / "truth"
    lines.to_csv(out / "economics_lines.csv", index=False, lineterminator="\n")
    for key, name in (("reseller_key", "partner_economics.csv"), ("customer_key", "customer_economics.csv")):
        sums = lines.groupby([key, "quarter_label"])[MEASURES].sum().round(2).reset_index()
        sums.to_csv(out / name, index=False, lineterminator="\n")
