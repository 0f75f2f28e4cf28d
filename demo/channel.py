"""The demo world's channel model: a partner program (one partner's tier changes mid-year, one is
paid a fixed yearly fee), a reseller served by an independent service organisation and a customer
maintained by a third party - chosen by fixed rules from the world, with their truth.

The choices read the world and the CRM visibility plan only (no random draw of another source
moves); the partner-program file's spellings come from a generator of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from demo.context import Ctx, spec
from demo.timeline import AS_OF

PROGRAM_FILE = "inbox/channel/partner_program.csv"
PROGRAM_START = np.datetime64("2026-01-01", "D")
#: the tier change: a silver partner certified gold from this day (a month after the as-of date)
CHANGE_DAY = AS_OF + np.timedelta64(30, "D")
SPLIT = {"gold": 0.40, "silver": 0.35, "registered": 0.30}
CERTIFICATION = {"gold": "Expert", "silver": "Professional", "registered": "Associate"}
STAFF = {"gold": 8, "silver": 4, "registered": 1}
FIXED_FEE = 6000.0
SERVICE_ORGS = ("Keystone Field Services LLC", "Brightline Onsite Services Inc.", "Cobalt Service Partners LLC")
TPMS = ("Parkline Maintenance Group Inc.", "Evergreen Hardware Care Corp", "Sterling Third Party Support Ltd")
OWNER_WINDOW = (np.timedelta64(-180, "D"), np.timedelta64(120, "D"))


@dataclass(frozen=True)
class ChannelPlan:
    """Who is what in the demo channel, and every contract's true renewal owner."""

    tier_change_key: str
    fee_key: str
    service_org_reseller: str
    service_org_name: str
    tpm_customer: str
    tpm_name: str
    provider_cells: np.ndarray  # per world contract: the CRM's "Service Provider" cell ("" for none)
    owners: pd.DataFrame        # contract_number, customer_key, reseller_key, renewal_owner, at_risk
    terms: pd.DataFrame         # the program rows' truth


def _most(keys: pd.Series, exclude: set[str]) -> str:
    """The key occurring most often (ties: the smallest key), leaving out `exclude`."""
    counts = keys[~keys.isin(exclude) & (keys != "")].value_counts()
    counts = counts[counts == counts.max()] if len(counts) else counts
    return str(sorted(counts.index)[0]) if len(counts) else ""


def channel_plan(ctx: Ctx) -> ChannelPlan:
    """The channel choices for a rendered world (see the module docstring)."""
    w = ctx.world
    c = w.contracts
    end = c.end_date.to_numpy().astype("datetime64[D]")
    start = c.start_date.to_numpy().astype("datetime64[D]")
    open_ = (c.renewed_by == "").to_numpy()
    tiers = w.partners.set_index("partner_key").tier
    res_tier = c.reseller_key.map(tiers).fillna("")
    upcoming = open_ & (end >= AS_OF) & (end <= AS_OF + np.timedelta64(150, "D"))
    change = _most(c.reseller_key[upcoming & (res_tier == "silver").to_numpy()], set())
    usd = c.groupby("reseller_key").currency.agg(lambda s: bool((s == "USD").all()))
    in_force = (start <= AS_OF) & (end >= AS_OF)
    fee_pool = c.reseller_key[in_force & (res_tier == "registered").to_numpy()]
    fee = _most(fee_pool[fee_pool.map(usd).fillna(False).astype(bool)], {change})
    visible = ctx.plan.crm.to_numpy() & open_
    window = visible & (end >= AS_OF + OWNER_WINDOW[0]) & (end <= AS_OF + OWNER_WINDOW[1])
    served = _most(c.reseller_key[window], {change, fee})
    tpm_customer = _most(c.customer_key[window & (c.reseller_key != served).to_numpy()], set())
    org_name = SERVICE_ORGS[ctx.seed % len(SERVICE_ORGS)]
    tpm_name = TPMS[ctx.seed % len(TPMS)]
    by_org = (c.reseller_key == served).to_numpy() & ctx.plan.crm.to_numpy()
    by_tpm = (c.customer_key == tpm_customer).to_numpy() & ctx.plan.crm.to_numpy() & ~by_org
    cells = np.where(by_org, org_name, np.where(by_tpm, tpm_name, ""))
    owner = np.where(by_org, "service_org", np.where(by_tpm, "third_party",
                                                     np.where(c.reseller_key != "", "reseller", "vendor")))
    owners = pd.DataFrame({"contract_number": c.contract_number.to_numpy(), "customer_key": c.customer_key.to_numpy(),
                           "reseller_key": c.reseller_key.to_numpy(), "renewal_owner": owner,
                           "at_risk": owner == "third_party"})
    return ChannelPlan(change, fee, served, org_name, tpm_customer, tpm_name, cells, owners,
                       _terms(ctx, change, fee, org_name))


def _terms(ctx: Ctx, change: str, fee: str, org_name: str) -> pd.DataFrame:
    """One program row per reseller (two for the tier change) and one for the service organisation."""
    res = ctx.world.partners[ctx.world.partners.role == "reseller"]
    rows: list[tuple[object, ...]] = []
    for key, tier in zip(res.partner_key, res.tier, strict=True):
        split = None if key == fee else SPLIT[tier]
        fixed = FIXED_FEE if key == fee else None
        if key == change:
            rows.append((key, "silver", split, fixed, PROGRAM_START, CHANGE_DAY - np.timedelta64(1, "D")))
            rows.append((key, "gold", SPLIT["gold"], None, CHANGE_DAY, None))
        else:
            rows.append((key, tier, split, fixed, PROGRAM_START, None))
    terms = pd.DataFrame(rows, columns=["partner_key", "tier", "split_percent", "fixed_fee", "valid_from", "valid_to"])
    terms["name"] = ""
    terms["support_model"] = "Reseller first-line support"
    org = pd.DataFrame([{"partner_key": "S0001", "tier": "service partner", "split_percent": None, "fixed_fee": None,
                         "valid_from": PROGRAM_START, "valid_to": None, "name": org_name,
                         "support_model": "Authorised service organisation"}])
    return pd.concat([terms, org], ignore_index=True)


def partner_program(ctx: Ctx) -> pd.DataFrame:
    """The vendor's partner-program export (CSV): partner, id, tier, certification, staff, support
    model, revenue share as "40%" text or a yearly fee, valid from / to (ISO dates)."""
    plan = channel_plan(ctx)
    t = plan.terms
    rng = ctx.rng("partner_program")
    n = len(t)
    is_res = (t.partner_key != "S0001").to_numpy()
    names = np.array(t.name.to_numpy(), dtype=object)
    names[is_res] = ctx.partner_names_for(rng, t.partner_key.to_numpy()[is_res], {"legal": 3, "nosuffix": 1})
    tier = t.tier.to_numpy()

    def day(values: pd.Series) -> np.ndarray:
        out = pd.to_datetime(values).dt.strftime("%Y-%m-%d")
        return np.array(out.where(out.notna(), "").to_numpy(), dtype=object)

    cells = {
        "Partner": names,
        "Partner ID": np.where(is_res, ("PP-" + t.partner_key.str[1:]).to_numpy(dtype=object), "PP-S001"),
        "Tier": np.array([x.title() for x in tier], dtype=object),
        "Certification": np.array([CERTIFICATION.get(x, "Service") for x in tier], dtype=object),
        "Certified Staff": np.array([str(STAFF.get(x, 12)) for x in tier], dtype=object),
        "Support Model": t.support_model.to_numpy(),
        "Revenue Share": np.array([f"{v * 100:g}%" if pd.notna(v) else "" for v in t.split_percent], dtype=object),
        "Annual Fee": np.array([f"{v:.2f}" if pd.notna(v) else "" for v in t.fixed_fee], dtype=object),
        "Valid From": day(t.valid_from),
        "Valid To": day(t.valid_to),
    }
    truth = {"source_file": np.full(n, PROGRAM_FILE, dtype=object),
             "reseller_key": np.where(is_res, t.partner_key.to_numpy(), None)}
    return spec(n, "partner_program", truth, cells)


def write_channel_truth(ctx: Ctx, home: Path, crm_rows: pd.DataFrame) -> None:
    """truth/partner_terms.csv, truth/renewal_owners.csv and truth/channel_parties.csv.

    `crm_rows`: the CRM contract rows as written (after the planted breakage): a contract whose
    CRM row was broken on purpose shows no service provider, so its true owner is the default.
    """
    plan = channel_plan(ctx)
    loaded = set(crm_rows.loc[crm_rows["expect"] == "loaded", "contract_number"])
    owners = plan.owners.copy()
    unseen = owners["renewal_owner"].isin(["service_org", "third_party"]) & ~owners["contract_number"].isin(loaded)
    owners.loc[unseen, "renewal_owner"] = np.where(owners.loc[unseen, "reseller_key"] != "", "reseller", "vendor")
    owners["at_risk"] = owners["renewal_owner"] == "third_party"
    out = home / "truth"
    out.mkdir(parents=True, exist_ok=True)
    terms = plan.terms.copy()
    for col in ("valid_from", "valid_to"):
        terms[col] = pd.to_datetime(terms[col]).dt.strftime("%Y-%m-%d").fillna("")
    terms.to_csv(out / "partner_terms.csv", index=False, lineterminator="\n")
    owners.to_csv(out / "renewal_owners.csv", index=False, lineterminator="\n")
    pd.DataFrame({
        "key": ["S0001", "T0001", plan.tier_change_key, plan.fee_key, plan.service_org_reseller, plan.tpm_customer],
        "name": [plan.service_org_name, plan.tpm_name, "", "", "", ""],
        "role": ["service_org", "third_party", "tier_change", "fixed_fee", "served_by_service_org",
                 "third_party_customer"],
        "date": ["", "", str(CHANGE_DAY), "", "", ""],
    }).to_csv(out / "channel_parties.csv", index=False, lineterminator="\n")
