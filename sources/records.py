"""Raw cells to typed canonical records: skip blank and total rows (and an export's repeated headers,
page footers, footnotes and report footers below the data, and a report's group header rows, counted
with the totals), type fields, quarantine the rest.

A row is quarantined (never dropped) when a required field of its kind is empty or any mapped
cell cannot be typed; its reason names the row, the field and the header as written, and its
raw cells travel with it as JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa

from sources.channel_in_names import split_channel_names
from sources.columns import Problem, type_table
from sources.continuation_rows import DOCUMENT_FIELDS, carry_down, continuation_rows
from sources.credit_notes import not_invoices, sign_credit_notes, sign_returns
from sources.dates import parse_dates
from sources.document_headers import document_headers
from sources.fields import DATE_PAIRS, FIELD_TYPES, RECORD_FIELDS, REQUIRED_FIELDS, stood_in
from sources.group_rows import GroupRows, carry_groups, find_group_rows, find_parent_rows
from sources.limits import DEFAULT_LIMITS, ReadLimits
from sources.merged_cells import count_once
from sources.month_dates import period_of
from sources.month_names import ENGLISH_MONTHS, month_words
from sources.monthly_amounts import MONTHLY, covered_months
from sources.name_codes import split_name_codes, split_sku_labels
from sources.page_furniture import is_page_number, page_lines, repeated_headers, rows_above
from sources.pasted_blocks import PastedBlock, repeated_blocks
from sources.section_rows import SectionRows, echo_headings, section_rows, section_totals
from sources.serial_ranges import spread_ranges
from sources.sum_rows import sum_rows
from sources.table import RawTable
from sources.term_cells import ends_from_terms, term_months
from sources.trailing_tables import trailing_table
from sources.unit_rows import as_units, unit_rows
from sources.values import cell_text, distinct, is_number, parse_money
from sources.wrapped_names import join_wrapped_names

PROVENANCE = ("source", "source_file", "source_sheet", "source_row", "kind")
#: "Total" in the languages of European exports, as a whole cell only ("Totaal Techniek BV" is a company)
_TOTAL_WORDS = (
    r"summe|gesamt|gesamtsumme|zwischensumme|endsumme|insgesamt|totaal|subtotaal|eindtotaal|totale|totale generale"
    r"|subtotale|total g[eé]n[eé]ral|total general|sous[- ]?total|suma|suma total|razem|og[oó][lł]em|somme|somma"
    r"|soma|summa|totalt|i alt|yhteens[aä]|итого|всего|celkem|celkov[aá] suma|合計|总计|合计|小計|小计|総合計|总合计"
    r"|総計|總計|合\s+計|合\s+计|小\s+計|小\s+计"
    # Vietnamese, Indonesian and Malay, Turkish, Greek, Hungarian, Korean, Hebrew, Arabic and Thai
    r"|t[ổo]ng c[ộo]ng|t[ổo]ng|c[ộo]ng|jumlah|jumlah keseluruhan|total keseluruhan|toplam|genel toplam|σύνολο"
    r"|συνολο|[öo]sszesen|합계|총계|소계|סה[\"״]כ|סך הכל|סיכום|المجموع|الإجمالي|الاجمالي|إجمالي|اجمالي|รวม"
    r"|รวมทั้งสิ้น|ยอดรวม"
)
#: words after a total word saying which total ("Summe gesamt", "Totale complessivo", "Suma końcowa", "Celkem za
#: období")
_TOTAL_QUALIFIERS = (
    r"gesamt|general|generale|g[eé]n[eé]ral|complessiv[oa]|ko[nń]cowa|final|finale|global|globale|geral"
    r"|za obdob[ií]|celkem|summe"
)
#: what a report writes around a total label ("** Summe **", "=== Total ===", "> Razem")
_TOTAL_MARKS = r"[\s*=#>~_–—-]*"
#: a total row's label: "Total", "Grand total", "Sum", a total word between marks, or asterisks alone
#: (SAP's list output marks a total line "*", a higher level's "**")
_TOTAL_LABEL = (r"(?i)^\s*(?:grand\s+|sub\s*-?\s*)?totals?\b|^\s*sum\s*:?\s*$|^\s*\*{1,5}\s*$"
                rf"|^{_TOTAL_MARKS}(?:{_TOTAL_WORDS}|gesamtergebnis)(?:\s+(?:{_TOTAL_QUALIFIERS}))?\s*:?{_TOTAL_MARKS}$")
#: Excel's Data > Subtotal label under each group: "<value> Total" ("Acme Corp Total"; German
#: "Ergebnis"), a total only when <value> is itself a value of the column (the group it closes), so a
#: customer called "Seguridad Total" stays a line
_SUBTOTAL_RX = re.compile(r"(?i)^\s*(\S.*?)\s+(?:(?:sub\s*-?\s*)?total|totaal|ergebnis|summe|gesamt)\s*:?\s*$")
#: a period's subtotal ("March 2026 subtotal", "Q3 2026 Total", "2026 Total", "March Total"): a period names no
#: line of a report, so its label is a total whatever the column holds
_YEAR_RX = re.compile(r"(?:19|20)\d\d")
#: fields whose presence makes a row a real line, not a total
IDENTITY_FIELDS = (
    "customer_name", "customer_account", "sku", "serial_numbers", "contract_number",
    "invoice_number", "bill_to_name",
)

RECORD_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("source_file", pa.string()),
        ("source_sheet", pa.string()),
        ("source_row", pa.int64()),
        ("kind", pa.string()),
    ]
    + [
        (
            f,
            {
                "text": pa.string(),
                "date": pa.date32(),
                "money": pa.float64(),
                "percent": pa.float64(),
                "quantity": pa.int64(),
                "serials": pa.list_(pa.string()),
            }[t],
        )
        for f, t in ((f, FIELD_TYPES[f]) for f in RECORD_FIELDS)
    ]
)
QUARANTINE_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("source_file", pa.string()),
        ("source_sheet", pa.string()),
        ("source_row", pa.int64()),
        ("field", pa.string()),
        ("reason", pa.string()),
        ("raw", pa.string()),
    ]
)


@dataclass(frozen=True)
class RecordColumns:
    """One table's usable rows as typed columns: provenance and the fields the table has (every other
    field is empty). Both the records' pandas frame (`frame`) and their Arrow table (`arrow`) are made
    from it, so the nightly run, which only stores the Arrow table, never builds the frame's object
    columns (at a million rows about 1 GB, most of it fields the file does not have)."""

    index: pd.Index
    #: source, source_file, source_sheet, kind (one value for every row) and source_row (a Series)
    provenance: dict[str, object]
    #: the table's typed fields at its usable rows
    fields: dict[str, pd.Series]

    def __len__(self) -> int:
        return len(self.index)

    def frame(self) -> pd.DataFrame:
        """The records as a frame: provenance, then every record field, in `RECORD_SCHEMA` order."""
        return _records_frame(self.index, self.fields, self.provenance).reset_index(drop=True)

    def arrow(self) -> pa.Table:
        """The records as `to_arrow(self.frame())` makes them, without making the frame."""
        n = len(self.index)
        given = {**self.provenance, **self.fields}
        return pa.Table.from_arrays(
            [_arrow_values(given.get(f.name), f.type, n) for f in RECORD_SCHEMA], schema=RECORD_SCHEMA)


@dataclass
class TypedRows:
    """What one sheet yields: usable records, quarantined rows, skip counts and notes."""

    columns: RecordColumns
    quarantine: pd.DataFrame
    rows_read: int
    blank_rows: int
    total_rows: int
    warnings: list[str] = field(default_factory=list)
    #: field -> how its column was read (day/month order, decimal separator) and on what evidence
    evidence: dict[str, dict[str, object]] = field(default_factory=dict)

    @property
    def records(self) -> pd.DataFrame:
        """The usable rows as the canonical records frame (made on each call)."""
        return self.columns.frame()


_TOTAL_RX = re.compile(_TOTAL_LABEL)


class _CellMasks(NamedTuple):
    """Per cell of one column: blank, a "Total" label, the column's own header again (an export's
    page break), a page footer ("Page 2 of 5")."""

    blank: np.ndarray
    total: np.ndarray
    header: np.ndarray
    page: np.ndarray


def _cell_masks(col: pd.Series, header: str | None = None) -> _CellMasks:
    """The masks of `_CellMasks`, from one pass over the column's distinct values."""
    codes, uniques = distinct(col)
    values = uniques.tolist()
    # list comprehensions, not generators: ~60 ns a value less on a column of 500k distinct values
    total = np.array([isinstance(v, str) and _TOTAL_RX.search(v) is not None for v in values], dtype=bool)
    total |= _subtotal_labels(values)
    key = header.strip().casefold() if header else None
    again = np.array([key is not None and isinstance(v, str) and v.strip().casefold() == key for v in values],
                     dtype=bool)
    page = np.array([is_page_number(v) for v in values], dtype=bool)
    at = [np.append(m, False)[codes] for m in (total, again, page)]
    if pd.api.types.is_string_dtype(col) and not pd.api.types.is_object_dtype(col):
        return _CellMasks(col.fillna("").str.strip().eq("").to_numpy(dtype=bool), *at)
    blank = np.array([cell_text(v) is None for v in values], dtype=bool)
    return _CellMasks(np.append(blank, True)[codes], *at)


def _subtotal_labels(values: list[object]) -> np.ndarray:
    """Which of a column's distinct values are Excel subtotal labels: "<value> Total" where <value> is
    another value of the column."""
    stems = [m.group(1).casefold() if isinstance(v, str) and (m := _SUBTOTAL_RX.match(v)) else None for v in values]
    if not any(stems):
        return np.zeros(len(values), dtype=bool)
    own = {v.strip().casefold() for v in values if isinstance(v, str)}
    return np.array([s is not None and (s in own or _names_a_period(s)) for s in stems], dtype=bool)


def _names_a_period(text: str) -> bool:
    """A month, quarter or week and a year, a year, or a month's name alone ("march 2026", "q3 2026", "2026")."""
    month = text.strip(".")
    return (period_of(text) is not None or _YEAR_RX.fullmatch(text) is not None or month in _ENGLISH_MONTH_NAMES
            or month in month_words())


_ENGLISH_MONTH_NAMES = frozenset(m.casefold() for m in ENGLISH_MONTHS) | frozenset(
    m[:3].casefold() for m in ENGLISH_MONTHS)


#: a footnote's form: a marker ("* Prices exclude VAT", "¹ ...", "(1) ...", "1) ..."), a short label and a
#: colon ("Source: ERP export", "Stand: 30.06.2025") or a confidentiality mark alone
_FOOTNOTE_RX = re.compile(
    r"(?i)^\s*(?:[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S|[(\[]\d{1,2}[)\]]\s*\S|\d{1,2}\)\s+[^\W\d_]"
    r"|[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2}\s*:\s*\S"
    r"|(?:(?:strictly|highly|company|streng|strikt)\s+)?(?:confidential|proprietary(?:\s+and\s+confidential)?"
    r"|(?:for\s+)?internal(?:\s+use)?(?:\s+only)?|vertraulich|intern|confidentiel(?:le)?|confidencial|riservat[oa]"
    r"|confidenziale|vertrouwelijk|poufne|konfidentiell?t?|fortrolig[t]?|luottamuksellinen|důvěrné|sigiloso|gizli)"
    r"\W*$)"
)
#: lower-case words a name holds ("Bank of America", "Universidad de la Rioja"); any other lower-case word
#: after the first makes a phrase of three words or more a sentence ("Prices exclude VAT", "Generated by SAP")
_NAME_PARTICLES = frozenset({
    "of", "the", "and", "for", "at", "in", "de", "la", "le", "les", "du", "des", "der", "den", "die", "das", "van",
    "von", "und", "et", "y", "e", "i", "da", "di", "del", "della", "dos", "do", "zu", "am", "im", "an", "en", "af",
    "och", "og", "a", "al", "el", "ve", "w", "z",
})  # fmt: skip
_LETTER_RX = re.compile(r"[^\W\d_]")


#: a legal notice anywhere in a line ("Copyright (c) 2000-2024 salesforce.com, inc.", "Confidential
#: Information - Do Not Distribute", "© 2024 Acme")
_NOTICE_RX = re.compile(
    r"(?i)^\s*(?:copyright\b|©|\(c\)\s*\d)|\b(?:all rights reserved|do not (?:distribute|copy|forward|share)"
    r"|not for (?:distribution|external use))\b"
)


def _footnote_form(text: str) -> bool:
    """Whether a text reads as a note rather than a value: a marker, a label, a confidentiality mark,
    a legal notice, or a sentence."""
    if _FOOTNOTE_RX.match(text) or _NOTICE_RX.search(text):
        return True
    words = text.split()
    return len(words) >= 3 and any(w.isalpha() and w.islower() and w not in _NAME_PARTICLES for w in words[1:])


def _footnote_text(value: object, field_type: str | None) -> bool:
    """Whether the only cell of a row below the data is a footnote: text with a letter that the
    column's field could not hold as data (a date column's "* Prices exclude VAT"; in a text column,
    only a note's form; any text in a column that feeds no field)."""
    if not isinstance(value, str) or is_number(value) or _LETTER_RX.search(value) is None:
        return False
    text = value.strip()
    if field_type is None:
        return True
    if field_type == "date":
        typed_ok = bool(parse_dates(pd.Series([text], dtype=object), "footnote").values.notna().any())
    elif field_type in ("money", "quantity", "percent"):
        typed_ok = bool(parse_money(pd.Series([text], dtype=object))[0].notna().any())
    else:  # text and serials: any text could be a value
        return _footnote_form(text)
    return not typed_ok and (len(text.split()) >= 2 or _footnote_form(text))


def _footnotes(table: RawTable, columns: list[str], blank_cells: np.ndarray, skipped: np.ndarray) -> np.ndarray:
    """Rows of the trailing block below the last data row (blank and total rows aside) that are notes:
    the one-cell rows read bottom up while each is a footnote (`_footnote_text`), or the whole block
    when it is a report's footer (`_footer_block`); a single cell among the data rows is never one.
    No row with one cell carries every field its kind requires (each kind requires two or more), so
    no record is lost: the rows are named in a warning."""
    out = np.zeros(len(blank_cells), dtype=bool)
    if not len(blank_cells) or not len(columns):
        return out
    field_of = {str(i): f for i, f in table.header.mapping.items()}
    filled = (~blank_cells).sum(axis=1)
    block: list[tuple[int, int, bool]] = []  # (row, column, a note), bottom up
    for r in np.flatnonzero(~skipped)[::-1]:  # bottom up, to the last data row
        if filled[r] != 1:
            break
        j = int(np.flatnonzero(~blank_cells[r])[0])
        fld = field_of.get(columns[j])
        block.append((int(r), j, _footnote_text(table.cells.iat[r, j], FIELD_TYPES[fld] if fld else None)))
    if _footer_block(block):
        out[[r for r, _, _ in block]] = True
        return out
    for r, _, note in block:
        if not note:
            break
        out[r] = True
    return out


#: rows that repeat one row below the data before they count as a value filled down past it
FILL_ROWS = 3


def _filled_past(table: RawTable, columns: list[str], blank_cells: np.ndarray, skipped: np.ndarray) -> np.ndarray:
    """The rows below the last data row that repeat one row, when there are `FILL_ROWS` or more of them
    and none names a record (no identity field): a column typed or dragged to the bottom of the sheet
    ("USD" in every row), a formula copied down that gives 0. They hold nothing but the repeated
    values, which the warning names, so no record is lost."""
    out = np.zeros(len(blank_cells), dtype=bool)
    rows = np.flatnonzero(~skipped)
    if len(rows) <= FILL_ROWS or not len(columns):
        return out
    last = int(rows[-1])
    identity = [columns.index(c) for c in (_column_for(table, f) for f in IDENTITY_FIELDS) if c is not None]
    if (~blank_cells[last, identity]).any():
        return out
    if not _same_as_last(table, columns, blank_cells, rows[-FILL_ROWS:]).all():  # the last row is almost
        return out  # always a record: a few rows tell before the whole table is compared
    same = _same_as_last(table, columns, blank_cells, rows)
    differs = np.flatnonzero(~same)
    run = rows[differs[-1] + 1:] if len(differs) else rows
    if FILL_ROWS <= len(run) < len(rows):
        out[run] = True
    return out


def _same_as_last(table: RawTable, columns: list[str], blank_cells: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Per row of `rows` (the last one last): whether it holds what the last one holds, blank where it is
    blank. Only non-blank cells are compared: a missing value may be pandas' NA, which no == decides."""
    last = int(rows[-1])
    same = np.ones(len(rows), dtype=bool)
    for j, c in enumerate(columns):
        present = ~blank_cells[rows, j]
        if blank_cells[last, j]:
            same &= ~present
            continue
        values = table.cells[c].iloc[rows].to_numpy(dtype=object)
        equal = np.zeros(len(rows), dtype=bool)
        equal[present] = np.asarray(values[present] == table.cells[c].iat[last], dtype=bool)
        same &= equal
    return same


def _vendor_share(typed: dict[str, pd.Series], header: str) -> list[str]:
    """A program's vendor share ("Vendor Share" 60%) read as the partner's share it leaves (40%), where the
    row states no partner share of its own; the field itself is not stored."""
    vendor = typed.pop("vendor_split_percent", None)
    if vendor is None or not vendor.notna().any():
        return []
    partner = typed.get("split_percent")
    given = 1.0 - vendor
    typed["split_percent"] = given if partner is None else partner.where(partner.notna(), given)
    return [f"split_percent: the vendor's share ('{header}') read as the partner's share it leaves (a vendor share "
            "of 60% leaves the partner 40%)"]


def _fill_note(table: RawTable, filled: np.ndarray) -> str:
    """The warning naming the rows a value was filled down to and what they repeat."""
    row = table.cells[filled].iloc[0]
    names = table.header_names
    shown = [f"{cell_text(v)!r} in column {names[int(c)]!r}" for c, v in row.items() if cell_text(v) is not None]
    more = f" and {len(shown) - 3} more" if len(shown) > 3 else ""
    rows = _line_list(table.row_numbers[filled])
    sheet = f"sheet '{table.sheet}', " if table.sheet else ""
    return (f"{sheet}rows {rows} below the data repeat one row ({', '.join(shown[:3])}{more}): a value filled down "
            "past the data, skipped, counted with the total rows")


#: notes a block of one-cell lines below the data needs before its other lines count as its own
FOOTER_NOTES = 2


def _footer_block(block: list[tuple[int, int, bool]]) -> bool:
    """Whether the one-cell lines below the data (row, column, a note) are a report's footer as a whole:
    all in one column, at least `FOOTER_NOTES` of them notes and more notes than other lines. Its other
    lines are the report's title and the organisation's name (Salesforce writes "Confidential
    Information - Do Not Distribute", the copyright, "Generated By: ..." and the org name last), which
    read as values on their own; a block of lines that mostly read as values stays quarantined."""
    notes = sum(note for _, _, note in block)
    return len({j for _, j, _ in block}) == 1 and notes >= FOOTER_NOTES and 2 * notes > len(block)


def _structure_notes(table: RawTable, footnotes: np.ndarray, grouped: GroupRows) -> list[str]:
    """The warnings naming the rows skipped as footnotes and as group headers."""
    notes = []
    if footnotes.any():
        first = cell_text(next(v for v in table.cells[footnotes].iloc[0] if cell_text(v) is not None))
        n = int(footnotes.sum())
        notes.append(f"row{'s' if n > 1 else ''} {_line_list(table.row_numbers[footnotes])} below the data "
                     f"{'are footnotes' if n > 1 else 'is a footnote'} (one text cell, e.g. {first!r}): skipped, "
                     "counted with the total rows")
    if grouped.rows.any():
        notes.append(_group_note(table, grouped, table.cells[grouped.rows].iloc[0]))
    return notes


#: said after "required field ... is empty" when the empty cell is a formula saved with no value
UNCACHED_FORMULA = (": its cell holds a formula saved with no value (the file was written by a program that does "
                    "not calculate formulas); open it in Excel and save it again")


def _uncached_rows(table: RawTable, where: pd.Series, fields: list[str]) -> pd.Series | None:
    """The rows whose cell of one of `fields`' columns is a formula saved with no value; None when none is."""
    rows = frozenset().union(*(table.uncached.get(idx, frozenset()) for idx, fld in table.header.mapping.items()
                               if fld in fields))
    return where.isin(rows) if rows else None


def _required_problems(
    table: RawTable, kind: str, typed: dict[str, pd.Series], where: pd.Series, problems: list[Problem],
    copies: Mapping[str, pd.Series], header_of: dict[str, str],
) -> list[Problem]:
    """Each required field's rows with no value: empty (with why, where the cell is a formula saved with no
    value), or no column at all. A value already reported unreadable is not also reported empty."""
    out: list[Problem] = []
    unreadable: dict[str, pd.Series] = {}
    for mask, fld, _, _ in problems:
        unreadable[fld] = unreadable[fld] | mask if fld in unreadable else mask
    for req in REQUIRED_FIELDS[kind]:
        options = req if isinstance(req, tuple) else (req,)
        present = pd.Series(False, index=where.index)
        for opt in options:
            if opt in unreadable:  # an unreadable value is reported as such, not also as empty
                present |= unreadable[opt]
            if opt in copies:  # its value is the merged block's, stated on the block's first line
                present |= copies[opt]
            if opt in typed:
                v = typed[opt]
                present |= v.str.len().fillna(0).gt(0) if FIELD_TYPES[opt] == "serials" else v.notna()
            present |= stood_in(opt, lambda f: typed[f].notna().to_numpy() if f in typed else None, len(where))
        mapped = [o for o in options if o in typed]
        if mapped:
            label = " or ".join(f"'{o}'" + (f" (column '{header_of[o]}')" if o in header_of else "") for o in options)
            why = f"required field {label} is empty"
            blind = _uncached_rows(table, where, mapped)
            if blind is not None:  # the empty cell is a formula the writing program never calculated
                out.append((~present & blind, options[0], why + UNCACHED_FORMULA, None))
                present |= blind
        else:
            why = f"required field {' or '.join(repr(o) for o in options)} has no column in this file"
        out.append((~present, options[0], why, None))
    return out


def _sign_clashes(typed: dict[str, pd.Series], header_of: dict[str, str]) -> list[Problem]:
    """A line returning units (a negative quantity) for a positive amount: a return written with its amount
    unsigned, or a sign slipped - added, it would count as a sale twice over; quarantined, never guessed."""
    quantity, amount = typed.get("quantity"), typed.get("amount")
    if quantity is None or amount is None:
        return []
    clash = (quantity.lt(0) & amount.gt(0)).fillna(False).astype(bool)
    if not clash.any():
        return []
    values = pd.Series(None, index=clash.index, dtype=object)
    values[clash] = [f"quantity {q} and amount {a:,.2f}" for q, a in zip(quantity[clash], amount[clash], strict=True)]
    why = (f"field 'amount' (column '{header_of.get('amount', 'amount')}'): the signs disagree, {{}}: a return "
           "written with a positive amount? Sign the amount or the quantity as the document means them")
    return [(clash, "amount", why, values)]


def _period_clashes(typed: dict[str, pd.Series], header_of: dict[str, str]) -> list[Problem]:
    """A line whose period ends before it starts (the two dates typed the wrong way round): kept, it would be a
    live contract read as expired and offered as a missed renewal; quarantined, never guessed."""
    out: list[Problem] = []
    for start_field, end_field in DATE_PAIRS:
        start, end = typed.get(start_field), typed.get(end_field)
        if start is None or end is None:
            continue
        starts = pd.to_datetime(start, errors="coerce")
        ends = pd.to_datetime(end, errors="coerce")
        clash = (ends < starts).fillna(False).astype(bool)
        if not clash.any():
            continue
        values = pd.Series(None, index=clash.index, dtype=object)
        values[clash] = [f"{e:%Y-%m-%d} before {b:%Y-%m-%d}" for b, e in zip(starts[clash], ends[clash], strict=True)]
        why = (f"field '{end_field}' (column '{header_of.get(end_field, end_field)}'): the period ends before it "
               f"starts (column '{header_of.get(start_field, start_field)}'), {{}}: the two dates swapped? Correct "
               "them in the file")
        out.append((clash, end_field, why, values))
    return out


def _money_columns(table: RawTable) -> list[int]:
    """The table's columns mapped to a money field."""
    return [j for j, f in table.header.mapping.items() if FIELD_TYPES.get(f) == "money" and j < table.cells.shape[1]]


def _add_sections(grouped: GroupRows, sections: SectionRows) -> None:
    """A section's party, carried to its lines where no outline group proved one."""
    for fld, carried in sections.carried.items():
        before = grouped.carried.get(fld)
        grouped.carried[fld] = carried if before is None else before.where(before.notna(), carried)


def _section_notes(table: RawTable, sections: SectionRows) -> list[str]:
    """The warning naming the section rows skipped and the field their value gives the lines below."""
    if not sections.rows.any():
        return []
    n = int(sections.rows.sum())
    given = ", ".join(f"'{label}' as {fld}" for fld, label in sections.labels.items())
    return [f"row{'s' if n > 1 else ''} {_line_list(table.row_numbers[sections.rows])} "
            f"{'are sections' if n > 1 else 'is a section'} of the report ({given}): skipped, their value given "
            "to the lines below each"]


def _echo_notes(table: RawTable, echoes: np.ndarray) -> list[str]:
    """The warning naming the headings skipped whose value their lines repeat (`echo_headings`)."""
    if not echoes.any():
        return []
    n = int(echoes.sum())
    return [f"row{'s' if n > 1 else ''} {_line_list(table.row_numbers[echoes])} head{'' if n > 1 else 's'} a group "
            "of lines that name it themselves (e.g. "
            f"{cell_text(table.cells[echoes].iloc[0].dropna().iloc[0])!r}): skipped as structure"]


def _fillers(grouped: GroupRows, keep: pd.Series, fixed_values: dict[str, str] | None) -> list[tuple[str, pd.Series]]:
    """Values the kept rows take where their own cell is empty: their group's value (`carry_groups`),
    then the source's fixed values."""
    body = keep.index[keep.to_numpy()]
    return [*((f, carried[keep.to_numpy()]) for f, carried in grouped.carried.items()),
            *((f, pd.Series(v, index=body, dtype=object)) for f, v in (fixed_values or {}).items())]


#: group header rows a warning lists by number (a report by customer has one per customer)
GROUP_ROWS_LISTED = 30


def _group_note(table: RawTable, grouped: GroupRows, first_row: pd.Series) -> str:
    """The warning naming a table's group header rows and what their values gave the lines under them."""
    rows = table.row_numbers[grouped.rows]
    n = len(rows)
    first = next(t for t in (cell_text(v) for v in first_row) if t is not None)
    carried = sorted({f for f in grouped.fields.values() if f})
    gave = (f"their value is the '{' and '.join(carried)}' of the lines under them (filled in where a line has none)"
            if carried else "which field their value is nothing in the file shows, so it is not given to their lines")
    return (f"row{'s' if n > 1 else ''} {_listed(rows)} {'are group headers' if n > 1 else 'is a group header'} "
            f"(a value above the lines each heads, with at most its roll-ups, e.g. {first!r}): skipped, counted "
            f"with the total rows; {gave}")


def _listed(rows: np.ndarray) -> str:
    """The first GROUP_ROWS_LISTED row numbers, and how many more."""
    more = len(rows) - GROUP_ROWS_LISTED
    return _line_list(rows[:GROUP_ROWS_LISTED]) + (f" and {more} more" if more > 0 else "")


def _sum_note(table: RawTable, sums: np.ndarray) -> str:
    """The warning naming a table's unlabelled subtotal rows."""
    rows = table.row_numbers[sums]
    n = len(rows)
    return (f"row{'s' if n > 1 else ''} {_listed(rows)} {'are subtotals' if n > 1 else 'is a subtotal'} "
            "(amounts summing the lines of their group, above or below it): skipped, counted with the total rows")


def _pasted_note(table: RawTable, block: PastedBlock) -> str:
    """The warning naming a block of lines that repeats an earlier block of the same table."""
    unit = "lines" if table.sheet is None else "rows"
    numbers = table.row_numbers
    end, original_end = block.start + block.length - 1, block.original + block.length - 1
    return (f"{unit} {numbers[block.start]}-{numbers[end]} repeat {unit} {numbers[block.original]}-"
            f"{numbers[original_end]} cell for cell (a block pasted twice?): read once, the repeat skipped and counted "
            "with the total rows")


def _continue_lines(
    table: RawTable, cells: pd.DataFrame, blank_cells: np.ndarray, keep: np.ndarray, total: np.ndarray
) -> tuple[pd.DataFrame, list[str]]:
    """The cells with continuation lines given their document's values (sources/continuation_rows.py),
    and the warning naming them."""
    mapping = dict(table.header.mapping)
    continued, above = continuation_rows(blank_cells, keep, total, mapping)
    if not continued.any():
        return cells, []
    return carry_down(cells, blank_cells, continued, above, total, mapping), [
        _continuation_note(table, continued, mapping)]


def _continuation_note(table: RawTable, continued: np.ndarray, mapping: dict[int, str]) -> str:
    """The warning naming the rows read as further lines of the document above them."""
    rows = table.row_numbers[continued]
    n = len(rows)
    fields = ", ".join(f for f in mapping.values() if f in DOCUMENT_FIELDS)
    return (f"row{'s' if n > 1 else ''} {_listed(rows)} continue{'' if n > 1 else 's'} the document above "
            f"({fields} left blank): read with that document's values; a row of serials alone also takes its "
            "line's SKU and service period")


def _line_list(rows: np.ndarray) -> str:
    """Row numbers as a person reads them: "394", "394-396", "12, 394-396"."""
    spans: list[list[int]] = []
    for r in (int(x) for x in rows):
        if spans and r == spans[-1][1] + 1:
            spans[-1][1] = r
        else:
            spans.append([r, r])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def _column_for(table: RawTable, fld: str) -> str | None:
    for idx, f in table.header.mapping.items():
        if f == fld:
            return str(idx)
    return None


def type_rows(
    table: RawTable,
    *,
    source: str,
    source_file: str,
    kind: str,
    date_format: str | None = None,
    fixed_values: dict[str, str] | None = None,
    limits: ReadLimits | None = None,
    date_order: str | None = None,
) -> TypedRows:
    """Type one RawTable into canonical records plus quarantine rows (values bounded by `limits`;
    `date_order` is the day/month order the source's earlier files proved, for dates nothing in the
    table decides)."""
    fixed_values = {**(fixed_values or {}), **table.header.given}  # a title's value before the source's default
    cells = table.cells
    rows = pd.Series(table.row_numbers, index=cells.index)
    columns = list(cells.columns)
    headers = table.header.headers
    masks = [_cell_masks(cells[c], headers[j] if j < len(headers) else None) for j, c in enumerate(columns)]

    def stacked(name: str) -> np.ndarray:
        return np.column_stack([getattr(m, name) for m in masks]) if masks else np.zeros((len(cells), 0), bool)

    blank_cells, total_cells, header_cells, page_cells = (stacked(n) for n in _CellMasks._fields)
    blank = blank_cells.all(axis=1)
    # a total row has a "Total" label and nothing that identifies a real line besides that label
    identity = [columns.index(c) for c in (_column_for(table, f) for f in IDENTITY_FIELDS) if c is not None]
    has_identity = (~blank_cells[:, identity] & ~total_cells[:, identity]).any(axis=1)
    total = ~blank & total_cells.any(axis=1) & ~has_identity
    repeated = ~blank & repeated_headers(header_cells, blank_cells)
    one_cell = (~blank_cells).sum(axis=1) == 1
    total |= repeated | (~blank & page_lines(page_cells, blank_cells))
    total |= rows_above(repeated, one_cell | page_cells.any(axis=1), blank_cells)  # a title or a page's banner
    sections = section_rows(cells, blank_cells, blank | total, kind)  # "Customer: Acme Corp" above its lines
    total |= sections.rows
    echoes = echo_headings(cells, blank_cells, blank | total, headers)  # "Region: Coast" above lines of "Coast"
    total |= echoes
    total |= section_totals(cells, blank_cells, blank | total, sections, _money_columns(table))
    # a name a print layout wrapped onto the next line ("LLC" alone under "End User"): joined to the name above
    cells, wrapped, wrapped_tails = join_wrapped_names(cells, blank_cells, blank | total, table.header.mapping)
    total |= wrapped
    footnotes = _footnotes(table, columns, blank_cells, blank | total)
    total |= footnotes
    filled = _filled_past(table, columns, blank_cells, blank | total)
    total |= filled
    groups = find_group_rows(blank_cells, blank | total) | find_parent_rows(blank_cells, blank | total)
    total |= groups
    sums = sum_rows(cells, blank_cells, blank | total, table.header.mapping)
    total |= sums
    pasted, blocks = repeated_blocks(cells, blank | total)
    total |= pasted
    keep = pd.Series(~blank & ~total, index=cells.index)
    grouped = carry_groups(cells, blank_cells, groups, keep.to_numpy(), total & ~groups & ~footnotes,
                           dict(table.header.mapping))
    _add_sections(grouped, sections)
    cells, continued = _continue_lines(table, cells, blank_cells, keep.to_numpy(), total)
    doc_headers, cells = document_headers(cells, blank_cells, keep.to_numpy(), dict(table.header.mapping))
    if doc_headers.any():  # a document's header record above its line records: no line, its fields carried down
        keep &= ~doc_headers
        total |= doc_headers
        continued.append(f"{_rows_named(table.row_numbers[doc_headers])}: each a document's header record "
                         "above the line records that share its number: its date and parties read on those lines, "
                         "the record itself no line (its amount is theirs), counted with the total rows")
    body = cells[keep]
    where = rows[keep]
    where_sheet = f", sheet '{table.sheet}'" if table.sheet else ""
    # a merged amount or quantity is stated once, on its block's first line (sources/merged_cells.py)
    body, once = count_once(table.merged, body, where.to_numpy(), table.header.mapping, FIELD_TYPES,
                            table.header.headers)

    typed_table = type_table(table, body, date_format=date_format, limits=limits or DEFAULT_LIMITS,
                             source_order=date_order, default_currency=(fixed_values or {}).get("currency"))
    typed, problems, warnings = typed_table.values, typed_table.problems, typed_table.warnings
    warnings = [*_structure_notes(table, footnotes, grouped), *_section_notes(table, sections),
                *_echo_notes(table, echoes), *once.warnings,
                *warnings]
    warnings += [_fill_note(table, filled)] if filled.any() else []
    warnings += [_sum_note(table, sums)] if sums.any() else []
    warnings += [_pasted_note(table, block) for block in blocks]
    warnings += continued
    if wrapped.any():
        warnings.append(f"row{'s' if wrapped.sum() > 1 else ''} {_listed(table.row_numbers[wrapped])}: a name "
                        "wrapped onto a line of its own "
                        f"({', '.join(wrapped_tails)}) joined to the name above")
    header_of = {fld: table.header.headers[idx] for idx, fld in table.header.mapping.items()}

    for fld, filler in _fillers(grouped, keep, fixed_values):  # only where the row's own cell is empty
        current = typed.get(fld)
        typed[fld] = filler if current is None else current.where(current.notna(), filler)
    warnings += _ends_from_term(table, body, typed)
    warnings += _serial_ranges(typed, where)
    warnings += _monthly_amounts(table, typed, where)
    warnings += _units_of_lines(typed, where)
    warnings += _more_serials_than_units(typed, where)
    drafts, drafted = not_invoices(typed, header_of.get("document_type", "document_type"))
    drafts = drafts.reindex(body.index, fill_value=False)
    warnings += [drafted] if drafted else []
    credited = sign_credit_notes(typed, header_of.get("document_type", "document_type"))
    credited = credited or sign_returns(typed, header_of)
    warnings += [credited] if credited else []
    problems += _sign_clashes(typed, header_of)
    problems += _period_clashes(typed, header_of)
    warnings += _vendor_share(typed, header_of.get("vendor_split_percent", "vendor_split_percent"))
    warnings += split_name_codes(typed) + split_sku_labels(typed) + split_channel_names(typed)

    for row_number, why in table.cut_rows.items():  # the row is unfinished: none of its values is trusted
        problems.append((where.eq(row_number), "row", why, None))

    problems += _required_problems(table, kind, typed, where, problems, once.copies, header_of)

    failed_any = pd.Series(False, index=body.index)
    for mask, _, _, _ in problems:
        failed_any |= mask.reindex(body.index, fill_value=False)

    second, second_notes = _second_table(table, cells, blank_cells, np.asarray(blank), keep, failed_any)
    second |= drafts  # an estimate or an order: no line, and no bad one either
    failed_any &= ~second
    total |= second.reindex(cells.index, fill_value=False).to_numpy()
    warnings += second_notes
    quarantine = _quarantine_frame(table, body[failed_any], where[failed_any], problems, source, source_file,
                                   where_sheet)
    good = ~failed_any & ~second
    records = RecordColumns(body.index[good], {
        "source": source, "source_file": source_file, "source_sheet": table.sheet,
        "source_row": where[good].astype("int64"), "kind": kind,
    }, {f: typed[f][good] for f in RECORD_FIELDS if f in typed})
    return TypedRows(
        columns=records,
        quarantine=quarantine,
        rows_read=int(len(cells) - blank.sum()),
        blank_rows=int(blank.sum()),
        total_rows=int(total.sum()),
        warnings=warnings,
        evidence=typed_table.evidence,
    )


def _ends_from_term(table: RawTable, body: pd.DataFrame, typed: dict[str, pd.Series]) -> list[str]:
    """Where no column gives the service end, an unread column of terms beside the start ("36 Months") gives it:
    the start plus the term, less a day (`sources.term_cells`); the warning says so."""
    start = typed.get("service_start")
    if start is None or not start.notna().any() or "service_end" in table.header.mapping.values():
        return []
    read = set(table.header.mapping)
    for i, header in enumerate(table.header.headers):
        if i in read or str(i) not in body.columns:
            continue
        months = term_months(body[str(i)], header)
        if months is None:
            continue
        typed["service_end"] = ends_from_terms(start, months)
        first = body[str(i)][months.notna()].iloc[0]
        return [f"service_end: no column gives it; column {header or f'column {i + 1}'!r} holds each line's term "
                f"(e.g. {first!r}): the end is the service start plus the term, less a day"]
    return []


def _monthly_amounts(table: RawTable, typed: dict[str, pd.Series], where: pd.Series) -> list[str]:
    """An amount whose header says it is monthly, on lines with a service period: the month's charge times the months
    covered (`sources.monthly_amounts`); the lines with no period keep the month's charge, and the warning says so."""
    header = next((table.header.headers[i] for i, f in table.header.mapping.items() if f == "amount"), None)
    amount = typed.get("amount")
    if header is None or amount is None or MONTHLY.search(header) is None:
        return []
    start, end = typed.get("service_start"), typed.get("service_end")
    months = (covered_months(start, end) if start is not None and end is not None
              else pd.Series(np.nan, index=amount.index))
    scaled = months.notna() & amount.notna()
    typed["amount"] = amount.where(~scaled, (amount * months).round(2))
    note = (f"amount ('{header}'): the header says each line's amount is a month's charge: read as that charge times "
            f"the months its service period covers ({int(scaled.sum())} line(s))")
    unscaled = amount.notna() & ~scaled
    if unscaled.any():
        note += (f"; {_rows_named(where[unscaled])} name{'s' if unscaled.sum() == 1 else ''} no service period and "
                 f"keep{'s' if unscaled.sum() == 1 else ''} a month's charge")
    return [note]


def _rows_named(where: pd.Series | np.ndarray) -> str:
    """"row 7" or "rows 3-4, 9": the row numbers of a warning, as a person reads them (`_listed`: the first few, and
    how many more, so a million-row file's warning stays a line)."""
    rows = np.asarray(where)
    return f"row{'s' if len(rows) > 1 else ''} {_listed(rows)}"


def _serial_ranges(typed: dict[str, pd.Series], where: pd.Series) -> list[str]:
    """Serial ranges spanned into their units where the count is the line's quantity (`sources.serial_ranges`);
    the warnings name the rows spanned and the ranges left as written."""
    if "serial_numbers" not in typed:
        return []
    written = typed["serial_numbers"]
    serials, fits, kept = spread_ranges(written, typed.get("quantity"))
    typed["serial_numbers"] = serials
    out = []
    if fits.any():
        out.append(f"{_rows_named(where[fits])}: serials written as a range (e.g. "
                   f"{' '.join(written[fits].iloc[0])!r}) read as the units it spans, as many as the line's quantity")
    if kept.any():
        out.append(f"{_rows_named(where[kept])}: a serial range whose count is not the line's "
                   f"quantity (e.g. {serials[kept].iloc[0][0]!r}) kept as written: which units it spans is not known")
    return out


def _more_serials_than_units(typed: dict[str, pd.Series], where: pd.Series) -> list[str]:
    """The warning naming the lines with more serials than units (a serial typed twice with a slip, one pasted from
    the next line): each serial is read as a unit, which the quantity does not count. Fewer serials than units is
    common (a serial not yet known) and not said."""
    serials, quantity = typed.get("serial_numbers"), typed.get("quantity")
    if serials is None or quantity is None:
        return []
    count = serials.map(lambda s: len(s) if isinstance(s, (list, tuple, np.ndarray)) else 0)
    qty = pd.to_numeric(quantity, errors="coerce")
    more = (qty > 0) & (count > qty)
    if not more.any():
        return []
    first = more[more].index[0]
    return [f"{_rows_named(where[more])}: more serials than units (e.g. {int(count[first])} serials for a "
            f"quantity of {qty[first]:g}): each serial is read as a unit; check for a serial typed twice"]


def _units_of_lines(typed: dict[str, pd.Series], where: pd.Series) -> list[str]:
    """Rows that are the units of one line, each repeating its quantity and total (`sources.unit_rows`): each read
    as one unit and its share; the warning names them."""
    found = unit_rows(typed)
    if found is None:
        return []
    group, size = found
    as_units(typed, group, size)
    at = group >= 0
    return [f"{_rows_named(where[at])}: one row per unit of a line ({int(group[at].nunique())} "
            f"lines), each repeating the line's quantity and total: each row read as one unit and its share of "
            f"the total"]


def _second_table(table: RawTable, cells: pd.DataFrame, blank_cells: np.ndarray, blank: np.ndarray,
                  keep: pd.Series, failed: pd.Series) -> tuple[pd.Series, list[str]]:
    """The kept rows (by index, as `failed`) that are a second table below the data (`sources.trailing_tables`),
    and the warning naming them."""
    failed_at = np.zeros(len(cells), dtype=bool)
    failed_at[cells.index.get_indexer(failed.index[failed.to_numpy()])] = True
    at = trailing_table(cells, blank_cells, blank, keep.to_numpy(), failed_at)
    second = pd.Series(at[cells.index.get_indexer(failed.index)], index=failed.index)
    return second, [_second_table_note(table, cells, second)] if second.any() else []


def _second_table_note(table: RawTable, cells: pd.DataFrame, second: pd.Series) -> str:
    """The warning naming a second table's rows and the first of its lines, as written."""
    at = cells.index.get_indexer(second.index[second.to_numpy()])
    first = ", ".join(t for t in (cell_text(v) for v in cells.iloc[int(at[0])]) if t is not None)
    sheet = f"sheet '{table.sheet}', " if table.sheet else ""
    return (f"{sheet}rows {_line_list(table.row_numbers[at])} below the data are a second, smaller table "
            f"(first line {first[:80]!r}), not records of this one: skipped, counted with the total rows")


def _records_frame(index: pd.Index, fields: dict[str, pd.Series], provenance: dict[str, object]) -> pd.DataFrame:
    """The good rows' provenance and record fields, built at once (one insert per column costs ~0.1 ms)."""
    n = len(index)
    columns: dict[str, pd.Series | np.ndarray] = {}
    for name, value in [*provenance.items(), *((f, fields.get(f)) for f in RECORD_FIELDS)]:
        if isinstance(value, pd.Series):
            columns[name] = value
        elif FIELD_TYPES.get(name) == "serials":  # a list in every row: no serial column is zero serials
            lists = np.empty(n, dtype=object)
            lists[:] = [[] for _ in range(n)]
            columns[name] = lists
        elif value is None:  # an object column of None, as `frame[name] = None` gives
            columns[name] = np.full(n, None, dtype=object)
        else:  # a scalar broadcast as `frame[name] = value` would (text is `str` on pandas 3)
            columns[name] = pd.Series(value, index=index)
    return pd.DataFrame(columns, index=index)


def _with_cell(message: str, cell: str) -> str:
    """A problem's message with its last "{}" (`sources.columns`: the placeholder it ends with) replaced
    by the cell: not `str.format`, since the message already holds the header as written, braces and all."""
    head, placeholder, tail = message.rpartition("{}")
    return f"{head}{cell}{tail}" if placeholder else message


def _quarantine_frame(
    table: RawTable,
    bad: pd.DataFrame,
    rows: pd.Series,
    problems: list[Problem],
    source: str,
    source_file: str,
    where_sheet: str,
) -> pd.DataFrame:
    names = table.header_names
    out: list[dict[str, Any]] = []
    for i in bad.index:
        reasons = [
            (fld, _with_cell(msg, repr(cell_text(col[i]))) if col is not None else msg)
            for mask, fld, msg, col in problems
            if bool(mask.get(i, False))
        ]
        raw = {names[int(c)]: cell_text(v) for c, v in bad.loc[i].items() if cell_text(v) is not None}
        out.append({
            "source": source,
            "source_file": source_file,
            "source_sheet": table.sheet,
            "source_row": int(rows[i]),
            "field": reasons[0][0],
            "reason": f"{source_file}{where_sheet}, row {int(rows[i])}: " + "; ".join(m for _, m in reasons),
            "raw": json.dumps(raw, ensure_ascii=False, default=str),
        })
    return pd.DataFrame(out, columns=QUARANTINE_SCHEMA.names)


def to_arrow(records: pd.DataFrame) -> pa.Table:
    """Records as an Arrow table with the canonical schema (types fixed, never inferred)."""
    arrays = []
    for fld in RECORD_SCHEMA:
        col = records[fld.name] if fld.name in records else pd.Series([None] * len(records))
        arrays.append(_series_array(col, fld.type))
    return pa.Table.from_arrays(arrays, schema=RECORD_SCHEMA)


_SERIALS = pa.list_(pa.string())


def _series_array(col: pd.Series, typ: pa.DataType) -> pa.Array:
    """One column of records as Arrow of the canonical type: missing values (None, NaN, NaT) are null."""
    values = col.tolist() if typ == _SERIALS else col.astype(object).where(col.notna(), None).tolist()
    return pa.array(values, type=typ, from_pandas=True)


def _arrow_values(value: object, typ: pa.DataType, n: int) -> pa.Array:
    """`n` rows of one record column given as `RecordColumns` holds it: a Series of values, one value for
    every row, or None for a field the table does not have (no serials there is an empty list, as in the
    frame)."""
    if isinstance(value, pd.Series):
        return _series_array(value, typ)
    if value is not None:
        return pa.repeat(pa.scalar(value, type=typ), n)
    if typ == _SERIALS:
        return pa.ListArray.from_arrays(pa.array(np.zeros(n + 1, dtype=np.int32)), pa.array([], type=pa.string()))
    return pa.nulls(n, type=typ)


def quarantine_to_arrow(quarantine: pd.DataFrame) -> pa.Table:
    """Quarantine rows as an Arrow table."""
    return pa.Table.from_pandas(quarantine[list(QUARANTINE_SCHEMA.names)], schema=QUARANTINE_SCHEMA,
                                preserve_index=False)
