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
never emptied. A city written bare at the end, with no separator ("Mertens Logistique Brussel"),
is peeled only when it is a city of the data (or a large city of several words) and the name left
still has two words and a distinctive one, with no joining word before the city ("Bank of
Brussels", "Bank Brussels" and "Grand Hotel Paris" stay whole).
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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


#: a bracketed segment between the company's name and its trailing legal form of one to four words
#: ("wari timber (png) limited", "acme (fiji) pte ltd", "kilimo (t) ltd")
_BRACKET_BEFORE_FORM: Final[str] = (
    r"^(?P<rest>.*[^ (]) *\( *(?P<seg>[^()]*[^ ()]) *\) +(?P<form>[^ ()]+(?: [^ ()]+){0,3})$"
)


def _country_before_form(name: pd.Series, out: dict[str, pd.Series], forms: pa.Array,
                         countries: dict[str, str]) -> pd.Series:
    """A country (name or ISO code) or a single letter in brackets between the name and its legal form,
    as subsidiaries are registered ("Wari Timber (PNG) Limited", "Kilimo (T) Ltd" - East Africa's
    letter for the country): part of the form, not of the name. The country fills `out` where none
    was found; a letter names none. Fills `out` in place; returns the names."""
    rows = np.flatnonzero(name.str.contains("(", regex=False).fillna(False).to_numpy(dtype=bool))
    if not len(rows):
        return name
    parts = extract(name.iloc[rows].reset_index(drop=True), _BRACKET_BEFORE_FORM)
    seg = place_key(parts["seg"].fillna("").astype(TEXT_DTYPE))
    country = _lookup(seg, countries)
    letter = (seg.str.len() == 1) & seg.str.isalpha()
    peel = (country.notna() | letter).to_numpy(dtype=bool) & ~is_in(seg, string_set(WORDLIKE_CODES))
    peel &= ~is_in(seg.str.replace(" ", "", regex=False), forms)  # "(pty) ltd" is a form
    peel &= _ends_in_form(parts["form"].fillna("").astype(TEXT_DTYPE), forms)
    if not peel.any():
        return name
    at = rows[peel]
    name = name.copy()
    name.iloc[at] = (parts["rest"][peel] + " " + parts["form"][peel]).to_numpy()
    found = country[peel].to_numpy()
    unset = out["country"].iloc[at].isna().to_numpy(dtype=bool)
    out["country"].iloc[at[unset]] = found[unset]
    return name


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


#: the last one to four words of a name, the longest first ("san miguel de tucuman", "ha noi", "gent")
_BARE_WORDS: Final[tuple[str, ...]] = tuple(
    rf"^(?P<rest>.+[^ ]) (?P<seg>[^ ]+(?: [^ ]+){{{k}}})$" for k in range(3, -1, -1)
)
#: words that join a place to the company's own name ("Bank of Brussels", "Banco de Bogota",
#: "Smith & Jackson"): a place after them is part of the name, never peeled bare
JOINING_WORDS: Final[frozenset[str]] = frozenset(
    {"of", "the", "and", "for", "at", "on", "in", "to", "by", "de", "del", "della", "delle", "dello", "di",
     "da", "do", "dos", "das", "du", "des", "la", "le", "les", "lo", "los", "las", "el", "al", "van", "von",
     "der", "den", "dem", "het", "te", "ter", "ten", "aan", "am", "im", "zu", "zum", "zur", "bei", "sur",
     "en", "et", "und", "y", "e", "i", "si", "es", "ve", "och", "og", "ja", "a", "o", "na", "nad", "pod", "w",
     "z", "u", "v", "za", "ul", "city", "st", "san", "santa", "santo", "sao", "new", "port", "fort", "mount"}
)  # fmt: skip
#: a bare place is peeled only off a name that keeps this many words besides legal forms and joining
#: words ("Mertens Logistique Brussel"; "Bank Brussels" and "Acme Brussels" stay whole)
MIN_REST_WORDS: Final[int] = 2
#: a word in more than this share of the data's names (and at least COMMON_WORD_NAMES of them) is a
#: common word ("trading", "hotel"), no distinctive one: "Grand Hotel Paris" stays whole
COMMON_WORD_SHARE: Final[float] = 0.002
COMMON_WORD_NAMES: Final[int] = 20


def _common_words(name: pd.Series) -> pa.Array:
    """Words (place keys) of more than COMMON_WORD_SHARE of the names, and of COMMON_WORD_NAMES."""
    arr = pa.array(name.astype(object).where(name.notna(), None), type=pa.string())
    words = pc.list_flatten(pc.split_pattern(pc.replace_substring_regex(arr, ASCII_PUNCTUATION, " "), " "))
    counts = pc.value_counts(words)
    values, n = counts.field("values"), np.asarray(counts.field("counts"))
    limit = max(COMMON_WORD_NAMES, COMMON_WORD_SHARE * len(name))
    return values.filter(pa.array(n > limit))


def _distinctive_rest(rest: pd.Series, forms: pa.Array, cities: pa.Array, common: pa.Array) -> np.ndarray:
    """Whether each name left by a bare place peel still names a company on its own: MIN_REST_WORDS
    words besides legal forms and joining words, one of them a distinctive one (three letters or
    more, no common word, no place), and no joining word or "&" last ("Bank of", "Smith &")."""
    arr = pa.array(rest.astype(object).fillna(""), type=pa.string())
    lists = pc.split_pattern(arr, " ")
    raw = pc.list_flatten(lists)
    parent = np.asarray(pc.list_parent_indices(lists))
    word = place_key(pd.Series(raw.to_numpy(zero_copy_only=False), dtype=TEXT_DTYPE)).str.replace(" ", "", regex=False)
    joining = is_in(word, string_set(JOINING_WORDS)) | (word.str.len() == 0).to_numpy(dtype=bool)
    content = ~joining & ~is_in(word, forms)
    distinctive = content & (word.str.len() >= 3).to_numpy(dtype=bool) & ~is_in(word, common) & ~is_in(word, cities)
    n = len(rest)
    words = np.bincount(parent, weights=content, minlength=n)
    rare = np.bincount(parent, weights=distinctive, minlength=n)
    last = np.r_[parent[1:] != parent[:-1], True] if len(parent) else np.zeros(0, dtype=bool)
    joined = np.zeros(n, dtype=bool)
    joined[parent[last]] = joining[last]
    return (words >= MIN_REST_WORDS) & (rare >= 1) & ~joined


def _last_word(name: pd.Series) -> pd.Series:
    """The last word of each name's place key ("saint-etienne" -> "etienne"), without making the
    place keys of all names (pyarrow passes only)."""
    arr = pa.array(name.astype(object).where(name.notna(), None), type=pa.string())
    arr = pc.replace_substring_regex(arr, "['.`]", "")
    arr = pc.utf8_rtrim(pc.replace_substring_regex(arr, ASCII_PUNCTUATION, " "), " ")
    return pd.Series(pc.replace_substring_regex(arr, "^.* ", "").to_numpy(zero_copy_only=False), dtype=object)


def _bare_place(name: pd.Series, out: dict[str, pd.Series], forms: pa.Array, data_cities: pa.Array) -> pd.Series:
    """A city of the data's own, or a large city of two words or more, ending a name with no separator
    nor legal form before it ("Mertens Logistique Brussel", "Thep Hai Au Ha Noi", "Torres Hnos. San
    Miguel de Tucuman"): split off as a separated one is, when what is left still names the company
    (`_distinctive_rest`). A one-word large city is no place here: "Brown Smith Jackson". Fills `out`
    in place; returns the names. Only the names whose last word ends such a place are looked at."""
    multi = [c for c in large_city_set().to_pylist() if " " in c]
    places = string_set(data_cities.to_pylist() + multi)
    ends = string_set({p.rsplit(" ", 1)[-1] for p in places.to_pylist() if p})
    rows = np.flatnonzero(is_in(_last_word(name), ends))
    if not len(rows):
        return name
    sub = name.iloc[rows].reset_index(drop=True)
    city = pd.Series(None, index=sub.index, dtype=object)
    rest = pd.Series(None, index=sub.index, dtype=object)
    common = _common_words(name)
    for pattern in _BARE_WORDS:
        todo = city.isna().to_numpy(dtype=bool)
        parts = extract(sub, pattern)
        seg = place_key(parts["seg"].fillna("").astype(TEXT_DTYPE))
        hit = todo & is_in(seg, places) & ~is_in(seg.str.replace(" ", "", regex=False), forms)
        hit &= ~is_in(seg, string_set(WORDLIKE_CODES))
        idx = np.flatnonzero(hit)
        if not len(idx):
            continue
        ok = _distinctive_rest(parts["rest"].iloc[idx].astype(TEXT_DTYPE), forms, places, common)
        take = idx[ok]
        city.iloc[take] = seg.iloc[take].to_numpy(dtype=object)
        rest.iloc[take] = parts["rest"].iloc[take].astype(object).to_numpy()
        # a name whose longest place does not come off keeps its shorter ending too ("Bank of New York")
        city.iloc[idx[~ok]] = ""
    peeled = city.fillna("").str.len().to_numpy() > 0
    at = rows[peeled]
    own = out["city"].iloc[at].isna().to_numpy(dtype=bool)
    out["city"].iloc[at[own]] = city[peeled].to_numpy(dtype=object)[own]
    name = name.copy()
    name.iloc[at] = rest[peeled].astype(TEXT_DTYPE).to_numpy()
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
    name = _country_before_form(name, out, forms, countries)
    name = _after_legal_form(name, out, forms, data_cities, countries)
    name = _bare_place(name, out, forms, data_cities)
    _resolve_codes(out, codes, gazetteer)
    # a city segment alone says nothing about the country; a region implies its country
    out["country"] = out["country"].where(
        out["country"].notna() | out["region"].isna(),
        np.where(out["region"].isin({"AB", "BC", "MB", "NB", "NL", "NS", "ON", "PE", "QC", "SK"}),
                 "CA", "US"),
    )
    return pd.DataFrame({"name": name.astype(object), **out}, index=index)
