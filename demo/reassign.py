"""The demo world's reseller switch: an analyst's overrides/assignments.csv moving one customer from
its reseller to another (effective 90 days before the as-of date), another customer and one
contract to other resellers (effective 20 days after it), with the truth: truth/assignments.csv and the economics the
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
#: the future moves: opportunities worked before this day stay with the old reseller, after it go to the new
LATER_MOVE_DAY = AS_OF + np.timedelta64(20, "D")
CONTRACT_MOVE_DAY = LATER_MOVE_DAY
DEFAULT_SHARE = 0.5  # valuation.partner_share default: no partner-program terms on the date
#: valuation defaults (reports/valuation.py; demo imports no product package): value bands and lead days
DEFAULT_VALUE_BANDS = {"high": 10_000.0, "medium": 2_500.0}
DEFAULT_LEAD_DAYS = {"high": 120, "medium": 90, "low": 60}


@dataclass(frozen=True)
class Move:
    """One row of the assignments file: a customer (all its resold contracts) or one contract."""

    scope: str  # customer | contract
    customer_key: str
    customer_account: str
    contract_number: str
    from_key: str
    to_key: str
    day: np.datetime64


def _days(values: pd.Series) -> np.ndarray:
    return values.to_numpy().astype("datetime64[D]")


def _busiest(books: pd.Series, leave_out: set[str]) -> str:
    """The reseller with the largest book (ties: the smallest key) not in `leave_out`."""
    left = books.drop(list(leave_out), errors="ignore")
    return str(sorted(left.index, key=lambda k: (-left[k], k))[0])


def reassign_plan(ctx: Ctx, chan: ChannelPlan) -> list[Move]:
    """Choose the moves (see the module docstring): partners and customers of the channel plan are left out.

    A customer moved 90 days before the as-of date (contracts on both sides of the day), another
    moved 20 days after it (open renewals on both sides), and one open contract moved 20 days after it.
    """
    w, c = ctx.world, ctx.world.contracts
    start, end = _days(c.start_date), _days(c.end_date)
    taken = {chan.tier_change_key, chan.fee_key, chan.service_org_reseller}
    accounts = w.crm_accounts[w.crm_accounts.account_type == "Customer"]
    single = accounts.groupby("entity_key").size()
    switched = set(w.customers.customer_key[w.customers.switch_date.notna()])  # the world's own switches
    single_ids = set(single[single == 1].index) - switched - {chan.tpm_customer}
    resold = (c.reseller_key != "").to_numpy() & ~c.reseller_key.isin(taken).to_numpy()
    eligible = resold & ctx.plan.crm.to_numpy() & c.customer_key.isin(single_ids).to_numpy()
    # every resold contract of a moved customer must be eligible (one reseller, not the channel plan's)
    whole = pd.Series(eligible | (c.reseller_key == "").to_numpy()).groupby(c.customer_key.to_numpy()).all()
    eligible &= c.customer_key.map(whole).fillna(False).to_numpy(dtype=bool)
    after = eligible & (start >= CUSTOMER_MOVE_DAY) & (start <= AS_OF)
    before = eligible & (start < CUSTOMER_MOVE_DAY) & (end >= CUSTOMER_MOVE_DAY)
    score = pd.DataFrame({"key": c.customer_key, "res": c.reseller_key, "a": after, "b": before})
    per = score.groupby(["key", "res"]).agg(a=("a", "sum"), b=("b", "sum")).reset_index()
    per = per[(per.a > 0) & (per.b > 0)].sort_values(["a", "b", "key"], ascending=[False, False, True])
    open_ = (c.renewed_by == "").to_numpy()
    soon = eligible & open_ & (end >= AS_OF) & (end <= AS_OF + np.timedelta64(120, "D"))
    # the renewals' likely action dates (expiry minus the default lead time of their value band)
    value = (c.amount / c.years * 1.03).to_numpy()
    band = np.where(value >= DEFAULT_VALUE_BANDS["high"], "high",
                    np.where(value >= DEFAULT_VALUE_BANDS["medium"], "medium", "low"))
    lead = pd.Series(band).map(DEFAULT_LEAD_DAYS).to_numpy().astype("timedelta64[D]")
    late = end - lead >= LATER_MOVE_DAY
    sides = pd.DataFrame({"early": soon & ~late, "late": soon & late}).groupby(c.customer_key.to_numpy()).sum()
    sides = sides[(sides.early + sides.late) >= 2]
    if per.empty or sides.empty:
        raise ValueError("the demo world has no customer to move on both sides of a day")
    cust, from_res = str(per.key.iloc[0]), str(per.res.iloc[0])
    sides = sides.drop(cust, errors="ignore")
    both = np.minimum(sides.early, sides.late)
    cust2 = str(sorted(sides.index, key=lambda k: (-both[k], -(sides.early[k] + sides.late[k]), k))[0])
    from2 = str(c.reseller_key[(c.customer_key == cust2).to_numpy() & soon].iloc[0])
    books = c.loc[resold, "reseller_key"].value_counts()
    to_res = _busiest(books, {from_res})
    to2 = _busiest(books, {from2, from_res, to_res})
    window = eligible & open_ & (end >= AS_OF + np.timedelta64(60, "D")) & (end <= AS_OF + np.timedelta64(120, "D"))
    window &= ~c.customer_key.isin({cust, cust2}).to_numpy()
    cand = c[window].sort_values(["end_date", "contract_number"], ascending=[False, True])
    if cand.empty:
        raise ValueError("the demo world has no open contract to move")
    k = cand.iloc[0]
    third = _busiest(books, {str(k.reseller_key), from_res, to_res, to2})

    def account(key: str) -> str:
        return str(accounts.loc[accounts.entity_key == key, "account_id"].iloc[0])

    return [Move("customer", cust, account(cust), "", from_res, to_res, CUSTOMER_MOVE_DAY),
            Move("customer", cust2, account(cust2), "", from2, to2, LATER_MOVE_DAY),
            Move("contract", str(k.customer_key), "", str(k.contract_number), str(k.reseller_key), third,
                 CONTRACT_MOVE_DAY)]


def _name(ctx: Ctx, key: str) -> str:
    return str(ctx.world.partners.set_index("partner_key").name[key])


def planned_moves(ctx: Ctx) -> list[Move]:
    """The world's moves (reassign_plan); none for a world too small to hold them."""
    try:
        return reassign_plan(ctx, channel_plan(ctx))
    except ValueError:
        return []


def write_assignments(ctx: Ctx, home: Path) -> list[Move] | None:
    """overrides/assignments.csv (a customer by its CRM account id, a contract by its number written
    without the hyphen, resellers by name) and truth/assignments.csv; nothing for a world too small
    to hold the moves (None)."""
    moves = planned_moves(ctx)
    if not moves:
        return None
    rows = pd.DataFrame({
        "customer": [m.customer_account for m in moves],
        "contract": [m.contract_number.replace("-", "") for m in moves],
        "new_reseller": [_name(ctx, m.to_key) for m in moves],
        "new_bill_to": "",
        "effective_date": [str(m.day) for m in moves],
        "note": [f"{m.scope} moved to another reseller" for m in moves],
    })
    path = home / ASSIGNMENTS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    rows.to_csv(path, index=False, lineterminator="\n")
    truth = pd.DataFrame({
        "file_row": range(2, len(moves) + 2), "scope": [m.scope for m in moves],
        "customer_key": [m.customer_key for m in moves], "contract_number": [m.contract_number for m in moves],
        "from_reseller_key": [m.from_key for m in moves], "to_reseller_key": [m.to_key for m in moves],
        "effective_date": [str(m.day) for m in moves],
    })
    (home / "truth").mkdir(parents=True, exist_ok=True)
    truth.to_csv(home / "truth" / "assignments.csv", index=False, lineterminator="\n")
    write_economics_truth(ctx, home, moves)
    return moves


def _cents(x: pd.Series) -> pd.Series:
    """Rounded to cents half away from zero, as the warehouse's DECIMAL rounding (pandas rounds half to even)."""
    return np.sign(x) * np.floor(np.round(x.abs() * 100, 6) + 0.5) / 100


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


def economics_truth(ctx: Ctx, moves: list[Move]) -> pd.DataFrame:
    """Per world contract a booked line (start quarter) and, when it ended by the as-of date, a due
    line (end quarter), each with the reseller in force on its date after the two moves."""
    c = ctx.world.contracts
    start, end = pd.to_datetime(c.start_date), pd.to_datetime(c.end_date)
    resold = c.reseller_key != ""

    def in_force(day: pd.Series) -> pd.Series:
        """The reseller on each contract's `day`: the moves applied in date order (a contract row last on a tie)."""
        out = c.reseller_key.copy()
        for m in sorted(moves, key=lambda m: (m.day, m.scope == "contract")):
            hit = (c.contract_number == m.contract_number) if m.scope == "contract" else (
                (c.customer_key == m.customer_key) & resold)
            out = out.where(~(hit & (day >= pd.Timestamp(m.day))), m.to_key)
        return out

    at_start = in_force(start)
    live = (start <= pd.Timestamp(AS_OF)) & (end >= pd.Timestamp(AS_OF))
    book = (c.amount / c.years)[live].groupby(at_start[live]).sum()
    booked = pd.DataFrame({"event": "booked", "contract_number": c.contract_number, "customer_key": c.customer_key,
                           "reseller_key": at_start, "event_date": start, "revenue": c.amount.round(2),
                           "due": 0, "renewed": 0, "lapse_value": 0.0})
    booked["partner_rate"] = _rates(booked, channel_plan(ctx).terms, book)
    booked["partner_share"] = _cents(booked.revenue * booked.partner_rate)
    ended = end <= pd.Timestamp(AS_OF)
    renewed = (c.renewed_by != "").astype(int)
    due = pd.DataFrame({"event": "due", "contract_number": c.contract_number, "customer_key": c.customer_key,
                        "reseller_key": in_force(end), "event_date": end, "revenue": 0.0, "due": 1,
                        "renewed": renewed, "lapse_value": _cents(c.amount / c.years) * (1 - renewed),
                        "partner_rate": np.nan, "partner_share": 0.0})[ended]
    lines = pd.concat([booked, due], ignore_index=True)
    lines["quarter_label"] = _quarter(lines.event_date)
    lines["event_date"] = lines.event_date.dt.strftime("%Y-%m-%d")
    return lines


MEASURES = ["revenue", "partner_share", "due", "renewed", "lapse_value"]


def write_economics_truth(ctx: Ctx, home: Path, moves: list[Move]) -> None:
    """truth/economics_lines.csv and its sums by reseller and by customer per quarter."""
    lines = economics_truth(ctx, moves)
    out = home / "truth"
    lines.to_csv(out / "economics_lines.csv", index=False, lineterminator="\n")
    for key, name in (("reseller_key", "partner_economics.csv"), ("customer_key", "customer_economics.csv")):
        sums = lines.groupby([key, "quarter_label"])[MEASURES].sum().round(2).reset_index()
        sums.to_csv(out / name, index=False, lineterminator="\n")
