"""Country cells as real exports write them: informal names, ISO names, ISO-3 codes, names in the
country's own language and script. An unrecognised country counts as a disagreement, so each of
these kept two records of one company apart."""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from matching import resolve_entities
from matching.addresses import normalise_countries
from tests.matching.fixtures import cluster_of


def _codes(values: list[str | None]) -> list[str | None]:
    return normalise_countries(pd.Series(values, dtype=object)).tolist()


@pytest.mark.parametrize(
    ("cells", "code"),
    [
        (["UAE", "U.A.E.", "United Arab Emirates", "ARE", "الإمارات العربية المتحدة"], "AE"),
        (["KSA", "Kingdom of Saudi Arabia", "SAU", "المملكة العربية السعودية"], "SA"),
        (["RSA", "Republic of South Africa", "ZAF"], "ZA"),
        (["PRC", "P.R.C.", "P.R. China", "People's Republic of China", "中国", "中華人民共和国", "中华人民共和国"], "CN"),
        (["Korea", "Republic of Korea", "South Korea", "Korea, Republic of", "대한민국", "한국", "KOR"], "KR"),
        (["Viet Nam", "Vietnam", "Việt Nam", "Socialist Republic of Viet Nam", "VNM"], "VN"),
        (["Czech Republic", "Czechia", "Česko", "Česká republika", "CZE"], "CZ"),
        (["Russian Federation", "Russia", "Россия", "RUS"], "RU"),
        (["Republic of Ireland", "Ireland", "Éire", "IRL"], "IE"),
        (["Great Britain", "England", "Scotland", "Wales", "Northern Ireland", "UK", "GBR"], "GB"),
        (["Holland", "The Netherlands", "Netherlands", "Nederland", "NLD"], "NL"),
        (["USA", "U.S.A.", "United States of America", "US", "U.S.", "the United States"], "US"),
        (["Türkiye", "Turkiye", "Turkey", "TUR"], "TR"),
        (["Ivory Coast", "Côte d'Ivoire", "Côte d’Ivoire", "Cote d Ivoire", "CIV"], "CI"),
        (["Republic of India", "India", "भारत", "IND"], "IN"),
        (["North Macedonia", "Macedonia", "Северна Македонија", "MKD"], "MK"),
    ],
)
def test_informal_and_official_names_become_the_iso_code(cells: list[str], code: str) -> None:
    assert _codes(cells) == [code] * len(cells)


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("Deutschland", "DE"), ("Österreich", "AT"), ("Schweiz", "CH"), ("Suisse", "CH"),
        ("Svizzera", "CH"), ("España", "ES"), ("México", "MX"), ("Brasil", "BR"), ("Italia", "IT"),
        ("Polska", "PL"), ("Slovensko", "SK"), ("Magyarország", "HU"), ("România", "RO"),
        ("Ελλάδα", "GR"), ("Ελλάς", "GR"), ("България", "BG"), ("Hrvatska", "HR"), ("Srbija", "RS"),
        ("Србија", "RS"), ("Slovenija", "SI"), ("Україна", "UA"), ("Eesti", "EE"), ("Latvija", "LV"),
        ("Lietuva", "LT"), ("Suomi", "FI"), ("Sverige", "SE"), ("Norge", "NO"), ("Danmark", "DK"),
        ("Ísland", "IS"), ("België", "BE"), ("Belgique", "BE"), ("Luxembourg", "LU"),
        ("日本", "JP"), ("Indonesia", "ID"), ("ประเทศไทย", "TH"), ("ไทย", "TH"), ("Portugal", "PT"),
        ("ישראל", "IL"), ("Pilipinas", "PH"), ("Aotearoa", "NZ"),
    ],
)
def test_names_in_the_countrys_own_language(cell: str, code: str) -> None:
    assert _codes([cell, cell.upper()]) == [code, code]


def test_iso_alpha3_codes() -> None:
    cells = ["DEU", "FRA", "GBR", "USA", "CHE", "AUT", "ESP", "JPN", "CHN", "TWN", "KOR", "BRA", "deu"]
    assert _codes(cells) == ["DE", "FR", "GB", "US", "CH", "AT", "ES", "JP", "CN", "TW", "KR", "BR", "DE"]


def test_names_of_other_countries_in_major_languages() -> None:
    cells = ["Allemagne", "Alemania", "Frankreich", "Germania", "Duitsland", "Estados Unidos", "德国", "ドイツ"]
    assert _codes(cells) == ["DE", "DE", "FR", "DE", "DE", "US", "DE", "DE"]


def test_ambiguous_values_stay_apart_or_unmapped() -> None:
    """China and Taiwan are separate; a bare "Congo" names two countries and stays as written;
    "Georgia" in a country cell is the country (US states have their own column); two-letter
    codes that are also words are codes in a country cell."""
    cells = ["China", "Taiwan", "台灣", "Taiwan, Province of China", "Republic of China", "Hong Kong",
             "Congo", "Republic of the Congo", "Democratic Republic of the Congo", "DR Congo",
             "Georgia", "Jersey", "Guinea", "Equatorial Guinea", "Papua New Guinea",
             "NO", "IT", "IN", "Atlantis", None, "  "]
    assert _codes(cells) == ["CN", "TW", "TW", "TW", "REPUBLIC OF CHINA", "HK",
                             "CONGO", "CG", "CD", "CD",
                             "GE", "JE", "GN", "GQ", "PG",
                             "NO", "IT", "IN", "ATLANTIS", None, None]


def test_distinct_values_are_normalised_once_and_broadcast() -> None:
    s = pd.Series(["UAE", None, "UAE", "Россия"] * 3, index=range(100, 112))
    out = normalise_countries(s)
    assert out.index.tolist() == list(range(100, 112))
    assert out.tolist() == ["AE", None, "AE", "RU"] * 3


@pytest.mark.parametrize(("left", "right"), [("Deutschland", "DE"), ("Россия", "RU"), ("U.A.E.", "AE"), ("KSA", "Saudi Arabia")])
def test_same_name_and_city_merge_when_the_country_is_written_two_ways(left: str, right: str) -> None:
    records = pd.DataFrame(
        {
            "record_id": ["a", "b", "c"],
            "name": ["Tekhnopark Inform", "Tekhnopark Inform", "Nordlicht Logistik"],
            "city": ["Novosibirsk", "Novosibirsk", "Hamburg"],
            "country": [left, right, right],
        }
    )
    clusters = cluster_of(resolve_entities(records).records)
    assert clusters["a"] == clusters["b"]
    assert clusters["a"] != clusters["c"]


def test_reading_every_locales_country_names_leaves_babels_locale_data_whole() -> None:
    """babel caches a locale's data by name alone: loading it unmerged would hand every later
    `Locale.parse` in the process data without what it inherits (currency symbols lost). Run in a
    fresh process, since the cache is the process's."""
    script = ("from babel import Locale\n"
              "from matching.gazetteer import country_cell_codes\n"
              "country_cell_codes()\n"
              "symbols = Locale.parse('en').currency_symbols\n"
              "assert symbols.get('XXX') == '\\u00a4' and symbols.get('USD') == '$', dict(symbols)\n")
    root = Path(__file__).parents[2]
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
