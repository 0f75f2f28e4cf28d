"""Opportunity workbooks (openpyxl): a summary sheet with a chart, then the lists to work.

Sheets: Summary (key figures, value by window, renewals due by month with a native bar chart, by
rep / by reseller, how values are computed), Opportunities (renewals, win-backs and coverage gaps
sorted by action date), Co-term proposals, Missed renewals. Every list has a styled, frozen header
with an autofilter, real dates and currency formats, widths that fit, and prints landscape, one
page wide, with the header repeated on every page. Text from sources is always a string cell
(reports.safe_text); the only formulas are the SUBTOTALs this module writes under each list.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from reports.frames import ReportData
from reports.sheets import Column, page_setup, write_list
from reports.summary import KIND_LABELS, summarise
from reports.summary_sheet import write_summary_sheet
from reports.valuation import ValuationSettings

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
        page_setup(ws, f"{title}: {scope} (as of {data.as_of:%Y-%m-%d})")
    wb.active = 0
    wb.properties.title = f"Renewal opportunities: {scope}"
    wb.properties.creator = "Renewal Radar"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
