"""A text file's bytes to text: size limits checked first, encoding found per file or per line.

Limits (`ReadLimits`) are measured on the raw bytes before any parsing, in chunks so the check
costs a few MB whatever the file: size, lines and the longest line, wherever it is. Encoding: a
BOM decides (UTF-8, UTF-16); else strict UTF-8; else, when some lines are real UTF-8 and others
are not, each line is decoded on its own (UTF-8, else cp1252) with a warning; else
the Latin code page that reads the words best (`_latin_choice`: cp1252, the Windows default of
spreadsheet exports, unless cp1250, ISO-8859-2, Mac Roman reads them far better, or cp1254 or
ISO-8859-9 reads them as Turkish where cp1252 needs Icelandic beside another language; ISO-8859-15 when
a euro sign at 0xA4 stands by an amount), else, when no Latin page reads them cleanly,
charset-normalizer's guess if it reads a non-Latin script (cp1251, cp1253, GB18030, Shift-JIS).
NUL bytes, which cut values short in pandas 2's parser, are removed with a warning.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from charset_normalizer import from_bytes
from charset_normalizer.cd import coherence_ratio

from sources.limits import DEFAULT_LIMITS, ReadLimits, check
from sources.table import FileReadError

_CHUNK = 4 * 1024**2
#: a UTF-8 multi-byte sequence: cp1252 text almost never contains one by chance
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass
class Decoded:
    """A file's text, the encoding it was read with, and what was repaired on the way."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def line_shape(data: bytes) -> tuple[int, int, int]:
    """(lines, longest line in bytes, its 1-based number); a line ends at LF, CRLF or a lone CR."""
    arr = np.frombuffer(data, dtype=np.uint8)
    n = len(arr)
    count, longest, longest_at, last_break = 0, 0, 0, -1
    for start in range(0, n, _CHUNK):
        chunk = arr[start:start + _CHUNK]
        ahead = arr[start + 1:start + _CHUNK + 1]
        lone_cr = chunk == 13
        lone_cr[: len(ahead)] &= ahead != 10  # CR of a CRLF is part of the line, not a break
        breaks = np.flatnonzero((chunk == 10) | lone_cr) + start
        if breaks.size:
            lengths = np.diff(np.concatenate(([last_break], breaks))) - 1
            i = int(lengths.argmax())
            if lengths[i] > longest:
                longest, longest_at = int(lengths[i]), count + i + 1
            count += int(breaks.size)
            last_break = int(breaks[-1])
    tail = n - last_break - 1
    if tail > 0:
        count += 1
        if tail > longest:
            longest, longest_at = tail, count
    return count, longest, longest_at


def check_text_limits(data: bytes, limits: ReadLimits) -> int:
    """Refuse a text file over `limits` before it is decoded or parsed; returns its longest line in bytes."""
    check("max_file_bytes", limits.max_file_bytes, len(data), "the file's size in bytes")
    lines, longest, at = line_shape(data)
    check("max_rows", limits.max_rows, lines, "the number of lines")
    check("max_line_bytes", limits.max_line_bytes, longest, f"the length of line {at:,} in bytes")
    return longest


#: the text files `limits_to_read` sizes (workbooks cannot pass Excel's own row limit)
TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})


def limits_to_read(paths: Iterable[Path], limits: ReadLimits = DEFAULT_LIMITS) -> dict[str, int]:
    """The row and cell limits that would let every text file of `paths` be read, where the given
    ones would refuse one: twice the largest file's lines and cells, rounded up to a million (a
    generated world past a million rows exports a CRM file of over a million lines). Empty when
    every file fits. Lines are counted as `check_text_limits` counts them; the width is the header
    line's fields, split on its commonest delimiter."""
    lines, cells = 0, 0
    for path in paths:
        if path.suffix.lower() not in TEXT_SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        count = line_shape(data)[0]
        header = data.split(b"\n", 1)[0]
        width = 1 + max(header.count(d) for d in (b",", b";", b"\t", b"|"))
        lines, cells = max(lines, count), max(cells, count * width)
    out: dict[str, int] = {}
    if lines > limits.max_rows:
        out["max_rows"] = math.ceil(2 * lines / 1_000_000) * 1_000_000
    if cells > limits.max_cells:
        out["max_cells"] = math.ceil(2 * cells / 1_000_000) * 1_000_000
    return out


def detect_encoding(data: bytes) -> str:
    """Name the encoding of a text file's bytes (one encoding for the whole file)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    bom_less = _utf16_without_bom(data)
    if bom_less:
        return bom_less
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    return _legacy_encoding(data)


#: the Latin code pages `_latin_choice` weighs, the likelier first (the first wins a tie); ISO-8859-15
#: reads as cp1252 but for the euro sign and seven letters, and is weighed only when `_LATIN9` shows it;
#: cp1254 and ISO-8859-9 (Turkish) read as cp1252 and Latin-1 but for six letters ("ĞİŞğış" where the
#: Western pages read "ÐÝÞðýþ")
_LATIN_PAGES: tuple[str, ...] = ("cp1252", "cp1250", "iso8859_2", "cp1254", "iso8859_9", "mac_roman")
#: the letters beyond ASCII of the languages the Latin code pages are written in (lower case): a file
#: read in its own code page spells its words with one language's letters, a wrong page mixes them
#: ("Rivičre", "Èeské dráhy", "MŸller"); charset-normalizer's letter frequencies (26 letters a language)
#: leave most of these out, and its chaos sees no harm in a letter that is merely the wrong letter
_ALPHABETS: dict[str, str] = {
    "German": "äöüßé", "French": "àâæçéèêëîïôœùûüÿ", "Italian": "àèéìíîòóù", "Spanish": "áéíñóúü",
    "Portuguese": "áàâãçéêíóôõú", "Dutch": "éèêëïöü", "Danish/Norwegian": "æøåé", "Swedish/Finnish": "åäöé",
    "Icelandic": "áðéíóúýþæö", "Czech": "áčďéěíňóřšťúůýž", "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Polish": "ąćęłńóśźż", "Hungarian": "áéíóöőúüű", "Croatian/Slovenian": "čćđšž", "Romanian": "ăâîşţșț",
    "Turkish": "âçğıİîöşûü",  # "İ" as itself: its lower case is two characters (`_lower`)
}
_ALPHABET_SETS: tuple[frozenset[str], ...] = tuple(frozenset(a) for a in _ALPHABETS.values())
#: the alphabets the default page's reading of two countries' names may pair: not Turkish, whose "ğ", "ı",
#: "ş" no Western page writes; its other letters ("â", "ç", "î", "ö", "û", "ü") would excuse cp1252's "õ",
#: "û" for Hungarian's "ő", "ű"
_PAIRED: tuple[str, ...] = tuple(a for language, a in _ALPHABETS.items() if language != "Turkish")
#: the letters of any one or two of `_PAIRED` together
_ALPHABET_PAIRS: tuple[frozenset[str], ...] = tuple(
    frozenset(a) | frozenset(b) for i, a in enumerate(_PAIRED) for b in _PAIRED[i:])
#: Latin-9's euro sign (0xA4, "¤" in cp1252) next to an amount, or its "Œ"/"œ" (0xBC, 0xBD: "¼", "½")
#: starting or inside a word ("¼uvre", "c½ur")
_LATIN9 = re.compile(rb"[0-9][ \xa0]?\xa4|\xa4[ \xa0]?[0-9]|(?<![0-9])[\xbc\xbd][a-z]")
#: the Unicode categories of the quotes and brackets a word may start with
_OPENING = frozenset({"Ps", "Pi", "Pf"})
#: the Central European code pages, and the languages of charset-normalizer's coherence written in them
_CENTRAL_PAGES = frozenset({"cp1250", "iso8859_2"})
_CENTRAL_LANGUAGES = frozenset({"Czech", "Slovak", "Polish", "Hungarian", "Croatian", "Slovene", "Romanian"})
#: the bytes from the start of a file whose language `_central_european` weighs
_COHERENCE_SAMPLE = 16_000
#: a word holding a byte past ASCII, and how many of them `_central_european` weighs alone
_NON_ASCII_WORD = re.compile(rb"[^\s;,|\t\"']*[\x80-\xff][^\s;,|\t\"']*")
_FEWEST_WORDS = 8
#: the most bytes of non-ASCII lines charset-normalizer is given to look for a non-Latin script
_SCRIPT_SAMPLE = 32_000


def _is_letter(c: str) -> bool:
    """A letter of a word: not a modifier ("ˆ") nor an ordinal indicator ("º", "ª")."""
    return c.isalpha() and c not in "ªº" and unicodedata.category(c) != "Lm"


def _out_of_place(before: str, c: str, after: str) -> bool:
    """Whether symbol `c` stands where a letter should: between two letters ("Zak³ady"), a spacing
    accent touching one ("Cittˆ", "Patern˜"), or a symbol other than an opening quote or mark starting
    a lower-case word ("ªtefan", "…sterreich")."""
    if _is_letter(before) and _is_letter(after):
        return True
    if unicodedata.category(c) in ("Sk", "Lm"):
        return _is_letter(before) or _is_letter(after)
    return after.islower() and not _is_letter(before) and c not in "¿¡" and unicodedata.category(c) not in _OPENING


def _lower(c: str) -> str:
    """A letter in lower case, as `_ALPHABETS` spells it; Turkish "İ" as itself, whose lower case is
    two characters ("i" and a combining dot)."""
    low = c.lower()
    return low if len(low) == 1 else c


def _contexts(sample: bytes) -> dict[bytes, int]:
    """Each byte past ASCII with the bytes either side (a space at the ends), and how often it occurs."""
    arr = np.frombuffer(b" " + sample + b" ", dtype=np.uint8)
    at = np.flatnonzero(arr[1:-1] >= 0x80) + 1
    if not at.size:
        return {}
    keys = (arr[at - 1].astype(np.uint32) << 16) | (arr[at].astype(np.uint32) << 8) | arr[at + 1]
    values, counts = np.unique(keys, return_counts=True)
    return {int(v).to_bytes(3, "big"): int(n) for v, n in zip(values, counts, strict=True)}


def _misread(contexts: dict[bytes, int], page: str, mixed: bool = False) -> tuple[int, int] | None:
    """(characters `page` misreads, letters it reads) over `contexts`; None when `page` cannot decode them.
    Misread: a symbol between two letters ("Zak³ady"), a capital inside a lower-case word ("MŸller",
    "SociÈtÈ"), and the letters no one language's alphabet of `_ALPHABETS` holds with the most of the
    others ("Rivičre" beside "Müller": "č")."""
    letters: dict[str, int] = {}
    bad = 0
    for context, n in contexts.items():
        try:
            text = context.decode(page)
        except UnicodeDecodeError:
            return None
        before, c, after = text[0], text[1], text[2]
        if not _is_letter(c):
            bad += n if _out_of_place(before, c, after) else 0
        elif c.isupper() and _is_letter(before) and (before.islower() or after.islower()):
            bad += n
        else:
            letters[_lower(c)] = letters.get(_lower(c), 0) + n
    total = sum(letters.values())
    # `mixed`: the default page may read names of two countries ("Åkerlund Industri AB" beside "Lefèvre &
    # Côté" in one distributor's file): the letters two alphabets hold together are read as right; another
    # page must read the file as one language does
    covered = max(sum(n for c, n in letters.items() if c in alphabet)
                  for alphabet in (_ALPHABET_PAIRS if mixed else _ALPHABET_SETS))
    return bad + total - covered, total


def _central_european(sample: bytes) -> bool:
    """Whether charset-normalizer's language coherence (its letter-frequency ranks) puts a Central European
    language above every other on the words of `sample` the code pages read differently - those holding a
    byte past ASCII ("Odběratel", "Konečný zákazník" of a Czech export's header above English customer names,
    which would outvote them) - or, with few such words, on the start of `sample`."""
    words = _NON_ASCII_WORD.findall(sample[:_COHERENCE_SAMPLE])
    text = b" ".join(words) if len(words) >= _FEWEST_WORDS else sample[:_COHERENCE_SAMPLE]
    ratios = coherence_ratio(text.decode("latin-1"), 0.1)
    central = max((r for lang, r in ratios if lang in _CENTRAL_LANGUAGES), default=0.0)
    return central > max((r for lang, r in ratios if lang not in _CENTRAL_LANGUAGES), default=0.0)


#: header words a page must read more than every other before it wins against fewer misread letters
HEADER_VOTE_MARGIN = 2


class _HeaderWords:
    """How each code page reads the words of a sample holding a byte past ASCII, and how many of them are header
    words of a language the reading knows ("Ilość", "Wartość netto" in cp1250; "Iloœæ", "Wartoœæ" in cp1252 are
    none): read once, asked twice by `_latin_choice`."""

    def __init__(self, sample: bytes, pages: list[str]) -> None:
        from sources.header_words import known_foreign_word  # the vocabulary, loaded only when it is asked

        words = sorted(set(_NON_ASCII_WORD.findall(sample[:_COHERENCE_SAMPLE])))
        self.reading = {page: tuple(w.decode(page, "replace") for w in words) for page in pages}
        self.known = {page: sum(map(known_foreign_word, self.reading[page])) for page in pages}

    def vote(self, pages: list[str], margin: int = 1) -> str | None:
        """The page of `pages` under which at least `margin` more of the words are header words than under any
        page that reads them otherwise, or None: an export's header decides where its data is ASCII, or spells
        a few names of another language ("BRÜCKNER" in a Polish file)."""
        best = max(pages, key=lambda page: self.known[page], default=None)
        if best is None or not self.known[best]:
            return None
        rival = max((self.known[p] for p in pages if self.reading[p] != self.reading[best]), default=0)
        return best if self.known[best] - rival >= margin else None


def _latin_choice(sample: bytes, contexts: dict[bytes, int]) -> tuple[str, bool]:
    """The Latin code page that reads `sample` best, and whether it reads it cleanly (at most one
    character in 20 misread; Mac Roman decodes any bytes). The Western default is cp1252, or ISO-8859-15
    when its euro sign or "œ" shows (`_LATIN9`) and no byte is a C1 control (0x80-0x9F: printable in
    the Windows and Mac code pages, control characters in ISO-8859-x). The page that misreads fewest
    characters (`_misread`; the default may read the names of two countries' alphabets, another page
    one's: a pan-European distributor's "Åkerlund" beside "Lefèvre" is no Slovak file); between equals
    that read differently, the one of the text's language family (`_central_european`) when they are of
    both, else the default unless another page reads as one language's letters what the default reads
    only as two ("Şehir", "Bitiş", "Adı" are Turkish; cp1252's "Þehir", "Bitiþ", "Adý" take Icelandic's
    "þ", "ý" beside French's "ç", "ü"; a real Icelandic file's "Þór", "Guðrún" spell Icelandic alone),
    else the one that reads more letters; and the default unless the page misreads at most a quarter
    as many as the default (read as one language, when that decided the tie)."""
    centres = {context[1] for context in contexts}
    has_c1 = any(0x80 <= c <= 0x9F for c in centres)
    latin9 = not has_c1 and not centres.isdisjoint(b"\xa4\xbc\xbd") and _LATIN9.search(sample) is not None
    default = "iso8859_15" if latin9 else "cp1252"
    scores: dict[str, tuple[int, int]] = {}
    for page in (default, *_LATIN_PAGES):
        if has_c1 and page.startswith("iso8859"):
            continue
        score = _misread(contexts, page, mixed=page == default)
        if score is not None:
            scores.setdefault(page, score)
    header_words = _HeaderWords(sample, list(scores))
    strong = header_words.vote(list(scores), HEADER_VOTE_MARGIN)
    if strong is not None and strong != default:  # the header's words, read in one page only
        misread, letters = scores[strong]
        return strong, misread * 20 <= letters or misread <= 1
    fewest = min(misread for misread, _ in scores.values())
    readings: dict[str, str] = {}  # page by reading: of two pages that read the file alike, the likelier
    for page, (misread, _) in scores.items():
        if misread == fewest:
            readings.setdefault(b"".join(contexts).decode(page), page)
    tied = list(readings.values())
    voted = None
    if len({page in _CENTRAL_PAGES for page in tied}) > 1:
        voted = header_words.vote(tied)
        central = _central_european(sample) if voted is None else voted in _CENTRAL_PAGES
        tied = [page for page in tied if (page in _CENTRAL_PAGES) == central]
    against = scores[default][0] if default in scores else 0
    if default in tied and len(tied) > 1:
        alone = _misread(contexts, default)
        if alone is not None and alone[0] > fewest:  # the default reads as two languages what another reads as one
            tied.remove(default)
            against = alone[0]
    best = default if default in tied else max(tied, key=lambda page: scores[page][1])
    # the default unless another page reads far better, or reads the header's words where it reads none
    if default in scores and scores[best][0] * 4 > against and best != voted:
        best = default
    misread, letters = scores[best]
    return best, misread * 20 <= letters


def _non_ascii_lines(sample: bytes, cut: bool, limit: int = _SCRIPT_SAMPLE) -> bytes:
    """The whole lines of `sample` holding a byte past ASCII, up to about `limit` bytes (the last line
    left out when the sample `cut` it: a character cut in two would not decode)."""
    out: list[bytes] = []
    size = 0
    lines = sample.splitlines()
    for line in lines[:-1] if cut else lines:
        if not line.isascii():
            out.append(line)
            size += len(line) + 1
            if size >= limit:
                break
    return b"\n".join(out)


def _latin_share(text: str) -> float:
    """The share of the non-ASCII letters of `text` that are Latin (1.0 when it has none); modifier
    letters ("ˆ") and ordinal indicators ("º") are no script's."""
    letters = [c for c in set(text) if ord(c) > 127 and _is_letter(c)]
    if not letters:
        return 1.0
    counts = {c: text.count(c) for c in letters}
    latin = sum(n for c, n in counts.items() if unicodedata.name(c, "").startswith("LATIN"))
    return latin / sum(counts.values())


def _legacy_encoding(data: bytes) -> str:
    """A file that is not UTF-8. The Latin code pages (cp1252, cp1250, ISO-8859-2, cp1254, ISO-8859-9,
    Mac Roman) are weighed on how they read each byte past ASCII between its neighbours (`_latin_choice`):
    cp1252, the Windows default of spreadsheet exports, unless another reads the file far better
    ("Èeské dráhy" / "České dráhy", "Wartoœæ" / "Wartość", "MŸller" / "Müller"), or as one language
    where cp1252 needs two ("Bitiþ Tarihi" / "Bitiş Tarihi"); ISO-8859-15 for cp1252 when a euro
    sign at 0xA4 stands by an amount. When no Latin page reads the file cleanly, charset-normalizer's
    guess (on the lines past ASCII) if it reads a non-Latin script (Cyrillic cp1251, Greek cp1253,
    Chinese GB18030, Japanese Shift-JIS ...), which it tells apart reliably."""
    sample = data[:200_000]
    page, clean = _latin_choice(sample, _contexts(sample))
    if clean:
        return page
    best = from_bytes(_non_ascii_lines(sample, len(data) > len(sample)) or sample).best()
    if best is not None and _latin_share(str(best)) < 0.5:
        return best.encoding
    if best is None and page != "cp1252":
        try:  # charset-normalizer sees no text and the Latin pages read it poorly: as before, cp1252 or refused
            sample.decode("cp1252")
        except UnicodeDecodeError:
            raise FileReadError("cannot tell the text encoding (not UTF-8, cp1252 or a known one)") from None
    return page


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text in it puts a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 4 * even:
        return "utf-16-le"
    if even > 4 * odd:
        return "utf-16-be"
    return None


def _decode_per_line(data: bytes) -> tuple[str, int, int] | None:
    """Text of a file mixing UTF-8 and cp1252 lines, with (cp1252 lines, UTF-8 lines); None if not mixed."""
    if not _UTF8_SEQUENCE.search(data):
        return None
    lines = data.split(b"\n")
    out: list[str] = []
    legacy = utf8 = 0
    for line in lines:  # only a file that failed strict UTF-8 comes here; ASCII lines are cheap
        if line.isascii():
            out.append(line.decode("ascii"))
            continue
        try:
            out.append(line.decode("utf-8"))
            utf8 += 1
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
            legacy += 1
    if not utf8:
        return None
    return "\n".join(out), legacy, utf8


def decode_text(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode a text file (configured `encoding`, else detected), repairing what can be repaired."""
    warnings: list[str] = []
    enc = encoding
    text: str | None = None
    if enc is None:
        bom = data.startswith(codecs.BOM_UTF8)
        body = data.removeprefix(codecs.BOM_UTF8)
        if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not _utf16_without_bom(data):
            try:
                text, enc = body.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
            except UnicodeDecodeError:
                mixed = _decode_per_line(body)
                if mixed is not None:
                    text, enc = mixed[0], "utf-8+cp1252"
                    warnings.append(
                        f"mixed text encodings: {mixed[1]:,} line(s) are not UTF-8 and were read as cp1252, "
                        f"{mixed[2]:,} line(s) as UTF-8; each line decoded on its own"
                    )
        if enc is None:
            enc = detect_encoding(data)
    if text is None:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError) as exc:
            raise FileReadError(f"cannot decode as {enc}: {exc}") from None
    nuls = text.count("\x00")
    if nuls:
        lines = _lines_with(text, "\x00")
        text = text.replace("\x00", "")
        warnings.append(f"{nuls:,} NUL byte(s) removed (on {lines:,} line(s)): they would cut values short")
    return Decoded(text, enc, warnings)


def _lines_with(text: str, char: str) -> int:
    """How many lines of `text` hold `char` (C-level finds, one step per such line)."""
    count, pos = 0, text.find(char)
    while pos != -1:
        count += 1
        end = text.find("\n", pos)
        pos = -1 if end == -1 else text.find(char, end)
    return count
