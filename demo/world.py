"""The demo world: a hardware vendor's channel as plain DataFrames, the truth every file is drawn from.

Customers (with sibling companies), resellers, leasing companies, distributors, reps, products,
hardware orders and their assets, and service-contract renewal chains, all as of DEMO_AS_OF and
reproducible for a (scale, seed).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from demo import vocab
from demo.names import CompanyName, make_serials
from demo.periods import ORDER_SENSITIVE, file_period

DEMO_AS_OF: date = date(2026, 11, 1)
AS_OF = np.datetime64(DEMO_AS_OF.isoformat(), "D")
LAST_DAY = AS_OF - np.timedelta64(1, "D")
HISTORY_DAYS = 5 * 365
DISTRIBUTOR_KEYS = {src: f"D{i + 1:04d}" for i, (src, _) in enumerate(vocab.DISTRIBUTORS)}


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


def _days(n: np.ndarray | int) -> np.ndarray:
    """Integer day counts as numpy timedeltas."""
    return np.asarray(n).astype("timedelta64[D]")


def add_years(d: np.ndarray, years: np.ndarray) -> np.ndarray:
    """Add whole years to days (29 Feb falls back to 28 Feb), vectorised."""
    d = np.asarray(d, dtype="datetime64[D]")
    month_start = d.astype("datetime64[M]")
    day = (d - month_start.astype("datetime64[D]")).astype(int)
    target = month_start + np.asarray(years, dtype=int) * 12
    dim = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(int)
    return target.astype("datetime64[D]") + _days(np.minimum(day, dim - 1))


def _slug(text: str) -> str:
    """ASCII lower-case letters and digits only ("Müller & Co" -> "muellerandco")."""
    text = text.replace("&", "and")
    for a, b in (
        ("ä", "ae"),
        ("ö", "oe"),
        ("ü", "ue"),
        ("ß", "ss"),
        ("Ä", "ae"),
        ("Ö", "oe"),
        ("Ü", "ue"),
    ):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in text.lower() if c.isalnum())


def _make_reps(scale: float) -> pd.DataFrame:
    """Sales reps (5-8, more at larger scale) and the vendor's channel managers."""
    n = int(np.clip(5 + round(scale * 2), 5, 8))
    sales = list(vocab.REP_NAMES[:n])
    rows = [(f"REP{i + 1:02d}", nm, nm.split()[0], "sales") for i, nm in enumerate(sales)]
    rows += [
        (f"CHN{i + 1:02d}", nm, nm.split()[0], "channel") for i, nm in enumerate(vocab.CHANNEL_REPS)
    ]
    df = pd.DataFrame(rows, columns=["rep_key", "name", "first_name", "role"])
    df["source"] = np.where(df.role == "sales", "tracker_" + df.first_name.str.lower(), "")
    return df


def _stem_pool(rng: np.random.Generator) -> tuple[list[str], np.ndarray]:
    """Stems for US names and their draw weights (real-looking words first)."""
    synth = [h + t for h in vocab.STEM_HEADS for t in vocab.STEM_TAILS]
    pairs = [f"{a} & {b}" for a in vocab.SURNAMES for b in vocab.SURNAMES if a != b]
    pairs = [pairs[i] for i in rng.permutation(len(pairs))[:80]]
    stems = list(vocab.US_STEMS) + synth + pairs
    w = np.r_[np.full(len(vocab.US_STEMS), 15.0), np.ones(len(synth)), np.full(len(pairs), 0.8)]
    return stems, w / w.sum()


def _unique_pairs(
    rng: np.random.Generator,
    n: int,
    firsts: list[str],
    p: np.ndarray | None,
    seconds: list[str],
    taken: set[tuple[str, str]],
) -> list[tuple[str, str]]:
    """Draw n distinct (first, second) word pairs not in `taken` (fewer if the pool runs out)."""
    out: list[tuple[str, str]] = []
    fs, ss = set(firsts), set(seconds)
    capacity = len(fs) * len(ss) - sum(1 for a, b in taken if a in fs and b in ss)
    n = min(n, capacity)
    while len(out) < n:
        k = 2 * (n - len(out)) + 16
        a = rng.choice(len(firsts), size=k, p=p)
        b = rng.integers(0, len(seconds), size=k)
        for i, j in zip(a, b, strict=True):
            pair = (firsts[i], seconds[j])
            if pair not in taken:
                taken.add(pair)
                out.append(pair)
                if len(out) == n:
                    break
    return out


def _customer_names(
    rng: np.random.Generator, n: int
) -> tuple[list[CompanyName], list[str], list[int]]:
    """Legal names, countries and sibling-group ids (0 = none) for n customers."""
    taken: set[tuple[str, str]] = set()
    names: list[CompanyName] = []
    countries: list[str] = []
    groups: list[int] = []
    # foreign customers first: the pinned accented names, then generated ones
    n_foreign = max(len(vocab.PINNED_FOREIGN), round(0.08 * n))
    pinned_cc = ("DE", "FR", "SE", "ES", "CA")
    for (stem, ind, cls, suf), cc in zip(vocab.PINNED_FOREIGN, pinned_cc, strict=True):
        names.append(CompanyName(stem, f"{stem} {ind}", cls, suf))
        countries.append(cc)
        taken.add((stem, ind))
    ccs = sorted(vocab.FOREIGN_STEMS)
    per_cc = np.bincount(
        rng.integers(0, len(ccs), size=max(0, n_foreign - len(names))), minlength=len(ccs)
    )
    for cc, k in zip(ccs, per_cc, strict=True):
        singles = list(vocab.FOREIGN_STEMS[cc])
        stems = singles + [f"{a} & {b}" for a in singles for b in singles if a != b]
        w = np.r_[np.full(len(singles), 3.0 * len(singles)), np.ones(len(stems) - len(singles))]
        suffixes = vocab.FOREIGN_SUFFIXES[cc]
        for stem, ind in _unique_pairs(
            rng, int(k), stems, w / w.sum(), list(vocab.FOREIGN_INDUSTRIES[cc]), taken
        ):
            cls, suf = suffixes[int(rng.integers(0, len(suffixes)))]
            names.append(CompanyName(stem, f"{stem} {ind}", cls, suf))
            countries.append(cc)
    # sibling groups (~10% of customers), the first one pinned
    n_sib_target = max(2, round(0.10 * n))
    stems, p = _stem_pool(rng)
    industries = list(vocab.INDUSTRIES)
    sib_pairs = [("Northbridge", "Capital")]
    taken.add(sib_pairs[0])
    sizes = [2]
    while sum(sizes) < n_sib_target:
        sizes.append(3 if rng.random() < 0.25 else 2)
    sib_pairs += _unique_pairs(rng, len(sizes) - 1, stems, p, industries, taken)
    us_suffixes = vocab.US_SUFFIXES
    for g, ((stem, ind), size) in enumerate(zip(sib_pairs, sizes, strict=False), start=1):
        thirds = [""] + list(rng.choice(vocab.THIRD_WORDS, size=size - 1, replace=False))
        if g == 1:
            thirds = ["", "Labs"][:size]
        cls_used: set[str] = set()
        for k, third in enumerate(thirds):
            if g == 1:
                cls, suf = ("corp", "Corp") if k == 0 else ("llc", "LLC")
            else:
                options = [s for s in us_suffixes if s[0] not in cls_used]
                cls, suf = options[int(rng.integers(0, len(options)))]
            cls_used.add(cls)
            base = f"{stem} {ind} {third}".strip()
            names.append(CompanyName(stem, base, cls, suf, sibling=True))
            countries.append("US")
            groups.append(g)
    groups = [0] * (len(names) - len(groups)) + groups
    # everyone else: US companies with unique (stem, industry)
    names.append(CompanyName("Acme", "Acme Manufacturing", "co", "Co."))
    taken.add(("Acme", "Manufacturing"))
    countries.append("US")
    groups.append(0)
    rest = _unique_pairs(rng, max(0, n - len(names)), stems, p, industries, taken)
    third_mask = rng.random(len(rest)) < 0.25
    third_words = rng.choice(vocab.THIRD_WORDS, size=len(rest))
    suffix_idx = rng.integers(0, len(us_suffixes), size=len(rest))
    for (stem, ind), has3, third, si in zip(rest, third_mask, third_words, suffix_idx, strict=True):
        cls, suf = us_suffixes[si]
        base = f"{stem} {ind} {third}" if has3 else f"{stem} {ind}"
        names.append(CompanyName(stem, base, cls, suf))
        countries.append("US")
        groups.append(0)
    return names[:n], countries[:n], groups[:n]


def _addresses(rng: np.random.Generator, countries: list[str], groups: list[int]) -> pd.DataFrame:
    """Street address, city, state, postal code and phone; siblings never share a city."""
    rows = []
    last_group, used_cities = 0, set[tuple[str, str]]()
    for cc, g in zip(countries, groups, strict=True):
        if g != last_group:
            used_cities = set()
            last_group = g
        if cc == "US":
            while True:
                city, state, zip_base, area = vocab.US_CITIES[
                    int(rng.integers(0, len(vocab.US_CITIES)))
                ]
                if g == 0 or (city, state) not in used_cities:
                    break
            used_cities.add((city, state))
            street = (
                f"{int(rng.integers(1, 9999))} {rng.choice(vocab.STREET_NAMES)} "
                f"{rng.choice(vocab.STREET_TYPES)}"
            )
            postal = f"{zip_base + int(rng.integers(0, 20)):05d}"
            phone = f"({area}) 555-{int(rng.integers(0, 10000)):04d}"
        else:
            options = vocab.FOREIGN_CITIES[cc]
            city, state, postal, prefix = options[int(rng.integers(0, len(options)))]
            tmpl = rng.choice(vocab.FOREIGN_STREETS[cc])
            street = str(tmpl).format(
                name=rng.choice(vocab.FOREIGN_STREET_NAMES[cc]), num=int(rng.integers(1, 200))
            )
            phone = f"{prefix} {int(rng.integers(1000000, 9999999))}"
        rows.append((street, city, state, postal, cc, phone))
    return pd.DataFrame(
        rows, columns=["address", "city", "state", "postal_code", "country", "phone"]
    )


def _domains(names: list[CompanyName], countries: list[str], rng: np.random.Generator) -> list[str]:
    """A unique web domain per company derived from its name."""
    seen: set[str] = set()
    out = []
    for nm, cc in zip(names, countries, strict=True):
        words = nm.base.split(" ")
        short = rng.random() < 0.5 and len(words) > 1
        core = _slug(words[0]) + (
            _slug(words[1])[:3] if short else "".join(_slug(w) for w in words[1:])
        )
        dom = core + vocab.TLDS[cc]
        k = 2
        while dom in seen:
            dom = f"{core}{k}{vocab.TLDS[cc]}"
            k += 1
        seen.add(dom)
        out.append(dom)
    return out


def _make_partners(
    rng: np.random.Generator, scale: float
) -> tuple[pd.DataFrame, list[CompanyName]]:
    """Resellers (tiered, with a channel manager), leasing companies and the 4 distributors."""
    n_res = round(25 + 5 * scale)
    stems = list(vocab.RESELLER_STEMS) + [h + t for h in vocab.STEM_HEADS for t in vocab.STEM_TAILS]
    w = np.r_[
        np.full(len(vocab.RESELLER_STEMS), 8.0), np.ones(len(stems) - len(vocab.RESELLER_STEMS))
    ]
    pairs = _unique_pairs(rng, n_res, stems, w / w.sum(), list(vocab.RESELLER_TAILS), set())
    sufs = (("inc", "Inc."), ("llc", "LLC"), ("inc", "Inc"), ("corp", "Corp"))
    names: list[CompanyName] = []
    rows = []
    for i, (stem, tail) in enumerate(pairs):
        cls, suf = sufs[int(rng.integers(0, len(sufs)))]
        names.append(CompanyName(stem, f"{stem} {tail}", cls, suf))
        tier = rng.choice(["gold", "silver", "registered"], p=[0.2, 0.35, 0.45])
        rows.append(
            (
                f"R{i + 1:04d}",
                names[-1].legal,
                "reseller",
                str(tier),
                str(rng.choice(vocab.CHANNEL_REPS)),
            )
        )
    n_lease = 3 + int(scale >= 1)
    for i, legal in enumerate(vocab.LEASING[:n_lease]):
        base, suf = legal.rsplit(" ", 1)
        cls = {"LLC": "llc", "Corp": "corp", "Inc.": "inc", "Ltd": "ltd"}[suf]
        names.append(CompanyName(base.split()[0], base, cls, suf))
        rows.append((f"L{i + 1:04d}", legal, "leasing", "", ""))
    for src, legal in vocab.DISTRIBUTORS:
        base, suf = legal.rsplit(" ", 1)
        cls = {"Inc.": "inc", "GmbH": "gmbh", "LLC": "llc", "Co.": "co"}[suf]
        names.append(CompanyName(base.split()[0], base, cls, suf))
        rows.append((DISTRIBUTOR_KEYS[src], legal, "distributor", "", ""))
    df = pd.DataFrame(rows, columns=["partner_key", "name", "role", "tier", "channel_rep"])
    cities = rng.integers(0, len(vocab.US_CITIES), size=len(df))
    df["city"] = [vocab.US_CITIES[c][0] for c in cities]
    df["state"] = [vocab.US_CITIES[c][1] for c in cities]
    df["postal_code"] = [f"{vocab.US_CITIES[c][2] + 3:05d}" for c in cities]
    df["phone"] = [
        f"({vocab.US_CITIES[c][3]}) 555-{int(x):04d}"
        for c, x in zip(cities, rng.integers(0, 10000, len(df)), strict=True)
    ]
    df["address"] = [
        f"{int(x)} {vocab.STREET_NAMES[int(x) % len(vocab.STREET_NAMES)]} Blvd"
        for x in rng.integers(10, 999, len(df))
    ]
    return df, names


def _make_products() -> pd.DataFrame:
    """Hardware (with spare/localised variants), software and per-family service SKUs."""
    rows = [(s, d, "hardware", p, fam, "") for s, fam, d, p in vocab.HARDWARE]
    base = {s: (fam, d, p) for s, fam, d, p in vocab.HARDWARE}
    for var, orig, extra in vocab.HARDWARE_VARIANTS:
        fam, d, p = base[orig]
        rows.append((var, d + extra, "hardware", p, fam, ""))
    rows += [(s, d, "software", p, "", "") for s, d, p in vocab.SOFTWARE]
    med = {
        fam: float(np.median([p for _, f, _, p in vocab.HARDWARE if f == fam]))
        for fam in vocab.FAMILY_NAMES
    }
    for code, level, pct, desc, _ in vocab.SERVICE_LEVELS:
        for fam, fam_name in vocab.FAMILY_NAMES.items():
            price = round(pct * med[fam] / 10) * 10.0
            rows.append(
                (f"CS-{code}-{fam}", f"{desc}, {fam_name}, 1 year", "service", price, fam, level)
            )
    return pd.DataFrame(
        rows, columns=["sku", "description", "category", "list_price", "family", "service_level"]
    )


def _make_customers(
    rng: np.random.Generator, scale: float, reps: pd.DataFrame, partners: pd.DataFrame
) -> tuple[pd.DataFrame, list[CompanyName]]:
    """End customers with address, owner rep, reseller (some switch), distributor and lessor."""
    n = max(30, round(400 * scale))
    names, countries, groups = _customer_names(rng, n)
    df = _addresses(rng, countries, groups)
    df.insert(0, "customer_key", [f"C{i + 1:06d}" for i in range(n)])
    df.insert(1, "name", [nm.legal for nm in names])
    df["domain"] = _domains(names, countries, rng)
    df["sibling_group"] = [f"G{g:04d}" if g else "" for g in groups]
    sales = reps.loc[reps.role == "sales", "name"].to_numpy()
    df["rep"] = sales[rng.integers(0, len(sales), size=n)]
    res = partners.loc[partners.role == "reseller", "partner_key"].to_numpy()
    w = 1.0 / np.arange(1, len(res) + 1) ** 0.7
    df["reseller_key"] = res[rng.choice(len(res), size=n, p=w / w.sum())]
    switch = rng.random(n) < 0.10
    other = res[rng.integers(0, len(res), size=n)]
    other = np.where(
        other == df.reseller_key.to_numpy(),
        res[(np.searchsorted(res, other) + 1) % len(res)],
        other,
    )
    df["reseller2_key"] = np.where(switch, other, "")
    df["switch_date"] = np.where(
        switch, LAST_DAY - _days(rng.integers(30, 3 * 365, size=n)), np.datetime64("NaT")
    )
    lessors = partners.loc[partners.role == "leasing", "partner_key"].to_numpy()
    df["leasing_key"] = lessors[rng.integers(0, len(lessors), size=n)]
    west = df.state.isin(vocab.WEST_STATES).to_numpy()
    r = rng.random(n)
    pref = np.where(r < 0.55, "westbridge", "summit")
    pref = np.where(west & (r < 0.75), "pacific", pref)
    df["distributor"] = np.where(df.country != "US", "eurolink", pref)
    return df, names


def reseller_at(customers: pd.DataFrame, cust_idx: np.ndarray, when: np.ndarray) -> np.ndarray:
    """The reseller a customer bought through on a date (after a switch, the new one)."""
    r1 = customers.reseller_key.to_numpy()[cust_idx]
    r2 = customers.reseller2_key.to_numpy()[cust_idx]
    sw = customers.switch_date.to_numpy()[cust_idx]
    switched = (r2 != "") & (when >= sw)
    return np.where(switched, r2, r1)


def _make_orders(
    rng: np.random.Generator, customers: pd.DataFrame, products: pd.DataFrame
) -> pd.DataFrame:
    """Hardware orders: a customer buys 1-5 units of one SKU on a ship date via a channel."""
    n_c = len(customers)
    per = 1 + rng.poisson(2.8, size=n_c)
    cust = np.repeat(np.arange(n_c), per)
    n = len(cust)
    hw = products[(products.category == "hardware")].reset_index(drop=True)
    base_hw = hw[~hw.sku.isin([v for v, _, _ in vocab.HARDWARE_VARIANTS])].reset_index(drop=True)
    fam_w = {"SRV": 0.3, "SW": 0.3, "STO": 0.1, "RTR": 0.1, "FW": 0.1, "AP": 0.1}
    w = base_hw.family.map(fam_w) / base_hw.family.map(base_hw.family.value_counts())
    sku = base_hw.sku.to_numpy()[rng.choice(len(base_hw), size=n, p=(w / w.sum()).to_numpy())]
    foreign = customers.country.to_numpy()[cust] != "US"
    r = rng.random(n)
    sku = np.where(foreign & (sku == "SW-C9300-48P") & (r < 0.4), "SW-C9300-48P-EU", sku)
    sku = np.where(foreign & (sku == "SW-C9300-48P") & (r < 0.7), "SW-C9300-48P-UK", sku)
    sku = np.where(foreign & (sku == "AP-C9120AX") & (r < 0.7), "AP-C9120AX-EU", sku)
    sku = np.where((sku == "SRV-R740-B") & (r > 0.95), "SRV-R740-B=", sku)
    ship = LAST_DAY - _days(rng.integers(0, HISTORY_DAYS, size=n))
    qty = rng.choice(np.arange(1, 6), size=n, p=[0.35, 0.25, 0.2, 0.12, 0.08])
    pref = customers.distributor.to_numpy()[cust]
    names = np.array([s for s, _ in vocab.DISTRIBUTORS])
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


def ensure_late_day(dist: np.ndarray, dates: np.ndarray, movable: np.ndarray) -> np.ndarray:
    """Give every day-first/month-first-ambiguous file a date with day > 12 (moving a movable row)."""
    dates = np.asarray(dates, dtype="datetime64[D]").copy()
    for src in ORDER_SENSITIVE:
        idx = np.flatnonzero(dist == src)
        if not len(idx):
            continue
        period = file_period(src, dates[idx])
        day = (dates[idx] - dates[idx].astype("datetime64[M]").astype("datetime64[D]")).astype(
            int
        ) + 1
        frame = pd.DataFrame(
            {"i": idx, "p": period, "late": day > 12, "mov": movable[idx], "day": day}
        )
        lacking = ~frame.groupby("p").late.transform("any").astype(bool)
        cand = frame[lacking & frame.mov].drop_duplicates("p")
        for i, d in zip(cand.i, cand.day, strict=True):
            moved = dates[i] + np.timedelta64(12 + (d % 4), "D")
            dates[i] = min(moved, LAST_DAY)
    return dates


def _make_assets(rng: np.random.Generator, orders: pd.DataFrame) -> pd.DataFrame:
    """One asset per ordered unit, with a unique vendor-style or numeric serial."""
    o = orders.loc[orders.index.repeat(orders.qty)].reset_index(drop=True)
    fam = o.family.to_numpy()
    numeric = (fam == "STO") | ((fam == "SRV") & (rng.random(len(o)) < 0.2))
    prefixes = np.array(
        [
            vocab.SERIAL_PREFIXES[f][int(k) % len(vocab.SERIAL_PREFIXES[f])]
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


def _make_chains(rng: np.random.Generator, orders: pd.DataFrame) -> pd.DataFrame:
    """Contract chains: start, term, renewal gap and lapse drawn step by step for all chains at once."""
    covered = rng.random(len(orders)) < 0.82
    late = rng.random(len(orders)) < 0.3
    first = orders.ship_date.to_numpy() + _days(
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
        nxt = end + _days(gap)
        go = renew & (nxt <= LAST_DAY)
        upgrade = (rng.random(len(alive)) < 0.05) & (level < 2)
        level = np.where(upgrade, level + 1, level)[go]
        alive, start = alive[go], nxt[go]
        step += 1
    chains = pd.concat(parts, ignore_index=True).sort_values(["chain", "step"], kind="stable")
    chains["order_id"] = chain_order[chains.chain.to_numpy()]
    return chains.reset_index(drop=True)


def _make_contracts(
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
    codes = np.array([lv[0] for lv in vocab.SERVICE_LEVELS])
    levels = np.array([lv[1] for lv in vocab.SERVICE_LEVELS])
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
    booked = c.start_date.to_numpy() - _days(rng.integers(0, 21, size=n))
    c["booked"] = np.minimum(
        np.maximum(booked, o.ship_date.to_numpy()), LAST_DAY
    )  # never before the hardware shipped
    return c


def _make_software(rng: np.random.Generator, customers: pd.DataFrame) -> pd.DataFrame:
    """Software licences sold through distributors (no serials)."""
    n = max(3, round(0.5 * len(customers)))
    cust = rng.integers(0, len(customers), size=n)
    sku_i = rng.integers(0, len(vocab.SOFTWARE), size=n)
    when = LAST_DAY - _days(rng.integers(0, HISTORY_DAYS, size=n))
    return pd.DataFrame(
        {
            "sale_id": np.arange(n),
            "cust_idx": cust,
            "customer_key": customers.customer_key.to_numpy()[cust],
            "reseller_key": reseller_at(customers, cust, when),
            "distributor": customers.distributor.to_numpy()[cust],
            "date": when,
            "sku": np.array([s for s, _, _ in vocab.SOFTWARE])[sku_i],
            "qty": rng.integers(1, 26, size=n),
            "unit_price": np.round(
                np.array([p for _, _, p in vocab.SOFTWARE])[sku_i] * rng.uniform(0.7, 0.9, size=n),
                2,
            ),
        }
    )


def _fix_booking_days(
    orders: pd.DataFrame, contracts: pd.DataFrame, software: pd.DataFrame
) -> None:
    """Make order-sensitive files without a late hardware day reveal their order via a movable row."""
    dist = np.r_[
        orders.distributor.to_numpy(),
        contracts.distributor.to_numpy(),
        software.distributor.to_numpy(),
    ]
    dates = np.r_[
        orders.ship_date.to_numpy(), contracts.booked.to_numpy(), software.date.to_numpy()
    ]
    movable = np.r_[np.zeros(len(orders), bool), np.ones(len(contracts) + len(software), bool)]
    fixed = ensure_late_day(dist.astype(str), dates, movable)
    k = len(orders)
    contracts["booked"] = fixed[k : k + len(contracts)]
    software["date"] = fixed[k + len(contracts) :]


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
    reps = _make_reps(scale)
    partners, partner_names = _make_partners(rng, scale)
    products = _make_products()
    customers, customer_names = _make_customers(rng, scale, reps, partners)
    orders = _make_orders(rng, customers, products)
    assets = _make_assets(rng, orders)
    contracts = _make_contracts(rng, orders, customers, products)
    software = _make_software(rng, customers)
    _fix_booking_days(orders, contracts, software)
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
    )
