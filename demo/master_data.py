"""Row specs of the vendor's master data: the CRM account and contract exports and the price list."""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo import fmt
from demo.channel import channel_plan
from demo.context import Ctx, spec
from demo.timeline import AS_OF
from demo.vocab_places import COUNTRY_NAMES
from demo.vocab_products import LEVEL_SPELLINGS


def _phones(rng: np.random.Generator, phones: np.ndarray) -> np.ndarray:
    """US phone numbers in the formats people type them; foreign ones as given."""
    out = []
    for p, k in zip(phones, rng.integers(0, 5, size=len(phones)), strict=True):
        if not p.startswith("("):
            out.append(p)
            continue
        a, b, c = p[1:4], p[6:9], p[10:14]
        out.append([p, f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}", f"{a}{b}{c}"][k])
    return np.array(out, dtype=object)


def crm_accounts(ctx: Ctx) -> pd.DataFrame:
    """CRM account export: customers (some twice), resellers and leasing companies."""
    rng = ctx.rng("crm_accounts")
    w = ctx.world
    acc = (
        w.crm_accounts.assign(name=ctx.account_names)
        .sort_values("account_id")
        .reset_index(drop=True)
    )
    n = len(acc)
    is_cust = (acc.account_type == "Customer").to_numpy()
    cust = w.customers.set_index("customer_key")
    part = w.partners.set_index("partner_key")
    keys = acc.entity_key.to_numpy()

    def col(name: str) -> np.ndarray:
        out = np.full(n, "US" if name == "country" else "", dtype=object)
        if name in cust.columns:
            out[is_cust] = cust[name].reindex(keys[is_cust]).to_numpy()
        if name in part.columns:
            out[~is_cust] = part[name].reindex(keys[~is_cust]).to_numpy()
        return out

    postal, country = col("postal_code"), col("country")
    lose = (country == "US") & np.char.startswith(postal.astype(str), "0") & (rng.random(n) < 0.5)
    postal = np.where(lose, np.char.lstrip(postal.astype(str), "0"), postal).astype(object)
    country_cell = np.array(
        [
            COUNTRY_NAMES[cc][int(k) if cc == "US" else 0]
            for cc, k in zip(country, rng.integers(0, 3, size=n), strict=True)
        ],
        dtype=object,
    )
    domain = col("domain")
    web = np.array(
        [
            "" if not d else [f"https://www.{d}/", f"www.{d}", d, f"http://{d}"][int(k)]
            for d, k in zip(domain, rng.integers(0, 4, size=n), strict=True)
        ],
        dtype=object,
    )
    owner = np.where(
        is_cust, col("rep"), np.where(acc.account_type == "Reseller", col("channel_rep"), "")
    )
    group = col("sibling_group")
    first_of_group: dict[str, str] = {}
    for k, g in zip(w.customers.customer_key, w.customers.sibling_group, strict=True):
        if g and g not in first_of_group:
            first_of_group[g] = ctx.primary_account[k]
    parent = np.array(
        [first_of_group.get(g, "") if g and rng.random() < 0.4 else "" for g in group], dtype=object
    )
    parent = np.where(parent == acc.account_id.to_numpy(), "", parent)
    kind = acc.account_type.to_numpy()
    user_ids = dict(zip(w.reps.name, w.reps.crm_user_id, strict=True))
    owner_id = np.array([user_ids.get(o, "") for o in owner], dtype=object)
    people = w.contacts.set_index("customer_key").reindex(keys)
    listed = is_cust & people.in_crm.fillna(False).to_numpy(dtype=bool) & ~acc.duplicate.to_numpy()

    def contact(name: str) -> np.ndarray:
        return np.where(listed, people[name].fillna("").to_numpy(dtype=object), "")

    cells = {
        "Account ID": acc.account_id.to_numpy(),
        "Account Name": acc.name.to_numpy(),
        "Type": kind,
        "Billing Street": col("address"),
        "Billing City": col("city"),
        "Billing State": col("state"),
        "Billing Zip": postal,
        "Billing Country": country_cell,
        "Website": web,
        "Phone": _phones(rng, col("phone")),
        "Account Owner": owner,
        "Account Owner ID": owner_id,
        "Primary Contact": contact("contact_name"),
        "Contact Email": contact("contact_email"),
        "Contact Phone": contact("contact_phone"),
        "Parent Account": parent,
    }
    truth = {
        "source_file": np.full(n, "inbox/crm/accounts.csv", dtype=object),
        "customer_key": np.where(is_cust, keys, None),
        "reseller_key": np.where(kind == "Reseller", keys, None),
        "bill_to_key": np.where(kind == "Leasing", keys, None),
        "raw_customer_name": acc.name.to_numpy(),
    }
    return spec(n, "crm_accounts", truth, cells)


def crm_contracts(ctx: Ctx) -> pd.DataFrame:
    """CRM contract export: most contracts, US dates, sometimes the serials, sometimes a duplicate account."""
    rng = ctx.rng("crm_contracts")
    w = ctx.world
    c = w.contracts[ctx.plan.crm.to_numpy()].sort_values(
        ["start_date", "contract_number"], kind="stable"
    )
    n = len(c)
    acc = w.crm_accounts.assign(name=ctx.account_names)
    dup = acc[acc.duplicate].drop_duplicates("entity_key").set_index("entity_key")
    prim = acc[~acc.duplicate].set_index("entity_key")
    use_dup = c.customer_key.isin(dup.index).to_numpy() & (rng.random(n) < 0.5)
    acc_id = np.where(
        use_dup,
        dup.account_id.reindex(c.customer_key).to_numpy(),
        prim.account_id.reindex(c.customer_key).to_numpy(),
    )
    acc_name = np.where(
        use_dup,
        dup.name.reindex(c.customer_key).to_numpy(),
        prim.name.reindex(c.customer_key).to_numpy(),
    )
    level = np.array(
        [
            LEVEL_SPELLINGS[lv][int(k)]
            for lv, k in zip(c.service_level, rng.choice(3, size=n, p=[0.6, 0.3, 0.1]), strict=True)
        ],
        dtype=object,
    )
    end = c.end_date.to_numpy().astype("datetime64[D]")
    status = np.where(
        end >= AS_OF, "Active", np.where(c.renewed_by.to_numpy() != "", "Renewed", "Expired")
    )
    with_serials = rng.random(n) < 0.5
    aidx = [
        ctx.contract_aidx[i] if s else np.zeros(0, int)
        for i, s in zip(c.index, with_serials, strict=True)
    ]
    written, truth = ctx.serial_cells(rng, aidx, {"exact": 1.0})
    cells = {
        "Contract Number": c.contract_number.to_numpy(),
        "Account ID": acc_id,
        "Account Name": acc_name,
        "Service Level": level,
        "Start Date": fmt.fmt_dates(c.start_date, "m/d/Y"),
        "End Date": fmt.fmt_dates(end, "m/d/Y"),
        "Amount": fmt.fmt_plain(c.amount),
        "Currency": c.currency.to_numpy(),
        "Reseller": ctx.partner_names_for(
            rng, c.reseller_key.to_numpy(), {"legal": 3, "nosuffix": 1}
        ),
        "Status": status,
        "Owner": c.rep.to_numpy(),
        "Serial Numbers": np.array(["; ".join(x) for x in written], dtype=object),
        "Service Provider": channel_plan(ctx).provider_cells[c.index.to_numpy()],
    }
    truth_cols = {
        "source_file": np.full(n, "inbox/crm/contracts.csv", dtype=object),
        "customer_key": c.customer_key.to_numpy(),
        "reseller_key": c.reseller_key.to_numpy(),
        "bill_to_key": c.bill_to_key.to_numpy(),
        "contract_number": c.contract_number.to_numpy(),
        "raw_contract_number": c.contract_number.to_numpy(),
        "serials": written,
        "serial_truth": truth,
        "service_start": c.start_date.to_numpy().astype("datetime64[D]"),
        "service_end": end,
        "amount": c.amount.to_numpy(dtype=float),
        "raw_customer_name": acc_name,
    }
    return spec(n, "crm_contracts", truth_cols, cells)


def price_list(ctx: Ctx) -> pd.DataFrame:
    """The vendor price list: every SKU with description, category and list price."""
    p = ctx.world.products
    n = len(p)
    cells = {
        "SKU": p.sku.to_numpy(),
        "Description": p.description.to_numpy(),
        "Category": p.category.to_numpy(),
        "List Price": p.list_price.to_numpy(dtype=object),
    }
    truth = {
        "source_file": np.full(n, "inbox/pricelist/price_list.xlsx", dtype=object),
        "source_sheet": np.full(n, "Price List", dtype=object),
        "sku": p.sku.to_numpy(),
        "list_price": p.list_price.to_numpy(dtype=float),
    }
    return spec(n, "price_list", truth, cells)
