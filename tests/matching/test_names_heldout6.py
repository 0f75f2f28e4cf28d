"""The sixth list of countries (`heldout6`): a country in brackets before the legal form, scripts told apart by
their Unicode property, Thai and Lao vowels in spoken order, and the forms of Laos, Tajikistan, Oman, Iran and
West Africa."""

from __future__ import annotations

import pandas as pd

from matching.comparisons import _other_script
from matching.names import company_name_parts, normalise_company_names


def test_a_country_or_a_letter_in_brackets_before_the_form_belongs_to_the_form() -> None:
    parts = company_name_parts(pd.Series(["Wari Timber (PNG) Limited", "Wari Timber Limited", "Acme (Fiji) Pte Ltd",
                                          "Kilimo (T) Ltd", "Kilimo Ltd", "Acme (Pty) Ltd", "Bar (Asia Pacific) Pte Ltd"]))
    names = parts["name_norm"].tolist()
    assert names[0] == names[1] == "wari timber" and names[2] == "acme" and names[3] == names[4] == "kilimo"
    assert parts["name_country"].tolist()[:4] == ["PG", None, "FJ", None]  # a letter names no country
    assert names[5] == "acme" and names[6] == "bar asia pacific"  # a form, and a region that is part of the name


def test_a_name_in_any_script_but_latin_is_another_script_whatever_its_block() -> None:
    """Tibetan was in no hand-made list of ranges: its names were compared letter by letter with Latin ones."""
    names = pd.Series(["drug cement", "འབྲུག་ སི་མེནཊ་", "ރާއްޖެ ޓްރޭޑިންގ", "ᠮᠣᠩᠭᠣᠯ", "acme 12 & co", "straße", None])
    assert _other_script(names).tolist() == [0, 1, 1, 1, 0, 0, 0]


def test_thai_and_lao_vowels_written_first_are_spelled_after_their_consonant() -> None:
    names = normalise_company_names(pd.Series(["บริษัท แสงทอง จำกัด", "Saengthong Co Ltd", "ບໍລິສັດ ແສງອາລຸນ ຈຳກັດ"]))
    assert names.iloc[0] == names.iloc[1] == "saengthong"
    assert names.iloc[2] == "sengaloun"  # Lao's forms stripped (ບໍລິສັດ ... ຈຳກັດ), its vowel after the consonant


def test_forms_of_laos_tajikistan_oman_iran_china_and_west_africa() -> None:
    names = normalise_company_names(pd.Series([
        "Rudaki Savdo ҶДММ", "Rudaki Savdo ЧДММ", "صحار للألمنيوم ش.م.ع.ع", "صحار للألمنيوم", "新光明電器一人有限公司",
        "新光明電器", "Dakar Distribution SUARL", "Dakar Distribution", "شرکت آریانا ترانسپورت لمیتد", "آریانا ترانسپورت",
        "Ste Marie Hospital Inc"]))
    assert names.iloc[0] == names.iloc[1]
    for i in (2, 4, 6, 8):
        assert names.iloc[i] == names.iloc[i + 1]
    assert names.iloc[10] == "ste marie hospital"  # "Ste" is Sainte, not société
