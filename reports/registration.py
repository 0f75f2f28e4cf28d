"""The channel audit: registration problems (`registration_issues`), hardware attach rates
(`attach_rates`) and reseller scorecards (`reseller_scorecards`), valued like the opportunities.

Runs in the warehouse build after the opportunity tables (it reads renewal_opportunities and the
contract values of reports/sql/contract_values.sql); the rules are SQL in reports/sql/registration/.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import duckdb
import pandas as pd

from reports.opportunities import register_valuation
from reports.steps import CONTRACT_VALUES, OPPORTUNITY_PARTIES, REGISTRATION_STEPS, REPORTS_SQL, VALUATION_MACROS
from reports.valuation import ValuationSettings
from warehouse.mentions import mark_self_named
from warehouse.sql_runner import count_rows, replace_table, table_names

#: the tables this module writes (all analyst-facing, all in warehouse/dictionary.yaml)
REGISTRATION_TABLES: tuple[str, ...] = ("registration_issues", "attach_rates", "reseller_scorecards")
#: every kind of registration_issues, in the order the workbook shows them
ISSUE_KINDS: tuple[str, ...] = ("no_end_customer", "conflicting_end_customers", "hardware_without_service",
                                "invoiced_not_in_crm", "crm_not_invoiced")


@dataclass(frozen=True)
class RegistrationSettings:
    """The audit's horizons (days)."""

    audit_days: int = 365         # the period audited and scored: the last 12 months to the as-of date
    attach_days: int = 90         # service sold this many days after the hardware shipped is attached
    risk_days: int = 120          # a scorecard's value at risk: renewals expiring this soon
    invoice_grace_days: int = 30  # a CRM contract started this long ago should be invoiced


@dataclass(frozen=True)
class RegistrationOutcome:
    """Counts worth showing in Dagster metadata."""

    issues: int
    by_kind: dict[str, int]
    value_at_stake: float
    attach_rate_rows: int
    scorecards: int


def _settings_frame(settings: RegistrationSettings) -> pd.DataFrame:
    return pd.DataFrame({k: pd.Series([v], dtype="int32") for k, v in asdict(settings).items()})


def build_registration(con: duckdb.DuckDBPyConnection, valuation: ValuationSettings,
                       settings: RegistrationSettings | None = None) -> RegistrationOutcome:
    """Create attach_rates, registration_issues and reseller_scorecards in the build `con`.

    `con` carries the build settings (run_settings with the valuation rules) and renewal_opportunities;
    the contract values are computed again when this connection did not build the opportunities.
    """
    register_valuation(con, valuation)
    REPORTS_SQL.run(con, VALUATION_MACROS)
    if "rv_contract_values" not in table_names(con, temporary=True):
        REPORTS_SQL.run(con, OPPORTUNITY_PARTIES)
        REPORTS_SQL.run(con, CONTRACT_VALUES)
    replace_table(con, "rg_settings", _settings_frame(settings or RegistrationSettings()), temporary=True)
    mark_self_named(con)  # the rows naming their reseller itself, as customer_mentions.sql reads them
    for step in REGISTRATION_STEPS:
        REPORTS_SQL.run(con, step)
    return registration_outcome(con, valuation)


def registration_outcome(con: duckdb.DuckDBPyConnection, valuation: ValuationSettings) -> RegistrationOutcome:
    """The counts and the value at stake of the registration tables `con` holds."""
    by_kind = dict(con.execute("SELECT kind, count(*) FROM registration_issues GROUP BY ALL").fetchall())
    stake = con.execute("SELECT coalesce(sum(value_at_stake), 0) FROM registration_issues WHERE currency = ?",
                        [valuation.currency]).fetchall()[0][0]
    return RegistrationOutcome(
        issues=count_rows(con, "registration_issues"),
        by_kind={k: int(by_kind.get(k, 0)) for k in ISSUE_KINDS},
        value_at_stake=float(stake),
        attach_rate_rows=count_rows(con, "attach_rates"),
        scorecards=count_rows(con, "reseller_scorecards"),
    )
