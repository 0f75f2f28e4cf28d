"""out/crm_import.csv: one row per opportunity, shaped for a CRM's opportunity import.

Columns follow the common CRM import templates (Salesforce's Data Import Wizard, HubSpot, Dynamics
map them by name): Opportunity Name, Account Name, Close Date, Amount, Currency, Stage,
Probability (%), Owner, Type, Reseller, Contract Number, Description, External ID. The External
ID is the stable opportunity_id, so re-importing tomorrow's file updates rather than duplicates.
Co-term proposals are left out: they are alternatives to renewals that are already in the file.
Renewals close at expiry; win-backs and coverage deals `crm_close_days` after the as-of date.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd

from reports.safe_text import csv_safe
from reports.valuation import ValuationSettings

CRM_COLUMNS: tuple[str, ...] = (
    "Opportunity Name", "Account Name", "Close Date", "Amount", "Currency", "Stage", "Probability (%)",
    "Owner", "Type", "Reseller", "Contract Number", "Description", "External ID",
)
CRM_TYPES: dict[str, str] = {"renewal": "Renewal", "lapsed": "Win-back", "coverage_gap": "New coverage"}
EXPORTED_KINDS: tuple[str, ...] = tuple(CRM_TYPES)


def _name(row: dict) -> str:
    customer = row.get("customer_name") or "Unknown customer"
    if row["kind"] == "coverage_gap":
        return f"Coverage: {customer} - {int(row.get('asset_count') or 0)} x {row.get('sku') or 'unknown SKU'}"
    label = "Renewal" if row["kind"] == "renewal" else "Win-back"
    level = f" ({row['service_level']})" if isinstance(row.get("service_level"), str) else ""
    return f"{label}: {customer} {row.get('contract_number') or ''}{level}".strip()


def _close_date(row: dict, as_of: dt.date, settings: ValuationSettings) -> dt.date:
    days = settings.crm_close_days.get(row["kind"])
    if days is None or row["kind"] in ("renewal", "coterm"):
        expiry = row.get("expiry_date")
        return expiry if isinstance(expiry, dt.date) and expiry >= as_of else as_of
    return as_of + dt.timedelta(days=int(days))


def crm_import_frame(opportunities: pd.DataFrame, settings: ValuationSettings, as_of: dt.date) -> pd.DataFrame:
    """The CRM rows (still raw text: `write_crm_csv` defuses formula leaders)."""
    rows = []
    for row in opportunities[opportunities["kind"].isin(EXPORTED_KINDS)].to_dict("records"):
        value = row.get("value")
        rows.append({
            "Opportunity Name": _name(row),
            "Account Name": row.get("customer_name"),
            "Close Date": _close_date(row, as_of, settings).isoformat(),
            "Amount": "" if value is None or pd.isna(value) else f"{float(value):.2f}",
            "Currency": row.get("currency"),
            "Stage": settings.crm_stage.get(row["kind"], "Prospecting"),
            "Probability (%)": f"{float(row['win_probability']) * 100:.0f}",
            "Owner": row.get("rep"),
            "Type": CRM_TYPES[row["kind"]],
            "Reseller": row.get("reseller_name"),
            "Contract Number": row.get("contract_number"),
            "Description": row.get("basis"),
            "External ID": row["opportunity_id"],
        })
    return pd.DataFrame(rows, columns=list(CRM_COLUMNS))


def write_crm_csv(frame: pd.DataFrame, path: Path) -> Path:
    """UTF-8 CSV, every text cell defused (a leading apostrophe before = + - @)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(CRM_COLUMNS)
        for values in frame.itertuples(index=False):
            writer.writerow([
                v if col in ("Amount", "Probability (%)", "Close Date") else csv_safe(v)
                for col, v in zip(CRM_COLUMNS, values, strict=True)
            ])
    return path
