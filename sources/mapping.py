"""One assignment of a table's columns to canonical fields, from header and content evidence.

Each (column, field) pair is scored from the header (`sources.headers.score_header`) and the
column's content (`sources.content`); the whole table is then assigned at once (one column per
field, best total, scipy's `linear_sum_assignment`). `columns:` wins outright. A required field
is filled from content alone when no header names it and a column not claimed by its own
header fits it. Every choice keeps its evidence and a confidence; a required field that nothing
fits makes the table `needs_mapping`, with the best candidates and a ready `columns:` block.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sources.amount_currencies import BOOKS, DOCUMENT, amount_currency
from sources.content import (
    PARTY_FIELDS,
    UNMISTAKABLE,
    UNMISTAKABLE_UNDER_ANY_HEADER,
    content_fit,
    known_partner_set,
    partner_overlap,
    repeat_ranks,
)
from sources.fields import (
    DATE_PAIRS,
    FIELD_TYPES,
    NOT_YET_STORED,
    REQUIRED_FIELDS,
    STANDS_IN,
    eligible_fields,
    required_columns,
)
from sources.header_words import header_words
from sources.headers import (
    FALLBACK,
    HEADER_MIN,
    assign,
    clean_headers,
    field_scores,
    names_no_field,
    occurrence_labels,
    override_columns,
    repeated_headers,
)
from sources.line_arithmetic import line_columns
from sources.mapping_result import Candidate, ColumnMapping, FieldChoice
from sources.numbered_columns import LIST_FIELDS, numbered_siblings
from sources.page_furniture import furniture
from sources.profiles import HEAD_ROWS, ColumnProfile, date_columns, profile_table
from sources.values import cell_text, is_blank, parse_money, parse_quantity, scientific_cells
from sources.vocabulary import TAX_INCLUDED_WEIGHT

PARTIAL_HEADER = 0.6  # a header this close, with content that agrees, may name a field
CONTENT_MIN = 0.5  # content fit needed to count as agreeing
CONTRADICTS = 0.2  # content fit below this contradicts a header
#: a required field read from values alone this surely (0.55 at most: a content-only choice's weight) is
#: loaded when no header word is known; below, the table waits for a `columns:` block
CONTENT_SURE = 0.5
PARTY_HEADER = 0.5  # a header naming a party this surely (and PARTY_MARGIN more than a field) holds no
PARTY_MARGIN = 0.2  # other field on content alone
_PARTY_PREFIXES = ("customer_", "reseller_", "bill_to_", "partner_", "contact_")
EXACT_HEADER = 0.95  # a header naming a field exactly (a synonym of it)
FEW_VALUES = 5  # fewer values than this never contradict a header
FEW_DISTINCT = 2  # nor does one value written on every row ("CS-NBD-SRV" under "Product": one service bought by all)
REQUIRED_BONUS = 0.3  # required fields go first when they compete with optional ones for a column
LINE_ITEM = 0.8  # header evidence of a bare "No." beside the document's number for the line's item
MOSTLY_BLANK = 0.5  # a column filled on at most this share of rows is mostly blank
ASSIGN_MIN = 0.3**2  # the weighted score a column needs to be given a field


@dataclass
class _Scores:
    fields: list[str]
    header: np.ndarray  # columns x fields, 0..1
    evidence: dict[tuple[int, int], str]
    content: np.ndarray  # columns x fields, nan = no content test
    combined: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    kind_of: dict[tuple[int, int], str] = field(default_factory=dict)
    contradicted: list[tuple[int, str, float, float]] = field(default_factory=list)


def _line_item_number(heads: list[str], scores: _Scores) -> None:
    """A bare "No." beside a column naming the document's number is the line's own number: in an ERP's
    invoice-line export ("Document No.", "Line No.", "Type", "No.") the item the line sells, if its
    values look like one (`_combine` still asks the content)."""
    if "sku" not in scores.fields or "invoice_number" not in scores.fields:
        return
    sku, doc = scores.fields.index("sku"), scores.fields.index("invoice_number")
    if not (scores.header[:, doc] >= HEADER_MIN).any():
        return
    for i, head in enumerate(heads):
        if [w.text for w in header_words(head)] == ["number"] and scores.header[i, sku] < LINE_ITEM:
            scores.header[i, sku], scores.evidence[i, sku] = LINE_ITEM, "synonym"


#: words that say an address is where goods go: its party is the end customer ("Lieferadresse", "Ship To Address")
_DELIVERY_WORDS = frozenset({"delivery", "deliver", "delivered", "ship to", "shipping", "consignee"})


def _delivery_address_of_names(heads: list[str], scores: _Scores) -> None:
    """A delivery address column that holds company names, not addresses (Bexio's "Lieferadresse", an ERP
    whose address block starts with the name), names where the goods go: the end customer."""
    if "customer_address" not in scores.fields or "customer_name" not in scores.fields:
        return
    a, n = scores.fields.index("customer_address"), scores.fields.index("customer_name")
    for i, head in enumerate(heads):
        words = {w.text for w in header_words(head)} if head else set()
        if "address" not in words or not words & _DELIVERY_WORDS or not scores.header[i, a]:
            continue
        if scores.content[i, a] < CONTRADICTS and scores.content[i, n] >= CONTENT_MIN:
            scores.header[i, n] = max(scores.header[i, n], HEADER_MIN)
            scores.evidence[i, n] = scores.evidence.get((i, a), "synonym")


def _must_fields(kind: str, header: np.ndarray, fields: list[str]) -> set[str]:
    """Required fields that content alone may fill: every single one, and the members of a
    "one of" group none of whose members a header names."""
    out: set[str] = set()
    for req in REQUIRED_FIELDS.get(kind, ()):
        options = req if isinstance(req, tuple) else (req,)
        idx = [fields.index(o) for o in options if o in fields]
        if len(options) == 1 or not (header[:, idx] >= HEADER_MIN).any():
            out.update(options)
    return out


def _party_content(scores: _Scores, cells: pd.DataFrame, known: frozenset[str], profiles: list[ColumnProfile]) -> None:
    """Tell end customers from resellers: known partner names, and resellers repeat more."""
    f = {name: scores.fields.index(name) for name in PARTY_FIELDS if name in scores.fields}
    if "customer_name" not in f or "reseller_name" not in f:
        return
    cu, re_ = f["customer_name"], f["reseller_name"]
    party_cols = [i for i in range(len(profiles)) if np.nan_to_num(scores.content[i, cu]) >= CONTENT_MIN]
    for i in party_cols:
        overlap = partner_overlap(cells[str(i)], known)
        if overlap > 0:
            scores.content[i, re_] = max(scores.content[i, re_], 0.5 + 0.5 * overlap)
            scores.content[i, cu] *= 1 - overlap
    if len(party_cols) >= 2:
        fewest = repeat_ranks([profiles[i].distinct for i in party_cols])
        for i, flag in zip(party_cols, fewest, strict=True):
            if flag:
                scores.content[i, re_] = min(1.0, scores.content[i, re_] + 0.15)
                scores.content[i, cu] *= 0.85


def _prefer_filled(scores: _Scores, profiles: list[ColumnProfile], rows: int, must: set[str]) -> None:
    """A required field every row needs goes to a filled column before a mostly blank one its header
    names as well: a CRM's "Account Number" left blank gives way to its record id ("Record Id", "Id"); and
    never to a column blank on every row seen (MYOB's empty "First Name" beside "Co./Last Name")."""
    seen = min(rows, HEAD_ROWS)
    if not seen:
        return
    # a column blank on every row seen would quarantine every row
    blank = [i for i, profile in enumerate(profiles) if profile.non_blank == 0] if seen >= FEW_VALUES else []
    for j, name in enumerate(scores.fields):
        if name not in must:
            continue
        scores.combined[blank, j] = 0.0
        named = [i for i in range(len(profiles)) if scores.combined[i, j] > 0 and scores.header[i, j] >= HEADER_MIN]
        filled = {i: profiles[i].non_blank / seen for i in named}
        if len(named) < 2 or max(filled.values()) <= MOSTLY_BLANK:
            continue
        for i in (i for i in named if filled[i] <= MOSTLY_BLANK):
            scores.combined[i, j] *= filled[i]


def _gross_beside_net(scores: _Scores, values: Callable[[int], np.ndarray], width: int, labels: list[str]) -> list[str]:
    """Of two money columns that may be the amount (or the unit price), one the other plus a VAT or GST rate on
    every row, with a third column holding the difference (the tax), the larger includes the tax ("Celkem s DPH"
    beside "Celkem bez DPH" and "DPH"): it yields to the net one, whatever its words say. A note says so. (A
    selling price a fixed margin over a purchase price has no column of the difference.)"""
    notes: list[str] = []
    for name in ("amount", "unit_price"):
        if name not in scores.fields:
            continue
        j = scores.fields.index(name)
        candidates = [i for i in range(scores.combined.shape[0]) if scores.combined[i, j] > 0]
        for a in candidates:
            for b in candidates:
                if a == b or scores.combined[b, j] < scores.combined[a, j] * TAX_INCLUDED_WEIGHT:
                    continue
                rate = _tax_rate(values(a), values(b))
                if rate is None or not _has_tax_column(values(a), values(b), values, width, {a, b}):
                    continue
                scores.combined[b, j] = scores.combined[a, j] * TAX_INCLUDED_WEIGHT
                notes.append(f"column {labels[b]!r} is column {labels[a]!r} plus {rate:.1%} tax on every row: "
                             f"{labels[a]!r} is read as the {name}")
    return notes


def _amount_in_row_currency(scores: _Scores, heads: list[str], labels: list[str]) -> list[str]:
    """Of the columns that may be the amount, the one whose header says the currency the table's rows are in
    (`sources.amount_currencies`): the document's own beside a currency column ("Amount (Foreign Currency)" over
    NetSuite's "Amount" in the subsidiary's currency), else the books' own ("Amount in LC" over "Amount in DC").
    A note says so."""
    if "amount" not in scores.fields:
        return []
    j = scores.fields.index("amount")
    candidates = [i for i in range(scores.combined.shape[0]) if scores.combined[i, j] > 0]
    said = {i: amount_currency(heads[i]) for i in candidates}
    if len(candidates) < 2 or all(v is None for v in said.values()):
        return []
    c = scores.fields.index("currency") if "currency" in scores.fields else None
    by_row = c is not None and any(scores.combined[k, c] >= HEADER_MIN
                                   for k in range(scores.combined.shape[0]) if k not in said)
    wanted = DOCUMENT if by_row else BOOKS
    chosen = [i for i in candidates if said[i] == wanted]
    if not chosen:
        return []
    best = max(chosen, key=lambda i: scores.combined[i, j])
    top = max(scores.combined[i, j] for i in candidates)
    if scores.combined[best, j] >= top and all(scores.combined[i, j] < top for i in candidates if i != best):
        return []
    scores.combined[best, j] = top + TIE_STEP
    others = ", ".join(repr(labels[i]) for i in candidates if i != best and said[i] != wanted and heads[i])
    why = ("in each row's currency, which a currency column names" if by_row
           else "in the books' own currency (no column names each row's)")
    return [f"column {labels[best]!r} is read as the amount: its header says it is {why}"
            + (f"; {others} left unread" if others else "")]


#: a header of one of these words alone names no party: whose phone or e-mail it is, the table's other columns say
_BARE_REACH = {"customer_phone": "contact_phone", "customer_email": "contact_email"}
_REACH_WORDS = frozenset({"phone", "telephone", "mobile", "cell", "email", "mail", "e mail"})
#: the source kinds whose rows are people to call: a rep's tracker
_CALL_LISTS = frozenset({"sales_rep"})


def _contact_reached(kind: str, heads: list[str], chosen: dict[str, int], scores: _Scores) -> dict[str, int]:
    """In a rep's tracker with a column of contact people, a bare "Phone" or "Email" is the contact's ("Customer,
    Contact, Phone, Email"): the number the rep calls. A header naming the customer ("Customer Phone") keeps it."""
    if kind not in _CALL_LISTS or "contact_name" not in chosen:
        return chosen
    out = dict(chosen)
    for own, contact in _BARE_REACH.items():
        if own not in out or contact in out or contact not in scores.fields:
            continue
        i = out[own]
        words = {w.text for w in header_words(heads[i])}
        if words and words <= _REACH_WORDS:
            out[contact] = out.pop(own)
            j, k = scores.fields.index(own), scores.fields.index(contact)
            scores.combined[i, k] = max(scores.combined[i, k], scores.combined[i, j])
            scores.header[i, k] = max(scores.header[i, k], scores.header[i, j])
            scores.kind_of[i, k] = scores.kind_of.get((i, j), "synonym")
    return out


def _money_head(cells: pd.DataFrame) -> Callable[[int], np.ndarray]:
    """A column's first `HEAD_ROWS` cells as amounts (NaN where a cell is none), parsed once for every rule that
    compares amounts row by row (a line's arithmetic, a gross beside its net)."""
    head = cells.iloc[:HEAD_ROWS]
    parsed: dict[int, np.ndarray] = {}

    def values(i: int) -> np.ndarray:
        if i not in parsed:
            parsed[i] = parse_money(head[str(i)])[0].to_numpy(dtype="float64", na_value=np.nan)
        return parsed[i]

    return values


#: the fields a line's arithmetic names, in the order of `line_arithmetic.LineColumns`
LINE_FIELDS = ("quantity", "unit_price", "amount")
#: the score a column gets for the field its line's arithmetic names (a header naming it surely scores more)
ARITHMETIC = 0.75
#: what a number column's content must fit money by to take part
ARITHMETIC_MONEY = 0.3


def _line_arithmetic(
    scores: _Scores, values: Callable[[int], np.ndarray], profiles: list[ColumnProfile], labels: list[str]
) -> list[str]:
    """Quantity x unit price = amount on every row names those three columns in any language: each is given
    its field at `ARITHMETIC` (a sure header of it keeps its own score) and loses the other two fields, unless
    its header names one exactly; a column a header surely names for another field (a list price, a tax, a
    discount) takes no part. A note says what was read, where a header did not name it already."""
    if not set(LINE_FIELDS) <= set(scores.fields):
        return []
    idx = [scores.fields.index(f) for f in LINE_FIELDS]
    others = [j for j in range(len(scores.fields)) if j not in idx]
    named_else = np.asarray((scores.header[:, others] >= HEADER_MIN).any(axis=1), dtype=bool)
    money = scores.fields.index("amount")
    fits = np.nan_to_num(scores.content[:, money])
    numeric = [i for i, p in enumerate(profiles)
               if not named_else[i] and p.non_blank >= 3 and fits[i] >= ARITHMETIC_MONEY]
    if len(numeric) < 3:
        return []
    found = line_columns({i: values(i) for i in numeric})
    if found is None:
        return []
    unnamed = []
    for col, j in zip(found, idx, strict=True):
        if scores.header[col, j] < HEADER_MIN:
            unnamed.append(col)
        scores.combined[col, j] = max(scores.combined[col, j], ARITHMETIC)
        scores.kind_of.setdefault((col, j), "content")
        for k in idx:
            if k != j and scores.header[col, k] < EXACT_HEADER:
                scores.combined[col, k] = 0.0
    if not unnamed:
        return []
    q, p, a = (labels[c] for c in found)
    return [f"column {a!r} is {q!r} times {p!r} on every row: read as the amount, the quantity and the unit price"]


#: standard and reduced VAT and GST rates of the world's tax systems; a gross value is its net one plus one
TAX_RATES = (0.05, 0.055, 0.06, 0.07, 0.075, 0.077, 0.08, 0.081, 0.09, 0.1, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16,
             0.17, 0.18, 0.19, 0.2, 0.21, 0.22, 0.23, 0.24, 0.25, 0.255, 0.27)
#: rows that must show the rate
TAX_ROWS = 3


def _cents_apart(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return np.abs(x - y) <= 0.011 + 0.0005 * np.abs(y)


def _tax_rate(net: np.ndarray, gross: np.ndarray) -> float | None:
    """The one tax rate (TAX_RATES) gross adds to net on every row where both are positive, or None."""
    both = (net > 0) & (gross > 0) & np.isfinite(net) & np.isfinite(gross)
    if both.sum() < TAX_ROWS:
        return None
    rate = float(np.median(gross[both] / net[both])) - 1
    known = min(TAX_RATES, key=lambda r: abs(r - rate))
    return known if _cents_apart(net[both] * (1 + known), gross[both]).all() else None


def _has_tax_column(net: np.ndarray, gross: np.ndarray, values: Callable[[int], np.ndarray], width: int,
                    skip: set[int]) -> bool:
    """Whether a column other than `skip` holds gross - net on the rows where both are positive."""
    both = (net > 0) & (gross > 0)
    tax = gross[both] - net[both]
    return any(_cents_apart(values(k)[both], tax).all() for k in range(width) if k not in skip)


def _combine(scores: _Scores, must: set[str], headers: list[str], required: set[str]) -> None:
    h, c = scores.header, scores.content
    n_cols, n_fields = h.shape
    # a column whose own header names a field its content does not contradict is not taken for
    # another field on weaker evidence
    claimed = ((h >= HEADER_MIN) & ~(np.nan_to_num(c, nan=1.0) < CONTRADICTS)).any(axis=1)
    unnamed = h.max(axis=1, initial=0.0) < PARTIAL_HEADER  # the header names no field, even in part
    # a header naming a party more than the field ("Шифра на партнер", a partner's code) fills no other
    # required field on content alone (a bare "Code" reads as any code alike, an SKU's among them)
    party = [j for j, f in enumerate(scores.fields) if f.startswith(_PARTY_PREFIXES)]
    party_score = h[:, party].max(axis=1) if party else np.zeros(n_cols)
    state = scores.fields.index("customer_state") if "customer_state" in scores.fields else None
    out = np.zeros_like(h)
    for i in range(n_cols):
        for j in range(n_fields):
            hs, cs = h[i, j], c[i, j]
            known = not np.isnan(cs)
            name = scores.fields[j]
            if hs >= HEADER_MIN:
                if known and cs < CONTRADICTS:
                    # values unlike the field: only an exact header of a required field holds
                    out[i, j] = hs * 0.6 if hs >= EXACT_HEADER and name in required else 0.0
                    if not out[i, j]:
                        scores.contradicted.append((i, name, hs, cs))
                else:
                    out[i, j] = hs * (0.8 + 0.2 * cs) if known else hs * 0.9
                scores.kind_of[i, j] = scores.evidence[i, j]
            elif known and cs >= CONTENT_MIN and hs >= PARTIAL_HEADER and not claimed[i]:
                out[i, j] = 0.5 * hs + 0.35 * cs
                scores.kind_of[i, j] = "content"
            elif known and cs >= CONTENT_MIN and not claimed[i] and (
                (name in must and (j in party or party_score[i] < max(PARTY_HEADER, hs + PARTY_MARGIN)))
                or (not headers[i] and name in UNMISTAKABLE and cs >= 0.8)
                or (unnamed[i] and name in UNMISTAKABLE_UNDER_ANY_HEADER and cs >= 0.8
                    and (state is None or np.nan_to_num(c[i, state]) < cs))  # "CA", "DE", "PA": states too
            ):
                out[i, j] = 0.55 * cs
                scores.kind_of[i, j] = "content"
    scores.combined = out


#: the share of a column's head rows that must read as its number for an exact header to keep it
EXACT_KEEPS = 0.5


def _keep_exact_numbers(scores: _Scores, cells: pd.DataFrame) -> None:
    """A column named exactly for a quantity or an amount ("Qty") whose distinct values looked unlike it keeps
    its field when some of its rows do not read as the number and most do: the few odd cells ("1_0", "٣") are
    their rows to quarantine, not a reason to lose the quantity of every row (distinct values count a rare odd
    one as much as the "1" of a thousand rows)."""
    kept = []
    for i, name, hs, cs in scores.contradicted:
        kind = FIELD_TYPES.get(name)
        if hs < EXACT_HEADER or kind not in ("quantity", "money"):
            continue
        head = cells[str(i)].iloc[:HEAD_ROWS].astype(object)
        values, failed = (parse_quantity if kind == "quantity" else parse_money)(head)
        filled = int(values.notna().sum() + failed.sum())
        # some rows fail: the odd cells are why; none: the values' shape is (a row number's 1, 2, 3 is no price)
        if filled and failed.any() and values.notna().sum() >= EXACT_KEEPS * filled:
            j = scores.fields.index(name)
            scores.combined[i, j] = hs * 0.6
            scores.kind_of[i, j] = scores.evidence[i, j]
            kept.append((i, name, hs, cs))
    scores.contradicted = [c for c in scores.contradicted if c not in kept]


def _order_dates(cells: pd.DataFrame, chosen: dict[str, int]) -> list[str]:
    """Swap start and end when the row-wise dates say the other way round; returns notes."""
    notes = []
    for start, end in DATE_PAIRS:
        if start not in chosen or end not in chosen:
            continue
        dates = date_columns(cells, [chosen[start], chosen[end]])
        a, b = dates[chosen[start]], dates[chosen[end]]
        both = a.notna() & b.notna() & (a != b)
        if both.sum() >= 3 and float((a[both] > b[both]).mean()) > 0.8:
            chosen[start], chosen[end] = chosen[end], chosen[start]
            notes.append(f"{start}/{end}: the dates of the columns run the other way round; swapped")
    return notes


def _repeated_dates(
    cells: pd.DataFrame, heads: list[str], chosen: dict[str, int], scores: _Scores
) -> dict[str, int]:
    """Service start and end from a date header written three times or more ("Date, ..., Date, Date"):
    the first is the document's date, and when exactly two of the others are left, both hold dates
    and the second is later than the first on nearly every row, they are the period's start and end."""
    if "service_start" in chosen or "service_end" in chosen or "service_start" not in scores.fields:
        return {}
    taken = set(chosen.values())
    j = scores.fields.index("service_start")
    for cols in repeated_headers(heads).values():
        left = [i for i in cols if i not in taken]
        if len(cols) < 3 or len(left) != 2 or cols[0] not in taken:
            continue
        if not all(np.nan_to_num(scores.content[i, j]) >= CONTENT_MIN for i in left):
            continue
        dates = date_columns(cells, left)
        a, b = dates[left[0]], dates[left[1]]
        both = a.notna() & b.notna()
        if both.sum() >= 3 and float((a[both] < b[both]).mean()) >= 0.9:
            return {"service_start": left[0], "service_end": left[1]}
    return {}


def _dates_by_order(
    kind: str, cells: pd.DataFrame, heads: list[str], chosen: dict[str, int], scores: _Scores
) -> dict[str, int]:
    """The period's start and end read from the order of the dates (`chosen` updated in place): a date header
    written three times, an end read from content that another column outlasts, a pair of headers that differ
    by one word."""
    by_order = _repeated_dates(cells, heads, chosen, scores)
    chosen.update(by_order)
    by_order.update(_latest_end(cells, chosen, scores))
    chosen.update(by_order)
    paired = _paired_dates(kind, cells, heads, chosen, scores)
    for fld in [f for f, i in chosen.items() if i in paired.values() and f not in paired]:
        del chosen[fld]  # a generic "date" header the pair reads as the period's start or end
    chosen.update(paired)
    by_order.update(paired)
    sibling = _sibling_date(cells, heads, chosen, scores)
    chosen.update(sibling)
    by_order.update(sibling)
    return by_order


def _price_as_amount(chosen: dict[str, int], scores: _Scores, labels: list[str]) -> list[str]:
    """A price in a table with no quantity and no amount column (a warranty register's "Cena bez DPH", a renewal
    list's "Fornyelsespris DKK": one unit a row) is the line's value: read as its amount (`chosen` updated in
    place), said in a note. A price list has no amount field and keeps its prices."""
    if "unit_price" not in chosen or "quantity" in chosen or "amount" in chosen or "amount" not in scores.fields:
        return []
    i = chosen.pop("unit_price")
    chosen["amount"] = i
    price, amount = scores.fields.index("unit_price"), scores.fields.index("amount")
    for grid in (scores.header, scores.combined, scores.content):  # the amount as sure as the price was
        grid[i, amount] = grid[i, price]
    if (i, price) in scores.kind_of:
        scores.kind_of[i, amount] = scores.kind_of[i, price]
    scores.combined[i, price] = 0.0  # the same reading, no rival of it
    return [f"amount: {_column_name(labels, i)} read as each line's amount (a price with no quantity or amount "
            "column beside it: one unit a line)"]


#: header words that say a column's product is the service sold ("Service SKU", "Support Part Number")
_SERVICE_WORDS = frozenset({"service", "support", "contract", "coverage", "warranty", "maintenance", "subscription",
                            "renewal", "entitlement"})


def _names_service(head: str) -> bool:
    return any(w.text in _SERVICE_WORDS for w in header_words(head))


def _service_sku(kind: str, heads: list[str], chosen: dict[str, int], scores: _Scores, labels: list[str]) -> list[str]:
    """Of a covered unit's product number and the service's SKU ("Product Number" and "Service SKU" in a vendor's
    renewal export), the service's is the line's SKU (`chosen` updated in place; the contract renews the service, and
    the hardware's number is its asset's, known from the sale): a free column whose header names the service and a
    SKU as surely as the chosen one's, its values not contradicting it. Said in a note."""
    if "sku" not in chosen or "sku" not in scores.fields or kind == "price_list":
        return []
    if _names_service(heads[chosen["sku"]]):
        return []
    j, i = scores.fields.index("sku"), chosen["sku"]
    taken = set(chosen.values())
    for k, head in enumerate(heads):
        if k in taken or not head or not _names_service(head) or scores.header[k, j] < EXACT_HEADER:
            continue
        if np.nan_to_num(scores.content[k, j], nan=1.0) < CONTENT_MIN:
            continue
        chosen["sku"] = k
        scores.combined[k, j] = max(scores.combined[k, j], scores.combined[i, j])
        scores.combined[i, j] = 0.0  # no rival: the covered unit's number, left unread
        return [f"sku: {_column_name(labels, k)} read as the SKU (the service sold); {_column_name(labels, i)} "
                "(the covered unit's product) left unread"]
    return []


def _sibling_date(cells: pd.DataFrame, heads: list[str], chosen: dict[str, int], scores: _Scores) -> dict[str, int]:
    """The other end of a period one of whose ends a header names: a column no field took, whose header differs
    from the named end's by one word ("Effective From" read, "Effective To" beside it; "Gültig von" and "Gültig
    bis") and whose dates fall on the period's other side on nearly every row, is that other end, in any
    language."""
    taken = set(chosen.values())
    out: dict[str, int] = {}
    for start, end in DATE_PAIRS:
        if (start in chosen) == (end in chosen) or start not in scores.fields or end not in scores.fields:
            continue
        known, missing = (start, end) if start in chosen else (end, start)
        i = chosen[known]
        words = [w.text for w in header_words(heads[i])]
        for k, head in enumerate(heads):
            other = [w.text for w in header_words(head)] if head and k not in taken else []
            if len(other) != len(words) or sum(a != b for a, b in zip(words, other, strict=True)) != 1:
                continue
            if _later(cells, i, k) if known == start else _later(cells, k, i):
                out[missing] = k
                break
    return out


def _later(cells: pd.DataFrame, early: int, late: int) -> bool:
    """Whether column `late`'s dates fall after column `early`'s on nearly every row (three rows at least)."""
    dates = date_columns(cells, [early, late])
    both = dates[early].notna() & dates[late].notna()
    return bool(both.sum() >= 3 and float((dates[early][both] < dates[late][both]).mean()) >= 0.9)


#: the date fields a header naming only "a date" ("Fina dato", "Date fin") is read as, and the one it is
#: given then (the document's date)
_DATE_FIELDS = frozenset({"invoice_date", "service_start", "service_end", "valid_from", "valid_to"})


def _paired_dates(
    kind: str, cells: pd.DataFrame, heads: list[str], chosen: dict[str, int], scores: _Scores
) -> dict[str, int]:
    """Two date columns whose headers share their date word and differ by one word each ("Komenca dato" and
    "Fina dato", "Date début" and "Date fin"), the second later on nearly every row, are the period's start
    and end in a source that needs a service end no header names surely, and where no column is the document's
    date by a header of its own words (the pair's headers read as an invoice date only through "date")."""
    if "service_end" not in scores.fields or "service_start" not in scores.fields:
        return {}
    end_j = scores.fields.index("service_end")
    if "service_end" in chosen and scores.header[chosen["service_end"], end_j] >= HEADER_MIN:
        return {}
    if "invoice_date" in required_columns(kind):
        return {}
    words = {i: [w.text for w in header_words(h)] for i, h in enumerate(heads) if h}
    dated = [i for i in words if len(words[i]) == 2 and np.nan_to_num(scores.content[i, end_j]) >= CONTENT_MIN
             and FIELD_TYPES.get(scores.fields[int(scores.header[i].argmax())]) == "date"
             and all(f in _DATE_FIELDS for f, k in chosen.items() if k == i)]
    for a, b in ((a, b) for a in dated for b in dated if a < b):
        shared = set(words[a]) & set(words[b])
        if len(shared) != 1 or words[a][0] == words[b][0] and words[a][1] == words[b][1]:
            continue
        if _later(cells, a, b):
            return {"service_start": a, "service_end": b}
    return {}


def _latest_end(cells: pd.DataFrame, chosen: dict[str, int], scores: _Scores) -> dict[str, int]:
    """A service end read from content alone (its header names nothing known) is the latest of the table's
    date columns no header claims: when another holds later dates on nearly every row, that one is the end
    and, with no start chosen, the earlier one the start ("Rā Tīmata", "Rā Mutunga": start, end)."""
    if "service_end" not in chosen or "service_end" not in scores.fields:
        return {}
    end_j = scores.fields.index("service_end")
    end = chosen["service_end"]
    if scores.kind_of.get((end, end_j)) != "content":
        return {}
    taken = set(chosen.values())
    others = [i for i in range(scores.content.shape[0])
              if i not in taken and np.nan_to_num(scores.content[i, end_j]) >= CONTENT_MIN
              and scores.header[i].max(initial=0.0) < HEADER_MIN]
    if not others:
        return {}
    dates = date_columns(cells, [end, *others])
    for i in others:
        a, b = dates[end], dates[i]
        both = a.notna() & b.notna()
        if both.sum() >= 3 and float((a[both] < b[both]).mean()) >= 0.9:
            out = {"service_end": i}
            if "service_start" not in chosen and "service_start" in scores.fields:
                out["service_start"] = end
            return out
    return {}


def _repeated_notes(heads: list[str], labels: list[str], col_of: dict[int, str], cells: pd.DataFrame) -> list[str]:
    """A warning per header written more than once: its columns, what each one feeds, and how to
    name a column left unread (`columns:` takes "Date (2)" for the second column headed "Date"). A header over
    columns of which one at most holds values, or all the same ones (a merged "Read me" box beside the table, its
    text in every cell it covers), asks nothing."""
    notes = []
    for head, cols in repeated_headers(heads).items():
        held = [i for i in cols if _holds_values(cells, i)]
        if len(held) <= 1 or all(cells[str(i)].equals(cells[str(held[0])]) for i in held[1:]):
            continue
        feeds = ", ".join(f"{i + 1} {col_of.get(i, 'not read')}" for i in cols)
        unread = [f'"{labels[i]}"' for i in cols if i not in col_of]
        fix = (f"; name {'it' if len(unread) == 1 else 'them'} under columns: as {', '.join(unread)}"
               if unread else "")
        notes.append(f"header {head!r} is written {len(cols)} times (columns {feeds}){fix}")
    return notes


def _holds_values(cells: pd.DataFrame, i: int) -> bool:
    """Whether column i has a value on some row (the first rows looked at first: a column with values has them
    there)."""
    col = str(i)
    if col not in cells:
        return False

    def filled(part: pd.Series) -> bool:
        return not bool(part.map(is_blank).all())

    return filled(cells[col].iloc[:HEAD_ROWS]) or filled(cells[col].iloc[HEAD_ROWS:])


def _visible_first(weighted: np.ndarray, hidden: frozenset[int]) -> list[tuple[int, int]]:
    """The best assignment of the visible columns, then of the hidden ones to the fields left: an
    obsolete column a sheet hides never takes a field from a column a person sees."""
    if not hidden:
        return assign(weighted, ASSIGN_MIN)
    rows = sorted(hidden)
    shown = weighted.copy()
    shown[rows] = 0.0
    pairs = assign(shown, ASSIGN_MIN)
    rest = np.zeros_like(weighted)
    rest[rows] = weighted[rows]
    rest[:, [j for _, j in pairs]] = 0.0
    return pairs + assign(rest, ASSIGN_MIN)


def _fallbacks_yield(scores: _Scores, profiles: list[ColumnProfile], rows: int) -> None:
    """A fallback phrase (a CRM's own "Id") names its field only where no other header names it: where a
    filled column's does ("Account Number" on most rows), the fallback column is not given the field (it
    keeps its header's claim: it is not read as another field on its content either)."""
    for j in range(len(scores.fields)):
        backs = [i for i in range(scores.header.shape[0]) if scores.evidence.get((i, j)) == FALLBACK]
        if backs and any(scores.header[i, j] >= HEADER_MIN and scores.evidence.get((i, j)) != FALLBACK
                         and profiles[i].non_blank > MOSTLY_BLANK * min(rows, HEAD_ROWS) for i in range(len(profiles))):
            scores.combined[backs, j] = 0.0


#: what one more word of a header weighs when two headers name a field equally surely (far below any evidence)
TIE_STEP = 1e-3


def _specificity(head: str) -> int:
    """How much a header says: its known words, less one for a bare "id" (a system's own record key)."""
    words = [w.text for w in header_words(head) if w.how != "unknown"]
    return min(len(words) - ("id" in words), 4)


def _blank_header_notes(heads: list[str], cells: pd.DataFrame, read: set[int]) -> list[str]:
    """One warning naming the columns with values but no header that no field took, a value of each,
    and how to read one (`columns:` takes "column 6" for the sixth column when its header is blank)."""
    unread = []
    for i, head in enumerate(heads):
        if head or i in read or str(i) not in cells:
            continue
        value = next((t for t in (cell_text(v) for v in cells[str(i)].head(50)) if t is not None), None)
        if value is not None:
            unread.append((i, value))
    if not unread:
        return []
    shown = ", ".join(f"{i + 1} ({v[:30]!r})" for i, v in unread[:6]) + (" ..." if len(unread) > 6 else "")
    return [f"column{'s' if len(unread) > 1 else ''} {shown} {'have' if len(unread) > 1 else 'has'} values but no "
            f"header: not read; to read one, name it under columns: as \"column {unread[0][0] + 1}\""]


def _column_name(labels: list[str], i: int) -> str:
    """A column as a warning names it: its header, or its position when the header is blank."""
    return repr(labels[i]) if labels[i] else f"(blank header, column {i + 1})"


def _hidden_notes(
    hidden: frozenset[int], weighted: np.ndarray, fields: list[str], chosen: dict[str, int], labels: list[str]
) -> list[str]:
    """A warning per hidden column whose best field went to a visible column: which column has the
    field, and whether the hidden one is left out or read as a field no visible column wanted."""
    col_of = {i: fld for fld, i in chosen.items()}
    notes = []
    for i in sorted(hidden):
        j = int(weighted[i].argmax()) if len(fields) else 0
        if not len(fields) or weighted[i, j] < ASSIGN_MIN:
            continue
        winner = chosen.get(fields[j])
        if winner is None or winner in hidden:
            continue
        fate = f"read as {col_of[i]}" if i in col_of else "left out"
        notes.append(f"hidden column {_column_name(labels, i)} {fate}: "
                     f"the visible {_column_name(labels, winner)} is {fields[j]}")
    return notes


def map_columns(
    headers: Sequence[object],
    cells: pd.DataFrame,
    kind: str,
    overrides: Mapping[str, str] | None = None,
    known_partners: Iterable[object] | None = None,
    excel_epoch: object | None = None,
    hidden_columns: Collection[int] = (),
    stated: Collection[str] = (),
) -> ColumnMapping:
    """Assign the columns of one table (header texts + raw cells named "0", "1", ...) to fields;
    a hidden column (0-based in `hidden_columns`) is given only a field no visible column takes. A
    field in `stated` (a title line or `defaults:` gives it for every row) is never missing, and
    no weak column is pressed into it."""
    heads = clean_headers(headers)
    while len(heads) < cells.shape[1]:
        heads.append("")
    fixed = override_columns(heads, overrides)
    named = {h for h in (overrides or {}).values()}
    fields = [f for f in eligible_fields(kind) if f not in fixed.values()]
    n = len(heads)
    hidden = frozenset(i for i in hidden_columns if 0 <= i < n and i not in fixed)
    scores = _Scores(fields, np.zeros((n, len(fields))), {}, np.full((n, len(fields)), np.nan))
    head = cells.iloc[:HEAD_ROWS, :n]
    # judged without the page furniture (repeated headers, page numbers, banners): none of it is a line
    profiles = profile_table(head[~furniture(heads, head)], excel_epoch) if n else []
    for i, head in enumerate(heads):
        if i in fixed:
            continue
        if head and head not in named:
            for j, fld in enumerate(fields):
                s = field_scores(head, kind).get(fld)
                if s is not None:
                    scores.header[i, j], scores.evidence[i, j] = s.score, s.evidence
        for j, fld in enumerate(fields):
            fit = content_fit(profiles[i], fld)
            if fit is not None:
                # a handful of values cannot contradict a header, only fail to confirm it
                few = profiles[i].non_blank < FEW_VALUES or profiles[i].distinct < FEW_DISTINCT
                scores.content[i, j] = max(fit, CONTRADICTS) if few else fit
    scores.content[list(fixed)] = np.nan
    # a column whose header says it holds what no field holds (a cost centre, a tax id) is not read on its content
    refused = [i for i, head in enumerate(heads) if i not in fixed and head and names_no_field(head, kind)]
    scores.content[refused] = np.nan
    _line_item_number(heads, scores)
    _delivery_address_of_names(heads, scores)
    _party_content(scores, cells, known_partner_set(known_partners), profiles)
    must = _must_fields(kind, scores.header, fields) - set(fixed.values()) - set(stated)
    _combine(scores, must, heads, required_columns(kind))
    _keep_exact_numbers(scores, cells)
    _prefer_filled(scores, profiles, len(cells), must)
    _fallbacks_yield(scores, profiles, len(cells))
    money_head = _money_head(cells)
    gross_notes = _line_arithmetic(scores, money_head, profiles, occurrence_labels(heads))
    gross_notes += _gross_beside_net(scores, money_head, n, occurrence_labels(heads))
    gross_notes += _amount_in_row_currency(scores, heads, occurrence_labels(heads))
    bonus = np.array([REQUIRED_BONUS if f in must else 0.0 for f in fields])
    # of two headers naming a field as surely, the one saying more wins ("Account Type" over "Type", "Service
    # Level Agreement" over "Contract Type", "Contract Number" over "Contract ID": an id is a system's own key)
    sure = scores.header >= HEADER_MIN
    ties = sure * np.array([_specificity(h) for h in heads])[:, None] * TIE_STEP
    # squared: one sure choice outweighs two doubtful ones that would fill one more field
    weighted = np.where(scores.combined > 0, (scores.combined + bonus + ties) ** 2, 0.0)
    pairs = _visible_first(weighted, hidden)
    chosen = {fields[j]: i for i, j in pairs}
    chosen = _contact_reached(kind, heads, chosen, scores)
    by_order = _dates_by_order(kind, cells, heads, chosen, scores)
    labels = occurrence_labels(heads)  # a repeated header is named by its occurrence: "Date (2)"
    notes = gross_notes + _order_dates(cells, chosen) + _price_as_amount(chosen, scores, labels)
    notes += _service_sku(kind, heads, chosen, scores, labels)
    taken = set(chosen.values())
    best_reading = scores.header.argmax(axis=1) if len(fields) else np.zeros(n, dtype=int)
    notes += [
        _unfit_note(heads[i], name, cs, cells[str(i)])
        for i, name, _, cs in scores.contradicted
        if i not in taken and name not in chosen and fields[best_reading[i]] == name
    ]
    notes += _hidden_notes(hidden, weighted, fields, chosen, labels) if hidden else []
    choices = {
        fld: FieldChoice(fld, i, labels[i], "columns", 1.0, 1.0, None) for i, fld in fixed.items()
    }
    col_of = {i: fld for fld, i in chosen.items()}
    more = _list_families(heads, {**{f: i for i, f in fixed.items()}, **chosen}, profiles)
    revised, revised_notes = _revised_end(heads, {**{f: i for i, f in fixed.items()}, **chosen}, cells, labels,
                                          set(more.get("serial_numbers", ())))
    more.update(revised)
    notes += revised_notes
    col_of.update({i: fld for fld, cols in more.items() for i in cols})
    notes += _repeated_notes(heads, labels, {**col_of, **fixed}, cells)
    notes += _blank_header_notes(heads, cells, {*col_of, *fixed})
    notes += [_family_note(fld, [choices[fld].column if fld in choices else chosen[fld], *cols], labels)
              for fld, cols in more.items() if fld not in revised]
    for fld, i in chosen.items():
        j = fields.index(fld)
        s = scores.combined[i, j]
        if fld in by_order:  # read from content and the order of the dates alone
            s = 0.55 * np.nan_to_num(scores.content[i, j])
        elif s <= 0:  # a swapped date column keeps the confidence of the pair
            s = scores.combined[chosen[_partner_of(fld)], fields.index(_partner_of(fld))]
        # a hidden column a visible one won over by being seen is no rival
        family = more.get(fld, ())  # a numbered sibling feeds the same field: no rival
        # nor is a column with no header at all against a header that names the field exactly
        exact = scores.header[i, j] >= EXACT_HEADER
        rivals = [scores.combined[k, j] for k in range(n) if k != i and k not in family
                  and (k not in hidden or i in hidden) and not (exact and not heads[k])] + [
            scores.combined[i, g] for g in range(len(fields)) if g != j and fields[g] not in chosen
        ]
        margin = s - max(rivals, default=0.0)
        confidence = s if margin >= 0.25 else s * (0.6 + 1.6 * max(margin, 0.0))
        cs = scores.content[i, j]
        choices[fld] = FieldChoice(
            fld, i, labels[i], scores.kind_of.get((i, j), "content"), round(float(confidence), 3),
            round(float(scores.header[i, j]), 3), None if np.isnan(cs) else round(float(cs), 3),
        )
    missing = _missing(kind, choices, scores, labels, col_of, stated) or _unsure_by_content(kind, choices)
    not_stored = sorted(f for f in choices if f in NOT_YET_STORED)
    return ColumnMapping(kind, heads, dict(sorted(choices.items(), key=lambda kv: kv[1].column)),
                         missing, not_stored, notes, more)


def _list_families(heads: list[str], chosen: dict[str, int], profiles: list[ColumnProfile]) -> dict[str, list[int]]:
    """The further columns of each list field's numbered family ("Serial 2", "Serial 3" beside the
    chosen "Serial 1") that no field took and whose content does not contradict the field."""
    taken = set(chosen.values())
    out = {}
    for fld in LIST_FIELDS:
        if fld not in chosen:
            continue
        cols = [i for i in numbered_siblings(heads, chosen[fld], taken)
                if (fit := content_fit(profiles[i], fld)) is None or fit >= CONTRADICTS]
        if cols:
            out[fld] = cols
            taken.update(cols)
    return out


#: a word that makes an end date's header the end after a renewal or a change ("New Expiry" beside "Expiry",
#: "Neues Ablaufdatum", "Revised End Date", "Fecha fin nueva"), folded, in the languages headers come in
_REVISION_WORDS = frozenset({
    "new", "revised", "renewed", "extended", "updated", "current", "latest", "adjusted", "amended",
    "neu", "neue", "neues", "neuer", "aktuell", "aktuelles", "aktuelle", "verlangert", "verlangertes", "geandert",
    "nouvelle", "nouveau", "revisee", "revise", "nueva", "nuevo", "actualizada", "actual", "nuova", "nuovo",
    "aggiornata", "nieuwe", "nieuw", "nova", "novo", "ny", "nya", "nytt", "uusi", "nowa", "nowy", "yeni",
})  # fmt: skip


def _revised_end(
    heads: list[str], chosen: Mapping[str, int], cells: pd.DataFrame, labels: list[str], taken_more: set[int]
) -> tuple[dict[str, list[int]], list[str]]:
    """An end date and its revision: a column no field took whose header is the chosen end's header and one
    revision word ("Expiry" and "New Expiry", "Ablaufdatum" and "Neues Ablaufdatum") and whose dates fall after
    the end's on every row holding both (one row at least: a tracker fills it where a renewal was booked). Each
    row's end is then the later of the two (sources/columns.py joins them), said in a note; a user's `columns:`
    naming the end keeps its revision too."""
    if "service_end" not in chosen:
        return {}, []
    end = chosen["service_end"]
    words = [w.text for w in header_words(heads[end])]
    taken = set(chosen.values()) | taken_more
    for k, head in enumerate(heads):
        if k in taken or not head or k >= cells.shape[1]:
            continue
        other = [w.text for w in header_words(head)]
        extra = list(other)
        for w in words:
            if w in extra:
                extra.remove(w)
        if len(other) != len(words) + 1 or len(extra) != 1 or extra[0] not in _REVISION_WORDS:
            continue
        dates = date_columns(cells, [end, k], rows=len(cells))
        a, b = dates[end], dates[k]
        both = a.notna() & b.notna()
        filled = int((~cells[str(k)].map(is_blank).astype(bool)).sum())
        if not both.any() or bool((b[both] <= a[both]).any()) or int(b.notna().sum()) < filled:
            continue  # not later on every row, or cells that are no dates: not a revision of the end
        return {"service_end": [k]}, [
            f"service_end: {_column_name(labels, k)} holds a later end on {int(b.notna().sum())} row(s) "
            f"(a renewed or changed term): each row's end is the later of {_column_name(labels, end)} and "
            f"{_column_name(labels, k)}"]
    return {}, []


def _family_note(fld: str, cols: list[int], labels: list[str]) -> str:
    names = ", ".join(_column_name(labels, i) for i in sorted(cols))
    return f"{fld} read from {len(cols)} numbered columns together ({names}): each row's values of all of them"


#: this share of a serial column in scientific notation says Excel turned the serials into numbers
SCIENTIFIC_SHARE = 0.5


def _unfit_note(head: str, name: str, content: float, cells: pd.Series) -> str:
    """Why a column its header names is left unmapped; for serials Excel turned into "8.18489E+11",
    what the source must do about it."""
    if FIELD_TYPES.get(name) == "serials":
        sci = scientific_cells(cells)
        present = cells.astype(object).map(lambda v: v not in (None, "")).sum()
        if present and sci.sum() >= SCIENTIFIC_SHARE * present:
            return (f"column {head!r} reads like '{name}' but Excel turned its serials into numbers in scientific "
                    f"notation ({int(sci.sum())} of {int(present)} values, e.g. {cells[sci].iloc[0]!r}), which name "
                    "no unit; left unmapped: the source must export the serials as text")
    return f"column {head!r} reads like '{name}' but its values do not fit it (content {content:.2f}); left unmapped"


def _partner_of(fld: str) -> str:
    for a, b in DATE_PAIRS:
        if fld in (a, b):
            return b if fld == a else a
    return fld


def _candidate_score(header: float, content: float) -> float:
    """How well a column may fill a missing field: its header, unless its values contradict the field
    ("Renewal Value" reads a little like a renewal date, but holds money), and its content."""
    fit = float(np.nan_to_num(content))
    contradicted = not np.isnan(content) and fit < CONTRADICTS
    return 0.55 * fit if contradicted else max(header, 0.55 * fit)


def _unsure_by_content(kind: str, choices: dict[str, FieldChoice]) -> dict[str, list[Candidate]]:
    """When no header word is known and every field was read from values, the required fields whose column
    another column rivals (two code columns for the SKU, two names for the customer): the table waits for a
    `columns:` block (proposed from the values) rather than load a guess."""
    if not choices or any(c.evidence != "content" for c in choices.values()):
        return {}
    required = {f for req in REQUIRED_FIELDS.get(kind, ()) for f in (req if isinstance(req, tuple) else (req,))}
    return {f: [Candidate(f, c.column, c.header, c.confidence)] for f, c in choices.items()
            if f in required and c.confidence < CONTENT_SURE}


def _missing(kind: str, choices: dict[str, FieldChoice], scores: _Scores, heads: list[str],
             col_of: dict[int, str], stated: Collection[str] = ()) -> dict[str, list[Candidate]]:
    out: dict[str, list[Candidate]] = {}
    for req in REQUIRED_FIELDS.get(kind, ()):
        options = req if isinstance(req, tuple) else (req,)
        # an amount no column gives is a quantity times a unit price where both have columns
        if any(o in choices or o in stated or (o in STANDS_IN and all(f in choices for f in STANDS_IN[o]))
               for o in options):
            continue
        cands: list[Candidate] = []
        for o in options:
            if o not in scores.fields:
                continue
            j = scores.fields.index(o)
            for i in range(len(heads)):
                score = _candidate_score(scores.header[i, j], scores.content[i, j])
                if score > 0.1 or (i not in col_of and heads[i]):  # a column nothing took is a candidate too
                    cands.append(Candidate(o, i, heads[i], round(float(score), 3), col_of.get(i)))
        cands.sort(key=lambda c: (-c.score, c.taken_by is not None, c.column))
        top = cands[:3]
        free = next((c for c in cands if c.taken_by is None), None)
        if free is not None and free not in top:  # the best column still free is always offered
            top.append(free)
        out[" or ".join(options)] = top
    return out


__all__ = ["Candidate", "ColumnMapping", "FieldChoice", "map_columns"]
