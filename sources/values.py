"""Typed parsing of money, quantity, serial-list and text cells, one column at a time.

Every parser takes a Series of raw cells (str, float, int, datetime or None) and returns the typed
values plus a mask of non-empty cells it could not read, so a bad cell quarantines its row
instead of becoming a silent null.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from sources.currency import is_marked, split_one, token_series
from sources.folding import fold_word
from sources.invisible import without_invisible

#: "S/N:", "S/N", "SN:", "SN#", "Serial:", "Serial #:", "Serial No:", "Serial Number:" (any case)
SERIAL_PREFIX = re.compile(
    r"(?i)(?<![0-9a-z])(?:s/n\s*[:#.]?|sn\s*[:#]|serial\s*(?:no\.?|number|nr\.?|#)?\s*[:#])\s*"
)
#: between serials: , ; / | + & whitespace and newlines, and the full-width forms CJK exports write
#: ("、" ideographic comma, "，", "；", "｜", "／", "＋", "＆", "・")
SERIAL_SEPARATORS = r"[,;/|+&\s、，；｜／＋＆・]+"
_SERIAL_SPLIT = re.compile(SERIAL_SEPARATORS)
#: words written between two serials ("FCW1 and FCW2", "X1 und X2", "X1 et X2", "X1 y X2"): each is a
#: token of the split, never a serial. Compared as the matcher keys a serial (letters and digits only,
#: any case: "AND," and "(und)" too), except the one-letter ones, taken as written in lower case
#: ("A, B" are two units)
SERIAL_CONNECTORS = frozenset({
    "and", "und", "et", "en", "og", "och", "ja", "és", "ve", "oraz", "sowie", "plus", "και",
    "și", "şi",  # Romanian, with a comma and with a cedilla
    "to", "thru", "through", "bis", "till", "until",  # a range's ("A to B"): sources/serial_ranges.py spans it
})  # fmt: skip
SERIAL_ONE_LETTER_CONNECTORS = frozenset({"y", "e", "i", "a", "и"})
#: whole-cell placeholders meaning "no serial" ("N/A" would otherwise split into "N" and "A")
SERIAL_PLACEHOLDERS = frozenset({
    "n/a", "na", "n.a.", "n.a", "none", "null", "nil", "tbd", "tba", "unknown", "-", "--", "?",
})
#: "n/a" and "n.a." inside a longer cell ("n/a (spare)"), taken out before the split
_PLACEHOLDER_IN_CELL = re.compile(r"(?i)(?<![0-9a-z])n(?:/|\.\s?)a(?![0-9a-z])\.?")
#: words a serial cell holds besides serials or instead of them, in capitals too ("SERIAL NO. FOC1",
#: "NO SERIAL", "SEE ATTACHED", "VARIOUS", "DEMO UNIT"), compared accent-folded and case-folded: a label,
#: a placeholder or a pointer elsewhere, never a unit (a word written in small letters is never one either:
#: `is_serial_token`)
SERIAL_WORDS = frozenset({
    "serial", "serials", "sn", "no", "nr", "nos", "num", "number", "numbers", "seriennummer", "serienummer",
    "serie", "series", "matricola", "numero", "see", "siehe", "voir", "ver", "vedi", "zie", "se", "attached",
    "attachment", "anbei", "anhang", "list", "liste", "lista", "various", "diverse", "divers", "varios", "vari",
    "multiple", "mehrere", "plusieurs", "pending", "ausstehend", "missing", "fehlt", "manquant", "falta",
    "unknown", "unbekannt", "inconnu", "desconocido", "sconosciuto", "onbekend", "none", "keine", "aucun",
    "ninguno", "nessuno", "geen", "same", "above", "below", "as", "contract", "demo", "spare", "unit", "units",
    "tbc", "tba", "tbd", "na", "nv", "nil", "null", "x",
    # the small words labels are written with ("Numéro de série", "Number of units")
    "de", "du", "des", "di", "da", "del", "van", "von", "der", "den", "the", "of", "for", "per",
})  # fmt: skip


def map_unique(raw: pd.Series, fn: Callable[[object], object]) -> pd.Series:
    """`raw.map(fn)`, calling `fn` once per distinct value: columns repeat names, SKUs and dates."""
    codes, uniques = pd.factorize(raw.astype(object), use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [fn(u) for u in uniques]
    mapped[-1] = fn(None)  # code -1: missing
    return pd.Series(mapped[codes], index=raw.index, dtype=object)


def expand_distinct(raw: pd.Series, parsed: pd.Series, codes: np.ndarray, missing: object = None) -> pd.Series:
    """Spread values computed on `pd.factorize(raw)`'s uniques back over every row."""
    arr = np.empty(len(parsed) + 1, dtype=object)
    arr[:-1] = parsed.to_numpy(dtype=object)
    arr[-1] = missing
    return pd.Series(arr[codes], index=raw.index, dtype=object)


def distinct(raw: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Codes and distinct values of a column (missing cells get code -1), the values in order of first
    appearance as Python objects. A column of Arrow strings is encoded by Arrow and only its distinct
    values become Python strings (a million cells: 0.15 s less a column than through objects)."""
    if isinstance(raw.dtype, pd.StringDtype) and str(raw.dtype.storage).startswith("pyarrow"):
        codes, uniques = pd.factorize(raw, use_na_sentinel=True)
        return np.asarray(codes, dtype=np.intp), pd.Series(np.asarray(uniques, dtype=object), dtype=object)
    codes, uniques = pd.factorize(raw.astype(object), use_na_sentinel=True)
    return codes, pd.Series(uniques, dtype=object)


def is_number(value: object) -> bool:
    """A numeric cell (not a bool)."""
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)


def is_blank(value: object) -> bool:
    """True for None, NaN and whitespace-only strings."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


#: what a number cell holds when the number is not known ("n/a", "none", "-"): no number, not a bad one
NUMBER_PLACEHOLDERS = frozenset({
    "n/a", "na", "n.a.", "n.a", "#n/a", "none", "nil", "null", "tbd", "tba", "tbc", "unknown", "?", "-", "--", "---",
    "—", "–", "k.a.", "k. a.", "keine", "nc", "n.c.", "s/o", "s.o.",
})  # fmt: skip
#: a dash alone, with a currency symbol or code or not ("$ -", "-  €", "EUR -"): Excel's accounting format
#: writes zero so
_ACCOUNTING_ZERO = re.compile(r"^(?:[^\w\s\d.,()-]{1,3}|[A-Za-z]{3})?\s*[-–—]+\s*(?:[^\w\s\d.,()-]{1,3}|[A-Za-z]{3})?$")


def is_accounting_zero(value: object) -> bool:
    """Whether a money cell is a dash alone, with a currency or not ("$ -"): Excel's accounting format's zero."""
    return isinstance(value, str) and _ACCOUNTING_ZERO.match(value.strip()) is not None


def is_number_placeholder(value: object) -> bool:
    """Whether a cell says its number is not known ("n/a", "-"): read as blank, never as a bad number."""
    return isinstance(value, str) and " ".join(value.split()).casefold() in NUMBER_PLACEHOLDERS


def cell_text(value: object) -> str | None:
    """A cell as a person reads it: integral numbers without ".0", dates as ISO, text stripped."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):  # 1e300 stays "1e+300", not three hundred digits
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()


def one_line(text: str | None, *, code: bool = False) -> str | None:
    """A name or a code as one line: invisible characters dropped (joiners too in a `code`), line breaks and tabs
    a space ("Union Steel\nInc" is "Union Steel Inc"); a code in plain Latin letters (`latin_code`); None for
    nothing left."""
    if text is None:
        return None
    text = " ".join(without_invisible(text, code=code).split())
    return (latin_code(text) if code else text) or None


#: Cyrillic and Greek capitals and small letters drawn as a Latin one: a code pasted from a document typed with
#: another keyboard layout ("FОС2252XN6Q" with a Cyrillic О and С)
_LOOK_ALIKES = str.maketrans({
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X",
    "У": "Y", "Ѕ": "S", "І": "I", "Ј": "J", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y",
    "ѕ": "s", "і": "i", "ј": "j", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o",
})  # fmt: skip
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z]")
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")


def latin_code(text: str) -> str:
    """A code as the ASCII it stands for: full-width letters and digits of a Japanese or Chinese input method as
    their ASCII forms ("ＣＳ－ＮＢＤ－ＳＲＶ" is "CS-NBD-SRV"), and, in a code of Latin letters, a Cyrillic or Greek
    look-alike as its Latin letter ("FОС2252XN6Q" is "FOC2252XN6Q"). A code in another script ("ДОГ-12", "СК-7")
    stays as written."""
    if text.isascii():
        return text
    if _FULL_WIDTH.search(text):
        text = unicodedata.normalize("NFKC", text)
    if re.search("[A-Za-z]", text):
        latin = text.translate(_LOOK_ALIKES)
        if latin != text and _OTHER_LETTER.search(latin) is None:
            return latin
    return text


def parse_line(raw: pd.Series, *, code: bool = False) -> pd.Series:
    """Text cells of a name or a code: `parse_text`, then `one_line`."""
    out = map_unique(raw, lambda v: one_line(cell_text(v), code=code))
    return out.where(out.notna(), None)


def parse_text(raw: pd.Series) -> pd.Series:
    """Text cells: stripped, inner whitespace collapsed, numbers without a trailing ".0"."""
    # pandas 3 infers a string dtype from map() and turns None into NaN, which is truthy in
    # Python; downstream code tests `if name:`, so missing text is None
    out = map_unique(raw, cell_text)
    return out.where(out.notna(), None)


_SIGNED = r"^(?P<open>\(?)(?P<lead>[+-]?)(?P<num>[\d.,]+)(?P<trail>-?)(?P<close>\)?)$"
#: "1,234,567.89", or the Indian grouping of lakhs and crores ("12,34,567.00")
_DOT_DECIMAL = r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d*)(?:\.\d+)?"
_COMMA_DECIMAL = r"(?:\d{1,3}(?:\.\d{3})+|\d*)(?:,\d+)?"


@dataclass
class MoneyColumn:
    """A parsed money column: values, what failed and why, each cell's currency, and the evidence."""

    values: pd.Series  # float64, rounded to cents
    failed: pd.Series  # not an amount at all
    outlier: pd.Series  # an amount written with the other decimal separator than the column's
    unknown_currency: pd.Series  # a number with a currency token that is no known (or one) currency
    currency: pd.Series  # ISO code written in the cell, or None
    decimal_comma: bool
    evidence: dict[str, int] = field(default_factory=dict)  # rows proving each separator
    #: a symbol other locales read as another currency ("$": USD, or CAD, AUD...), or None
    symbol: pd.Series | None = None
    #: the cells written as the price of one unit ("3,073.04/Nos"), read without the unit
    per_unit: pd.Series | None = None
    #: the cells written in thousands or millions, or as about so much ("4.2k", "$1.1M", "~12,500"), read as the number
    shorthand: pd.Series | None = None


def parse_money(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Money cells to floats (see `parse_money_column`); every unusable cell is in the failed mask."""
    col = parse_money_column(raw)
    return col.values, col.failed | col.outlier | col.unknown_currency


def parse_money_column(raw: pd.Series) -> MoneyColumn:
    """Money cells ("$3,000.00", "1.234,56 €", "CHF 1'234.50", "(120.00)", 3000) to floats and currencies.

    The currency (symbol or ISO code, before or after) is taken off first, so "$-5.00" stays
    negative. Whether the column writes decimals with a comma or a point is decided by the
    majority of the rows whose value can only be read one way ("1000.00" proves a point,
    "1.234,50" a comma; "1,234" and "3.000" prove nothing); a value that can only be read the
    other way is an outlier, quarantined rather than misread. Groups must be three digits:
    "12-34" or "1,5" in a decimal-point column are failures, not 1234 or 15.
    """
    codes, uniques = distinct(raw)
    weights = np.bincount(codes[codes >= 0], minlength=len(uniques)).astype(np.int64)
    col = _parse_money_distinct(uniques, weights)

    def spread(values: pd.Series, missing: object) -> pd.Series:
        return expand_distinct(raw, values, codes, missing)

    return MoneyColumn(
        values=spread(col.values, np.nan).astype("float64"),
        failed=spread(col.failed, False).astype(bool),
        outlier=spread(col.outlier, False).astype(bool),
        unknown_currency=spread(col.unknown_currency, False).astype(bool),
        currency=spread(col.currency, None),
        decimal_comma=col.decimal_comma,
        evidence=col.evidence,
        symbol=spread(col.symbol, None) if col.symbol is not None else None,
        per_unit=spread(col.per_unit, False).astype(bool) if col.per_unit is not None else None,
        shorthand=spread(col.shorthand, False).astype(bool) if col.shorthand is not None else None,
    )


_SIGNED_RX = re.compile(_SIGNED)
_DOT_DECIMAL_RX = re.compile(_DOT_DECIMAL)
_COMMA_DECIMAL_RX = re.compile(_COMMA_DECIMAL)
_AMOUNT_SPACES_RX = re.compile(r"[\s\u00a0\u202f'’]")
_DIGIT_RX = re.compile(r"\d")
#: a space or apostrophe between two digits, and the whole part of a number grouped by them in thousands
_INNER_SPACE_RX = re.compile(r"\d[\s\u00a0\u202f'’]+\d")
_SPACE_GROUPED_RX = re.compile(r"(?<![\d.,])\d{1,3}(?:[\s\u00a0\u202f'’]\d{3})+(?!\d|[\s\u00a0\u202f'’]+\d)")


def _spaced_groups_ok(text: str) -> bool:
    """Whether the spaces and apostrophes between digits of `text` group thousands ("12 500,00", "1'234.50"):
    "12 50", "1500 1500" or "1 2 3 4" are no amount (two numbers, or a typo), never 1,250 or 15,001,500."""
    if _INNER_SPACE_RX.search(text) is None:
        return True
    rest = _SPACE_GROUPED_RX.sub("0", text)
    return _INNER_SPACE_RX.search(rest) is None


@dataclass(frozen=True)
class _Amount:
    """One amount text as read before the column's decimal separator is known."""

    num: str  # the digits with their separators, sign and brackets taken off ("" when no number)
    as_dot: bool  # readable with a decimal point
    as_comma: bool  # readable with a decimal comma
    negative: bool
    unknown: bool  # a number with a currency token that is no known (or one) currency
    code: str | None
    symbol: str | None
    marked: bool  # a currency token was looked for (the text has characters no number has)
    per_unit: bool = False  # written as the price of one unit ("3,073.04/Nos"), the unit taken off
    scale: int = 1  # written in thousands or millions ("4.2k": 1000), the letter taken off
    shorthand: bool = False  # written with a magnitude letter or as about so much ("~12,500", "ca. 4.000 €")


#: an amount written as about so much ("~12,500", "≈ 4k", "ca. 4.000 €", "approx. $900"), and one written in
#: thousands or millions: a "k" or "M" (or "Mio.", "mn", "MM") right after the number, then at most a currency
#: ("4.2k€", "$1.1M", "12k USD"); "5 m" or "12 MXN" are no millions (a space before "m", letters after "M")
_APPROX_RX = re.compile(r"(?i)^\s*(?:~|≈|ca\.|approx\.?|circa)\s*")
_MAGNITUDE_RX = re.compile(
    r"(?<=\d)(?:\s?(?P<k>[kK])|(?P<m>M|MM|\s?(?i:mio)\.?|\s?mn))(?=\s*(?:[^\w\s.,+\-/]{1,3}|[A-Z]{3})?\s*$)")
_MAGNITUDES: dict[str, int] = {"k": 1_000, "m": 1_000_000}
#: an amount marked as a credit or a debit after it ("1,234.00 CR", "56.10 Dr.")
_CREDIT_DEBIT_RX = re.compile(r"^(?P<body>.*\d)\s*(?P<mark>CR|DR|Cr|Dr)\.?$")


@lru_cache(maxsize=1)
def _digit_table() -> dict[int, str]:
    """Every decimal digit of the Basic Multilingual Plane that is no ASCII digit, as its ASCII digit (Arabic-Indic
    "٣", Persian "۳", Devanagari "३", Thai "๓", Bengali "৩" ...), and the Arabic thousands separator and decimal
    point as an ASCII number writes them; made once, when a number first needs it."""
    table = {c: str(unicodedata.digit(chr(c))) for c in range(128, 0x10000) if unicodedata.category(chr(c)) == "Nd"}
    return {**table, 0x066C: ",", 0x066B: "."}


def ascii_digits(text: str) -> str:
    """A number written in another script's digits ("١٥٤٬١٧٩٫٥٢", "२,५००") as ASCII ("154,179.52", "2,500")."""
    return text if text.isascii() else text.translate(_digit_table())


def shorthand_text(text: str) -> tuple[str, int] | None:
    """An amount text without its magnitude letter or "about" mark, and the factor the letter stands for
    ("4.2k€" -> ("4.2€", 1000), "~12,500" -> ("12,500", 1)); None when it has neither."""
    bare = _APPROX_RX.sub("", text)
    m = _MAGNITUDE_RX.search(bare)
    if m is None:
        return (bare, 1) if bare != text and _DIGIT_RX.search(bare) else None
    return bare[:m.start()] + bare[m.end():], _MAGNITUDES["k" if m["k"] else "m"]


@lru_cache(maxsize=65536)
def _read_amount(text: str) -> _Amount:
    """What one stripped amount text can be read as (plain Python: a column holds a few hundred
    distinct amounts, where per-call pandas overhead outweighs the work). A price per unit is read
    without its unit (`per_unit_text`)."""
    if "\u2212" in text:  # the typeset minus sign (a copy from a PDF or a web page)
        return _read_amount(text.replace("\u2212", "-"))
    if not text.isascii() and (western := ascii_digits(without_invisible(text))) != text:
        return _read_amount(western)  # "٣٠٨٬٣٥٩٫٠٤" as "308,359.04"; "\u200e1,234.50" (a direction mark) as "1,234.50"
    if _WHOLE_DASH_RX.search(text):  # "1.037,-": a whole amount, its cents a dash (German, Austrian, Swiss invoices)
        return _read_amount(_WHOLE_DASH_RX.sub(r"\g<1>00", text))
    marked_credit = _CREDIT_DEBIT_RX.match(text)
    if marked_credit is not None:  # an accounting system's "1,234.00 CR" (a credit) or "DR" (a debit)
        inner = _read_amount(marked_credit["body"])
        return dataclasses.replace(inner, negative=inner.negative != (marked_credit["mark"].upper() == "CR"))
    amount = per_unit_text(text)
    if amount is not None:
        return dataclasses.replace(_read_amount(amount), per_unit=True)
    short = shorthand_text(text)
    if short is not None:
        return dataclasses.replace(_read_amount(short[0]), scale=short[1], shorthand=True)
    stripped, code, unknown_cur, symbol = split_one(text)
    marked = is_marked(text)
    m = _SIGNED_RX.search(_AMOUNT_SPACES_RX.sub("", stripped)) if _spaced_groups_ok(stripped) else None
    if m is None:  # no number, or digits spaced other than in thousands: balanced (no brackets at all) but not usable
        return _Amount("", False, False, False, unknown_cur and _DIGIT_RX.search(stripped) is not None, code, symbol,
                       marked)
    num = m["num"]
    balanced = (m["open"] == "(") == (m["close"] == ")")
    usable = balanced and _DIGIT_RX.search(num) is not None and not unknown_cur
    return _Amount(
        num,
        usable and _DOT_DECIMAL_RX.fullmatch(num) is not None,
        usable and _COMMA_DECIMAL_RX.fullmatch(num) is not None,
        m["open"] == "(" or m["lead"] == "-" or m["trail"] == "-",
        unknown_cur and _DIGIT_RX.search(stripped) is not None,
        code,
        symbol,
        marked,
    )


def _parse_money_distinct(raw: pd.Series, weights: np.ndarray) -> MoneyColumn:
    """`parse_money_column` on distinct values, `weights` being how many rows hold each."""
    out = pd.Series(np.nan, index=raw.index, dtype="float64")
    no = pd.Series(False, index=raw.index)
    outlier, unknown = no.copy(), no.copy()
    currency = pd.Series(None, index=raw.index, dtype=object)
    symbol = currency.copy()
    per_unit, shorthand = no.copy(), no.copy()
    raw = raw.astype(object)  # any column dtype, including pandas 3's string dtype
    cells = raw.tolist()
    is_num = np.array([is_number(v) for v in cells], dtype=bool)
    zero = np.array([is_accounting_zero(v) for v in cells], dtype=bool)
    blank = np.array([is_blank(v) or is_number_placeholder(v) for v in cells], dtype=bool) & ~zero
    out[is_num] = raw[is_num].astype("float64")
    out[zero] = 0.0
    blank |= zero  # read: no more to parse
    at = [i for i in range(len(cells)) if not is_num[i] and not blank[i]]
    decimal_comma, evidence = False, {}
    if at:
        # full-width digits and signs ("１３２，０００", "￥") as their ASCII forms (NFKC)
        texts = [str(cells[i]).strip() for i in at]
        reads = [_read_amount(t if t.isascii() else unicodedata.normalize("NFKC", t)) for t in texts]
        w = np.asarray(weights, dtype=np.int64)[at]
        as_dot = np.array([r.as_dot for r in reads], dtype=bool)
        as_comma = np.array([r.as_comma for r in reads], dtype=bool)
        evidence = {
            "decimal_point": int(w[as_dot & ~as_comma].sum()),
            "decimal_comma": int(w[as_comma & ~as_dot].sum()),
            "either": int(w[as_dot & as_comma].sum()),
        }
        decimal_comma = evidence["decimal_comma"] > evidence["decimal_point"]
        if not evidence["decimal_comma"] and not evidence["decimal_point"] and _dots_group_thousands(reads):
            decimal_comma, evidence["grouping_dots"] = True, int(w[[("." in r.num) for r in reads]].sum())
        readable, other = (as_comma, as_dot) if decimal_comma else (as_dot, as_comma)
        plain = [
            None if not ok else r.num.replace(".", "").replace(",", ".") if decimal_comma
            else r.num.replace(",", "")  # commas group thousands
            for r, ok in zip(reads, readable, strict=True)
        ]
        index = raw.index[at]
        values = pd.to_numeric(pd.Series(plain, index=index, dtype=object), errors="coerce")
        values = values * np.array([r.scale for r in reads], dtype=np.float64)
        negative = pd.Series([r.negative for r in reads], index=index, dtype=bool)
        out[index] = values.where(~negative, -values)
        outlier[index] = other & ~readable
        unknown[index] = [r.unknown for r in reads]
        per_unit[index] = [r.per_unit for r in reads]
        shorthand[index] = [r.shorthand for r in reads]
        marked = any(r.marked for r in reads)
        currency[index] = token_series([r.code for r in reads], index, marked).where(readable, None)
        symbol[index] = token_series([r.symbol for r in reads], index, marked).where(readable, None)
    out = out.round(2)
    failed = pd.Series(~blank, index=raw.index) & out.isna() & ~outlier & ~unknown
    return MoneyColumn(out, failed, outlier, unknown, currency, decimal_comma, evidence, symbol,
                       per_unit & out.notna(), shorthand & out.notna())


_GROUPED_RX = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def _dots_group_thousands(reads: list[_Amount]) -> bool:
    """A column where nothing proves the decimal separator, whose dotted amounts are all thousands
    groups ("1.720", "32.685", "1.250.000", beside "486"): amounts have cents, not three decimals on
    every value, so its dots group thousands (German and Dutch exports of whole amounts). One
    "0.125" or "1.5" keeps the decimal point."""
    dotted = [r.num for r in reads if "." in r.num]
    return bool(dotted) and all(_GROUPED_RX.fullmatch(n) for n in dotted)


def _ungroup(value: str) -> str:
    """Drop thousands commas ("1,000"); any other comma is a decimal comma ("1,5" is 1.5, not 15)."""
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", value.strip()).replace(",", ".")


def _decimal_comma_number(value: str) -> str:
    """A number written with a decimal comma as Python reads it ("1.234,5" -> "1234.5", "1,000" -> "1.000")."""
    return value.strip().replace(".", "").replace(",", ".")


#: SAP's sign after the number ("1-", "12.000-": a credit memo's units), as amounts read it
_TRAILING_MINUS_RX = re.compile(r"^\s*(\d[\d.,\s']*)-\s*$")
#: a count in brackets ("(1)"): an accountant's negative, as "(1,037.25)" is in the amount beside it
_BRACKETED_RX = re.compile(r"^\s*\(\s*(\d[\d.,\s']*)\)\s*$")
#: the cents of a whole amount written as a dash after the decimal mark ("1.037,-", "2.074,--", "1'185.-", "1.222,- €")
_WHOLE_DASH_RX = re.compile(r"(?<=\d)([.,])[-–—]{1,2}(?=\s*[^\d\s.,\-–—]{0,3}\s*$)")


def _quantity_text(v: object, decimal_comma: bool = False) -> object:
    if is_blank(v) or is_number_placeholder(v):
        return None
    if isinstance(v, (int, float)):
        return v
    # the typeset minus sign of a copy from a PDF; another script's digits; direction marks of a right-to-left sheet
    written = ascii_digits(without_invisible(str(v).replace("\u2212", "-")))
    if _FULL_WIDTH.search(written):  # "１" typed with a Japanese input method
        written = unicodedata.normalize("NFKC", written)
    signed = _TRAILING_MINUS_RX.match(written) or _BRACKETED_RX.match(written)
    if signed is not None:
        written = "-" + signed[1]
    text = _decimal_comma_number(written) if decimal_comma else _ungroup(written)
    return _QUANTITY_UNIT.sub("", text)


#: the words a count of units is written with after its number, compared in any case, a dot after one or
#: not: pieces, units, each and numbers in the languages exports are written in ("2 pcs", "1 Nos" of Tally
#: in India, "5 Stk.", "3 St.", "2 st", "1 ea", "4 units", "2 Stück", "1 unidad", "3 pz", "4 szt.", "2 ks",
#: "1 kpl", "3 db", "2 adet", "5 шт", "2台"), "x" ("10 x"), a software line's seats, licences and users, and
#: a partner's people ("3 FTE", "4 engineers"). Not any word: a duration or a measure ("12 months", "5 kg")
#: counts no units, and a pack's or box's units are not written, so such a cell stays a bad quantity
QUANTITY_UNITS = frozenset({
    "pc", "pcs", "pce", "pces", "piece", "pieces", "unit", "units", "ea", "each", "no", "nos", "x",
    "seat", "seats", "licence", "licences", "license", "licenses", "lic", "user", "users",
    "fte", "ftes", "people", "person", "persons", "engineer", "engineers", "staff",
    "st", "stk", "stck", "stück", "stueck", "stuck", "lizenz", "lizenzen",  # German
    "pièce", "pièces", "unité", "unités",  # French
    "u", "ud", "uds", "un", "und", "unid", "unidad", "unidades", "unidade", "pç", "pçs",  # Spanish, Portuguese
    "pz", "pza", "pzas", "pezzo", "pezzi", "unità",  # Italian (Mexican Spanish "pza")
    "stuk", "stuks", "styck", "stycken", "stykk", "stykker",  # Dutch, Swedish, Norwegian, Danish
    "szt", "ks", "kpl", "db", "adet", "шт", "штук", "τεμ",  # Polish, Czech/Slovak, Finnish, Hungarian, Turkish
    "個", "个", "台", "件", "套",  # Japanese and Chinese counters
})  # fmt: skip
_UNIT_WORDS = "|".join(re.escape(u) for u in sorted(QUANTITY_UNITS, key=len, reverse=True))
#: a unit word after a count's last digit (or its space): "2 pcs", "2pcs", "5 Stk.", "2台"
_QUANTITY_UNIT = re.compile(rf"(?i)(?<=[\d\s])\s*(?:{_UNIT_WORDS})\.?\s*$")


def quantity_unit(value: object) -> str | None:
    """The unit word a quantity cell writes after its count ("Nos" of "1 Nos", "Stk." of "5 Stk."), else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = _QUANTITY_UNIT.search(text)
    return m.group().strip() if m is not None and _DIGIT_RX.search(text[:m.start()]) else None


#: a price of one unit, its unit written after it: "/" or "per" ("pro", "par", "por") and a unit word of
#: `QUANTITY_UNITS` ("3,073.04/Nos" in Tally's Rate column, "12,50 €/Stk.", "$12.50 per unit"), or
#: "each" ("$12.50 each", "12.50 ea"); taken off before the currency is looked for
_PER_UNIT_RX = re.compile(rf"(?i)(?:\s*/\s*|\s+(?:per|pro|par|por)\s+)(?:{_UNIT_WORDS})\.?\s*$|\s+(?:each|ea)\.?\s*$")


def per_unit_text(text: str) -> str | None:
    """An amount text without the unit it is priced per ("3,073.04/Nos" -> "3,073.04"); None when it names
    no unit, or nothing but the unit would be left."""
    m = _PER_UNIT_RX.search(text)
    return text[:m.start()].strip() if m is not None and _DIGIT_RX.search(text[:m.start()]) else None


_PROVEN_COMMA_RX = re.compile(r"\d,(?:\d{1,2}|\d{4,})\s*$|^\s*\d{1,3}(?:\.\d{3})+,\d+\s*$")


def comma_decimals(raw: pd.Series) -> bool:
    """Whether a number column's own values prove a decimal comma: a comma before one, two or four+
    digits ("2,5", "1,25") or after dotted thousands ("1.000,000"); "1,000" alone proves nothing."""
    text = map_unique(raw.astype(object), lambda v: v if isinstance(v, str) else None)
    return bool(text.dropna().astype(str).str.contains(_PROVEN_COMMA_RX).any())


def quantity_numbers(raw: pd.Series, decimal_comma: bool = False) -> pd.Series:
    """Quantity cells as float64 numbers before any check ("3 pcs" -> 3.0, "inf" -> inf, junk -> NaN);
    with `decimal_comma` (the file proves it) "1,000" is 1 and "1.000" is 1000, as SAP's German exports write."""
    # mapped as object: on an empty string-dtype column map() would return strings, not bools
    as_str = map_unique(raw.astype(object), lambda v: _quantity_text(v, decimal_comma))
    return pd.to_numeric(as_str, errors="coerce").astype("float64")


def parse_quantity(raw: pd.Series, decimal_comma: bool = False) -> tuple[pd.Series, pd.Series]:
    """Quantities ("3", 3.0, "3 pcs", "1,000") to integers; fractions, inf and values past 2**53 fail.
    "1,000" is a thousand unless `decimal_comma` says the file writes decimals with a comma."""
    values = quantity_numbers(raw, decimal_comma)
    integral = values.notna() & np.isfinite(values) & values.abs().le(2.0**53) & (values == values.round())
    out = values.where(integral).astype("Int64")
    unknown = map_unique(raw.astype(object), lambda v: is_blank(v) or is_number_placeholder(v)).astype(bool)
    failed = ~unknown & out.isna()
    return out, failed


#: "8.18489E+11": a long number Excel showed (and a CSV saved) in scientific notation, its digits lost
_SCIENTIFIC_RX = re.compile(r"(?i)^\s*[+-]?\d+(?:[.,]\d+)?\s*E\s*\+?\d+\s*$")


#: a number cell this large lost digits (a spreadsheet keeps fifteen significant ones)
_ROUNDED_NUMBER = 1e15


def scientific_cells(raw: pd.Series) -> pd.Series:
    """Which cells are a number in scientific notation ("8.18489E+11": five or six significant digits of
    a longer number) or a number cell of sixteen digits or more (4.35e+16, digits lost to a spreadsheet's
    fifteen): such a value can never name one unit."""
    def damaged(v: object) -> bool:
        if isinstance(v, str):
            return _SCIENTIFIC_RX.match(v) is not None
        return isinstance(v, (float, np.floating)) and not math.isnan(v) and abs(float(v)) >= _ROUNDED_NUMBER

    return map_unique(raw.astype(object), damaged).astype(bool)


#: a text cell that is one serial as written: a letter or digit, and nothing a prefix, a separator or the
#: trimmed punctuation needs (every SERIAL_PREFIX form has one of "/", ":", "#")
_PLAIN_SERIAL = re.compile(r"[^\s,;/:#.|+&、，；｜／＋＆・]*[^\W_][^\s,;/:#.|+&、，；｜／＋＆・]*")
_NOT_ALNUM = re.compile(r"[\W_]+")
#: a count written in brackets beside serials: "(x2)", "(2x)", "(x 2)", "[×2]", "(qty 2)", "(2 pcs)"
_BRACKETED_COUNT = (r"[(\[]\s*(?:[x×*]\s*\d+|\d+\s*[x×*]|(?:qty|menge|anz)\.?\s*:?\s*\d+"
                    r"|\d+\s*(?:pcs?|units?|ea|stk)\.?)\s*[)\]]")
#: a count written bare after a serial, with a lower-case "x" or a multiplication sign ("FOC1 x2", "FOC1 x 2",
#: "FOC1 2x", "FOC1 ×2"); a capital "X2" is a serial as written ("X1 and X2")
_BARE_COUNT = r"(?<=[^\s,;/|+&、，；｜／＋＆・])\s+(?:[x×]\s?\d+|\d+\s?[x×]|×)(?=$|[\s,;/|+&、，；｜／＋＆・])"
_COUNT_IN_CELL = re.compile(rf"(?i:{_BRACKETED_COUNT})|{_BARE_COUNT}")
_COUNT_TOKEN = re.compile(rf"(?i:{_BRACKETED_COUNT})|×\d+|\d+×")


#: a serial printed in groups of digits as on its label ("4817 7730 1299"): three or more groups of the same
#: three or four digits, one space apart (two groups may be two short asset tags)
_DIGIT_GROUPS = re.compile(r"(?<![\w-])(?:\d{4}(?: \d{4}){2,}|\d{3}(?: \d{3}){2,})(?![\w-])")


def _serial_list(value: object) -> list[str] | None:
    """One serial cell as a list (None for a blank cell). Most cells are one serial and nothing else,
    and nearly every one is a distinct value: those are taken as they are (`_serial_cell` gives them
    the same list, through the prefix, the split and the trim)."""
    if type(value) is str:
        # a zero-width space copied from a web page; full-width or Cyrillic look-alike letters (`latin_code`)
        value = latin_code(without_invisible(value, code=True))
    if type(value) is str and _PLAIN_SERIAL.fullmatch(value):
        return [] if value.lower() in SERIAL_PLACEHOLDERS or not is_serial_token(value) else [value]
    return _serial_cell(value)


def is_serial_token(token: str) -> bool:
    """Whether one token of a split serial cell can be a serial: it holds a letter or a digit (a lone
    "-" between two serials separates them), is no connector word ("and", "und", "&"), which the
    matcher would otherwise key as a unit called "AND", and no count ("(x2)", "×2": how many units).
    Nor a word: one of `SERIAL_WORDS` in any case, or letters alone written as a word ("See", "Attached":
    a capital, then small letters); nor one character written over and
    over ("000000", "XXXX") or zeros alone: what a form asks for when nobody knows the serial. Each
    would otherwise be one unit shared by every row that wrote it."""
    core = _NOT_ALNUM.sub("", token)
    if not core or _COUNT_TOKEN.fullmatch(token):
        return False
    folded = core.casefold()
    if folded in SERIAL_CONNECTORS or core in SERIAL_ONE_LETTER_CONNECTORS:
        return False
    if core.isalpha() and (_capitalised(core) or fold_word(core) in SERIAL_WORDS):
        return False
    return not (len(set(folded)) == 1 and (len(core) >= 3 or folded[0] == "0"))


def _capitalised(word: str) -> bool:
    """A word written as a word ("See", "Pending"): a capital, then small letters only. A serial is written
    in capitals, or all in small letters by a source that lowers every value ("dmlzyjs")."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def _serial_cell(value: object) -> list[str] | None:
    """`_serial_list` of any cell: its text, the prefix and any count ("FOC1 (x2)") removed, split on the
    separators, trimmed, and the tokens that are no serial (`is_serial_token`) left out. A range
    ("A001-A003") stays one token: which units it spans is not written."""
    text = cell_text(value)
    if text is None:
        return None
    cell = _COUNT_IN_CELL.sub(" ", SERIAL_PREFIX.sub(" ", text).strip()).strip()
    if cell.lower() in SERIAL_PLACEHOLDERS:
        return []
    cell = _PLACEHOLDER_IN_CELL.sub(" ", cell)
    cell = _DIGIT_GROUPS.sub(lambda m: m[0].replace(" ", ""), cell)  # "4817 7730 1299": one serial, as labelled
    return [t for x in _SERIAL_SPLIT.split(cell) if (t := x.strip(".:#")) and is_serial_token(t)]


def split_serials(raw: pd.Series) -> pd.Series:
    """Serial cells to lists: prefixes removed, split on `SERIAL_SEPARATORS` and connector words. Each distinct
    cell is split once, in Python (a third of the time of five pandas string passes over every row);
    every row gets a list of its own. A serial written in groups ("FOC 2145 X0AB") is one serial again
    where the column's other serials say so (`_spaced_serials`)."""
    codes, uniques = distinct(raw)
    lists = [_serial_list(u) for u in uniques]
    for i, joined in _spaced_serials(uniques.tolist(), lists).items():
        lists[i] = [joined]
    out = expand_distinct(raw, pd.Series(lists, dtype=object), codes)
    return pd.Series([[] if v is None else list(v) for v in out], index=raw.index, dtype=object)


#: a column's serials say how long one is when this many cells hold one serial without a space
SPACED_EVIDENCE = 20
#: the shortest serial whose groups are joined again (shorter ones are often written as several units)
SPACED_MIN_LENGTH = 6


def _spaced_serials(cells: Sequence[object], lists: Sequence[list[str] | None]) -> dict[int, str]:
    """The cells that hold one serial written in groups split at its spaces ("FOC 2145 X0AB", "000 3304 83"),
    each with the serial joined again: the cell has no separator but spaces, one of its groups is too short to
    be a serial (under `SPACED_MIN_LENGTH`) and each is shorter than the column's shortest usual serial (of
    the serials written without a space, the tenth percentile of their lengths), and together they are as long
    as one (up to the ninetieth percentile). Two serials of a two-unit row ("RTRYTMD WX6Q8RL") stay two."""
    lengths = [len(ls[0]) for c, ls in zip(cells, lists, strict=True)
               if ls is not None and len(ls) == 1 and isinstance(c, str) and " " not in c.strip()]
    if len(lengths) < SPACED_EVIDENCE:
        return {}
    # the lengths the column's serials have (its makers' schemes: 7, 10, 11, 12 ...), the rarest tenth aside
    shortest, longest = (int(x) for x in np.percentile(lengths, [10, 90]))
    if shortest < SPACED_MIN_LENGTH:
        return {}
    out: dict[int, str] = {}
    for i, (cell, pieces) in enumerate(zip(cells, lists, strict=True)):
        if not pieces or not isinstance(cell, str) or " " not in cell.strip() or _SPACED_OTHER_SEPARATOR.search(cell):
            continue
        groups = [g for g in _SERIAL_SPLIT.split(SERIAL_PREFIX.sub(" ", cell).strip()) if g]
        sizes = [len(_NOT_ALNUM.sub("", g)) for g in groups]
        if (len(groups) > 1 and min(sizes) < SPACED_MIN_LENGTH and max(sizes) < shortest
                and shortest <= sum(sizes) <= longest):
            out[i] = "".join(g.strip(".:#") for g in groups)
    return out


#: a separator other than a space: serials written with it are several
_SPACED_OTHER_SEPARATOR = re.compile(r"[,;/|+&\n、，；｜／＋＆・]")
