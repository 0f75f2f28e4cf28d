"""Company names from many countries: legal forms in any spelling, appended places, glued names,
typos in rare tokens, and businesses sharing one building."""

import pandas as pd
import pytest

from matching import resolve_entities
from matching.names import company_name_parts, normalise_company_names


@pytest.mark.parametrize(
    ("left", "right", "country"),
    [
        ("Acme N. V.", "ACME N.V.", None),
        ("Acme B. V.", "Acme Besloten Vennootschap", None),
        ("Philips Naamloze Vennootschap", "Philips NV", None),
        ("Müller Präzisionstechnik Gesellschaft mit beschränkter Haftung",
         "Müller Präzisionstechnik GmbH", None),
        ("Rivière Mécanique S.à r.l.", "Riviere Mecanique SARL", None),
        ("Kowalski Sp. z o.o.", "Kowalski sp.z.o.o.", None),
        ("Ibáñez Energía S. A.", "Ibanez Energia Sociedad Anónima", None),
        ("Nordlys A/S", "Nordlys", None),
        ("Söderberg Verkstad AB", "Söderberg Verkstad Aktiebolag", "Sweden"),
        ("Virtanen Oy", "Virtanen Osakeyhtiö", None),
        ("Tanaka Seiki K.K.", "Tanaka Seiki Kabushiki Kaisha", None),
        ("Wattle Mining Pty Ltd", "Wattle Mining Proprietary Limited", None),
        ("Fiat Servizi S.p.A.", "Fiat Servizi Società per Azioni", None),
        ("N.V. Acme Gloeilampenfabriek", "Acme Gloeilampenfabriek", None),
    ],
)
def test_legal_forms_in_any_spelling_are_stripped(left: str, right: str, country: str) -> None:
    names = pd.Series([left, right])
    countries = pd.Series([country, country])
    out = normalise_company_names(names, countries)
    assert out.iloc[0] == out.iloc[1], out.tolist()
    assert out.iloc[0] is not None and len(out.iloc[0]) > 3


def test_words_and_country_codes_are_not_taken_for_legal_forms() -> None:
    out = normalise_company_names(pd.Series(["Day Spa", "Acme UK", "Acme AB", "Acme KK"]))
    # "spa", "ab", "kk" are legal forms somewhere, but written plainly, with no country
    # saying so, they are part of the name; "UK" is never stripped
    assert out.tolist() == ["day spa", "acme uk", "acme ab", "acme kk"]
    se = normalise_company_names(pd.Series(["Acme AB"]), pd.Series(["SE"]))
    assert se.tolist() == ["acme"]


def test_trailing_places_become_location_evidence() -> None:
    names = pd.Series(
        [
            "ACME N.V., ROTTERDAM, NL",
            "Acme Corp - Boston, MA",
            "Harbour Tools (Oakhaven)",
            "Smith, Jackson & Co",
            "Acme, Inc.",
        ]
    )
    cities = pd.Series([None, None, None, None, "Oakhaven"])  # a city named in the data
    out = company_name_parts(names, cities=cities)
    assert out["name_norm"].tolist() == ["acme", "acme", "harbour tool", "smith jackson", "acme"]
    assert out["name_city"].tolist()[:3] == ["rotterdam", "boston", "oakhaven"]
    assert out["name_country"].tolist()[:2] == ["NL", "US"]
    assert out["name_region"].tolist()[1] == "MA"
    assert out["name_city"].iloc[3] is None  # "Jackson & Co" is not a place


def test_a_name_with_a_city_matches_the_located_record_of_that_city_only() -> None:
    records = pd.DataFrame(
        [
            {"record_id": "a", "name": "ACME N.V., ROTTERDAM, NL"},
            {"record_id": "b", "name": "Acme B.V.", "city": "Rotterdam", "country": "NL",
             "address": "Weena 10"},
            {"record_id": "c", "name": "Acme B.V.", "city": "Amsterdam", "country": "NL",
             "address": "Damrak 1"},
        ]
    )
    cluster = resolve_entities(records).records.set_index("record_id")["cluster_id"]
    assert cluster["a"] == cluster["b"]
    assert cluster["a"] != cluster["c"]


def test_glued_names_are_split_by_the_data_vocabulary() -> None:
    names = pd.Series(
        ["ACMEINDUSTRIESB.V.", "Acme Industries B.V.", "NorthbridgeCapital Corp",
         "Northbridge Capital", "Salesforce"]
    )
    out = normalise_company_names(names)
    assert out.iloc[0] == out.iloc[1] == "acme industry"
    assert out.iloc[2] == out.iloc[3] == "northbridge capital"
    assert out.iloc[4] == "salesforce"  # no spaced twin in the data: never cut into words


def test_typos_in_rare_tokens_still_match() -> None:
    records = pd.DataFrame(
        [
            {"record_id": "a", "name": "Riverpoint Health Partners", "city": "Dayton",
             "address": "12 Elm St"},
            {"record_id": "b", "name": "Rivrepoint Health Partners LLC", "city": "Dayton",
             "address": "12 Elm Street"},
            {"record_id": "c", "name": "Riverpoint Healht Partners", "city": "Dayton"},
            {"record_id": "d", "name": "Brightwater Health Partners", "city": "Dayton",
             "address": "400 Oak Ave"},
        ]
    )
    cluster = resolve_entities(records).records.set_index("record_id")["cluster_id"]
    assert cluster["a"] == cluster["b"] == cluster["c"]
    assert cluster["d"] != cluster["a"]


def test_businesses_sharing_a_building_and_switchboard_stay_apart() -> None:
    base = {"address": "200 Market St", "city": "Springfield", "state": "IL",
            "postal_code": "62701", "phone": "(217) 555-0100"}
    records = pd.DataFrame(
        [
            {"record_id": "cafe1", "name": "Blue Fern Cafe", **base},
            {"record_id": "cafe2", "name": "Blue Fern Cafe LLC", **base},
            {"record_id": "dental", "name": "Orchid Dental Care", **base},
            {"record_id": "law", "name": "Hargrove & Pike Attorneys", **base},
            {"record_id": "dept", "name": "Blue Fern Cafe Catering", **base},
        ]
    )
    cluster = resolve_entities(records).records.set_index("record_id")["cluster_id"]
    assert cluster["cafe1"] == cluster["cafe2"] == cluster["dept"]
    assert len({cluster["cafe1"], cluster["dental"], cluster["law"]}) == 3


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("ООО «Ромашка»", "Ромашка ООО", "romashka"),
        ("ООО Ромашка", "ООО «Ромашка»", "romashka"),
        ("株式会社ミナト電機", "ミナト電機株式会社", "ミナト電機"),
        ("ミナト電機(株)", "ミナト電機株式会社", "ミナト電機"),
        ("深圳市华强电子有限公司", "深圳市华强电子", "深圳市华强电子"),
        ("삼성전자 주식회사", "주식회사 삼성전자", "삼성전자"),
        ("Αλφα Τεχνική Α.Ε.", "ΑΛΦΑ ΤΕΧΝΙΚΗ", "alfa techniki"),
        ("شركة النور للتجارة", "النور للتجارة", "النور للتجارة"),
        ("Zakłady Mięsne Łuków", "Zaklady Miesne Lukow", "zaklady miesne lukow"),
        ("Mærsk Datacenter", "Maersk Datacenter", "maersk datacenter"),
        ("Yıldız Tekstil", "YILDIZ TEKSTİL", "yildiz tekstil"),
        ("Schloß Werke", "Schloss Werke", "schloss werke"),
        ("Grupo Bimbo S.A. de C.V.", "Grupo Bimbo SA de CV", "grupo bimbo"),
        ("Grupo Bimbo, S. de R.L. de C.V.", "Grupo Bimbo", "grupo bimbo"),
        ("Kone Hissit Oy Ab", "Kone Hissit Oy", "kone hissit"),
        ("F.lli Rossi", "Fratelli Rossi", "fratelli rossi"),
        ("Zero\u200bWidth\u00ad Networks", "ZeroWidth Networks", "zerowidth network"),
    ],
)
def test_names_in_any_script_normalise_to_one_spelling(left: str, right: str, expected: str) -> None:
    out = normalise_company_names(pd.Series([left, right]))
    assert out.tolist() == [expected, expected]


@pytest.mark.parametrize(
    ("names", "country", "expected"),
    [
        (["Aktiebolaget Volvo", "AB Volvo", "Volvo AB"], "SE", "volvo"),
        (["Oy Karl Fazer Ab", "Karl Fazer Oy", "Osakeyhtiö Karl Fazer"], "FI", "karl fazer"),
        (["AS Eesti Energia", "Eesti Energia AS"], "EE", "eesti energia"),
    ],
)
def test_nordic_and_baltic_forms_that_lead_the_name(names: list[str], country: str, expected: str) -> None:
    out = normalise_company_names(pd.Series(names), pd.Series([country] * len(names)))
    assert out.tolist() == [expected] * len(names)
    # without the country "AB" may be a word of the name; the spelled-out form never is; a record
    # naming the company bare ("Aktiebolaget Volvo" -> "volvo") is the data saying "AB" is the form
    assert normalise_company_names(pd.Series(["AB Volvo", "Aktiebolaget Scania"])).tolist() == ["ab volvo", "scania"]
    assert normalise_company_names(pd.Series(["AB Volvo", "Aktiebolaget Volvo"])).tolist() == ["volvo", "volvo"]


def test_a_legal_form_alone_is_never_stripped_to_nothing() -> None:
    out = normalise_company_names(pd.Series(["株式会社", "ООО", "有限公司"]))
    assert all(isinstance(v, str) and v for v in out), out.tolist()


def test_names_in_other_scripts_resolve_together_and_apart() -> None:
    records = pd.DataFrame({
        "record_id": [f"r{i}" for i in range(8)],
        "name": ["ООО «Ромашка»", "Ромашка ООО", "ООО «Василёк»", "株式会社ミナト電機", "ミナト電機株式会社",
                 "株式会社ミナト電工", "深圳市华强电子有限公司", "深圳市华强电子"],
        "source": ["crm", "pos", "pos", "crm", "pos", "pos", "crm", "pos"],
    })
    cluster = resolve_entities(records).records.set_index("record_id")["cluster_id"]
    assert cluster["r0"] == cluster["r1"] != cluster["r2"]
    assert cluster["r3"] == cluster["r4"] != cluster["r5"]
    assert cluster["r6"] == cluster["r7"]
    assert cluster.notna().all()


def test_greek_and_cyrillic_names_meet_their_latin_spelling() -> None:
    records = pd.DataFrame({
        "record_id": [f"r{i}" for i in range(6)],
        "name": ["ООО «Гидропривод»", "Gidroprivod JSC", "ООО «Гидромаш»", "ΘΕΣΣΑΛΙΑΣ Α.Ε.", "Thessalias SA",
                 "株式会社ミナト電機"],
        "phone": ["+7 495 123 4567", "+7 495 123 4567", "+7 495 765 4321", "+30 2310 555 123", "+30 2310 555 123",
                  None],
        "source": ["crm", "pos", "pos", "crm", "pos", "crm"],
    })
    cluster = resolve_entities(records).records.set_index("record_id")["cluster_id"]
    assert cluster["r0"] == cluster["r1"] != cluster["r2"]
    assert cluster["r3"] == cluster["r4"]
    # ideographs and kana keep their own letters: their Latin names follow readings, not letters
    assert normalise_company_names(pd.Series(["株式会社ミナト電機"])).tolist() == ["ミナト電機"]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Gebrüder Schmidt GmbH u. Co. KG", "Gebrüder Schmidt GmbH & Co. KG"),
        ("Gebrüder Schmidt GmbH und Co. KG", "Gebrüder Schmidt"),
        ("Nordisk Bygg Aksjeselskap", "Nordisk Bygg"),
        ("Lahti Metalli Kommandiittiyhtiö", "Lahti Metalli"),
        ("Grupo Textil Sociedad Anónima de Capital Variable", "Grupo Textil S.A. de C.V."),
        ("Rasmussen og Jakobsen ApS", "Rasmussen & Jakobsen"),
        ("Jansen en Zonen B.V.", "Jansen & Zonen"),
        ("Virtanen ja Poika Oy", "Virtanen & Poika"),
        ("ΘΕΣΣΑΛΙΑΣ", "Θεσσαλίας"),  # an upper-case export has no final sigma
    ],
)
def test_forms_and_connectors_of_other_languages(left: str, right: str) -> None:
    out = normalise_company_names(pd.Series([left, right]))
    assert out[0] == out[1], out.tolist()


def test_a_place_after_the_legal_form_is_the_site_not_the_name() -> None:
    names = pd.Series(["Sjöberg Bygg HB Linköping", "Müller GmbH Köln", "Acme S.A. Madrid", "Hotel Paris",
                       "Phoenix Inc", "Carlsberg A/S Denmark", "Barbosa Ferramentas, S/A Rio de Janeiro",
                       "Rousseau Frères Société par actions simplifiée Saint-Étienne"])
    parts = company_name_parts(names, cities=pd.Series(["Linköping", "Köln", None, None, None, None,
                                                        "Rio de Janeiro", "Saint-Étienne"]))
    assert parts["name_norm"].tolist() == ["sjoberg bygg hb", "muller", "acme", "hotel paris", "phoenix", "carlsberg",
                                           "barbosa ferramenta", "rousseau frere"]
    assert parts["name_city"].tolist()[:4] == ["linkoping", "koln", "madrid", None]
    assert parts["name_city"].tolist()[6:] == ["rio de janeiro", "st etienne"]
    assert parts["name_country"].iloc[5] == "DK"
