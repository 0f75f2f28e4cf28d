"""Renewal opportunities as of a date: renewal, lapsed, coverage_gap and coterm, valued, assigned,
prioritised and planned, with what changed since the last published run; and the installed base.

Runs inside the warehouse being built (after contracts): reads customers, partners, assets,
products, contracts, contract_assets, contract_sources, customer_sources, partner_sources and
source_records; writes renewal_opportunities, opportunity_assets, renewal_forecast and
missed_renewals. Every rule is SQL in reports/sql/; every number comes from ValuationSettings,
registered as small TEMP tables so no value is pasted into a statement.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from reports.opportunity_reassign import reassign_opportunities
from reports.program_tiers import build_program_tiers
from reports.steps import OPPORTUNITY_CHANGES, OPPORTUNITY_PLAN, OPPORTUNITY_STEPS, PROGRAM_TIERS, REPORTS_SQL
from reports.steps import OPPORTUNITY_TABLES as OPPORTUNITY_TABLES_STEP
from reports.valuation import GAP, LAPSED, VALUE_BANDS, ValuationSettings
from warehouse.previous_run import PREVIOUS_OPPORTUNITY_COLUMNS
from warehouse.sql_runner import count_rows, replace_table, table_names

#: tables this package writes into the warehouse (all analyst-facing, all in warehouse/dictionary.yaml)
OPPORTUNITY_TABLES: tuple[str, ...] = (
    "renewal_opportunities", "installed_base", "opportunity_changes", "opportunity_assets", "renewal_forecast",
    "missed_renewals",
)
#: the tables the opportunity build reads
REQUIRED_TABLES: tuple[str, ...] = (
    "customers", "partners", "assets", "products", "contracts", "contract_assets", "contract_sources",
    "customer_sources", "partner_sources", "source_records",
)


@dataclass(frozen=True)
class OpportunityOutcome:
    """Counts and totals worth showing in Dagster metadata (value: the headline, renewals and win-backs)."""

    opportunities: int
    by_kind: dict[str, int]
    assets: int
    value: float
    weighted_value: float
    missed_renewals: int
    gap_value: float = 0.0
    installed_base_assets: int = 0
    changes: dict[str, int] | None = None


def _pairs(name_key: str, name_value: str, items: dict, value_dtype: str) -> pd.DataFrame:
    return pd.DataFrame({
        name_key: pd.Series(list(items), dtype="string"),
        name_value: pd.Series(list(items.values()), dtype=value_dtype),
    })


def register_valuation(con: duckdb.DuckDBPyConnection, settings: ValuationSettings) -> None:
    """TEMP tables rv_windows, rv_fixed_probability, rv_attach_rate, rv_partner_share, rv_partner_tiers, rv_fx,
    rv_value_bands.

    The scalar settings (as_of, uplift, the day horizons ...) are the build's `run_settings`
    (warehouse.settings.register_build_settings with these settings as its rules).
    """
    s = settings
    bounds = s.window_bounds()
    tables = {
        "rv_windows": pd.DataFrame({
            "lo": pd.Series([lo for lo, _, _ in bounds], dtype="int64"),
            "hi": pd.Series([hi for _, hi, _ in bounds], dtype="int64"),
            "label": pd.Series([label for _, _, label in bounds], dtype="string"),
            "probability": pd.Series([s.probability(label) for _, _, label in bounds], dtype="float64"),
            "sort_order": pd.Series(range(len(bounds)), dtype="int64"),
        }),
        "rv_fixed_probability": pd.DataFrame({
            "lapsed": pd.Series([s.probability(LAPSED)], dtype="float64"),
            "gap": pd.Series([s.probability(GAP)], dtype="float64"),
        }),
        "rv_attach_rate": _pairs("category", "rate", dict(s.attach_rate), "float64"),
        "rv_partner_share": _pairs("tier", "share", dict(s.partner_share), "float64"),
        "rv_partner_tiers": _pairs("key", "tier", dict(s.partner_tiers), "string"),
        "rv_fx": _pairs("currency", "rate", dict(s.fx_rates), "float64"),
        "rv_value_bands": pd.DataFrame({
            "band": pd.Series(list(VALUE_BANDS), dtype="string"),
            "min_value": pd.Series([s.value_bands.get(b, 0.0) if b != "low" else 0.0 for b in VALUE_BANDS],
                                   dtype="float64"),
            "lead_days": pd.Series([s.lead_days[b] for b in VALUE_BANDS], dtype="int64"),
            "value_score": pd.Series([2, 1, 0], dtype="int64"),
        }),
    }
    for name, frame in tables.items():
        replace_table(con, name, frame, temporary=True)


def missing_inputs(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The input tables the current catalog lacks (empty when the build can run)."""
    present = table_names(con)
    return [t for t in REQUIRED_TABLES if t not in present]


#: the channel tables (warehouse/sql/channel/) as empty stand-ins, for a warehouse built without them
_CHANNEL_STAND_INS: dict[str, str] = {
    "partner_terms": "terms_id VARCHAR, partner_id VARCHAR, partner_name VARCHAR, tier VARCHAR, "
                     "split_percent DOUBLE, fixed_fee DECIMAL(18, 2), currency VARCHAR, in_force_from DATE, "
                     "in_force_to DATE, in_force BOOLEAN, source VARCHAR",
    "contract_owners": "contract_id VARCHAR, renewal_owner VARCHAR, at_risk BOOLEAN, service_provider VARCHAR, "
                       "service_provider_id VARCHAR, service_provider_name VARCHAR",
}


def _channel_stand_ins(con: duckdb.DuckDBPyConnection) -> None:
    """Empty TEMP partner_terms / contract_owners when the build has none (owners and splits as before)."""
    present = table_names(con)
    for table, columns in _CHANNEL_STAND_INS.items():
        if table not in present:
            con.execute(f"CREATE OR REPLACE TEMP TABLE {table} ({columns})")


#: the public name other report builds use (reports.economics)
channel_stand_ins = _channel_stand_ins


def build_opportunities(con: duckdb.DuckDBPyConnection, settings: ValuationSettings,
                        previous: pd.DataFrame | None = None) -> OpportunityOutcome:
    """Create renewal_opportunities, installed_base, opportunity_changes, opportunity_assets,
    renewal_forecast and missed_renewals.

    `con` is a build connection whose settings carry these valuation settings as their rules
    (so `run_settings` holds the as-of date and every scalar of them). `previous` is the last
    published run's renewal_opportunities (warehouse.previous_run.read_previous_opportunities);
    None or no rows: a first run, nothing is marked new.
    """
    missing = missing_inputs(con)
    if missing:
        raise RuntimeError(f"renewal opportunities need the tables {missing}, which this warehouse build lacks")
    register_valuation(con, settings)
    if "id_history" not in table_names(con):  # a warehouse built before ids had a history: no merges to name
        con.execute("CREATE OR REPLACE TEMP TABLE id_history (entity VARCHAR, old_id VARCHAR, new_id VARCHAR, "
                    "event VARCHAR, run_date VARCHAR)")
    _channel_stand_ins(con)
    for step in OPPORTUNITY_STEPS:
        if step is PROGRAM_TIERS:  # the written tiers are read in Python (word tables), then the SQL step
            build_program_tiers(con)
        else:
            REPORTS_SQL.run(con, step)
        if step is OPPORTUNITY_PLAN:  # the action dates are known: the counterparty in force on them
            reassign_opportunities(con)
    frame = previous if previous is not None else pd.DataFrame(
        {c: pd.Series(dtype="string") for c in PREVIOUS_OPPORTUNITY_COLUMNS})
    REPORTS_SQL.run(con, OPPORTUNITY_CHANGES, frames={"previous_opportunities": frame})
    REPORTS_SQL.run(con, OPPORTUNITY_TABLES_STEP)
    return opportunity_outcome(con, settings)


def opportunity_outcome(con: duckdb.DuckDBPyConnection, settings: ValuationSettings) -> OpportunityOutcome:
    """The counts and totals of the opportunity tables `con` holds."""
    changes = dict(con.execute("SELECT change, count(*) FROM opportunity_changes GROUP BY ALL").fetchall())
    by_kind = dict(con.execute("SELECT kind, count(*) FROM renewal_opportunities GROUP BY kind").fetchall())
    value, weighted, gap_value = con.execute(
        "SELECT coalesce(sum(value) FILTER (WHERE kind IN ('renewal', 'lapsed')), 0), "
        "coalesce(sum(weighted_value) FILTER (WHERE kind IN ('renewal', 'lapsed')), 0), "
        "coalesce(sum(value) FILTER (WHERE kind = 'coverage_gap'), 0) "
        "FROM renewal_opportunities WHERE currency = ?", [settings.currency],
    ).fetchall()[0]
    return OpportunityOutcome(
        opportunities=count_rows(con, "renewal_opportunities"),
        by_kind={str(k): int(v) for k, v in by_kind.items()},
        assets=count_rows(con, "opportunity_assets"),
        value=float(value), weighted_value=float(weighted), gap_value=float(gap_value),
        missed_renewals=count_rows(con, "missed_renewals"),
        installed_base_assets=count_rows(con, "installed_base"),
        changes={str(k): int(v) for k, v in changes.items()},
    )
