"""Month names of thirty more languages read as months: an Afrikaans tracker's "16 Junie 2027" was quarantined.
A language is taken only while no word of it names another month than a language already taken does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sources.config import SourceConfig
from sources.month_names import MONTH_LOCALES, ambiguous_month_words, month_words
from sources.reader import read_source_file


def test_no_month_word_of_the_languages_taken_names_two_months() -> None:
    assert ambiguous_month_words() == frozenset()
    assert "hr" not in MONTH_LOCALES  # Croatian "listopad" is October; Polish and Czech November
    words = month_words()
    assert words["junie"] == 6 and words["desember"] == 12 and words["agosti"] == 8 and words["jūnijs"] == 6


def test_trackers_in_afrikaans_swahili_and_latvian_read_their_dates(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text("Customer;Expiry\nAlbion Foods;16 Junie 2027\nKaroo Steel;3 Januarie 2027\n"
                    "Mombasa Freight;5 Agosti 2027\nRiga Dati;12 jūnijs 2027\n", encoding="utf-8")
    out = read_source_file(path, path.name, SourceConfig(name="t", kind="sales_rep", path="*.csv"))
    assert out.rows_quarantined == 0
    ends = sorted(out.records["service_end"].tolist())
    assert ends == [dt.date(2027, 1, 3), dt.date(2027, 6, 12), dt.date(2027, 6, 16), dt.date(2027, 8, 5)]


def test_a_breton_and_a_faroese_date_read_their_months(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text("Customer;Expiry\nBreizh Kenrouedad;12 Ebrel 2026\nTórshavn Data;28 september 2025\n"
                    "Kemper Stal;3 Gwengolo 2025\n", encoding="utf-8")
    out = read_source_file(path, path.name, SourceConfig(name="t", kind="sales_rep", path="*.csv"))
    assert out.rows_quarantined == 0
    assert sorted(out.records["service_end"].tolist()) == [dt.date(2025, 9, 3), dt.date(2025, 9, 28),
                                                           dt.date(2026, 4, 12)]
