"""Names, forms and countries of a fourth list of countries the matcher had not seen (Armenia, Georgia,
Kazakhstan, Mongolia, North Macedonia, Azerbaijan, Uzbekistan, Moldova, the Maghreb, Ecuador, Uruguay, Malta)."""

from __future__ import annotations

import pandas as pd
import pytest

from matching.addresses import normalise_countries
from matching.names import normalise_company_names
from matching.resolve import resolve_entities
from matching.text import fold_ascii, spell_in_latin


def _spelled(values: list[str]) -> list[str]:
    return spell_in_latin(fold_ascii(pd.Series(values))).tolist()


def test_armenian_and_georgian_are_spelled_in_latin_letters_without_apostrophes() -> None:
    assert _spelled(["Շին Գրուպ", "თბილისი", "Ильич"]) == ["shin grup", "tbilisi", "ilich"]


def test_latin_letters_without_a_decomposition_and_modifier_letters_fold() -> None:
    """Azerbaijani "ə" as anyascii spells it, Uzbek "oʻ" as an English export writes it ("O'zbek" loses its
    apostrophe too); the letters folded before stay as they were."""
    assert _spelled(["Kərimov Ticarət", "Oʻzbek Savdo", "Łódź", "Ørsted", "Straße"]) == [
        "kerimov ticaret", "ozbek savdo", "lodz", "orsted", "strasse"]


@pytest.mark.parametrize(("name", "bare"), [
    ("ТОО «Арман Групп»", "arman grupp"),
    ('"Монгол Ган" ХХК', "mongol gan"),
    ("ДООЕЛ Скопје Трејд", "skopje trejd"),
    ("«Երևան Շին» ՍՊԸ", "erevan shin"),
    ('შპს "თბილისი ბილდი"', "tbilisi bildi"),
    ("SRL Codru Grup", "codru grup"),
    ("SARL Atlas Distribution", "atla distribution"),
    ("EURL Benali", "benali"),
])
def test_forms_of_more_countries_are_stripped_before_or_after_the_name(name: str, bare: str) -> None:
    assert normalise_company_names(pd.Series([name])).tolist() == [bare]


def test_an_azerbaijani_mmc_is_a_form_in_azerbaijan_only() -> None:
    names = pd.Series(["Qafqaz Servis MMC", "MMC Holdings"])
    assert normalise_company_names(names, pd.Series(["Azerbaijan", None])).tolist() == ["qafqaz servis",
                                                                                        "mmc holding"]


@pytest.mark.parametrize(("cell", "code"), [
    ("República del Ecuador", "EC"), ("Repubblika ta' Malta", "MT"), ("Azerbaijan Republic", "AZ"),
    ("Republika Srbija", "RS"), ("República Oriental del Uruguay", "UY"), ("Oriental Republic of Uruguay", "UY"),
    ("Estado Plurinacional de Bolivia", "BO"), ("Royaume du Maroc", "MA"), ("Монгол Улс", "MN"),
    ("Republica Dominicana", "DO"), ("Federal Democratic Republic of Ethiopia", "ET"),
])
def test_a_states_official_name_is_its_country(cell: str, code: str) -> None:
    assert normalise_countries(pd.Series([cell])).tolist() == [code]


def test_a_country_no_code_was_found_for_says_nothing_against_a_coded_one() -> None:
    records = pd.DataFrame({
        "record_id": ["a", "b", "c"],
        "name": ["Nairi Trade LLC", "Nairi Trade", "NAIRI TRADE LLC"],
        "street": ["12 Tigran Mets Ave", "12 Tigran Mets Ave", "12 Tigran Mets Avenue"],
        "city": ["Gyumri", "Gyumri", "Gyumri"],
        "country": ["Armenia", "Hayastani Hanrapetutyun", "AM"],
        "source": ["crm", "erp", "dist"],
        "source_priority": [0, 1, 2],
    })
    pairs = resolve_entities(records).pairs.set_index(["left_record_id", "right_record_id"])["country"]
    levels = {frozenset(k): v for k, v in pairs.items()}
    assert levels[frozenset({"a", "b"})] == -1  # "HAYASTANI HANRAPETUTYUN" is no code: unknown, not another country
