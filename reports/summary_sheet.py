"""The Summary sheet of an opportunity workbook: key figures, the monthly chart, the breakdowns
by window, kind, rep and reseller (from the stored renewal_summary rows), and how values are computed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pandas as pd

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
from reports.summary import KIND_LABELS, Sections, currency_warning
from reports.valuation import ValuationSettings
from reports.xlsx_book import Sheet, Style, chart_size

SUMMARY_WIDTHS = (36, 14, 15, 15)
WINDOW_LABELS = {"lapsed": "lapsed (win-back)", "gap": "coverage gap"}
CHART_SIZE_CM = (14.6, 7.2)
CHART_ROWS = 15  # rows of the summary sheet the chart covers


def _summary_block(sheet: Sheet, row: int, title: str, headers: list[str], rows: list[list[object]],
                   kinds: list[str], currency: str) -> int:
    """A small titled table at column A; returns the next free row."""
    put_text(sheet, row, 1, title, SECTION_FONT)
    put_header(sheet, row + 1, headers, kinds)
    fmt = money_format(currency, cents=False)
    for r, values in enumerate(rows, start=row + 2):
        for c, (value, kind) in enumerate(zip(values, kinds, strict=True), start=1):
            put_cell(sheet, r, c, value, kind, fmt, RULE)
    return row + 2 + len(rows) + 1


def _rows(section: Sections, name: str, labels: dict[str, str] | None = None) -> list[list[Any]]:
    return [[(labels or {}).get(r.label, r.label), r.opportunities, r.value, r.weighted_value]
            for r in section(name).itertuples()]


def _month_label(label: str) -> str:
    return dt.datetime.strptime(label, "%Y-%m").strftime("%b %Y")


def _drop_weighted(headers: list[str], rows: list[list[Any]], kinds: list[str], internal: bool
                   ) -> tuple[list[str], list[list[Any]], list[str]]:
    """A partner's summary has no weighted values (they come from the vendor's win probabilities)."""
    if internal:
        return headers, rows, kinds
    return headers[:-1], [r[:-1] for r in rows], kinds[:-1]


def write_summary_sheet(sheet: Sheet, data: ReportData, summary: pd.DataFrame, settings: ValuationSettings,
                        scope: str, breakdowns: Sequence[str], internal: bool = True) -> None:
    """The headline (renewals and win-backs), the separate sections (gaps, co-terms, installed base),
    what changed, the monthly chart, tables by month / window / kind / rep / reseller, the rules.
    Written top to bottom (reports.xlsx_book: rows in order)."""
    cur = data.currency
    for col, width in enumerate(SUMMARY_WIDTHS, start=1):
        sheet.width(col, width)
    put_text(sheet, 1, 1, f"Renewal opportunities: {scope}", TITLE_FONT)
    sheet.height(1, 24)
    _paragraph(sheet, 2, f"As of {data.as_of:%Y-%m-%d}. Amounts in {cur}. The headline is renewals and win-backs; "
                         "coverage gaps, co-term proposals and the installed base are separate and not added to it.",
               font(italic=True, color="595959"))
    warning = currency_warning(data)
    if warning:  # opportunities in another currency are in no total: say so where the totals are
        _paragraph(sheet, 3, warning, font(bold=True, color="C00000"))
    section = Sections(summary)
    total = section("total").iloc[0]
    missed = section("missed").iloc[0]
    figures: list[tuple[str, Any, str]] = [
        ("Renewals and win-backs", total.opportunities, "int"), ("Value", total.value, "money"),
        ("Weighted value", total.weighted_value, "money") if internal else ("", None, "text"),
        (f"Missed renewals, last {settings.missed_days} days", missed.value, "money")]
    for i, (label, _, _) in enumerate(figures, start=1):
        put_text(sheet, 4, i, label or None, font(bold=True, color="595959", size=9),
                 {"text_wrap": True, "valign": "bottom"})
    sheet.height(4, 26)
    for i, (_, value, kind) in enumerate(figures, start=1):
        put_cell(sheet, 5, i, value, kind, money_format(cur, cents=False), font(bold=True, size=14, color="1F4E78"),
                 {"align": "left"})
    sheet.height(5, 20)
    separate = [
        ["Coverage gaps (a year)", *_first(section, "gaps")],
        ["Co-term proposals (alternatives)", *_first(section, "coterms")],
        ["Installed base (assets)", *_first(section, "installed_base")],
    ]
    headers, rows, kinds = _drop_weighted(["Separate from the headline", "Count", "Value", "Weighted value"],
                                          separate, ["text", "int", "money", "money"], internal)
    row = _summary_block(sheet, 7, "Not in the headline", headers, rows, kinds, cur)
    changes = [[r.label, r.opportunities, r.value] for r in section("changes").itertuples()]
    since = data.changes["previous_as_of"].dropna() if "previous_as_of" in data.changes else pd.Series(dtype=object)
    if len(since) or any(r[1] for r in changes):
        title = f"Since the run as of {since.iloc[0]:%Y-%m-%d}" if len(since) else "Since the last run"
        row = _summary_block(sheet, row, title, ["Change", "Opportunities", "Value"], changes,
                             ["text", "int", "money"], cur)
    else:
        put_text(sheet, row, 1, "Since the last run", SECTION_FONT)
        _paragraph(sheet, row + 1, "Nothing to compare with yet (the first run), or nothing changed: the Changes "
                                   "sheet lists what is added, dropped (and why) or changed from the next run on.")
        row += 3
    title = f"Renewals due by month (next {settings.forecast_months} months)"
    put_text(sheet, row, 1, title, SECTION_FONT)
    chart_anchor = f"A{row + 1}"
    row = row + 1 + CHART_ROWS
    month_rows = [[_month_label(r[0]), *r[1:]] for r in _rows(section, "month")]
    _month_chart(sheet, row + 1, len(month_rows), cur, anchor=chart_anchor, internal=internal)
    sheet.ws.set_h_pagebreaks([row - 1])  # page 1: figures, changes and the chart; the tables follow
    row = _summary_block(sheet, row, "Renewals due by month, every unrenewed contract",
                         *_drop_weighted(["Month", "Contracts", "Value", "Weighted value"], month_rows,
                                         ["text", "int", "money", "money"], internal), cur)
    row = _summary_block(sheet, row, "Renewals and win-backs by window (days to expiry)",
                         *_drop_weighted(["Window", "Opportunities", "Value", "Weighted value"],
                                         _rows(section, "window", WINDOW_LABELS), ["text", "int", "money", "money"],
                                         internal), cur)
    row = _summary_block(sheet, row, "By kind", *_drop_weighted(["Kind", "Opportunities", "Value", "Weighted value"],
                                                                _rows(section, "kind", KIND_LABELS),
                                                                ["text", "int", "money", "money"], internal), cur)
    for name in breakdowns:
        title = {"rep": "Renewals and win-backs by rep", "reseller": "Renewals and win-backs by reseller"}[name]
        row = _summary_block(sheet, row, title,
                             *_drop_weighted([name.capitalize(), "Opportunities", "Value", "Weighted value"],
                                             _rows(section, name), ["text", "int", "money", "money"], internal), cur)
    _notes(sheet, row, settings, internal)
    page_setup(sheet, f"Renewal opportunities: {scope}", landscape=False, header_rows=0)


def _first(section: Sections, name: str) -> list[Any]:
    rows = section(name)
    if rows.empty:
        return [0, 0.0, None]
    r = rows.iloc[0]
    return [r.opportunities, r.value, r.weighted_value]


def _paragraph(sheet: Sheet, row: int, text: str, text_font: Style | None = None) -> None:
    """Text across the summary's four columns, wrapped, with a row tall enough for it."""
    put_text(sheet, row, 1, text, text_font or {}, {"text_wrap": True, "valign": "top"}, merge_to=len(SUMMARY_WIDTHS))
    sheet.height(row, 15 * wrapped_lines(text, sum(SUMMARY_WIDTHS) * 0.92) + 3)


def _month_chart(sheet: Sheet, header_row: int, n: int, currency: str, anchor: str, internal: bool = True) -> None:
    """Clustered columns of the month table's value (and weighted value) by month."""
    chart = sheet.book.chart({"type": "column"})
    for col in (2, 3) if internal else (2,):  # zero-based: C and D
        chart.add_series({"name": [sheet.name, header_row - 1, col],
                          "categories": [sheet.name, header_row, 0, header_row + n - 1, 0],
                          "values": [sheet.name, header_row, col, header_row + n - 1, col]})
    chart.set_title({"name": "Renewals due by month"})
    chart.set_x_axis({"major_tick_mark": "none"})
    chart.set_y_axis({"name": currency, "num_format": money_format(currency, cents=False), "major_tick_mark": "none"})
    chart.set_legend({"position": "bottom"})
    chart.show_blanks_as("gap")
    chart.set_size(chart_size(*CHART_SIZE_CM))
    sheet.ws.insert_chart(anchor, chart)


def _notes(sheet: Sheet, row: int, s: ValuationSettings, internal: bool = True) -> None:
    probs = ", ".join(f"{label} days {s.probability(label):.0%}" for label in s.window_labels()[:-1])
    rates = ", ".join(f"{k} {v:.0%}" for k, v in s.attach_rate.items())
    bands = s.value_bands
    lines = [
        (f"Renewal: a contract ending in the next {s.renewal_days} days and not renewed, valued at its annual "
         f"amount (multi-year contracts per year) plus {s.uplift:.0%} uplift."),
        (f"Win-back (lapsed): a contract that ended in the last {s.lapsed_days} days without a renewal, valued at "
         "its last annual value."),
        (f"Coverage gap: assets past warranty never under contract, or out of contract for over {s.gap_days} "
         f"days, valued at list price × attach rate a year ({rates}). Assets uncovered for over "
         f"{s.gap_max_age_years} years are the installed base. Coverage counts contracts that name the serials "
         "and contracts whose assets are inferred (renewal chain; the customer's product, shipment and quantity)."),
        (f"Co-term: a customer's contracts ending in the next {s.coterm_months} months renewed onto one common "
         "date, each prorated; an alternative to their separate renewals."),
        (f"Priority 1-3 from value (high from {bands['high']:,.0f}, medium from {bands['medium']:,.0f}) and "
         "urgency (ending or lapsed within 7, 30, 90 days): within 7 days is always priority 1."),
        (f"Action date: the expiry minus {s.lead_days['high']} / {s.lead_days['medium']} / {s.lead_days['low']} "
         f"days (high / medium / low value); what is already due is spread over the working days from the as-of "
         f"date, {s.daily_actions} a day per rep, most urgent first."),
    ]
    if internal:
        lines.insert(4, (f"Weighted value = value × win probability: {probs}, lapsed {s.probability('lapsed'):.0%}, "
                         f"gaps {s.probability('gap'):.0%}."))
    put_text(sheet, row, 1, "How values are computed", SECTION_FONT)
    for i, text in enumerate(lines, start=row + 1):
        _paragraph(sheet, i, text)
