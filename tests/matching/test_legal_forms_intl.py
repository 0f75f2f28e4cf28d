"""Legal forms, abbreviations and joining words of more countries (RO, PT, HU, CO, AR, CL, ID, VN,
ZA, IE, CH, BE, CA, the Gulf, IL, TH, KR, UA), through `normalise_company_names`."""

from __future__ import annotations

import pandas as pd
import pytest

from matching.names import normalise_company_names


def _norm(*names: str, country: str | None = None) -> list[str | None]:
    """Normalised names, all with one country cell (None: no cell)."""
    return normalise_company_names(pd.Series(names), pd.Series([country] * len(names), dtype=object)).tolist()


@pytest.mark.parametrize(
    "name",
    [
        "Oliveira & Filhos Limitada",
        "Oliveira & Filhos Unipessoal Limitada",
        "Oliveira & Filhos SRL-D",
        "Oliveira & Filhos Societate cu Răspundere Limitată",
        "Oliveira & Filhos SOCIETATE PE ACȚIUNI",
        "Oliveira & Filhos Società anonima",
        "Oliveira & Filhos SComm",
        "Oliveira & Filhos Incorporée",
        "Oliveira & Filhos C.L.G.",
        "Oliveira & Filhos Company Limited by Guarantee",
        "Oliveira & Filhos Close Corporation",
        "Oliveira & Filhos Betéti Társaság",
        "Oliveira & Filhos Zártkörűen Működő Részvénytársaság",
        "Oliveira & Filhos S.A.C.I.F.I.A.",
        "Oliveira & Filhos One Member Co., Ltd.",
        "Oliveira & Filhos Free Zone Establishment",
        "Oliveira & Filhos (1998) Ltd.",
        "TNHH Oliveira & Filhos",
        "CTY TNHH MTV Oliveira & Filhos",
        'TzOV "Oliveira & Filhos"',
        "LLC Oliveira & Filhos",
        "Private JSC Oliveira & Filhos",
    ],
)
def test_latin_spellings_of_more_forms_are_stripped_without_a_country(name: str) -> None:
    assert _norm(name, "Oliveira & Filhos") == ["oliveira filho", "oliveira filho"]


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("النور للتجارة ش.ذ.م.م", "النور للتجارة"),
        ("النور للتجارة م.م.ح", "النور للتجارة"),
        ("شركة النهدي للتجارة المحدودة", "النهدي للتجارة"),
        ("مؤسسة النور للتجارة", "النور للتجارة"),
        ('כהן מערכות בע"מ', "כהן מערכות"),
        ("כהן מערכות (1998) בע״מ", "כהן מערכות"),
        ("บริษัท สยามสตีล จำกัด (มหาชน)", "สยามสตีล"),
        ("บจก. สยามสตีล", "สยามสตีล"),
        ("(유)한빛정밀", "한빛정밀"),
        ("Приватне акціонерне товариство «Будінвест»", "Будінвест"),
    ],
)
def test_native_script_forms_are_stripped(name: str, bare: str) -> None:
    got, want = _norm(name, bare)
    assert got == want


def test_forms_in_capitals_are_forms_where_no_country_says_so() -> None:
    # a tracker row has no country cell: "SAS" in capitals amid lower-case words is the form
    assert _norm("Gómez y Ospina SAS", "Gómez & Ospina S.A.S.", "Constructora Díaz SpA", "Gallagher Bros Teo.") == [
        "gomez ospina", "gomez ospina", "constructora diaz", "gallagher brother",
    ]  # fmt: skip
    # an upper-case export of the same name follows its mixed-case spelling in the data
    assert _norm("GÓMEZ Y OSPINA SAS", "Gómez y Ospina SAS") == ["gomez ospina", "gomez ospina"]
    # ordinary words stay: a day spa, two capitals (a state, initials), a country that has no such form
    assert _norm("Serenity Spa", "Elite PT", "Acme AB") == ["serenity spa", "elite pt", "acme ab"]
    assert _norm("Lakeside SAS", country="US") == ["lakeside sas"]


def test_a_leading_word_form_goes_when_the_trailing_form_tells_the_country() -> None:
    assert (
        _norm("S.C. Dumitrescu Industrial S.R.L.", "s.c. dumitrescu industrial srl-d", "Dumitrescu Industrial")
        == ["dumitrescu industrial"] * 3
    )
    assert _norm("PT Surya Kencana (Persero) Tbk", "PT. Surya Kencana") == ["surya kencana"] * 2
    # "Inc." is no Romanian form, so "S.C." here is initials
    assert _norm("S.C. Johnson & Son, Inc.") == ["sc johnson son"]


def test_spanish_contractions_are_expanded() -> None:
    assert _norm("Torres Hnos.", "Torres Hermanos") == ["torre hermano"] * 2
    assert _norm("Hernandez & Cia.", "Hernández y Compañía") == ["hernandez compania"] * 2


def test_joining_words_of_more_languages_drop_between_words_only() -> None:
    assert _norm("Kis és Fia", "Kis & Fia") == ["kis fia"] * 2
    assert _norm("Stan și Șerban", "Stan & Șerban") == ["stan serban"] * 2
    assert _norm("Maju dan Jaya", "Maju & Jaya") == ["maju jaya"] * 2
    # a name word, not a joining word, before the name's other words
    assert _norm("Dan Electric") == ["dan electric"]
