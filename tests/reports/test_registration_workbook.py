"""The channel managers' registration workbook and a reseller's Scorecard sheet, written to real
xlsx files and read back: sheets, counts, values and formats, text that never becomes a formula,
the chart in the file."""

import datetime as dt
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from reports.registration import ISSUE_KINDS
from reports.registration_workbook import KIND_SHEETS, write_registration_workbook
from reports.scorecard_sheet import write_scorecard_sheet
from reports.xlsx_book import Book

AS_OF = dt.date(2026, 11, 2)


def _issues() -> pd.DataFrame:
    return pd.DataFrame({
        "kind": ["no_end_customer", "hardware_without_service", "hardware_without_service", "crm_not_invoiced"],
        "reseller_name": ["=cmd|' /C calc'!A0", "Northwind", "Northwind", None],
        "customer_name": [None, "Alpha Inc", "Beta LLC", "Delta Corp"],
        "serial_number": ["FOX1", "FOX2", "FOX3", None],
        "sku": ["SRV-1", "SRV-1", "SRV-1", "CS-SRV"],
        "contract_number": [None, None, None, "SC-1"],
        "event_date": pd.to_datetime(["2026-01-10", "2025-12-01", "2026-02-01", "2026-02-01"]),
        "value_at_stake": [600.0, 600.0, None, 900.0],
        "currency": ["USD"] * 4,
        "detail": ["no end customer", "no service", "no service", "never invoiced"],
        "evidence_text": ["inbox/pos.csv row 4", "inbox/pos.csv row 2", "inbox/pos.csv row 3", "crm.csv row 3"],
    })


def _cards() -> pd.DataFrame:
    return pd.DataFrame({
        "reseller_id": ["P-1", "P-2"], "reseller_name": ["Northwind", "Harbor"], "tier": ["silver", None],
        "certification": ["Professional", None], "period_start": pd.to_datetime(["2025-11-02"] * 2),
        "renewal_rate": [0.5, None], "contracts_due": [2, 0], "contracts_renewed": [1, 0], "contracts_pending": [0, 0],
        "lapse_value": [1500.0, 0.0], "attach_rate": [1 / 3, 0.5], "hardware_units": [3, 2],
        "hardware_attached": [1, 1], "renewals_at_risk": [3, 0], "value_at_risk": [3193.0, 0.0],
        "contracts_worked": [1, 0], "worked_share": [0.5, None], "average_renewal_rate": [0.5, 0.5],
        "average_attach_rate": [0.4, 0.4], "average_worked_share": [0.5, 0.5], "currency": ["USD", "USD"],
    })


def test_registration_workbook_has_a_summary_and_a_sheet_per_kind(tmp_path: Path) -> None:
    attach = pd.DataFrame({"reseller_name": ["Northwind"], "family": ["SRV"], "month": pd.to_datetime(["2025-12-01"]),
                           "units_shipped": [2], "units_attached": [1], "units_not_attached": [1],
                           "units_pending": [0], "attach_rate": [0.5], "value_not_attached": [600.0],
                           "currency": ["USD"]})
    path = write_registration_workbook(tmp_path / "channel" / "registration_issues.xlsx",
                                       {"issues": _issues(), "scorecards": _cards(), "attach": attach}, "USD", AS_OF)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Summary", *(KIND_SHEETS[k][0] for k in ISSUE_KINDS), "Reseller scorecards",
                             "Attach rates"]
    summary = {wb["Summary"].cell(row=r, column=1).value: (wb["Summary"].cell(row=r, column=2).value,
                                                           wb["Summary"].cell(row=r, column=3).value)
               for r in range(6, 12)}
    assert summary["Hardware without service"] == (2, 600.0) and summary["Total"] == (4, 2100.0)
    hw = wb["Hardware without service"]
    assert [hw.cell(row=r, column=3).value for r in (2, 3)] == ["FOX2", "FOX3"]
    assert hw.cell(row=4, column=7).value == "=SUBTOTAL(109,G2:G3)"  # the only formula: the total row
    odd = wb["No end customer"]["A2"]
    assert odd.value == "=cmd|' /C calc'!A0" and odd.data_type == "s" and odd.quotePrefix
    assert wb["Conflicting customers"]["A2"].value == "Nothing found."
    assert wb["Reseller scorecards"]["D2"].number_format == "0%"


def test_scorecard_sheet_shows_the_reseller_beside_the_average_with_a_chart(tmp_path: Path) -> None:
    path = tmp_path / "card.xlsx"
    with Book(path, "card") as book:
        write_scorecard_sheet(book.sheet("Scorecard"), _cards().iloc[0], "USD", AS_OF)
    ws = load_workbook(path).active
    assert ws["A1"].value == "Scorecard: Northwind"
    assert "2025-11-02 to 2026-11-01" in ws["A2"].value
    rows = {ws.cell(row=r, column=1).value: (ws.cell(row=r, column=2).value, ws.cell(row=r, column=3).value)
            for r in range(5, 18)}
    assert rows["Renewal rate"] == (0.5, 0.5) and rows["Attach rate"] == (1 / 3, 0.4)
    assert rows["Value at risk, next 120 days"] == (3193.0, None) and rows["Tier"] == ("silver", None)
    assert ws["B5"].number_format == "0%" and ws["B11"].number_format.startswith('"$"')
    with zipfile.ZipFile(path) as z:
        chart = next(z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart"))
    assert "barChart" in chart and "$B$5:$B$7" in chart and "$C$5:$C$7" in chart  # the three rates, both series


def test_a_reseller_without_due_renewals_shows_no_rate(tmp_path: Path) -> None:
    with Book(tmp_path / "card.xlsx", "card") as book:
        write_scorecard_sheet(book.sheet("Scorecard"), _cards().iloc[1], "USD", AS_OF)
    ws = load_workbook(tmp_path / "card.xlsx").active
    assert ws["B5"].value is None and ws["C5"].value == 0.5 and ws["B6"].value == 0.5
