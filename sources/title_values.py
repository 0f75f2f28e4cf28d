"""Values a table states once, in the lines above its header: "Customer: Delta Legal Inc." over a
rep's sheet for that customer, "Reseller | Infocore Systems" over a distributor's report for one
reseller, "Currency: EUR". A field no column gives takes such a value for every row, so a sheet per
customer is read instead of left for want of a customer column.

Only labels that name a party, an account, the currency or the rep count (a report date or period
says nothing about a row's dates), and a pivot filter's "(All)" or "(Multiple Items)" names nobody.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sources.fields import PARTY_ACCOUNTS
from sources.headers import field_scores

#: fields a line above the header may state for the whole table
TITLE_FIELDS = frozenset({
    "customer_name", "customer_account", "customer_city", "customer_country",
    "reseller_name", "reseller_account", "bill_to_name", "bill_to_account",
    "partner_name", "partner_account", "currency", "rep",
})
#: a label names its field this surely (a synonym, not a guess from one word of many)
LABEL_MIN = 0.85
MAX_LABEL_CHARS = 40
MAX_VALUE_CHARS = 120

#: a party's name with its id in brackets after it: "Bechtle AG (Debitor 10023)", "Delta Legal [C-1045]"
_WITH_ID = re.compile(r"^(?P<name>.*[^\W\d_].*?)\s*[(\[](?P<id>[^()\[\]]*\d[^()\[\]]*)[)\]]$")
_LABELLED = re.compile(r"^\s*(?P<label>[^:：\d][^:：]{0,39}?)\s*[:：]\s*(?P<value>\S.*?)\s*$")
#: what a pivot table's filter or a report's selection shows when it names no one value
_NO_VALUE = re.compile(
    r"^[\s(\[<*-]*(all|alle|tous|toutes|todos|todas|tutti|tutte|alla|allt|wszystkie|"
    r"multiple items|mehrere elemente|plusieurs éléments|varios elementos|più elementi|"
    r"n/?a|none|various|diverse|div\.?|-)?[\s)\]>*.-]*$", re.IGNORECASE)


@dataclass(frozen=True)
class TitleValue:
    """A field's value as a line above the header states it."""

    field: str
    value: str
    label: str
    line: int  # 1-based row of the sheet or line of the file


def _cells(line: Sequence[object]) -> list[str]:
    return [t for t in (" ".join(str(c).split()) for c in line if c is not None) if t]


def title_pairs(lines: Sequence[Sequence[object]]) -> list[tuple[str, str, int]]:
    """(label, value, 1-based line) of each "Label: value" cell, "Label:" cell followed by its value,
    or line of exactly a label and a value."""
    out = []
    for n, line in enumerate(lines, start=1):
        cells = _cells(line)
        k = 0
        while k < len(cells):
            cell = cells[k]
            if (m := _LABELLED.match(cell)) is not None:
                out.append((m.group("label"), m.group("value"), n))
            elif cell.endswith((":", "：")) and k + 1 < len(cells):
                out.append((cell[:-1].strip(), cells[k + 1], n))
                k += 1
            k += 1
        if len(cells) == 2 and not cells[0].endswith((":", "：")) and ":" not in cells[0]:
            out.append((cells[0], cells[1], n))
    return out


def label_field(label: str, kind: str) -> str | None:
    """The field of `TITLE_FIELDS` a label names surely (`LABEL_MIN`), else None. "POS-Report Fachhändler": a
    label may carry words before the ones naming the field."""
    if len(label) > MAX_LABEL_CHARS:
        return None
    scores: dict[str, float] = {}
    words = label.split()
    for text in dict.fromkeys([label, " ".join(words[-2:]), words[-1]] if words else [label]):
        for f, sc in field_scores(text, kind).items():
            if f in TITLE_FIELDS:
                scores[f] = max(scores.get(f, 0.0), sc.score)
    if not scores:
        return None
    fld = max(scores, key=lambda f: scores[f])
    return fld if scores[fld] >= LABEL_MIN else None


def labelled(cell: str) -> tuple[str, str] | None:
    """(label, value) of a "Label: value" cell, else None."""
    m = _LABELLED.match(cell)
    return None if m is None else (m.group("label"), m.group("value"))


def title_values(lines: Sequence[Sequence[object]], kind: str, first_line: int = 1) -> dict[str, TitleValue]:
    """The table-wide values the lines above a header (`lines`, the first on `first_line`) state:
    the first line naming each field wins; a field two lines name differently is left out."""
    found: dict[str, TitleValue] = {}
    clashing: set[str] = set()
    for label, value, n in title_pairs(lines):
        if len(label) > MAX_LABEL_CHARS or len(value) > MAX_VALUE_CHARS or _NO_VALUE.match(value):
            continue
        fld = label_field(label, kind)
        if fld is None:
            continue
        account = None
        if fld in PARTY_ACCOUNTS and (m := _WITH_ID.match(value)) is not None:  # "Bechtle AG (Debitor 10023)"
            value, account = m.group("name"), m.group("id").split()[-1]
        for f, v in ((fld, value), (PARTY_ACCOUNTS.get(fld, ""), account)):
            if not f or v is None:
                continue
            if f in found and found[f].value != v:
                clashing.add(f)
            found.setdefault(f, TitleValue(f, v, label, first_line + n - 1))
    return {f: v for f, v in found.items() if f not in clashing}


#: an account a title states belongs to the party of the whole table: with the party's name in a column
#: of its own ("Kundennr.: 100234" over rows of many resellers) it is no row's account
ACCOUNT_OF = {account: name for name, account in PARTY_ACCOUNTS.items()}


def table_wide(values: dict[str, TitleValue], columns: Collection[str]) -> dict[str, TitleValue]:
    """The title values a table takes: those of fields no column gives, an account only where no column
    gives its party's name either."""
    return {f: v for f, v in values.items()
            if f not in columns and not (f in ACCOUNT_OF and ACCOUNT_OF[f] in columns)}
