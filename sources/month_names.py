"""Month names of other languages read as English ones, so dateutil reads "6. Januar 2024" as it reads
"6 January 2024".

The names are CLDR's, from the data babel ships (`sources.cldr`): wide and abbreviated, format and
stand-alone forms, so the genitive a long date writes (Polish "6 stycznia", Czech "6. ledna", Russian
"6 января", Finnish "6. tammikuuta") is known as well as the nominative a month header writes. Each is
also known without its accents and in Turkish upper case ("MÄRZ" -> "marz", "ΜΑΡΤΙΟΥ", "KASIM").

Which words are month names depends on the languages taken: `MONTH_LOCALES` are the common business
languages. A word naming different months in two of them would be left out (never guessed), so a
column never mixes two readings; the languages taken have none ("listopad" is November in Polish and
Czech; it is October in Croatian, which is not taken, nor are the other South Slavic languages).
Words that are a month in one language and an ordinary word in another ("mar", "mai", "dec", "set",
"out") are only read as months inside a value dateutil cannot read as it stands and reads, once
translated, as a whole date with day, month and year. Weekday names (wide forms only: "Mittwoch",
"mercredi"; the abbreviations clash with months, Spanish "mar" is Tuesday) and the words long dates
put between their parts ("6 de marzo de 2024", "2024 r.", "2024 г.", "1er") are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Final

from sources.cldr import own_locale_data
from sources.folding import fold_word as fold

#: locales whose month names are read ("no": CLDR keeps Norwegian Bokmål's names there; "de_AT"
#: adds "Jänner", "pt_PT" Portugal's abbreviations)
MONTH_LOCALES: Final[tuple[str, ...]] = (
    "de", "de_AT", "fr", "es", "it", "nl", "pt", "pt_PT", "pl", "sv", "da", "no", "fi", "cs", "tr", "ru", "el",
    "hu", "ro",
    # more languages, none naming a month another one names otherwise ("Junie 2027" in an Afrikaans tracker was
    # quarantined): Afrikaans, Catalan, the Baltic, Slovak, Slovenian, Bulgarian, Ukrainian, Indonesian, Malay,
    # Swahili, Icelandic, Albanian, Macedonian, Serbian, Bosnian, Basque, Galician, Irish, Welsh, Maltese,
    # Azerbaijani, Kazakh, Uzbek, Georgian, Armenian, Hebrew, Arabic, Persian (not Croatian: its "listopad" is
    # October, Polish and Czech November; tests/sources/test_month_names.py checks there is no clash)
    "af", "ca", "lv", "lt", "et", "sk", "sl", "bg", "uk", "id", "ms", "sw", "is", "sq", "mk", "sr", "bs", "eu",
    "gl", "ga", "cy", "mt", "az", "kk", "uz", "ka", "hy", "he", "ar", "fa",
    # and the languages of CLDR with months of their own names that clash with none above (s36: "12 Ebrel 2026" in a
    # Breton tracker left it without a service end): Breton, Faroese, Frisian, Romansh, Esperanto,
    # Somali, Malagasy, Filipino, Cebuano, Javanese, Turkmen, Pashto, Tigrinya, Yiddish, Kinyarwanda, Hausa,
    # Yoruba, Zulu, Khmer, Lao, Kyrgyz, Tatar, Indian languages, Mongolian, Nepali, Sinhala, Burmese,
    # Amharic, Tajik, Kurdish, Igbo, Wolof, Quechua, Scottish Gaelic, Cornish, Sami, Asturian, Occitan,
    # Sardinian, Friulian, Corsican, Interlingua, Lingala, Akan, Nyanja, Oromo,
    # Uyghur, Sindhi, Tibetan, Dzongkha, Bashkir, Chechen, Chuvash, Hawaiian, Tongan (not Luxembourgish, Xhosa,
    # Māori, Ganda, Ewe, Tswana, Sotho, Shona: each names a month another language taken names otherwise)
    "br", "fo", "fy", "rm", "eo", "so", "mg", "fil", "ceb", "jv", "tk", "ps", "ti", "yi", "rw", "ha", "yo",
    "zu", "km", "lo", "ky", "tt", "gu", "pa", "te", "kn", "ml", "or", "as", "mn", "ne", "si", "my", "am",
    "tg", "ku", "ig", "wo", "qu", "gd", "kw", "se", "ast", "oc", "sc", "fur", "co", "ia", "ln", "ak",
    "ny", "om", "ug", "sd", "bo", "dz", "ba", "ce", "cv", "haw", "to",
    # Thai ("16 ส.ค. 2569": a Thai register's long date, its year the Buddhist era's, `dates.buddhist_era`)
    "th",
)  # fmt: skip
ENGLISH_MONTHS: Final[tuple[str, ...]] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
#: words a long date writes between its parts, dropped with a foreign month name: Spanish and
#: Portuguese "de"/"del", Danish "den", Polish "r."/"roku", Russian "г."/"года", French "le" and "1er",
#: Spanish and Portuguese ordinal "1º"
DATE_FILLER_WORDS: Final[frozenset[str]] = frozenset({
    "de", "del", "den", "r", "roku", "г", "года", "le", "er", "º", "o",
})  # fmt: skip


@cache
def _word_rx() -> re.Pattern[str]:
    """A word (letters and the marks set on them: accents, Thai and Indic vowel signs; "quarta-feira" hyphenated,
    Thai "ส.ค." abbreviated with dots inside) and a dot after it ("márc."); made once, on first use."""
    marks = [c for c in range(0x300, 0x10000) if unicodedata.category(chr(c)) in ("Mn", "Mc")]
    ranges, start = [], marks[0]
    for prev, c in zip(marks, [*marks[1:], -1], strict=True):
        if c != prev + 1:
            ranges.append(f"\\u{start:04x}" + (f"-\\u{prev:04x}" if prev > start else ""))
            start = c
    letter = rf"(?:[^\W\d_]|[{''.join(ranges)}])"
    return re.compile(rf"({letter}+(?:[-.]{letter}+)*)(\.?)")


def _cldr_names(locale: str, key: str, widths: tuple[str, ...]) -> list[tuple[int, str]]:
    """(number, name) of one locale's own CLDR months or days ("months", "days") of the given widths,
    format and stand-alone (what a locale inherits is its parent's, listed in `MONTH_LOCALES` itself)."""
    out: list[tuple[int, str]] = []
    for context in own_locale_data(locale).get(key, {}).values():
        for width, names in context.items():
            if width in widths and isinstance(names, dict):  # an alias to another width is read there
                out += [(n if isinstance(n, int) else -1, str(v)) for n, v in names.items()]
    return out


@cache
def _month_readings() -> dict[str, frozenset[int]]:
    """Every month word of `MONTH_LOCALES` (as written casefolded, and `fold`ed) -> the months it names."""
    seen: dict[str, set[int]] = {}
    for locale in MONTH_LOCALES:
        for month, name in _cldr_names(locale, "months", ("wide", "abbreviated")):
            word = name.strip(".").strip()
            for key in {word.casefold(), fold(word)} - {""}:
                seen.setdefault(key, set()).add(month)
    return {k: frozenset(v) for k, v in seen.items()}


@cache
def month_words() -> dict[str, int]:
    """Every foreign month word of `MONTH_LOCALES` -> month 1..12, the ambiguous ones left out."""
    return {k: next(iter(v)) for k, v in _month_readings().items() if len(v) == 1}


def ambiguous_month_words() -> frozenset[str]:
    """Words that name different months in two of `MONTH_LOCALES` (none: a language that brings one
    needs a decision, such as reading a column in the one language all its values agree on)."""
    return frozenset(k for k, v in _month_readings().items() if len(v) > 1)


@cache
def _weekday_words() -> frozenset[str]:
    """The wide weekday names of `MONTH_LOCALES` ("Mittwoch", "mercredi"), casefolded and folded."""
    words = {name for locale in MONTH_LOCALES for _, name in _cldr_names(locale, "days", ("wide",))}
    return frozenset({w.casefold() for w in words} | {fold(w) for w in words})


@cache
def _translations() -> dict[str, str]:
    """Word (casefolded or folded) -> what replaces it: an English month name, or "" (dropped)."""
    out = dict.fromkeys(DATE_FILLER_WORDS | _weekday_words(), "")
    out.update({k: ENGLISH_MONTHS[m - 1] for k, m in month_words().items()})
    return out


@lru_cache(maxsize=65536)
def english_month_names(text: str) -> str | None:
    """`text` with its foreign month name as the English one and the filler and weekday words dropped
    ("6. März 2024" -> "6. March 2024", "6 de marzo de 2024" -> "6 March 2024"); None when it names no
    foreign month (nothing to translate)."""
    table = _translations()
    months = month_words()
    found = False

    def swap(m: re.Match[str]) -> str:
        nonlocal found
        word = m[1].casefold()
        key = word if word in table else fold(word)
        if key not in table:
            return m[0]
        found = found or key in months
        english = table[key]
        return english + (" " if m[2] else "") if english else " "

    out = _word_rx().sub(swap, text)
    return out if found else None
