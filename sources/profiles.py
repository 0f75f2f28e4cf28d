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
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import pycountry
from cleanco.termdata import terms_by_type

from sources.countries import is_country
from sources.currency import code_of
from sources.dates import compact_date_numbers, parse_dates, plain_date_text, text_serials, unix_seconds
from sources.folding import fold_word
from sources.month_dates import period_of
from sources.month_names import english_month_names
from sources.status_words import STATUS_WORDS
from sources.values import (
    SERIAL_PREFIX,
    cell_text,
    is_number,
    parse_money,
    quantity_numbers,
    quantity_unit,
    without_invisible,
)

SAMPLE = 300  # distinct values profiled per column
HEAD_ROWS = 5000  # rows looked at for repetition and row-wise relations

_DATE_TEXT = (
    r"^\s*(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|(?:19|20)\d{6}"
    r"|\d{1,2}[\s.-]+[A-Za-z]{3,9}\.?[\s.,-]+\d{2,4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?\s*$"
)
#: letters of a code: Latin (accented too), Greek and Cyrillic ("РН-000739", a Ukrainian invoice number), written
#: as the characters themselves so Python's `re` and pyarrow's RE2 read the class alike
_CODE_LETTERS = "A-Za-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_CODE = rf"^#?[{_CODE_LETTERS}][{_CODE_LETTERS}\-_./#]{{2,39}}$"  # "#1001": a web shop's order number
_EMAIL = r"^[\w.+'-]+@[\w-]+(?:\.[\w-]+)+$"
_PHONE = r"^\+?[\d\s().\-/]{7,22}(?:\s*(?:x|ext\.?)\s*\d{1,5})?$"
_DOMAIN = r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}(?:/\S*)?$"
_POSTAL = (
    r"^(?:\d{5}(?:-\d{4})?|\d{4}\s?[A-Za-z]{2}|\d{4}|[A-Za-z]\d[A-Za-z]\s?\d[A-Za-z]\d"
    r"|[A-Za-z]{1,2}\d[A-Za-z\d]?\s?\d[A-Za-z]{2}|\d{3}-\d{4}|\d{2}-\d{3}|\d{6}|[A-Z]{1,2}-\d{4,5})$"
)
_PERSON = r"^[A-Z][a-z'\-]+(?:\s+[A-Z]\.?)?(?:\s+(?:van|de|von|der|la|le|da|di|del)?\s*[A-Z][a-z'\-]+){1,2}$"
_ADDRESS = r"(?i)^(?:\d+[a-z]?\s+\S+.*|.*\s\d+[a-z]?(?:\s*[-/]\s*\d+)?)$"
#: the words a seller's regions are named with (never a customer's state or province)
SALES_REGION_WORDS = frozenset({
    "emea", "apac", "apj", "amer", "americas", "latam", "lac", "na", "nam", "noram", "eu", "europe", "asia", "africa",
    "oceania", "anz", "nordics", "nordic", "dach", "benelux", "cee", "mea", "mena", "me", "uki", "north", "south",
    "east", "west", "central", "northeast", "northwest", "southeast", "southwest", "midwest", "mid", "atlantic",
    "pacific", "global", "international", "domestic", "export", "region", "territory", "zone", "area",
})
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
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """(states/provinces, currency codes), lower case, names and codes; countries are
    `sources.countries.is_country`."""
    states: set[str] = set()
    for country in ("US", "CA", "AU", "MX", "IN", "BR", "DE", "CH"):
        for sub in pycountry.subdivisions.get(country_code=country) or []:
            if sub.parent_code is None:
                states.add(sub.code.split("-")[1].lower())
                states.add(sub.name.lower())
    currencies = {c.alpha_3.lower() for c in pycountry.currencies}
    return frozenset(states), frozenset(currencies)


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
    zero_cents: float = 0.0  # such numbers written with a zero fraction ("2.00": an ERP's quantity, or money)
    code: float = 0.0  # one token of letters/digits/dashes with a digit
    numbered: float = 0.0  # such a token with a run of four digits or more ("SC-3895637", not "24x7x4")
    multi_code: float = 0.0  # several codes in one cell ("SN1; SN2")
    digits_only: float = 0.0
    fixed_width: float = 0.0  # share of the most common length among all-digit values
    email: float = 0.0
    phone: float = 0.0
    domain: float = 0.0
    postal: float = 0.0
    state: float = 0.0
    sales_region: float = 0.0  # a seller's region, in compass and continent words ("EMEA", "NA East")
    status: float = 0.0  # a status in a few words ("Active", "Vencido", "En renovación")
    country: float = 0.0
    currency: float = 0.0
    percent: float = 0.0
    company: float = 0.0  # legal form or organisation word
    person: float = 0.0
    party: float = 0.0  # words of letters, not a code, date, number or place
    address: float = 0.0
    free_text: float = 0.0
    mean_words: float = 0.0
    counter: float = 0.0  # 1: the rows' values are 1, 2, 3 ... in order (a row number: "Lp.", "Pos.", "#")


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


@lru_cache(maxsize=65536)
def legal_tail(lower: str) -> bool:
    """Whether one lower-case name ends in a legal form (the last one, two or three words)."""
    words = re.sub(r"[.,()]", " ", lower).split()
    forms = _legal_forms()
    for n in (1, 2, 3):
        if len(words) <= n:
            break
        tail = words[-n:]
        # a dotted form is its letters: "B.V." is "bv", "S.A." is "sa"
        if " ".join(tail) in forms or (n > 1 and all(len(w) <= 2 for w in tail) and "".join(tail) in forms):
            return True
    return False


def is_legal_form(lower: str) -> bool:
    """Whether a lower-case text is a legal form and nothing else ("llc", "inc.", "s.a. de c.v.", "gmbh & co. kg")."""
    forms = _legal_forms()
    written = " ".join(re.sub(r"[.,]", "", lower).split())  # as the forms are kept: "sa de cv", "gmbh & co kg"
    words = re.sub(r"[.,()&]", " ", lower).split()
    return bool(words) and (written in forms or " ".join(words) in forms or "".join(words) in forms)


def ends_with_legal_form(lower: pd.Series) -> pd.Series:
    """Which names end in a legal form ("Acme Corp", "Foo GmbH & Co. KG", "Baz S.A.")."""
    return pd.Series([legal_tail(x) for x in lower], index=lower.index, dtype=bool)


def _multi_code(xs: list[str]) -> bool:
    return len(xs) > 1 and all(_CODE_RX.fullmatch(x) is not None and _DIGIT_RX.search(x) is not None for x in xs)


_DATE_TEXT_RX = re.compile(_DATE_TEXT)
_TIME_PART_RX = re.compile(r"[t ]\d{1,2}:\d{2}.*$")
_CODE_RX = re.compile(_CODE)
_EMAIL_RX = re.compile(_EMAIL)
_PHONE_RX = re.compile(_PHONE)
_DOMAIN_RX = re.compile(_DOMAIN)
_POSTAL_RX = re.compile(_POSTAL)
_PERSON_RX = re.compile(_PERSON)
_WORD_INNER = frozenset("'-.")


def _letter_word(word: str) -> bool:
    """Letters of any script, with their marks (Thai and Indic vowel signs), apostrophes and hyphens inside."""
    return unicodedata.category(word[0]).startswith("L") and all(
        unicodedata.category(c)[0] in "LM" or c in _WORD_INNER for c in word[1:])


def _is_person(s: str) -> bool:
    """A person's name as a rep's or a contact's column writes it, in any script: two or three words each
    capitalised and then lower case ("Nguyễn Văn An", "Γιώργος Παπαδόπουλος", "Jean-Luc Picard"), or in a
    script without case (Hangul, ideographs, Thai, Arabic ...) one to three words of two to twelve letters
    ("김민준", "王伟", "สมชาย ใจดี"). The ASCII pattern `_PERSON` also takes "van" / "de" particles."""
    if _PERSON_RX.match(s) is not None:
        return True
    words = s.split()
    if not 1 <= len(words) <= 3 or s.isascii() or not all(_letter_word(w) for w in words):
        return False
    if any(w[0].isupper() or w[0].islower() for w in words):  # a cased script: each word capitalised
        return len(words) >= 2 and all(w[0].isupper() and (len(w) < 3 or not w.isupper()) for w in words)
    return 2 <= sum(len(w) for w in words) <= 12
_ADDRESS_RX = re.compile(_ADDRESS)
_DIGIT_RX = re.compile(r"\d")
_BRACKETED_CODE_RX = re.compile(r"^\[([^\[\]\s]{2,40})\]\s")
_LOWER_LETTER_RX = re.compile("[a-z]")
_LOWER_WORD_RX = re.compile(r"[a-z]+")
_CENTS_RX = re.compile(r"[.,]\d{1,2}$|[$€£]")
_CURRENCY_SIGN_RX = re.compile(r"[$€£¥]")
_DIGITS_RX = re.compile(r"\d+")
_DIGIT_RUN_RX = re.compile(r"\d{4}")
_CODE_SEPARATORS_RX = re.compile(r"[,;/\s]+")
_PERCENT_RX = re.compile(r"^\d{1,3}(?:[.,]\d+)?\s*%$")
_LETTER_RX = re.compile(r"[^\W\d_]")  # a letter of any script
_ORG_WORD_RX = re.compile(r"[^\W\d_]+")


#: a weekday before a long date ("Friday, March 13, 2026", "Fri, 13 Mar 2026", "Freitag, 13. März 2026")
_WEEKDAY_RX = re.compile(
    r"(?i)^\s*(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?|montag|dienstag"
    r"|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes"
    r"|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)\.?,?\s+(?=\S*\d|[^\W\d_]+\.?\s+\d)")


def _is_date_text(s: str, lower: str) -> bool:
    """A date written as text; a named one only when its first word is a month ("15-Mar-2026"), in
    English or another common business language ("6. März 2024", "12 января 2024"), or a month alone
    ("Sep-26", "09/2026": `sources.month_dates`). A weekday before it is no part of it."""
    if (weekday := _WEEKDAY_RX.match(s)) is not None:
        s, lower = s[weekday.end():], lower[weekday.end():]
    if period_of(s) is not None:
        return True
    if _DATE_TEXT_RX.match(s) is None:
        if not s.isascii() and _DIGIT_RX.search(s) is not None:  # "2024年3月1日", "令和6年3月1日"
            plain = plain_date_text(s)
            if plain != s and _DATE_TEXT_RX.match(plain) is not None:
                return True
        return _foreign_month_date(s)
    lower = _TIME_PART_RX.sub("", lower)  # "2026-04-22t00:00:00z": the T and the zone are no month
    if _LOWER_LETTER_RX.search(lower) is None:
        return True
    words = _LOWER_WORD_RX.findall(lower)
    return bool(words) and (words[0] in _MONTHS or _foreign_month_date(s))


def _foreign_month_date(s: str) -> bool:
    """A date naming its month in another language, as the reader reads it (`sources.month_names`);
    only a value with a digit in it is looked at (a name or a word never is)."""
    if _DIGIT_RX.search(s) is None:
        return False
    english = english_month_names(s)
    return english is not None and _DATE_TEXT_RX.match(english.strip()) is not None


def _text_features(s: str, lower: str, is_num: bool, date_text: bool, numeric: bool,
                   whole: bool, money_to_100: bool, small: bool, long_whole: bool) -> tuple[float, ...]:
    """The features of one value that its text decides, in `_TEXT_FEATURES` order (plain Python:
    the sample is a few hundred values, where per-call pandas overhead outweighs the work)."""
    states, currencies = _places()
    digits = _DIGITS_RX.fullmatch(s) is not None
    cents = _CENTS_RX.search(s) is not None
    bracketed = _BRACKETED_CODE_RX.match(s)  # Odoo's product "[CS-4HR-SW] Support 4h onsite" is its code
    code_like = (_CODE_RX.match(s) is not None and _DIGIT_RX.search(s) is not None) or (
        bracketed is not None and _DIGIT_RX.search(bracketed.group(1)) is not None)
    code = long_whole or (not is_num and code_like and not date_text and not (numeric and cents))
    email = _EMAIL_RX.match(s) is not None
    domain = _DOMAIN_RX.match(lower) is not None and "@" not in s
    bare = " ".join(lower.replace(".", " ").split())
    # a currency by its code, or by a symbol or name that means one ("US$", "美元", "U$S")
    in_states, in_countries = bare in states, is_country(s)
    in_currencies = lower in currencies or (not is_num and len(s) <= 24 and code_of(s) is not None)
    words = s.split()
    letters = len(_LETTER_RX.findall(s)) / max(len(s), 1)
    legal = legal_tail(lower)
    lettered = _ORG_WORD_RX.findall(lower)  # the value's words of letters, once for the three features that read them
    org_word = any(w in _COMPANY_WORDS for w in lettered)
    return (
        numeric,  # money
        numeric and not whole,  # decimals
        whole and small and not cents,  # small_whole
        whole and small and cents and not _CURRENCY_SIGN_RX.search(s),  # zero_cents
        digits,  # digits_only
        len(s) if digits else -1,  # digit_len
        code,  # code
        code and _DIGIT_RUN_RX.search(s) is not None,  # numbered
        _multi_code(_CODE_SEPARATORS_RX.split(s)),  # multi_code
        email,
        _PHONE_RX.match(s) is not None and 7 <= len(_DIGIT_RX.findall(s)) <= 15 and not date_text and not is_num,
        domain and not numeric,  # domain
        _POSTAL_RX.match(s) is not None and (not is_num or (digits and 4 <= len(s) <= 5)),  # postal
        in_states and _LOWER_LETTER_RX.search(lower) is not None,  # state
        bool(words) and all(w in SALES_REGION_WORDS for w in lettered),  # sales_region
        len(words) <= 3 and any(fold_word(w) in STATUS_WORDS for w in lettered),  # status
        in_countries,  # country
        in_currencies,  # currency
        _PERCENT_RX.match(s) is not None or money_to_100,  # percent
        not is_num and (legal or org_word),  # company
        _is_person(s) and not legal and not org_word,  # person
        (not is_num and not date_text and letters >= 0.6 and 1 <= len(words) <= 8 and not email and not domain
         and not (in_states or in_countries or in_currencies) and not code_like),  # party
        not is_num and _ADDRESS_RX.match(s) is not None and len(words) >= 2 and letters >= 0.3,  # address
        len(words) >= 4 or len(s) >= 30,  # free_text
        float(len(words)),  # mean_words
    )


_TEXT_FEATURES = ("money", "decimals", "small_whole", "zero_cents", "digits_only", "digit_len", "code", "numbered",
                  "multi_code",
                  "email",
                  "phone", "domain", "postal", "state", "sales_region", "status", "country", "currency", "percent",
                  "company", "person",
                  "party", "address", "free_text", "mean_words")


def _unix_days(cells: list[object]) -> bool:
    """A column of Unix times on whole hours (an API's dates, midnight UTC or a zone's): ten-digit document numbers
    and phone numbers in the same range are not all multiples of 3,600."""
    seconds = unix_seconds(cells)
    return seconds is not None and all(x is None or x % 3600 == 0 for x in seconds)


def _features(values: pd.Series, excel_epoch: object | None, text_serial: np.ndarray | None = None) -> pd.DataFrame:
    """Per value: what it looks like (one row per sampled value of every column); `text_serial` marks
    the values of a text file's columns written as Excel day numbers (`dates.text_serials`)."""
    raw = values.tolist()
    is_dt = np.array([isinstance(v, (dt.date, dt.datetime)) for v in raw], dtype=bool)
    is_num = np.array([is_number(v) for v in raw], dtype=bool)
    # a serial's label ("S/N: FOC2145X0AB", "SN: A, SN: B") is no part of what the value looks like
    # and a direction mark of a right-to-left sheet ("\u200e03/13/2026") none of a date's or a number's
    texts = [SERIAL_PREFIX.sub(" ", t).strip() if "n" in t.lower() else t
             for t in (str(cell_text(v)).strip() for v in raw)]
    texts = [t if t.isascii() else without_invisible(t) for t in texts]
    # lower-cased by pandas as before: pandas 3's string dtype lower-cases "İ" and a final "Σ"
    # otherwise than str.lower, and a profile must not change with the code path
    lowers = pd.Series(texts, dtype=object).astype(str).str.lower().tolist() if texts else []
    nums = pd.to_numeric(values.where(pd.Series(is_num, index=values.index)), errors="coerce").to_numpy("float64")
    with np.errstate(invalid="ignore"):
        nums_whole = nums == np.round(nums)
    serial_day = is_num & (nums >= 20_000) & (nums <= 80_000) & nums_whole & (excel_epoch is not None)
    if text_serial is not None:
        serial_day |= text_serial
    date_text = np.array([not n and _is_date_text(s, lo) for s, lo, n in zip(texts, lowers, is_num, strict=True)],
                         dtype=bool)
    money, _ = parse_money(values.where(pd.Series(~is_dt & ~date_text, index=values.index), None))
    m = money.to_numpy("float64", copy=True)
    counted = np.zeros(len(m), dtype=bool)  # looked for among the values money does not read only
    for i in np.flatnonzero(np.isnan(m)):
        counted[i] = quantity_unit(raw[i]) is not None
    if counted.any():  # a count with its unit ("4 Nos" of Tally, "2 pcs"): a number, as the quantity reads it
        m[counted] = quantity_numbers(values[counted]).to_numpy("float64")
    numeric = ~np.isnan(m) & ~is_dt & ~date_text
    with np.errstate(invalid="ignore"):
        whole = numeric & (m == np.round(m))
        small = (m >= 0) & (m <= 10_000)
        to_100 = numeric & (m >= 0) & (m <= 100)
    long_whole = is_num & nums_whole & (np.abs(nums) >= 10_000) & ~serial_day
    rows = [
        _text_features(s, lo, bool(n), bool(d), bool(nu), bool(w), bool(p), bool(sm), bool(lw))
        for s, lo, n, d, nu, w, p, sm, lw in zip(texts, lowers, is_num, date_text, numeric, whole, to_100, small,
                                                  long_whole, strict=True)
    ]
    date = np.where(serial_day, 0.5, (is_dt | date_text).astype(float))
    f = pd.DataFrame(rows, columns=list(_TEXT_FEATURES), index=values.index, dtype=float)
    f.insert(0, "date", date)
    return f


def profile_table(cells: pd.DataFrame, excel_epoch: object | None = None) -> list[ColumnProfile]:
    """One profile per column of a raw table, in column order; each test runs once for the table."""
    samples = [_sample(cells[c]) for c in cells.columns]
    # a workbook's compact dates stored as numbers (20261105) are looked at as the text a CSV would hold
    samples = [(np.array(compact, dtype=object), nb, d) if (compact := compact_date_numbers(list(v))) else (v, nb, d)
               for v, nb, d in samples]
    profiles = [ColumnProfile(non_blank=nb, distinct=d, repeat=1.0 - d / nb if nb else 0.0) for _, nb, d in samples]
    owner = np.concatenate([np.full(len(v), i) for i, (v, _, _) in enumerate(samples)]) if samples else np.array([])
    if not len(owner):
        return profiles
    values = pd.Series(np.concatenate([v for v, _, _ in samples]), dtype=object)
    # a column of day numbers only, written as text (a CSV saved from Excel, or text cells of a workbook)
    serial_columns = np.array([(any(isinstance(c, str) for c in v) and text_serials(list(v)))
                               or _unix_days(list(v))  # an API's Unix time: a date's, as a serial's
                               for v, _, _ in samples], dtype=bool)
    text_serial = serial_columns[owner.astype(np.int64)] if serial_columns.any() else None
    feats = _features(values, excel_epoch, text_serial).astype(float)
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
        p.counter = float(_counts_rows(cells.iloc[:, int(i)]))
    return profiles


#: the fewest rows whose values must count 1, 2, 3 ... for a column to be a row number
COUNTER_ROWS = 5


def _counts_rows(col: pd.Series, rows: int = 200) -> bool:
    """Whether the column's first filled values, in row order, are 1, 2, 3 ... (or 0, 1, 2 ...): a row
    number ("Lp.", "Pos.", "#"), no quantity nor amount."""
    head = col.head(rows)
    values = pd.to_numeric(head.astype(object).where(head.notna(), None), errors="coerce")
    values = values.dropna().to_numpy(dtype="float64")
    if len(values) < COUNTER_ROWS or values[0] not in (0.0, 1.0):
        return False
    return bool((np.diff(values) == 1).all())


def profile_column(col: pd.Series, excel_epoch: object | None = None) -> ColumnProfile:
    """Profile one column of raw cells."""
    return profile_table(pd.DataFrame({"0": col}), excel_epoch)[0]


_FEATURES = ("date", "money", "decimals", "small_whole", "zero_cents", "code", "numbered", "multi_code", "digits_only",
             "email",
             "phone", "domain", "postal", "state", "sales_region", "status", "country", "currency", "percent",
             "company", "person",
             "party", "address", "free_text", "mean_words")


def date_columns(cells: pd.DataFrame, columns: list[int], rows: int = 2000) -> pd.DataFrame:
    """The given columns parsed as dates (row-aligned, head rows only), for start/end ordering."""
    out = {}
    head = cells.iloc[:rows]
    for i in columns:
        parsed = parse_dates(head[str(i)], str(i))
        out[i] = pd.to_datetime(pd.Series(parsed.values, index=head.index), errors="coerce")
    return pd.DataFrame(out, index=head.index)
