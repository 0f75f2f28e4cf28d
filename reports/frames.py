"""The report tables read back as DataFrames, once, for the summary, the workbooks and the CSV."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import duckdb
import pandas as pd

from reports.steps import REPORT_OPPORTUNITIES, REPORTS_SQL


@dataclass(frozen=True)
class ReportData:
    """Everything one set of output files shows (the whole book, or one rep's or reseller's part)."""

    as_of: dt.date
    currency: str
    opportunities: pd.DataFrame  # renewal_opportunities + serials (text), sorted by action date
    forecast: pd.DataFrame       # renewal_forecast
    missed: pd.DataFrame         # missed_renewals

    def where(self, *, rep: str | None = None, reseller_id: str | None = None, unassigned: bool = False) -> ReportData:
        """The part of the book one rep (or the unassigned rows) or one reseller works."""
        def pick(df: pd.DataFrame) -> pd.DataFrame:
            if unassigned:
                mask = df["rep"].isna()
            elif rep is not None:
                mask = df["rep"] == rep
            else:
                mask = df["reseller_id"] == reseller_id
            return df[mask.fillna(False).astype(bool)].reset_index(drop=True)
        return replace(self, opportunities=pick(self.opportunities), forecast=pick(self.forecast),
                       missed=pick(self.missed))


def _dates(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    for col in columns:
        if col in df.columns:
            df[col] = pd.to_datetime(df[col]).dt.date
    return df


def load_report_data(con: duckdb.DuckDBPyConnection, as_of: dt.date, currency: str) -> ReportData:
    """Read renewal_opportunities (with serials), renewal_forecast and missed_renewals."""
    opps = _dates(REPORTS_SQL.query(con, REPORT_OPPORTUNITIES), ["as_of_date", "expiry_date", "action_date"])
    forecast = _dates(con.execute("SELECT * FROM renewal_forecast ORDER BY expiry_date, contract_id").df(),
                      ["expiry_date", "month"])
    missed = _dates(con.execute("SELECT * FROM missed_renewals ORDER BY end_date DESC, contract_id").df(),
                    ["end_date"])
    return ReportData(as_of=as_of, currency=currency, opportunities=opps, forecast=forecast, missed=missed)
