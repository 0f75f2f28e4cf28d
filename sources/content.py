"""How well a column's content fits each canonical field (0..1), from its `ColumnProfile`.

A fit of None means the field's values have no telling shape (status, category, notes): the
header alone decides, except that a column of dates is none of those text fields (`_shapeless`),
nor is a column of numbered identifiers a service level (`_level`). Party columns (customer,
reseller, bill-to) are told apart by known partner names and by how often values repeat, in
`sources.mapping`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy as np
import pandas as pd

from sources.profiles import ColumnProfile, legal_tail
from sources.values import cell_text


def _clip(x: float) -> float:
    return float(min(1.0, max(0.0, x)))


def _party(p: ColumnProfile) -> float:
    """Names of organisations: words of letters, a legal form or organisation word helps."""
    long_text = _clip(1 - (p.mean_words - 4.5) / 4)  # descriptions run longer than names
    return _clip((0.6 * p.party + 0.4 * min(1.0, 2 * p.company)) * long_text * (1 - 0.5 * p.person))


def _ident(p: ColumnProfile) -> float:
    """Account, contract and invoice numbers: codes or digit strings, never amounts or dates."""
    return _clip(max(p.code, p.digits_only) * (1 - p.decimals) * (1 - p.date) * (1 - p.email))


def _contract_number(p: ColumnProfile) -> float:
    """A contract number is an identifier, and numbered ("SC-3895637"): a column of short codes
    without a run of digits ("24x7x4", "8x5xNBD") is more likely service levels."""
    return _ident(p) * (0.3 + 0.7 * p.numbered)


def _serial(p: ColumnProfile) -> float:
    unique = _clip((1 - p.repeat - 0.5) / 0.4)
    return _clip(max(p.code, p.multi_code) * (0.4 + 0.6 * unique) * (1 - p.date) * (1 - 0.7 * p.decimals))


def _sku(p: ColumnProfile) -> float:
    return _clip(p.code * (0.7 + 0.3 * _clip(p.repeat / 0.3)) * (1 - p.multi_code))


def _money(p: ColumnProfile) -> float:
    """Amounts and prices; a row number ("Lp.": 1, 2, 3 ...) is none, and a column of whole numbers of one
    length past 10,000 written as digits alone (a company registration number, a document number) reads
    as an identifier more than as money."""
    shape = 0.7 + 0.3 * min(1.0, 3 * p.decimals + (1 - p.small_whole))
    identifier = p.digits_only * p.fixed_width * p.code * (1 - p.decimals)
    return _clip(p.money * shape * (1 - 0.6 * p.postal * p.fixed_width) * (1 - p.date) * (1 - p.counter)
                 * (1 - 0.7 * identifier))


def _quantity(p: ColumnProfile) -> float:
    # "2.00" is a whole count as an ERP writes it, if less surely one than "2"
    whole = _clip(p.small_whole + 0.8 * p.zero_cents)
    return _clip(p.money * whole * (1 - p.decimals) * (1 - 0.5 * p.postal * p.fixed_width))


def _city(p: ColumnProfile) -> float:
    return _clip(0.8 * p.party * (1 - p.company) * (1.0 if p.mean_words <= 3 else 0.3))


def _text(p: ColumnProfile) -> float:
    return _clip(max(p.free_text, 0.6 * p.party) * (1 - 0.5 * p.company) * (1 - p.date) * (1 - p.money))


#: share of a column's values that makes it a column of dates, or of numbered identifiers
MOSTLY = 0.8


def _region(p: ColumnProfile) -> float | None:
    """A state, province or region: a known subdivision's name or code confirms; other words neither confirm nor
    contradict (the world's regions are spelled in many languages: Occitan "Avairon", "Nauta Garona"), while
    a seller's regions ("EMEA", "NA East"), numbers, dates, codes and company names do."""
    if p.state > 0:
        return p.state
    if p.status >= MOSTLY:  # "Activo", "Vencido" under "Estado": a status, not a state
        return 0.0
    words = p.party >= MOSTLY and p.company < CONTENT_WORDS and p.sales_region < CONTENT_WORDS
    return None if words else 0.0


#: the share of company-like names above which a column of words is no region
CONTENT_WORDS = 0.5


def _shapeless(p: ColumnProfile) -> float | None:
    """A text field with no telling shape (status, category): no evidence, unless the column is dates,
    which no label is ("Coverage Thru" holding end dates is no service level); 0 then contradicts."""
    return 0.0 if p.date >= MOSTLY else None


def _status(p: ColumnProfile) -> float | None:
    """A status is a few words, most of them known status words ("Active", "Vencido") where the values say so;
    else no evidence (statuses are also codes and words of a system's own)."""
    return p.status if p.status >= MOSTLY else _shapeless(p)


def _level(p: ColumnProfile) -> float | None:
    """A service level is a short name ("Gold", "24x7x4"), never dates nor numbered identifiers
    ("SC-3895637": a "Service Agreement" column of those is the contract number)."""
    return 0.0 if p.numbered >= MOSTLY else _shapeless(p)


FITS: dict[str, Callable[[ColumnProfile], float | None]] = {
    "customer_name": _party, "reseller_name": _party, "bill_to_name": _party,
    "partner_name": _party, "service_provider": _party,
    "parent_account": lambda p: max(_party(p), _ident(p)),  # a parent is named or numbered
    "customer_account": _ident, "reseller_account": _ident, "bill_to_account": _ident,
    "partner_account": _ident, "contract_number": _contract_number, "invoice_number": _ident,
    "customer_address": lambda p: p.address,
    "customer_city": _city,
    "customer_state": _region,
    "customer_postal_code": lambda p: p.postal,
    "customer_country": lambda p: p.country,
    "customer_domain": lambda p: p.domain,
    "customer_phone": lambda p: p.phone, "contact_phone": lambda p: p.phone,
    "customer_email": lambda p: p.email, "contact_email": lambda p: p.email,
    "contact_name": lambda p: p.person, "rep": lambda p: p.person,
    "rep_account": lambda p: _ident(p) * (1 - p.person),  # an owner id is a code, never a person's name
    "sku": _sku, "description": _text, "serial_numbers": _serial,
    "quantity": _quantity, "certified_staff": _quantity,
    "unit_price": _money, "amount": _money, "list_price": _money, "fixed_fee": _money,
    "split_percent": lambda p: p.percent,
    "vendor_split_percent": lambda p: p.percent,
    "currency": lambda p: p.currency,
    "service_start": lambda p: p.date, "service_end": lambda p: p.date,
    "invoice_date": lambda p: p.date, "valid_from": lambda p: p.date, "valid_to": lambda p: p.date,
    "service_level": _level, "status": _status, "tier": _shapeless, "support_model": _shapeless,
    "certification": _shapeless, "account_type": _shapeless,
    # a product's category is no status: "Category" holding "Commit", "Won", "Lost" is a deal's forecast category
    "category": lambda p: 0.0 if p.status >= MOSTLY else _shapeless(p),
}
#: fields whose content is unmistakable: a column with no header is taken for them on content alone
UNMISTAKABLE = frozenset({"customer_email", "customer_domain", "serial_numbers", "currency"})
#: fields whose content is taken under a header that names no field at all as well (a header the
#: vocabulary lacks: "Herkunft", "Lieferland xyz"): country names in any language or script
UNMISTAKABLE_UNDER_ANY_HEADER = frozenset({"customer_country"})
#: fields that name a party (end customer, reseller, bill-to)
PARTY_FIELDS = ("customer_name", "reseller_name", "bill_to_name")


def content_fit(profile: ColumnProfile, field: str) -> float | None:
    """0..1 for fields with a content test, None for the others (and for empty columns)."""
    fit = FITS.get(field)
    if fit is None or profile.non_blank == 0:
        return None
    value = fit(profile)
    return None if value is None else round(float(value), 4)


def normalise_party(name: object) -> str:
    """A party name compared across files: case, accents, punctuation and legal form dropped."""
    text = cell_text(name)
    if text is None:
        return ""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", folded.lower()).split())


def partner_overlap(col: pd.Series, known: frozenset[str], rows: int = 5000) -> float:
    """Share of a column's distinct names (legal form dropped) that are known partner names.

    A `ProbedPartnerNames` records the names it was asked about, so a reader that ran with one set
    of known names can tell afterwards whether another set would have given the same answers."""
    probes = known.probes if isinstance(known, ProbedPartnerNames) else None
    if not known and probes is None:
        return 0.0
    values = pd.Series(pd.unique(col.iloc[:rows].astype(object)), dtype=object).map(normalise_party)
    values = values[values != ""]
    names = tuple(_strip_legal(values).tolist())
    if probes is not None:
        probes.append(names)
    return share_known(names, known)


def share_known(names: tuple[str, ...], known: frozenset[str]) -> float:
    """Share of `names` that are in `known` (0 for no names)."""
    return sum(n in known for n in names) / len(names) if names else 0.0


def _strip_legal(names: pd.Series) -> pd.Series:
    """Names with a trailing legal form dropped ("acme corp" -> "acme")."""
    return pd.Series([_without_legal_form(n) for n in names.tolist()], index=names.index, dtype=object)


def _without_legal_form(name: str) -> str:
    """One normalised name with a trailing legal form dropped (its last word)."""
    return name.rsplit(" ", 1)[0] if legal_tail(name) else name


class PartnerNames(frozenset[str]):
    """Partner names already normalised by `known_partner_set`: passed on, never normalised again."""


class ProbedPartnerNames(PartnerNames):
    """Known partner names that keep every tuple of names `partner_overlap` looked up in them."""

    probes: list[tuple[str, ...]]

    def __new__(cls, names: frozenset[str]) -> ProbedPartnerNames:
        self = super().__new__(cls, names)
        self.probes = []
        return self

    def answers_alike(self, other: frozenset[str]) -> bool:
        """Whether `other` gives every lookup made so far the same answer (so a reader given
        `other` instead would have decided everything the same way)."""
        return other == self or all(share_known(p, other) == share_known(p, self) for p in self.probes)


def known_partner_set(names: Iterable[object] | None) -> PartnerNames:
    """Normalise the partner names a caller knows (from earlier files or the CRM) once: each name as
    `normalise_party` gives it and without its legal form. A name's forms are kept per name, as a night
    asks this for every file of a list of thousands that grows by a few names a file."""
    if isinstance(names, PartnerNames):
        return names
    if not names:
        return PartnerNames()
    forms: set[str] = set()
    for name in names:
        forms.update(_party_forms(name) if isinstance(name, str) else _forms_of(name))
    return PartnerNames(frozenset(forms))


@lru_cache(maxsize=1 << 18)
def _party_forms(name: str) -> tuple[str, ...]:
    return _forms_of(name)


def _forms_of(name: object) -> tuple[str, ...]:
    """A known partner name as looked up: normalised, and also without a trailing legal form (none for a
    name that normalises to nothing)."""
    normal = normalise_party(name)
    return (normal, _without_legal_form(normal)) if normal else ()


def repeat_ranks(distinct_counts: list[int]) -> np.ndarray:
    """Per column: 1 for the column with the fewest distinct values among several, else 0."""
    counts = np.asarray(distinct_counts, dtype=float)
    out = np.zeros(len(counts))
    if len(counts) >= 2 and counts.min() * 1.5 <= np.sort(counts)[1]:
        out[int(counts.argmin())] = 1.0
    return out
