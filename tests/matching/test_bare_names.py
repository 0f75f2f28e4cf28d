"""Ambiguous legal forms dropped where the same data names the company without them
(`matching.bare_names`), alone and through `normalise_company_names` with no country cell."""

from __future__ import annotations

import pandas as pd

from matching.bare_names import drop_forms_named_without
from matching.names import normalise_company_names


def _norm(*names: str) -> list[str | None]:
    """Normalised names of one data set, no country cell on any row."""
    return normalise_company_names(pd.Series(names, dtype=object)).tolist()


def test_a_trailing_form_goes_where_another_record_writes_the_name_bare() -> None:
    norm = _norm("Johansen & Løken A/S", "Johansen og Løken AS", "Doğan Elektrik Elektronik A.Ş.",
                 "Doğan Elektrik Elektronik AŞ")
    assert norm == ["johansen loken", "johansen loken", "dogan elektrik elektronik", "dogan elektrik elektronik"]


def test_a_leading_form_goes_where_another_record_writes_the_name_bare() -> None:
    assert _norm("AB Soderberg Bygg", "Soderberg Bygg", "Oy Hämäläinen & Nieminen", "Hämäläinen ja Nieminen") == [
        "soderberg bygg", "soderberg bygg", "hamalainen nieminen", "hamalainen nieminen"]


def test_a_form_stays_where_no_record_writes_the_name_bare() -> None:
    """Without the evidence "AS" may be a word of the name: nothing in the data says otherwise."""
    assert _norm("Nordlys AS", "Johansen & Løken", "Kivi Ky") == ["nordly as", "johansen loken", "kivi ky"]  # plurals folded


def test_words_that_end_names_as_often_as_forms_stay() -> None:
    assert _norm("Pure Me", "Pure", "Art Is", "Art") == ["pure me", "pure", "art is", "art"]


def test_a_listed_swedish_company_loses_its_publ_before_or_after_ab() -> None:
    assert _norm("Nyström & Åberg (publ) AB", "Nyström & Åberg AB (publ)", "NYSTRÖM & ÅBERG AKTIEBOLAGET") == [
        "nystrom aberg"] * 3


def test_two_forms_go_one_after_the_other_while_each_step_is_a_name_of_the_data() -> None:
    names = pd.Series(["oy virtanen ab", "virtanen ab", "virtanen", None], index=[10, 11, 12, 13], dtype=object)
    out = drop_forms_named_without(names)
    assert out.tolist() == ["virtanen", "virtanen", "virtanen", None]
    assert out.index.tolist() == [10, 11, 12, 13]


def test_names_without_forms_and_empty_input_pass_through() -> None:
    names = pd.Series(["acme", "acme holding", None], dtype=object)
    assert drop_forms_named_without(names).tolist() == ["acme", "acme holding", None]
    empty = pd.Series([], dtype=object)
    assert drop_forms_named_without(empty).empty


def test_a_trailing_form_that_starts_a_longer_word_of_another_name_is_a_cut_name() -> None:
    """An accounting system that keeps 20 characters writes "Quantum Packaging As" for "Quantum
    Packaging Associates": beside that name, "As" is no legal form, and the cut-name rule reads it."""
    names = pd.Series(["quantum packaging as", "quantum packaging", "quantum packaging associate",
                       "nordlys as", "nordlys", "nordlys as trading"], dtype=object)
    assert drop_forms_named_without(names).tolist() == [
        "quantum packaging as", "quantum packaging", "quantum packaging associate",
        "nordlys", "nordlys", "nordlys as trading"]
