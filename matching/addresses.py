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

import pandas as pd

from matching.address_terms import (
    DIRECTIONALS,
    GLUED_STREET_SUFFIXES,
    GLUED_STREET_WORDS,
    LEADING_STREET_PARTICLES,
    LEADING_STREET_TYPES,
    ORDINAL_WORDS,
    STREET_TYPES,
    UNIT_DESIGNATORS,
    US_STATES,
    ZIP_COUNTRIES,
)
from matching.gazetteer import ambiguous_country_keys, city_spellings, country_cell_codes, country_keys
from matching.text import (
    ASCII_PUNCTUATION,
    TEXT_DTYPE,
    as_text,
    blank_to_null,
    extract,
    fold_ascii,
    map_tokens,
    on_unique,
    replace_regex,
    spell_in_latin,
    squash_spaces,
)

ADDRESS_COLUMNS = ("address_norm", "street", "street_key", "house_number", "unit", "zip_in_address")

_STATE_CODES = "|".join(sorted({c.lower() for c in US_STATES.values()}))
_TRAILING_STATE_ZIP = rf"^(?P<rest>.*[^ ]) (?:{_STATE_CODES}) (?P<zip>[0-9]{{5}})(?: ?[0-9]{{4}})?$"
_UNIT_WORDS = "|".join(sorted(set(UNIT_DESIGNATORS.values()) - {"po", "box"}))
_UNIT_SPLIT = (
    rf"^(?P<street>.*?)(?: (?P<unit>(?:[0-9]+(?:st|nd|rd|th) fl|(?:{_UNIT_WORDS}|unit)(?: .*)?)))?$"
)
_TYPE_WORDS = "|".join(sorted(set(STREET_TYPES.values())))
_ADDRESS_TOKENS: dict[str, str] = {
    **ORDINAL_WORDS,
    **STREET_TYPES,
    **DIRECTIONALS,
    **UNIT_DESIGNATORS,
    **GLUED_STREET_WORDS,
}
#: a type glued on a street's name ("hauptstrasse", "kerkstr"), split off before the words are mapped
_GLUED_TYPE = rf"\b([a-z]{{2,}}?)(?:{'|'.join(GLUED_STREET_SUFFIXES)})\b"
#: a street named first and numbered last ("calle mayor 5", "ataturk cad no 12", "hauptstr nr 3",
#: "ul lenina d 12": Russian "д." for house)
_NUMBER_LAST = r"^(?P<name>[^0-9].*?) (?:(?:no|nr|n|num|d|dom) )?(?P<n>[0-9]+[a-z]?)$"
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
    last = extract(street.where(first["n"].isna()), _NUMBER_LAST)
    number = first["n"].where(first["n"].notna(), last["n"])
    named = first["name"].where(first["n"].notna(), last["name"].where(last["n"].notna(), street))
    named = replace_regex(named, _LEADING_TYPE_AFTER_NUMBER, r"\1").where(
        first["n"].notna(), replace_regex(named, _LEADING_TYPE, r"\1"))
    named = replace_regex(replace_regex(named, _LEADING_PARTICLES, r"\1"), _TRAILING_TYPE, r"\1")
    alone = extract(street, "^(?P<n>[0-9]+[a-z]?)$")["n"]  # a number and nothing else
    key = (number + " " + named).where(number.notna() & named.notna(), named)
    return number.where(number.notna(), alone), key.where(alone.isna(), alone)


def _address_parts(raw: pd.Series) -> pd.DataFrame:
    """Split distinct raw address lines into normalised parts (RE2 patterns, Arrow strings)."""
    s = spell_in_latin(fold_ascii(squash_spaces(raw).fillna("")))  # "ул. Ленина" is "ul. Lenina"
    s = s.str.replace("#", " unit ", regex=False)
    s = s.str.replace("['.`]", "", regex=True)
    s = s.str.replace(ASCII_PUNCTUATION, " ", regex=True).str.replace(" +", " ", regex=True)
    s = replace_regex(s.str.strip(), _GLUED_TYPE, r"\1 str")
    zip_parts = extract(s, _TRAILING_STATE_ZIP)
    has_zip = zip_parts["zip"].notna()
    s = s.where(~has_zip, zip_parts["rest"])
    s = map_tokens(blank_to_null(s), _ADDRESS_TOKENS).astype(TEXT_DTYPE)
    parts = extract(s, _UNIT_SPLIT)
    street = blank_to_null(parts["street"].str.strip())
    unit = blank_to_null(parts["unit"].str.strip())
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


def normalise_cities(cities: pd.Series) -> pd.Series:
    """Lower-case city names without punctuation, Greek and Cyrillic in Latin letters, a large
    city's other names as the one GeoNames goes by ("München", "Munich" -> "munich"; "Самара" ->
    "samara"; `gazetteer.city_spellings`); "Saint"/"St." -> "st", "Ft" -> "fort"."""
    mapping = {"saint": "st", "ste": "st", "ft": "fort", "mt": "mount", "mtn": "mountain"}

    def _distinct(u: pd.Series) -> pd.Series:
        s = spell_in_latin(fold_ascii(u)).str.replace("['.`]", "", regex=True)
        s = squash_spaces(s.str.replace(ASCII_PUNCTUATION, " ", regex=True))
        spelled = s.astype(object).map(city_spellings())
        return map_tokens(s.where(spelled.isna(), spelled).astype(TEXT_DTYPE), mapping)

    return on_unique(as_text(cities), _distinct)


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
    rest &= ~keys.isin(ambiguous_country_keys())  # "Republic of China" stays unmapped
    if rest.any():  # the state's form before its name: "República Argentina", "Republik Indonesia"
        bare = keys[rest].str.replace(_STATE_FORM, "", regex=True)
        mapped = mapped.where(~rest, bare.map(country_cell_codes()))
    return mapped.where(mapped.notna(), _region_codes(u, {}))


#: a country's form of state written before its name (keys have no spaces: "republicaargentina")
_STATE_FORM = (r"^(?:republicof|republica|republique|republik|repubblica|republiek|republiken|republikken|"
               r"rzeczpospolita|kingdomof|reinode|royaumede|konigreich|koenigreich|stateof|estadode|"
               r"federalrepublicof|bundesrepublik|commonwealthof|sultanateof|emirateof|unitedrepublicof)(?=.)")


def normalise_countries(countries: pd.Series) -> pd.Series:
    """Countries as ISO two-letter codes where known ("USA", "U.A.E.", "Viet Nam", "Россия",
    "DEU" -> "US", "AE", "VN", "RU", "DE": `gazetteer.country_cell_codes`). An unknown or
    ambiguous value ("Congo") stays as written, folded and upper-cased, so it agrees only with
    the same text."""
    return on_unique(as_text(countries), _country_codes)


def normalise_postal_codes(postal: pd.Series, countries: pd.Series | None = None) -> pd.Series:
    """Five-digit ZIPs (ZIP+4 cut, lost leading zeros restored) or compact upper-case codes.

    A value is read as a ZIP when its country is a ZIP country or unknown; restoring zeros on a
    four-digit code from an unknown country is harmless for matching because both sides of a
    comparison get the same treatment.
    """
    text = as_text(postal)
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
    out = compact.where(~is_zip, padded)
    return out.where(out.notna(), None).astype(object)
