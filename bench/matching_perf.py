"""Matching performance: resolve synthetic customer records at 100k and 1M, print JSON.

    python bench/matching_perf.py                 # 100k and 1M records, one process each
    python bench/matching_perf.py --sizes 20000   # other sizes

For each size a fresh process generates the records (below: companies with a distinctive name,
legal form, address, phone, domain and CRM account, written by each source its own way -- the
CRM properly, distributors in upper case with abbreviations, lost ZIP zeros and "- HQ"
qualifiers, sales reps informally with typos, bare stems and no address, accounting as
"(AP Dept)" bill-tos with PO boxes, CRM contracts by account -- plus planted hard cases: sibling
companies sharing a stem in another city, unrelated companies with the same name elsewhere,
serials shared between a customer's distributor and tracker rows), then times
`matching.resolve_entities` and reports records per second, peak memory (ru_maxrss of that
process, generation included) and pairwise precision / recall / F1 against the known truth.
`generate(n_records, seed)` is importable for other benchmarks.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


SYLLABLES_ON = list("bcdfgklmnprstvz") + ["br", "tr", "st", "qu", "ch", "sh", "th", "gr", "pl"]
SYLLABLES_V = ["a", "e", "i", "o", "u", "ia", "eo", "ai", "ou"]
SYLLABLES_END = ["", "n", "r", "x", "q", "l", "s", "m", "k", "t", "nd", "rt"]
COMBO_A = [
    "north",
    "south",
    "east",
    "west",
    "blue",
    "red",
    "silver",
    "iron",
    "oak",
    "pine",
    "river",
    "lake",
    "summit",
    "bright",
    "clear",
    "stone",
    "maple",
    "cedar",
    "golden",
    "granite",
    "harbor",
    "eagle",
    "falcon",
    "willow",
    "meadow",
    "sun",
    "moon",
    "star",
    "crystal",
    "ever",
]
COMBO_B = [
    "bridge",
    "field",
    "stone",
    "wood",
    "gate",
    "view",
    "crest",
    "haven",
    "point",
    "ridge",
    "brook",
    "ford",
    "dale",
    "vale",
    "mont",
    "port",
    "well",
    "ton",
    "land",
    "side",
]
SURNAMES = [
    "Anderson",
    "Baker",
    "Carter",
    "Dawson",
    "Ellis",
    "Foster",
    "Garcia",
    "Hughes",
    "Irwin",
    "Jensen",
    "Keller",
    "Lopez",
    "Morgan",
    "Nolan",
    "Owens",
    "Parker",
    "Quinn",
    "Reyes",
    "Shaw",
    "Turner",
    "Underwood",
    "Vance",
    "Walsh",
    "Young",
    "Zimmer",
    "Bennett",
    "Brooks",
    "Coleman",
    "Fischer",
    "Hayes",
    "Murphy",
    "Patel",
    "Russo",
    "Schultz",
    "Tanaka",
    "Weber",
]
INDUSTRY = [
    "Capital",
    "Health",
    "Systems",
    "Technologies",
    "Manufacturing",
    "Logistics",
    "Dental",
    "Legal",
    "Consulting",
    "Partners",
    "Holdings",
    "Labs",
    "Solutions",
    "Services",
    "Group",
    "Networks",
    "Energy",
    "Foods",
    "Media",
    "Design",
    "Engineering",
    "Construction",
    "Properties",
    "Financial",
    "Insurance",
    "Medical",
    "Pharmaceuticals",
    "Industries",
    "Software",
    "Data",
    "Security",
    "Analytics",
    "Academy",
    "Clinic",
    "Realty",
    "Motors",
    "Electric",
    "Supply",
    "Distribution",
    "Marketing",
    "Communications",
    "Associates",
    "International",
    "Biotech",
    "Robotics",
    "Aerospace",
    "Hospitality",
    "Transport",
]
LEGAL = [
    "Inc",
    "Inc.",
    "Incorporated",
    "LLC",
    "L.L.C.",
    "Ltd",
    "Corp",
    "Corp.",
    "Corporation",
    "Co.",
    "Company",
    "LP",
    "",
]
LEGAL_VARIANT = {
    "Inc": "Incorporated",
    "Inc.": "Inc",
    "Incorporated": "Inc.",
    "LLC": "L.L.C.",
    "L.L.C.": "LLC",
    "Ltd": "Limited",
    "Corp": "Corporation",
    "Corp.": "Corp",
    "Corporation": "Corp",
    "Co.": "Company",
    "Company": "Co",
    "LP": "L.P.",
    "": "",
}
ABBREVIATE = {
    "International": "Intl",
    "Manufacturing": "Mfg",
    "Services": "Svcs",
    "Technologies": "Tech",
    "Systems": "Sys",
    "Associates": "Assoc",
    "Communications": "Comm",
    "Distribution": "Dist",
    "Engineering": "Eng",
}
STREET_TYPES = [
    ("Street", "St"),
    ("Avenue", "Ave"),
    ("Road", "Rd"),
    ("Boulevard", "Blvd"),
    ("Drive", "Dr"),
    ("Lane", "Ln"),
    ("Court", "Ct"),
    ("Parkway", "Pkwy"),
    ("Place", "Pl"),
    ("Way", "Way"),
]
DIRECTIONS = [("North", "N"), ("South", "S"), ("East", "E"), ("West", "W"), ("", "")]
STATES = [
    ("Illinois", "IL"),
    ("New York", "NY"),
    ("California", "CA"),
    ("Texas", "TX"),
    ("Massachusetts", "MA"),
    ("New Jersey", "NJ"),
    ("Washington", "WA"),
    ("Colorado", "CO"),
    ("Georgia", "GA"),
    ("Ohio", "OH"),
    ("Florida", "FL"),
    ("Connecticut", "CT"),
]
QUALIFIERS = [" - HQ", " (AP Dept)", " - Accounts Payable", " (Main Office)", " - Billing"]
SKUS = [
    "C9300-48P-E",
    "C9200L-24T-4G-E",
    "ISR4331/K9",
    "AIR-AP1832I-B-K9",
    "FPR1010-NGFW-K9",
    "WS-C2960X-48FPS-L",
    "N9K-C93180YC-FX",
    "MR46-HW",
    "MX68-HW",
    "PA-440",
    "FG-60F",
]


def _coined(rng: np.random.Generator, n: int) -> np.ndarray:
    """Pronounceable invented words ("Kavoteq"), mostly distinct."""
    parts = []
    for _k in range(3):
        on = np.array(SYLLABLES_ON)[rng.integers(0, len(SYLLABLES_ON), n)]
        v = np.array(SYLLABLES_V)[rng.integers(0, len(SYLLABLES_V), n)]
        parts.append(np.char.add(on, v))
    end = np.array(SYLLABLES_END)[rng.integers(0, len(SYLLABLES_END), n)]
    two = rng.random(n) < 0.5
    word = np.char.add(np.char.add(parts[0], parts[1]), np.where(two, "", parts[2]))
    return np.char.capitalize(np.char.add(word, end))


def _typo(names: pd.Series, rng: np.random.Generator) -> pd.Series:
    """One random edit (drop, swap, double or replace a letter) inside the first long word."""
    out = []
    for name in names:
        words = name.split(" ")
        idx = next((i for i, w in enumerate(words) if len(w) >= 6), None)
        if idx is None:
            out.append(name)
            continue
        w = words[idx]
        pos = int(rng.integers(1, len(w) - 1))
        kind = int(rng.integers(0, 4))
        if kind == 0:
            w = w[:pos] + w[pos + 1 :]
        elif kind == 1:
            w = w[:pos] + w[pos + 1] + w[pos] + w[pos + 2 :]
        elif kind == 2:
            w = w[:pos] + w[pos] + w[pos:]
        else:
            w = w[:pos] + "aeiou"[int(rng.integers(0, 5))] + w[pos + 1 :]
        words[idx] = w
        out.append(" ".join(words))
    return pd.Series(out, index=names.index)


def companies(n: int, rng: np.random.Generator) -> pd.DataFrame:
    """Company master data with planted siblings and same-name-other-city pairs."""
    style = rng.random(n)
    coined = _coined(rng, n)
    combo = np.char.capitalize(
        np.char.add(
            np.array(COMBO_A)[rng.integers(0, len(COMBO_A), n)],
            np.array(COMBO_B)[rng.integers(0, len(COMBO_B), n)],
        )
    )
    s1 = np.array(SURNAMES)[rng.integers(0, len(SURNAMES), n)]
    s2 = np.array(SURNAMES)[rng.integers(0, len(SURNAMES), n)]
    surname = np.char.add(np.char.add(s1, " & "), s2)
    stem = np.where(style < 0.6, coined, np.where(style < 0.85, combo, surname))
    ind1 = np.array(INDUSTRY)[rng.integers(0, len(INDUSTRY), n)]
    ind2 = np.array(INDUSTRY)[rng.integers(0, len(INDUSTRY), n)]
    two_ind = rng.random(n) < 0.3
    base = np.char.add(
        np.char.add(stem, " "), np.where(two_ind, np.char.add(np.char.add(ind1, " "), ind2), ind1)
    )
    legal = np.array(LEGAL)[rng.integers(0, len(LEGAL), n)]
    city_words = _coined(rng, 400)
    city_idx = rng.integers(0, 400, n)
    state_idx = city_idx % len(STATES)
    zip_base = (city_idx * 211 + 1000) % 99000
    frame = pd.DataFrame(
        {
            "company": np.arange(n),
            "base": base,
            "legal": legal,
            "house": rng.integers(1, 9999, n),
            "dir": rng.integers(0, len(DIRECTIONS), n),
            "street": _coined(rng, n),
            "stype": rng.integers(0, len(STREET_TYPES), n),
            "suite": np.where(rng.random(n) < 0.4, rng.integers(100, 999, n), 0),
            "city": city_words[city_idx],
            "state": state_idx,
            "zip": zip_base + rng.integers(0, 90, n),
            "phone": rng.integers(2000000000, 9999999999, n, dtype=np.int64),
            "has_domain": rng.random(n) < 0.75,
        }
    )
    # siblings: the next company shares the stem, adds or swaps an industry word, other city
    sib = np.flatnonzero(rng.random(n) < 0.08)
    sib = sib[sib + 1 < n]
    extra = np.array(
        [
            "Labs",
            "Holdings",
            "Partners",
            "Ventures",
            "Health",
            "Systems",
            "Group",
            "Foundation",
            "Realty",
            "Services",
        ]
    )[rng.integers(0, 10, len(sib))]
    frame.loc[sib + 1, "base"] = np.char.add(
        np.char.add(frame.loc[sib, "base"].to_numpy().astype(str), " "), extra
    )
    # same generic name, different company in another city
    twin = np.flatnonzero(rng.random(n) < 0.04)
    twin = twin[twin + 2 < n]
    frame.loc[twin + 2, "base"] = frame.loc[twin, "base"].to_numpy()
    frame["stem"] = stem
    frame.loc[twin + 2, "stem"] = frame.loc[twin, "stem"].to_numpy()
    frame.loc[sib + 1, "stem"] = frame.loc[sib, "stem"].to_numpy()
    frame["display"] = (
        frame["base"] + np.where(frame["legal"] == "", "", " ") + frame["legal"]
    ).str.strip()
    frame["domain"] = np.where(
        frame["has_domain"],
        frame["base"].str.lower().str.replace("[^a-z]", "", regex=True).str.slice(0, 18)
        + np.array([".com", ".net", ".io", ".co"])[rng.integers(0, 4, n)],
        None,
    )
    frame["account"] = "ACC-" + pd.Series(np.arange(n) + 100000).astype(str)
    return frame


def _address(c: pd.DataFrame, long_form: np.ndarray, rng: np.random.Generator) -> pd.Series:
    dirs = np.array(DIRECTIONS, dtype=object)[c["dir"].to_numpy()]
    types = np.array(STREET_TYPES, dtype=object)[c["stype"].to_numpy()]
    d = np.where(long_form, dirs[:, 0], dirs[:, 1])
    t = np.where(long_form, types[:, 0], types[:, 1])
    suite_word = np.array(["Suite ", "Ste ", "#", "Ste. "], dtype=object)[
        rng.integers(0, 4, len(c))
    ]
    suite = np.where(
        c["suite"].to_numpy() > 0, ", " + suite_word + c["suite"].astype(str).to_numpy(), ""
    )
    parts = (
        c["house"].astype(str).to_numpy()
        + " "
        + np.where(d == "", "", d + " ")
        + c["street"].to_numpy()
        + " "
        + t
    )
    return pd.Series(parts + suite, index=c.index).str.replace("  ", " ")


def _phone(c: pd.DataFrame, style: int) -> pd.Series:
    s = c["phone"].astype(str)
    if style == 0:
        return "(" + s.str.slice(0, 3) + ") " + s.str.slice(3, 6) + "-" + s.str.slice(6)
    if style == 1:
        return "+1 " + s.str.slice(0, 3) + " " + s.str.slice(3, 6) + " " + s.str.slice(6)
    return s.str.slice(0, 3) + "." + s.str.slice(3, 6) + "." + s.str.slice(6)


def _zip(c: pd.DataFrame, lose_zero: np.ndarray) -> pd.Series:
    z = c["zip"].astype(str).str.zfill(5)
    return z.where(~lose_zero, c["zip"].astype(str))


def _abbreviate(names: pd.Series, rate: float, rng: np.random.Generator) -> pd.Series:
    pick = rng.random(len(names)) < rate
    out = names.copy()
    for full, short in ABBREVIATE.items():
        out = out.where(~pick, out.str.replace(full, short, regex=False))
    return out


def _serial_strings(n: int, rng: np.random.Generator) -> np.ndarray:
    letters = np.array(list("ABCDEFGHJKLMNPRSTUVWXYZ"))
    head = np.char.add(
        np.char.add(letters[rng.integers(0, 23, n)], letters[rng.integers(0, 23, n)]),
        letters[rng.integers(0, 23, n)],
    )
    mid = rng.integers(1000, 9999, n).astype(str)
    tail = np.char.add(
        np.char.add(letters[rng.integers(0, 23, n)], rng.integers(0, 10, n).astype(str)),
        letters[rng.integers(0, 23, n)],
    )
    return np.char.add(np.char.add(head, mid), tail)


def generate(n_records: int, seed: int = 7) -> tuple[pd.DataFrame, pd.Series]:
    """About `n_records` records (all sources) and record_id -> true company."""
    rng = np.random.default_rng(seed)
    n_comp = max(int(n_records / 5.2), 10)
    comp = companies(n_comp, rng)
    state_names = np.array(STATES, dtype=object)
    frames = []

    def rows(mask: np.ndarray, repeat: np.ndarray | None = None) -> pd.DataFrame:
        c = comp[mask]
        if repeat is not None:
            c = c.loc[c.index.repeat(repeat[mask])]
        return c.reset_index(drop=True)

    # CRM accounts: proper names, full addresses, website, account id
    c = rows(rng.random(n_comp) < 0.8)
    frames.append(
        pd.DataFrame(
            {
                "source": "crm",
                "source_priority": 1,
                "company": c["company"],
                "name": c["display"],
                "address": _address(c, np.ones(len(c), bool), rng),
                "city": c["city"],
                "state": state_names[c["state"].to_numpy(), 0],
                "postal_code": _zip(c, np.zeros(len(c), bool)),
                "country": "United States",
                "domain": ("https://www." + c["domain"].astype(str)).where(c["domain"].notna()),
                "phone": _phone(c, 0),
                "account": c["account"],
            }
        )
    )
    # distributor 1: upper case, abbreviations, lost ZIP zeros, serials, e-mail, 1-4 rows
    reps = rng.integers(1, 5, n_comp)
    c = rows(rng.random(n_comp) < 0.85, reps)
    legal_short = (
        c["legal"]
        .map({"Corporation": "Corp", "Incorporated": "Inc", "Company": "Co"})
        .fillna(c["legal"])
    )
    name = (c["base"] + " " + legal_short).str.strip().str.upper()
    name = _abbreviate(name.str.title(), 0.4, rng).str.upper()
    typo = rng.random(len(c)) < 0.05
    name = name.where(~typo, _typo(name[typo], rng))
    serial = _serial_strings(len(c), rng)
    address = _address(c, np.zeros(len(c), bool), rng).str.upper()
    branch = rng.random(len(c)) < 0.05
    address = address.where(
        ~branch,
        pd.Series(rng.integers(1, 9999, len(c))).astype(str) + " " + _coined(rng, len(c)) + " ST",
    )
    address = address.where(rng.random(len(c)) >= 0.1, None)
    frames.append(
        pd.DataFrame(
            {
                "source": "dist_a",
                "source_priority": 3,
                "company": c["company"],
                "name": name,
                "address": address,
                "city": c["city"].str.upper(),
                "state": state_names[c["state"].to_numpy(), 1],
                "postal_code": _zip(c, rng.random(len(c)) < 0.3),
                "email": np.where(
                    rng.random(len(c)) < 0.5, "buyer@" + c["domain"].fillna("gmail.com"), None
                ),
                "phone": _phone(c, 2),
                "serials": [[s] for s in serial],
                "_serial": serial,
            }
        )
    )
    # distributor 2: legal-form variants, qualifiers, "The", 0-2 rows
    reps = rng.integers(1, 3, n_comp)
    c = rows(rng.random(n_comp) < 0.5, reps)
    variant = c["legal"].map(LEGAL_VARIANT)
    name = (np.where(rng.random(len(c)) < 0.1, "The ", "") + c["base"] + ", " + variant).str.rstrip(
        ", "
    )
    qual = rng.random(len(c)) < 0.2
    name = name.where(
        ~qual, name + np.array(QUALIFIERS, dtype=object)[rng.integers(0, len(QUALIFIERS), len(c))]
    )
    name = name.str.replace(" & ", " and ", regex=False).where(rng.random(len(c)) < 0.5, name)
    typo = rng.random(len(c)) < 0.08
    name = name.where(~typo, _typo(name[typo], rng))
    frames.append(
        pd.DataFrame(
            {
                "source": "dist_b",
                "source_priority": 3,
                "company": c["company"],
                "name": name,
                "address": _address(c, rng.random(len(c)) < 0.5, rng),
                "city": c["city"],
                "state": state_names[c["state"].to_numpy(), 1],
                "postal_code": _zip(c, rng.random(len(c)) < 0.2),
                "phone": np.where(rng.random(len(c)) < 0.7, _phone(c, 1), None),
                "serials": [[s] for s in _serial_strings(len(c), rng)],
            }
        )
    )
    # rep trackers: informal names, typos, city only, serials of distributor rows (with typos)
    reps = rng.integers(1, 3, n_comp)
    c = rows(rng.random(n_comp) < 0.6, reps)
    name = _abbreviate(c["base"], 0.3, rng)
    name = name.where(rng.random(len(c)) >= 0.1, c["stem"])
    typo = rng.random(len(c)) < 0.2
    name = name.where(~typo, _typo(name[typo], rng))
    dist = (
        frames[1][["company", "_serial"]].drop_duplicates("company").set_index("company")["_serial"]
    )
    shared = c["company"].map(dist)
    serial = shared.where(
        shared.notna() & (rng.random(len(c)) < 0.6), pd.Series(_serial_strings(len(c), rng))
    )
    serial = serial.str.replace("0", "O", regex=False).where(rng.random(len(c)) < 0.1, serial)
    frames.append(
        pd.DataFrame(
            {
                "source": "rep_tracker",
                "source_priority": 4,
                "company": c["company"],
                "name": name,
                "city": c["city"].where(rng.random(len(c)) < 0.5),
                "serials": [[s] for s in serial],
                "contract_numbers": [["CT-" + str(900000 + int(x))] for x in c["company"]],
            }
        )
    )
    # accounting bill-tos: AP qualifiers, billing address, 0-1 rows
    c = rows(rng.random(n_comp) < 0.5)
    name = (
        c["display"]
        + np.array([" (AP Dept)", " - Accounts Payable", "", " Attn: Finance"], dtype=object)[
            rng.integers(0, 4, len(c))
        ]
    )
    address = _address(c, rng.random(len(c)) < 0.5, rng)
    pobox = rng.random(len(c)) < 0.2
    address = address.where(
        ~pobox, "PO Box " + pd.Series(rng.integers(100, 99999, len(c))).astype(str)
    )
    frames.append(
        pd.DataFrame(
            {
                "source": "accounting",
                "source_priority": 2,
                "company": c["company"],
                "name": name,
                "address": address,
                "city": c["city"],
                "state": state_names[c["state"].to_numpy(), 1],
                "postal_code": _zip(c, np.zeros(len(c), bool)),
            }
        )
    )
    # CRM contracts: account id, name, contract numbers
    c = rows(rng.random(n_comp) < 0.5)
    frames.append(
        pd.DataFrame(
            {
                "source": "crm_contracts",
                "source_priority": 1,
                "company": c["company"],
                "name": c["display"],
                "account": c["account"],
                "contract_numbers": [["CT-" + str(900000 + int(x))] for x in c["company"]],
            }
        )
    )

    records = pd.concat(frames, ignore_index=True).drop(columns=["_serial"])
    records.insert(
        0, "record_id", "R" + pd.Series(np.arange(len(records))).astype(str).str.zfill(8)
    )
    truth = pd.Series(records["company"].to_numpy(), index=records["record_id"], name="company")
    return records.drop(columns=["company"]), truth


def run_one(n_records: int, seed: int) -> dict[str, object]:
    """Generate, resolve and measure one size in this process."""
    sys.path.insert(0, str(ROOT))
    from matching import pairwise_quality, resolve_entities

    records, truth = generate(n_records, seed)
    start = time.perf_counter()
    resolution = resolve_entities(records)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB
    quality = pairwise_quality(resolution.records.set_index("record_id")["cluster_id"], truth)
    return {
        "records": len(records),
        "seconds": round(seconds, 1),
        "records_per_second": round(len(records) / seconds),
        "peak_memory_gib": round(peak / 2**30, 2),
        "stats": resolution.stats,
        "precision": round(quality.precision, 4),
        "recall": round(quality.recall, 4),
        "f1": round(quality.f1, 4),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="matching performance on synthetic records")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_one(args.sizes[0], args.seed)))
        return
    results = []
    for size in args.sizes:  # a fresh process per size, so peak memory is that size's alone
        proc = subprocess.run(
            [sys.executable, __file__, "--child", "--sizes", str(size), "--seed", str(args.seed)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    print(json.dumps({"machine_cpus": __import__("os").cpu_count(), "runs": results}, indent=2))


if __name__ == "__main__":
    main()
