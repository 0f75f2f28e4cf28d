"""Type one mapped column by its field's type, within bounds, with the evidence behind its reading.

Each problem is (mask of rows, field, message, cells): the message's `{}` becomes the cell as
written, so a quarantine reason names the file, sheet, row, field, column and value. No value
that could fail a later stage leaves here: amounts, quantities and dates outside `ReadLimits`
and non-finite numbers quarantine their row instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

import pandas as pd

from sources.code_notes import annotated_codes
from sources.currency import header_currency, meanings, normalise_currency
from sources.dates import OrderHint, order_evidence, order_in_header, parse_dates, proves_year_first
from sources.fields import FIELD_TYPES
from sources.folding import fold_word
from sources.header_scale import header_scale
from sources.limits import DEFAULT_LIMITS, ReadLimits
from sources.month_dates import period_of
from sources.place_currency import place_currency
from sources.table import RawTable
from sources.values import (
    comma_decimals,
    is_accounting_zero,
    is_number_placeholder,
    map_unique,
    parse_line,
    parse_money_column,
    parse_quantity,
    parse_text,
    quantity_numbers,
    quantity_unit,
    scientific_cells,
    split_serials,
)

Problem = tuple[pd.Series, str, str, "pd.Series | None"]


@dataclass
class TypedColumn:
    """One column's typed values, the rows it cannot use, notes, and how it was read."""

    values: pd.Series
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    evidence: dict[str, object] = field(default_factory=dict)
    currency: pd.Series | None = None  # ISO code written in a money cell, per row
    symbol: pd.Series | None = None  # where that code is only English's reading of "$" or "¥"


def type_column(
    fld: str,
    col: pd.Series,
    header: str,
    *,
    date_format: str | None = None,
    epoch: object | None = None,
    order_hint: OrderHint | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
    decimal_comma: bool = False,
) -> TypedColumn:
    """Type the cells `col` of canonical field `fld` (under `header` as written); `decimal_comma`
    says the table's amounts prove a decimal comma, which its quantities then share."""
    ftype = FIELD_TYPES[fld]
    where = f"field '{fld}' (column '{header}')"
    if fld == "currency":
        values, unknown = normalise_currency(parse_text(col))
        notes = [] if not unknown.any() else [
            (f"{fld} ('{header}'): {int(unknown.sum())} values are no ISO 4217 code, symbol or currency name "
            f"(e.g. {values[unknown].iloc[0]!r}); kept as written")
        ]
        return TypedColumn(values, warnings=notes)
    if ftype == "text":
        if fld in MULTI_LINE_FIELDS:
            return TypedColumn(parse_text(col))
        if fld in NUMBER_FIELDS:
            return _numbers(fld, col, header)
        return TypedColumn(parse_line(col, code=fld in CODE_FIELDS))
    if ftype == "serials":
        return _serials(fld, col, header)
    if ftype == "date":
        read_first: list[str] = []  # notes on the cells read before the dates: open ends, months alone
        if fld in OPEN_END_FIELDS:
            col = _open_ended(fld, col, header, read_first)
        if fld in MONTH_FIELDS:
            col = _months(fld, col, header, read_first)
        out = _dates(fld, col, header, where, date_format, epoch, order_hint, limits)
        out.warnings += read_first
        return out
    # "n/a", "TBD", "-": no number known, blank (a lone dash in money is its zero, read by the parser)
    # ("#N/A" is a failed formula: quarantined as an Excel error by `type_table`, not left blank)
    unknown = map_unique(col.astype(object), lambda v: is_number_placeholder(v) and v not in EXCEL_ERRORS and not (
        ftype == "money" and is_accounting_zero(v))).astype(bool)
    if ftype == "money":
        out = _money(fld, col, header, where, limits)
    elif ftype == "percent":
        out = _percent(fld, col.astype(object).where(~unknown, None), where, header)
    else:
        out = _quantity(fld, col, header, where, limits, decimal_comma)
    if unknown.any():  # blank, not a bad cell: said, so a share nobody knows is seen
        out.warnings.append(f"{fld} ('{header}'): {int(unknown.sum())} value(s) say no number is known "
                            f"(e.g. {col[unknown].iloc[0]!r}): left blank")
    return out


#: text fields a cell may write on several lines (kept as written); every other text field is one line, its
#: invisible characters dropped
MULTI_LINE_FIELDS: frozenset[str] = frozenset({"customer_address", "notes", "description"})
#: text fields that are codes: no joiner stands in one either
CODE_FIELDS: frozenset[str] = frozenset({
    "bill_to_account", "contract_number", "customer_account", "invoice_number", "parent_account", "partner_account",
    "rep_account", "reseller_account", "sku", "customer_postal_code", "customer_email", "contact_email",
    "customer_domain", "customer_phone", "contact_phone",
})
#: date fields whose blank means "until further notice": a partner's terms without an end
OPEN_END_FIELDS: frozenset[str] = frozenset({"valid_to"})
#: what systems write for "no end": a year of 9999 (SAP's 31.12.9999), Oracle's 4712-12-31, or a word
_OPEN_END_DATE = re.compile(r"(?:^|\D)(?:9999|4712\D+12\D+31|31\D+12\D+4712)(?:\D|$)")
_OPEN_END_WORDS = frozenset({
    "-", "--", "—", "–", "ongoing", "open", "open ended", "open-ended", "unlimited", "indefinite", "none", "n/a",
    "until further notice", "unbefristet", "offen", "unbegrenzt", "illimite", "illimitee", "indetermine",
    "indefinido", "ilimitado", "indeterminado", "indeterminato", "illimitato", "onbepaald", "doorlopend",
    "tillsvidare", "tills vidare", "bezterminowo",
})  # fmt: skip


def _open_end(value: object) -> bool:
    """Whether a cell says a validity has no end: a year of 9999, Oracle's 4712-12-31, or a word for it."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year >= 9999 or (value.year, value.month, value.day) == (4712, 12, 31)
    if not isinstance(value, str):
        return False
    text = " ".join(value.split())
    return fold_word(text) in _OPEN_END_WORDS or _OPEN_END_DATE.search(text) is not None


def _open_ended(fld: str, col: pd.Series, header: str, notes: list[str]) -> pd.Series:
    """The cells, those saying "no end" (`_open_end`) made blank; a note in `notes` says how many."""
    open_end = map_unique(col.astype(object), _open_end).astype(bool)
    if not open_end.any():
        return col
    notes.append(f"{fld} ('{header}'): {int(open_end.sum())} value(s) say the validity has no end "
                 f"(e.g. {col[open_end].iloc[0]!r}): read as open-ended")
    return col.astype(object).where(~open_end, None)


#: date fields a month alone may give ("Sep-26", "09/2026"): a start is the month's first day, an end its last
MONTH_FIELDS: dict[str, bool] = {"service_start": False, "valid_from": False, "service_end": True, "valid_to": True}


def _months(fld: str, col: pd.Series, header: str, notes: list[str]) -> pd.Series:
    """The cells, those naming a month, a quarter or a week alone (`month_dates.period_of`) made the period's
    first or last day (`MONTH_FIELDS`); a note in `notes` says how many."""
    periods = map_unique(col.astype(object), period_of)
    named = periods.notna()
    if not named.any():
        return col
    last = MONTH_FIELDS[fld]
    notes.append(f"{fld} ('{header}'): {int(named.sum())} value(s) name a month, quarter or week, not a day "
                 f"(e.g. {col[named].iloc[0]!r}): read as its {'last' if last else 'first'} day")
    return col.astype(object).where(~named, periods[named].map(lambda span: span[1] if last else span[0]))


#: code fields that are often long numbers (a contract, an invoice, an account, a phone), which
#: a spreadsheet can round into scientific notation
NUMBER_FIELDS: frozenset[str] = frozenset({
    "contract_number", "invoice_number", "customer_account", "reseller_account", "bill_to_account", "partner_account",
    "parent_account", "rep_account", "customer_phone", "contact_phone",
})


def _numbers(fld: str, col: pd.Series, header: str) -> TypedColumn:
    """A code column; a cell Excel turned into scientific notation ("4.00012E+11") is left blank with a warning:
    its lost digits would make one key of ten contracts (or accounts, or invoices)."""
    kept, notes = _without_rounded(fld, col, header, "name nothing and are left blank")
    if fld in ("contract_number", "invoice_number"):
        kept, noted = annotated_codes(fld, kept, header)
        notes += noted
    return TypedColumn(parse_line(kept, code=True), warnings=notes)


def _serials(fld: str, col: pd.Series, header: str) -> TypedColumn:
    """Serial lists; a cell Excel turned into scientific notation ("8.18489E+11") is not taken, since
    thousands of units share its few digits: its row keeps its other fields, and a warning says how many."""
    kept, notes = _without_rounded(fld, col, header, "name no unit and are not taken")
    return TypedColumn(split_serials(kept), warnings=notes)


def _without_rounded(fld: str, col: pd.Series, header: str, fate: str) -> tuple[pd.Series, list[str]]:
    """`col` without the cells Excel rounded into scientific notation (`values.scientific_cells`), and the warning
    that says how many and their `fate`."""
    damaged = scientific_cells(col)
    if not damaged.any():
        return col, []
    note = (f"{fld} ('{header}'): {int(damaged.sum())} value(s) are numbers in scientific notation "
            f"(e.g. {col[damaged].iloc[0]!r}): Excel rounded them, so they {fate} (their rows keep their other "
            "fields); the source must export this column as text")
    return col.astype(object).where(~damaged, None), [note]


def _dates(
    fld: str, col: pd.Series, header: str, where: str, date_format: str | None, epoch: object | None,
    order_hint: OrderHint | None, limits: ReadLimits,
) -> TypedColumn:
    parsed = parse_dates(col, f"{fld} ('{header}')", date_format, epoch, order_hint, (limits.min_date, limits.max_date))  # type: ignore[arg-type]
    empty = excel_empty_dates(col, parsed.values)
    notes = list(parsed.warnings)
    if empty.any():  # Excel's day zero: a formula that found no date, not a date of 1899
        notes.append(f"{fld} ('{header}'): {int(empty.sum())} value(s) are Excel's empty date (e.g. "
                     f"{col[empty].iloc[0]!r}: day zero, what a lookup that found nothing shows): left blank")
        parsed = replace(parsed, values=parsed.values.where(~empty, None), failed=parsed.failed & ~empty,
                         out_of_range=parsed.out_of_range & ~empty)
    problems: list[Problem] = [
        (parsed.failed, fld, f"{where}: not a date: {{}}", col),
        (parsed.out_of_range, fld, f"{where}: date outside {limits.min_date}..{limits.max_date}: {{}}", col),
    ]
    if parsed.against_order is not None and parsed.against_order.any():
        order, other = ("day", "month") if parsed.order == "dmy" else ("month", "day")
        against = f"{where}: can only be read {other}-first, but the column is {order}-first by majority: {{}}"
        problems.append((parsed.against_order, fld, against, col))
    return TypedColumn(parsed.values, problems, notes, parsed.evidence)


#: Excel's day zero as a date cell shows it or a CSV writes it ("1/0/1900", "12/30/1899", "00.01.1900")
_DAY_ZERO_TEXT = re.compile(r"^\s*(?:0?1[/.-]0?0[/.-]1900|0?0[/.-]0?1[/.-]1900|12/3[01]/1899|3[01][/.-]12[/.-]1899|"
                            r"1899-12-3[01]|1900-01-00)(?:\s+0?0:00(?::00)?)?\s*$")
_DAY_ZERO = (dt.date(1899, 12, 30), dt.date(1899, 12, 31))


def _day_zero(v: object) -> bool:
    """Whether a date cell or value is 1899-12-30 or -31 (how Excel's day zero reads)."""
    if isinstance(v, dt.datetime):
        return v.date() in _DAY_ZERO
    return isinstance(v, dt.date) and v in _DAY_ZERO


def excel_empty_dates(raw: pd.Series, values: pd.Series) -> pd.Series:
    """Which cells hold Excel's empty date: day zero of the 1900 system written as text, or read as 1899-12-30
    or -31 (a date column's formula that found nothing shows it so)."""
    def empty(v: object) -> bool:
        return _DAY_ZERO_TEXT.match(v) is not None if isinstance(v, str) else _day_zero(v)

    return map_unique(raw.astype(object), empty).astype(bool) | values.map(_day_zero).astype(bool)


#: why a cell like "=2*1049.25" is no number: a formula typed as text, or kept as text by a CSV export
FORMULA_TEXT = "a formula kept as text, not its value"


def formula_cells(col: pd.Series) -> pd.Series:
    """The cells written as a formula ("=2*1049.25", "=1+2"): no number, whatever they compute."""
    return map_unique(col.astype(object), lambda v: isinstance(v, str) and v.lstrip().startswith("=")).astype(bool)


def _money(fld: str, col: pd.Series, header: str, where: str, limits: ReadLimits) -> TypedColumn:
    money = parse_money_column(col)
    scaled = header_scale(header)
    if scaled is not None:  # "Sales (USD 000)": 4.5 is 4,500
        money = replace(money, values=(money.values * scaled[0]).round(2))
    bound = limits.max_abs_amount
    out_of_bounds = money.values.abs() > bound
    formula = formula_cells(col)
    problems: list[Problem] = [
        (formula, fld, f"{where}: {FORMULA_TEXT}: {{}} (enter the amount itself)", col),
        (money.failed & ~formula, fld, f"{where}: not an amount: {{}}", col),
        (money.unknown_currency & ~formula, fld, f"{where}: not an amount (unknown or ambiguous currency): {{}}",
         col),
        (out_of_bounds, fld, f"{where}: amount out of bounds (|{fld}| <= {bound:,.0f}): {{}}", col),
    ]
    ev = money.evidence
    used, unused = ("comma", "point") if money.decimal_comma else ("point", "comma")
    warnings = []
    if money.outlier.any():
        problems.append((money.outlier, fld,
                         f"{where}: written with a decimal {unused}, but the column uses a decimal {used}: {{}}", col))
        warnings.append(
            f"{fld} ('{header}'): read with a decimal {used}: {ev['decimal_' + used]} values can only be read so, "
            f"{ev['decimal_' + unused]} only with a decimal {unused} (quarantined as outliers)"
        )
    if ev.get("grouping_dots"):
        warnings.append(
            f"{fld} ('{header}'): every dotted amount is whole thousands ('1.720'): the dots read as thousands "
            f"separators (1720), as in German and Dutch exports of whole amounts ({ev['grouping_dots']} values)")
    evidence: dict[str, object] = (
        {"decimal": used, **ev} if ev and (ev["decimal_point"] or ev["decimal_comma"] or ev.get("grouping_dots"))
        else {})
    if money.per_unit is not None and money.per_unit.any():
        per_unit = money.per_unit
        warnings.append(f"{fld} ('{header}'): {int(per_unit.sum())} value(s) are written as the price of one unit "
                        f"(e.g. {col[per_unit].iloc[0]!r}): read as the amount, the unit left out")
    if money.shorthand is not None and money.shorthand.any():
        short = money.shorthand
        warnings.append(f"{fld} ('{header}'): {int(short.sum())} value(s) are written in thousands or millions or as "
                        f"about so much (e.g. {col[short].iloc[0]!r}): read as the number they say "
                        f"({money.values[short].iloc[0]:,.2f})")
    if scaled is not None and money.values.notna().any():
        first = money.values.dropna()
        warnings.append(f"{fld} ('{header}'): the header says the values are in {scaled[1]}: read ×{scaled[0]:,g} "
                        f"({col[first.index[0]]!r} is {first.iloc[0]:,.2f})")
    values = money.values.where(~out_of_bounds)
    return TypedColumn(values, problems, warnings, evidence, money.currency.where(~out_of_bounds, None), money.symbol)


def _percent(fld: str, col: pd.Series, where: str, header: str = "") -> TypedColumn:
    """A share as a fraction: "40%", "40 %", "0,4" and a plain 40 read alike. A plain number above 1
    is in percentage points (40 -> 0.40), one below 1 a fraction already (0.10 -> 0.10: a percent
    cell exported as its value); a plain 1 is 1% in a column with points, else 100%. A column that
    mixes the two readings says so in a warning."""
    text = parse_text(col).astype(object)
    present = text.notna()
    clean = text.where(present, "").astype(str).str.strip()
    marked = clean.str.endswith("%")
    clean = clean.str.rstrip("%").str.strip().str.replace(",", ".", regex=False)
    numbers = pd.to_numeric(clean.where(present & (clean != ""), None), errors="coerce").astype("float64")
    failed = present & numbers.isna()
    plain = ~marked & numbers.notna()
    points = plain & (numbers > 1)
    fractions = plain & (numbers < 1) & (numbers > 0)
    as_points = marked | points | (plain & (numbers == 1) & bool(points.any()))
    values = numbers.where(~as_points, numbers / 100.0)
    out_of_range = values.notna() & ~values.between(0.0, 1.0)
    warnings = []
    if points.any() and fractions.any():
        warnings.append(f"{fld} ('{header}'): plain numbers above 1 read as percentage points and below 1 as "
                        f"fractions ({int(points.sum())} and {int(fractions.sum())} values: 15 is 15%, 0.10 is 10%)")
    return TypedColumn(values.where(~out_of_range), [
        (failed & text.notna(), fld, f"{where}: not a percentage: {{}}", col),
        (out_of_range, fld, f"{where}: a share outside 0%..100%: {{}}", col),
    ], warnings)


def _quantity(
    fld: str, col: pd.Series, header: str, where: str, limits: ReadLimits, decimal_comma: bool = False
) -> TypedColumn:
    """Whole quantities; "1,000" is 1 when the table's amounts or the column's own values prove a
    decimal comma (SAP's German exports write quantities with three decimals), else a thousand. A count
    written with its unit ("1 Nos", "5 Stk.": `values.QUANTITY_UNITS`) is read as the count, and a note
    says how many were."""
    by_values = comma_decimals(col)
    comma = decimal_comma or by_values
    values, failed = parse_quantity(col, comma)
    numbers = quantity_numbers(col, comma)
    out_of_bounds = numbers.notna() & ~(numbers.abs() <= limits.max_abs_quantity)  # inf too
    notes: list[str] = []
    evidence: dict[str, object] = {}
    if comma and col.astype(object).map(lambda v: isinstance(v, str) and "," in v).any():
        why = "its own values" if by_values else "the table's amounts"
        notes.append(f"{fld} ('{header}'): read with a decimal comma, as {why} prove ('1,000' is 1)")
        evidence = {"decimal": "comma", "proven_by": "values" if by_values else "amounts"}
    with_unit = map_unique(col.astype(object), quantity_unit).notna().astype(bool) & values.notna()
    if with_unit.any():
        notes.append(f"{fld} ('{header}'): {int(with_unit.sum())} value(s) are written with a unit "
                     f"(e.g. {col[with_unit].iloc[0]!r}): read as the count, the unit left out")
    formula = formula_cells(col)
    return TypedColumn(values.where(~out_of_bounds), [
        (failed & ~out_of_bounds & formula, fld, f"{where}: {FORMULA_TEXT}: {{}} (enter the count itself)", col),
        (failed & ~out_of_bounds & ~formula, fld, f"{where}: not a whole quantity: {{}}", col),
        (out_of_bounds, fld, f"{where}: quantity out of bounds (|{fld}| <= {limits.max_abs_quantity:,}): {{}}", col),
    ], notes, evidence)


@dataclass
class TypedTable:
    """Every mapped column of one table typed: values by field, problems, notes and evidence."""

    values: dict[str, pd.Series]
    problems: list[Problem]
    warnings: list[str]
    evidence: dict[str, dict[str, object]]


def type_table(
    table: RawTable, body: pd.DataFrame, *, date_format: str | None, limits: ReadLimits,
    source_order: str | None = None, default_currency: str | None = None,
) -> TypedTable:
    """Type each mapped column of `body` (the table's kept rows), then settle each row's currency.

    A date column whose values cannot tell day from month takes the order the table's other date
    columns prove, else `source_order`, the order the source's earlier files proved, else day-first where the
    amounts prove a decimal comma. `default_currency`
    (the source's `defaults:`) names the currency of a symbol such as "kr" (NOK or SEK) where the row's
    currency column does not."""
    mapping = table.header.mapping
    headers = table.header.headers
    dates = {i: f for i, f in mapping.items() if FIELD_TYPES[f] == "date" and not date_format}
    table_order, warnings = table_date_order({f"{f} ('{headers[i]}')": body[str(i)] for i, f in dates.items()})
    order_hint = (OrderHint(table_order, "other columns") if table_order
                  else OrderHint(source_order, "earlier files") if source_order and not warnings else None)
    typed: dict[str, pd.Series] = {}
    problems: list[Problem] = []
    evidence: dict[str, dict[str, object]] = {}
    money: dict[str, TypedColumn] = {}
    columns: dict[str, TypedColumn] = {}
    decimal_comma = False
    # amounts first: a decimal comma they prove is the quantities' too ("1,000" = 1)
    for idx, fld in sorted(mapping.items(), key=lambda kv: FIELD_TYPES[kv[1]] != "money"):
        # nothing else deciding, a table whose amounts prove a decimal comma ("1.234,56") comes from a
        # locale that writes the day first (the US writes a decimal point)
        hint = order_hint or (OrderHint("dmy", "decimal comma") if decimal_comma and not warnings else None)
        said = order_in_header(headers[idx]) if FIELD_TYPES[fld] == "date" else None
        hint = OrderHint(said, "header") if said else hint  # "Expiry (DD/MM/YYYY)" says it for its own column
        column = type_column(fld, body[str(idx)], headers[idx], date_format=date_format, epoch=table.epoch,
                             order_hint=hint, limits=limits, decimal_comma=decimal_comma)
        # a numbered family's next, or an end date's revision ("New Expiry")
        columns[fld] = _joined(fld, columns[fld], column) if fld in columns else column
        decimal_comma |= FIELD_TYPES[fld] == "money" and columns[fld].evidence.get("decimal") == "comma"
    for idx, fld in mapping.items():  # "#N/A", "#REF!": a formula that failed, no value of any field
        cells = body[str(idx)]
        failed = cells.isin(EXCEL_ERRORS)
        if failed.any():  # its only problem: not also "not an amount" or "not a date"
            columns[fld].problems[:] = [(m & ~failed, f, why, c) for m, f, why, c in columns[fld].problems]
            columns[fld].problems.insert(0, (failed, fld, (
                f"field '{fld}' (column '{headers[idx]}'): an Excel error, not a value (a formula that failed; "
                "fix it in the workbook and send the file again): {}"), cells))
    # problems in column order: a quarantined row names its first bad column
    for fld in dict.fromkeys(mapping.values()):
        column = columns[fld]
        typed[fld] = column.values
        problems += column.problems
        warnings += column.warnings
        if column.evidence:
            evidence[fld] = column.evidence
        if column.currency is not None and (column.currency.notna().any() or _named_by_symbol(column)):
            money[fld] = column
    cells = {f: body[str(i)] for i, f in mapping.items()}
    place = _place_currency(typed, money) if default_currency is None else None
    currency, clashes = merge_currency(typed.get("currency"), money, cells, {f: headers[i] for i, f in mapping.items()},
                                       default_currency or (place[0] if place else None))
    named = (_header_currency(mapping, headers) or _format_currency(mapping, headers, table.currencies) or place
             if default_currency is None else None)
    if named is not None and (currency is None or currency.isna().any()):
        # "Amount (EUR)", "金額（円）": a row no cell or column names the currency of has the header's
        base = currency if currency is not None else pd.Series(None, index=body.index, dtype=object)
        currency = base.where(base.notna(), named[0]).astype(object)
        warnings.append(f"currency: {named[0]} where no cell or column names one, {named[1]} "
                        "(`defaults: currency` in sources.yaml names it for sure)")
    if currency is not None:
        typed["currency"] = currency
    return TypedTable(typed, problems + clashes, warnings, evidence)


def _place_currency(typed: dict[str, pd.Series], money: dict[str, TypedColumn]) -> tuple[str, str] | None:
    """(currency, why) of the country the table's places lie in, read only where a money cell writes a symbol
    several currencies use ("kr") and no currency column says which (`sources.place_currency`)."""
    if "currency" in typed and typed["currency"].notna().any():
        return None
    ambiguous = any(col.symbol is not None and col.currency is not None
                    and (col.symbol.notna() & col.currency.isna()).any() for col in money.values())
    if not ambiguous:
        return None
    none = pd.Series(dtype=object)
    return place_currency(typed.get("customer_city", none).dropna().unique(),
                          typed.get("customer_country", none).dropna().unique())


#: Excel's error values as a workbook stores them and as Excel writes them into a CSV in English,
#: German, French and Spanish
EXCEL_ERRORS = frozenset({
    "#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA",
    "#NV", "#WERT!", "#BEZUG!", "#ZAHL!", "#VALEUR!", "#NOM?", "#NOMBRE!", "#NUL!",
    "#N/D", "#¡VALOR!", "#¡REF!", "#¡DIV/0!", "#¿NOMBRE?", "#¡NUM!", "#¡NULO!",
})


def _joined(fld: str, first: TypedColumn, more: TypedColumn) -> TypedColumn:
    """A field read from two columns: a list field's numbered family, each row's values, the first's first; an
    end date and its revision ("Expiry", "New Expiry": sources/mapping.py), each row's later date."""
    pairs = zip(first.values, more.values, strict=True)
    if FIELD_TYPES[fld] == "date":
        joined = [a if pd.isna(b) or (not pd.isna(a) and a >= b) else b for a, b in pairs]
    else:
        joined = [a + b for a, b in pairs]
    values = pd.Series(joined, index=first.values.index, dtype=object)
    return TypedColumn(values, first.problems + more.problems, first.warnings + more.warnings, first.evidence)


#: a header row in a script one country alone writes (kana, hangul) names that country's currency
_SCRIPT_CURRENCIES = ((re.compile("[\u3040-\u30ff]"), "JPY"), (re.compile("[\uac00-\ud7af]"), "KRW"))


def _header_currency(mapping: dict[int, str], headers: list[str]) -> tuple[str, str] | None:
    """(currency, why) where the headers say it: the one currency the money columns' headers name
    ("Amount (EUR)", "金額（円）"), else the currency of the one country whose script the headers are
    written in ("金額" beside "エンドユーザー": yen, whose amounts read as euros would be 150 times too
    large); None for none or several."""
    named = {c for i, f in mapping.items() if FIELD_TYPES[f] == "money" and (c := header_currency(headers[i]))}
    if len(named) == 1:
        said = ", ".join(repr(headers[i]) for i, f in mapping.items()
                         if FIELD_TYPES[f] == "money" and header_currency(headers[i]))
        return named.pop(), f"as the header {said} says"
    if named or not any(FIELD_TYPES[f] == "money" for f in mapping.values()):
        return None
    text = " ".join(headers)
    scripts = {code for rx, code in _SCRIPT_CURRENCIES if rx.search(text)}
    return (scripts.pop(), "as the headers are written in its country's script") if len(scripts) == 1 else None


def _format_currency(mapping: dict[int, str], headers: list[str], formats: dict[int, str]) -> tuple[str, str] | None:
    """(currency, why) where the money columns' cells are formatted in one currency ("#,##0.00 [$€-407]"), else
    None."""
    shown = {i: formats[i] for i, f in mapping.items() if FIELD_TYPES[f] == "money" and i in formats}
    if len(set(shown.values())) != 1:
        return None
    said = ", ".join(repr(headers[i]) for i in shown)
    return next(iter(shown.values())), f"as the number format of the cells of {said} shows"


def table_date_order(columns: dict[str, pd.Series]) -> tuple[str | None, list[str]]:
    """The day/month order a table's date columns prove together, and a warning when they disagree.

    `columns` maps a label ("invoice_date ('Date')") to its cells. One system writes one date
    format, so a column that proves nothing borrows the order the others prove; columns proving
    different orders are reported and each read by its own evidence.
    """
    if any(proves_year_first(col) for col in columns.values()):  # "24/03/01": the others read so where they can
        return "ymd", []
    proven = {label: ev for label, col in columns.items() if (ev := order_evidence(col)).proven}
    orders = {ev.proven for ev in proven.values()}
    if len(orders) == 1:
        return orders.pop(), []
    if not orders:
        return None, []
    parts = [
        f"{label} {'day' if ev.proven == 'dmy' else 'month'}-first "
        f"({max(ev.day_first, ev.month_first)} values prove it, {min(ev.day_first, ev.month_first)} the other)"
        for label, ev in proven.items()
    ]
    return None, [(f"date columns disagree on day/month order: {'; '.join(parts)}; each column read by its own "
                  "evidence (set date_format in sources.yaml to decide)")]


def _named_by_symbol(column: TypedColumn) -> bool:
    """Whether a money column has cells whose symbol names a currency only with help ("$", "kr")."""
    return column.symbol is not None and bool(column.symbol.notna().any())


def merge_currency(
    column: pd.Series | None,
    cells: dict[str, TypedColumn],
    raw: dict[str, pd.Series],
    header_of: dict[str, str],
    default: str | None = None,
) -> tuple[pd.Series | None, list[Problem]]:
    """The row's currency: its currency column, else the code written in its money cells.

    A symbol that means several currencies and none in English ("kr": NOK or SEK) takes the currency
    column's, else `default` (the source's `defaults: currency`); a row neither names is quarantined.

    A cell whose currency disagrees with the currency column, or with another money cell of the
    same row, quarantines the row. A "$" (or "¥") agrees with any currency some locale writes so:
    "$100" beside a CAD column is 100 CAD; with no column it is read as English reads it (USD).
    """
    if not cells:
        return column, []
    frame = pd.DataFrame({fld: typed.currency for fld, typed in cells.items()}).astype(object)
    first = frame.bfill(axis=1).iloc[:, 0]
    problems: list[Problem] = []
    for fld, typed in cells.items():
        cur = typed.currency
        assert cur is not None
        where = f"field '{fld}' (column '{header_of[fld]}')"
        symbol = typed.symbol if typed.symbol is not None else pd.Series(None, index=cur.index, dtype=object)
        if column is not None:
            clash = cur.notna() & column.notna() & (cur != column)
            for sym in symbol.dropna().unique():
                clash &= ~(symbol.eq(sym) & column.isin(list(meanings(sym))))
                clash |= symbol.eq(sym) & cur.isna() & column.notna() & ~column.isin(list(meanings(sym)))
            problems.append((clash.astype(bool), fld, (f"{where}: the cell's currency disagrees with field 'currency' "
                             f"(column '{header_of.get('currency', 'currency')}'): {{}}"), raw[fld]))
        for sym in symbol[cur.isna()].dropna().unique():  # "kr": NOK or SEK, and no currency column says which
            if default in meanings(sym):
                continue
            unnamed = symbol.eq(sym) & cur.isna() & (column.isna() if column is not None else True)
            problems.append((unnamed.astype(bool), fld, (
                f"{where}: the currency '{sym}' is {' or '.join(sorted(meanings(sym)))}, and neither a currency "
                "column nor `defaults: currency` names it for this row: {}"), raw[fld]))
        mixed = cur.notna() & first.notna() & (cur != first)
        problems.append((mixed.astype(bool), fld,
                         f"{where}: the cell's currency disagrees with another amount in the row: {{}}", raw[fld]))
    if column is None:
        return first.where(first.notna(), None), problems
    return column.where(column.notna(), first).where(lambda s: s.notna(), None), problems
