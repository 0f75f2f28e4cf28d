"""Opportunity workbooks (openpyxl): a summary sheet with a chart, then the lists to work.

Sheets: Summary (key figures, value by window, renewals due by month with a native bar chart, by
rep / by reseller, how values are computed), Opportunities (renewals, win-backs and coverage gaps
sorted by action date), Co-term proposals, Missed renewals. Every list has a styled, frozen header
with an autofilter, real dates and currency formats, widths that fit, and prints landscape, one
page wide, with the header repeated on every page. Text from sources is always a string cell
(reports.safe_text); the only formulas are the SUBTOTALs this module writes under each list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from reports.frames import ReportData
from reports.safe_text import clean_text, is_formula_like
from reports.summary import KIND_LABELS, section, summarise
from reports.valuation import ValuationSettings

FONT_NAME = "Calibri"


def _font(**kwargs: object) -> Font:
    """Every font names its face: a workbook without one renders in a serif fallback elsewhere."""
    return Font(name=FONT_NAME, **kwargs)


DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = "0%"
INTEGER_FORMAT = "#,##0"
NUMBER_FORMATS = {"text": "General", "date": DATE_FORMAT, "pct": PERCENT_FORMAT, "int": INTEGER_FORMAT}
SYMBOLS: dict[str, str] = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "CA$", "AUD": "A$"}
HEADER_FILL = PatternFill("solid", start_color="1F4E78", end_color="1F4E78")
TITLE_FONT = _font(bold=True, size=16, color="1F4E78")
SECTION_FONT = _font(bold=True, size=12, color="1F4E78")
HEADER_FONT = _font(bold=True, color="FFFFFF", size=10)
RULE = Side(style="thin", color="BFBFBF")
TOTAL_RULE = Side(style="medium", color="1F4E78")
MAX_SUBTOTAL_ROWS = 1_048_000
SUMMARY_WIDTHS = (36, 14, 15, 15)
WINDOW_LABELS = {"lapsed": "lapsed (win-back)", "gap": "coverage gap"}
CHART_SIZE_CM = (14.6, 7.2)
CHART_ROWS = 15  # rows of the summary sheet the chart covers


def money_format(currency: str | None, cents: bool = True) -> str:
    """An Excel number format for amounts in `currency` ("$"#,##0.00 for USD)."""
    symbol = SYMBOLS.get(currency or "", f"{currency} " if currency else "")
    return f'"{symbol}"#,##0' + (".00" if cents else "")


@dataclass(frozen=True)
class Column:
    """One column of a list sheet: header, DataFrame field, cell type, width (characters); text wraps."""

    header: str
    field: str
    kind: str = "text"  # text | date | money | int | pct
    width: float = 12
    total: bool = False


OPPORTUNITY_COLUMNS: tuple[Column, ...] = (
    Column("Action date", "action_date", "date", 11),
    Column("Kind", "kind_label", width=13),
    Column("Window", "window", width=7.5),
    Column("Customer", "customer_name", width=26),
    Column("Reseller", "reseller_name", width=22),
    Column("Rep", "rep", width=14),
    Column("Contract", "contract_number", width=12),
    Column("Expiry", "expiry_date", "date", 11),
    Column("Assets", "asset_count", "int", 7.5),
    Column("Serial numbers", "serials", width=18),
    Column("Value", "value", "money", 12, total=True),
    Column("Win %", "win_probability", "pct", 7),
    Column("Weighted value", "weighted_value", "money", 12, total=True),
    Column("How the value was computed", "basis", width=58),
)
COTERM_COLUMNS: tuple[Column, ...] = (
    Column("Action date", "action_date", "date", 11),
    Column("Co-term date", "expiry_date", "date", 11),
    Column("Customer", "customer_name", width=26),
    Column("Reseller", "reseller_name", width=22),
    Column("Rep", "rep", width=14),
    Column("Contracts folded", "contract_number", width=13),
    Column("Assets", "asset_count", "int", 7.5),
    Column("Value", "value", "money", 12, total=True),
    Column("Win %", "win_probability", "pct", 7),
    Column("Weighted value", "weighted_value", "money", 12, total=True),
    Column("How the value was computed", "basis", width=70),
)
MISSED_COLUMNS: tuple[Column, ...] = (
    Column("Ended", "end_date", "date", 11),
    Column("Days ago", "days_since_end", "int", 8),
    Column("Contract", "contract_number", width=12),
    Column("Customer", "customer_name", width=30),
    Column("Reseller", "reseller_name", width=26),
    Column("Rep", "rep", width=15),
    Column("Level", "service_level", width=7),
    Column("Annual value", "value", "money", 13, total=True),
    Column("Win-back listed", "winback", width=10),
)
#: characters of 10-point text per unit of column width, a little low so wrapped rows never clip
CHARS_PER_WIDTH = 1.25
LINE_HEIGHT = 13.0  # points per line of 10-point text
BODY_FONT = _font(size=10)
HEADER_ALIGN = {"money": "right", "int": "right", "pct": "right", "date": "left", "text": "left"}


def wrapped_lines(text: str | None, width: float) -> int:
    """How many lines `text` takes wrapped in a column `width` characters wide (an estimate)."""
    if not text:
        return 1
    per_line = max(1, int(width * CHARS_PER_WIDTH) - 1)
    total = 0
    for part in text.split("\n"):
        words, line, lines = part.split(" "), 0, 1
        for word in words:
            size = len(word)
            if line and line + 1 + size > per_line:
                lines, line = lines + 1, 0
            while size > per_line:  # a word longer than the line breaks anywhere
                lines, size = lines + 1, size - per_line
            line = line + (1 if line else 0) + size
        total += lines
    return total


# ---- cells ------------------------------------------------------------------------------------

def put_text(ws: Worksheet, row: int, col: int, value: object):
    """A string cell, whatever the text looks like; formula-like text gets Excel's quote prefix."""
    text = clean_text(value)
    cell = ws.cell(row=row, column=col)
    if text is None:
        return cell
    cell.value = text
    cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
    if is_formula_like(text):
        cell.quotePrefix = True
    return cell


def _value(value: Any, kind: str) -> Any:
    """The Python value a cell of `kind` holds (None for missing; text cleaned of control characters)."""
    if kind == "text":
        return clean_text(value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if kind == "date":
        return value if isinstance(value, dt.date) else pd.Timestamp(value).date()
    if kind == "money":
        return round(float(value), 2)
    if kind == "pct":
        return float(value)
    return int(value)


def _put(ws: Worksheet, row: int, col: int, value: Any, kind: str, money_fmt: str):
    """One styled cell of `kind` (summary sheet); text goes through put_text."""
    if kind == "text":
        return put_text(ws, row, col, value)
    cell = ws.cell(row=row, column=col)
    cell.value = _value(value, kind)
    cell.number_format = money_fmt if kind == "money" else NUMBER_FORMATS[kind]
    return cell


def _header(ws: Worksheet, row: int, headers: Sequence[str], kinds: Sequence[str]) -> None:
    """Header cells: white on dark blue, aligned like the values below them."""
    for i, (text, kind) in enumerate(zip(headers, kinds, strict=True), start=1):
        cell = ws.cell(row=row, column=i, value=text)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        right = HEADER_ALIGN.get(kind) == "right"
        cell.alignment = Alignment(horizontal="right" if right else "left", vertical="center", wrap_text=True,
                                   indent=1 if right else 0)


def _page_setup(ws: Worksheet, title: str, landscape: bool = True, title_rows: str | None = "1:1") -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.center.text = title.replace("&", "&&")
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.right.text = "Page &P of &N"


# ---- list sheets ------------------------------------------------------------------------------

def write_list(ws: Worksheet, frame: pd.DataFrame, columns: Sequence[Column], currency: str,
               empty_text: str, freeze_after: str) -> None:
    """A list sheet: header, one row per record, SUBTOTAL row, frozen header, autofilter, widths."""
    _header(ws, 1, [c.header for c in columns], [c.kind for c in columns])
    ws.row_dimensions[1].height = 30
    aligned = {kind: Alignment(vertical="top", horizontal=HEADER_ALIGN[kind], wrap_text=kind == "text",
                               indent=1 if HEADER_ALIGN[kind] == "right" else 0)
               for kind in HEADER_ALIGN}
    styles: dict[tuple[str, str, bool], object] = {}  # one style per (kind, format, quote prefix), copied
    rows = frame.to_dict("records")
    for r, record in enumerate(rows, start=2):
        money_fmt = money_format(record.get("currency") or currency)
        lines = 1
        for c, column in enumerate(columns, start=1):
            cell = ws.cell(row=r, column=c)
            value = _value(record.get(column.field), column.kind)
            if value is not None:
                cell.value = value
                if column.kind == "text":
                    cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
                    lines = max(lines, wrapped_lines(value, column.width))
            quote = column.kind == "text" and value is not None and is_formula_like(value)
            fmt = money_fmt if column.kind == "money" else NUMBER_FORMATS[column.kind]
            key = (column.kind, fmt, quote)
            if key in styles:  # copying a finished style is far cheaper than setting four attributes
                cell._style = copy(styles[key])
            else:
                cell.alignment = aligned[column.kind]
                cell.border = Border(bottom=RULE)
                cell.font = BODY_FONT
                cell.number_format = fmt
                cell.quotePrefix = quote
                styles[key] = copy(cell._style)
        # spreadsheets do not grow rows for wrapped text they did not lay out themselves
        ws.row_dimensions[r].height = LINE_HEIGHT * lines + 3
    for c, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = column.width
    last = len(rows) + 1
    if not rows:
        put_text(ws, 2, 1, empty_text).font = _font(italic=True, color="7F7F7F")
    else:
        _subtotals(ws, columns, last, currency)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(last, 2)}"
    ws.freeze_panes = freeze_after


def _subtotals(ws: Worksheet, columns: Sequence[Column], last: int, currency: str) -> None:
    """A total row under the list that follows the autofilter (SUBTOTAL 109 ignores hidden rows)."""
    row = last + 1
    label_col = next(i for i, c in enumerate(columns, start=1) if c.kind == "text")
    put_text(ws, row, label_col, "Total (rows shown)").font = _font(bold=True)
    for c, column in enumerate(columns, start=1):
        cell = ws.cell(row=row, column=c)
        cell.border = Border(top=TOTAL_RULE)
        if column.total and last <= MAX_SUBTOTAL_ROWS:
            letter = get_column_letter(c)
            cell.value = f"=SUBTOTAL(109,{letter}2:{letter}{last})"
            cell.number_format = money_format(currency)
            cell.font = _font(bold=True)


# ---- summary sheet ----------------------------------------------------------------------------

def _summary_block(ws: Worksheet, row: int, title: str, headers: list[str], rows: list[list[object]],
                   kinds: list[str], currency: str) -> int:
    """A small titled table at column A; returns the next free row."""
    ws.cell(row=row, column=1, value=title).font = SECTION_FONT
    _header(ws, row + 1, headers, kinds)
    fmt = money_format(currency, cents=False)
    for r, values in enumerate(rows, start=row + 2):
        for c, (value, kind) in enumerate(zip(values, kinds, strict=True), start=1):
            cell = _put(ws, r, c, value, kind, fmt)
            cell.border = Border(bottom=RULE)
    return row + 2 + len(rows) + 1


def _rows(summary: pd.DataFrame, name: str, labels: dict[str, str] | None = None) -> list[list[Any]]:
    return [[(labels or {}).get(r.label, r.label), r.opportunities, r.value, r.weighted_value]
            for r in section(summary, name).itertuples()]


def _month_label(label: str) -> str:
    return dt.datetime.strptime(label, "%Y-%m").strftime("%b %Y")


def write_summary_sheet(ws: Worksheet, data: ReportData, summary: pd.DataFrame, settings: ValuationSettings,
                        scope: str, breakdowns: Sequence[str]) -> None:
    """Key figures, the monthly chart, tables by month / window / kind / rep / reseller, the rules."""
    cur = data.currency
    for col, width in zip("ABCD", SUMMARY_WIDTHS, strict=True):
        ws.column_dimensions[col].width = width
    put_text(ws, 1, 1, f"Renewal opportunities: {scope}").font = TITLE_FONT
    ws.row_dimensions[1].height = 24
    _paragraph(ws, 2, f"As of {data.as_of:%Y-%m-%d}. Amounts in {cur}. Co-term proposals are alternatives to "
                      "the renewals they fold and are not added to the totals.", _font(italic=True, color="595959"))
    total = section(summary, "total").iloc[0]
    missed = section(summary, "missed").iloc[0]
    figures: list[tuple[str, Any, str]] = [("Opportunities", total.opportunities, "int"), ("Value", total.value, "money"),
               ("Weighted value", total.weighted_value, "money"),
               (f"Missed renewals, last {settings.missed_days} days", missed.value, "money")]
    for i, (label, value, kind) in enumerate(figures, start=1):
        head = ws.cell(row=4, column=i, value=label)
        head.font = _font(bold=True, color="595959", size=9)
        head.alignment = Alignment(wrap_text=True, vertical="bottom")
        cell = _put(ws, 5, i, value, kind, money_format(cur, cents=False))
        cell.font = _font(bold=True, size=14, color="1F4E78")
        cell.alignment = Alignment(horizontal="left")
    ws.row_dimensions[4].height = 26
    ws.row_dimensions[5].height = 20
    title = f"Renewals due by month (next {settings.forecast_months} months)"
    ws.cell(row=7, column=1, value=title).font = SECTION_FONT
    row = 8 + CHART_ROWS
    month_rows = [[_month_label(r[0]), *r[1:]] for r in _rows(summary, "month")]
    _month_chart(ws, row + 1, len(month_rows), cur, anchor="A8")
    row = _summary_block(ws, row, "Renewals due by month, every unrenewed contract",
                         ["Month", "Contracts", "Value", "Weighted value"], month_rows,
                         ["text", "int", "money", "money"], cur)
    ws.row_breaks.append(Break(id=row - 1))  # page 1: figures, chart and months; the breakdowns follow
    row = _summary_block(ws, row, "By window (days to expiry)", ["Window", "Opportunities", "Value", "Weighted value"],
                         _rows(summary, "window", WINDOW_LABELS), ["text", "int", "money", "money"], cur)
    row = _summary_block(ws, row, "By kind", ["Kind", "Opportunities", "Value", "Weighted value"],
                         _rows(summary, "kind", KIND_LABELS), ["text", "int", "money", "money"], cur)
    for name in breakdowns:
        title = {"rep": "By rep", "reseller": "By reseller"}[name]
        row = _summary_block(ws, row, title, [title[3:].capitalize(), "Opportunities", "Value", "Weighted value"],
                             _rows(summary, name), ["text", "int", "money", "money"], cur)
    _notes(ws, row, settings)
    _page_setup(ws, f"Renewal opportunities: {scope}", landscape=False, title_rows=None)


def _paragraph(ws: Worksheet, row: int, text: str, font: Font | None = None) -> None:
    """Text across the summary's four columns, wrapped, with a row tall enough for it."""
    cell = ws.cell(row=row, column=1, value=text)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if font is not None:
        cell.font = font
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
    ws.row_dimensions[row].height = 15 * wrapped_lines(text, sum(SUMMARY_WIDTHS) * 0.92) + 3


def _month_chart(ws: Worksheet, header_row: int, n: int, currency: str, anchor: str) -> None:
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = "Renewals due by month"
    chart.y_axis.title = currency
    chart.y_axis.numFmt = money_format(currency, cents=False)
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    data = Reference(ws, min_col=3, max_col=4, min_row=header_row, max_row=header_row + n)
    cats = Reference(ws, min_col=1, min_row=header_row + 1, max_row=header_row + n)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    chart.width, chart.height = CHART_SIZE_CM
    ws.add_chart(chart, anchor)


def _notes(ws: Worksheet, row: int, s: ValuationSettings) -> None:
    probs = ", ".join(f"{label} days {s.probability(label):.0%}" for label in s.window_labels()[:-1])
    rates = ", ".join(f"{k} {v:.0%}" for k, v in s.attach_rate.items())
    lines = [
        (f"Renewal: a contract ending in the next {s.renewal_days} days and not renewed, valued at its annual "
         f"amount (multi-year contracts per year) plus {s.uplift:.0%} uplift."),
        (f"Win-back (lapsed): a contract that ended in the last {s.lapsed_days} days without a renewal, valued at "
         "its last annual value."),
        (f"Coverage gap: assets past warranty never under contract, or out of contract for over {s.gap_days} "
         f"days, valued at list price × attach rate a year ({rates})."),
        (f"Co-term: a customer's contracts ending in the next {s.coterm_months} months renewed onto one common "
         "date, each prorated; an alternative to their separate renewals."),
        (f"Weighted value = value × win probability: {probs}, lapsed {s.probability('lapsed'):.0%}, "
         f"gaps {s.probability('gap'):.0%}."),
        f"Action date: when to start, {s.action_lead_days} days before expiry (the as-of date when that has passed).",
    ]
    ws.cell(row=row, column=1, value="How values are computed").font = SECTION_FONT
    for i, text in enumerate(lines, start=row + 1):
        _paragraph(ws, i, text)


# ---- workbook ---------------------------------------------------------------------------------

def _with_labels(data: ReportData) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    opps = data.opportunities.assign(kind_label=data.opportunities["kind"].map(KIND_LABELS))
    listed = opps[opps["kind"] != "coterm"]
    coterms = opps[opps["kind"] == "coterm"]
    coterms = coterms.assign(contract_number=coterms["contract_number"].str.replace(", ", "\n"))  # one a line
    missed = data.missed.assign(winback=data.missed["lapsed_opportunity_id"].notna().map({True: "yes", False: "no"}))
    return listed, coterms, missed


def _without(columns: Sequence[Column], field: str | None) -> list[Column]:
    return [c for c in columns if c.field != field]


def write_workbook(path: Path, data: ReportData, settings: ValuationSettings, scope: str,
                   breakdowns: Sequence[str] = ("rep", "reseller"), drop_field: str | None = None,
                   summary: pd.DataFrame | None = None) -> Path:
    """One workbook for `data` (the whole book or one rep's / reseller's part); returns `path`.

    `summary` is the part's stored renewal_summary rows; without it they are computed from `data`.
    """
    listed, coterms, missed = _with_labels(data)
    wb = Workbook()
    sheet = wb.active
    sheet.title = "Summary"
    totals = summarise(data, settings) if summary is None else summary
    write_summary_sheet(sheet, data, totals, settings, scope, breakdowns)
    sheets = [
        ("Opportunities", listed, _without(OPPORTUNITY_COLUMNS, drop_field), "No opportunities.", "E2"),
        ("Co-term proposals", coterms, _without(COTERM_COLUMNS, drop_field), "No co-term proposals.", "D2"),
        ("Missed renewals", missed, _without(MISSED_COLUMNS, drop_field), "No missed renewals.", "D2"),
    ]
    for title, frame, columns, empty, freeze in sheets:
        ws = wb.create_sheet(title)
        write_list(ws, frame, columns, data.currency, empty, freeze)
        _page_setup(ws, f"{title}: {scope} (as of {data.as_of:%Y-%m-%d})")
    wb.active = 0
    wb.properties.title = f"Renewal opportunities: {scope}"
    wb.properties.creator = "Renewal Radar"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
