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
from functools import lru_cache

import pandas as pd

#: locales whose symbols are learnt (English first: its symbols win every ambiguity)
SYMBOL_LOCALES = (
    "en", "en_CA", "en_AU", "en_NZ", "en_IN", "en_SG", "en_HK", "en_ZA", "de", "de_CH", "fr", "fr_CH",
    "fr_CA", "it", "es", "es_MX", "nl", "pl", "cs", "hu", "sv", "da", "nb", "ja", "zh", "ko", "pt_BR", "ru", "tr",
)
_EDGE_CHARS = r"[^\d\s().,'’+\-]+"  # a run of anything that is not part of a signed number


@lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """Every ISO 4217 code CLDR knows (current and historic)."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


@lru_cache(maxsize=1)
def symbols() -> dict[str, str]:
    """Symbol as written -> ISO code, for symbols that mean exactly one currency (English wins)."""
    from babel import Locale

    seen: dict[str, set[str]] = defaultdict(set)
    for name in SYMBOL_LOCALES:
        for code, sym in Locale.parse(name).currency_symbols.items():
            seen[sym].add(code)
    out = {s: next(iter(c)) for s, c in seen.items() if len(c) == 1}
    out.update({sym: code for code, sym in Locale.parse("en").currency_symbols.items()})
    # a lone ASCII letter ("R", "F") is too likely to be something else; codes are matched as codes
    return {s: c for s, c in out.items() if not (s.isascii() and s.isalpha() and (len(s) == 1 or len(s) == 3))}


@lru_cache(maxsize=1)
def names() -> dict[str, str]:
    """Lower-case English currency name ("euro", "us dollar", "us dollars") -> ISO code."""
    from babel import Locale

    en = Locale.parse("en")
    out: dict[str, str] = {}
    for code, name in en.currencies.items():
        out.setdefault(name.lower(), code)
        out.setdefault(name.lower() + "s", code)
    return out


def code_of(token: str | None) -> str | None:
    """The ISO code a symbol, code or name stands for, or None when it is none of them."""
    if token is None:
        return None
    t = token.strip()
    if not t:
        return None
    if t in symbols():
        return symbols()[t]
    if t.upper() in iso_codes() and len(t) == 3 and t.isalpha():
        return t.upper()
    return names().get(" ".join(t.lower().split()))


def split_currency(text: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Take a currency symbol or code off the start or end of amount texts.

    Returns the texts without it (signs and brackets kept: "-$5.00" -> "-5.00"), the ISO code
    (or None) and a mask of texts carrying a token that is no known currency, or two different
    ones ("kr 100", "USD 5 EUR"). Work per distinct value is the caller's.
    """
    text = text.astype(object).where(text.notna(), "").astype(str)
    code = pd.Series(None, index=text.index, dtype=object)
    unknown = pd.Series(False, index=text.index)
    marked = text.str.contains(_EDGE_CHARS, regex=True)  # most amounts are bare numbers: nothing to take off
    if not marked.any():
        return text.astype(object), code, unknown
    stripped, code[marked], unknown[marked] = _split_marked(text[marked])
    return text.where(~marked, stripped).astype(object), code, unknown


def _split_marked(text: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    lead = text.str.extract(rf"^(?P<pre>[\s(+\-]*)(?P<cur>{_EDGE_CHARS})(?P<rest>.*)$", flags=re.DOTALL)
    rest = lead["rest"].where(lead["cur"].notna(), text)
    pre = lead["pre"].fillna("")
    trail = rest.str.extract(rf"^(?P<body>.*?)(?P<cur>{_EDGE_CHARS})(?P<post>[\s)\-]*)$", flags=re.DOTALL)
    # a trailing token needs something before it, or "$" alone would be taken twice
    has_trail = trail["cur"].notna() & trail["body"].str.contains(r"\d", regex=True).fillna(False)
    body = trail["body"].where(has_trail, rest) + trail["post"].where(has_trail, "").fillna("")
    lead_code = lead["cur"].map(code_of, na_action="ignore")
    trail_code = trail["cur"].where(has_trail).map(code_of, na_action="ignore")
    unknown = (lead["cur"].notna() & lead_code.isna()) | (has_trail & trail_code.isna())
    unknown |= lead_code.notna() & trail_code.notna() & (lead_code != trail_code)
    code = lead_code.where(lead_code.notna(), trail_code)
    code = code.astype(object).where(code.notna() & ~unknown, None)
    return (pre + body).astype(object), code, unknown.astype(bool)


def normalise_currency(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Currency-column texts to ISO codes where recognised; returns (values, unrecognised mask)."""
    text = values.astype(object)
    ids, uniques = pd.factorize(text, use_na_sentinel=True)
    known = pd.Series([code_of(v) if isinstance(v, str) else None for v in uniques] + [None], dtype=object)
    codes = pd.Series(known.to_numpy()[ids], index=text.index, dtype=object)
    unrecognised = text.notna() & codes.isna()
    return codes.where(codes.notna(), text).where(text.notna(), None), unrecognised.astype(bool)
