"""City cells in other countries' spellings, scripts and forms meet the name GeoNames gives the city."""

from __future__ import annotations

import pandas as pd

from matching.addresses import normalise_cities


def _cities(cells: list[str], countries: list[str | None] | None = None) -> list[str]:
    return normalise_cities(pd.Series(cells), None if countries is None else pd.Series(countries)).tolist()


def test_names_in_other_scripts_are_the_city() -> None:
    cells = ["서울", "Seoul", "دبي", "Dubai", "กรุงเทพมหานคร", "Bangkok", "ירושלים", "Jerusalem", "창원", "Changwon"]
    out = _cities(cells)
    assert out == ["seoul", "seoul", "dubai", "dubai", "bangkok", "bangkok", "jerusalem", "jerusalem",
                   "changwon", "changwon"]  # fmt: skip
    # Arabic written with or without hamza and with Persian letters
    assert _cities(["رأس الخيمة", "راس الخیمه", "Ras Al Khaimah"], ["AE"] * 3) == ["ras al khaimah"] * 3


def test_smaller_cities_and_former_names_are_the_city() -> None:
    out = _cities(["Courtrai", "Kortrijk", "Malines", "Mechelen", "Coire", "Chur", "Port Láirge", "Waterford",
                   "Gaillimh", "Galway", "Lucerne", "Luzern", "Bombay", "Mumbai", "Sankt-Peterburg", "Saint Petersburg"])
    assert out[0::2] == out[1::2]
    assert out[0::2] == ["kortrijk", "mechelen", "chur", "waterford", "galway", "luzern", "mumbai", "st petersburg"]


def test_words_around_the_city_name_are_dropped() -> None:
    out = _cities(["Bogotá D.C.", "Dublin 2", "Co. Dublin", "Montreal (QC)", "Montréal, QC", "Bangkok Metropolis",
                   "Kab. Bekasi", "TP.HCM", "HCMC", "Paris Cedex 08"])
    assert out == ["bogota", "dublin", "dublin", "montreal", "montreal", "bangkok", "bekasi",
                   "ho chi minh city", "ho chi minh city", "paris"]  # fmt: skip
    # a city whose own name has the word keeps it
    assert _cities(["Frankfurt (Oder)", "Washington, D.C."]) == ["frankfurt oder", "washington"]


def test_a_name_is_read_in_the_records_country() -> None:
    # "Bienne" is Biel/Bienne's French name and one of Vienna's: Swiss in CH, Vienna in AT, and
    # Biel/Bienne's own (a part of its two-language name) when the country is not known
    out = _cities(["Bienne", "Biel", "Bienne", "Bienne", "Wien"], ["CH", "CH", "AT", None, None])
    assert out == ["biel bienne", "biel bienne", "vienna", "biel bienne", "vienna"]
    # a name some city goes by stays that city's whatever the record's country, so a cell without
    # a country agrees with one that has it: "León" is Spain's León and another name of Mexico's
    # León de los Aldama; "Calcutta" a South African town's own name
    assert _cities(["León", "León", "Calcutta", "Calcutta"], ["MX", None, "IN", None]) == [
        "leon", "leon", "calcutta", "calcutta"]
    # a country cell that is not a known code reads the name as if the country were not known
    assert _cities(["Wien", "Bienne"], ["Suid-Afrika", "XX"]) == ["vienna", "biel bienne"]


def test_metropolitan_abbreviations() -> None:
    out = _cities(["CABA", "BKK", "JHB", "RAK", "NYC"], ["AR", "TH", "ZA", "AE", "US"])
    assert out == ["buenos aires", "bangkok", "johannesburg", "ras al khaimah", "new york city"]
