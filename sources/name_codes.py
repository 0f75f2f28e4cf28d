"""Names an ERP writes with their record id or hierarchy. Parties: NetSuite's "CUST-1045 Delta Legal
Inc." and "Rockport Holdings : Rockport Manufacturing", Sage's "DEL001 - Delta Legal", "Delta Legal
Inc. (C00123)". The id is the party's account, not part of its name (matching would weigh "cust" and
"1045" as name words), and a sub-customer is the last step of its path.

An id is taken off a column's names only when most of its distinct names carry one of one shape
("CUST-9999": letters, separator, digit count), at least three of them: a lone "1800 Flowers" or
"360 Degrees Ltd" keeps its number. It fills the party's account where no column gives one.

Products: Odoo writes a product as "[CS-4HR-SW] Support 4h onsite switches": the code in brackets is
the SKU, the rest its description (where no column gives one).
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from typing import NamedTuple

import pandas as pd

from sources.fields import PARTY_ACCOUNTS

#: this share of a column's distinct names carry an id of one shape, and at least this many
SHARE = 0.6
AT_LEAST = 3
#: distinct names looked at first (spread over the column)
SAMPLE = 2000

_CODE = r"[A-Za-z]{0,8}[-_/.]?\d{2,}[A-Za-z0-9]*"
_LEADING = re.compile(rf"^(?P<code>{_CODE})(?:\s*[-–:|]\s*|\s+)(?P<name>\S.*[^\W\d_].*)$")
_TRAILING = re.compile(rf"^(?P<name>.*[^\W\d_].*?)\s*[(\[](?P<code>{_CODE})[)\]]$")
#: NetSuite's hierarchy: "Parent : Child", each side a name
_PATH = re.compile(r"\s:\s")


def _shape(code: str) -> str:
    return re.sub(r"\d", "9", re.sub(r"[A-Za-z]", "A", code))


def _last_step(name: str) -> str:
    steps = [s.strip() for s in _PATH.split(name)]
    named = [s for s in steps if len(s) >= 3 and re.search(r"[^\W\d_]", s)]
    return named[-1] if len(named) == len(steps) and len(steps) > 1 else name


class _Parts(NamedTuple):
    stepped: str  # the name without its hierarchy
    name: str  # ... and without its id
    code: str | None
    shape: str | None  # where the id stands and its shape: "lead:AAAA-9999"


def _split(value: object) -> _Parts:
    stepped = _last_step(str(value).strip())
    for where, pattern in (("lead", _LEADING), ("trail", _TRAILING)):
        m = pattern.match(stepped)
        if m is not None:
            return _Parts(stepped, m.group("name").strip(), m.group("code"), f"{where}:{_shape(m.group('code'))}")
    return _Parts(stepped, stepped, None, None)


def split_name_codes(typed: MutableMapping[str, pd.Series]) -> list[str]:
    """Take ids and hierarchy off each party name column of `typed` (in place); the notes saying so."""
    notes = []
    for name_field, account_field in PARTY_ACCOUNTS.items():
        names = typed.get(name_field)
        if names is None or not names.notna().any():
            continue
        uniques = names.dropna().unique()
        sample = pd.Series(uniques[:: max(1, len(uniques) // SAMPLE)], dtype=object).astype(str)
        # a big file's names are looked at whole only when a sample of them carries ids: a digit or " : "
        # first (vectorised), then the patterns on those few
        marked = sample[sample.str.contains(r"\d| : ", regex=True)]
        if not any(_PATH.search(v) or _LEADING.match(v) or _TRAILING.match(v) for v in marked):
            continue
        distinct = {v: _split(v) for v in uniques}
        shapes = pd.Series([p.shape for p in distinct.values() if p.shape], dtype=object).value_counts()
        coded = shapes.index[0] if len(shapes) and shapes.iloc[0] >= max(AT_LEAST, SHARE * len(distinct)) else None
        pathed = [v for v, p in distinct.items() if p.stepped != str(v).strip()]
        if coded is None and not pathed:
            continue
        new = {v: p.name if p.shape == coded else p.stepped for v, p in distinct.items()}
        typed[name_field] = names.map(new).where(names.notna(), None).astype(object)
        if coded is not None:
            codes = names.map({v: p.code for v, p in distinct.items() if p.shape == coded}).astype(object)
            account = typed.get(account_field)
            typed[account_field] = codes if account is None else account.where(account.notna(), codes)
            example = next(v for v, p in distinct.items() if p.shape == coded)
            notes.append(f"{name_field}: {int(shapes.iloc[0])} of {len(distinct)} names carry an id "
                         f"(e.g. {example!r}): the id is read as {account_field}, the rest as the name")
        if pathed:
            notes.append(f"{name_field}: {len(pathed)} name{'s are' if len(pathed) > 1 else ' is'} a hierarchy "
                         f"(e.g. {pathed[0]!r}): read as its last step, the sub-account")
    return notes


_BRACKETED = re.compile(r"^\[(?P<code>[^\[\]\s]{2,40})\]\s*(?P<label>.*)$")


def split_sku_labels(typed: MutableMapping[str, pd.Series]) -> list[str]:
    """A SKU column of "[CODE] label" values (most of its distinct values): the code is the SKU, the label
    the description where the row has none (in place); the note saying so."""
    skus = typed.get("sku")
    if skus is None or not skus.notna().any():
        return []
    distinct = {v: _BRACKETED.match(str(v).strip()) for v in skus.dropna().unique()}
    hits = {v: m for v, m in distinct.items() if m is not None}
    if len(hits) < SHARE * len(distinct):
        return []
    typed["sku"] = skus.map(lambda v: hits[v].group("code") if v in hits else v).astype(object)
    labels = skus.map({v: m.group("label") or None for v, m in hits.items()}).astype(object)
    own = typed.get("description")
    typed["description"] = labels if own is None else own.where(own.notna(), labels)
    example = next(iter(hits))
    return [f"sku: {len(hits)} of {len(distinct)} products are written '[code] name' (e.g. {example!r}): the code "
            "is read as the SKU, the name as its description"]
