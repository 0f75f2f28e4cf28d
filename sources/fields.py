"""The canonical field vocabulary shared by every source kind (DESIGN.md, "Canonical fields").

One place names every field, its type and the fields each kind must carry, so readers,
the warehouse schema and the demo world all speak the same language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Literal, get_args

import numpy as np

FieldType = Literal["text", "date", "money", "quantity", "serials", "percent"]

#: canonical field -> how its cells are typed
FIELD_TYPES: Final[dict[str, FieldType]] = {
    # end customer (business counterparty)
    "customer_name": "text",
    "customer_account": "text",
    "customer_address": "text",
    "customer_city": "text",
    "customer_state": "text",
    "customer_postal_code": "text",
    "customer_country": "text",
    "customer_domain": "text",
    "customer_phone": "text",
    "customer_email": "text",
    # reseller
    "reseller_name": "text",
    "reseller_account": "text",
    # bill-to (financial counterparty)
    "bill_to_name": "text",
    "bill_to_account": "text",
    # product and asset
    "sku": "text",
    "description": "text",
    "serial_numbers": "serials",
    "quantity": "quantity",
    # money
    "unit_price": "money",
    "amount": "money",
    "list_price": "money",
    "currency": "text",
    # contract
    "contract_number": "text",
    "service_level": "text",
    "service_start": "date",
    "service_end": "date",
    # document
    "invoice_number": "text",
    "invoice_date": "date",
    # an accounting document's type (invoice / credit note) or debit-credit indicator: signs its amounts
    "document_type": "text",
    # contact at the end customer
    "contact_name": "text",
    "contact_email": "text",
    "contact_phone": "text",
    # channel: who delivers the service (vendor, reseller, service organisation, third party)
    "service_provider": "text",
    # partner program
    "partner_name": "text",
    "partner_account": "text",
    "tier": "text",
    "certification": "text",
    "certified_staff": "quantity",
    "support_model": "text",
    "split_percent": "percent",
    # the vendor's side of the split, as some programs state it: read as the partner's 1 - x (records.py)
    "vendor_split_percent": "percent",
    "fixed_fee": "money",
    "valid_from": "date",
    "valid_to": "date",
    # other
    "rep": "text",
    "rep_account": "text",
    "status": "text",
    "notes": "text",
    "account_type": "text",
    "parent_account": "text",
    "category": "text",
}

CANONICAL_FIELDS: Final[tuple[str, ...]] = tuple(FIELD_TYPES)

#: a party's name field -> its account field (an id written into a name or beside it belongs there)
PARTY_ACCOUNTS: Final[dict[str, str]] = {
    "customer_name": "customer_account", "reseller_name": "reseller_account",
    "bill_to_name": "bill_to_account", "partner_name": "partner_account",
}

#: fields only a partner program file carries (kind `partner_program`, issue 14)
PARTNER_PROGRAM_FIELDS: Final[frozenset[str]] = frozenset({
    "partner_name", "partner_account", "tier", "certification", "certified_staff",
    "support_model", "split_percent", "vendor_split_percent", "fixed_fee", "valid_from", "valid_to",
})
#: fields only an accounting file carries: its document type says which rows are credit notes
ACCOUNTING_FIELDS: Final[frozenset[str]] = frozenset({"document_type"})
#: recognised in headers but not columns of source_records yet (none: the partner-program fields and
#: service_provider are stored since issue 14; kept so a future field can be recognised first)
NOT_YET_STORED: Final[frozenset[str]] = frozenset()
#: read only to type the other fields, never stored: a document type says which rows are credit notes
#: (their amount made negative, `sources.credit_notes`), a vendor's share gives the partner's share
#: (`records._vendor_share`), so the schema keeps its columns
READ_FOR_TYPING: Final[frozenset[str]] = frozenset({"document_type", "vendor_split_percent"})
#: the fields of a typed source record, in order (source_records' canonical columns)
RECORD_FIELDS: Final[tuple[str, ...]] = tuple(
    f for f in FIELD_TYPES if f not in NOT_YET_STORED and f not in READ_FOR_TYPING
)

SourceKind = Literal[
    "distributor", "sales_rep", "accounting", "crm_accounts", "crm_contracts", "price_list", "partner_program"
]
SOURCE_KINDS: Final[tuple[str, ...]] = get_args(SourceKind)

#: kind -> fields every usable row must carry (tuples inside are "one of")
REQUIRED_FIELDS: Final[dict[str, tuple[str | tuple[str, ...], ...]]] = {
    "distributor": ("invoice_date", "reseller_name", "customer_name", "sku"),
    "sales_rep": ("customer_name", "service_end"),
    "accounting": ("invoice_number", "invoice_date", "bill_to_name", "amount"),
    "crm_accounts": ("customer_account", "customer_name"),
    "crm_contracts": ("contract_number", "service_end", ("customer_account", "customer_name")),
    "price_list": ("sku", "list_price"),
    # a partner and at least one of its terms (a tier, a split, a fee or a support model)
    "partner_program": (("partner_name", "partner_account"), ("tier", "split_percent", "fixed_fee", "support_model")),
}


#: a required field a row may go without when it has all of these: a line's amount is its quantity times its
#: unit price (the contract stage values such a line so; `source_records.amount` stays as the file had it)
STANDS_IN: Final[dict[str, tuple[str, ...]]] = {"amount": ("quantity", "unit_price")}


def stood_in(fld: str, notna: Callable[[str], np.ndarray | None], rows: int) -> np.ndarray:
    """Rows that have every field standing in for `fld` (`STANDS_IN`), given each field's non-null mask
    (`notna`: None for a field with no column); none where a field standing in has no column."""
    masks = [notna(f) for f in STANDS_IN.get(fld, ())]
    if not masks or any(m is None for m in masks):
        return np.zeros(rows, dtype=bool)
    return np.logical_and.reduce([np.asarray(m, dtype=bool) for m in masks])


_NOT_IN_PARTNER_PROGRAM = frozenset({
    "reseller_name", "reseller_account", "service_start", "service_end", "service_level",
})
#: an account list holds no invoice: its bare "Date" (Azerbaijani "Yaradılma tarixi", created, its qualifier a
#: word the vocabulary lacks) is when the account was made, not an invoice's date
_NOT_IN_ACCOUNTS = frozenset({"invoice_date"})
#: an account's type (customer / reseller / leasing) is read from account lists only: elsewhere a bare "Type"
#: ("Typ" of a Czech asset list: "Server", "Počítač") is the device's or the line's, and nothing reads it
_ACCOUNTS_ONLY = frozenset({"account_type"})


def eligible_fields(kind: str) -> tuple[str, ...]:
    """The fields a file of `kind` may carry: partner-program fields only in partner-program files,
    accounting fields only in accounting files."""
    other: frozenset[str] = frozenset() if kind == "accounting" else ACCOUNTING_FIELDS
    other = other | (_NOT_IN_ACCOUNTS if kind == "crm_accounts" else _ACCOUNTS_ONLY)
    if kind == "partner_program":
        return tuple(f for f in CANONICAL_FIELDS if f not in _NOT_IN_PARTNER_PROGRAM and f not in other)
    return tuple(f for f in CANONICAL_FIELDS if f not in PARTNER_PROGRAM_FIELDS and f not in other)


def required_columns(kind: str) -> set[str]:
    """Every field that may satisfy a requirement of `kind` (used to judge a header row)."""
    out: set[str] = set()
    for req in REQUIRED_FIELDS.get(kind, ()):
        out.update(req if isinstance(req, tuple) else (req,))
    return out


#: the periods a line states, as (start, end) fields: the end falls after the start
DATE_PAIRS: tuple[tuple[str, str], ...] = (("service_start", "service_end"), ("valid_from", "valid_to"))
