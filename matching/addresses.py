"""Address, city, state, country and postal-code normalisation (vectorised over distinct values).

Street addresses become USPS-style lower-case text ("1312 S. Racine Avenue, Suite 2" ->
street "1312 s racine ave", unit "ste 2") plus a comparison key without the street type
("1312 s racine"), because sources disagree on "Ave" far more often than on the street. Streets
written the European way - the type first or glued on, the number last ("Calle Mayor, 5",
"Hauptstr. 12", "ul. Fabryczna 3") - get their number from the end and a key in the same shape
("5 mayor", "12 haupt", "3 fabryczna"), so "Hauptstraße 12" and "Hauptstr. 12" agree. A state
and ZIP written at the end of the address line are moved out. ZIP codes keep five digits and get
back leading zeros a spreadsheet dropped ("2134" -> "02134"); other countries' codes are
upper-cased without spaces.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
import pyarrow as pa

from matching.address_terms import (
    AREA_WORDS,
    DIRECTIONALS,
    GLUED_STREET_SUFFIXES,
    GLUED_STREET_WORDS,
    LEADING_STREET_PARTICLES,
    LEADING_STREET_TYPES,
    ORDINAL_WORDS,
    PREMISE_DESIGNATORS,
    STREET_NAME_WORDS,
    STREET_TYPES,
    UNIT_DESIGNATORS,
    US_STATES,
    ZIP_COUNTRIES,
)
from matching.gazetteer import (
    ambiguous_country_keys,
    city_countries,
    city_name_set,
    city_spellings,
    city_text_folded,
    country_cell_codes,
    country_city_lookup,
    country_keys,
    large_cities,
)
from matching.text import (
    ASCII_PUNCTUATION,
    TEXT_DTYPE,
    as_text,
    blank_to_null,
    extract,
    fold_ascii,
    is_in,
    map_tokens,
    matches_regex,
    on_unique,
    replace_regex,
    spell_in_latin,
    squash_spaces,
    string_set,
)

ADDRESS_COLUMNS = ("address_norm", "street", "street_key", "house_number", "unit", "zip_in_address")

_STATE_CODES = "|".join(sorted({c.lower() for c in US_STATES.values()}))
_TRAILING_STATE_ZIP = rf"^(?P<rest>.*[^ ]) (?:{_STATE_CODES}) (?P<zip>[0-9]{{5}})(?: ?[0-9]{{4}})?$"
_UNIT_WORDS = "|".join(sorted(set(UNIT_DESIGNATORS.values()) - {"po", "box"}))
_UNIT_SPLIT = (
    rf"^(?P<street>.*?)(?: (?P<unit>(?:[0-9]+(?:st|nd|rd|th) fl|(?:{_UNIT_WORDS}|unit)(?: .*)?)))?$"
)
#: first words of a unit, in any spelling ("suite", "ste", "apt"), a street line's part after its city
_UNIT_WORDS_ANY = string_set([*UNIT_DESIGNATORS, *UNIT_DESIGNATORS.values()])
_TYPE_WORDS = "|".join(sorted(set(STREET_TYPES.values())))
_ADDRESS_TOKENS: dict[str, str] = {
    **ORDINAL_WORDS,
    **STREET_TYPES,
    **DIRECTIONALS,
    **UNIT_DESIGNATORS,
    **GLUED_STREET_WORDS,
    **AREA_WORDS,
    **STREET_NAME_WORDS,
}
#: a type glued on a street's name ("hauptstrasse", "kerkstr"), split off before the words are mapped
_GLUED_TYPE = rf"\b([a-z]{{2,}}?)(?:{'|'.join(GLUED_STREET_SUFFIXES)})\b"
_PREMISE_WORDS = "|".join(sorted(PREMISE_DESIGNATORS))
_MARKERS = rf"(?:(?:{_PREMISE_WORDS}|n|d|dom) )*"
_NUMBER = "[0-9]+[a-z]?"
#: a street named first and numbered last ("calle mayor 5", "ataturk cad no 12", "hauptstr nr 3",
#: "ul lenina d 12": Russian "д." for house; "jl gatot subroto kav 9")
_NUMBER_LAST = rf"^(?P<name>[^0-9].*?) {_MARKERS}(?P<n>{_NUMBER})$"
#: a Colombian-style street numbered by its type and number, then the cross street's number and the
#: plot's ("calle 55 no 45 23" from "Calle 55 # 45-23", "tv 45 5 60" from "Tv. 45 5-60"), or a named
#: street with "#"/"No." before such a pair ("av el dorado no 164 30"): the pair is the house number
_PLACA_AFTER_NUMBER = rf"^(?P<name>[^0-9].*? (?P<sn>{_NUMBER})) {_MARKERS}(?P<n>{_NUMBER} {_NUMBER})$"
_DESIGNATED = rf"(?:{_PREMISE_WORDS})(?: (?:{_PREMISE_WORDS}))*"  # "plot", "plot no", "s no"
_PLACA_AFTER_MARKER = rf"^(?P<name>[^0-9].*?) {_DESIGNATED} (?P<n>{_NUMBER} {_NUMBER})$"
#: a premises named before its number at the start ("plot no 164 midc", "unit 5 100 main st")
_LEADING_PREMISE = (rf"^(?P<word>{_PREMISE_WORDS})(?: (?:{_PREMISE_WORDS}))* (?P<n>{_NUMBER}) "
                    rf"(?P<rest>(?P<house>{_NUMBER} )?.+)$")
#: a floor anywhere in the line ("fl 3" from "Piso 3" or "3º", "fl 3 b" from Spanish "3º B", "3rd fl",
#: "2e fl", "ground fl"); "fl 3" is tried first so that "belgrano 164 fl 3" is floor 3, not 164
_FLOOR_NUMBER_LAST = r"(?:^| )fl (?P<n>[0-9]+(?: [a-z])?|g)(?: fl)?(?: |$)"
_FLOOR_NUMBER_FIRST = r"(?:^| )(?:(?P<n>[0-9]+)(?:st|nd|rd|th|er|re|e|eme|o|a)|(?P<g>ground|grd|gr)) fl(?: |$)"
#: a number written as an ordinal with "º"/"ª"/"°" after another number: a floor ("Av. Belgrano 164
#: 3º" -> "... 164 fl 3"); a leading "1º de Mayo" is a street's name and stays
_ORDINAL_FLOOR = r"([0-9][^ºª°]* )([0-9]+) ?[ºª°]"
#: a street line opened by its postal code and city, or its city ("1138 Budapest, Váci út 12."),
#: the part after the comma holding a number
_PLACE_PREFIX = r"^(?:[0-9]{4,6} )?(?P<place>[^0-9,]+?) ?, ?(?P<rest>.*[0-9].*)$"
#: a leading "Str." is a street type (Romanian "Str. Mihai Eminescu"), never Saint as "St." may be
_LEADING_STR = r"^str "
_LEADING_TYPES = "|".join(sorted(LEADING_STREET_TYPES))
#: a type before the name: after a number only when two words follow ("12 rue de la paix"), so
#: that "100 C St" keeps its "C"
_LEADING_TYPE_AFTER_NUMBER = rf"^(?:{_LEADING_TYPES}) ([^ ]+ [^ ].*)$"
_LEADING_TYPE = rf"^(?:{_LEADING_TYPES}) (.+)$"
_LEADING_PARTICLES = rf"^(?:(?:{'|'.join(sorted(LEADING_STREET_PARTICLES))}) )+(.+)$"
_TRAILING_TYPE = rf" (?:{_TYPE_WORDS})((?: (?:n|s|e|w|ne|nw|se|sw))?)$"


def _street_keys(street: pd.Series) -> tuple[pd.Series, pd.Series]:
    """House number and comparison key of each street: the number in front ("1312 s racine ave" ->
    "1312", "1312 s racine") or, for a street named first, at the end ("calle del carmen 5" ->
    "5", "5 carmen"). The key leaves out the street's type, before or after its name, and the
    articles that open it, where sources disagree most ("C/ Carmen, 5")."""
    first = extract(street, "^(?P<n>[0-9]+[a-z]?) (?P<name>.+)$")
    last = _number_last(street.where(first["n"].isna()))
    number = first["n"].where(first["n"].notna(), last["n"])
    house = first["n"].where(first["n"].notna(), last["house"])
    named = first["name"].where(first["n"].notna(), last["name"].where(last["n"].notna(), street))
    named = replace_regex(named, _LEADING_TYPE_AFTER_NUMBER, r"\1").where(
        first["n"].notna(), replace_regex(named, _LEADING_TYPE, r"\1"))
    named = replace_regex(replace_regex(named, _LEADING_PARTICLES, r"\1"), _TRAILING_TYPE, r"\1")
    alone = extract(street, "^(?P<n>[0-9]+[a-z]?)$")["n"]  # a number and nothing else
    key = (number + " " + named).where(number.notna() & named.notna(), named)
    return house.where(house.notna(), alone), key.where(alone.isna(), alone)


def _number_last(street: pd.Series) -> pd.DataFrame:
    """Name, number and house number of streets numbered last: a Colombian pair ("calle 55 no 45 23"
    -> "calle 55", "45 23", house "55 45 23": the street's own number tells "Carrera 11 # 10-15" from
    "Carrera 115 # 10-15") before a single number ("calle mayor 5", "jl sudirman kav 9")."""
    out = extract(street, _NUMBER_LAST)
    out["house"] = out["n"].astype(object)
    pairs = matches_regex(street, rf" {_NUMBER} {_NUMBER}$")
    if pairs.any():
        first = extract(street[pairs], _PLACA_AFTER_NUMBER)
        first["house"] = first["sn"] + " " + first["n"]
        rest = first["n"].isna()
        if rest.any():
            found = extract(street[pairs][rest.to_numpy()], _PLACA_AFTER_MARKER)
            found["house"] = found["n"]
            first.loc[rest, ["name", "n", "house"]] = found[["name", "n", "house"]]
        got = first["n"].notna()
        out.loc[got[got].index, ["name", "n", "house"]] = first.loc[got, ["name", "n", "house"]]
    return out


@lru_cache(maxsize=1)
def _place_names() -> pa.Array:
    """Folded names of large cities and their other spellings (`gazetteer`) as an Arrow value set,
    to spot a street line that opens with its city."""
    return string_set([*large_cities(), *city_spellings()])


def _drop_place_prefix(s: pd.Series) -> pd.Series:
    """A folded street line without a postal code and city written before the street ("1138
    budapest, vaci ut 12." -> "vaci ut 12."); the city must be a known one and the rest a street,
    not a unit ("1312 s racine ave, suite 2" keeps its street)."""
    rows = matches_regex(s, _PLACE_PREFIX)
    if not rows.any():
        return s
    found = extract(s[rows], _PLACE_PREFIX)
    place = squash_spaces(found["place"].str.replace(ASCII_PUNCTUATION, " ", regex=True))
    first_word = extract(found["rest"], "^(?P<w>[a-z]+)")["w"]
    known = (is_in(place, _place_names()) & ~is_in(first_word, _UNIT_WORDS_ANY)
             & ~matches_regex(found["rest"], r"^[0-9]+(?:st|nd|rd|th)\b"))
    out = s.copy()
    out[found.index[known]] = found["rest"][known]
    return out


def _split_floor(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The line without its floor, and the floor as a unit ("belgrano 164 fl 3" -> "belgrano 164",
    "fl 3"; "shop no 67 ground fl laxmi complex" -> "shop no 67 laxmi complex", "fl g")."""
    floor = pd.Series(None, index=s.index, dtype=object)
    rows = matches_regex(s, "(?:^| )fl(?: |$)")
    if not rows.any():
        return s, floor
    line = s[rows]
    for pattern in (_FLOOR_NUMBER_LAST, _FLOOR_NUMBER_FIRST):
        todo = floor[rows].isna().to_numpy()
        found = extract(line.where(todo), pattern)
        level = found["n"]
        if "g" in found:  # "ground fl" is floor "g", as "fl g" is
            level = level.where(level.notna() | found["g"].isna(), "g")
        hit = level.notna()
        if hit.any():
            floor[hit[hit].index] = "fl " + level[hit].astype(object)
            line = line.where(~hit, squash_spaces(replace_regex(line.where(hit), pattern, " ")))
    out = s.copy()
    out[rows] = line
    return out, floor


def _split_premise(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """A premises word and number opening the line read as the house number ("plot no 164 midc"
    -> "164 midc") or, when a house number follows, as the unit ("unit 5 100 main st" -> "100 main
    st", "unit 5")."""
    unit = pd.Series(None, index=s.index, dtype=object)
    rows = matches_regex(s, _LEADING_PREMISE)
    if not rows.any():
        return s, unit
    found = extract(s[rows], _LEADING_PREMISE)
    unit_first = found["house"].notna()
    out = s.copy()
    out[rows] = (found["n"] + " " + found["rest"]).where(~unit_first, found["rest"])
    unit[unit_first[unit_first].index] = (found["word"] + " " + found["n"])[unit_first].astype(object)
    return out, unit


def _join_units(*units: pd.Series) -> pd.Series:
    """The non-null unit parts of each line joined with spaces, null when there are none."""
    joined = units[0].astype(TEXT_DTYPE)
    for unit in units[1:]:
        both = joined.notna() & unit.notna()
        joined = joined.where(joined.notna(), unit.astype(TEXT_DTYPE))
        if both.any():
            joined[both] = joined[both] + " " + unit[both].astype(TEXT_DTYPE)
    return joined


def _address_parts(raw: pd.Series) -> pd.DataFrame:
    """Split distinct raw address lines into normalised parts (RE2 patterns, Arrow strings)."""
    s = squash_spaces(raw).fillna("")
    ordinal = matches_regex(s, "[0-9] ?[ºª°]")
    if ordinal.any():
        s[ordinal] = replace_regex(s[ordinal], _ORDINAL_FLOOR, r"\1fl \2")
    s = spell_in_latin(fold_ascii(s))  # "ул. Ленина" is "ul. Lenina"
    s = _drop_place_prefix(s)
    # "#" is a unit after a house number ("100 Main St #12"), the number sign on a street that is
    # not opened by one ("Calle 55 # 45-23", "Av. Reforma #222")
    sign = matches_regex(s, "^[^0-9].*#")
    if sign.any():
        s[sign] = s[sign].str.replace("#", " no ", regex=False)
    s = s.str.replace("#", " unit ", regex=False)
    s = s.str.replace("['.`]", "", regex=True)
    s = s.str.replace(ASCII_PUNCTUATION, " ", regex=True).str.replace(" +", " ", regex=True)
    s = replace_regex(replace_regex(s.str.strip(), _LEADING_STR, "strada "), _GLUED_TYPE, r"\1 str")
    zip_parts = extract(s, _TRAILING_STATE_ZIP)
    has_zip = zip_parts["zip"].notna()
    s = s.where(~has_zip, zip_parts["rest"])
    s = map_tokens(blank_to_null(s), _ADDRESS_TOKENS).astype(TEXT_DTYPE)
    line, floor = _split_floor(s)
    line, premise_unit = _split_premise(line)
    parts = extract(line, _UNIT_SPLIT)
    street = blank_to_null(parts["street"].str.strip())
    unit = _join_units(premise_unit, blank_to_null(parts["unit"].str.strip()), floor)
    house, key = _street_keys(street)
    return pd.DataFrame(
        {
            "address_norm": s,
            "street": street,
            "street_key": blank_to_null(key),
            "house_number": house,
            "unit": unit,
            "zip_in_address": zip_parts["zip"],
        }
    )


def normalise_addresses(addresses: pd.Series) -> pd.DataFrame:
    """Normalised address parts, one row per input row (index kept), columns ADDRESS_COLUMNS.

    `street_key` (house number + street name without its type) is what blocking and the
    exact-address comparison use; `street` keeps the type for fuzzy comparison.
    """
    text = as_text(addresses)
    codes, uniques = pd.factorize(text, use_na_sentinel=True)
    out = pd.DataFrame(index=addresses.index, columns=list(ADDRESS_COLUMNS), dtype=object)
    if len(uniques) == 0:
        return out
    parts = _address_parts(pd.Series(list(uniques), dtype=TEXT_DTYPE))
    for col in ADDRESS_COLUMNS:
        values = parts[col].astype(object).where(parts[col].notna(), None).to_numpy()
        out[col] = pd.Series(values[codes.clip(min=0)], index=addresses.index).where(
            codes >= 0, None
        )
    return out


#: token spellings of city names: "Saint"/"Ste" -> "st", "Ft" -> "fort", "Mt" -> "mount"
_CITY_WORDS = {"saint": "st", "ste": "st", "ft": "fort", "mt": "mount", "mtn": "mountain"}
#: what a city cell writes around its city's name, dropped when the rest is a city's name and the
#: whole is not (`gazetteer.city_name_set`): a bracketed or comma-separated region or country after
#: it ("Montreal (QC)", "Dublin, Ireland"), a county or district before it ("Co. Dublin", "Kab.
#: Bekasi", "TP. Hồ Chí Minh", Vietnamese "thành phố" = city), a postal district number, "D.C.",
#: "Metropolis" or "Cedex" after it ("Dublin 2", "Bogotá D.C.", "Paris Cedex 08")
_CITY_QUALIFIED = r"^(?P<city>[^(,]*[^(, ]) *(?:[(].*|,.*)$"
_CITY_PREFIX = r"^(?:co|county|city of|kab|kabupaten|kota|tp|thanh pho) "
_CITY_SUFFIX = r" (?:[0-9]{1,2}|dc|d c|metropolis|cedex(?: [0-9]{1,2})?)$"
#: an abbreviation written with dots or spaces between its letters ("TP.HCM", "T P H C M")
_SPACED_LETTERS = r"^[a-z]{1,3}(?: [a-z]{1,3})+$"


def _city_keys(u: pd.Series) -> pd.Series:
    """Distinct city cells as `gazetteer.city_text` writes them, with the words around a city's
    name dropped (`_CITY_QUALIFIED`) or the spaces of an abbreviation removed where that gives the
    name of a city and the cell as it is does not."""
    folded = fold_ascii(u)
    out = city_text_folded(folded)
    qualified = extract(folded, _CITY_QUALIFIED)["city"]
    bare = out.copy()
    if qualified.notna().any():
        bare[qualified.notna()] = city_text_folded(qualified[qualified.notna()])
    bare = bare.str.replace(_CITY_PREFIX, "", regex=True).str.replace(_CITY_SUFFIX, "", regex=True)
    spaced = matches_regex(out, _SPACED_LETTERS)
    joined = out.where(~spaced, out.str.replace(" ", "", regex=False))
    names = city_name_set()
    for candidate in (bare, joined):
        rows = (candidate != out).fillna(False).to_numpy(dtype=bool)
        if rows.any():
            better = ~is_in(out[rows], names) & is_in(candidate[rows], names)
            out[out.index[rows][better]] = candidate[out.index[rows][better]]
    return out


def _looked_up(values: pd.Series, table: dict[str, str]) -> pd.Series:
    """Distinct values through `table` (None where it has none): a look-up per value, not
    `Series.map`, which copies the whole table into an index on every call."""
    return pd.Series([table.get(v) for v in values.astype(object)], index=values.index, dtype=object)


def normalise_cities(cities: pd.Series, countries: pd.Series | None = None) -> pd.Series:
    """Lower-case city names without punctuation, Greek and Cyrillic in Latin letters, a city's
    other names (languages, scripts, former names, abbreviations) as the one GeoNames goes by
    ("München", "Munich" -> "munich"; "Самара" -> "samara"; "서울" -> "seoul"; "Co. Dublin",
    "Dublin 2" -> "dublin"); "Saint"/"St." -> "st", "Ft" -> "fort". With `countries` (ISO-2
    codes, as `normalise_countries` gives), a name is read as a city of the record's country only
    ("Bienne" in CH is Biel/Bienne, in AT Vienna: `gazetteer.country_city_spellings`); without
    it, or where it is not a known code, as names no other country's cities have
    (`gazetteer.city_spellings`)."""
    keys = on_unique(as_text(cities), _city_keys)
    mapped = on_unique(keys, lambda u: _looked_up(u, city_spellings()))
    if countries is not None:
        codes = countries.set_axis(cities.index).astype(object)
        known = codes.isin(city_countries()) & keys.notna()
        pairs = (codes.where(known, "").astype(str) + "\t" + keys.astype(str)).where(known, None)
        in_country = on_unique(pairs, lambda u: _looked_up(u, country_city_lookup()))
        mapped = mapped.where(~known, in_country)
    spelled = keys.where(mapped.isna(), mapped)
    return on_unique(spelled, lambda u: map_tokens(u, _CITY_WORDS))


def _region_codes(u: pd.Series, names: dict[str, str]) -> pd.Series:
    s = squash_spaces(
        fold_ascii(u)
        .str.replace("[.`']", "", regex=True)
        .str.replace(ASCII_PUNCTUATION, " ", regex=True)
    ).fillna("")
    mapped = s.astype(object).map(names)
    out = mapped.where(mapped.notna(), s.str.upper().astype(object))
    return out.where(s.str.len() > 0)


def normalise_states(states: pd.Series) -> pd.Series:
    """US states and Canadian provinces as two-letter codes ("Illinois", "il." -> "IL")."""
    return on_unique(as_text(states), lambda u: _region_codes(u, US_STATES))


def _country_codes(u: pd.Series) -> pd.Series:
    keys = country_keys(u).astype(object)
    mapped = keys.map(country_cell_codes(cldr=False))
    rest = mapped.isna() & keys.notna()
    if rest.any():  # names in other languages and scripts: the CLDR table loads only when needed
        mapped = mapped.where(~rest, keys[rest].map(country_cell_codes()))
        rest = mapped.isna() & keys.notna()
    clear = keys.notna() & ~keys.isin(ambiguous_country_keys())  # "Republic of China" stays unmapped
    rest &= clear
    for form in _STATE_FORMS:  # the state's form around its name: "República del Ecuador", "Azerbaijan Republic"
        if not rest.any():
            break
        found = keys[rest].str.replace(form, r"\1", regex=True).map(country_cell_codes()).reindex(mapped.index)
        mapped = mapped.where(~rest | found.isna(), found)
        rest = mapped.isna() & clear
    return mapped.where(mapped.notna(), _region_codes(u, {}))


def _longest_first(*words: str) -> str:
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


#: a state's form in any language, with the words that qualify it ("Oriental Republic of", "Estado Plurinacional
#: de"); keys have no spaces: "republicadelecuador". Longest first: a regex takes the first alternative that fits.
_STATE_BEFORE = _longest_first("oriental", "federal", "democratic", "socialist", "islamic", "peoples", "plurinational",
                               "bolivarian", "united", "unitary", "arab", "cooperative", "hashemite", "grand")
_STATE = _longest_first("republic", "republica", "republique", "republik", "republika", "repubblica", "repubblika",
                        "republiek", "republiken", "republikken", "rzeczpospolita", "kingdom", "reino", "royaume",
                        "konigreich", "koenigreich", "state", "estado", "commonwealth", "sultanate", "emirate",
                        "principality", "duchy", "federation", "bundesrepublik", "respublika", "respublikasi")
_STATE_AFTER = _longest_first("oriental", "plurinacional", "bolivariana", "federal", "federativa", "democratica",
                              "socialista", "islamica", "popular")
_STATE_WORDS = f"(?:(?:{_STATE_BEFORE})*(?:{_STATE})(?:{_STATE_AFTER})*)"
_LINKS = _longest_first("of", "de", "del", "da", "do", "du", "des", "ta", "tal", "di", "della", "e", "the", "ofthe")
#: tried in turn (group 1 the name): the form and a linking word before the name ("República del"), the form
#: alone ("Republika Srbija"), the form after the name ("Azerbaijan Republic", "Монгол Улс")
_STATE_FORMS = (f"^{_STATE_WORDS}(?:{_LINKS})(..+)$", f"^{_STATE_WORDS}(..+)$",
                f"^(..+?)(?:{_STATE_WORDS}|улс)$")


def normalise_countries(countries: pd.Series) -> pd.Series:
    """Countries as ISO two-letter codes where known ("USA", "U.A.E.", "Viet Nam", "Россия",
    "DEU" -> "US", "AE", "VN", "RU", "DE": `gazetteer.country_cell_codes`). An unknown or
    ambiguous value ("Congo") stays as written, folded and upper-cased, so it agrees only with
    the same text."""
    return on_unique(as_text(countries), _country_codes)


#: a post-office box written where the postal code goes, in the words of the countries that use one ("P.O. Box
#: 85501", "B.P. 1234", "Caixa Postal 12", "Apartado 77", "Postfach 10 20", "Private Bag 3", "ص.ب 1773"): its number
#: is no district, so two boxes are the same box or none ("BOX" and the digits, `BOX_PREFIX`)
_BOX = re.compile(
    r"(?i)^\s*(?:p\.?\s*o\.?\s*box|po\s*box|p\.?\s*o\.?\s*b\.?|box|b\.?\s*p\.?|caixa\s+postal|c\.?\s*postal|"
    r"apartado(?:\s+postal)?|apdo\.?|casilla(?:\s+postal)?|postfach|pf\.?|private\s+bag|p\.?\s*k\.?|"
    r"boîte\s+postale|ص\s*\.?\s*ب\.?)\s*[:.#№-]?\s*(\d[\d\s]*)\s*$")
BOX_PREFIX = "BOX"


def _box_number(value: str) -> str | None:
    m = _BOX.match(value)
    return None if m is None else BOX_PREFIX + "".join(str(int(c)) for c in m.group(1) if not c.isspace())


def normalise_postal_codes(postal: pd.Series, countries: pd.Series | None = None) -> pd.Series:
    """Five-digit ZIPs (ZIP+4 cut, lost leading zeros restored) or compact upper-case codes; a post-office box
    as "BOX" and its number (in any script's words and digits: "P.O. Box 1773" and "ص.ب ١٧٧٣" alike).

    A value is read as a ZIP when its country is a ZIP country or unknown; restoring zeros on a
    four-digit code from an unknown country is harmless for matching because both sides of a
    comparison get the same treatment.
    """
    text = as_text(postal)
    boxes = on_unique(text, lambda u: u.map(lambda v: _box_number(v) if isinstance(v, str) else None))
    country = (
        normalise_countries(countries)
        if countries is not None
        else pd.Series(None, index=postal.index, dtype=object)
    )
    zip_country = country.isna() | country.isin(ZIP_COUNTRIES)
    compact = on_unique(
        text,
        lambda u: blank_to_null(u.str.upper().str.replace("[^0-9A-Z]", "", regex=True)),
    )
    digits = compact.fillna("")
    is_zip = zip_country & digits.str.fullmatch(r"[0-9]{3,5}|[0-9]{9}")
    padded = digits.str.slice(0, 5).str.zfill(5)
    out = compact.where(~is_zip, padded).where(boxes.isna(), boxes)
    return out.where(out.notna(), None).astype(object)
