"""Names of other countries: short tokens spelled by another romanisation get a partial credit
(`tokens.name_agreement`), and a city left bare at the end of a name is split off
(`name_locations.split_locations`, through `names.company_name_parts`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from matching.names import company_name_parts
from matching.tokens import name_agreement, name_tokens

#: pairs of names that differ in one word's spelling only; then names whose words differ
SPELLINGS = [
    ("al noor trading", "el nour trading"),
    ("sri mehta fabricator", "shree mehta fabricator"),
    ("al fajr contracting", "al fajer contracting"),
    ("saqr transport", "sakr transport"),
    ("anugerah djaja", "anugerah jaya"),
    ("tjahaja baru plastindo", "cahaya baru plastindo"),
    ("oetama steel", "utama steel"),
    ("al dossary equipment", "al dosari equipment"),
]
OTHER_WORDS = [
    ("sun metal", "sen metal"),
    ("star logistic", "stair logistic"),
    ("far east trading", "fair east trading"),
    ("bar supply", "bear supply"),
]


def _coverage(pairs: list[tuple[str, str]]) -> np.ndarray:
    names = [n for pair in pairs for n in pair]
    tokens = name_tokens(pd.Series(names, dtype=object))
    left = np.arange(0, len(names), 2)
    return name_agreement(tokens, left, left + 1).coverage


def test_a_word_spelled_by_another_romanisation_is_found_with_a_partial_credit() -> None:
    coverage = _coverage(SPELLINGS)
    # each pair differs in one word's spelling: found, but below an exact name
    assert (coverage > 0.85).all() and (coverage < 1.0).all(), coverage


def test_a_different_short_word_is_not_found() -> None:
    coverage = _coverage(OTHER_WORDS)
    assert (coverage < 0.7).all(), coverage  # one of two words shared: "sun" is no "sen"


@pytest.mark.parametrize(
    ("name", "city", "expected_name", "expected_city"),
    [
        ("Mertens Logistique Brussel", "Brussel", "merten logistique", "brussel"),  # plurals folded
        ("Thép Hải Âu Hà Nội", "Hà Nội", "thep hai au", "ha noi"),
        ("Dist. Gonzalez Bucaramanga", "Bucaramanga", "distribution gonzalez", "bucaramanga"),
        # a large city of several words, not a city of the data
        ("Torres Hnos. San Miguel de Tucumán", None, "torre hermano", "san miguel de tucuman"),
    ],
)
def test_a_bare_trailing_city_is_split_off(
    name: str, city: str | None, expected_name: str, expected_city: str
) -> None:
    names = pd.Series([name, "Other Company"], dtype=object)
    parts = company_name_parts(names, cities=pd.Series([city, "Antwerpen"], dtype=object))
    assert parts["name_norm"].iloc[0] == expected_name
    assert parts["name_city"].iloc[0] == expected_city


@pytest.mark.parametrize(
    "name",
    [
        "Bank of Brussels",  # a joining word before the city: the city is the name's own
        "Bank Brussels",  # one word would be left
        "Acme Brussels",
        "Smith & Brussels",
        "Brown Smith Jackson",  # a one-word large city that no record is in: a surname
    ],
)
def test_a_trailing_city_stays_in_a_name_it_is_part_of(name: str) -> None:
    names = pd.Series([name, "Other Company"], dtype=object)
    parts = company_name_parts(names, cities=pd.Series(["Brussels", "Antwerpen"], dtype=object))
    assert parts["name_city"].isna().all()
    assert parts["name_norm"].iloc[0].split()[-1] in {"brussel", "jackson"}  # plurals folded


def test_a_common_word_is_no_distinctive_rest() -> None:
    # "grand hotel" is in many of the data's names: "Grand Hotel Brussel" is that hotel's name
    names = pd.Series([f"Grand Hotel {k}" for k in range(30)] + ["Grand Hotel Brussel"], dtype=object)
    parts = company_name_parts(names, cities=pd.Series(["Brussel"] * len(names), dtype=object))
    assert parts["name_norm"].iloc[-1] == "grand hotel brussel"
