"""Long company names that differ by one whole word are two companies unless other evidence says
otherwise, and every legal form of a country (Polish "spółka jawna" as well as "Sp. z o.o.") is a
legal form. Names are invented for these tests."""

import pandas as pd
import pytest

from matching import CUSTOMER_MODEL, resolve_entities
from matching.names import normalise_company_names
from matching.result import DEFAULT_REVIEW_BAND
from matching.review import review_queue


def _entity(records: list[dict[str, str]]) -> pd.Series:
    resolution = resolve_entities(pd.DataFrame(records))
    return resolution.records.set_index("record_id")["cluster_id"].astype(str)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Zielinski i Partnerzy Sp. j.", "ZIELIŃSKI & PARTNERZY SPÓŁKA JAWNA"),
        ("Zielinski i Partnerzy sp.k.", "Zielinski i Partnerzy Spółka Komandytowa"),
        ("Zielinski i Partnerzy S.K.A.", "Zielinski i Partnerzy spółka komandytowo-akcyjna"),
        ("Zielinski i Partnerzy sp. p.", "Zielinski i Partnerzy Spółka Partnerska"),
        ("Zielinski i Partnerzy s.c.", "Zielinski i Partnerzy Spółka Cywilna"),
        ("Zielinski Sp. z o.o. sp.k.", "Zieliński Spółka z o.o. Spółka Komandytowa"),
        ("Brauerei Huber und Söhne GmbH", "Brauerei Huber & Söhne GmbH"),
        ("Demir Kablo San. ve Tic. A.Ş.", "Demir Kablo San. Tic. A.S."),
    ],
)
def test_every_polish_legal_form_and_and_in_any_language_are_read_alike(left: str, right: str) -> None:
    out = normalise_company_names(pd.Series([left, right]))
    assert out.iloc[0] == out.iloc[1], out.tolist()


def test_a_polish_general_partnership_in_two_spellings_is_one_customer() -> None:
    entity = _entity([
        {"record_id": "a", "name": "Wiśniewski i Wspólnicy Sp. j.", "city": "Poznań", "country": "PL"},
        {"record_id": "b", "name": "Wisniewski & Wspolnicy Spolka Jawna", "city": "Poznan", "country": "PL"},
        {"record_id": "c", "name": "Wiśniewski i Syn Sp. z o.o.", "city": "Poznań", "country": "PL"},
    ])
    assert entity["a"] == entity["b"] != entity["c"]


def test_one_more_word_in_a_long_name_is_another_company_asked_in_review() -> None:
    records = [
        {"record_id": "full", "name": "Karadeniz Tekstil Sanayi ve Ticaret A.Ş.", "city": "Trabzon", "country": "TR"},
        {"record_id": "abbr", "name": "Karadeniz Tekstil San. ve Tic. A.Ş.", "city": "Trabzon", "country": "TR"},
        {"record_id": "other", "name": "Karadeniz Tekstil Boya San. ve Tic. Ltd. Şti.", "city": "Trabzon",
         "country": "TR"},
    ]
    resolution = resolve_entities(pd.DataFrame(records))
    entity = resolution.records.set_index("record_id")["cluster_id"].astype(str)
    assert entity["full"] == entity["abbr"] != entity["other"]
    queue = review_queue(resolution.pairs, entity, CUSTOMER_MODEL, DEFAULT_REVIEW_BAND)
    asked = {frozenset(p) for p in zip(queue["left_record_id"], queue["right_record_id"], strict=True)}
    assert any("other" in pair for pair in asked), asked


def test_one_more_word_in_long_reseller_names_keeps_the_resellers_apart() -> None:
    entity = _entity([
        {"record_id": "a1", "name": "Nirmala Data Systems India Pvt Ltd"},
        {"record_id": "a2", "name": "NIRMALA DATA SYSTEMS INDIA PRIVATE LIMITED"},
        {"record_id": "b1", "name": "Nirmala Data Systems & Security India Pvt Ltd"},
        {"record_id": "b2", "name": "Nirmala Data Sys and Security India Private Limited"},
    ])
    assert entity["a1"] == entity["a2"]
    assert entity["b1"] == entity["b2"]
    assert entity["a1"] != entity["b1"]


def test_a_longer_form_of_a_name_at_the_same_address_still_joins() -> None:
    entity = _entity([
        {"record_id": "a", "name": "Maple Grove Learning Center", "address": "4410 W Addison St",
         "postal_code": "60641", "city": "Chicago", "country": "US"},
        {"record_id": "b", "name": "Northside Family Services - Maple Grove Learning Center",
         "address": "4410 W. Addison Street", "postal_code": "60641", "city": "Chicago", "country": "US"},
    ])
    assert entity["a"] == entity["b"]
