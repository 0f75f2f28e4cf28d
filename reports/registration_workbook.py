"""The channel managers' registration workbook (out/channel/registration_issues.xlsx): a summary of
the findings by kind, one sheet per kind with the rows that show each finding, the reseller
scorecards and the attach rates - styled like the opportunity workbooks (reports.sheets), written with
XlsxWriter (reports.xlsx_book)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd

from reports.registration import ISSUE_KINDS
from reports.sheets import (
    RULE,
    SECTION_FONT,
    TITLE_FONT,
    Column,
    font,
    money_format,
    page_setup,
    put_cell,
    put_header,
    put_text,
    write_list,
)
from reports.xlsx_book import Book, Sheet
from warehouse.sql_runner import table_names

REGISTRATION_WORKBOOK = "channel/registration_issues.xlsx"
#: kind -> (sheet title, what it means and what to do)
KIND_SHEETS: dict[str, tuple[str, str]] = {
    "no_end_customer": ("No end customer",
                        "Serials a distributor sold with no end customer (blank, a placeholder or the reseller "
                        "itself): ask the reseller who the customer is and register it."),
    "conflicting_end_customers": ("Conflicting customers",
                                  "Serials whose rows name different end customers: find out who owns the unit."),
    "hardware_without_service": ("Hardware without service",
                                 "Hardware with no service contract within 90 days of shipment: offer coverage."),
    "invoiced_not_in_crm": ("Invoiced not in CRM",
                            "Contracts invoiced but never entered in the CRM: their renewal will not be worked."),
    "crm_not_invoiced": ("CRM not invoiced",
                         "CRM contracts never invoiced: check billing, or close the CRM record."),
}
ISSUE_COLUMNS: tuple[Column, ...] = (
    Column("Reseller", "reseller_name", width=22),
    Column("Customer", "customer_name", width=24),
    Column("Serial", "serial_number", width=14),
    Column("SKU", "sku", width=13),
    Column("Contract", "contract_number", width=12),
    Column("Date", "event_date", "date", 10.5),
    Column("Value at stake", "value_at_stake", "money", 12, total=True),
    Column("What was found", "detail", width=40),
    Column("Rows that show it", "evidence_text", width=46),
    Column("Status", "status", width=10),
)
SCORECARD_COLUMNS: tuple[Column, ...] = (
    Column("Reseller", "reseller_name", width=26),
    Column("Tier", "tier", width=10),
    Column("Certification", "certification", width=12),
    Column("Renewal rate", "renewal_rate", "pct", 9),
    Column("Due", "contracts_due", "int", 7),
    Column("Renewed", "contracts_renewed", "int", 8),
    Column("Lapse value", "lapse_value", "money", 12, total=True),
    Column("Attach rate", "attach_rate", "pct", 9),
    Column("HW units", "hardware_units", "int", 8),
    Column("Value at risk (120 days)", "value_at_risk", "money", 13, total=True),
    Column("Worked", "worked_share", "pct", 8),
)
ATTACH_COLUMNS: tuple[Column, ...] = (
    Column("Reseller", "reseller_name", width=26),
    Column("Family", "family", width=9),
    Column("Month", "month", "date", 10.5, number_format="mmm yyyy"),
    Column("Shipped", "units_shipped", "int", 8),
    Column("Attached", "units_attached", "int", 8),
    Column("Not attached", "units_not_attached", "int", 9),
    Column("Pending", "units_pending", "int", 8),
    Column("Attach rate", "attach_rate", "pct", 9),
    Column("Value not attached", "value_not_attached", "money", 13, total=True),
)


def read_registration(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame] | None:
    """registration_issues, reseller_scorecards and attach_rates of a warehouse (None when it has none)."""
    if "registration_issues" not in table_names(con):
        return None
    return {
        "issues": con.execute("SELECT * EXCLUDE (evidence) FROM registration_issues").df(),
        "scorecards": con.execute("SELECT * FROM reseller_scorecards ORDER BY value_at_risk DESC, reseller_name").df(),
        "attach": con.execute("SELECT * FROM attach_rates ORDER BY reseller_name, family, month").df(),
    }


def _summary(sheet: Sheet, issues: pd.DataFrame, currency: str, as_of: dt.date) -> None:
    put_text(sheet, 1, 1, "Registration audit", TITLE_FONT)
    put_text(sheet, 2, 1, f"As of {as_of:%Y-%m-%d}: what the channel failed to register, and what it is worth.",
             font(italic=True, color="595959"))
    put_text(sheet, 4, 1, "Findings by kind", SECTION_FONT)
    put_header(sheet, 5, ["Kind", "Findings", "Value at stake", "What to do"], ["text", "int", "money", "text"])
    fmt = money_format(currency, cents=False)
    own = issues[issues["currency"] == currency]
    left, right = {"align": "left", "valign": "top"}, {"align": "right", "valign": "top"}
    row = 6
    for kind in ISSUE_KINDS:
        title, what = KIND_SHEETS[kind]
        put_text(sheet, row, 1, title, RULE, left)
        put_cell(sheet, row, 2, int((issues["kind"] == kind).sum()), "int", fmt, RULE, right)
        put_cell(sheet, row, 3, float(own.loc[own["kind"] == kind, "value_at_stake"].fillna(0).sum()), "money", fmt,
                 RULE, right)
        put_text(sheet, row, 4, what, RULE, left, {"text_wrap": True})
        sheet.height(row, 28)
        row += 1
    put_text(sheet, row, 1, "Total", font(bold=True))
    put_cell(sheet, row, 2, len(issues), "int", fmt, font(bold=True))
    put_cell(sheet, row, 3, float(own["value_at_stake"].fillna(0).sum()), "money", fmt, font(bold=True))
    put_text(sheet, row + 2, 1, "Each finding lists the source rows that show it (file, sheet, row). Value at stake: "
             "a year of service on the unit (list price × attach rate), or the contract's annual value.",
             font(size=9, color="595959"))
    for col, width in enumerate((28, 10, 15, 70), start=1):
        sheet.width(col, width)
    page_setup(sheet, f"Registration audit (as of {as_of:%Y-%m-%d})", landscape=True, header_rows=0)


def write_registration_workbook(path: Path, frames: dict[str, pd.DataFrame], currency: str, as_of: dt.date) -> Path:
    """The workbook (see the module docstring), written beside `path` and moved onto it; returns `path`."""
    issues = frames["issues"]
    with Book(path, "Registration audit") as book:
        _summary(book.sheet("Summary"), issues, currency, as_of)
        for kind in ISSUE_KINDS:
            title, _ = KIND_SHEETS[kind]
            part = issues[issues["kind"] == kind].reset_index(drop=True)
            sheet = book.sheet(title)
            write_list(sheet, part, ISSUE_COLUMNS, currency, "Nothing found.", "C2")
            page_setup(sheet, f"{title} (as of {as_of:%Y-%m-%d})")
        for title, frame, columns, freeze in (("Reseller scorecards", frames["scorecards"], SCORECARD_COLUMNS, "B2"),
                                              ("Attach rates", frames["attach"], ATTACH_COLUMNS, "D2")):
            sheet = book.sheet(title)
            write_list(sheet, frame, columns, currency, "No resellers.", freeze)
            page_setup(sheet, f"{title} (as of {as_of:%Y-%m-%d})")
    return path
