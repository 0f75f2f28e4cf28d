"""Renewal opportunities as of a date: renewal, lapsed, coverage_gap and coterm, valued and assigned.

Runs inside the warehouse being built (after contracts): reads customers, partners, assets,
products, contracts, contract_assets, contract_sources, customer_sources, partner_sources and
source_records; writes renewal_opportunities, opportunity_assets, renewal_forecast and
missed_renewals. Every rule is SQL in reports/sql/; every number comes from ValuationSettings,
registered as small TEMP tables so no value is pasted into a statement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from reports.sql_files import read_sql
from reports.valuation import GAP, LAPSED, ValuationSettings

#: tables this package writes into the warehouse (all analyst-facing, all in warehouse/dictionary.yaml)
OPPORTUNITY_TABLES: tuple[str, ...] = (
    "renewal_opportunities", "opportunity_assets", "renewal_forecast", "missed_renewals",
)
#: the tables the opportunity build reads
REQUIRED_TABLES: tuple[str, ...] = (
    "customers", "partners", "assets", "products", "contracts", "contract_assets", "contract_sources",
    "customer_sources", "partner_sources", "source_records",
)
_SQL_STEPS = (
    "valuation_macros.sql", "opportunity_parties.sql", "contract_values.sql", "opportunities.sql",
    "opportunity_tables.sql",
)


@dataclass(frozen=True)
class OpportunityOutcome:
    """Counts and totals worth showing in Dagster metadata."""

    opportunities: int
    by_kind: dict[str, int]
    assets: int
    value: float
    weighted_value: float
    missed_renewals: int


def _frame(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> None:
    con.register("_rv_frame", frame)
    try:
        con.execute(f'CREATE OR REPLACE TEMP TABLE "{name}" AS SELECT * FROM _rv_frame')
    finally:
        con.unregister("_rv_frame")


def _pairs(name_key: str, name_value: str, items: dict, value_dtype: str) -> pd.DataFrame:
    return pd.DataFrame({
        name_key: pd.Series(list(items), dtype="string"),
        name_value: pd.Series(list(items.values()), dtype=value_dtype),
    })


def register_valuation(con: duckdb.DuckDBPyConnection, settings: ValuationSettings, as_of: dt.date) -> None:
    """TEMP tables rv_settings, rv_windows, rv_attach_rate, rv_partner_share, rv_partner_tiers, rv_fx."""
    s = settings
    con.execute(
        "CREATE OR REPLACE TEMP TABLE rv_settings AS SELECT ?::DATE AS as_of, ?::VARCHAR AS currency, "
        "?::DOUBLE AS uplift, ?::INTEGER AS renewal_days, ?::INTEGER AS lapsed_days, ?::INTEGER AS gap_days, "
        "?::INTEGER AS coterm_months, ?::INTEGER AS coterm_min_contracts, ?::INTEGER AS coterm_term_months, "
        "?::INTEGER AS action_lead_days, ?::INTEGER AS missed_days, ?::INTEGER AS forecast_months, "
        "?::DOUBLE AS lapsed_probability, ?::DOUBLE AS gap_probability",
        [as_of, s.currency, s.uplift, s.renewal_days, s.lapsed_days, s.gap_days, s.coterm_months,
         s.coterm_min_contracts, s.coterm_term_months, s.action_lead_days, s.missed_days, s.forecast_months,
         s.probability(LAPSED), s.probability(GAP)],
    )
    bounds = s.window_bounds()
    _frame(con, "rv_windows", pd.DataFrame({
        "lo": pd.Series([lo for lo, _, _ in bounds], dtype="int64"),
        "hi": pd.Series([hi for _, hi, _ in bounds], dtype="int64"),
        "label": pd.Series([label for _, _, label in bounds], dtype="string"),
        "probability": pd.Series([s.probability(label) for _, _, label in bounds], dtype="float64"),
        "sort_order": pd.Series(range(len(bounds)), dtype="int64"),
    }))
    _frame(con, "rv_attach_rate", _pairs("category", "rate", dict(s.attach_rate), "float64"))
    _frame(con, "rv_partner_share", _pairs("tier", "share", dict(s.partner_share), "float64"))
    _frame(con, "rv_partner_tiers", _pairs("key", "tier", dict(s.partner_tiers), "string"))
    _frame(con, "rv_fx", _pairs("currency", "rate", dict(s.fx_rates), "float64"))
    con.execute(read_sql("valuation_macros.sql"))


def missing_inputs(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The input tables the current catalog lacks (empty when the build can run)."""
    present = {t for (t,) in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall()}
    return [t for t in REQUIRED_TABLES if t not in present]


def build_opportunities(
    con: duckdb.DuckDBPyConnection, settings: ValuationSettings, as_of: dt.date
) -> OpportunityOutcome:
    """Create renewal_opportunities, opportunity_assets, renewal_forecast and missed_renewals."""
    missing = missing_inputs(con)
    if missing:
        raise RuntimeError(f"renewal opportunities need the tables {missing}, which this warehouse build lacks")
    register_valuation(con, settings, as_of)
    for step in _SQL_STEPS:
        con.execute(read_sql(step))
    by_kind = dict(con.execute("SELECT kind, count(*) FROM renewal_opportunities GROUP BY kind").fetchall())
    _, value, weighted = con.execute(
        "SELECT count(*), coalesce(sum(value), 0), coalesce(sum(weighted_value), 0) "
        "FROM renewal_opportunities WHERE kind <> 'coterm' AND currency = ?", [settings.currency],
    ).fetchall()[0]
    return OpportunityOutcome(
        opportunities=int(con.execute("SELECT count(*) FROM renewal_opportunities").fetchall()[0][0]),
        by_kind={str(k): int(v) for k, v in by_kind.items()},
        assets=int(con.execute("SELECT count(*) FROM opportunity_assets").fetchall()[0][0]),
        value=float(value), weighted_value=float(weighted),
        missed_renewals=int(con.execute("SELECT count(*) FROM missed_renewals").fetchall()[0][0]),
    )
