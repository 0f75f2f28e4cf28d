"""The Scorecard sheet of a reseller's workbook: its reseller_scorecards row beside the reseller
average, and a bar chart of its renewal, attach and worked rates against that average."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Border
from openpyxl.worksheet.worksheet import Worksheet

from reports.sheets import RULE, TITLE_FONT, font, money_format, page_setup, put_cell, put_header, put_text

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


def write_scorecard_sheet(ws: Worksheet, card: pd.Series, currency: str, as_of: dt.date) -> None:
    """The sheet for one reseller's scorecard row (reseller_scorecards)."""
    name = str(card.get("reseller_name") or card.get("reseller_id"))
    put_text(ws, 1, 1, f"Scorecard: {name}").font = TITLE_FONT
    start = pd.Timestamp(card.get("period_start")).date() if pd.notna(card.get("period_start")) else None
    period = (f"12 months from {start:%Y-%m-%d} to {as_of - dt.timedelta(days=1):%Y-%m-%d}" if start
              else "the last 12 months")
    put_text(ws, 2, 1, f"{period}; the average is over every reseller.").font = font(italic=True, color="595959")
    header_row = 4
    put_header(ws, header_row, ["Measure", "This reseller", "Reseller average", "What it counts"],
               ["text", "pct", "pct", "text"])
    ws.row_dimensions[header_row].height = 22
    fmt = money_format(card.get("currency") or currency, cents=False)
    for i, (label, field, average, kind, what) in enumerate(MEASURES):
        row = header_row + 1 + i
        put_text(ws, row, 1, label).font = font(bold=i < RATE_ROWS)
        cells = [put_cell(ws, row, 2, _value(card, field), kind, fmt),
                 put_cell(ws, row, 3, _value(card, average), kind, fmt)]
        for cell in cells:
            cell.alignment = Alignment(horizontal="right", indent=1)
        put_text(ws, row, 4, what).font = font(size=9, color="595959")
        for col in range(1, 5):
            ws.cell(row=row, column=col).border = Border(bottom=RULE)
    for letter, width in zip("ABCD", WIDTHS, strict=True):
        ws.column_dimensions[letter].width = width
    _chart(ws, header_row, len(MEASURES) + header_row + 2)
    page_setup(ws, f"Scorecard: {name} (as of {as_of:%Y-%m-%d})", landscape=False, title_rows=None)


def _chart(ws: Worksheet, header_row: int, anchor_row: int) -> None:
    """Clustered bars: the reseller's rates against the average (empty rates show no bar)."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = "Against the reseller average"
    chart.y_axis.numFmt = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.majorGridlines = None
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    data = Reference(ws, min_col=2, max_col=3, min_row=header_row, max_row=header_row + RATE_ROWS)
    cats = Reference(ws, min_col=1, min_row=header_row + 1, max_row=header_row + RATE_ROWS)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showVal = True  # the value only: series and category names would pile up on the bars
    chart.dataLabels.showSerName = False
    chart.dataLabels.showCatName = False
    chart.dataLabels.showLegendKey = False
    chart.dataLabels.numFmt = "0%"
    chart.width, chart.height = CHART_SIZE_CM
    ws.add_chart(chart, f"A{anchor_row}")
