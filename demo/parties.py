"""The demo world's parties: sales reps, partners (resellers, lessors, distributors) and customers."""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from demo.legal_names import customer_legal_names, unique_pairs
from demo.names import CompanyName
from demo.timeline import LAST_DAY, as_days
from demo.vocab_channel import CHANNEL_REPS, DISTRIBUTORS, LEASING, REP_NAMES, RESELLER_STEMS, RESELLER_TAILS
from demo.vocab_companies import STEM_HEADS, STEM_TAILS
from demo.vocab_places import (
    FOREIGN_CITIES,
    FOREIGN_STREET_NAMES,
    FOREIGN_STREETS,
    STREET_NAMES,
    STREET_TYPES,
    TLDS,
    US_CITIES,
    WEST_STATES,
)

DISTRIBUTOR_KEYS = {src: f"D{i + 1:04d}" for i, (src, _) in enumerate(DISTRIBUTORS)}


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


def make_reps(scale: float) -> pd.DataFrame:
    """Sales reps (5-8, more at larger scale) and the vendor's channel managers."""
    n = int(np.clip(5 + round(scale * 2), 5, 8))
    sales = list(REP_NAMES[:n])
    rows = [(f"REP{i + 1:02d}", nm, nm.split()[0], "sales") for i, nm in enumerate(sales)]
    rows += [
        (f"CHN{i + 1:02d}", nm, nm.split()[0], "channel") for i, nm in enumerate(CHANNEL_REPS)
    ]
    df = pd.DataFrame(rows, columns=["rep_key", "name", "first_name", "role"])
    df["source"] = np.where(df.role == "sales", "tracker_" + df.first_name.str.lower(), "")
    return df


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
                city, state, zip_base, area = US_CITIES[
                    int(rng.integers(0, len(US_CITIES)))
                ]
                if g == 0 or (city, state) not in used_cities:
                    break
            used_cities.add((city, state))
            street = (
                f"{int(rng.integers(1, 9999))} {rng.choice(STREET_NAMES)} "
                f"{rng.choice(STREET_TYPES)}"
            )
            postal = f"{zip_base + int(rng.integers(0, 20)):05d}"
            phone = f"({area}) 555-{int(rng.integers(0, 10000)):04d}"
        else:
            options = FOREIGN_CITIES[cc]
            city, state, postal, prefix = options[int(rng.integers(0, len(options)))]
            tmpl = rng.choice(FOREIGN_STREETS[cc])
            street = str(tmpl).format(
                name=rng.choice(FOREIGN_STREET_NAMES[cc]), num=int(rng.integers(1, 200))
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
        dom = core + TLDS[cc]
        k = 2
        while dom in seen:
            dom = f"{core}{k}{TLDS[cc]}"
            k += 1
        seen.add(dom)
        out.append(dom)
    return out


def make_partners(
    rng: np.random.Generator, scale: float
) -> tuple[pd.DataFrame, list[CompanyName]]:
    """Resellers (tiered, with a channel manager), leasing companies and the 4 distributors."""
    n_res = round(25 + 5 * scale)
    stems = list(RESELLER_STEMS) + [h + t for h in STEM_HEADS for t in STEM_TAILS]
    w = np.r_[
        np.full(len(RESELLER_STEMS), 8.0), np.ones(len(stems) - len(RESELLER_STEMS))
    ]
    pairs = unique_pairs(rng, n_res, stems, w / w.sum(), list(RESELLER_TAILS), set())
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
                str(rng.choice(CHANNEL_REPS)),
            )
        )
    n_lease = 3 + int(scale >= 1)
    for i, legal in enumerate(LEASING[:n_lease]):
        base, suf = legal.rsplit(" ", 1)
        cls = {"LLC": "llc", "Corp": "corp", "Inc.": "inc", "Ltd": "ltd"}[suf]
        names.append(CompanyName(base.split()[0], base, cls, suf))
        rows.append((f"L{i + 1:04d}", legal, "leasing", "", ""))
    for src, legal in DISTRIBUTORS:
        base, suf = legal.rsplit(" ", 1)
        cls = {"Inc.": "inc", "GmbH": "gmbh", "LLC": "llc", "Co.": "co"}[suf]
        names.append(CompanyName(base.split()[0], base, cls, suf))
        rows.append((DISTRIBUTOR_KEYS[src], legal, "distributor", "", ""))
    df = pd.DataFrame(rows, columns=["partner_key", "name", "role", "tier", "channel_rep"])
    cities = rng.integers(0, len(US_CITIES), size=len(df))
    df["city"] = [US_CITIES[c][0] for c in cities]
    df["state"] = [US_CITIES[c][1] for c in cities]
    df["postal_code"] = [f"{US_CITIES[c][2] + 3:05d}" for c in cities]
    df["phone"] = [
        f"({US_CITIES[c][3]}) 555-{int(x):04d}"
        for c, x in zip(cities, rng.integers(0, 10000, len(df)), strict=True)
    ]
    df["address"] = [
        f"{int(x)} {STREET_NAMES[int(x) % len(STREET_NAMES)]} Blvd"
        for x in rng.integers(10, 999, len(df))
    ]
    return df, names


def make_customers(
    rng: np.random.Generator, scale: float, reps: pd.DataFrame, partners: pd.DataFrame
) -> tuple[pd.DataFrame, list[CompanyName]]:
    """End customers with address, owner rep, reseller (some switch), distributor and lessor."""
    n = max(30, round(400 * scale))
    names, countries, groups = customer_legal_names(rng, n)
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
        switch, LAST_DAY - as_days(rng.integers(30, 3 * 365, size=n)), np.datetime64("NaT")
    )
    lessors = partners.loc[partners.role == "leasing", "partner_key"].to_numpy()
    df["leasing_key"] = lessors[rng.integers(0, len(lessors), size=n)]
    west = df.state.isin(WEST_STATES).to_numpy()
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
