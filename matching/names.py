"""Company-name normalisation: one comparable spelling per name, computed on distinct values.

"NORTHBRIDGE CAPITAL CORP", "Northbridge Capital Corporation" and "The Northbridge Capital,
Inc. - HQ" all become "northbridge capital": case and accents folded, trailing site or department
qualifiers dropped, trailing places split off as location evidence ("ACME N.V., ROTTERDAM, NL":
`name_locations`), "&" read as "and", abbreviation dots removed, a leading "The" and legal forms
in any language and spacing stripped (`legal_forms`; up to three trailing ones, a leading one,
never the whole name; forms that are also words only when spaced or dotted, used in the
record's country, written in capitals where no country is known ("Gómez y Ospina SAS"), or
leading a name whose trailing form tells their country ("S.C. ... S.R.L.")), glued names split
by the vocabulary of the other names ("ACMEINDUSTRIESBV": `glued`), Japanese and Chinese forms
written without a space stripped ("株式会社ミナト電機"), common abbreviations expanded (Intl ->
international, Mfg -> manufacturing), stop words and joining words between two words ("Kis és
Fia") removed and plural tokens folded. Letters of every script are kept: punctuation is any
script's, and "ł", "æ", "ß" fold to "l", "ae", "ss" (`text.fold_ascii`). The compact form (no
spaces) also equates "North Bridge" with "Northbridge".
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from matching.addresses import normalise_countries
from matching.bare_names import drop_forms_named_without
from matching.glued import split_glued
from matching.legal_forms import (
    all_forms,
    cased_patterns,
    circumfix_patterns,
    compact,
    country_leading_forms,
    country_pattern,
    cut_form_pattern,
    forms_by_country,
    leading_pattern,
    quoted_leading_pattern,
    separated_pattern,
    trailing_pattern,
    unspaced_leading_pattern,
    unspaced_trailing_pattern,
)
from matching.name_locations import place_key, split_locations
from matching.name_terms import (
    AND_BETWEEN_WORDS,
    ATTENTION_PATTERN,
    NAME_ABBREVIATIONS,
    NAME_STOPWORDS,
    QUALIFIER_PATTERN,
    TRADE_NAME_PATTERN,
    YEAR_PATTERN,
)
from matching.text import (
    PUNCTUATION,
    TEXT_DTYPE,
    as_text,
    blank_to_null,
    extract,
    fold_ascii,
    map_tokens,
    matches_regex,
    on_unique,
    on_unique_frame,
    replace_regex,
    spell_in_latin,
    squash_spaces,
)

#: how many trailing legal forms are stripped at most ("Foo Holdings Co., Inc." -> two)
MAX_LEGAL_FORMS: Final[int] = 3
#: names at least this long may have been cut by a fixed-width field, legal form and all
CUT_NAME_LENGTH: Final[int] = 28
NAME_PART_COLUMNS: Final[tuple[str, ...]] = ("name_norm", "name_city", "name_region", "name_country")


def _strip_trailing(s: pd.Series, pattern: str, times: int = MAX_LEGAL_FORMS) -> pd.Series:
    for _ in range(times):
        s = replace_regex(s, pattern, r"\1")
    return s


def _prepare(names: pd.Series, cities: frozenset[str]) -> pd.DataFrame:
    """Distinct raw names -> name without places and legal forms, and the places it named."""
    s = folded = fold_ascii(squash_spaces(names).fillna(""))
    s = s.str.replace(ATTENTION_PATTERN, "", regex=True)
    s = replace_regex(s, YEAR_PATTERN, "")  # "Cohen Systems (1998) Ltd"
    s = replace_regex(s, TRADE_NAME_PATTERN, r"\1")
    for _ in range(2):  # "Acme (AP Dept) - HQ"
        s = s.str.replace(QUALIFIER_PATTERN, "", regex=True)
    places = split_locations(s, cities)
    s = places["name"].astype(TEXT_DTYPE).str.replace(QUALIFIER_PATTERN, "", regex=True)
    circumfix = _circumfix_countries(s)
    s = replace_regex(s, quoted_leading_pattern(), r"\1")  # 'SIA "Gauja Datori"'
    s = _strip_trailing(s, separated_pattern(), 2)  # "K.K.", "A/S": spaced or dotted forms
    s = s.str.replace("[&+]", " and ", regex=True)
    s = s.str.replace("['`." + chr(0x2019) + "]", "", regex=True)  # "l.l.c." -> "llc"
    s = replace_regex(s, PUNCTUATION, " ")  # any script's: "ООО «Ромашка»", "「ミナト」"
    s = s.str.replace(" +", " ", regex=True).str.strip()
    s = s.str.replace("^the ([^ ])", r"\1", regex=True)
    s = replace_regex(s, leading_pattern(), r"\1")
    s = _strip_trailing(s, trailing_pattern())
    s = _strip_cut_form(s, names)
    s = replace_regex(replace_regex(s, unspaced_leading_pattern(), r"\1"), unspaced_trailing_pattern(), r"\1")
    s = _strip_circumfix(s, circumfix)
    trailing, leading = _cased_forms(names, folded)
    return pd.DataFrame(
        {
            "name": blank_to_null(s),
            "city": places["city"],
            "region": places["region"],
            "country": places["country"],
            "cased": trailing,
            "cased_leading": leading,
        }
    )


def _circumfix_countries(names: pd.Series) -> pd.Series:
    """The country whose leading form a name also closes with one of its trailing forms
    ("S.C. Dumitrescu Industrial S.R.L." -> RO, "PT Surya (Persero) Tbk" -> ID), else None:
    the trailing form tells the country where the leading word is a legal form."""
    out = pd.Series(None, index=names.index, dtype=object)
    lead_any, per_country = circumfix_patterns()
    rows = matches_regex(names, lead_any)
    if not rows.any():
        return out
    candidates = names[rows].str.replace("['`." + chr(0x2019) + "]", "", regex=True)
    candidates = replace_regex(candidates, PUNCTUATION, " ").str.replace(" +", " ", regex=True).str.strip()
    for country, pattern in per_country.items():
        hit = matches_regex(candidates, pattern)
        chosen = candidates.index[hit]
        out[chosen] = out[chosen].fillna(country)
    return out


def _strip_circumfix(names: pd.Series, countries: pd.Series) -> pd.Series:
    """Drop the leading form of each name whose trailing form told its country (`_circumfix_countries`)."""
    out = names.copy()
    for country in countries.dropna().unique():
        rows = (countries == country).to_numpy(dtype=bool)
        out[rows] = replace_regex(names[rows], leading_pattern(country_leading_forms(str(country))), r"\1")
    return out


def _cased_forms(names: pd.Series, folded: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Distinct raw names -> the ambiguous form each writes as a legal form amid lower-case letters
    (`legal_forms.cased_patterns`), trailing and leading, compact (None when none), shared by every spelling
    that folds alike ("BELANGER AB" as "Bélanger AB"): a record without a country cell loses it
    (`_strip_cased`)."""
    raw = names.astype(TEXT_DTYPE)
    out = []
    for pattern in cased_patterns():
        hit = matches_regex(raw, pattern.replace("(?P<form>", "(?:"))
        found = extract(raw[hit], pattern)["form"].dropna()
        mixed = found.index[(raw[found.index].str.upper() != raw[found.index]).to_numpy(dtype=bool)]
        forms = pd.Series(None, index=names.index, dtype=object)
        by_folded = dict(zip(folded[mixed].astype(object), found[mixed].astype(object).map(compact), strict=True))
        alike = folded.isin(list(by_folded)).to_numpy(dtype=bool)
        forms[alike] = folded[alike].astype(object).map(by_folded)
        out.append(forms)
    return out[0], out[1]


def _strip_cased(names: pd.Series, countries: pd.Series, trailing: pd.Series, leading: pd.Series) -> pd.Series:
    """Strip the forms a name writes as legal forms where its country is unknown: with no country
    to say whether "SAS" is a form, the capitals say it ("Gómez y Ospina SAS" = "Gómez & Ospina S.A.S.")."""
    cased = (trailing.notna() | leading.notna()).to_numpy(dtype=bool)
    rows = cased & countries.isna().to_numpy(dtype=bool) & names.notna().to_numpy(dtype=bool)
    if not rows.any():
        return names
    out = names.astype(object).copy()
    pairs = zip(trailing[rows].fillna(""), leading[rows].fillna(""), strict=True)
    keys = pd.Series(list(pairs), index=names.index[rows], dtype=object)
    for tail, lead in keys.unique():
        chosen = keys.index[(keys == (tail, lead)).to_numpy(dtype=bool)]
        s = out[chosen].astype(TEXT_DTYPE)
        if tail:
            s = _strip_trailing(s, country_pattern(frozenset({tail})))
        if lead:
            s = replace_regex(s, leading_pattern(frozenset({lead})), r"\1")
        out[chosen] = s.astype(object)
    return out


def _strip_cut_form(s: pd.Series, raw: pd.Series) -> pd.Series:
    """Drop a legal form cut short by a fixed-width field, in names as long as such a field."""
    long = (raw.str.len() >= CUT_NAME_LENGTH).fillna(False).to_numpy(dtype=bool)
    if not long.any():
        return s
    out = s.copy()
    out[long] = replace_regex(s[long], cut_form_pattern(), r"\1")
    return out


def _country_forms(names: pd.Series, countries: pd.Series) -> pd.Series:
    """Strip the ambiguous legal forms of each name's country ("Volvo AB" in Sweden)."""
    out = names.astype(object).copy()
    by_country = forms_by_country()
    _, ambiguous = all_forms()
    present = countries.dropna().unique()
    for country in present:  # one vectorised pass per country present, not per row
        forms = by_country.get(str(country), frozenset()) & ambiguous
        leading = country_leading_forms(str(country))
        if not forms and not leading:
            continue
        rows = (countries == country).to_numpy(dtype=bool) & names.notna().to_numpy(dtype=bool)
        s = names[rows].astype(TEXT_DTYPE)
        if forms:
            s = _strip_trailing(s, country_pattern(forms))
        if leading:
            s = replace_regex(s, leading_pattern(leading), r"\1")
        out[rows] = s.astype(object)
    return out


def _finish(names: pd.Series) -> pd.Series:
    """Distinct prepared names: Greek and Cyrillic in Latin letters, glued names split,
    abbreviations, stop words, plurals. The legal forms of those scripts are gone by then."""
    unambiguous, _ = all_forms()
    s = split_glued(spell_in_latin(names), unambiguous, lambda u: _strip_trailing(u, trailing_pattern()))
    s = _drop_and_words(s)
    s = map_tokens(blank_to_null(s), NAME_ABBREVIATIONS, NAME_STOPWORDS)
    return fold_plurals(s)


def _drop_and_words(names: pd.Series) -> pd.Series:
    """Drop the `name_terms.AND_WORDS` that stand between two words ("kis es fia" -> "kis fia")."""
    out = names.astype(TEXT_DTYPE)
    rows = matches_regex(out, AND_BETWEEN_WORDS)
    if rows.any():
        joined = out[rows]
        for _ in range(2):  # "a si b si c": matches do not overlap
            joined = replace_regex(joined, AND_BETWEEN_WORDS, r"\1 \2")
        out[rows] = joined
    return out


def fold_plurals(values: pd.Series) -> pd.Series:
    """Crude plural folding of tokens: "labs" -> "lab", "industries" -> "industry".

    Applied to both sides of every comparison, so "Jones" -> "jone" is harmless; it lets
    "Pathways" meet "Pathway" and "System" meet "Systems".
    """
    s = values.str.replace(r"\b([a-z]{2}[a-z]*)ies\b", r"\1y", regex=True)
    return s.str.replace(r"\b([a-z]{2}[a-z]*[^sui ])s\b", r"\1", regex=True)


#: made per distinct (name, country) pair when the pairs are at most this share of the rows
DISTINCT_PAIRS_SHARE = 0.8


def company_name_parts(
    names: pd.Series, countries: pd.Series | None = None, cities: pd.Series | None = None
) -> pd.DataFrame:
    """Normalised names and the places split off them, one row per input row (NAME_PART_COLUMNS).

    `countries` (raw country cells) lets a name lose its country's ambiguous legal forms;
    `cities` (raw city cells of the same data) teach which trailing segments are places.
    `name_city` is a place key, `name_region` / `name_country` two-letter codes.

    A row's parts depend on its name and country cells alone, given what the whole data teaches
    (the cities' keys, and the vocabulary of glued words, learned from the distinct names): so they
    are made once per distinct pair of cells and spread back (a company is named on many rows).
    """
    city_keys: frozenset[str] = frozenset()
    if cities is not None:
        known = on_unique(as_text(cities), lambda u: place_key(fold_ascii(u)))
        city_keys = frozenset(known.dropna().unique()) - {""}
    pair, first = _distinct_pairs(names, countries)
    if len(first) > len(names) * DISTINCT_PAIRS_SHARE:
        return _name_parts(names, countries, city_keys)
    once = _name_parts(names.iloc[first], None if countries is None else countries.iloc[first], city_keys)
    return pd.DataFrame({c: once[c].to_numpy(dtype=object)[pair] for c in once.columns}, index=names.index,
                        dtype=object)


def _distinct_pairs(names: pd.Series, countries: pd.Series | None) -> tuple[np.ndarray, np.ndarray]:
    """Each row's number among the distinct (name, country) cell pairs, and the first row of each."""
    name_code = pd.factorize(names, use_na_sentinel=True)[0].astype(np.int64) + 1
    if countries is not None:
        country_code = pd.factorize(countries, use_na_sentinel=True)[0].astype(np.int64) + 1
        name_code = name_code * (int(country_code.max(initial=0)) + 1) + country_code
    pair, _ = pd.factorize(name_code)  # numbered in order of first appearance: a new number tops the run so far
    first = np.flatnonzero(np.diff(np.maximum.accumulate(pair), prepend=-1) > 0) if len(pair) else pair
    return pair, first


def _name_parts(names: pd.Series, countries: pd.Series | None, city_keys: frozenset[str]) -> pd.DataFrame:
    """company_name_parts of every row, the cities' keys given."""
    parts = on_unique_frame(as_text(names), lambda u: _prepare(u, city_keys))
    parts = parts.set_axis(names.index)
    country = (
        normalise_countries(countries)
        if countries is not None
        else pd.Series(None, index=names.index, dtype=object)
    )
    country = country.where(country.notna(), parts["country"])
    prepared = _country_forms(parts["name"], country)
    prepared = _strip_cased(prepared, country, parts["cased"], parts["cased_leading"])
    name = drop_forms_named_without(on_unique(prepared, _finish))
    return pd.DataFrame(
        {
            "name_norm": name,
            "name_city": parts["city"],
            "name_region": parts["region"],
            "name_country": parts["country"],
        },
        index=names.index,
    )


def normalise_company_names(names: pd.Series, countries: pd.Series | None = None) -> pd.Series:
    """Normalised company names (object Series aligned with `names`; blank or unusable -> None)."""
    return company_name_parts(names, countries)["name_norm"]


def compact_names(normalised: pd.Series) -> pd.Series:
    """Normalised names without spaces: "north bridge capital" == "northbridge capital"."""
    return on_unique(normalised, lambda u: u.str.replace(" ", "", regex=False))

