"""sources.currency reads CLDR's currency symbols and names per key, without babel's full locale merge."""

from __future__ import annotations

from collections import defaultdict

from babel import Locale

from sources.currency import SYMBOL_LOCALES, _meanings, locale_entries, names
from sources.invisible import without_invisible


def test_per_key_entries_equal_babels_merged_locale_data() -> None:
    # the locales read, plus ones with parent exceptions, scripts and regional parents
    for name in (*SYMBOL_LOCALES, "root", "es_419", "en_GB", "pt_PT", "zh_Hant", "zh_Hant_TW", "sr_Latn", "az_Cyrl"):
        assert locale_entries(name, "currency_symbols") == dict(Locale.parse(name).currency_symbols.items()), name
    assert locale_entries("en", "currency_names") == dict(Locale.parse("en").currencies.items())


def test_symbol_meanings_equal_those_read_through_babels_locales() -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for name in SYMBOL_LOCALES:
        for code, sym in Locale.parse(name).currency_symbols.items():
            written = without_invisible(sym, code=True).strip()
            if written:  # a direction mark is no part of a symbol ("ج.م.\u200f"); the escudo's is nothing else
                seen[written].add(code)
    assert _meanings() == {s: frozenset(c) for s, c in seen.items()}
    assert _meanings()["$"] >= {"USD", "CAD", "AUD"} and names()["euro"] == "EUR"
