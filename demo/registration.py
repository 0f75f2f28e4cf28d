"""The demo world's registration problems, planted in the distributors' sell-through rows, and the
truth of every registration problem and reseller scorecard the world holds.

Planted (rows of one serial, chosen by a generator of their own): an end customer left as a
placeholder ("N/A", "Stock" ...), the reseller written as its own end customer, and a serial sold
to another customer than the rest of its rows say. The world itself holds the other kinds: hardware
never covered (or covered late), contracts the CRM or the accounting export does not see, and the
blank end customers demo.broken plants. truth/registration_issues.csv lists them all,
truth/scorecards.csv every reseller's figures (definitions: reports/sql/registration/).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from demo.cells import cells_settable
from demo.channel import CERTIFICATION, channel_plan
from demo.context import Ctx
from demo.reassign import DEFAULT_LEAD_DAYS, DEFAULT_VALUE_BANDS, planned_moves
from demo.timeline import AS_OF

#: distributor source -> (end customer, city, region, postal code, reseller) headers
HEADERS: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "westbridge": ("End User", "End User City", "End User State", "End User Zip", "Reseller"),
    "eurolink": ("End Customer", "City", None, None, "Sold To"),
    "summit": ("Ultimate Consignee", "City", "State", "Zip Code", "Partner Name"),
    "pacific": ("End Customer Name", "Ship To City", "State", None, "Reseller Name"),
}
PLACEHOLDERS = ("N/A", "UNKNOWN", "Stock", "TBD", "End User")
AUDIT_DAYS, ATTACH_DAYS, RISK_DAYS, GRACE_DAYS, RENEWAL_WINDOW = 365, 90, 120, 30, 60
UPLIFT = 0.03
TRUTH_COLUMNS = ["kind", "planted", "serial_number", "contract_number", "source_file", "source_sheet", "source_row"]


def _plant_counts(scale: float) -> dict[str, int]:
    n = max(2, round(3 * scale))
    return {"placeholder": n, "reseller_itself": n, "conflict": n + 1}


def _serial_counts(frames: dict[str, pd.DataFrame]) -> dict[str, int]:
    """How many loaded rows name each serial."""
    seen: dict[str, int] = {}
    for df in frames.values():
        for toks, expect in zip(df["serial_truth"], df["expect"], strict=True):
            if expect == "loaded":
                for s in toks:
                    seen[s] = seen.get(s, 0) + 1
    return seen


def _candidates(frames: dict[str, pd.DataFrame]) -> list[tuple[str, int, str]]:
    """(source, row index, serial) of loaded one-serial hardware sale rows, in a stable order."""
    out: list[tuple[str, int, str]] = []
    for src in HEADERS:
        df = frames.get(src)
        if df is None:
            continue
        sale = (df["contract_number"].isna() & (df["expect"] == "loaded")).to_numpy()
        for i in np.flatnonzero(sale):
            toks = df["serial_truth"].iat[i]
            if len(toks) == 1:
                out.append((src, int(df.index[i]), str(toks[0])))
    return sorted(out)


def plant(frames: dict[str, pd.DataFrame], ctx: Ctx) -> pd.DataFrame:
    """Plant the registration problems in the distributor row specs (in place); returns what was planted
    (kind, serial, source, row index) for the truth. Run after demo.broken.inject."""
    rng = ctx.rng("registration")
    seen = _serial_counts(frames)
    cands = _candidates(frames)
    order = rng.permutation(len(cands))
    customers = ctx.world.customers
    planted: list[tuple[str, str, str, int]] = []
    used: set[str] = set()
    wanted = _plant_counts(ctx.world.scale)
    with cells_settable(frames):
        for kind, n in wanted.items():
            made = 0
            for k in order:
                if made == n:
                    break
                src, i, serial = cands[k]
                # a conflict needs another row naming the true customer; every plant a serial of its own
                if serial in used or (kind == "conflict" and seen.get(serial, 0) < 2):
                    continue
                df = frames[src]
                name_h, city_h, region_h, zip_h, reseller_h = HEADERS[src]
                if kind == "placeholder":
                    df.at[i, f"c:{name_h}"] = PLACEHOLDERS[made % len(PLACEHOLDERS)]
                    df.at[i, "customer_key"] = None
                elif kind == "reseller_itself":
                    df.at[i, f"c:{name_h}"] = df.at[i, f"c:{reseller_h}"]
                    df.at[i, "customer_key"] = None
                else:
                    true_key = df.at[i, "customer_key"]
                    others = np.flatnonzero((customers.customer_key != true_key).to_numpy())
                    j = int(others[rng.integers(0, len(others))])
                    df.at[i, f"c:{name_h}"] = ctx.cust_names[j, 0]
                    df.at[i, f"c:{city_h}"] = customers.city.iat[j]
                    if region_h:
                        df.at[i, f"c:{region_h}"] = customers.state.iat[j]
                    if zip_h:
                        df.at[i, f"c:{zip_h}"] = customers.postal_code.iat[j]
                    df.at[i, "customer_key"] = customers.customer_key.iat[j]
                df.at[i, "raw_customer_name"] = df.at[i, f"c:{name_h}"]
                used.add(serial)
                planted.append((kind, serial, src, i))
                made += 1
    return pd.DataFrame(planted, columns=["plant", "serial_number", "source", "index"])


def _billed(rows: pd.DataFrame) -> pd.Series:
    """serial -> the party the vendor's (accounting) sale invoice bills."""
    sale = rows[(rows["source"] == "accounting") & (rows["expect"] == "loaded") & rows["contract_number"].isna()]
    pairs = sale[["serial_truth", "bill_to_key"]].explode("serial_truth").dropna(subset=["serial_truth"])
    return pairs.drop_duplicates("serial_truth").set_index("serial_truth")["bill_to_key"]


def _loaded(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    cols = ["source", "source_file", "source_sheet", "source_row", "expect", "broken_field", "contract_number",
            "serial_truth", "invoice_date", "bill_to_key"]
    return pd.concat([df[cols] for df in frames.values()], ignore_index=True)


def _contracts(ctx: Ctx, rows: pd.DataFrame) -> pd.DataFrame:
    """World contracts with dates, annual value and where they are seen (loaded rows only)."""
    c = ctx.world.contracts.copy()
    c["start"] = pd.to_datetime(c["start_date"])
    c["end"] = pd.to_datetime(c["end_date"])
    c["annual"] = c["amount"] / c["years"]
    loaded = rows[rows["expect"] == "loaded"].dropna(subset=["contract_number"])
    seen = loaded.groupby("contract_number")["source"].agg(set)
    kinds = seen.reindex(c["contract_number"])
    c["invoiced"] = [isinstance(s, set) and "accounting" in s for s in kinds]
    c["in_crm"] = [isinstance(s, set) and "crm_contracts" in s for s in kinds]
    c["visible"] = [isinstance(s, set) for s in kinds]
    return c


def _hardware(ctx: Ctx, rows: pd.DataFrame, contracts: pd.DataFrame) -> pd.DataFrame:
    """Every asset shipped on a loaded sale row, with whether a service was attached within 90 days."""
    sale = rows[(rows["expect"] == "loaded") & rows["contract_number"].isna() & rows["invoice_date"].notna()]
    sold = {s for toks in sale["serial_truth"] for s in toks}
    a = ctx.world.assets.copy()
    a = a[a["serial_number"].isin(sold)].copy()
    a["ship"] = pd.to_datetime(a["ship_date"])
    # the reseller who sold it: a distributor's row names it; a direct sale (no distributor) shows it only
    # when the vendor's invoice bills the reseller
    direct = a["order_id"].map(ctx.world.orders.set_index("order_id")["distributor"]).fillna("") == ""
    acct = _billed(rows)
    resellers = set(ctx.world.partners.loc[ctx.world.partners["role"] == "reseller", "partner_key"])
    billed = a["serial_number"].map(acct)
    a["reseller_key"] = a["reseller_key"].where(~direct, billed.where(billed.isin(resellers), ""))
    cover = ctx.world.contract_assets.merge(contracts[contracts["visible"]][["contract_number", "start", "end"]],
                                            on="contract_number")
    cover = cover.merge(a[["serial_number", "ship"]], on="serial_number")
    cover = cover[cover["end"] >= cover["ship"]]
    first = cover.groupby("serial_number")["start"].min()
    a["first_service"] = a["serial_number"].map(first)
    a["deadline"] = a["ship"] + pd.Timedelta(days=ATTACH_DAYS)
    a["attached"] = a["first_service"].notna() & (a["first_service"] <= a["deadline"])
    as_of = pd.Timestamp(AS_OF)
    a["decided_in_period"] = (a["deadline"] > as_of - pd.Timedelta(days=AUDIT_DAYS)) & (a["deadline"] <= as_of)
    return a


def issue_truth(ctx: Ctx, frames: dict[str, pd.DataFrame], planted: pd.DataFrame) -> pd.DataFrame:
    """Every registration problem of the world (see the module docstring), one row per finding."""
    rows = _loaded(frames)
    as_of = pd.Timestamp(AS_OF)
    contracts = _contracts(ctx, rows)
    parts = []
    for plant, kind in (("placeholder", "no_end_customer"), ("reseller_itself", "no_end_customer"),
                        ("conflict", "conflicting_end_customers")):
        p = planted[planted["plant"] == plant]
        where = [frames[s].loc[i, ["source_file", "source_sheet", "source_row"]] for s, i in zip(
            p["source"], p["index"], strict=True)]
        frame = pd.DataFrame(where, columns=["source_file", "source_sheet", "source_row"]).reset_index(drop=True)
        frame["kind"], frame["planted"] = kind, True
        frame["serial_number"] = p["serial_number"].to_numpy()
        parts.append(frame)
    blank = rows[(rows["expect"] != "loaded") & (rows["broken_field"] == "customer_name")
                 & rows["source"].isin(list(HEADERS))]
    parts.append(blank[["source_file", "source_sheet", "source_row"]].assign(kind="no_end_customer", planted=True))
    hw = _hardware(ctx, rows, contracts)
    late = hw[hw["decided_in_period"] & ~hw["attached"]]
    parts.append(pd.DataFrame({"kind": "hardware_without_service", "planted": False,
                               "serial_number": late["serial_number"].to_numpy()}))
    recent = contracts[contracts["end"] >= as_of - pd.Timedelta(days=AUDIT_DAYS)]
    first_invoice = rows.loc[(rows["source"] == "accounting") & (rows["expect"] == "loaded"), "invoice_date"].min()
    invoiced_only = recent[recent["invoiced"] & ~recent["in_crm"]]
    crm_only = recent[recent["in_crm"] & ~recent["invoiced"]
                      & (recent["start"] <= as_of - pd.Timedelta(days=GRACE_DAYS))
                      & (recent["start"] >= pd.Timestamp(first_invoice))]
    for kind, frame in (("invoiced_not_in_crm", invoiced_only), ("crm_not_invoiced", crm_only)):
        parts.append(pd.DataFrame({"kind": kind, "planted": False,
                                   "contract_number": frame["contract_number"].to_numpy()}))
    out = pd.concat(parts, ignore_index=True)
    for col in TRUTH_COLUMNS:
        if col not in out:
            out[col] = None
    out["source_row"] = pd.array(out["source_row"], dtype="Int64")
    return out[TRUTH_COLUMNS]


def _action_date(c: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """A renewal's action date by the valuation defaults: expiry less the lead days of its value band,
    never before the as-of date."""
    value = c["annual"] * (1 + UPLIFT)
    band = np.where(value >= DEFAULT_VALUE_BANDS["high"], "high",
                    np.where(value >= DEFAULT_VALUE_BANDS["medium"], "medium", "low"))
    lead = pd.to_timedelta(pd.Series(band, index=c.index).map(DEFAULT_LEAD_DAYS), unit="D")
    return (c["end"] - lead).clip(lower=as_of)


def _reassigned(ctx: Ctx, c: pd.DataFrame, when: pd.Series) -> pd.Series:
    """Each contract's reseller after the analyst's reassignments (demo/reassign.py) in force at `when`
    (a contract by its start, an opportunity by its action date)."""
    out = c["reseller_key"].copy()
    for move in planned_moves(ctx):
        subject = (c["contract_number"] == move.contract_number) if move.scope == "contract" else \
            (c["customer_key"] == move.customer_key) & (c["reseller_key"] != "")
        out = out.mask(subject & (when >= pd.Timestamp(move.day)), move.to_key)
    return out


def scorecard_truth(ctx: Ctx, frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every reseller's scorecard figures over the 12 months to the as-of date, after the reassignments."""
    rows = _loaded(frames)
    as_of = pd.Timestamp(AS_OF)
    c = _contracts(ctx, rows)
    c["reseller_key"] = _reassigned(ctx, c, c["start"])
    c = c[c["visible"] & (c["reseller_key"] != "")]
    renewed = c["renewed_by"] != ""
    in_period = (c["end"] >= as_of - pd.Timedelta(days=AUDIT_DAYS)) & (c["end"] < as_of)
    past_window = c["end"] < as_of - pd.Timedelta(days=RENEWAL_WINDOW)
    due = c[in_period & (renewed | past_window)].copy()
    pending = c[in_period & ~renewed & ~past_window]
    every = _contracts(ctx, rows)
    every = every[every["visible"]]
    later = every[["customer_key", "start"]].rename(columns={"start": "later_start"})
    pairs = due[["contract_number", "customer_key", "end"]].merge(later, on="customer_key")
    followed = set(pairs.loc[(pairs["later_start"] > pairs["end"]) & (pairs["later_start"] <= as_of),
                             "contract_number"])
    due["renewed"] = due["renewed_by"] != ""
    due["worked"] = due["renewed"] | due["contract_number"].isin(followed)
    risk = c[(c["renewed_by"] == "") & (c["end"] >= as_of) & (c["end"] <= as_of + pd.Timedelta(days=RISK_DAYS))]
    risk = risk.assign(value=(risk["annual"] * (1 + UPLIFT)).round(2))
    risk = risk.assign(reseller_key=_reassigned(ctx, risk, _action_date(risk, as_of)))  # listed by action date
    hw = _hardware(ctx, rows, _contracts(ctx, rows))
    hw = hw[hw["decided_in_period"] & (hw["reseller_key"] != "")]
    by = "reseller_key"
    out = pd.DataFrame({
        "contracts_due": due.groupby(by).size(),
        "contracts_renewed": due.groupby(by)["renewed"].sum(),
        "contracts_pending": pending.groupby(by).size(),
        "contracts_worked": due.groupby(by)["worked"].sum(),
        "lapse_value": due[~due["renewed"]].groupby(by)["annual"].sum().round(2),
        "hardware_units": hw.groupby(by).size(),
        "hardware_attached": hw.groupby(by)["attached"].sum(),
        "renewals_at_risk": risk.groupby(by).size(),
        "value_at_risk": risk.groupby(by)["value"].sum().round(2),
    })
    counts = [c for c in out.columns if c not in ("lapse_value", "value_at_risk")]
    out[counts] = out[counts].fillna(0).astype(int)
    out[["lapse_value", "value_at_risk"]] = out[["lapse_value", "value_at_risk"]].fillna(0.0)
    out["renewal_rate"] = out["contracts_renewed"] / out["contracts_due"].replace(0, np.nan)
    out["worked_share"] = out["contracts_worked"] / out["contracts_due"].replace(0, np.nan)
    out["attach_rate"] = out["hardware_attached"] / out["hardware_units"].replace(0, np.nan)
    terms = channel_plan(ctx).terms
    start = pd.to_datetime(terms["valid_from"])
    end = pd.to_datetime(terms["valid_to"])
    now = terms[(start.isna() | (start <= as_of)) & (end.isna() | (end >= as_of))].drop_duplicates("partner_key")
    tier = now.set_index("partner_key")["tier"]
    out["tier"] = out.index.map(tier)
    out["certification"] = out["tier"].map(CERTIFICATION)
    return out.rename_axis("reseller_key").reset_index()


def write_registration_truth(ctx: Ctx, home: Path, frames: dict[str, pd.DataFrame], planted: pd.DataFrame) -> None:
    """truth/registration_issues.csv and truth/scorecards.csv (frames as written: source_row filled)."""
    out = home / "truth"
    out.mkdir(parents=True, exist_ok=True)
    issue_truth(ctx, frames, planted).to_csv(out / "registration_issues.csv", index=False, lineterminator="\n")
    scorecard_truth(ctx, frames).to_csv(out / "scorecards.csv", index=False, lineterminator="\n")
