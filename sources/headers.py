"""Header recognition: map a file's column headers to canonical fields by synonyms.

Headers are compared after `normalise_header` (case, punctuation and spacing removed), first
exactly against the synonym table, then by a strict fuzzy match (rapidfuzz) so "Serail Number"
still lands on `serial_numbers`. `columns:` in sources.yaml always wins over both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from sources.fields import CANONICAL_FIELDS, required_columns

#: canonical field -> header spellings seen in the channel (compared after normalise_header)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "customer_name": (
        "customer name", "customer", "end user", "end user name", "end customer",
        "end customer name", "enduser", "enduser name", "account name", "account",
        "company", "company name", "client", "client name", "ship to name", "ship to customer",
        "end user company", "eu name", "sold to customer", "organisation", "organization",
    ),
    "customer_account": (
        "customer account", "customer id", "customer no", "customer number", "account id",
        "account number", "account no", "crm account", "crm account id", "end user id",
        "customer acct", "eu account",
    ),
    "customer_address": (
        "address", "customer address", "street", "street address", "address line 1",
        "address 1", "end user address", "ship to address", "billing street",
    ),
    "customer_city": ("city", "town", "customer city", "end user city", "ship to city", "billing city"),
    "customer_state": (
        "state", "province", "region", "state province", "customer state", "end user state",
        "billing state", "st",
    ),
    "customer_postal_code": (
        "zip", "zip code", "zipcode", "postal code", "postcode", "post code", "postal",
        "customer zip", "end user zip", "billing zip", "billing postal code",
    ),
    "customer_country": ("country", "customer country", "end user country", "billing country", "ctry"),
    "customer_domain": ("website", "web site", "domain", "url", "web", "homepage"),
    "customer_phone": ("phone", "telephone", "phone number", "tel", "customer phone", "main phone"),
    "customer_email": ("email", "e mail", "email address", "customer email", "company email"),
    "contact_name": (
        "contact", "contact name", "contact person", "primary contact", "main contact", "key contact",
        "customer contact", "end user contact", "technical contact", "it contact",
    ),
    "contact_email": ("contact email", "contact e mail", "contact email address", "primary contact email"),
    "contact_phone": (
        "contact phone", "contact phone number", "contact tel", "contact mobile", "mobile", "direct line",
        "primary contact phone",
    ),
    "reseller_name": (
        "reseller", "reseller name", "partner", "partner name", "var", "var name",
        "sold to", "sold to name", "sold to reseller", "dealer", "channel partner", "solution provider",
    ),
    "reseller_account": (
        "reseller id", "reseller account", "reseller no", "reseller number", "partner id",
        "partner no", "partner number", "sold to id", "sold to account", "var id", "dealer id",
    ),
    "bill_to_name": (
        "bill to", "bill to name", "billed to", "bill to customer", "invoice to", "payer",
        "bill to party", "customer billed",
    ),
    "bill_to_account": ("bill to account", "bill to id", "bill to no", "payer id", "payer account"),
    "sku": (
        "sku", "part number", "part no", "part", "product", "product code", "product number",
        "product id", "item", "item number", "item no", "material", "article", "article no",
        "mfr part number", "mpn", "model",
    ),
    "description": (
        "description", "product description", "item description", "article description",
        "desc", "product name", "item name",
    ),
    "serial_numbers": (
        "serial", "serials", "serial number", "serial numbers", "serial no", "serial nos",
        "serial num", "serial #", "s n", "sn", "s ns", "sn s", "serial no s", "serial numbers s",
        "asset serial", "device serial", "asset tag",
    ),
    "quantity": ("quantity", "qty", "units", "qty shipped", "quantity shipped", "count", "pcs"),
    "unit_price": (
        "unit price", "price", "unit cost", "net price", "unit net price", "price each",
        "sell price", "unit sell",
    ),
    "amount": (
        "amount", "total", "line total", "extended price", "ext price", "extended amount",
        "net amount", "value", "contract value", "total amount", "invoice amount",
        "line amount", "revenue", "renewal value", "annual value",
    ),
    "list_price": ("list price", "msrp", "list", "rrp", "price list", "gpl"),
    "currency": ("currency", "curr", "ccy", "currency code"),
    "contract_number": (
        "contract number", "contract", "contract no", "contract id", "contract #",
        "service contract", "agreement", "agreement number", "support contract", "sc number",
        "contract ref",
    ),
    "service_level": (
        "service level", "coverage", "support level", "sla", "service", "service type",
        "coverage level", "support type", "plan",
    ),
    "service_start": (
        "service start", "start date", "start", "coverage start", "contract start",
        "support start", "begin date", "from", "valid from", "term start",
    ),
    "service_end": (
        "service end", "end date", "end", "expiry", "expiry date", "expiration",
        "expiration date", "coverage end", "contract end", "support end", "expires",
        "renewal date", "valid to", "valid until", "to", "term end", "exp date",
    ),
    "invoice_number": ("invoice number", "invoice", "invoice no", "invoice id", "inv no", "document number"),
    "invoice_date": (
        "invoice date", "inv date", "date", "ship date", "order date", "sale date",
        "transaction date", "posting date", "document date", "invoice dt",
    ),
    "rep": (
        "rep", "sales rep", "owner", "account owner", "salesperson", "sales person",
        "account manager", "am", "channel rep", "opportunity owner",
    ),
    "rep_account": ("owner id", "account owner id", "rep id", "sales rep id", "owner user id", "user id"),
    "status": ("status", "contract status", "state of contract", "stage"),
    "notes": ("notes", "note", "comments", "comment", "remarks", "memo"),
    "account_type": ("account type", "type", "customer type", "relationship", "record type"),
    "parent_account": ("parent account", "parent", "parent account id", "parent id"),
    "category": ("category", "product category", "product type", "family", "product family"),
}

_NON_ALNUM = re.compile(r"[^0-9a-z#]+")


def normalise_header(text: object) -> str:
    """Lower-case a header and reduce punctuation/spacing to single spaces ("S/N:" -> "s n")."""
    if text is None:
        return ""
    s = str(text).strip().lower().replace("&", " and ")
    s = s.replace("no.", "no ").replace("nr.", "no ")
    return _NON_ALNUM.sub(" ", s).strip()


_LOOKUP: dict[str, str] = {}
for _field, _names in SYNONYMS.items():
    for _name in (*_names, _field.replace("_", " ")):
        _LOOKUP.setdefault(normalise_header(_name), _field)
_CHOICES = list(_LOOKUP)
_FUZZY_CUTOFF = 92.0


@dataclass(frozen=True)
class HeaderMatch:
    """How one header row maps onto canonical fields."""

    mapping: dict[int, str]  # column index -> canonical field
    headers: list[str]  # the header texts as written, by column index
    how: dict[str, str] = field(default_factory=dict)  # field -> "columns" | "synonym" | "fuzzy"

    @property
    def fields(self) -> set[str]:
        return set(self.mapping.values())


def recognise_header(
    cells: Sequence[object], overrides: Mapping[str, str] | None = None
) -> HeaderMatch:
    """Map one candidate header row to canonical fields; the first column wins a duplicate field."""
    # inner whitespace collapsed: a header typed with Alt+Enter ("Serial\nNumber") is shown
    # on one line in reasons and reports
    headers = ["" if c is None else " ".join(str(c).split()) for c in cells]
    mapping: dict[int, str] = {}
    how: dict[str, str] = {}
    taken: set[str] = set()
    wanted = {normalise_header(h): f for f, h in (overrides or {}).items()}
    for i, h in enumerate(headers):
        key = normalise_header(h)
        if key and key in wanted and wanted[key] not in taken:
            mapping[i] = wanted[key]
            how[wanted[key]] = "columns"
            taken.add(wanted[key])
    for i, h in enumerate(headers):
        key = normalise_header(h)
        if i in mapping or not key or key in wanted:
            continue
        fld, rule = _LOOKUP.get(key), "synonym"
        if fld is None and len(key) >= 5:
            best = process.extractOne(key, _CHOICES, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
            if best is not None:
                fld, rule = _LOOKUP[best[0]], "fuzzy"
        if fld is not None and fld not in taken:
            mapping[i] = fld
            how[fld] = rule
            taken.add(fld)
    return HeaderMatch(mapping=mapping, headers=headers, how=how)


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
        return idx, recognise_header(rows[idx], overrides)
    best: tuple[int, int, HeaderMatch] | None = None
    for i, row in enumerate(rows):
        if not any(c not in (None, "") for c in row):
            continue
        m = recognise_header(row, overrides)
        if not is_recognisable(m, kind):
            continue
        score = header_score(m, kind)
        if best is None or score > best[0]:
            best = (score, i, m)
    return None if best is None else (best[1], best[2])


assert set(SYNONYMS) <= set(CANONICAL_FIELDS)
