"""Normalisers: names, addresses, postal codes, domains, phones, serials and SKUs."""

import numpy as np
import pandas as pd
import pytest

from matching import (
    lookalike_keys,
    normalise_addresses,
    normalise_company_names,
    normalise_countries,
    normalise_domains,
    normalise_emails,
    normalise_phones,
    normalise_postal_codes,
    normalise_serials,
    normalise_skus,
    normalise_states,
    sku_families,
)
from matching.contacts import email_domains
from matching.names import compact_names


def _one(fn, value):
    return fn(pd.Series([value])).iloc[0]


@pytest.mark.parametrize(
    "raw",
    [
        "NORTHBRIDGE CAPITAL CORP",
        "Northbridge Capital Corporation",
        "The Northbridge Capital, Inc. - HQ",
        "Northbridge Capital (AP Dept)",
        "northbridge capital l.l.c.",
        "Northbridge Capital Corp attn: Accounts",
        "Northbridge Capital Ltd.",
    ],
)
def test_company_name_variants_normalise_alike(raw: str) -> None:
    assert _one(normalise_company_names, raw) == "northbridge capital"


def test_name_normalisation_details() -> None:
    names = pd.Series(
        [
            "Acme Mfg Co.",
            "Acme Manufacturing Company",
            "Smith & Jones LLC",
            "Smith and Jones",
            "Int'l Business Machines",
            "International Business Machines Corp",
            "Acme Tech Svcs",
            "Acme Technologies Services",
            "Northbridge Capital Labs LLC",
            "Acme UK Ltd",
            "Café Müller GmbH",
            None,
            "   ",
            "Inc.",
        ]
    )
    out = normalise_company_names(names).tolist()
    assert out[0] == out[1] == "acme manufacturing"
    assert out[2] == out[3] == "smith jone"  # plurals folded on both sides ("Jones" too)
    assert out[4] == out[5] == "international business machine"
    assert out[6] == out[7]
    assert out[8] == "northbridge capital lab"  # "Labs" is identity, not a legal form
    assert out[9] == "acme uk"  # a country word is never stripped as a legal form
    assert out[10] == "cafe muller"
    assert out[11] is None and out[12] is None
    assert out[13] == "inc"  # never strip a name to nothing


def test_compact_names_join_split_words() -> None:
    norm = normalise_company_names(pd.Series(["North Bridge Capital", "Northbridge Capital"]))
    compact = compact_names(norm)
    assert compact.iloc[0] == compact.iloc[1]


def test_addresses_split_street_key_and_unit() -> None:
    out = normalise_addresses(
        pd.Series(
            [
                "1312 S. Racine Avenue, Suite 200",
                "1312 S RACINE AVE STE 300",
                "1312 s racine",
                "27 Washington Oak Park IL 60302",
                "100 Main St. #12",
                None,
            ]
        )
    )
    assert out["street_key"].iloc[0] == out["street_key"].iloc[1] == out["street_key"].iloc[2]
    assert out["street_key"].iloc[0] == "1312 s racine"
    assert out["unit"].iloc[0] == "ste 200" and out["unit"].iloc[1] == "ste 300"
    assert out["house_number"].iloc[0] == "1312"
    assert out["zip_in_address"].iloc[3] == "60302"
    assert out["unit"].iloc[4] == "unit 12"
    assert pd.isna(out["street_key"].iloc[5])


@pytest.mark.parametrize(
    ("spellings", "key", "number"),
    [
        (["Hauptstraße 12", "Hauptstr. 12", "HAUPTSTR. 12", "12 Hauptstrasse"], "12 haupt", "12"),
        (["Carl-Benz-Straße 5", "Carl-Benz-Str. 5"], "5 carl benz", "5"),
        (["Stationsstraat 4", "Stationsstr. 4"], "4 stations", "4"),
        (["Calle del Carmen 7", "C/ Carmen, 7"], "7 carmen", "7"),
        (["Avenida de la Constitución 3", "Avda. de la Constitución, 3"], "3 constitucion", "3"),
        (["ulica Fabryczna 3", "ul. Fabryczna 3"], "3 fabryczna", "3"),
        (["Via Roma, 10", "V. Roma, 10"], "10 roma", "10"),
        (["rue de la République 12", "12 rue de la République"], "12 republique", "12"),
    ],
)
def test_streets_written_the_european_way_get_one_key(spellings: list[str], key: str, number: str) -> None:
    out = normalise_addresses(pd.Series(spellings))
    assert out["street_key"].tolist() == [key] * len(spellings)
    assert out["house_number"].tolist() == [number] * len(spellings)


def test_us_streets_keep_their_letters_and_numbers_apart() -> None:
    out = normalise_addresses(pd.Series(["100 C St", "100 D St", "100 Ave B", "Rua XV de Novembro, 8",
                                         "R. XV de Novembro, 36"]))
    assert out["street_key"].tolist() == ["100 c", "100 d", "100 ave b", "8 xv de novembro", "36 xv de novembro"]


def test_a_city_in_any_of_its_names_and_scripts_is_one_city() -> None:
    from matching.addresses import normalise_cities

    out = normalise_cities(pd.Series(["München", "Munich", "MUENCHEN", "Köln", "Cologne", "Самара", "Samara",
                                      "Θεσσαλονίκη", "Thessaloniki", "Sankt-Peterburg", "Saint Petersburg",
                                      "Frankfurt", "Mila"]))
    assert out.tolist()[:11] == ["munich"] * 3 + ["koln"] * 2 + ["samara"] * 2 + ["thessaloniki"] * 2 + [
        "st petersburg"] * 2
    # the larger of two cities a name may mean; a name that is a city's own stays that city's
    assert out.tolist()[11:] == ["frankfurt am main", "mila"]


def test_cyrillic_streets_meet_their_latin_spelling() -> None:
    out = normalise_addresses(pd.Series(["ул. Ленина, д. 12", "ul. Lenina, 12", "Hauptstr. Nr. 3", "Hauptstraße 3"]))
    assert out["street_key"].tolist() == ["12 lenina", "12 lenina", "3 haupt", "3 haupt"]


def test_postal_codes_restore_lost_zeros_and_cut_zip4() -> None:
    out = normalise_postal_codes(
        pd.Series(["2134", "02134-1234", "60608.0", 60608.0, "sw1a 1aa", "021341234"]),
        pd.Series(["US", None, None, "USA", "United Kingdom", None]),
    ).tolist()
    assert out == ["02134", "02134", "60608", "60608", "SW1A1AA", "02134"]


def test_a_post_office_box_is_its_number_in_any_words_and_no_district() -> None:
    out = normalise_postal_codes(pd.Series(["P.O. Box 85501", "POBox 1783", "ص.ب ١٧٧٣", "P.O. Box 1773", "B.P. 1234",
                                            "Caixa Postal 7", "Postfach 10 20 30", "10115"])).tolist()
    assert out == ["BOX85501", "BOX1783", "BOX1773", "BOX1773", "BOX1234", "BOX7", "BOX102030", "10115"]


def test_states_and_countries_become_codes() -> None:
    assert normalise_states(pd.Series(["Illinois", "il.", "IL"])).tolist() == ["IL"] * 3
    assert normalise_countries(pd.Series(["USA", "United States", "u.s.a."])).tolist() == ["US"] * 3


def test_domains_from_websites_and_emails() -> None:
    web = normalise_domains(
        pd.Series(
            ["https://www.Foo.com/contact", "foo.co.uk", "shop.foo.com:8080", "Yes", "gmail.com"]
        )
    ).tolist()
    assert web == ["foo.com", "foo.co.uk", "foo.com", None, None]
    emails = normalise_emails(pd.Series(["Bob@Foo.com", "08/31/14", "a@gmail.com"]))
    assert emails.tolist() == ["bob@foo.com", None, "a@gmail.com"]
    assert email_domains(emails).tolist() == ["foo.com", None, None]  # free mail says nothing


def test_phones_digits_without_country_code_or_extension() -> None:
    out = normalise_phones(
        pd.Series(["(312) 555-1234", "+1 312 555 1234 x12", "312.555.1234", "3865286.0", "555-12"])
    )
    assert out["phone"].tolist()[:3] == ["3125551234"] * 3
    assert out["phone"].iloc[3] == "3865286"
    assert out["phone_local"].iloc[0] == "5551234"
    assert out["phone"].iloc[4] is None


def test_serial_keys_and_lookalikes() -> None:
    keys = normalise_serials(
        pd.Series(["fcw-2231-x0ab", "S/N: FCW2231X0AB", "FCW2231XOAB", "SN# 123456"])
    )
    assert keys.tolist() == [
        "FCW2231X0AB",
        "FCW2231X0AB",
        "FCW2231XOAB",
        "123456",
    ]  # never rewritten
    folded = lookalike_keys(keys)
    assert folded.iloc[0] == folded.iloc[2] == "FCW2231X0AB"


def test_skus_and_families() -> None:
    skus = normalise_skus(pd.Series(["ws-c2960x-48fps-l=", "C9300-48P-E-EU", "C9300-48P-E"]))
    assert skus.tolist() == ["WS-C2960X-48FPS-L", "C9300-48P-E-EU", "C9300-48P-E"]
    fam = sku_families(skus)
    assert fam.iloc[1] == fam.iloc[2] == "C930048PE"  # a key to compare, without punctuation
    spelled = sku_families(normalise_skus(pd.Series(["P12345-B21", "p12345b21", "5CD123#ABA", "5CD123"])))
    assert spelled.tolist() == ["P12345B21", "P12345B21", "5CD123", "5CD123"]


def test_normalisers_keep_index_and_handle_all_null() -> None:
    s = pd.Series([None, np.nan], index=[10, 20], dtype=object)
    assert normalise_company_names(s).index.tolist() == [10, 20]
    assert normalise_company_names(s).isna().all()
    assert normalise_addresses(s)["street_key"].isna().all()
