"""out/crm_import.csv: one row per opportunity, shaped for a CRM's opportunity import.

The columns are the field labels of Salesforce's Opportunity object (Opportunity Name, Account ID,
Account Name, Close Date, Amount, Opportunity Currency, Stage, Probability (%), Owner ID,
Opportunity Owner, Type, Next Step, Description), which Salesforce Data Loader and the Data Import
Wizard's field mapping match by name; the lines a standard opportunity lacks follow as extra
columns an admin maps to the org's fields (or drops): Product Code and Quantity (the product line),
Service Level, Contact Name / Email / Phone (who to call), Priority, Reseller, Contract Number, and
External ID - the stable opportunity_id, so re-importing tomorrow's file updates rather than
duplicates. Account ID and Owner ID are the ids the CRM itself sent (the customer's CRM account,
the rep's CRM user id), blank when no CRM source named them: match on Account Name then.
Co-term proposals are left out: they are alternatives to renewals that are already in the file.
Close dates follow each opportunity's own date: a renewal closes at its expiry; a win-back or a
coverage deal `crm_close_days` after its planned action date (so they spread as the plan does).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd

from reports.safe_text import csv_safe
from reports.valuation import ValuationSettings

CRM_COLUMNS: tuple[str, ...] = (
    "Opportunity Name", "Account ID", "Account Name", "Close Date", "Amount", "Opportunity Currency", "Stage",
    "Probability (%)", "Owner ID", "Opportunity Owner", "Type", "Next Step", "Description", "Product Code",
    "Quantity", "Service Level", "Contact Name", "Contact Email", "Contact Phone", "Priority", "Reseller",
    "Contract Number", "External ID",
)
CRM_TYPES: dict[str, str] = {"renewal": "Renewal", "lapsed": "Win-back", "coverage_gap": "New coverage"}
EXPORTED_KINDS: tuple[str, ...] = tuple(CRM_TYPES)
#: columns written as they are (numbers and dates): never text from a source
_PLAIN = frozenset({"Amount", "Probability (%)", "Close Date", "Quantity", "Priority"})


def _text(s: pd.Series) -> pd.Series:
    """Object strings with None for missing (no 'nan' / 'None' text on pandas 2 or 3)."""
    return s.astype(object).where(s.notna(), None)


def _names(o: pd.DataFrame) -> pd.Series:
    customer = _text(o["customer_name"]).fillna("Unknown customer")
    level = _text(o["service_level"]).map(lambda v: f" ({v})" if isinstance(v, str) else "")
    number = _text(o["contract_number"]).fillna("")
    label = o["kind"].map({"renewal": "Renewal", "lapsed": "Win-back"}).fillna("")
    contract_name = (label + ": " + customer + " " + number + level).str.strip()
    assets = pd.to_numeric(o["asset_count"], errors="coerce").fillna(0).astype(int).astype(str)
    gap_name = "Coverage: " + customer + " - " + assets + " x " + _text(o["sku"]).fillna("unknown SKU")
    return gap_name.where(o["kind"] == "coverage_gap", contract_name)


def _close_dates(o: pd.DataFrame, as_of: dt.date, settings: ValuationSettings) -> pd.Series:
    expiry = pd.to_datetime(o["expiry_date"])
    action = pd.to_datetime(o["action_date"]).fillna(pd.Timestamp(as_of))
    days = o["kind"].map(lambda k: settings.crm_close_days.get(k, 0)).astype("int64")
    later = action + pd.to_timedelta(days, unit="D")
    renewal = expiry.where(expiry >= pd.Timestamp(as_of), action)
    close = renewal.where(o["kind"].isin(["renewal", "coterm"]), later)
    return close.dt.strftime("%Y-%m-%d")


def crm_import_frame(opportunities: pd.DataFrame, settings: ValuationSettings, as_of: dt.date) -> pd.DataFrame:
    """The CRM rows (still raw text: `write_crm_csv` defuses formula leaders)."""
    o = opportunities[opportunities["kind"].isin(EXPORTED_KINDS)].reset_index(drop=True)

    def col(name: str) -> pd.Series:
        return _text(o[name]) if name in o else pd.Series([None] * len(o), dtype=object)

    value = pd.to_numeric(o["value"], errors="coerce")
    assets = pd.to_numeric(o["asset_count"], errors="coerce")
    out = pd.DataFrame({
        "Opportunity Name": _names(o),
        "Account ID": col("crm_account_id"),
        "Account Name": col("customer_name"),
        "Close Date": _close_dates(o, as_of, settings),
        "Amount": value.map(lambda v: "" if pd.isna(v) else f"{float(v):.2f}"),
        "Opportunity Currency": col("currency"),
        "Stage": o["kind"].map(lambda k: settings.crm_stage.get(k, "Prospecting")),
        "Probability (%)": pd.to_numeric(o["win_probability"]).map(lambda p: f"{float(p) * 100:.0f}"),
        "Owner ID": col("rep_crm_id"),
        "Opportunity Owner": col("rep"),
        "Type": o["kind"].map(CRM_TYPES),
        "Next Step": None,
        "Description": col("basis"),
        "Product Code": col("sku"),
        "Quantity": assets.map(lambda v: "" if pd.isna(v) or v <= 0 else str(int(v))),
        "Service Level": col("service_level"),
        "Contact Name": col("contact_name"),
        "Contact Email": col("contact_email"),
        "Contact Phone": col("contact_phone"),
        "Priority": pd.to_numeric(o["priority"], errors="coerce").map(lambda v: "" if pd.isna(v) else str(int(v))),
        "Reseller": col("reseller_name"),
        "Contract Number": col("contract_number"),
        "External ID": col("opportunity_id"),
    }, columns=list(CRM_COLUMNS))
    return out


def _safe_cells(values: pd.Series) -> list[str]:
    """csv_safe of each value, worked out once per distinct text (a column repeats its names and stages)."""
    codes, uniques = pd.factorize(values)
    if not all(isinstance(u, str) for u in uniques):  # numbers or dates: 1 and 1.0 would be one key
        return [csv_safe(v) for v in values.tolist()]
    cleaned = [csv_safe(u) for u in uniques] + [""]  # code -1 (missing) takes the last
    return [cleaned[code] for code in codes]


def write_crm_csv(frame: pd.DataFrame, path: Path) -> Path:
    """UTF-8 CSV, every text cell defused (a leading apostrophe before = + - @)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    columns = [["" if v is None else v for v in frame[col].tolist()] if col in _PLAIN else _safe_cells(frame[col])
               for col in CRM_COLUMNS]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(CRM_COLUMNS)
        writer.writerows(zip(*columns, strict=True))
    return path
