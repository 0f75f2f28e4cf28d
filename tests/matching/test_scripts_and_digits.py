"""Digits of every script read as digits, the Brahmic and Ethiopic scripts spelled in Latin letters, and legal
forms written first in the Balkans and Kyrgyzstan (the fifth list of countries, `heldout5`)."""

from __future__ import annotations

import pandas as pd

from matching.addresses import normalise_addresses
from matching.names import normalise_company_names


def test_a_house_number_in_arabic_indic_or_devanagari_digits_is_the_same_number() -> None:
    out = normalise_addresses(pd.Series(["شارع السد، برج ٣٦", "شارع السد، برج 36", "ठमेल मार्ग ७३", "Thamel Marg 73"]))
    assert out["house_number"].tolist() == ["36", "36", "73", "73"]
    assert out["street_key"].iloc[0] == out["street_key"].iloc[1]


def test_devanagari_and_ethiopic_names_are_spelled_in_latin_letters() -> None:
    names = normalise_company_names(pd.Series(["हिमालयन बैंक", "ሀበሻ ሲሚንቶ"]))
    assert all(n.isascii() for n in names)


def test_forms_written_first_in_montenegro_rwanda_and_kyrgyzstan() -> None:
    names = normalise_company_names(pd.Series(["DOO Jadran Trade", "Jadran Trade d.o.o.", "Ets Mugisha",
                                               "ОсОО Ала-Тоо Сервис", "Ала-Тоо Сервис"]))
    assert names.tolist()[:2] == ["jadran trade", "jadran trade"]
    assert names.iloc[2] == "mugisha" and names.iloc[3] == names.iloc[4]
