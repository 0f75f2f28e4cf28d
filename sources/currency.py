"""Currency symbols and ISO 4217 codes, as written in amount cells and currency columns.

The vocabulary is CLDR's, through babel: every code babel lists (current ISO 4217 plus historic
ones, so an old "DEM" is still a currency), each currency's symbol in the English locale ("$" is
USD, "£" GBP, "¥" JPY, "CA$" CAD), and the symbols of the locales channel data comes from when
they mean one currency only ("zł", "Kč", "R$", "₽"); an ambiguous one ("kr", "C$" for CAD/NIO) is
left unknown rather than guessed. Names ("Euro", "US Dollar") are recognised in currency columns.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

import pandas as pd

from sources.cldr import own_locale_data
from sources.invisible import without_invisible

#: locales whose symbols are learnt (English first: its symbols win every ambiguity)
SYMBOL_LOCALES = (
    "en", "en_CA", "en_AU", "en_NZ", "en_IN", "en_SG", "en_HK", "en_ZA", "de", "de_CH", "fr", "fr_CH",
    "fr_CA", "it", "es", "es_MX", "es_AR", "nl", "pl", "cs", "hu", "sv", "da", "nb", "ja", "zh", "ko", "pt_BR", "ru",
    "tr", "he", "ar", "th", "vi", "id",
    # markets read since: Malaysia's "RM", Bangladesh's "৳", Nigeria's "₦", Pakistan's and Mauritius' "Rs",
    # Sri Lanka's "රු.", Egypt's "ج.م.", the Gulf's, Eastern Europe's ("лв.", "kn") and Kazakhstan's "₸" (not
    # Estonian: its "kr" is the kroon Estonia gave up in 2011, and would make every Nordic "kr" one more guess)
    "ms", "bn", "en_NG", "en_KE", "en_GH", "sw", "ar_EG", "ar_SA", "ar_AE", "ur_PK", "en_PK", "si", "ne", "en_MU",
    "hi", "fil", "en_PH", "en_MY", "uk", "ro", "es_CO", "pt_PT", "lv", "lt", "el", "bg", "sr", "hr", "sk",
    "sl", "fi", "fa", "kk", "zh_Hant_TW", "zh_Hant_HK",
)
#: spellings of the channel's exports CLDR does not list: Argentina's and Uruguay's "U$S" for the US dollar,
#: "RMB" for the yuan, Israel's "ש״ח" (new shekels, with a gershayim or a plain double quote)
_SPELLINGS = {"U$S": "USD", "U$D": "USD", "U$": "USD", "RMB": "CNY", 'ש"ח': "ILS", "ש״ח": "ILS",
              # Korea's won written after the amount ("2,045,082원"), Kenya's shilling, Egypt's pound
              "원": "KRW", "KSH": "KES", "KSHS": "KES", "E£": "EGP", "LE": "EGP"}
#: lone capitals that are a currency as written, and only so: South Africa's rand ("R 25 840,70"; CLDR's en_ZA
#: symbol, which `symbols` leaves out with every lone letter). Matched in their case: "r" is no rand
_CASED_SPELLINGS = {"R": "ZAR"}

_EDGE_CHARS = r"[^\d\s().,'’+\-%]+"  # not part of a signed number (nor "%": a percent is no currency)


def _written(symbol: str) -> str:
    """A symbol as written, without the marks no reader sees (CLDR's Arabic symbols carry a direction mark,
    "ج.م.\u200f"; Portugal's old escudo is a zero-width space alone, so nothing)."""
    return without_invisible(symbol, code=True).strip()


@lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """Every ISO 4217 code CLDR knows (current and historic)."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


@cache
def _own_data(name: str) -> dict:
    """One locale's own CLDR data file, without what it inherits (unpickled once per process)."""
    return own_locale_data(name)


def _parent(name: str) -> str | None:
    """The locale `name` inherits from, by babel's rule (parent exceptions, then drop the last part)."""
    from babel.core import get_global

    if name == "root":
        return None
    parent = get_global("parent_exceptions").get(name)
    if parent:
        return str(parent)
    parts = name.split("_")
    if len(parts) == 2 and len(parts[1]) == 4:  # language_Script: a non-likely script starts from root
        likely = str(get_global("likely_subtags").get(parts[0], ""))
        if f"_{parts[1]}_" not in f"{likely}_":
            return "root"
    return "root" if len(parts) == 1 else "_".join(parts[:-1])


@cache
def locale_entries(name: str, key: str) -> dict[str, str]:
    """`Locale.parse(name).<key>` for a flat CLDR mapping ("currency_symbols", "currency_names"),
    inherited entries resolved one key at a time: babel's full merge of every locale's data costs
    over a second per process, these few dicts a tenth of that."""
    parent = _parent(name)
    out = dict(locale_entries(parent, key)) if parent else {}
    out.update({k: v for k, v in _own_data(name).get(key, {}).items() if v is not None})
    return out


@lru_cache(maxsize=1)
def _meanings() -> dict[str, frozenset[str]]:
    """Symbol as written -> every currency it stands for in `SYMBOL_LOCALES`."""
    seen: dict[str, set[str]] = defaultdict(set)
    for name in SYMBOL_LOCALES:
        for code, sym in locale_entries(name, "currency_symbols").items():
            written = _written(sym)
            if written:  # Portugal's old escudo is a zero-width space in CLDR
                seen[written].add(code)
    return {s: frozenset(c) for s, c in seen.items()}


@lru_cache(maxsize=1)
def symbols() -> dict[str, str]:
    """Symbol as written -> ISO code, for symbols that mean exactly one currency (English wins)."""
    out = {s: next(iter(c)) for s, c in _meanings().items() if len(c) == 1}
    english = locale_entries("en", "currency_symbols").items()
    out.update({_written(sym): code for code, sym in english})
    # a lone ASCII letter ("R", "F") is too likely to be something else; codes are matched as codes
    return {s: c for s, c in out.items() if not (s.isascii() and s.isalpha() and (len(s) == 1 or len(s) == 3))}


@lru_cache(maxsize=1)
def alternatives() -> dict[str, frozenset[str]]:
    """Symbols English reads one way that other locales read another: "$" is USD, or CAD, AUD, ..."""
    return {s: _meanings()[s] for s in symbols() if len(_meanings().get(s, ())) > 1}


@lru_cache(maxsize=1)
def ambiguous() -> dict[str, frozenset[str]]:
    """Symbols English does not read that mean several currencies ("kr": NOK or SEK): the amount is
    read, and the currency must come from the row's currency column."""
    return {s: c for s, c in _meanings().items()
            if len(c) > 1 and s not in symbols() and not (s.isascii() and s.isupper())}


def meanings(symbol: str) -> frozenset[str]:
    """Every currency a symbol of `alternatives` or `ambiguous` may stand for."""
    return alternatives().get(symbol) or ambiguous().get(symbol, frozenset())


@lru_cache(maxsize=1)
def names() -> dict[str, str]:
    """Lower-case currency name -> ISO code: English's ("euro", "us dollar", "us dollars"), then the
    names (and counted forms) the other `SYMBOL_LOCALES` give a currency where they name one currency
    only ("円" JPY, "złoty" PLN, "Schweizer Franken" CHF)."""
    out: dict[str, str] = {}
    for code, name in locale_entries("en", "currency_names").items():
        out.setdefault(name.lower(), code)
        out.setdefault(name.lower() + "s", code)
    local: dict[str, set[str]] = defaultdict(set)
    for locale in SYMBOL_LOCALES[1:]:
        for code, name in locale_entries(locale, "currency_names").items():
            local[name.lower()].add(code)
        for code, counted in locale_entries(locale, "currency_names_plural").items():  # "円", "euros"
            for name in (counted.values() if isinstance(counted, dict) else ()):
                local[str(name).lower()].add(code)
    out.update({n: next(iter(c)) for n, c in local.items() if len(c) == 1 and n not in out})
    return out


#: a currency named in a header: "(EUR)", "[€]", "in JPY", "金額(円)", "Preis €"
_HEADER_TOKENS = re.compile(r"[(\[（]\s*([^)\]）]{1,24}?)\s*[)\]）]|(?:^|\s)(?:in|en|em|in der|w)\s+(\S+)\s*$"
                            r"|(?:^|\s)([^\s()\[\]（）]+)\s*$")


@lru_cache(maxsize=4096)
def header_currency(header: str) -> str | None:
    """The one currency a money column's header names ("Amount (EUR)", "Betrag in €", "金額（円）"),
    by code, unambiguous symbol or name; None for none, or for a "$" other locales read otherwise."""
    found = set()
    for m in _HEADER_TOKENS.finditer(header.strip()):
        token = next(g for g in m.groups() if g is not None)
        if token in alternatives() or token.upper() == "ALL":  # "$": USD or CAD, AUD ...; "ALL": a word
            continue
        code = code_of(token) if (token.isupper() or not token.isascii()) else names().get(token.lower())
        if code is not None:
            found.add(code)
    return found.pop() if len(found) == 1 else None


def code_of(token: str | None) -> str | None:
    """The ISO code a symbol, code or name stands for, or None when it is none of them."""
    if token is None:
        return None
    t = _written(token)
    if not t:
        return None
    if t in symbols():
        return symbols()[t]
    if t.upper() in _SPELLINGS:
        return _SPELLINGS[t.upper()]
    if t in _CASED_SPELLINGS:
        return _CASED_SPELLINGS[t]
    if t.upper() in iso_codes() and len(t) == 3 and t.isalpha():
        return t.upper()
    return names().get(" ".join(t.lower().split()))


@dataclass
class CurrencySplit:
    """Amount texts with their currency token taken off, and what the token said."""

    text: pd.Series  # without the token; signs and brackets kept ("-$5.00" -> "-5.00")
    code: pd.Series  # ISO code (English reading of a symbol), or None
    unknown: pd.Series  # a token that is no known currency, or two different ones
    symbol: pd.Series  # a symbol other locales read otherwise ("$", "¥"), or None


#: a currency abbreviated with dots ("Rs.", "руб.", "ج.م.", "лв."): letters, a dot after the last, before a space,
#: a digit or the cell's end ("$.50" keeps its decimal point: "$" is no letter)
_ABBREVIATION = r"[^\W\d_]+(?:\.[^\W\d_]+)*\.(?=[\s\d]|$)"
_TOKEN = rf"(?:{_ABBREVIATION}|{_EDGE_CHARS})"
_EDGE_RX = re.compile(_EDGE_CHARS)
_LEAD_RX = re.compile(rf"^(?P<pre>[\s(+\-]*)(?P<cur>{_TOKEN})(?P<rest>.*)$", flags=re.DOTALL)
_TRAIL_RX = re.compile(rf"^(?P<body>.*?)(?P<cur>{_TOKEN})(?P<post>[\s)\-]*)$", flags=re.DOTALL)
_DIGIT_RX = re.compile(r"\d")


def split_currency(text: pd.Series) -> CurrencySplit:
    """Take a currency symbol or code off the start or end of amount texts ("kr 100", "USD 5 EUR"
    are `unknown`). Work per distinct value is the caller's."""
    text = text.astype(object).where(text.notna(), "").astype(str)
    texts = text.tolist()
    parts = [split_one(t) for t in texts]
    index = text.index
    marked = any(is_marked(t) for t in texts)
    return CurrencySplit(
        pd.Series([p[0] for p in parts], index=index, dtype=object),
        token_series([p[1] for p in parts], index, marked),
        pd.Series([p[2] for p in parts], index=index, dtype=bool),
        token_series([p[3] for p in parts], index, marked),
    )


def token_series(tokens: list[str | None], index: pd.Index, marked: bool) -> pd.Series:
    """Per-value codes or symbols as the former pandas chain built them: its missing marker
    (None or NaN, which differ between pandas 2 and 3) is kept, so no caller sees a change."""
    if not marked:
        return pd.Series(None, index=index, dtype=object)
    out = pd.Series(tokens, index=index, dtype=object)
    return out.where(out.notna(), None)


def is_marked(text: str) -> bool:
    """Whether a text has characters no bare number has (a currency token may be taken off)."""
    return _EDGE_RX.search(text) is not None


@lru_cache(maxsize=65536)
def split_one(text: str) -> tuple[str, str | None, bool, str | None]:
    """`split_currency` of one text: (text without its token, ISO code, unknown, ambiguous symbol);
    plain Python, as amount columns are read a few hundred distinct values at a time."""
    if not is_marked(text):  # most amounts are bare numbers: nothing to take off
        return text, None, False, None
    if not text.isascii():  # "ج.م.\u200f 1٬234": a direction mark is no part of the symbol
        text = without_invisible(text, code=True)
    lead = _LEAD_RX.search(text)
    rest = lead["rest"] if lead else text
    pre = lead["pre"] if lead else ""
    trail = _TRAIL_RX.search(rest)
    # a trailing token needs something before it, or "$" alone would be taken twice
    has_trail = trail is not None and _DIGIT_RX.search(trail["body"]) is not None
    body = trail["body"] + trail["post"] if trail is not None and has_trail else rest
    lead_cur = _symbol(lead["cur"]) if lead else None
    trail_cur = _symbol(trail["cur"]) if trail is not None and has_trail else None
    lead_code = code_of(lead_cur)
    trail_code = code_of(trail_cur)
    unknown = (lead is not None and lead_code is None) or (has_trail and trail_code is None)
    unknown |= lead_code is not None and trail_code is not None and lead_code != trail_code
    code = lead_code if lead_code is not None else trail_code
    code = code if code is not None and not unknown else None
    token = lead_cur if lead else trail_cur
    if token in ambiguous() and (lead is None or not has_trail):  # "kr" alone: read, the currency column decides
        return pre + body, None, False, token
    symbol = token if token is not None and token in alternatives() and code is not None else None
    return pre + body, code, unknown, symbol


def _symbol(token: str) -> str:
    """A token as the symbol tables know it: "Rs." is "Rs" (an abbreviation's dot), where only that is known."""
    if token.endswith(".") and code_of(token) is None and token not in ambiguous():
        return token[:-1]
    return token


def normalise_currency(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Currency-column texts to ISO codes where recognised; returns (values, unrecognised mask)."""
    text = values.astype(object)
    ids, uniques = pd.factorize(text, use_na_sentinel=True)
    known = pd.Series([code_of(v) if isinstance(v, str) else None for v in uniques] + [None], dtype=object)
    codes = pd.Series(known.to_numpy()[ids], index=text.index, dtype=object)
    unrecognised = text.notna() & codes.isna()
    return codes.where(codes.notna(), text).where(text.notna(), None), unrecognised.astype(bool)
