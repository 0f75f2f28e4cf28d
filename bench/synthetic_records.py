"""Synthetic customer records of six sources with known truth, for matching benchmarks: `generate`.

Companies with a distinctive name, legal form, address, phone, domain and CRM account, written by
each source its own way -- the CRM properly, distributors in upper case with abbreviations, lost ZIP
zeros and "- HQ" qualifiers, sales reps informally with typos, bare stems and no address, accounting
as "(AP Dept)" bill-tos with PO boxes, CRM contracts by account -- plus planted hard cases: sibling
companies sharing a stem in another city, unrelated companies with the same name elsewhere, serials
shared between a customer's distributor and tracker rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from bench.synthetic_companies import (
    abbreviate,
    coined_words,
    companies,
    phone_number,
    serial_strings,
    street_address,
    with_typo,
    zip_code,
)
from bench.synthetic_vocab import LEGAL_VARIANT, QUALIFIERS, STATES


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
                "address": street_address(c, np.ones(len(c), bool), rng),
                "city": c["city"],
                "state": state_names[c["state"].to_numpy(), 0],
                "postal_code": zip_code(c, np.zeros(len(c), bool)),
                "country": "United States",
                "domain": ("https://www." + c["domain"].astype(str)).where(c["domain"].notna()),
                "phone": phone_number(c, 0),
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
    name = abbreviate(name.str.title(), 0.4, rng).str.upper()
    typo = rng.random(len(c)) < 0.05
    name = name.where(~typo, with_typo(name[typo], rng))
    serial = serial_strings(len(c), rng)
    address = street_address(c, np.zeros(len(c), bool), rng).str.upper()
    branch = rng.random(len(c)) < 0.05
    address = address.where(
        ~branch,
        pd.Series(rng.integers(1, 9999, len(c))).astype(str) + " " + coined_words(rng, len(c)) + " ST",
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
                "postal_code": zip_code(c, rng.random(len(c)) < 0.3),
                "email": np.where(
                    rng.random(len(c)) < 0.5, "buyer@" + c["domain"].fillna("gmail.com"), None
                ),
                "phone": phone_number(c, 2),
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
    name = name.where(~typo, with_typo(name[typo], rng))
    frames.append(
        pd.DataFrame(
            {
                "source": "dist_b",
                "source_priority": 3,
                "company": c["company"],
                "name": name,
                "address": street_address(c, rng.random(len(c)) < 0.5, rng),
                "city": c["city"],
                "state": state_names[c["state"].to_numpy(), 1],
                "postal_code": zip_code(c, rng.random(len(c)) < 0.2),
                "phone": np.where(rng.random(len(c)) < 0.7, phone_number(c, 1), None),
                "serials": [[s] for s in serial_strings(len(c), rng)],
            }
        )
    )
    # rep trackers: informal names, typos, city only, serials of distributor rows (with typos)
    reps = rng.integers(1, 3, n_comp)
    c = rows(rng.random(n_comp) < 0.6, reps)
    name = abbreviate(c["base"], 0.3, rng)
    name = name.where(rng.random(len(c)) >= 0.1, c["stem"])
    typo = rng.random(len(c)) < 0.2
    name = name.where(~typo, with_typo(name[typo], rng))
    dist = (
        frames[1][["company", "_serial"]].drop_duplicates("company").set_index("company")["_serial"]
    )
    shared = c["company"].map(dist)
    serial = shared.where(
        shared.notna() & (rng.random(len(c)) < 0.6), pd.Series(serial_strings(len(c), rng))
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
    address = street_address(c, rng.random(len(c)) < 0.5, rng)
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
                "postal_code": zip_code(c, np.zeros(len(c), bool)),
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
