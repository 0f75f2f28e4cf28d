"""Header recognition: score each header against each canonical field's vocabulary, find the header row.

A header is read into vocabulary words (`sources.header_words`) and compared with every phrase of
every field (`sources.vocabulary`) as a weighted token-set F-score: "Qty Shipped" is "quantity"
with a qualifier, "Vendor Part No." is most of "manufacturer part number". A header written
exactly as a listed phrase scores 1 as a synonym. One header row is then assigned to fields as a
whole (one column per field, best total score). `columns:` in sources.yaml always wins.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy.optimize import linear_sum_assignment

from sources.currency import header_currency
from sources.fields import CANONICAL_FIELDS, FIELD_TYPES, REQUIRED_FIELDS, eligible_fields, required_columns
from sources.header_scale import header_scale
from sources.header_words import ABBREVIATION, GUESSED, MODIFIERS, TYPO, header_words
from sources.vocabulary import (
    DOCUMENT_TOTAL_PHRASES,
    DOCUMENT_TOTAL_WEIGHT,
    FIELD_PHRASES,
    INVOICE_DATE_STAND_INS,
    KIND_FALLBACK_PHRASES,
    KIND_FALLBACK_WEIGHT,
    KIND_NO_FIELD_PHRASES,
    KIND_PHRASE_WEIGHT,
    KIND_PHRASES,
    KIND_WEAKER,
    KIND_WEAKER_PHRASES,
    KIND_WHOLE_HEADERS,
    KIND_WHOLE_HEADERS_ONLY,
    NO_FIELD_PHRASES,
    NOT_A_FIELD,
    OTHER_CONCEPTS,
    PURCHASE_PRICE_PHRASES,
    PURCHASE_PRICE_WEIGHT,
    ROLES,
    STAND_IN_WEIGHT,
    TAX_EXCLUDED_WORDS,
    TAX_INCLUDED_WEIGHT,
    TAX_INCLUDED_WORDS,
    TAX_WORDS,
    WHOLE_HEADERS,
    expand_phrases,
)

#: a header this close to one of a field's phrases names the field on its own
HEADER_MIN = 0.75

#: canonical field -> every phrase naming it (roles expanded), as written in the vocabulary
SYNONYMS: dict[str, tuple[str, ...]] = {f: expand_phrases(f) for f in FIELD_PHRASES}

_NON_ALNUM = re.compile(r"(?:[^\w#]|_)+")


def normalise_header(text: object) -> str:
    """Lower-case a header and reduce punctuation/spacing to single spaces ("S/N:" -> "s n"); letters
    of every script are kept, so `columns:` tells "請求日" from "品番" (both were "" before)."""
    if text is None:
        return ""
    s = str(text).strip().lower().replace("&", " and ")
    s = s.replace("no.", "no ").replace("nr.", "no ")
    return _NON_ALNUM.sub(" ", s).strip()


def _build() -> tuple[dict[str, tuple[str, ...]], list[tuple[str, frozenset[str]]], dict[str, list[int]]]:
    raw: dict[str, list[str]] = {"s n": ["serial_numbers"], **{h: [f] for h, f in WHOLE_HEADERS.items()}}
    phrases: list[tuple[str, frozenset[str]]] = []
    index: dict[str, list[int]] = {}
    for fld, names in SYNONYMS.items():
        for name in names:
            fields = raw.setdefault(normalise_header(name), [])
            if fld not in fields:
                fields.append(fld)
            words = frozenset(w.text for w in header_words(name))
            if words:
                for w in words:
                    index.setdefault(w, []).append(len(phrases))
                phrases.append((fld, words))
    return {k: tuple(v) for k, v in raw.items()}, phrases, index


_RAW, _PHRASES, _INDEX = _build()


def _specificity() -> dict[str, float]:
    """Word weight by how few fields use it: "serial" tells more than "number" or "end user"."""
    fields_of: dict[str, set[str]] = {}
    for fld, words in _PHRASES:
        for w in words:
            fields_of.setdefault(w, set()).add(fld)
    n = len(SYNONYMS)
    idf = {w: math.log(1 + n / len(f)) for w, f in fields_of.items()}
    # a party word ("customer", "end user") separates customer_account from reseller_account even
    # though many fields use it: it never weighs less than a moderately specific word
    roles = {w.text for words in ROLES.values() for p in words for w in header_words(p)}
    return {w: max(v, ROLE_FLOOR) if w in roles else v for w, v in idf.items()}


ROLE_FLOOR = 2.5
_IDF = _specificity()
_UNKNOWN_WEIGHT = max(_IDF.values())


def _extra_weight(word: str) -> float:
    """What a header word the phrase lacks costs: little for a qualifier, some for a word the
    vocabulary does not know (a brand: "Arrow Invoice"), and as much as the rarest word for a
    known word of another meaning ("Region Code", "Discount Category")."""
    if word in MODIFIERS:
        return 0.3
    if word in _IDF or word in OTHER_CONCEPTS:
        return _UNKNOWN_WEIGHT
    return 1.0


@dataclass(frozen=True)
class FieldScore:
    """How well one header names one field: 0..1, and the kind of evidence."""

    score: float
    evidence: str  # "synonym" | "abbreviation" | "fuzzy"


def _phrase_score(how: dict[str, str], phrase: frozenset[str]) -> tuple[float, str]:
    """Weighted token-set F-score of a header's words against one phrase, and its evidence."""
    common = phrase & how.keys()
    if not common:
        return 0.0, "synonym"
    # words weigh by specificity; a header word the phrase lacks costs little when it only
    # qualifies ("net", "USD")
    shared = sum(_IDF.get(w, _UNKNOWN_WEIGHT) for w in common)
    extra = sum(_extra_weight(w) for w in how if w not in phrase)
    precision = shared / (shared + extra)
    # a phrase word the header lacks costs at least a moderately specific word: "Customer" is
    # not most of "customer number", however common "number" is
    recall = shared / (shared + sum(max(_IDF.get(w, _UNKNOWN_WEIGHT), ROLE_FLOOR) for w in phrase - common))
    f = 2 * precision * recall / (precision + recall)
    kinds = {how[c] for c in common}
    evidence = "fuzzy" if TYPO in kinds else "abbreviation" if kinds & {ABBREVIATION, GUESSED} else "synonym"
    f *= 0.92 if kinds & {TYPO, GUESSED} else 1.0
    if all(c in MODIFIERS for c in common) and len(phrase) > len(common):
        f *= 0.5  # sharing only a qualifier ("Ultimate ...") is no evidence
    return f, evidence


_QUALIFIER = re.compile(r"(?:\s*\([^()]*\))+\s*$")  # parenthesised qualifiers after a header
QUALIFIED = 0.95  # a field named before a parenthesised qualifier, a little less sure than the header whole
WORDS_ONLY = 0.98  # a field a header reads like but is not written as, beside one it is written as


def _words(text: str) -> frozenset[str]:
    return frozenset(w.text for w in header_words(text))


_PARTY_WORDS = frozenset(
    w.text for role in ("customer", "reseller", "bill_to", "contact", "partner") for p in ROLES[role]
    for w in header_words(p))
_NO_FIELD = frozenset(_words(p) for p in NO_FIELD_PHRASES)
_KIND_NO_FIELD = {kind: frozenset(_words(p) for p in phrases) for kind, phrases in KIND_NO_FIELD_PHRASES.items()}
_DOCUMENT_TOTALS = frozenset(normalise_header(p) for p in DOCUMENT_TOTAL_PHRASES)
_NOT_A_FIELD = tuple(_words(p) for p in NOT_A_FIELD)
#: words that may qualify a thing no field holds without making it a field: whose it is ("CNPJ Revenda",
#: "NIP partnera"), a qualifier, its number or code
_NOT_A_FIELD_QUALIFIERS = _PARTY_WORDS | MODIFIERS | {"number", "id", "code"}
_STAND_INS = tuple(_words(p) for p in INVOICE_DATE_STAND_INS)
_PURCHASE_PRICES = tuple(_words(p) for p in PURCHASE_PRICE_PHRASES)


def _reads_as(words: frozenset[str], phrases: tuple[frozenset[str], ...], others: frozenset[str]) -> bool:
    """Whether a header's words are one of `phrases` and otherwise only `others`."""
    return any(p <= words and words - p <= others for p in phrases)


def names_no_field(text: str, kind: str | None = None) -> bool:
    """Whether a header says what its column holds and that is no field: a unit of measure, a tax id, a cost
    centre (in files of `kind`: an accounting export's ledger account). Such a column is never read as a field,
    whatever its header shares with a phrase or its values look like."""
    words = _words(text)
    return bool(words) and (
        words in _NO_FIELD or words in _KIND_NO_FIELD.get(kind or "", frozenset())
        or _reads_as(words, _NOT_A_FIELD, _NOT_A_FIELD_QUALIFIERS))


@lru_cache(maxsize=65536)
def score_header(text: str) -> dict[str, FieldScore]:
    """Every field this header may name, with its score (fields scoring 0 are left out)."""
    out = _score_words(text)
    if normalise_header(text) in _DOCUMENT_TOTALS and "amount" in out:  # a line's own amount goes first
        out["amount"] = FieldScore(round(out["amount"].score * DOCUMENT_TOTAL_WEIGHT, 4), out["amount"].evidence)
    words = _words(text)
    if "invoice_date" in out and _reads_as(words, _STAND_INS, MODIFIERS):  # the invoice's own date goes first
        out["invoice_date"] = FieldScore(round(out["invoice_date"].score * STAND_IN_WEIGHT, 4),
                                         out["invoice_date"].evidence)
    if (words & TAX_INCLUDED_WORDS and words & TAX_WORDS or "gross" in words) and not words & TAX_EXCLUDED_WORDS:
        for fld in ("amount", "unit_price"):  # a tax-inclusive value: the net one goes first
            if fld in out:
                out[fld] = FieldScore(round(out[fld].score * TAX_INCLUDED_WEIGHT, 4), out[fld].evidence)
    if _reads_as(words, _PURCHASE_PRICES, MODIFIERS):  # what the sender paid: a selling price goes first
        out["unit_price"] = FieldScore(PURCHASE_PRICE_WEIGHT, "synonym")
    head = _QUALIFIER.sub("", text).strip()
    qualifier = _words(text) - _words(head)
    if head and qualifier and not qualifier & _PARTY_WORDS and max(
            (s.score for s in out.values()), default=0.0) < HEADER_MIN:
        # "Service Level (Contract Template)": a qualifier in parentheses does not hide the field before
        # it, unless it names whose the field is ("Email (Primary Contact)": the contact's)
        for fld, s in _score_words(head).items():
            if s.score * QUALIFIED > out.get(fld, FieldScore(0.0, "")).score:
                out[fld] = FieldScore(round(s.score * QUALIFIED, 4), s.evidence)
    return out


def _score_words(text: str) -> dict[str, FieldScore]:
    """`score_header` of the header as written: a header written as a field's phrase names that field
    before any other its words read like ("Billing Code" is a postal code, not "billing party code")."""
    out: dict[str, FieldScore] = {}
    exact = _RAW.get(normalise_header(text), ())
    for fld in exact:
        out[fld] = FieldScore(1.0, "synonym")
    how = {w.text: w.how for w in header_words(text)}
    seen: set[int] = set()
    for w in how:
        for i in _INDEX.get(w, ()):
            if i in seen:
                continue
            seen.add(i)
            fld, phrase = _PHRASES[i]
            f, evidence = _phrase_score(how, phrase)
            f = min(f, WORDS_ONLY) if exact and fld not in exact else f
            best = out.get(fld)
            if best is None or f > best.score + 1e-9:
                out[fld] = FieldScore(round(f, 4), evidence)
    return out


_KIND_PHRASES = {
    kind: {
        fld: (shadowed, [frozenset(w.text for w in header_words(p)) for p in phrases])
        for fld, (shadowed, phrases) in table.items()
    }
    for kind, table in KIND_PHRASES.items()
}
SHADOWED = 0.9
#: the evidence of a fallback phrase's score: it yields to any column whose header names the field
FALLBACK = "fallback"
_KIND_WEAKER = {kind: {fld: [_words(p) for p in phrases] for fld, phrases in table.items()}
                for kind, table in KIND_WEAKER_PHRASES.items()}
_KIND_FALLBACK = {kind: {fld: [frozenset(w.text for w in header_words(p)) for p in phrases]
                         for fld, phrases in table.items()}
                  for kind, table in KIND_FALLBACK_PHRASES.items()}


#: a header written as a relation's path ("Invoice lines/Product", "Partner/Country"), as Odoo and
#: other ERPs export related records' fields: its last step names the field this surely at most
PATH_STEP_WEIGHT = 0.95
_PATH = re.compile(r"^(?P<relation>[^/]{3,})/(?P<step>[^/]{3,})$")


@lru_cache(maxsize=65536)
def field_scores(text: str, kind: str | None = None) -> dict[str, FieldScore]:
    """`score_header` plus the phrases that name a field only in files of `kind`; nothing for a header
    that names no field (in files of `kind`). A relation's path ("Invoice lines/Product") is also read
    by its last step ("Product"), the better reading of each field kept."""
    out = _field_scores(text, kind)
    m = _PATH.match(" ".join(text.split()))
    if m is None or _names_money(m.group("relation"), kind):  # "Preis/Stk.": a price per piece, no path
        return out
    for fld, s in _field_scores(m.group("step"), kind).items():
        step = round(s.score * PATH_STEP_WEIGHT, 4)
        if fld not in out or out[fld].score < step:
            out[fld] = FieldScore(step, s.evidence)
    return out


def _names_money(text: str, kind: str | None) -> bool:
    """Whether a header names a money field on its own ("Preis", "Price")."""
    return any(FIELD_TYPES[f] == "money" and s.score >= HEADER_MIN for f, s in _field_scores(text, kind).items())


def _field_scores(text: str, kind: str | None = None) -> dict[str, FieldScore]:
    if names_no_field(text, kind):
        return {}
    out = dict(score_header(text))
    whole = KIND_WHOLE_HEADERS.get(kind or "", {}).get(normalise_header(text))
    if whole is not None and kind in KIND_WHOLE_HEADERS_ONLY:
        out = {whole: FieldScore(max(KIND_PHRASE_WEIGHT, out.get(whole, FieldScore(0.0, "")).score), "synonym")}
    elif whole is not None and out.get(whole, FieldScore(0.0, "")).score < KIND_PHRASE_WEIGHT:
        out[whole] = FieldScore(KIND_PHRASE_WEIGHT, "synonym")
    how = {w.text: w.how for w in header_words(text)}
    fallbacks = [*_KIND_FALLBACK.get(kind or "", {}).items(), *_KIND_FALLBACK["*"].items()]
    for fld, phrases in fallbacks:
        f = max(_phrase_score(how, p)[0] for p in phrases) * KIND_FALLBACK_WEIGHT
        if f > out.get(fld, FieldScore(0.0, "")).score:
            out[fld] = FieldScore(round(f, 4), FALLBACK)
    for fld, phrases in _KIND_WEAKER.get(kind or "", {}).items():
        if fld in out and max(_phrase_score(how, p)[0] for p in phrases) >= out[fld].score:
            out[fld] = FieldScore(round(out[fld].score * KIND_WEAKER, 4), out[fld].evidence)
    extra = _KIND_PHRASES.get(kind or "")
    if not extra:
        return out
    for fld, (shadowed, phrases) in extra.items():
        best = max((_phrase_score(how, p) for p in phrases), default=(0.0, "synonym"))
        f = best[0] * KIND_PHRASE_WEIGHT
        if f <= 0 or (fld in out and out[fld].score >= f):
            continue
        out[fld] = FieldScore(round(f, 4), best[1])
        # the generic reading gives way: an invoice's "Customer" is its bill-to
        # (scores are kept to four places: the generic reading of the same words rounds up past the phrase's)
        for other in (o for o in shadowed if o in out and out[o].score <= round(best[0], 4)):
            out[other] = FieldScore(round(out[other].score * SHADOWED, 4), out[other].evidence)
    return out


@dataclass(frozen=True)
class HeaderMatch:
    """How one header row maps onto canonical fields."""

    mapping: dict[int, str]  # column index -> canonical field
    headers: list[str]  # the header texts as written, by column index
    how: dict[str, str] = field(default_factory=dict)  # field -> columns|synonym|abbreviation|fuzzy|content
    #: field -> the value a line above the header states for every row (no column gives the field)
    given: dict[str, str] = field(default_factory=dict)

    @property
    def fields(self) -> set[str]:
        return set(self.mapping.values())


def clean_headers(cells: Sequence[object]) -> list[str]:
    """Header texts on one line ("Serial\\nNumber" typed with Alt+Enter reads "Serial Number")."""
    return ["" if c is None else " ".join(str(c).split()) for c in cells]


_OCCURRENCE = re.compile(r"^(.*\S)\s*\((\d{1,3})\)$")


def occurrence_labels(headers: Sequence[str]) -> list[str]:
    """Each header as `columns:` names it: a header written more than once is "Date", "Date (2)",
    "Date (3)" from left to right (the names a quarantined row's raw values are kept under)."""
    seen: dict[str, int] = {}
    out = []
    for h in headers:
        key = normalise_header(h)
        seen[key] = seen.get(key, 0) + 1
        out.append(f"{h} ({seen[key]})" if h and seen[key] > 1 else h)
    return out


def repeated_headers(headers: Sequence[str]) -> dict[str, list[int]]:
    """Headers written more than once (as first written) -> their 0-based columns."""
    where: dict[str, list[int]] = {}
    first: dict[str, str] = {}
    for i, h in enumerate(headers):
        if h:
            key = normalise_header(h)
            where.setdefault(key, []).append(i)
            first.setdefault(key, h)
    return {first[k]: cols for k, cols in where.items() if len(cols) > 1}


def _occurrence_column(headers: Sequence[str], name: str) -> int | None:
    """The column `name` picks by occurrence ("Date (2)": the second column headed "Date"), or None."""
    m = _OCCURRENCE.match(name.strip())
    if m is None:
        return None
    key, nth = normalise_header(m.group(1)), int(m.group(2))
    cols = [i for i, h in enumerate(headers) if h and normalise_header(h) == key]
    return cols[nth - 1] if 1 <= nth <= len(cols) else None


_BLANK_COLUMN = re.compile(r"^\(?\s*column\s+(\d{1,4})\s*\)?$", re.IGNORECASE)


def _blank_column(headers: Sequence[str], name: str) -> int | None:
    """The column "column 6" picks when the sixth column's header is blank, or None."""
    m = _BLANK_COLUMN.match(name.strip())
    i = int(m.group(1)) - 1 if m else -1
    return i if 0 <= i < len(headers) and not headers[i] else None


def override_columns(headers: Sequence[str], overrides: Mapping[str, str] | None) -> dict[int, str]:
    """Column index -> field for the headers named under `columns:` (first such column wins); a
    name no header is written as, "Date (2)", names the second column headed "Date", and "column 6"
    the sixth column when its header is blank."""
    wanted = {normalise_header(h): f for f, h in (overrides or {}).items()}
    out: dict[int, str] = {}
    for i, h in enumerate(headers):
        fld = wanted.get(normalise_header(h))
        if h and fld is not None and fld not in out.values():
            out[i] = fld
    written = {normalise_header(h) for h in headers if h}
    for fld, name in (overrides or {}).items():
        if fld in out.values() or normalise_header(name) in written:
            continue
        at = _occurrence_column(headers, name)
        at = _blank_column(headers, name) if at is None else at
        if at is not None and at not in out:
            out[at] = fld
    return out


def assign(scores: np.ndarray, minimum: float) -> list[tuple[int, int]]:
    """(row, column) pairs of the best one-to-one assignment whose scores reach `minimum`.

    Ties go to the earlier row, as a person reading left to right would choose.
    """
    if scores.size == 0 or not (scores >= minimum).any():
        return []
    tie = np.arange(scores.shape[0], dtype=float)[:, None] * 1e-6
    cost = np.where(scores >= minimum, -(scores - tie), 0.0)
    rows, cols = linear_sum_assignment(cost)
    return [(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if scores[r, c] >= minimum]


def recognise_header(
    cells: Sequence[object], overrides: Mapping[str, str] | None = None, kind: str | None = None
) -> HeaderMatch:
    """Map one candidate header row to canonical fields by its headers alone."""
    headers = clean_headers(cells)
    fixed = override_columns(headers, overrides)
    named = {normalise_header(h) for h in (overrides or {}).values()}
    fields = [f for f in eligible_fields(kind or "") if f not in fixed.values()]
    column_of = {f: j for j, f in enumerate(fields)}
    scores = np.zeros((len(headers), len(fields)))
    evidence: dict[tuple[int, int], str] = {}
    for i, h in enumerate(headers):
        if i in fixed or not h or not isinstance(cells[i], str) or normalise_header(h) in named:
            continue
        # the fields this header scores, not every eligible field: most cells of a data row score none
        for fld, s in field_scores(h, kind).items():
            j = column_of.get(fld)
            if j is not None:
                scores[i, j], evidence[i, j] = s.score, s.evidence
    mapping = dict(fixed)
    how = {f: "columns" for f in fixed.values()}
    for i, j in assign(scores, HEADER_MIN):
        mapping[i] = fields[j]
        how[fields[j]] = evidence[i, j]
    return HeaderMatch(mapping=dict(sorted(mapping.items())), headers=headers, how=how)


def header_score(match: HeaderMatch, kind: str) -> int:
    """Rank a candidate header row: required fields count most, any other field counts once."""
    req = required_columns(kind)
    return 10 * len(match.fields & req) + len(match.fields - req)


def is_recognisable(match: HeaderMatch, kind: str) -> bool:
    """A header is recognisable when it names at least two fields, one of them required."""
    return len(match.fields) >= 2 and bool(match.fields & required_columns(kind))


def find_header_row(
    rows: Sequence[Sequence[object]],
    kind: str,
    overrides: Mapping[str, str] | None = None,
    header_row: int | None = None,
) -> tuple[int, HeaderMatch] | None:
    """Pick the header among the first rows (0-based index), or use the configured 1-based one."""
    if header_row is not None:
        idx = header_row - 1
        if idx >= len(rows):
            return None
        return idx, recognise_header(rows[idx], overrides, kind)
    found = _best_header(rows, kind, overrides)
    if found is None:  # a header in words the vocabulary lacks: its row by its shape, its columns by their content
        shaped = likely_header_row(rows)
        return None if shaped is None else (shaped, recognise_header(rows[shaped], overrides, kind))
    return found


def _best_header(
    rows: Sequence[Sequence[object]], kind: str, overrides: Mapping[str, str] | None
) -> tuple[int, HeaderMatch] | None:
    """The row (0-based) whose words name fields best, alone or under a group row above it, else None."""
    def alone(group: str, detail: str) -> bool:
        """A detail header that names a field by itself ("Part Number") needs no group word, unless the
        group makes it another field's: "Reseller" over "Account" is the reseller's account."""
        fields = recognise_header([detail], overrides, kind).fields
        joined = recognise_header([f"{group} {detail}"], overrides, kind).fields
        return bool(fields) and (not joined or joined == fields)

    best: tuple[int, int, HeaderMatch] | None = None
    for i, row in enumerate(rows):
        if not any(c not in (None, "") for c in row) or looks_like_data(row) and not _names_all_required(row, kind,
                                                                                                        overrides):
            continue
        candidates = [(i, row)]
        if i + 1 < len(rows):  # a group row over a detail row: "Invoice" over "Date", "No"
            for keep in (None, alone):  # every detail under its group, or only those that name nothing alone
                stacked = stacked_header(row, rows[i + 1], keep)
                if stacked is not None:
                    candidates.append((i + 1, stacked))
        for at, cells in candidates:
            m = recognise_header(cells, overrides, kind)
            if not is_recognisable(m, kind):
                continue
            score = header_score(m, kind)
            if best is None or score > best[0]:
                best = (score, at, m)
    return None if best is None else (best[1], best[2])


def _names_all_required(row: Sequence[object], kind: str, overrides: Mapping[str, str] | None) -> bool:
    """A row holding values that is a header still: its words (three or more, no fewer than its values) name every
    required field and three fields at least ("Customer, Expiry, Owner" beside forecast months headed by dates)."""
    words = [c if isinstance(c, str) and _HEADER_WORD_CELL.match(c.strip()) else None for c in row]
    named = sum(w is not None for w in words)
    values = sum(c not in (None, "") for c in row) - named
    if named < 3 or named < values:
        return False
    fields = recognise_header(words, overrides, kind).fields
    met = all(set(req if isinstance(req, tuple) else (req,)) & fields for req in REQUIRED_FIELDS.get(kind, ()))
    return len(fields) >= 3 and met


_HEADER_WORD_CELL = re.compile(r"^[^\d]{1,40}$")
#: a cell that is a value, not a name: a number, a date, or a code with five digits in a row
_VALUE_CELL = re.compile(r"^[\s(+-]*[\d.,' ]*\d[\d.,' ]*[)\s-]*$|^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{5}")


def looks_like_data(row: Sequence[object]) -> bool:
    """A row holding two values or more (numbers, dates, dates as cells, codes like 'WB10154') is a
    data row, never the header: when a file's real header is in words the vocabulary lacks, the
    first data row that happens to hold a header word ("NORCREST DATA SYSTEMS" reads "data") would
    otherwise become the header, and every row above it would be lost."""
    values = sum(
        isinstance(c, (int, float, dt.date)) and not isinstance(c, bool)
        or (isinstance(c, str) and _VALUE_CELL.search(c) is not None)
        for c in row if c not in (None, "")
    )
    return values >= 2


def _is_title_line(row: Sequence[object]) -> bool:
    """A line above the header that is a title, not a row of groups: its only text is in the first
    cell ("Sell-Through Report", a group every column would fall under groups nothing), or a cell
    holds a digit ("Page 1 of 1", "Printed 2026-06-03"; a group is words: "Invoice", "End User")."""
    filled = [j for j, c in enumerate(row) if c not in (None, "") and str(c).strip()]
    if filled == [0]:
        return True
    return any(not _HEADER_WORD_CELL.match(str(row[j]).strip()) for j in filled)


def stacked_header(
    top: Sequence[object], bottom: Sequence[object], keep_alone: Callable[[str, str], bool] | None = None
) -> list[object] | None:
    """Two header rows read as one ("Invoice" over "Date" and "No" -> "Invoice Date", "Invoice No"):
    the top row's groups carried right over the blank cells they span (or repeated by merged
    cells), each joined to the detail below it (a detail for which `keep_alone(group, detail)` is
    true stays as it is: "Part Number" needs no "Product"). None unless the bottom row is all short words (no
    digits: a data row has some) and the top row leaves a gap or repeats a group, and the top row
    is groups, not a title (`_is_title_line`)."""
    words = [c for c in bottom if c not in (None, "")]
    if len(words) < 2 or not all(isinstance(c, str) and _HEADER_WORD_CELL.match(c.strip()) for c in words):
        return None
    if _is_title_line(top):
        return None
    width = max(len(top), len(bottom))
    top_cells = [str(top[j]).strip() if j < len(top) and top[j] not in (None, "") else "" for j in range(width)]
    grouped = any(not t and j < len(bottom) and bottom[j] not in (None, "") for j, t in enumerate(top_cells)) or any(
        a and a == b for a, b in zip(top_cells, top_cells[1:], strict=False))
    if not grouped:
        return None
    out: list[object] = []
    group = ""
    for j in range(width):
        group = top_cells[j] or group
        detail = str(bottom[j]).strip() if j < len(bottom) and bottom[j] not in (None, "") else ""
        if not detail:
            out.append(top_cells[j] or None)
            group = top_cells[j]  # a blank detail under a blank group ends the group
            continue
        alone = not group or group.lower() == detail.lower() or (keep_alone is not None and keep_alone(group, detail))
        out.append(detail + _group_unit(group, detail) if alone else f"{group} {detail}")
    return out


_SCALE_PHRASES = {1_000.0: "in thousands", 1_000_000.0: "in millions", 0.01: "in cents"}


def _group_unit(group: str, detail: str) -> str:
    """The unit a group title writes for the columns under it, for a detail read alone: "Montants HT (EUR)" over
    "PU" reads "PU (EUR)", so the amounts keep their currency (and scale); "" when the group writes none or the
    detail writes its own."""
    if not group:
        return ""
    unit = []
    code = header_currency(group)
    if code is not None and header_currency(detail) is None:
        unit.append(f" ({code})")
    scale = header_scale(group)
    if scale is not None and header_scale(detail) is None:
        unit.append(f" {_SCALE_PHRASES[scale[0]]}")
    return "".join(unit)


def _cell_words(row: Sequence[object]) -> list[str]:
    """A row's filled cells as stripped text, in order."""
    return [str(c).strip() for c in row if c not in (None, "") and str(c).strip()]


#: the fewest distinct words a row needs to be taken for a header by its shape alone
SHAPE_HEADER_CELLS = 3


def likely_header_row(rows: Sequence[Sequence[object]]) -> int | None:
    """The first row (0-based) of `SHAPE_HEADER_CELLS` distinct words or more over a data row, filling at least
    half the data row's cells: a header in words the vocabulary lacks (a title line fills one cell)."""
    for i, row in enumerate(rows[:-1]):
        words = _cell_words(row)
        below = rows[i + 1]
        data_cells = sum(c not in (None, "") for c in below)
        if (len(set(words)) >= SHAPE_HEADER_CELLS and len(set(words)) == len(words) and not looks_like_data(row)
                and looks_like_data(below) and 2 * len(words) >= data_cells):
            return i
    return None


#: how far below the first rows a header is looked for when none is there (a report's long preamble)
DEEP_HEADER_ROWS = 500


def deeper_header_row(
    rows: Sequence[Sequence[object]], start: int, kind: str, overrides: Mapping[str, str] | None = None
) -> tuple[int, HeaderMatch] | None:
    """A header a long preamble pushed below the first `start` rows (a report's selection criteria, a
    cover note): the best header in vocabulary words among the rows down to `DEEP_HEADER_ROWS`, taken only
    when nearly nothing above it looks like data (else it is a header repeated under headerless rows)."""
    found = _best_header(rows[start:DEEP_HEADER_ROWS], kind, overrides)
    if found is None:
        return None
    idx = start + found[0]
    data_above = sum(looks_like_data(r) for r in rows[:idx])
    return (idx, found[1]) if data_above * 10 <= idx else None


def deep_header_note(idx: int, searched: int, unit: str = "row") -> str:
    """The warning of a header found below the first rows searched: what was not read above it."""
    return (f"the header is on {unit} {idx + 1}, below the first {searched} {unit}s searched: the {idx} {unit}s "
            "above it (a report's preamble?) are not read")


def likely_header_hint(rows: Sequence[Sequence[object]]) -> str:
    """For a table whose header no vocabulary word names: the first row of words above data, as a
    hint (" – line 1 looks like a header in words not known: 'Ημερομηνία', 'Αριθμός' ..."), or ""."""
    for i, row in enumerate(rows[:-1]):
        words = _cell_words(row)
        if len(words) >= 2 and not looks_like_data(row) and looks_like_data(rows[i + 1]):
            shown = ", ".join(repr(w) for w in words[:4]) + (" ..." if len(words) > 4 else "")
            return (f"; row {i + 1} looks like a header in words the vocabulary does not know ({shown}): "
                    f"set header_row: {i + 1} and name the columns under `columns:`")
    return ""


assert set(SYNONYMS) <= set(CANONICAL_FIELDS)
