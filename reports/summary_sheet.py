"""The Summary sheet of an opportunity workbook: key figures, the monthly chart, the breakdowns
by window, kind, rep and reseller (from the stored renewal_summary rows), and how values are computed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pandas as pd
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from reports.frames import ReportData
from reports.sheets import (
    RULE,
    SECTION_FONT,
    TITLE_FONT,
    font,
    money_format,
    page_setup,
    put_cell,
    put_header,
    put_text,
    wrapped_lines,
)
from reports.summary import KIND_LABELS, section
from reports.valuation import ValuationSettings

SUMMARY_WIDTHS = (36, 14, 15, 15)
WINDOW_LABELS = {"lapsed": "lapsed (win-back)", "gap": "coverage gap"}
CHART_SIZE_CM = (14.6, 7.2)
CHART_ROWS = 15  # rows of the summary sheet the chart covers


def _summary_block(ws: Worksheet, row: int, title: str, headers: list[str], rows: list[list[object]],
                   kinds: list[str], currency: str) -> int:
    """A small titled table at column A; returns the next free row."""
    ws.cell(row=row, column=1, value=title).font = SECTION_FONT
    put_header(ws, row + 1, headers, kinds)
    fmt = money_format(currency, cents=False)
    for r, values in enumerate(rows, start=row + 2):
        for c, (value, kind) in enumerate(zip(values, kinds, strict=True), start=1):
            cell = put_cell(ws, r, c, value, kind, fmt)
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
                      "the renewals they fold and are not added to the totals.", font(italic=True, color="595959"))
    total = section(summary, "total").iloc[0]
    missed = section(summary, "missed").iloc[0]
    figures: list[tuple[str, Any, str]] = [
        ("Opportunities", total.opportunities, "int"), ("Value", total.value, "money"),
        ("Weighted value", total.weighted_value, "money"),
        (f"Missed renewals, last {settings.missed_days} days", missed.value, "money")]
    for i, (label, value, kind) in enumerate(figures, start=1):
        head = ws.cell(row=4, column=i, value=label)
        head.font = font(bold=True, color="595959", size=9)
        head.alignment = Alignment(wrap_text=True, vertical="bottom")
        cell = put_cell(ws, 5, i, value, kind, money_format(cur, cents=False))
        cell.font = font(bold=True, size=14, color="1F4E78")
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
    page_setup(ws, f"Renewal opportunities: {scope}", landscape=False, title_rows=None)


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
