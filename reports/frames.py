"""The report tables read back as DataFrames, once, for the summary, the workbooks and the CSV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import duckdb
import numpy as np
import pandas as pd

from reports.steps import REPORT_INPUTS, REPORT_OPPORTUNITIES, REPORTS_SQL
from warehouse.retraction import ABSENT_FILES_SQL
from warehouse.sql_runner import table_names

#: the columns the workbooks read from installed_base and opportunity_changes (also when empty)
INSTALLED_BASE_COLUMNS = ["asset_id", "serial_number", "sku", "customer_id", "customer_name", "reseller_id",
                          "reseller_name", "rep", "ship_date", "warranty_end", "last_contract_end",
                          "uncovered_since", "years_uncovered", "list_price", "value_if_covered", "currency",
                          "contact_name", "contact_phone"]
CHANGE_COLUMNS = ["opportunity_id", "change", "kind", "reason", "previous_as_of", "as_of_date", "customer_id",
                  "customer_name", "contract_id", "contract_number", "rep", "reseller_id", "reseller_name", "sku",
                  "previous_value", "value", "currency"]

#: renewal owners whose renewals are the vendor's to work (docs/design.md, channel model)
DIRECT_OWNERS = ("vendor", "third_party")

INPUT_COLUMNS = ["status", "files", "rows_loaded", "rows_quarantined", "path", "error"]
ABSENT_COLUMNS = ["status", "source", "path", "rows_loaded", "rows_quarantined", "missing_since", "retracted_at",
                  "note"]


@dataclass(frozen=True)
class ReportData:
    """Everything one set of output files shows (the whole book, or one rep's or reseller's part)."""

    as_of: dt.date
    currency: str
    opportunities: pd.DataFrame  # renewal_opportunities + serials (text), sorted by action date
    forecast: pd.DataFrame       # renewal_forecast
    missed: pd.DataFrame         # missed_renewals
    installed_base: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=INSTALLED_BASE_COLUMNS))
    changes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CHANGE_COLUMNS))
    #: inbox files that are `missing` (rows kept) or `retracted` (rows out): warehouse.retraction
    absent_files: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ABSENT_COLUMNS))
    #: reseller_scorecards, every reseller (a part of the book keeps them all: each row carries the average)
    scorecards: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["reseller_id"]))
    #: the inbox files by status (path empty) and the files to look at (path set): reports/sql/report_inputs.sql
    inputs: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=INPUT_COLUMNS))

    def where_rows(self, *, rep: str | None = None, reseller_id: str | None = None, unassigned: bool = False,
                   direct: bool = False) -> PartRows:
        """The positions, in each of the book's frames, of the rows one rep (or the unassigned rows) or
        one reseller works, or (`direct`) of the vendor's direct list: what the vendor owns or may win
        back from a third-party maintainer (renewal_owner vendor or third_party; rows without an owner:
        those without a reseller). `take` makes the part."""
        opps = self.opportunities
        direct_ids = set(opps.loc[_direct(opps), "opportunity_id"]) if direct and "opportunity_id" in opps else set()

        def pick(df: pd.DataFrame) -> np.ndarray:
            if direct:
                mask = _direct(df) | (df["opportunity_id"].isin(direct_ids) if "opportunity_id" in df else False)
            elif unassigned:
                mask = df["rep"].isna()
            elif rep is not None:
                mask = df["rep"] == rep
            else:
                mask = df["reseller_id"] == reseller_id
            return np.flatnonzero(mask.fillna(False).astype(bool).to_numpy())
        return {name: pick(getattr(self, name)) for name in PART_FRAMES}

    def part_rows(self, column: str) -> dict[str, PartRows]:
        """Per value of `column` (`rep` or `reseller_id`), the positions of its rows in each of the book's
        frames, as `where_rows` gives them, in one pass over each frame rather than one a part (at 1M
        rows, 540 parts cost 23 s that way)."""
        rows = {name: getattr(self, name).groupby(column, sort=False).indices for name in PART_FRAMES}
        none = np.array([], dtype=np.intp)
        return {key: {name: index.get(key, none) for name, index in rows.items()}
                for key in dict.fromkeys(k for index in rows.values() for k in index)}

    def take(self, rows: PartRows) -> ReportData:
        """The part of the book at `rows` (positions per frame, as `where_rows` and `part_rows` give)."""
        return replace(self, **{name: getattr(self, name).take(rows[name]).reset_index(drop=True)
                                for name in PART_FRAMES})


#: the frames a part of the book takes its rows of
PART_FRAMES = ("opportunities", "forecast", "missed", "installed_base", "changes")
#: a part's rows: per frame of PART_FRAMES, positions in the whole book's frame
PartRows = Mapping[str, np.ndarray]


def _direct(df: pd.DataFrame) -> pd.Series:
    """Rows on the vendor's direct list: owned by the vendor or a third party, or (no owner column)
    without a reseller."""
    no_reseller = df["reseller_id"].isna()
    if "renewal_owner" not in df:
        return no_reseller
    owner = df["renewal_owner"]
    return (owner.isin(DIRECT_OWNERS) | (owner.isna() & no_reseller)).fillna(False).astype(bool)


def _dates(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    for col in columns:
        if col in df.columns:
            df[col] = pd.to_datetime(df[col]).dt.date
    return df


def _absent_files(con: duckdb.DuckDBPyConnection, present: set[str]) -> pd.DataFrame:
    """Missing and retracted inbox files (none in a warehouse older than retraction)."""
    if "ingested_files" not in present:
        return pd.DataFrame(columns=ABSENT_COLUMNS)
    try:
        return con.execute(ABSENT_FILES_SQL).df()
    except duckdb.BinderException:
        return pd.DataFrame(columns=ABSENT_COLUMNS)


def _inputs(con: duckdb.DuckDBPyConnection, present: set[str]) -> pd.DataFrame:
    """The Inputs section's rows (none in a warehouse without ingested_files)."""
    if "ingested_files" not in present:
        return pd.DataFrame(columns=INPUT_COLUMNS)
    return REPORTS_SQL.query(con, REPORT_INPUTS)


def load_report_data(con: duckdb.DuckDBPyConnection, as_of: dt.date, currency: str) -> ReportData:
    """Read renewal_opportunities (with serials), renewal_forecast, missed_renewals, installed_base
    and opportunity_changes (the last two empty when the warehouse predates them)."""
    opps = _dates(REPORTS_SQL.query(con, REPORT_OPPORTUNITIES), ["as_of_date", "expiry_date", "action_date"])
    forecast = _dates(con.execute("SELECT * FROM renewal_forecast ORDER BY expiry_date, contract_id").df(),
                      ["expiry_date", "month"])
    missed = _dates(con.execute("SELECT * FROM missed_renewals ORDER BY end_date DESC, contract_id").df(),
                    ["end_date"])
    present = table_names(con)
    base = (con.execute("SELECT * FROM installed_base").df() if "installed_base" in present
            else pd.DataFrame(columns=INSTALLED_BASE_COLUMNS))
    changes = (con.execute("SELECT * FROM opportunity_changes").df() if "opportunity_changes" in present
               else pd.DataFrame(columns=CHANGE_COLUMNS))
    cards = (con.execute("SELECT * FROM reseller_scorecards").df() if "reseller_scorecards" in present
             else pd.DataFrame(columns=["reseller_id"]))
    return ReportData(as_of=as_of, currency=currency, opportunities=opps, forecast=forecast, missed=missed,
                      absent_files=_absent_files(con, present), scorecards=cards, inputs=_inputs(con, present),
                      installed_base=_dates(base, ["ship_date", "warranty_end", "last_contract_end",
                                                   "uncovered_since"]),
                      changes=_dates(changes, ["previous_as_of", "as_of_date"]))

