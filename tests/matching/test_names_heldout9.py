"""Names, forms and countries of a ninth list of places the matcher had not seen (India's scripts, Catalonia, the
Basque Country, Wales, Monaco, Venezuela, the Congo, Samoa, Turkmenistan)."""

from __future__ import annotations

import pandas as pd

from matching.addresses import normalise_countries
from matching.names import normalise_company_names
from matching.text import fold_ascii, spell_in_latin


def _spelled(values: list[str]) -> list[str]:
    return spell_in_latin(fold_ascii(pd.Series(values))).tolist()


def test_brahmic_consonants_keep_their_own_vowel_in_latin_letters() -> None:
    """anyascii writes consonants bare ("gnpti"); the company writes itself "Ganapati": the inherent "a" is
    written unless a vowel sign or virama follows, Hindi and Punjabi drop it at a word's end, an anusvara is
    the nasal of the consonant after it."""
    assert _spelled(["गणपति कंपनी", "கணபதி", "ਸਿੰਘ", "ಬೆಂಗಳೂರು", "शर्मा", "ශ්‍රී ලංකා"]) == [
        "ganapati kampani", "kanapati", "singh", "bengaluru", "sarma", "sri lanka"]


def test_a_catalan_middle_dot_joins_its_word() -> None:
    names = normalise_company_names(pd.Series(["Instal·lacions Soler", "Installacions Soler", "Instal.lacions Soler"]))
    assert names.iloc[0] == names.iloc[1]


def test_countries_in_regional_languages_and_old_names() -> None:
    cells = ["Espanya", "Espainia", "RDC", "RD Congo", "République Démocratique du Congo", "Western Samoa",
             "Cymru", "Российская Федерация"]
    assert normalise_countries(pd.Series(cells)).tolist() == ["ES", "ES", "CD", "CD", "CD", "WS", "GB", "RU"]


def test_monacos_sam_is_a_form_dotted_or_in_monaco_and_a_name_elsewhere() -> None:
    names = pd.Series(["ELECTRICITE GIORDANO S.A.M.", "Electricite Giordano SAM", "Uncle Sam"])
    assert normalise_company_names(names, pd.Series(["MC", "MC", "US"])).tolist() == [
        "electricite giordano", "electricite giordano", "uncle sam"]


def test_venezuelas_ca_is_a_form_dotted_or_in_venezuela_and_a_state_elsewhere() -> None:
    """"C.A." (compañía anónima) ends most Venezuelan names; bare "CA" elsewhere is California or Canada."""
    names = pd.Series(["Servicios Tepuy & Asociados C. A.", "Grupo Llanos C.A", "Inversiones Caracas CA",
                       "Acme Systems CA", "Bank of CA"])
    assert normalise_company_names(names, pd.Series(["VE", None, "VE", "US", None])).tolist() == [
        "servicio tepuy asociado", "grupo llano", "inversione caraca", "acme system ca", "bank ca"]
