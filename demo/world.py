"""The demo world: a hardware vendor's channel as plain DataFrames, the truth every file is drawn from.

Customers (with sibling companies), resellers, leasing companies, distributors, reps, products,
hardware orders and their assets, and service-contract renewal chains, all as of DEMO_AS_OF and
reproducible for a (scale, seed). The parts are drawn in `parties`, `sales` and `contracts` (dates
in `timeline`); this module draws them in a fixed order and adds the CRM accounts and the
contact people (`contacts`, from a generator of their own).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from demo.contacts import crm_user_ids, make_contacts
from demo.contracts import make_contracts
from demo.names import CompanyName
from demo.parties import make_customers, make_partners, make_reps
from demo.sales import make_assets, make_orders, make_products, make_software
from demo.timeline import DEMO_AS_OF, fix_booking_days


@dataclass
class World:
    """Every entity and event of the demo channel (see the module docstring)."""

    as_of: date
    scale: float
    seed: int
    reps: pd.DataFrame
    customers: pd.DataFrame
    customer_names: list[CompanyName]
    partners: pd.DataFrame
    partner_names: list[CompanyName]
    products: pd.DataFrame
    orders: pd.DataFrame
    assets: pd.DataFrame
    contracts: pd.DataFrame
    contract_assets: pd.DataFrame
    software: pd.DataFrame
    crm_accounts: pd.DataFrame
    contacts: pd.DataFrame


def _crm_ids(rng: np.random.Generator, n: int) -> np.ndarray:
    """Salesforce-looking account ids ("0015e00000AbC123"), unique."""
    alphabet = np.array(list("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
    ids: list[str] = []
    seen: set[str] = set()
    while len(ids) < n:
        for row in alphabet[rng.integers(0, len(alphabet), size=(n - len(ids) + 8, 10))]:
            s = "0015e" + "".join(row)
            if s not in seen:
                seen.add(s)
                ids.append(s)
    return np.array(ids[:n], dtype=object)


def _make_crm_accounts(
    rng: np.random.Generator, customers: pd.DataFrame, partners: pd.DataFrame
) -> pd.DataFrame:
    """CRM accounts: customers (~5% twice under another id), resellers and leasing companies."""
    n_c = len(customers)
    dup = np.flatnonzero(rng.random(n_c) < 0.05)
    if len(dup) == 0:
        dup = np.array([n_c - 1])
    cust_rows = np.r_[np.arange(n_c), dup]
    lp = partners[partners.role.isin(["reseller", "leasing"])]
    df = pd.DataFrame(
        {
            "entity_key": np.r_[
                customers.customer_key.to_numpy()[cust_rows], lp.partner_key.to_numpy()
            ],
            "entity_idx": np.r_[cust_rows, lp.index.to_numpy()],
            "account_type": ["Customer"] * len(cust_rows)
            + list(np.where(lp.role == "reseller", "Reseller", "Leasing")),
            "duplicate": np.r_[
                np.zeros(n_c, bool), np.ones(len(dup), bool), np.zeros(len(lp), bool)
            ],
        }
    )
    df["account_id"] = _crm_ids(rng, len(df))
    return df


def build_world(scale: float = 1.0, seed: int = 7) -> World:
    """Generate the whole demo world for a (scale, seed)."""
    rng = np.random.default_rng([seed, 20261101])
    reps = make_reps(scale)
    partners, partner_names = make_partners(rng, scale)
    products = make_products()
    customers, customer_names = make_customers(rng, scale, reps, partners)
    orders = make_orders(rng, customers, products)
    assets = make_assets(rng, orders)
    contracts = make_contracts(rng, orders, customers, products)
    software = make_software(rng, customers)
    fix_booking_days(orders, contracts, software)
    by_order = assets.groupby("order_id").serial_number.agg(list)
    ca = pd.DataFrame(
        {
            "contract_number": contracts.contract_number,
            "serial_number": by_order.reindex(contracts.order_id).to_numpy(),
        }
    )
    contract_assets = ca.explode("serial_number", ignore_index=True)
    assets["ever_covered"] = assets.serial_number.isin(set(contract_assets.serial_number))
    crm = _make_crm_accounts(rng, customers, partners)
    reps["crm_user_id"] = crm_user_ids(seed, reps.name)
    return World(
        DEMO_AS_OF,
        scale,
        seed,
        reps,
        customers,
        customer_names,
        partners,
        partner_names,
        products,
        orders,
        assets,
        contracts,
        contract_assets,
        software,
        crm,
        make_contacts(seed, customers),
    )
