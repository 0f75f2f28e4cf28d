"""Company-name normalisation: one comparable spelling per name, computed on distinct values.

"NORTHBRIDGE CAPITAL CORP", "Northbridge Capital Corporation" and "The Northbridge Capital,
Inc. - HQ" all become "northbridge capital": case and accents folded, trailing site or department
qualifiers dropped, "&" read as "and", abbreviation dots removed, a leading "The" and trailing legal
forms (cleanco's list, up to three, never the whole name) stripped, common abbreviations expanded
(Intl -> international, Mfg -> manufacturing, Svcs -> services, Tech -> technology) and stop words
removed. The compact form (no spaces) also equates "North Bridge" with "Northbridge".
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from matching.name_terms import (
    ATTENTION_PATTERN,
    NAME_ABBREVIATIONS,
    NAME_STOPWORDS,
    QUALIFIER_PATTERN,
    legal_form_pattern,
)
from matching.text import as_text, fold_ascii, map_tokens, on_unique, squash_spaces

#: how many trailing legal forms are stripped at most ("Foo Holdings Co., Inc." -> two)
MAX_LEGAL_FORMS = 3


@lru_cache(maxsize=1)
def _legal_pattern() -> str:
    return legal_form_pattern()


def _normalise_distinct(names: pd.Series) -> pd.Series:
    """The normalisation steps on distinct raw names (a 0..k-1 indexed Series of str)."""
    s = fold_ascii(names)
    s = s.str.replace(ATTENTION_PATTERN, "", regex=True)
    for _ in range(2):  # "Acme (AP Dept) - HQ"
        s = s.str.replace(QUALIFIER_PATTERN, "", regex=True)
    s = s.str.replace(r"[&+]", " and ", regex=True)
    s = s.str.replace(r"['\u2019`.]", "", regex=True)  # "l.l.c." -> "llc", "int'l" -> "intl"
    s = s.str.replace(r"[^a-z0-9]+", " ", regex=True)
    s = s.str.replace(r"\s+", " ", regex=True).str.strip()
    s = s.str.replace(r"^the\s+(?=\S)", "", regex=True)
    for _ in range(MAX_LEGAL_FORMS):
        s = s.str.replace(_legal_pattern(), r"\1", regex=True)
    s = map_tokens(squash_spaces(s), NAME_ABBREVIATIONS, NAME_STOPWORDS)
    return s


def normalise_company_names(names: pd.Series) -> pd.Series:
    """Normalised company names (object Series aligned with `names`; blank or unusable -> None)."""
    return on_unique(as_text(names), _normalise_distinct)


def compact_names(normalised: pd.Series) -> pd.Series:
    """Normalised names without spaces: "north bridge capital" == "northbridge capital"."""
    return on_unique(normalised, lambda u: u.str.replace(" ", "", regex=False))


def sorted_token_names(normalised: pd.Series) -> pd.Series:
    """Normalised names with their tokens sorted (a token-order-free spelling for ratio scores)."""
    return on_unique(
        normalised, lambda u: u.str.split(" ").map(sorted).str.join(" ")
    )
