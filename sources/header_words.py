"""Header text to English vocabulary words, the way a person reads a header at a glance.

"SoldToPartyName" -> sold to name, "bill_to_nm" -> bill to name, "Mfr P/N" -> manufacturer part
number, "Inv.Dt" -> invoice date, "Rechnungsdatum" -> invoice date, "N° de série" -> number serial.
Steps: accents folded, "(s)", single-letter slash pairs ("S/N", "P/N") and dotted initials ("C.P.") joined, CamelCase,
snake_case, dots and symbols split; then each word is kept (vocabulary word), translated (German,
French, Spanish, Dutch ...), expanded (abbreviation table), singularised, split as a compound
("kundennr", "enduser"), read as a unique abbreviation of a vocabulary word ("cntrct"), or
corrected when one typo away from one ("serail"). A Greek or Cyrillic word is read by the longest
stem it starts with ("τιμολογίου" -> invoice); a run of Chinese or Japanese characters is segmented
into known words ("請求書番号" -> invoice number). Each word remembers how it was read.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from sources.currency import iso_codes
from sources.vocabulary import (
    ABBREVIATIONS,
    ACRONYMS,
    ADDRESS_KINDS,
    FIELD_PHRASES,
    MODIFIERS,
    OTHER_CONCEPTS,
    ROLES,
    SAME_AS,
    STOPWORDS,
    TAX_WORDS,
    UNITS,
    expand_phrases,
)
from sources.vocabulary_far import PHRASES_FAR
from sources.vocabulary_intl import CJK_WORDS, FOREIGN, SAP, STEMS
from sources.vocabulary_world import PHRASES, SOUTH_SLAVIC

#: how a word was read, from most to least certain
WORD, FOREIGN_WORD, ABBREVIATION, GUESSED, TYPO = "word", "foreign", "abbreviation", "guessed", "typo"

_PLURAL = re.compile(r"\((?:s|es|en|n)\)", re.IGNORECASE)
_LETTER_PAIR = re.compile(r"(?<![A-Za-z])([A-Za-z])\s*/\s*([A-Za-z])(?![A-Za-z])")
#: initials written with dots ("C.P.", "N.P.A.", "P.U."): one word, as "CP" is
#: dotted initials of any alphabet ("P.O.", Greek "Τ.Κ." for the postal code), read as one word
_INITIALS = re.compile(r"(?<![^\W\d_])(?<!\.)(?:[^\W\d_]\.){1,3}[^\W\d_](?![^\W\d_])\.?")
_TO_DIGIT = re.compile(r"(?i)\b(ship|bill|sold|deliver)\s*2(?=[\sA-Z_]|$)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
#: letters of every script are kept ("Номер счета" is two words), and so are the vowel signs and marks of
#: Thai, the Indic scripts, Hebrew and Arabic, which are no letters to `\w` ("วันที่" is one word)
_NON_WORD = re.compile(
    r"(?:[^\w\u0591-\u05c7\u064b-\u065f\u0670\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]|_)+")
#: "e-mail" and its Nordic, Baltic, Slavic and Turkish names ("E-post", "E-postadresse", "E-pasts", "E-pošta")
_EMAIL = re.compile(r"(?i)(?<![a-z])e[\s-]?(?:mail|post(?:a|i|e|adress|adresse)?(?![a-z])|pasts(?![a-z]))")
MAX_HEADER_CHARS = 60  # a longer cell is a value or a title, not a header
_SHORT_SEGMENTS = frozenset({"to", "id", "nr", "no", "kd", "rg", "re", "art", "or", "of", "and"})
_LINKS = ("", "s", "n", "en", "e", "es")


#: accented words whose folded spelling is another word ("facturé" is not "facture", an invoice)
_ACCENTED_WORDS = {"client facturé": "bill to", "client livré": "ship to", "facturé": "bill to", "facturée": "bill to",
                   "livré": "ship to", "livrée": "ship to",
                   # Swedish and Norwegian "vår" (our) is no VAR (a reseller): "Vår referens" is the seller's
                   # contact on an invoice, its sales rep
                   "vår referens": "sales rep", "vår referanse": "sales rep", "vår ref": "sales rep",
                   "vår kontakt": "sales rep", "vår säljare": "sales rep", "vår": "our",
                   # Portuguese "razão social": a company's registered name ("Cliente (Razão Social)": the client's)
                   "razão social": "name"}
_ACCENTED_RX = re.compile(r"(?i)\b(" + "|".join(sorted(_ACCENTED_WORDS, key=len, reverse=True)) + r")\b")
#: abbreviations the splitting would break, read as one word: German "MwSt" and "USt" (VAT: CamelCase made
#: "Mw St", a state), "USt-IdNr." (its VAT ID), Italian "Q.tà" (quantità) and "P.IVA" (partita IVA, a tax id);
#: and a word another language's abbreviation would take ("Celkem bez DPH", "Wartość bez VAT")
_ONE_WORD = (
    (re.compile(r"(?i)(?<![a-z])mw\.?\s?st(?![a-z])"), "mwst"),
    (re.compile(r"(?i)(?<![a-z])ust(?=id|[^a-z]|$)"), "ust"),
    (re.compile(r"(?i)(?<![a-z])q\.\s?ta(?![a-z])"), "qta"),
    (re.compile(r"(?i)(?<![a-z])p\.\s?iva(?![a-z])"), "piva"),
    # Czech, Slovak and Polish "bez" (without) before a tax's name is no German "Bez." (Bezeichnung): excl.
    (re.compile(r"(?i)(?<![a-z])bez(?=\s+(?:dph|vat|ddv|pdv|dds)(?![a-z]))"), "excl"),
)
#: "with" / "after" and "without" / "before" in front of a tax's name ("Amount with VAT", "Upphæð án VSK", "Сума
#: без ПДВ", "Total sin IVA", "Betrag vor Steuern"): the value includes or excludes the tax, read as "incl" or
#: "excl", which `sources.headers` weighs. Matched as written, accents kept: Icelandic "án" (without) is not
#: Irish "an" (the), and a word means this only before a tax's name.
_TAX_EXCLUDED_BEFORE = (
    "without", "before", "ohne", "vor", "sans", "avant", "sin", "antes", "senza", "prima", "sem", "zonder", "voor",
    "uden", "utan", "uten", "før", "före", "án", "ilman", "bez", "без", "до", "przed", "před", "pred", "fără", "fara",
    "înainte", "pa", "χωρίς", "πριν", "ללא", "بدون", "قبل", "tanpa", "sebelum", "chưa", "trước", "hors", "ekskl",
)
_TAX_INCLUDED_BEFORE = (
    "with", "after", "mit", "nach", "avec", "après", "con", "después", "dopo", "com", "após", "met", "na", "med",
    "með", "efter", "etter", "me", "cu", "după", "со", "с", "з", "после", "po", "s", "z", "ar", "su", "koos", "με",
    "μετά", "مع", "بعد", "dengan", "setelah", "có", "sau", "sis",
)
_TAX_SIDE_RX = re.compile(
    r"(?i)(?<!\w)(" + "|".join(map(re.escape, sorted(_TAX_EXCLUDED_BEFORE + _TAX_INCLUDED_BEFORE, key=len,
                                                      reverse=True))) + r")\.?\s+(?=(\w+))")
_EXCLUDED_BEFORE = frozenset(_TAX_EXCLUDED_BEFORE)


def _tax_side(text: str) -> str:
    """`text` with a "with" or "without" before a tax's name written as "incl" or "excl"."""
    def side(m: re.Match[str]) -> str:
        if not {w.text for w in read_word(_fold(m.group(2)).lower())} & TAX_WORDS:
            return m.group(0)
        return (" excl " if m.group(1).lower() in _EXCLUDED_BEFORE else " incl ")
    return _TAX_SIDE_RX.sub(side, text) if " " in text else text


#: letters NFKD does not decompose ("Właściciel", "Ø"), and ligatures
_LETTER_FOLDS = str.maketrans({"ß": "ss", "ẞ": "SS", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae",
                               "Æ": "AE", "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D", "ı": "i", "°": " ", "º": " ",
                               "ς": "σ",
                               # Persian "ی" and "ک", the Arabic final "ى", as the Arabic letters
                               "ی": "ي", "ک": "ك", "ى": "ي"})


def _fold(text: str) -> str:
    """Accents and ligatures folded to ASCII ("Numéro" -> "Numero", "Straße" -> "Strasse", "Ilość" -> "Ilosc");
    only the combining accents (U+0300-036F) go, so kana keep their voicing marks ("コード" is not "コート"). The
    zero-width joiner goes too: a rendering hint inside a word ("අනුක්‍රමික", a Sinhala conjunct), no break."""
    text = text.replace("\u200d", "")
    text = _ACCENTED_RX.sub(lambda m: f" {_ACCENTED_WORDS[m.group(1).lower()]} ", text).translate(_LETTER_FOLDS)
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not "\u0300" <= c <= "\u036f")
    return unicodedata.normalize("NFC", bare)  # "ト" and its voicing mark are one letter again


#: the phrases of `sources.vocabulary_world` (Vietnamese syllables, Indonesian pairs, Hebrew abbreviations),
#: longest first, as whole words of the folded header
#: keyed as the header is matched: folded
_PHRASES = {_fold(k).lower(): v for k, v in {**PHRASES_FAR, **PHRASES}.items()}
_PHRASE_RX = re.compile(r"(?i)(?<!\w)(" + "|".join(
    re.escape(k) for k in sorted(_PHRASES, key=len, reverse=True)) + r")(?!\w)")


def known_foreign_word(text: str) -> bool:
    """Whether `text` (one word as a file spells it, accents and all) is a word of a foreign header table."""
    folded = _fold(text).lower()
    return folded in FOREIGN or folded in _STEMS


def raw_words(text: str) -> list[str]:
    """Split a header into lower-case words (CamelCase, snake_case, dots, slashes, symbols)."""
    s = _PHRASE_RX.sub(lambda m: f" {_PHRASES[m.group(1).lower()]} ", _fold(_tax_side(text)))
    for rx, word in _ONE_WORD:
        s = rx.sub(f" {word} ", s)
    s = _EMAIL.sub(" email ", _PLURAL.sub("", s))
    s = _LETTER_PAIR.sub(lambda m: f" {m.group(1)}{m.group(2)} ", s)
    s = _INITIALS.sub(lambda m: f" {m.group(0).replace('.', '')} ", s)
    s = _TO_DIGIT.sub(lambda m: f"{m.group(1)} to ", s)
    s = s.replace("#", " number ").replace("%", " percent ").replace("&", " and ").replace("@", " at ")
    s = _CAMEL_WORD.sub(lambda m: m[0].lower() if m[0].lower() in _WHOLE_WORDS else m[0], s)
    s = _CAMEL.sub(" ", s)
    return [w for w in _NON_WORD.split(s.lower()) if w]


#: a word of five letters or more cut short with a full stop ("Auftragg.", "Bezeichn.": SAP's German column
#: headings, cut to fit)
_TRUNCATED = re.compile(r"(?<![^\W\d_])([^\W\d_]{5,})\.(?!\w)")


def _completed(cut: str) -> str:
    """The word a cut-short word begins ("Auftragg" -> "auftraggeber"), when every known word it begins means
    one thing; the cut as it is otherwise, or when it is a word itself."""
    word = _fold(cut).lower()
    if word in FOREIGN or word in ENGLISH:
        return cut
    keys, meanings = _prefix_index()
    first = at = bisect.bisect_left(keys, word)
    found = set()
    while at < len(keys) and keys[at].startswith(word):
        found.add(meanings[at])
        at += 1
    return keys[first] if len(found) == 1 else cut


@lru_cache(maxsize=1)
def _prefix_index() -> tuple[list[str], list[str]]:
    """Every known whole word (the foreign tables' and the English vocabulary's), sorted, with what each means."""
    meaning = {**{w: w for w in ENGLISH}, **FOREIGN}
    keys = sorted(meaning)
    return keys, [meaning[k] for k in keys]


#: a word in CamelCase ("FkArt", "VkOrg": SAP's column headings of FKART and VKORG), and the words such a
#: heading is read whole as rather than split ("Fk" "Art" would be an article)
_CAMEL_WORD = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:[A-Z][a-z]+)+(?![A-Za-z])")
_WHOLE_WORDS: frozenset[str] = frozenset(SAP)


def _lookup_words(text: str) -> list[str]:
    """`raw_words`, with a CRM lookup column's object word said once: "Partner Account: Account Name"
    names the partner account's name, as "Account: Account ID" names the account's id."""
    text = _TRUNCATED.sub(lambda m: _completed(m[1]), text)  # a file's header, not the vocabulary's own phrases
    record, colon, field = text.partition(":")
    left, right = raw_words(record), raw_words(field)
    if colon and left and right and right[0] == left[-1]:
        return left + right[1:]
    return raw_words(text)


def _english_words() -> frozenset[str]:
    words: set[str] = set()
    for field in FIELD_PHRASES:
        for phrase in expand_phrases(field):
            for w in raw_words(phrase):
                words.update(ABBREVIATIONS.get(w, w).split())
    words.update(w for table in (FOREIGN, STEMS, CJK_WORDS) for v in table.values() for w in v.split())
    words.update(w for v in ABBREVIATIONS.values() for w in v.split())
    return frozenset(w for w in words if len(w) > 1)


ENGLISH: frozenset[str] = _english_words()
#: words a compound may be built from
_PARTS: frozenset[str] = frozenset(
    w for w in ENGLISH | set(FOREIGN) | set(ABBREVIATIONS) | _SHORT_SEGMENTS if len(w) >= 3 or w in _SHORT_SEGMENTS
)
_TYPO_CHOICES: list[str] = sorted(w for w in ENGLISH | set(FOREIGN) if len(w) >= 5)
_GUESS_CHOICES: list[str] = sorted(w for w in ENGLISH if len(w) >= 4 and w not in MODIFIERS)


@dataclass(frozen=True)
class Word:
    """One vocabulary word of a header and how it was read."""

    text: str
    how: str


def _known(word: str) -> list[Word] | None:
    """A word read directly: vocabulary, foreign, abbreviation or plural of a vocabulary word."""
    if word in STOPWORDS:
        return []
    if word in SAME_AS:  # before the vocabulary: British "catalogue" is a word of it, read as "catalog"
        return [Word(SAME_AS[word], WORD)]
    if word in ENGLISH or word in MODIFIERS or word.isdigit():
        return [Word(word, WORD)]
    if word in ACRONYMS:
        return [Word(word, "unknown")]
    if word in FOREIGN:
        return [Word(w, FOREIGN_WORD) for w in FOREIGN[word].split()]
    if word in ABBREVIATIONS:
        return [Word(w, ABBREVIATION) for w in ABBREVIATIONS[word].split()]
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(cut) and len(word) > len(cut) + 2 and word[: -len(cut)] + add in ENGLISH:
            return [Word(word[: -len(cut)] + add, WORD)]
    return None


def _split_compound(word: str) -> list[str] | None:
    """Known parts that spell `word` (German/Dutch linking letters allowed between them): fewest
    parts first, then whole words over abbreviations, then fewest linking letters."""
    n = len(word)
    best: list[tuple[tuple[int, int, int], list[str]] | None] = [None] * (n + 1)
    best[0] = ((0, 0, 0), [])
    for end in range(2, n + 1):
        for start in range(end - 1):
            prev = best[start]
            if prev is None:
                continue
            for link in _LINKS if start else ("",):
                part = word[start + len(link):end]
                if not word.startswith(link, start) or part not in _PARTS:
                    continue
                (parts, abbrevs, links), seq = prev
                cost = (parts + 1, abbrevs + (part in ABBREVIATIONS and part not in ENGLISH), links + len(link))
                current = best[end]
                if current is None or cost < current[0]:
                    best[end] = (cost, seq + [part])
    found = best[n]
    return found[1] if found and len(found[1]) > 1 else None


def _is_subsequence(short: str, word: str) -> bool:
    it = iter(word)
    return all(c in it for c in short)


def _guess_abbreviation(word: str) -> str | None:
    """The one vocabulary word `word` abbreviates by dropping letters ("cntrct", "descr"), if unique."""
    if not (2 <= len(word) <= 5) or not word.isalpha():
        return None
    hits = {w for w in _GUESS_CHOICES if w[0] == word[0] and len(w) > len(word) and _is_subsequence(word, w)}
    return hits.pop() if len(hits) == 1 else None


def _correct_typo(word: str) -> str | None:
    """The vocabulary word one typo away (two for long words), sharing the first letter."""
    if len(word) < 6 or not word.isalpha():
        return None
    limit = 1 if len(word) < 9 else 2
    best = process.extractOne(word, _TYPO_CHOICES, scorer=DamerauLevenshtein.distance, score_cutoff=limit)
    if best is None or best[0][0] != word[0]:
        return None
    return best[0]


def _fold_key(word: str) -> str:
    """A table key folded as header words are (case, accents, final sigma)."""
    return _fold(word).lower()


_STEMS: dict[str, str] = {_fold_key(k): v for k, v in STEMS.items()}
_CJK_WORDS: dict[str, str] = {_fold_key(k): v for k, v in CJK_WORDS.items()}
_CJK_LONGEST = max(map(len, _CJK_WORDS))
#: kana, Han, Hangul, Thai, Lao, Burmese and Khmer: scripts whose headers are runs of words without spaces
_CJK = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
STEM_MIN = 4  # a shorter stem reads only its own word ("код", not "кодекс")
ENDING_MAX = 3  # letters an inflection adds to a stem ("τιμολογ" + "ίου")


def _as_words(english: str) -> list[Word]:
    return [Word(w, FOREIGN_WORD) for w in english.split()]


#: what Hebrew and Arabic write before a word ("ה" the, "ו" and, "ל" to; "ال" the, "بال" with the),
#: longest first: a word is read without one when it is no stem with it
_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل", "וה", "ה", "ו", "ב", "ל", "מ", "ש")
_PREFIXED = re.compile(r"^[\u05d0-\u05ea\u0621-\u064a]")  # a Hebrew or Arabic letter


#: Serbian Cyrillic letter by letter as the Latin alphabet it mirrors, folded ("шифра" -> "sifra", "место" ->
#: "mesto", "Поштански" -> "postanski"): Serbian, Montenegrin and Bosnian exports write either script, and the
#: Latin words are known (`sources.vocabulary_world`). A word with a letter Serbian lacks (ы, э, я, і, є ...) is
#: Russian, Ukrainian or Bulgarian and is not read so.
_SERBIAN_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "d", "е": "e", "ж": "z", "з": "z", "и": "i", "ј": "j",
    "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz", "ш": "s",
})
_SERBIAN_CYRILLIC_RX = re.compile(r"[абвгдђежзијклљмнњопрстћуфхцчџш]+")


def _read_serbian(word: str) -> list[Word] | None:
    """A Serbian Cyrillic word read by its Latin spelling - a word of the South Slavic table or of English, an
    ending of up to two letters aside ("партнера") - or None."""
    if not _SERBIAN_CYRILLIC_RX.fullmatch(word):
        return None
    latin = word.translate(_SERBIAN_LATIN)
    for stem in (latin, latin[:-1], latin[:-2]):
        if len(stem) < 4 and stem != latin:
            break
        if stem in SOUTH_SLAVIC:
            return [Word(w, FOREIGN_WORD) for w in SOUTH_SLAVIC[stem].split()]
        if stem in ENGLISH:
            return [Word(stem, FOREIGN_WORD)]
    return None


def _read_stem(word: str) -> list[Word] | None:
    """A Greek, Cyrillic, Hebrew or Arabic word by the longest stem it starts with, whatever its ending
    (Hebrew and Arabic also with a prefix aside), or None."""
    found = _stem_of(word)
    if found is None and _PREFIXED.match(word):
        found = next((f for f in (_stem_of(word[len(p):]) for p in _PREFIXES
                                  if word.startswith(p) and len(word) - len(p) >= 3) if f is not None), None)
    return None if found is None else _as_words(found)


def _stem_of(word: str) -> str | None:
    """The English of `word`'s longest stem (`STEM_MIN` letters or the whole word, `ENDING_MAX` letters
    of ending aside), or None."""
    if word in _STEMS:
        return _STEMS[word]
    for cut in range(1, ENDING_MAX + 1):
        stem = word[:-cut]
        if len(stem) >= STEM_MIN and stem in _STEMS:
            return _STEMS[stem]
    return None


def _segment_cjk(word: str) -> list[Word]:
    """A run of Chinese, Japanese or Korean characters as the fewest known words, fewest unknown characters
    first ("保守開始日" -> maintenance start date); characters no word covers stay, as unknown words."""
    n = len(word)
    # best[i]: (unknown characters, words) cost and the pieces spelling word[:i]
    best: list[tuple[tuple[int, int], list[tuple[str, str | None]]] | None] = [None] * (n + 1)
    best[0] = ((0, 0), [])
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        (unknown, parts), pieces = here
        pieces_here = [word[i:i + size] for size in range(1, min(_CJK_LONGEST, n - i) + 1)]
        for piece, english in ((p, _CJK_WORDS.get(p)) for p in pieces_here):
            if english is None and len(piece) > 1:
                continue
            cost = (unknown + (english is None), parts + 1)
            end = i + len(piece)
            current = best[end]
            if current is None or cost < current[0]:
                best[end] = (cost, pieces + [(piece, english)])
    out: list[Word] = []
    run = ""
    found = best[n]
    for piece, english in found[1] if found is not None else []:
        if english is None:
            run += piece
            continue
        if run:
            out.append(Word(run, "unknown"))
            run = ""
        out += _as_words(english)
    return out + ([Word(run, "unknown")] if run else [])


@lru_cache(maxsize=65536)
def read_word(word: str) -> tuple[Word, ...]:
    """One raw word as vocabulary words (empty for a stop word); unknown words are kept as is."""
    known = _known(word)
    if known is not None:
        return tuple(known)
    if not word.isascii():  # the Latin scripts are ASCII once folded
        scripted = _read_other_script(word)
        if scripted is not None:
            return scripted
    if len(word) >= 5:
        parts = _split_compound(word)
        if parts is not None:
            out: list[Word] = []
            for part in parts:
                known = _known(part)
                out += [Word(part, WORD)] if known is None else known
            return tuple(out)
    if word in OTHER_CONCEPTS:  # a whole English word of another concept: "deal" is no "dealer"
        return (Word(word, "unknown"),)
    guess = _guess_abbreviation(word)
    if guess is not None:
        return (Word(guess, GUESSED),)
    fixed = _correct_typo(word)
    if fixed is not None:
        return tuple(Word(w.text, TYPO) for w in read_word(fixed)) or (Word(fixed, TYPO),)
    head = _compound_head(word)
    if head is not None:
        return head
    return (Word(word, "unknown"),)


def _read_other_script(word: str) -> tuple[Word, ...] | None:
    """A word of a script other than Latin: CJK runs segmented, stems of inflected words, Serbian Cyrillic."""
    if _CJK.search(word):
        return tuple(_segment_cjk(word))
    stemmed = _read_stem(word)
    if stemmed is not None:
        return tuple(stemmed)
    serbian = _read_serbian(word)
    return None if serbian is None else tuple(serbian)


#: the shortest head word and modifier a compound is read by (`_compound_head`), and the shorter heads German
#: builds with ("Beziehungstyp", "Kontotyp"): three-letter words of the other tables end too many words by chance
HEAD_MIN, MODIFIER_MIN = 4, 4
_SHORT_HEADS = frozenset({"typ"})


def _compound_head(word: str) -> tuple[Word, ...] | None:
    """A glued compound whose last part is a known foreign word and whose first part is not ("Haupttelefon",
    "Firmentelefon", "Beziehungstyp"): read as its head, after an unknown modifier, as German, Dutch and the Nordic
    languages build words (the head names the kind of thing: a "...telefon" is a telephone)."""
    if not word.isascii() or not word.isalpha() or len(word) < HEAD_MIN + MODIFIER_MIN:
        return None
    for at in range(MODIFIER_MIN, len(word) - 2):
        head = word[at:]
        if head in FOREIGN and (len(head) >= HEAD_MIN or head in _SHORT_HEADS):
            return (Word(word[:at], "unknown"), *_as_words(FOREIGN[head]))
    return None


def _role_units() -> dict[tuple[str, ...], str]:
    """Multi-word party names ("end user", "ship to") read as one unit, so "End User" is not
    half of "end user id" but a whole party name; and the vocabulary's word pairs ("paid until")."""
    units: dict[tuple[str, ...], str] = {}
    for words in (*ROLES.values(), UNITS):
        for phrase in words:
            seq = tuple(w.text for raw in raw_words(phrase) for w in read_word(raw))
            if len(seq) > 1:
                units[seq] = " ".join(seq)
    return units


_UNITS = _role_units()
_UNIT_LENGTHS = sorted({len(k) for k in _UNITS}, reverse=True)


@lru_cache(maxsize=65536)
def header_words(text: str) -> tuple[Word, ...]:
    """A header as vocabulary words, each once, in order (empty for a blank or over-long cell)."""
    if not text or len(text) > MAX_HEADER_CHARS:
        return ()
    raws = _lookup_words(text)
    seq = [w for i, raw in enumerate(raws) if not _names_address_kind(raws, i) for w in read_word(raw)]
    out: dict[str, Word] = {}
    i = 0
    while i < len(seq):
        for n in _UNIT_LENGTHS:
            unit = _UNITS.get(tuple(w.text for w in seq[i:i + n]))
            if unit is not None:
                worst = max(seq[i:i + n], key=lambda w: _RANK.get(w.how, 0))
                out.setdefault(unit, Word(unit, worst.how))
                i += n
                break
        else:
            out.setdefault(seq[i].text, seq[i])
            i += 1
    words = list(out)
    at = words.index("address") if "address" in words else 0
    if at and words[at - 1] in _POSTAL_WORDS:  # "Postal Address", Norwegian "Postadresse": an address to post to
        del out[words[at - 1]]
    if "address" in out and out.keys() & _ADDRESS_PARTS:  # "Address City": the address's city
        del out["address"]
    if not out.keys() & _MONEY_WORDS and (any(unicodedata.category(c) == "Sc" for c in text)
                                          or _ends_with_currency(text)):
        # a currency sign, code or symbol where no word says which money: "$$", "€", "Renewal $", "Renewal (NOK)",
        # Norwegian "Fornyelse kr" are the amount
        out["amount"] = Word("amount", ABBREVIATION)
    return tuple(out.values())


#: a last word, or a bracketed one, that may be a currency's code or symbol ("Renewal (NOK)", "Fornyelse kr")
_LAST_TOKEN = re.compile(r"(?:\(\s*([^()\s]{1,5})\s*\)|(?<=\s)([^\s()\d¹²³⁴⁵⁶⁷⁸⁹⁰*]{1,5}))[\s\d¹²³⁴⁵⁶⁷⁸⁹⁰*]*$")


#: currencies headers write as a word of letters, not a sign ("Fornyelse kr", "Cena zł", "Betrag Ft"): matched
#: here, so that reading a header never loads every locale's symbols (50 MiB, before a file's first row is parsed)
_CURRENCY_WORDS = frozenset({"kr", "kn", "zł", "zl", "kč", "kc", "ft", "lei", "лв", "rs", "rp", "rm", "tl", "din",
                             "ден", "sfr", "chf", "₹", "rs.", "kes", "ksh"})


def _ends_with_currency(text: str) -> bool:
    """Whether a header ends with a currency's ISO code (in capitals) or a currency written as a word, bracketed or
    after a space, as a renewal list's "Renewal (NOK)" or "Fornyelse kr²" does ("ALL" is a word)."""
    m = _LAST_TOKEN.search(text.strip())
    if m is None:
        return False
    token = (m.group(1) or m.group(2)).rstrip(".")
    if token.upper() == "ALL":
        return False
    if token.isascii() and token.isalpha() and len(token) == 3 and token.isupper():
        return token in iso_codes()
    return token.lower() in _CURRENCY_WORDS


#: words that already say which money a header holds ("Price (€)", "Value $", "Cost £")
_MONEY_WORDS = frozenset({"amount", "price", "value", "cost", "total", "subtotal", "fee", "revenue", "sum",
                          "margin", "discount", "tax", "vat", "gst", "currency", "rate", "budget",
                          "mrr", "arr", "acv", "tcv", "split", "percent"})


#: words that say an address is for the post, not which part of it a column holds
_POSTAL_WORDS = frozenset({"postal", "post", "mailing"})
_ADDRESS_PARTS = frozenset({"city", "state", "province", "postal", "zip", "postcode", "country",
                            "region", "county", "town", "street"})


def _names_address_kind(raws: list[str], i: int) -> bool:
    """Whether raw word `i` names which address the next word belongs to ("PO" in "POAddressLine1")."""
    if raws[i] not in ADDRESS_KINDS or i + 1 >= len(raws):
        return False
    return any(w.text in _ADDRESS_PARTS | {"address"} for w in read_word(raws[i + 1]))


_RANK = {WORD: 0, FOREIGN_WORD: 1, ABBREVIATION: 2, GUESSED: 3, TYPO: 4}
