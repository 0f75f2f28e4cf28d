"""Street keys of addresses written the way other countries write them: premises words before the
number, floors, Colombian "#" numbers, a city written before the street, and other street types."""

from __future__ import annotations

import pandas as pd
import pytest

from matching.addresses import normalise_addresses


def _parts(values: list[str]) -> pd.DataFrame:
    return normalise_addresses(pd.Series(values))


@pytest.mark.parametrize(
    ("spellings", "key", "number"),
    [
        (["Plot No. 164, MIDC, Andheri (E)", "PLOT 164, MIDC ANDHERI EAST"], "164 midc andheri e", "164"),
        (["Door No. 42, Anna Salai", "42, ANNA SALAI"], "42 anna salai", "42"),
        (["No. 130, 3rd Cross, Peenya Industrial Area", "130, 3rd Cross, Peenya Indl Area"],
         "130 3rd cross peenya ind area", "130"),
        (["Unit 48, IDA Business Park", "UNIT 48, IDA BUS. PARK"], "48 ida bus park", "48"),
        (["Unit 7, Ballymount Industrial Estate", "Unit 7 Ballymount Ind. Est."], "7 ballymount ind est", "7"),
        (["Erf 88, Industria", "Erf 88 Industria"], "88 industria", "88"),
        (["Lô 21, KCN Sóng Thần", "Lot 21 KCN Song Than"], "21 kcn song than", "21"),
        (["Bldg 12, Sheikh Zayed Road", "Building 12, Sheikh Zayed Rd"], "12 sheikh zayed", "12"),
    ],
)
def test_a_premises_word_before_the_number_leaves_the_key(spellings: list[str], key: str, number: str) -> None:
    out = _parts(spellings)
    assert out["street_key"].tolist() == [key] * len(spellings)
    assert out["house_number"].tolist() == [number] * len(spellings)


def test_a_premises_before_a_numbered_street_is_its_unit() -> None:
    out = _parts(["Unit 5, 100 Main St", "100 Main Street", "Suite 200, 1312 S Racine Ave"])
    assert out["street_key"].tolist() == ["100 main", "100 main", "1312 s racine"]
    assert out["unit"].tolist()[0::2] == ["unit 5", "ste 200"]


def test_floors_are_units_not_house_numbers() -> None:
    out = _parts(["Avenida Belgrano 46, Piso 3", "Av. Belgrano 46 3º", "AVENIDA BELGRANO 46, PISO 3",
                  "Shop No. 67, Ground Floor, Laxmi Complex, M.G. Road", "67 Laxmi Complex, MG Rd",
                  "1312 S Racine Ave, 3rd Floor, Suite 200", "1312 S Racine Ave Fl 3 Ste 200",
                  "Calle 1º de Mayo 100"])
    assert out["street_key"].tolist()[:3] == ["46 belgrano"] * 3
    assert out["house_number"].tolist()[:3] == ["46"] * 3
    assert out["unit"].tolist()[:3] == ["fl 3"] * 3
    assert out["street_key"].iloc[3] == out["street_key"].iloc[4] == "67 laxmi complex mg"
    assert out["unit"].iloc[5] == out["unit"].iloc[6] == "ste 200 fl 3"
    assert out["house_number"].iloc[7] == "100"  # a "1º" opening a street's name is no floor


@pytest.mark.parametrize(
    ("spellings", "key", "number"),
    [
        (["Calle 55 # 45-23", "Cl. 55 No. 45-23", "CALLE 55 # 45-23"], "45 23 55", "55 45 23"),
        (["Carrera 7 # 10-15", "Cra. 7 # 10-15"], "10 15 7", "7 10 15"),
        (["Transversal 45 # 5-60", "Tv. 45 5-60"], "5 60 45", "45 5 60"),
        (["Avenida El Dorado # 80-30", "Av. El Dorado No. 80-30"], "80 30 dorado", "80 30"),
    ],
)
def test_colombian_numbers_after_hash_are_the_house_number(spellings: list[str], key: str, number: str) -> None:
    out = _parts(spellings)
    assert out["street_key"].tolist() == [key] * len(spellings)
    assert out["house_number"].tolist() == [number] * len(spellings)
    assert out["unit"].isna().all()


def test_colombian_addresses_on_other_streets_differ() -> None:
    out = _parts(["Calle 55 # 45-23", "Calle 55 # 45-10", "Calle 56 # 45-23", "Carrera 115 # 10-15",
                  "Carrera 11 # 10-15", "100 Main St #12"])
    assert out["street_key"].nunique() == 6
    assert out["house_number"].iloc[3] != out["house_number"].iloc[4]  # not "a similar street, same number"
    assert out["unit"].iloc[5] == "unit 12"  # after a leading house number "#" is still a unit


def test_a_postal_code_and_city_before_the_street_are_dropped() -> None:
    out = _parts(["1138 Budapest, Váci út 12.", "Budapest, Váci út 12", "Váci út 12.",
                  "1312 S. Racine Avenue, Suite 200", "1000 Lincoln, Apt 5"])
    assert out["street_key"].tolist()[:3] == ["12 vaci"] * 3
    assert out["house_number"].tolist()[:3] == ["12"] * 3
    assert out["street_key"].iloc[3] == "1312 s racine" and out["unit"].iloc[3] == "ste 200"
    assert out["street_key"].iloc[4] == "1000 lincoln"  # a city-named street before a unit stays


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (["Strada Mihai Eminescu nr. 12", "Str. Mihai Eminescu nr. 12", "STR. MIHAI EMINESCU 12"], "12 mihai eminescu"),
        (["Bulevardul Unirii nr. 4", "Bd. Unirii 4"], "4 unirii"),
        (["Calea Victoriei nr. 3", "Calea Victoriei 3"], "3 victoriei"),
        (["Șoseaua Berceni nr. 9", "Șos. Berceni 9", "Soseaua Berceni 9"], "9 berceni"),
        (["Fő utca 5.", "Fő u. 5"], "5 fo"),
        (["Váci út 12.", "VACI UT 12"], "12 vaci"),
        (["Jalan Jenderal Sudirman No. 21", "Jl. Jend. Sudirman No. 21"], "21 jend sudirman"),
        (["Jalan Gatot Subroto Kav. 9", "Jl. Gatot Subroto Kav 9"], "9 gatot subroto"),
        (["вул. Шевченка, 12", "vul. Shevchenka, 12"], "12 shevchenka"),
        (["просп. Науки, 7", "prosp. Nauki, 7"], "7 nauki"),
        (["164, rue Saint-Jacques", "164 rue St-Jacques"], "164 st jacques"),
        (["Rua de Santa Catarina, 5", "R. Sta. Catarina, 5"], "5 st catarina"),
        (["164, Industrial Area Phase II", "164, Indl. Area Ph-II"], "164 ind area ph ii"),
    ],
)
def test_street_types_and_words_in_other_languages_get_one_key(spellings: list[str], key: str) -> None:
    assert _parts(spellings)["street_key"].tolist() == [key] * len(spellings)


def test_different_premises_keep_different_keys() -> None:
    out = _parts(["Plot No. 164, MIDC, Andheri (E)", "Plot No. 165, MIDC, Andheri (E)",
                  "Unit 48, IDA Business Park", "Unit 49, IDA Business Park",
                  "Strada Mihai Eminescu nr. 12", "Strada Mihai Eminescu nr. 13"])
    assert out["street_key"].nunique() == 6
