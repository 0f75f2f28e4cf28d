"""Who to call at each demo customer: the current contact person (the truth), an earlier one for
some customers, and the CRM user ids of the reps. Drawn from a generator of their own, so adding
them reshuffles nothing else of the world.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from demo.timeline import LAST_DAY, as_days

FIRST_NAMES: tuple[str, ...] = (
    "Anna", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Karen",
    "Luis", "Maria", "Nadia", "Oliver", "Paula", "Quentin", "Rosa", "Stefan", "Tanya", "Umar",
    "Vera", "William", "Xin", "Yusuf", "Zoe", "Amélie", "Björn", "Søren", "José", "Siobhan",
    "Marek", "Aisha", "Kenji", "Lena", "Mateo", "Noor", "Pieter", "Renée", "Tomás",
)
LAST_NAMES: tuple[str, ...] = (
    "Smith", "Johnson", "Garcia", "Nguyen", "Patel", "Kim", "Müller", "Schmidt", "Rossi", "Dubois",
    "O'Brien", "Kowalski", "Jansen", "Larsen", "Fernández", "Silva", "Cohen", "Walker", "Brooks",
    "Hughes", "Nakamura", "Andersson", "Novak", "Ibrahim", "Van der Berg", "McAllister", "Dupont",
    "Bianchi", "Kaur", "Okonkwo", "Petrov", "Weber", "Lopez", "Martin", "Taylor", "Reid",
)
#: share of customers whose contact changed during the demo years (older rows name the earlier one)
CHANGED_SHARE = 0.15


def _ascii(text: str) -> str:
    """Lower-case ASCII letters only ("Müller" -> "muller", "O'Brien" -> "obrien")."""
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(c for c in flat if c.isalpha())


def _names(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    first = np.array(FIRST_NAMES, dtype=object)[rng.integers(0, len(FIRST_NAMES), size=n)]
    last = np.array(LAST_NAMES, dtype=object)[rng.integers(0, len(LAST_NAMES), size=n)]
    return first, last


def _emails(first: np.ndarray, last: np.ndarray, domains: np.ndarray, style: np.ndarray) -> np.ndarray:
    out = []
    for f, la, d, k in zip(first, last, domains, style, strict=True):
        local = [f"{_ascii(f)}.{_ascii(la)}", f"{_ascii(f)[0]}{_ascii(la)}", _ascii(f)][int(k)]
        out.append(f"{local}@{d}" if d else "")
    return np.array(out, dtype=object)


def _phones(rng: np.random.Generator, main: np.ndarray) -> np.ndarray:
    """A direct line near the company's main number (same area code or country prefix)."""
    out = []
    for p, x in zip(main, rng.integers(0, 10000, size=len(main)), strict=True):
        if p.startswith("("):
            out.append(f"{p[:6]}555-{int(x):04d}")
        else:
            head = p.rsplit(" ", 1)[0]
            out.append(f"{head} {int(rng.integers(1000000, 9999999))}")
    return np.array(out, dtype=object)


def make_contacts(seed: int, customers: pd.DataFrame) -> pd.DataFrame:
    """Per customer: the current contact (name, e-mail, phone) and, for some, the earlier contact
    and the day the current one took over."""
    rng = np.random.default_rng([seed, 20261102])
    n = len(customers)
    domains = customers.domain.fillna("").to_numpy(dtype=object)
    first, last = _names(rng, n)
    style = rng.choice(3, size=n, p=[0.7, 0.25, 0.05])
    old_first, old_last = _names(rng, n)
    changed = rng.random(n) < CHANGED_SHARE
    since = LAST_DAY - as_days(rng.integers(60, 2 * 365, size=n))
    return pd.DataFrame({
        "customer_key": customers.customer_key.to_numpy(),
        "contact_name": first + " " + last,
        "contact_email": _emails(first, last, domains, style),
        "contact_phone": _phones(rng, customers.phone.to_numpy(dtype=object)),
        "old_contact_name": np.where(changed, old_first + " " + old_last, ""),
        "old_contact_phone": np.where(changed, _phones(rng, customers.phone.to_numpy(dtype=object)), ""),
        "contact_since": np.where(changed, since, np.datetime64("NaT")).astype("datetime64[D]"),
        "in_crm": rng.random(n) < 0.75,
    })


def crm_user_ids(seed: int, names: pd.Series) -> pd.Series:
    """Salesforce-looking user ids ("0055e00000A1b2C3"), one per rep name, stable for a seed."""
    rng = np.random.default_rng([seed, 20261103])
    alphabet = np.array(list("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
    ids = ["0055e" + "".join(row) for row in alphabet[rng.integers(0, len(alphabet), size=(len(names), 10))]]
    return pd.Series(ids, index=names.index, dtype=object)
