"""Service contracts: renewal chains drawn step by step, then keys, parties, SKU, money and channel."""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo.parties import reseller_at
from demo.timeline import LAST_DAY, add_years, as_days
from demo.vocab_products import SERVICE_LEVELS


def _make_chains(rng: np.random.Generator, orders: pd.DataFrame) -> pd.DataFrame:
    """Contract chains: start, term, renewal gap and lapse drawn step by step for all chains at once."""
    covered = rng.random(len(orders)) < 0.82
    late = rng.random(len(orders)) < 0.3
    first = orders.ship_date.to_numpy() + as_days(
        rng.integers(0, 31, size=len(orders)) + np.where(late, 365, 0)
    )
    ok = covered & (first <= LAST_DAY)
    chain_order = np.flatnonzero(ok)
    level0 = rng.choice(3, size=len(chain_order), p=[0.5, 0.3, 0.2])
    parts = []
    alive = np.arange(len(chain_order))
    start = first[ok]
    level = level0.copy()
    step = 0
    while len(alive):
        years = np.where(rng.random(len(alive)) < 0.15, 3, 1)
        end = add_years(start, years) - np.timedelta64(1, "D")
        parts.append(
            pd.DataFrame(
                {
                    "chain": alive,
                    "step": step,
                    "start_date": start,
                    "years": years,
                    "end_date": end,
                    "level_idx": level,
                }
            )
        )
        renew = rng.random(len(alive)) < 0.87
        gap = np.where(rng.random(len(alive)) < 0.6, 1, rng.integers(2, 46, size=len(alive)))
        nxt = end + as_days(gap)
        go = renew & (nxt <= LAST_DAY)
        upgrade = (rng.random(len(alive)) < 0.05) & (level < 2)
        level = np.where(upgrade, level + 1, level)[go]
        alive, start = alive[go], nxt[go]
        step += 1
    chains = pd.concat(parts, ignore_index=True).sort_values(["chain", "step"], kind="stable")
    chains["order_id"] = chain_order[chains.chain.to_numpy()]
    return chains.reset_index(drop=True)


def make_contracts(
    rng: np.random.Generator, orders: pd.DataFrame, customers: pd.DataFrame, products: pd.DataFrame
) -> pd.DataFrame:
    """Service contracts with keys, parties, SKU, money, channel and the contract that renewed each."""
    c = _make_chains(rng, orders)
    n = len(c)
    o = orders.set_index("order_id").loc[c.order_id]
    cust_idx = o.cust_idx.to_numpy()
    numbers = rng.choice(9_000_000, size=n, replace=False) + 1_000_000
    c["contract_number"] = [f"SC-{x:07d}" for x in numbers]
    c["customer_key"] = o.customer_key.to_numpy()
    c["cust_idx"] = cust_idx
    c["reseller_key"] = reseller_at(customers, cust_idx, c.start_date.to_numpy())
    r = rng.random(n)
    role = np.where(r < 0.6, "reseller", np.where(r < 0.75, "leasing", "customer"))
    c["bill_to_role"] = role
    c["bill_to_key"] = np.where(
        role == "reseller",
        c.reseller_key,
        np.where(role == "leasing", customers.leasing_key.to_numpy()[cust_idx], c.customer_key),
    )
    codes = np.array([lv[0] for lv in SERVICE_LEVELS])
    levels = np.array([lv[1] for lv in SERVICE_LEVELS])
    fam = o.family.to_numpy()
    c["sku"] = np.char.add(
        np.char.add("CS-", codes[c.level_idx]), np.char.add("-", fam.astype(str))
    )
    c["service_level"] = levels[c.level_idx]
    c["n_assets"] = o.qty.to_numpy()
    price = products.set_index("sku").list_price.reindex(c.sku).to_numpy()
    year = c.start_date.to_numpy().astype("datetime64[Y]").astype(int) + 1970
    disc = np.round(rng.uniform(0.85, 1.0, size=n), 2)
    c["line_amount"] = np.round(price * c.years.to_numpy() * disc * 1.03 ** (year - 2026), 2)
    c["amount"] = np.round(c.line_amount * c.n_assets, 2)
    c["currency"] = "USD"
    nxt = c.groupby("chain").contract_number.shift(-1)
    c["renewed_by"] = nxt.fillna("").astype(str)
    c["rep"] = customers.rep.to_numpy()[cust_idx]
    pref = np.where(
        o.distributor.to_numpy() != "",
        o.distributor.to_numpy(),
        customers.distributor.to_numpy()[cust_idx],
    )
    c["distributor"] = np.where(rng.random(n) < 0.45, pref, "")
    booked = c.start_date.to_numpy() - as_days(rng.integers(0, 21, size=n))
    c["booked"] = np.minimum(
        np.maximum(booked, o.ship_date.to_numpy()), LAST_DAY
    )  # never before the hardware shipped
    return c
