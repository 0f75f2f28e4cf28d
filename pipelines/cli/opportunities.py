"""`radar opportunities`: a quick look at the renewal opportunities in the live warehouse (read-only).

    radar opportunities --home DIR [--within DAYS] [--rep NAME] [--kind KIND] [--format table|csv|xlsx]

`--within DAYS` keeps opportunities whose expiry date is at most DAYS days after the as-of date:
renewals and co-terms due by then, and the win-backs and coverage gaps (already past). `--rep`
matches a rep's name in any case (`unassigned` for opportunities nobody owns). `csv` goes to
standard output (or `--output`), `xlsx` to `--output` (default ./opportunities.xlsx).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from pipelines.cli.common import resolve_home
from pipelines.cli.console import table
from reports.frames import ReportData
from reports.opportunities import OPPORTUNITY_TABLES
from reports.safe_text import clean_text, csv_safe
from reports.steps import REPORT_OPPORTUNITIES, REPORTS_SQL
from reports.summary import KIND_LABELS
from reports.valuation import OPPORTUNITY_KINDS
from reports.workbooks import write_workbook
from warehouse.sql_runner import table_names

FORMATS = ("table", "csv", "xlsx")
DEFAULT_XLSX = "opportunities.xlsx"
UNASSIGNED = "unassigned"
CSV_COLUMNS = [
    "opportunity_id", "kind", "action_date", "window", "customer_name", "reseller_name", "rep", "contract_number",
    "service_level", "expiry_date", "asset_count", "serials", "value", "win_probability", "weighted_value",
    "vendor_share", "partner_share", "currency", "basis",
]


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register `radar opportunities` on the `radar` command's subparsers."""
    p = subparsers.add_parser(
        "opportunities", help="list renewal opportunities from the live warehouse (read-only)",
        description="List the renewal opportunities of the live warehouse (opened read-only).",
        epilog="--within keeps what expires at most DAYS days after the as-of date, so past win-backs and "
               "coverage gaps stay listed; combine with --kind to narrow.",
    )
    p.add_argument("--home", help="home directory (default: $RADAR_HOME)")
    p.add_argument("--within", type=int, metavar="DAYS",
                   help="only what expires at most DAYS days after the as-of date (past win-backs and gaps included)")
    p.add_argument("--rep", metavar="NAME", help=f"only this rep's opportunities ('{UNASSIGNED}' for none)")
    p.add_argument("--kind", choices=OPPORTUNITY_KINDS, action="append", help="only this kind (repeatable)")
    p.add_argument("--format", choices=FORMATS, default="table", help="table (default), csv or xlsx")
    p.add_argument("--output", help=f"file to write (csv: default standard output; xlsx: default ./{DEFAULT_XLSX})")
    p.set_defaults(func=cmd_opportunities)
    return p


def _read(live: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """renewal_opportunities (with serials), renewal_forecast and missed_renewals, read-only."""
    con = duckdb.connect(str(live), read_only=True)
    try:
        present = table_names(con)
        missing = [t for t in OPPORTUNITY_TABLES if t not in present]
        if missing:
            raise LookupError(f"{live} has no {', '.join(missing)} yet: run `radar run` with the reports stage")
        opps = REPORTS_SQL.query(con, REPORT_OPPORTUNITIES)
        forecast = con.execute("SELECT * FROM renewal_forecast ORDER BY expiry_date, contract_id").df()
        missed = con.execute("SELECT * FROM missed_renewals ORDER BY end_date DESC, contract_id").df()
        as_of = con.execute("SELECT as_of_date FROM build_info").fetchall()[0][0] \
            if "build_info" in present else None
    finally:
        con.close()
    for df, cols in ((opps, ["as_of_date", "expiry_date", "action_date"]), (forecast, ["expiry_date", "month"]),
                     (missed, ["end_date"])):
        for c in cols:
            df[c] = pd.to_datetime(df[c]).dt.date
    opps.attrs["as_of"] = as_of
    return opps, forecast, missed


def _rep_mask(df: pd.DataFrame, rep: str) -> pd.Series:
    if rep.strip().lower() == UNASSIGNED:
        return df["rep"].isna()
    return df["rep"].fillna("").str.strip().str.casefold() == rep.strip().casefold()


def select(opps: pd.DataFrame, as_of: dt.date, within: int | None, rep: str | None,
           kinds: list[str] | None) -> pd.DataFrame:
    """The opportunities the options ask for, in working order."""
    keep = pd.Series(True, index=opps.index)
    if within is not None:
        keep &= opps["expiry_date"].map(lambda d: d is not None and d <= as_of + dt.timedelta(days=within))
    if rep:
        keep &= _rep_mask(opps, rep)
    if kinds:
        keep &= opps["kind"].isin(kinds)
    return opps[keep.astype(bool)].reset_index(drop=True)


def _short(text: object, width: int) -> str:
    s = (clean_text(text) or "").replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return s if len(s) <= width else s[: width - 1] + "…"


def _money(value: Any) -> str:
    return "" if value is None or pd.isna(value) else f"{float(value):,.0f}"


def render_table(opps: pd.DataFrame, currency: str) -> str:
    """An aligned terminal table with a total line (co-terms are alternatives, not added)."""
    if opps.empty:
        return "No opportunities match."
    view = pd.DataFrame({
        "action": opps["action_date"].map(lambda d: f"{d:%Y-%m-%d}"),
        "kind": opps["kind"].map(KIND_LABELS),
        "window": opps["window"],
        "customer": opps["customer_name"].map(lambda s: _short(s, 30)),
        "rep": opps["rep"].map(lambda s: _short(s, 16) if isinstance(s, str) else UNASSIGNED),
        "contract": opps["contract_number"].map(lambda s: _short(s, 24)),
        "expiry": opps["expiry_date"].map(lambda d: f"{d:%Y-%m-%d}" if d else ""),
        f"value {currency}": opps["value"].map(_money),
        "weighted": opps["weighted_value"].map(_money),
    })
    counted = opps[opps["kind"] != "coterm"]
    total = (f"\n{len(counted):,} opportunities worth {_money(counted['value'].sum())} {currency} "
             f"({_money(counted['weighted_value'].sum())} weighted)")
    coterms = len(opps) - len(counted)
    if coterms:
        total += f"; {coterms:,} co-term proposals listed as alternatives, not added"
    return table(view) + total


def write_csv(opps: pd.DataFrame, out) -> None:
    """Every column an analyst needs, text defused against spreadsheet formulas."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    text = {"kind", "window", "customer_name", "reseller_name", "rep", "contract_number", "service_level",
            "serials", "currency", "basis", "opportunity_id"}
    for row in opps[CSV_COLUMNS].itertuples(index=False):
        writer.writerow([
            csv_safe(v) if col in text else ("" if v is None or (not isinstance(v, str) and pd.isna(v)) else v)
            for col, v in zip(CSV_COLUMNS, row, strict=True)
        ])


def cmd_opportunities(args: argparse.Namespace) -> int:
    """Run `radar opportunities`; 0 on success, 1 when there is nothing to read, 2 on bad settings."""
    home = resolve_home(args.home)
    live = home / "warehouse.duckdb"
    if not live.exists():
        print(f"radar: {live} does not exist yet: run `radar run --home {home}` first", file=sys.stderr)
        return 1
    try:
        opps, forecast, missed = _read(live)
    except LookupError as exc:
        print(f"radar: {exc}", file=sys.stderr)
        return 1
    except duckdb.IOException as exc:
        print(f"radar: cannot open {live} read-only: {exc}", file=sys.stderr)
        return 1
    from pipelines.config import ConfigError, load_config

    try:
        settings = load_config(home).valuation
    except ConfigError as exc:
        print(f"radar: {exc}", file=sys.stderr)
        return 2
    as_of = opps.attrs.get("as_of") or (opps["as_of_date"].iloc[0] if len(opps) else dt.date.today())
    if isinstance(as_of, dt.datetime):
        as_of = as_of.date()
    chosen = select(opps, as_of, args.within, args.rep, args.kind)
    if args.format == "table":
        print(f"Renewal opportunities as of {as_of:%Y-%m-%d} ({live})\n")
        print(render_table(chosen, settings.currency))
        return 0
    if args.format == "csv":
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as fh:
                write_csv(chosen, fh)
            print(f"{len(chosen):,} opportunities written to {args.output}", file=sys.stderr)
        else:
            write_csv(chosen, sys.stdout)
        return 0
    data = ReportData(as_of=as_of, currency=settings.currency, opportunities=chosen, forecast=forecast, missed=missed)
    scope = "all reps and resellers"
    if args.rep:
        data = replace(data, forecast=forecast[_rep_mask(forecast, args.rep)].reset_index(drop=True),
                       missed=missed[_rep_mask(missed, args.rep)].reset_index(drop=True))
        scope = args.rep
    path = Path(args.output or DEFAULT_XLSX).expanduser().resolve()
    write_workbook(path, data, settings, scope)
    print(f"{len(chosen):,} opportunities written to {path}")
    return 0
