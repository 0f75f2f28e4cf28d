"""Column content profiles: what a column's values look like, measured on a sample of distinct values.

Each column gets fractions (0..1) of its distinct values that look like dates, money, small whole
quantities, serial-like and SKU-like codes, ids, postal codes, states, countries, currencies,
e-mails, phones, domains, company names (a legal form or an organisation word), person names,
party-like names and free text, plus how often values repeat. `sources.content` turns these
into per-field fits. Everything is vectorised over at most `SAMPLE` distinct values per column.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import pycountry
from cleanco.termdata import terms_by_type

from sources.dates import parse_dates
from sources.values import cell_text, parse_money

SAMPLE = 300  # distinct values profiled per column
HEAD_ROWS = 5000  # rows looked at for repetition and row-wise relations

_DATE_TEXT = (
    r"^\s*(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|(?:19|20)\d{6}"
    r"|\d{1,2}[\s.-]+[A-Za-z]{3,9}\.?[\s.,-]+\d{2,4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*$"
)
_CODE = r"^[A-Za-z0-9][A-Za-z0-9\-_./#]{2,39}$"
_EMAIL = r"^[\w.+'-]+@[\w-]+(?:\.[\w-]+)+$"
_PHONE = r"^\+?[\d\s().\-/]{7,22}(?:\s*(?:x|ext\.?)\s*\d{1,5})?$"
_DOMAIN = r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}(?:/\S*)?$"
_POSTAL = (
    r"^(?:\d{5}(?:-\d{4})?|\d{4}\s?[A-Za-z]{2}|\d{4}|[A-Za-z]\d[A-Za-z]\s?\d[A-Za-z]\d"
    r"|[A-Za-z]{1,2}\d[A-Za-z\d]?\s?\d[A-Za-z]{2}|\d{3}-\d{4}|\d{2}-\d{3}|\d{6}|[A-Z]{1,2}-\d{4,5})$"
)
_PERSON = r"^[A-Z][a-z'\-]+(?:\s+[A-Z]\.?)?(?:\s+(?:van|de|von|der|la|le|da|di|del)?\s*[A-Z][a-z'\-]+){1,2}$"
_ADDRESS = r"(?i)^(?:\d+[a-z]?\s+\S+.*|.*\s\d+[a-z]?(?:\s*[-/]\s*\d+)?)$"
_COMPANY_WORDS = frozenset([
    "group", "holdings", "holding", "solutions", "systems", "technologies", "technology", "services", "partners",
    "associates", "consulting", "industries", "enterprises", "international", "global", "networks", "labs",
    "software", "bank", "university", "hospital", "school", "clinic", "college", "council", "county", "district",
    "department", "ministry", "foundation", "institute", "trust", "medical", "health", "healthcare", "insurance",
    "logistics", "manufacturing", "capital", "financial", "energy", "pharma", "motors", "foods", "media",
    "communications", "telecom", "digital", "data", "computers", "electronics", "engineering", "construction",
    "properties", "realty", "retail", "stores", "markets", "hotels", "airlines", "agency", "authority",
    "corporation", "company", "brothers", "sons", "traders", "trading", "supply", "supplies", "distribution",
    "partnership", "ventures", "studio", "studios", "center", "centre", "office", "offices", "laboratories",
    "resources", "management", "analytics", "automation", "gruppe", "werke", "stadtwerke", "gemeinde", "krankenhaus",
    "klinikum", "universitat", "hochschule", "groupe", "societe", "hopital", "ayuntamiento", "grupo", "universidad",
    "gemeente", "ziekenhuis", "universiteit", "stichting", "verwaltung"
])
_MONTHS = frozenset(m.lower() for m in (
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
        "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"
    ]))


@lru_cache(maxsize=1)
def _legal_forms() -> frozenset[str]:
    out = set()
    for terms in terms_by_type.values():
        for t in terms:
            norm = " ".join(re.sub(r"[.,]", "", t.lower()).split())
            if norm:
                out.add(norm)
    return frozenset(out | {"llc", "inc", "ltd", "plc", "gmbh", "ag", "sa", "sas", "sarl", "bv",
                            "nv", "srl", "spa", "pty ltd", "co kg", "limited", "corp", "kk"})


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(states/provinces, countries, currency codes), lower case, names and codes."""
    states: set[str] = set()
    for country in ("US", "CA", "AU", "MX", "IN", "BR", "DE", "CH"):
        for sub in pycountry.subdivisions.get(country_code=country) or []:
            if sub.parent_code is None:
                states.add(sub.code.split("-")[1].lower())
                states.add(sub.name.lower())
    countries: set[str] = {"usa", "us", "u s", "u s a", "uk", "u k", "england", "scotland", "wales",
                           "great britain", "deutschland", "holland", "nederland", "espana",
                           "italia", "schweiz", "suisse", "osterreich", "belgique", "belgie",
                           "danmark", "sverige", "norge", "polska", "brasil", "mexico", "the netherlands"}
    for c in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                countries.add(value.lower())
    currencies = {c.alpha_3.lower() for c in pycountry.currencies}
    return frozenset(states), frozenset(countries), frozenset(currencies)


@dataclass
class ColumnProfile:
    """What one column's values look like (fractions of its sampled distinct values)."""

    non_blank: int = 0
    distinct: int = 0
    repeat: float = 0.0  # 1 - distinct/non_blank over the head rows: 0 all different
    date: float = 0.0
    money: float = 0.0
    decimals: float = 0.0  # numeric values with a fraction
    small_whole: float = 0.0  # whole numbers 0..10,000
    code: float = 0.0  # one token of letters/digits/dashes with a digit
    multi_code: float = 0.0  # several codes in one cell ("SN1; SN2")
    digits_only: float = 0.0
    fixed_width: float = 0.0  # share of the most common length among all-digit values
    email: float = 0.0
    phone: float = 0.0
    domain: float = 0.0
    postal: float = 0.0
    state: float = 0.0
    country: float = 0.0
    currency: float = 0.0
    percent: float = 0.0
    company: float = 0.0  # legal form or organisation word
    person: float = 0.0
    party: float = 0.0  # words of letters, not a code, date, number or place
    address: float = 0.0
    free_text: float = 0.0
    mean_words: float = 0.0


def _sample(col: pd.Series) -> tuple[np.ndarray, int, int]:
    """Distinct non-blank values (at most SAMPLE, spread over the column), non-blank and distinct counts."""
    head = col.iloc[:HEAD_ROWS].astype(object)
    codes, uniques = pd.factorize(head, use_na_sentinel=True)
    text = np.array([cell_text(u) for u in uniques], dtype=object)
    keep = np.array([t is not None for t in text], dtype=bool)
    if not keep.any():
        return np.array([], dtype=object), 0, 0
    non_blank = int(keep[codes[codes >= 0]].sum())
    distinct = len(set(text[keep]))
    values = np.asarray(uniques, dtype=object)[keep]
    if len(values) > SAMPLE:
        values = values[np.linspace(0, len(values) - 1, SAMPLE).astype(int)]
    return values, non_blank, distinct


def ends_with_legal_form(lower: pd.Series) -> pd.Series:
    """Which names end in a legal form ("Acme Corp", "Foo GmbH & Co. KG", "Baz S.A.")."""
    words = lower.str.replace(r"[.,()]", " ", regex=True).str.split()
    forms = _legal_forms()
    hit = pd.Series(False, index=lower.index)
    for n in (1, 2, 3):
        tail = words.map(lambda ws, n=n: " ".join(ws[-n:]) if len(ws) > n else "")
        hit |= tail.isin(forms)
    return hit


def _multi_code(xs: list[str]) -> bool:
    return len(xs) > 1 and all(re.fullmatch(_CODE, x) is not None and re.search(r"\d", x) is not None for x in xs)


def _features(values: pd.Series, excel_epoch: object | None) -> pd.DataFrame:
    """Per value: what it looks like (one row per sampled value of every column)."""
    f = pd.DataFrame(index=values.index)
    is_dt = values.map(lambda v: isinstance(v, (dt.date, dt.datetime))).astype(bool)
    is_num = values.map(
        lambda v: isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)).astype(bool)
    s = values.map(cell_text).astype(str).str.strip()
    lower = s.str.lower()
    nums = pd.to_numeric(values.where(is_num), errors="coerce")
    serial_day = is_num & nums.between(20_000, 80_000) & (nums == nums.round()) & (excel_epoch is not None)
    date_text = ~is_num & s.str.match(_DATE_TEXT)
    named = date_text & lower.str.contains("[a-z]", regex=True)
    date_text &= ~named | lower.str.findall(r"[a-z]+").map(lambda ws: bool(ws) and ws[0].rstrip(".") in _MONTHS)
    f["date"] = (is_dt | date_text).astype(float).where(~serial_day, 0.5)
    money, _ = parse_money(values.where(~is_dt & ~date_text, None))
    numeric = money.notna() & ~is_dt & ~date_text
    whole = numeric & (money == money.round())
    cents = s.str.contains(r"[.,]\d{1,2}$|[$€£]", regex=True)
    f["money"] = numeric
    f["decimals"] = numeric & ~whole
    f["small_whole"] = whole & money.between(0, 10_000) & ~cents
    digits = s.str.fullmatch(r"\d+")
    f["digits_only"] = digits
    f["digit_len"] = s.str.len().where(digits, -1)
    long_whole = is_num & (nums == nums.round()) & (nums.abs() >= 10_000) & ~serial_day
    code_like = s.str.match(_CODE) & s.str.contains(r"\d", regex=True)
    f["code"] = long_whole | (~is_num & code_like & ~date_text & ~(numeric & cents))
    f["multi_code"] = s.str.split(r"[,;/\s]+", regex=True).map(_multi_code)
    email = s.str.match(_EMAIL)
    domain = lower.str.match(_DOMAIN) & ~s.str.contains("@", regex=False)
    f["email"] = email
    f["phone"] = s.str.match(_PHONE) & s.str.count(r"\d").between(7, 15) & ~date_text & ~is_num
    f["domain"] = domain & ~numeric
    f["postal"] = s.str.match(_POSTAL) & (~is_num | (digits & s.str.len().between(4, 5)))
    states, countries, currencies = _places()
    bare = lower.str.replace(r"[.]", " ", regex=True).str.split().str.join(" ")
    in_states, in_countries, in_currencies = bare.isin(states), bare.isin(countries), lower.isin(currencies)
    f["state"] = in_states & lower.str.contains("[a-z]", regex=True)
    f["country"] = in_countries
    f["currency"] = in_currencies
    f["percent"] = s.str.match(r"^\d{1,3}(?:[.,]\d+)?\s*%$") | (numeric & money.between(0, 100))
    word_count = s.str.split().str.len()
    letters = s.str.count(r"[A-Za-z\u00c0-\u024f]") / s.str.len().clip(lower=1)
    legal = ends_with_legal_form(lower)
    org_word = lower.str.findall(r"[a-z\u00c0-\u024f]+").map(lambda ws: any(w in _COMPANY_WORDS for w in ws))
    f["company"] = ~is_num & (legal | org_word)
    f["person"] = s.str.match(_PERSON) & ~legal & ~org_word
    placeish = in_states | in_countries | in_currencies
    f["party"] = (~is_num & ~date_text & (letters >= 0.6) & word_count.between(1, 8) & ~email & ~domain
                  & ~placeish & ~code_like)
    f["address"] = ~is_num & s.str.match(_ADDRESS) & (word_count >= 2) & (letters >= 0.3)
    f["free_text"] = (word_count >= 4) | (s.str.len() >= 30)
    f["mean_words"] = word_count.astype(float)
    return f


def profile_table(cells: pd.DataFrame, excel_epoch: object | None = None) -> list[ColumnProfile]:
    """One profile per column of a raw table, in column order; each test runs once for the table."""
    samples = [_sample(cells[c]) for c in cells.columns]
    profiles = [ColumnProfile(non_blank=nb, distinct=d, repeat=1.0 - d / nb if nb else 0.0) for _, nb, d in samples]
    owner = np.concatenate([np.full(len(v), i) for i, (v, _, _) in enumerate(samples)]) if samples else np.array([])
    if not len(owner):
        return profiles
    values = pd.Series(np.concatenate([v for v, _, _ in samples]), dtype=object)
    feats = _features(values, excel_epoch).astype(float)
    feats["owner"] = owner
    means = feats.groupby("owner").mean()
    digit_len = feats[feats["digit_len"] >= 0].groupby(["owner", "digit_len"]).size()
    widest = digit_len.groupby(level=0).max() if len(digit_len) else pd.Series(dtype=float)
    sizes = feats.groupby("owner").size()
    for i, row in means.iterrows():
        p = profiles[int(i)]
        for name in _FEATURES:
            setattr(p, name, float(row[name]))
        p.fixed_width = float(widest.get(i, 0) / sizes[i])
    return profiles


def profile_column(col: pd.Series, excel_epoch: object | None = None) -> ColumnProfile:
    """Profile one column of raw cells."""
    return profile_table(pd.DataFrame({"0": col}), excel_epoch)[0]


_FEATURES = ("date", "money", "decimals", "small_whole", "code", "multi_code", "digits_only", "email",
             "phone", "domain", "postal", "state", "country", "currency", "percent", "company", "person",
             "party", "address", "free_text", "mean_words")


def date_columns(cells: pd.DataFrame, columns: list[int], rows: int = 2000) -> pd.DataFrame:
    """The given columns parsed as dates (row-aligned, head rows only), for start/end ordering."""
    out = {}
    head = cells.iloc[:rows]
    for i in columns:
        parsed = parse_dates(head[str(i)], str(i))
        out[i] = pd.to_datetime(pd.Series(parsed.values, index=head.index), errors="coerce")
    return pd.DataFrame(out, index=head.index)
