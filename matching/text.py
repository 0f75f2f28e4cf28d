"""Vectorised text helpers shared by every normaliser: unique-value mapping, folding, token maps.

Source columns repeat the same strings many times (a distributor report names one customer on
hundreds of lines), so every normaliser works on the distinct values only and broadcasts the
result back. Distinct values are held as Arrow-backed strings and every regex here is written for
RE2 (no look-arounds, no backreferences in patterns, explicit ASCII classes instead of \\s or \\w),
so pandas runs it inside pyarrow.compute rather than falling back to Python's `re` per value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from anyascii import anyascii

#: Unicode combining diacritical marks (what NFKD splits off accented letters)
COMBINING_MARKS = "[" + chr(0x300) + "-" + chr(0x36F) + "]"
#: every ASCII punctuation or symbol character
ASCII_PUNCTUATION = r"[!-/:-@\[-`{-~]"
#: every Unicode punctuation mark or symbol ("«»", "「」", "・" as well as ASCII's): RE2 only, so
#: applied with `replace_regex` (pyarrow), never Python's `re`
PUNCTUATION = r"[\p{P}\p{S}]"
#: ASCII whitespace (RE2's \s differs from Python's, so pandas would fall back to `re`)
SPACE = r"[ \t\r\n\f\v]"
#: invisible format characters that creep into pasted names: soft hyphen, zero-width spaces and
#: joiners, direction marks and overrides, word joiners, byte order marks
_FORMAT_RANGES = ((0xAD, 0xAD), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0xFEFF, 0xFEFF))
FORMAT_CHARACTERS = "[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _FORMAT_RANGES) + "]"
#: lower-case Latin letters NFKD does not decompose, with the letters they are written as in
#: plain ASCII ("Łuków" / "Lukow", "Mærsk" / "Maersk", "Straße" / "Strasse", "Yıldız" / "Yildiz")
LATIN_LETTER_FOLDS: dict[str, str] = {
    "ł": "l", "ŀ": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ø": "o", "œ": "oe", "æ": "ae",
    "ß": "ss", "þ": "th", "ŧ": "t", "ĸ": "k",
}  # fmt: skip


def _text_dtype() -> pd.StringDtype:
    """Arrow-backed strings whose missing value is NaN: pandas 3's default "str" dtype.

    Spelled out because on pandas 2.x `astype("str")` means numpy `str` and turns a missing
    value into the text "None" (every absent street would then agree with every other);
    pandas 2.2 names the same dtype "pyarrow_numpy", 2.3 and 3.x take `na_value`.
    """
    try:
        return pd.StringDtype("pyarrow", na_value=np.nan)  # type: ignore[call-arg, unused-ignore]
    except TypeError:  # pandas < 2.3
        return pd.StringDtype("pyarrow_numpy")  # type: ignore[arg-type, unused-ignore]


#: the dtype of every text Series in matching: nulls stay nulls on pandas 2.x and 3.x alike
TEXT_DTYPE: pd.StringDtype = _text_dtype()


def as_strings(values: pd.Series) -> pd.Series:
    """`values` as TEXT_DTYPE strings with nulls kept null (never the text "None" or "nan")."""
    obj = values.astype(object)
    return obj.where(obj.notna(), None).astype(TEXT_DTYPE)


def on_unique(values: pd.Series, transform: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Apply a vectorised `transform` to the distinct non-null values of `values` only.

    Returns an object Series aligned with `values` (same index); nulls stay None. `transform`
    receives the distinct values as an Arrow-backed string Series indexed 0..k-1 and must return
    a Series of the same length (nulls allowed).
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if len(uniques) == 0:
        return pd.Series([None] * len(values), index=values.index, dtype=object)
    distinct = pd.Series(np.asarray(uniques, dtype=object).astype(str), dtype=TEXT_DTYPE)
    out = transform(distinct).astype(object)
    result = np.asarray(out.where(out.notna(), None), dtype=object)
    taken = np.where(codes >= 0, result[np.maximum(codes, 0)], None)
    return pd.Series(taken, index=values.index, dtype=object)


def on_unique_frame(
    values: pd.Series, transform: Callable[[pd.Series], pd.DataFrame]
) -> pd.DataFrame:
    """Like `on_unique`, for a transform returning several columns (object columns, nulls None).

    A null input row gets nulls in every column.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    distinct = pd.Series(np.asarray(uniques, dtype=object).astype(str), dtype=TEXT_DTYPE)
    out = transform(distinct)
    columns: dict[str, np.ndarray] = {}
    for col in out.columns:
        arr = np.asarray(out[col].astype(object).where(out[col].notna(), None), dtype=object)
        taken: np.ndarray = arr[np.maximum(codes, 0)] if len(arr) else np.full(len(codes), None)
        columns[col] = np.where(codes >= 0, taken, np.full(len(codes), None, dtype=object))
    return pd.DataFrame(columns, index=values.index, columns=out.columns, dtype=object)


def as_text(values: pd.Series) -> pd.Series:
    """Cells as stripped strings (numbers that went through a float lose ".0"); blanks -> None."""
    if isinstance(values.dtype, pd.StringDtype):  # factorized as they are: no Python string per cell
        s = values
    else:
        s = values.astype(object)
        s = s.where(s.notna(), None)
    return on_unique(
        s, lambda u: blank_to_null(u.str.strip().str.replace(r"^(-?[0-9]+)\.0$", r"\1", regex=True))
    )


def blank_to_null(values: pd.Series) -> pd.Series:
    """Empty strings become null."""
    return values.where(values.str.len() > 0)


def fold_ascii(values: pd.Series) -> pd.Series:
    """Distinct string values lower-cased, accents stripped (NFKD, combining marks removed),
    invisible format characters removed, the Latin letters without a decomposition folded
    (`LATIN_LETTER_FOLDS`) and Greek's final sigma written as any other (an upper-case export has
    none); letters of other scripts are kept as they are."""
    out = values.astype(TEXT_DTYPE).str.lower()
    arr = pa.array(out.astype(object).where(out.notna(), None), type=pa.string())
    beyond = np.asarray(pc.invert(pc.string_is_ascii(arr)).fill_null(False), dtype=bool)
    if beyond.any():  # only values beyond ASCII have accents, folds or format characters (`fold_text`)
        out[beyond] = out[beyond].astype(object).map(fold_text).astype(TEXT_DTYPE)
    return out


def fold_text(text: str) -> str:
    """One value lower-cased and folded as `fold_ascii` says; NFKD and NFC through Python's
    unicodedata (pyarrow 16's utf8_normalize leaves Hangul decomposed)."""
    bare = re.sub(COMBINING_MARKS, "", unicodedata.normalize("NFKD", text)).lower()  # kana keep their marks
    bare = re.sub(FORMAT_CHARACTERS, "", bare).replace("ς", "σ")  # Greek final sigma: upper case has none
    bare = _INNER_DOT.sub("", bare)  # Catalan's "l·l" is one word ("instal·lacions"), not two
    return unicodedata.normalize("NFC", "".join(_latin_fold(c) for c in bare))


#: a middle dot between two letters (Catalan's "ela geminada": "Instal·lacions", "Col·legi")
_INNER_DOT = re.compile(r"(?<=[^\W\d_])[\u00b7\u2027\u0387](?=[^\W\d_])")


@lru_cache(maxsize=4096)
def _latin_fold(c: str) -> str:
    """A digit of any script as its ASCII digit ("٣" -> "3"); a Latin letter with no decomposition in plain
    letters ("ł" -> "l", Azerbaijani "ə" -> "e", as anyascii spells it); a modifier letter ("ʻ" of Uzbek "oʻ",
    "ʼ") dropped, as an apostrophe is; anything else as it is."""
    if c.isdigit() and not c.isascii() and unicodedata.decimal(c, None) is not None:
        return str(unicodedata.decimal(c))
    if c in LATIN_LETTER_FOLDS:
        return LATIN_LETTER_FOLDS[c]
    if c.isascii():
        return c
    if "\u02b0" <= c <= "\u02ff":
        return ""
    if unicodedata.name(c, "").startswith("LATIN ") and unicodedata.category(c).startswith("L"):
        return anyascii(c).lower()
    return c


#: letters of the alphabets whose Latin spelling is systematic enough to meet a name written in
#: Latin letters by another source: Greek (and its extended block), Cyrillic ("Гидропривод" in a
#: Russian export is "Gidroprivod" in an English one), Armenian and Georgian. Ideographs, kana,
#: Hangul and abjads are kept: their Latin spellings follow readings and trade names, not letters.
_LATIN_SPELLED = (r"[\x{0370}-\x{03FF}\x{1F00}-\x{1FFF}\x{0400}-\x{052F}\x{0530}-\x{058F}\x{10A0}-\x{10FF}"
                  r"\x{1C90}-\x{1CBF}\x{2D00}-\x{2D2F}"
                  r"\x{0900}-\x{0DFF}\x{0E00}-\x{0EFF}\x{1000}-\x{109F}\x{1200}-\x{139F}\x{1780}-\x{17FF}]")


_NO_MARKS = re.compile("['`]")
#: Armenian letter pairs read as one sound ("ու" is u, "եւ" - the ligature "և" folded - is ev), which anyascii
#: spells letter by letter ("ow", "ew")
_ARMENIAN_PAIRS = {"ու": "u", "եւ": "ev"}


#: Thai and Lao vowels written before the consonant they follow in speech ("แสง" is "saeng"), which anyascii
#: spells in the order written ("esng"): moved after it first
_PREPOSED_VOWEL = re.compile("([\u0e40-\u0e44\u0ec0-\u0ec4])([\u0e01-\u0e2e\u0e81-\u0eae])")


#: the Brahmic scripts of India and its neighbours (Devanagari to Sinhala), whose consonants carry an "a" of their
#: own unless a vowel sign or a virama follows, which anyascii leaves out ("गणपति" is "gnpti" there, "Ganapati"
#: as the company writes itself); and those of them that drop it at a word's end ("शर्मा", "कंस्ट्रक्शन")
_BRAHMIC = re.compile("[\u0900-\u0dff]")
_FINAL_SCHWA = ((0x0900, 0x0A7F), (0x0A80, 0x0AFF))  # Devanagari, Bengali, Gurmukhi; Gujarati


@lru_cache(maxsize=4096)
def _brahmic_role(c: str) -> str:
    """"consonant", "sign" (a vowel sign or virama: no inherent vowel before it), "nukta", "nasal" (anusvara: the
    nasal of the consonant after it) or "other"."""
    name = unicodedata.name(c, "")
    if "VOWEL SIGN" in name or "VIRAMA" in name or "AL-LAKUNA" in name:  # Sinhala's virama
        return "sign"
    if "NUKTA" in name:
        return "nukta"
    if "ANUSVARA" in name or "TIPPI" in name:
        return "nasal"
    spelled = anyascii(c).lower()
    if unicodedata.category(c) == "Lo" and " LETTER " in name and spelled.isalpha() and not set(spelled) & set("aeiou"):
        return "consonant"
    return "other"


def _inherent_vowels(value: str) -> str:
    """`value` with the "a" its Brahmic consonants carry written out as a Latin "a" (anyascii keeps it)."""
    out: list[str] = []
    n = len(value)
    for k, c in enumerate(value):
        role = _brahmic_role(c)
        if role == "nasal":  # "m" before p, b and m, "n" elsewhere ("इंडस्ट्रीज़" is "industries")
            after = anyascii(value[k + 1]).lower() if k + 1 < n else ""
            out.append("m" if after[:1] in ("p", "b", "m") else "n")
            continue
        out.append(c)
        if role != "consonant":
            continue
        nxt = k + 1
        while nxt < n and _brahmic_role(value[nxt]) == "nukta":
            nxt += 1
        if nxt < n and _brahmic_role(value[nxt]) == "sign":
            continue
        at_end = nxt >= n or not (value[nxt].isalpha() or unicodedata.category(value[nxt]).startswith("M"))
        if at_end and any(a <= ord(c) <= b for a, b in _FINAL_SCHWA):
            continue
        out.append("a")
    return "".join(out)


def _in_latin(value: str) -> str:
    for pair, sound in _ARMENIAN_PAIRS.items():
        value = value.replace(pair, sound)
    if _BRAHMIC.search(value):
        value = _inherent_vowels(value)
    value = _PREPOSED_VOWEL.sub(r"\2\1", value)
    return _NO_MARKS.sub("", anyascii(value).lower())


def spell_in_latin(values: pd.Series) -> pd.Series:
    """Greek, Cyrillic, Armenian and Georgian letters of distinct folded values written in lower-case Latin
    letters (anyascii: "ромашка" -> "romashka", "θεσσαλιασ" -> "thessalias", "երևան" -> "erevan"), without the
    apostrophes anyascii writes for a soft sign or an ejective ("ильич" is "ilich", as in an English export);
    other text as it is."""
    out = values.astype(TEXT_DTYPE)
    arr = pa.array(out.astype(object).where(out.notna(), None), type=pa.string())
    spelled = np.asarray(pc.match_substring_regex(arr, _LATIN_SPELLED).fill_null(False), dtype=bool)
    if spelled.any():
        out[spelled] = out[spelled].astype(object).map(_in_latin).astype(TEXT_DTYPE)
    return out


def squash_spaces(values: pd.Series) -> pd.Series:
    """Collapse runs of whitespace to one space and strip the ends; empty strings become null."""
    return blank_to_null(values.str.replace(SPACE + "+", " ", regex=True).str.strip())


def map_tokens(
    values: pd.Series, mapping: Mapping[str, str], drop: frozenset[str] = frozenset()
) -> pd.Series:
    """Replace whole space-separated tokens through `mapping` and remove tokens in `drop`.

    Runs in pyarrow.compute on the flattened token array (split, look up, filter, re-join). A
    value whose tokens would all be dropped keeps its mapped tokens instead of becoming empty.
    """
    arr = pa.array(values.astype(object).where(values.notna(), None), type=pa.string())
    lists = pc.split_pattern(arr, " ")
    flat = pc.list_flatten(lists)
    parents = np.asarray(pc.list_parent_indices(lists))
    if mapping:
        keys = pa.array(list(mapping.keys()), type=pa.string())
        targets = pa.array(list(mapping.values()), type=pa.string())
        idx = pc.index_in(flat, value_set=keys)
        flat = pc.if_else(pc.is_valid(idx), pc.take(targets, idx), flat)
    nonempty = np.asarray(pc.not_equal(flat, "")).astype(bool)
    keep = nonempty.copy()
    if drop:
        keep &= ~np.asarray(pc.is_in(flat, value_set=pa.array(sorted(drop)))).astype(bool)
    n = len(arr)
    kept_per_row = np.bincount(parents[keep], minlength=n)
    all_dropped = (kept_per_row == 0) & (np.bincount(parents[nonempty], minlength=n) > 0)
    keep |= nonempty & all_dropped[parents]
    counts = np.bincount(parents[keep], minlength=n)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    rebuilt = pa.ListArray.from_arrays(pa.array(offsets), flat.filter(pa.array(keep)))
    joined = pc.binary_join(rebuilt, " ")
    out = pd.Series(joined.to_numpy(zero_copy_only=False), index=values.index, dtype=object)
    out = out.astype(TEXT_DTYPE)
    out = out.where(pd.Series(np.asarray(arr.is_valid()), index=values.index) & (counts > 0))
    return out


def is_in(values: pd.Series, value_set: pa.Array) -> np.ndarray:
    """Boolean mask: each value is one of `value_set` (pyarrow; nulls are never in it)."""
    arr = pa.array(values.astype(object).where(values.notna(), None), type=pa.string())
    found = pc.is_in(arr, value_set=value_set)
    return np.asarray(found.fill_null(False), dtype=bool)


def string_set(values: Iterable[str]) -> pa.Array:
    """An Arrow value set for `is_in` (sorted, so equal sets give equal arrays)."""
    return pa.array(sorted(set(values)), type=pa.string())


def matches_regex(values: pd.Series, pattern: str) -> np.ndarray:
    """Boolean mask: the value matches the RE2 `pattern` somewhere (pyarrow; nulls never do).
    pandas 2's `str.contains` compiles the pattern with Python's `re` first, which has no `\\p{L}`."""
    arr = pa.array(values.astype(object).where(values.notna(), None), type=pa.string())
    return np.asarray(pc.match_substring_regex(arr, pattern).fill_null(False), dtype=bool)


def replace_regex(values: pd.Series, pattern: str, replacement: str) -> pd.Series:
    """Every match of an RE2 `pattern` replaced (pyarrow directly: a long generated pattern is
    not re-parsed by pandas on every call). TEXT_DTYPE, index kept, nulls stay null."""
    arr = pa.array(values.astype(object).where(values.notna(), None), type=pa.string())
    out = pc.replace_substring_regex(arr, pattern=pattern, replacement=replacement)
    return pd.Series(out.to_numpy(zero_copy_only=False), index=values.index, dtype=object).astype(
        TEXT_DTYPE
    )


def extract(values: pd.Series, pattern: str) -> pd.DataFrame:
    """Named groups of an RE2 `pattern` matched against `values` (pyarrow, no Python fallback).

    Columns are the group names; a value that does not match, or a group that took no part in
    the match, gives null.
    """
    arr = pa.array(values.astype(object).where(values.notna(), None), type=pa.string())
    found = pc.extract_regex(arr, pattern=pattern)
    out = {}
    for i, field in enumerate(found.type):
        col = pc.struct_field(found, [i])
        col = pc.if_else(pc.equal(col, ""), None, col)
        text = pd.Series(col.to_numpy(zero_copy_only=False), index=values.index, dtype=object)
        out[field.name] = text.astype(TEXT_DTYPE)
    return pd.DataFrame(out, index=values.index)
