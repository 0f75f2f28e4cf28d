"""Trailing locations in company names: "ACME N.V., ROTTERDAM, NL" -> "ACME N.V." + Rotterdam, NL.

Sources append a site's city, state or country to the customer's name. Left in the name it makes
"Acme, Rotterdam" a different name from "Acme"; split off, it becomes location evidence that
agrees with the other record's city. A trailing segment (after a comma, semicolon, " - " or in
parentheses) is a location when it is a country (name or ISO code), a US state or Canadian
province, a city named in the data's own city column, or one of the world's large cities
(`gazetteer`). A legal form is never taken for a place ("Acme, SA" is a société anonyme, not
Saudi Arabia), and a two-letter code that is both a state and a country ("IN", "DE") is split
off, and read as a country or a state only when a large city beside it is in that country or
state ("Boston, MA"; "Rotterdam, NL"). Up to three segments are peeled from the end; a name is
never emptied.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa

from matching.gazetteer import country_codes, large_cities, large_city_set, region_codes
from matching.legal_forms import all_forms
from matching.text import (
    ASCII_PUNCTUATION,
    TEXT_DTYPE,
    extract,
    is_in,
    squash_spaces,
    string_set,
)

#: how many trailing segments are peeled at most ("Acme, Rotterdam, Zuid-Holland, NL")
MAX_SEGMENTS: Final[int] = 3
LOCATION_COLUMNS: Final[tuple[str, ...]] = ("name", "city", "region", "country")
#: a name, then a separator and a last segment (", x", "; x", " - x", " (x)", " / x")
_TRAILING: Final[str] = (
    r"^(?P<rest>.*[^ ,;(/-]) *(?:[,;] *| +- +| +/ +| *\( *)(?P<seg>[^,;()/]*[^ ,;()/]) *\)? *$"
)
_SAINT: Final[dict[str, str]] = {"saint": "st", "ste": "st", "ft": "fort", "mt": "mount"}
#: two-letter codes that are also words or departments ("Acme, IT"): never read as places
WORDLIKE_CODES: Final[frozenset[str]] = frozenset(
    {"it", "me", "is", "at", "be", "do", "go", "no", "so", "to", "am", "an", "as", "by", "hi",
     "if", "my", "of", "on", "or", "up", "we", "hr", "pr", "ad", "ai"}
)  # fmt: skip


def place_key(values: pd.Series) -> pd.Series:
    """Comparable form of a place segment: letters and digits, single spaces, "saint" -> "st"."""
    s = values.str.replace("['.`]", "", regex=True).str.replace(ASCII_PUNCTUATION, " ", regex=True)
    s = squash_spaces(s).fillna("")
    for word, short in _SAINT.items():
        s = s.str.replace(rf"\b{word}\b", short, regex=True)
    return s


def _lookup(keys: pd.Series, table: dict[str, str]) -> pd.Series:
    mapped = keys.astype(object).map(table)
    return mapped.where(mapped.notna(), None)


def _resolve_codes(
    out: dict[str, pd.Series], codes: pd.Series, gazetteer: dict[str, frozenset[str]]
) -> None:
    """Two-letter codes that may be a state or a country, read through the city beside them."""
    todo = codes.notna() & out["city"].notna()
    if not todo.any():
        return
    known = out["city"][todo].map(gazetteer)
    code = codes[todo].str.upper()
    pairs = pd.DataFrame({"code": code, "known": known}).dropna()
    is_country = pd.Series(
        [c in k for c, k in zip(pairs["code"], pairs["known"], strict=True)], index=pairs.index, dtype=bool
    )  # one test per name with an ambiguous code, not per record
    is_state = pd.Series(
        ["US-" + c in k for c, k in zip(pairs["code"], pairs["known"], strict=True)],
        index=pairs.index,
        dtype=bool,
    )
    country = pairs["code"].where(is_country & ~is_state)
    region = pairs["code"].where(is_state)
    for col, found in (("country", country), ("region", region)):
        fill = found.dropna()
        fill = fill[out[col].loc[fill.index].isna()]
        out[col].loc[fill.index] = fill.to_numpy()


#: the last one or two words of a name, and what comes before them
_LAST_WORDS: Final[tuple[str, ...]] = (
    r"^(?P<rest>.+[^ ]) (?P<seg>[^ ]+)$",
    r"^(?P<rest>.+[^ ]) (?P<seg>[^ ]+ [^ ]+)$",
    r"^(?P<rest>.+[^ ]) (?P<seg>[^ ]+ [^ ]+ [^ ]+)$",  # "Rio de Janeiro"
)
#: the legal form before the place: its last one to four words ("S/A", "Société par actions simplifiée")
_FORM_WORDS: Final[tuple[str, ...]] = tuple(rf"(?P<w>(?:[^ ]+ ){{{k}}}[^ ]+)$" for k in range(4))


def _ends_in_form(rest: pd.Series, forms: pa.Array) -> np.ndarray:
    """Whether each text ends in a legal form of one to four words ("hb", "s a", "societe par actions
    simplifiee"), compared as `split_locations` compares forms (letters only, no spaces)."""
    form = np.zeros(len(rest), dtype=bool)
    for words in _FORM_WORDS:
        last = extract(rest, words)["w"].fillna("").astype(TEXT_DTYPE)
        form |= is_in(place_key(last).str.replace(" ", "", regex=False), forms)
    return form


def _after_legal_form(name: pd.Series, out: dict[str, pd.Series], forms: pa.Array, data_cities: pa.Array,
                      countries: dict[str, str]) -> pd.Series:
    """A city or country written after the legal form with no separator ("Sjöberg Bygg HB
    Linköping", "Müller GmbH Köln"): a legal form ends the company's name, so a known place after
    it is the site, split off as a separated one is. Fills `out` in place; returns the names. Only
    the names whose last word ends a known place are looked at (few)."""
    ends = string_set({w.rsplit(" ", 1)[-1] for w in pa.concat_arrays(
        [data_cities, large_city_set(), pa.array(list(countries), type=pa.string())]).to_pylist() if w})
    last = place_key(extract(name, r"(?P<w>[^ ]+)$")["w"].fillna("").astype(TEXT_DTYPE))
    last = last.str.replace(r"^.* ", "", regex=True)  # "saint-etienne" is "st etienne": its last word
    rows = np.flatnonzero(is_in(last, ends))
    if not len(rows):
        return name
    found = {col: out[col].iloc[rows].reset_index(drop=True) for col in ("city", "country")}
    peeled = _place_after_form(name.iloc[rows].reset_index(drop=True), found, forms, data_cities, countries)
    for col, values in found.items():
        out[col].iloc[rows] = values.to_numpy()
    name = name.copy()
    name.iloc[rows] = peeled.to_numpy()
    return name


def _place_after_form(name: pd.Series, out: dict[str, pd.Series], forms: pa.Array, data_cities: pa.Array,
                      countries: dict[str, str]) -> pd.Series:
    """`_after_legal_form` on the names that may end in a place: one, two or three words after the
    form ("Köln", "Rio de Janeiro")."""
    for pattern in _LAST_WORDS:
        parts = extract(name, pattern)
        seg = place_key(parts["seg"].fillna("").astype(TEXT_DTYPE))
        city = seg.where(is_in(seg, data_cities) | is_in(seg, large_city_set())).astype(object)
        country = _lookup(seg.where(seg.str.len() >= 3), countries)
        is_place = (city.notna() | country.notna()).to_numpy(dtype=bool) & ~is_in(seg, string_set(WORDLIKE_CODES))
        is_place &= ~is_in(seg.str.replace(" ", "", regex=False), forms)
        rows = np.flatnonzero(is_place)
        if not len(rows):
            continue
        peel = np.zeros(len(name), dtype=bool)
        peel[rows] = _ends_in_form(parts["rest"].iloc[rows].fillna("").astype(TEXT_DTYPE), forms)
        if not peel.any():
            continue
        for col, found in (("city", city), ("country", country)):
            take = peel & found.notna().to_numpy(dtype=bool) & out[col].isna().to_numpy(dtype=bool)
            out[col] = out[col].where(~take, found)
        name = name.where(~peel, parts["rest"])
    return name


def split_locations(names: pd.Series, cities: frozenset[str] = frozenset()) -> pd.DataFrame:
    """Columns LOCATION_COLUMNS for folded names (lower case, accents removed, punctuation kept).

    `cities` are place keys (`place_key`) of the data's own city values, added to the large
    cities of the gazetteer. `city` is a place key; `region` and `country` are two-letter codes.
    """
    index = names.index
    name = names.astype(TEXT_DTYPE)
    out = {c: pd.Series(None, index=index, dtype=object) for c in LOCATION_COLUMNS[1:]}
    unambiguous, ambiguous = all_forms()
    forms = string_set(unambiguous | ambiguous)
    countries, regions = country_codes(), region_codes()
    gazetteer = large_cities()
    data_cities = string_set(cities)
    both = string_set(k for k in regions if len(k) == 2 and k in countries)
    codes = pd.Series(None, index=index, dtype=object)
    for _ in range(MAX_SEGMENTS):
        parts = extract(name, _TRAILING)
        seg = place_key(parts["seg"].fillna("").astype(TEXT_DTYPE))
        compact = seg.str.replace(" ", "", regex=False)
        legal = is_in(compact, forms)
        region = _lookup(seg, regions)
        country = _lookup(seg, countries)
        city = seg.where(is_in(seg, data_cities) | is_in(seg, large_city_set())).astype(object)
        ambiguous_code = is_in(seg, both)
        found = (region.notna() | country.notna() | city.notna()).to_numpy(dtype=bool)
        is_place = found & ~is_in(seg, string_set(WORDLIKE_CODES))
        rest_ok = (parts["rest"].fillna("").str.len() >= 2).to_numpy(dtype=bool)
        peel = is_place & ~legal & rest_ok & parts["seg"].notna().to_numpy(dtype=bool)
        if not peel.any():
            break
        for col, found in (("city", city), ("region", region), ("country", country)):
            take = peel & ~ambiguous_code & found.notna().to_numpy(dtype=bool)
            take &= out[col].isna().to_numpy(dtype=bool)
            out[col] = out[col].where(~take, found)
        codes = codes.where(~(peel & ambiguous_code), seg.astype(object))
        name = name.where(~peel, parts["rest"])
    name = _after_legal_form(name, out, forms, data_cities, countries)
    _resolve_codes(out, codes, gazetteer)
    # a city segment alone says nothing about the country; a region implies its country
    out["country"] = out["country"].where(
        out["country"].notna() | out["region"].isna(),
        np.where(out["region"].isin({"AB", "BC", "MB", "NB", "NL", "NS", "ON", "PE", "QC", "SK"}),
                 "CA", "US"),
    )
    return pd.DataFrame({"name": name.astype(object), **out}, index=index)
