"""The Scorecard sheet of a reseller's workbook: its reseller_scorecards row beside the reseller
average, and a bar chart of its renewal, attach and worked rates against that average."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from reports.sheets import RULE, TITLE_FONT, font, money_format, page_setup, put_cell, put_header, put_text
from reports.xlsx_book import Sheet, chart_size

WIDTHS = (34, 16, 16, 58)
CHART_SIZE_CM = (16.0, 7.5)
#: (label, field, average field or None, cell kind, what it counts)
MEASURES: tuple[tuple[str, str, str | None, str, str], ...] = (
    ("Renewal rate", "renewal_rate", "average_renewal_rate", "pct",
     "Contracts due in the period that were renewed (renewed / due)."),
    ("Attach rate", "attach_rate", "average_attach_rate", "pct",
     "Hardware units with a service contract starting within 90 days of shipment."),
    ("Share of renewals worked", "worked_share", "average_worked_share", "pct",
     "Due renewals that later appear renewed, also after the renewal window."),
    ("Contracts due", "contracts_due", None, "int", "Contracts that ended in the period (pending ones left out)."),
    ("Contracts renewed", "contracts_renewed", None, "int", "Of those, renewed."),
    ("Contracts pending", "contracts_pending", None, "int",
     "Ended in the period, not renewed yet, still inside the renewal window."),
    ("Lapse value", "lapse_value", None, "money", "Annual value of the due contracts not renewed."),
    ("Hardware units", "hardware_units", None, "int", "Units whose 90-day attach deadline fell in the period."),
    ("Hardware units attached", "hardware_attached", None, "int", "Of those, with a service attached in time."),
    ("Renewals in the next 120 days", "renewals_at_risk", None, "int", "Renewal opportunities expiring soon."),
    ("Value at risk, next 120 days", "value_at_risk", None, "money", "Their value (see the Renewals sheet)."),
    ("Tier", "tier", None, "text", "Partner-program terms in force at the as-of date."),
    ("Certification", "certification", None, "text", "Partner-program terms in force at the as-of date."),
)
RATE_ROWS = 3  # the first MEASURES rows are the rates the chart shows


def _value(card: pd.Series, field: str | None) -> object:
    if field is None:
        return None
    value = card.get(field)
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def write_scorecard_sheet(sheet: Sheet, card: pd.Series, currency: str, as_of: dt.date) -> None:
    """The sheet for one reseller's scorecard row (reseller_scorecards)."""
    name = str(card.get("reseller_name") or card.get("reseller_id"))
    put_text(sheet, 1, 1, f"Scorecard: {name}", TITLE_FONT)
    start = pd.Timestamp(card.get("period_start")).date() if pd.notna(card.get("period_start")) else None
    period = (f"12 months from {start:%Y-%m-%d} to {as_of - dt.timedelta(days=1):%Y-%m-%d}" if start
              else "the last 12 months")
    put_text(sheet, 2, 1, f"{period}; the average is over every reseller.", font(italic=True, color="595959"))
    header_row = 4
    put_header(sheet, header_row, ["Measure", "This reseller", "Reseller average", "What it counts"],
               ["text", "pct", "pct", "text"])
    sheet.height(header_row, 22)
    fmt = money_format(card.get("currency") or currency, cents=False)
    right = {"align": "right", "indent": 1}
    for i, (label, field, average, kind, what) in enumerate(MEASURES):
        row = header_row + 1 + i
        put_text(sheet, row, 1, label, font(bold=i < RATE_ROWS), RULE)
        put_cell(sheet, row, 2, _value(card, field), kind, fmt, right, RULE)
        put_cell(sheet, row, 3, _value(card, average), kind, fmt, right, RULE)
        put_text(sheet, row, 4, what, font(size=9, color="595959"), RULE)
    for col, width in enumerate(WIDTHS, start=1):
        sheet.width(col, width)
    _chart(sheet, header_row, len(MEASURES) + header_row + 2)
    page_setup(sheet, f"Scorecard: {name} (as of {as_of:%Y-%m-%d})", landscape=False, header_rows=0)


def _chart(sheet: Sheet, header_row: int, anchor_row: int) -> None:
    """Clustered bars: the reseller's rates against the average (empty rates show no bar)."""
    chart = sheet.book.chart({"type": "column"})
    for col in (1, 2):  # zero-based: B and C
        chart.add_series({
            "name": [sheet.name, header_row - 1, col],
            "categories": [sheet.name, header_row, 0, header_row + RATE_ROWS - 1, 0],
            "values": [sheet.name, header_row, col, header_row + RATE_ROWS - 1, col],
            # the value only: series and category names would pile up on the bars
            "data_labels": {"value": True, "num_format": "0%"},
        })
    chart.set_title({"name": "Against the reseller average"})
    chart.set_x_axis({"major_tick_mark": "none"})
    chart.set_y_axis({"num_format": "0%", "min": 0, "max": 1, "major_gridlines": {"visible": False},
                      "major_tick_mark": "none"})
    chart.set_legend({"position": "bottom"})
    chart.show_blanks_as("gap")  # a reseller without a rate shows no bar and no label
    chart.set_size(chart_size(*CHART_SIZE_CM))
    sheet.ws.insert_chart(f"A{anchor_row}", chart)
