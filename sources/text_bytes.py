"""A text file's bytes to text: size limits checked first, encoding found per file or per line.

Limits (`ReadLimits`) are measured on the raw bytes before any parsing, in chunks so the check
costs a few MB whatever the file: size, lines and the longest line, wherever it is. Encoding: a
BOM decides (UTF-8, UTF-16); else strict UTF-8; else, when some lines are real UTF-8 and others
are not, each line is decoded on its own (UTF-8, else cp1252) with a warning; else
charset-normalizer's guess when it reads a non-Latin script (cp1251, cp1253, GB18030, Shift-JIS),
else cp1252 (the Windows default of spreadsheet exports), or cp1250 / ISO-8859-2 when cp1252 leaves
symbols inside words. NUL bytes, which
cut values short in pandas 2's parser, are removed with a warning.
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


#: Latin code pages tried when cp1252 leaves symbols inside words ("Zak³ady" is cp1250's "Zakłady")
_CENTRAL_EUROPEAN: tuple[str, ...] = ("cp1250", "iso8859_2")
#: a non-ASCII character between two letters (`_misplaced` keeps those that are not letters)
_NON_ASCII_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f](?=[^\W\d_])")


def _misplaced(text: str) -> int:
    """Symbols and digits ("³", "£", "¿") inside words: how a wrong Latin code page shows."""
    return sum(not c.isalpha() for c in _NON_ASCII_IN_WORD.findall(text))


def _latin_share(text: str) -> float:
    """The share of the non-ASCII letters of `text` that are Latin (1.0 when it has none)."""
    letters = [c for c in set(text) if ord(c) > 127 and c.isalpha()]
    if not letters:
        return 1.0
    counts = {c: text.count(c) for c in letters}
    latin = sum(n for c, n in counts.items() if unicodedata.name(c, "").startswith("LATIN"))
    return latin / sum(counts.values())


def _legacy_encoding(data: bytes) -> str:
    """A file that is not UTF-8: charset-normalizer's guess when it reads a non-Latin script
    (Cyrillic cp1251, Greek cp1253, Chinese GB18030, Japanese Shift-JIS ...), which it tells apart
    reliably; else cp1252, the Windows default of spreadsheet exports (the Latin code pages look
    alike to any detector), unless cp1252 leaves symbols inside words and a Central European code
    page does not ("Zak³ady Miêsne" / "Zakłady Mięsne")."""
    sample = data[:200_000]
    best = from_bytes(sample).best()
    if best is not None and _latin_share(str(best)) < 0.5:
        return best.encoding
    try:
        western = sample.decode("cp1252")
    except UnicodeDecodeError:
        if best is None:
            raise FileReadError("cannot tell the text encoding (not UTF-8, cp1252 or a known one)") from None
        return best.encoding
    misplaced = _misplaced(western)
    if not misplaced:
        return "cp1252"
    scores = {}
    for name in _CENTRAL_EUROPEAN:
        try:
            scores[name] = _misplaced(sample.decode(name))
        except UnicodeDecodeError:
            continue
    fewest = min(scores, key=scores.__getitem__, default=None)  # cp1250 first on a tie
    return fewest if fewest is not None and scores[fewest] * 4 <= misplaced else "cp1252"


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
