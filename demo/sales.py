"""What the vendor sold: the product catalogue, hardware orders and their assets, software licences."""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo.names import make_serials
from demo.parties import reseller_at
from demo.timeline import HISTORY_DAYS, LAST_DAY, as_days, ensure_late_day
from demo.vocab_channel import DISTRIBUTORS
from demo.vocab_products import FAMILY_NAMES, HARDWARE, HARDWARE_VARIANTS, SERIAL_PREFIXES, SERVICE_LEVELS, SOFTWARE


def make_products() -> pd.DataFrame:
    """Hardware (with spare/localised variants), software and per-family service SKUs."""
    rows = [(s, d, "hardware", p, fam, "") for s, fam, d, p in HARDWARE]
    base = {s: (fam, d, p) for s, fam, d, p in HARDWARE}
    for var, orig, extra in HARDWARE_VARIANTS:
        fam, d, p = base[orig]
        rows.append((var, d + extra, "hardware", p, fam, ""))
    rows += [(s, d, "software", p, "", "") for s, d, p in SOFTWARE]
    med = {
        fam: float(np.median([p for _, f, _, p in HARDWARE if f == fam]))
        for fam in FAMILY_NAMES
    }
    for code, level, pct, desc, _ in SERVICE_LEVELS:
        for fam, fam_name in FAMILY_NAMES.items():
            price = round(pct * med[fam] / 10) * 10.0
            rows.append(
                (f"CS-{code}-{fam}", f"{desc}, {fam_name}, 1 year", "service", price, fam, level)
            )
    return pd.DataFrame(
        rows, columns=["sku", "description", "category", "list_price", "family", "service_level"]
    )


def make_orders(
    rng: np.random.Generator, customers: pd.DataFrame, products: pd.DataFrame
) -> pd.DataFrame:
    """Hardware orders: a customer buys 1-5 units of one SKU on a ship date via a channel."""
    n_c = len(customers)
    per = 1 + rng.poisson(2.8, size=n_c)
    cust = np.repeat(np.arange(n_c), per)
    n = len(cust)
    hw = products[(products.category == "hardware")].reset_index(drop=True)
    base_hw = hw[~hw.sku.isin([v for v, _, _ in HARDWARE_VARIANTS])].reset_index(drop=True)
    fam_w = {"SRV": 0.3, "SW": 0.3, "STO": 0.1, "RTR": 0.1, "FW": 0.1, "AP": 0.1}
    w = base_hw.family.map(fam_w) / base_hw.family.map(base_hw.family.value_counts())
    sku = base_hw.sku.to_numpy()[rng.choice(len(base_hw), size=n, p=(w / w.sum()).to_numpy())]
    foreign = customers.country.to_numpy()[cust] != "US"
    r = rng.random(n)
    sku = np.where(foreign & (sku == "SW-C9300-48P") & (r < 0.4), "SW-C9300-48P-EU", sku)
    sku = np.where(foreign & (sku == "SW-C9300-48P") & (r < 0.7), "SW-C9300-48P-UK", sku)
    sku = np.where(foreign & (sku == "AP-C9120AX") & (r < 0.7), "AP-C9120AX-EU", sku)
    sku = np.where((sku == "SRV-R740-B") & (r > 0.95), "SRV-R740-B=", sku)
    ship = LAST_DAY - as_days(rng.integers(0, HISTORY_DAYS, size=n))
    qty = rng.choice(np.arange(1, 6), size=n, p=[0.35, 0.25, 0.2, 0.12, 0.08])
    pref = customers.distributor.to_numpy()[cust]
    names = np.array([s for s, _ in DISTRIBUTORS])
    r = rng.random(n)
    dist = np.where(r < 0.2, "", np.where(r < 0.92, pref, names[rng.integers(0, 4, size=n)]))
    price = products.set_index("sku").list_price
    unit = np.round(price.reindex(sku).to_numpy() * rng.uniform(0.62, 0.88, size=n), 2)
    orders = pd.DataFrame(
        {
            "order_id": np.arange(n),
            "cust_idx": cust,
            "customer_key": customers.customer_key.to_numpy()[cust],
            "sku": sku,
            "family": products.set_index("sku").family.reindex(sku).to_numpy(),
            "ship_date": ship,
            "qty": qty,
            "distributor": dist,
            "unit_price": unit,
        }
    )
    orders["ship_date"] = ensure_late_day(
        orders.distributor.to_numpy(), orders.ship_date.to_numpy(), np.ones(n, dtype=bool)
    )
    orders["reseller_key"] = reseller_at(customers, cust, orders.ship_date.to_numpy())
    return orders


def make_assets(rng: np.random.Generator, orders: pd.DataFrame) -> pd.DataFrame:
    """One asset per ordered unit, with a unique vendor-style or numeric serial."""
    o = orders.loc[orders.index.repeat(orders.qty)].reset_index(drop=True)
    fam = o.family.to_numpy()
    numeric = (fam == "STO") | ((fam == "SRV") & (rng.random(len(o)) < 0.2))
    prefixes = np.array(
        [
            SERIAL_PREFIXES[f][int(k) % len(SERIAL_PREFIXES[f])]
            for f, k in zip(fam, rng.integers(0, 2, size=len(o)), strict=True)
        ],
        dtype=object,
    )
    serial = make_serials(rng, prefixes, numeric, o.ship_date.to_numpy())
    return pd.DataFrame(
        {
            "serial_number": serial,
            "sku": o.sku,
            "customer_key": o.customer_key,
            "reseller_key": o.reseller_key,
            "ship_date": o.ship_date,
            "order_id": o.order_id,
        }
    )


def make_software(rng: np.random.Generator, customers: pd.DataFrame) -> pd.DataFrame:
    """Software licences sold through distributors (no serials)."""
    n = max(3, round(0.5 * len(customers)))
    cust = rng.integers(0, len(customers), size=n)
    sku_i = rng.integers(0, len(SOFTWARE), size=n)
    when = LAST_DAY - as_days(rng.integers(0, HISTORY_DAYS, size=n))
    return pd.DataFrame(
        {
            "sale_id": np.arange(n),
            "cust_idx": cust,
            "customer_key": customers.customer_key.to_numpy()[cust],
            "reseller_key": reseller_at(customers, cust, when),
            "distributor": customers.distributor.to_numpy()[cust],
            "date": when,
            "sku": np.array([s for s, _, _ in SOFTWARE])[sku_i],
            "qty": rng.integers(1, 26, size=n),
            "unit_price": np.round(
                np.array([p for _, _, p in SOFTWARE])[sku_i] * rng.uniform(0.7, 0.9, size=n),
                2,
            ),
        }
    )
