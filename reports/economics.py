"""Profitability on both sides of the channel: `partner_economics` (per reseller and quarter) and
`customer_economics` (per end customer and quarter) - revenue, vendor and partner share, renewal
rate and lapse value, each attributed to the counterparty in force on its date (reassignments too).

Runs in the warehouse being built after the opportunities (it re-derives the contract values the
opportunity build uses, so both read one valuation); the rules are reports/sql/economics.sql.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from reports.opportunities import channel_stand_ins, register_valuation
from reports.program_tiers import build_program_tiers
from reports.steps import (
    CONTRACT_VALUES,
    ECONOMICS,
    ECONOMICS_ITEMS,
    OPPORTUNITY_PARTIES,
    PROGRAM_TIERS,
    REPORTS_SQL,
    VALUATION_MACROS,
)
from reports.valuation import ValuationSettings
from warehouse.reassign import assign_parties

#: the analyst-facing tables this module writes (all in warehouse/dictionary.yaml)
ECONOMICS_TABLES: tuple[str, ...] = ("partner_economics", "customer_economics", "economics_lines")


@dataclass(frozen=True)
class EconomicsOutcome:
    """Headline figures worth showing in Dagster metadata (reporting currency)."""

    partner_rows: int
    customer_rows: int
    revenue: float
    partner_share: float
    lapse_value: float
    renewal_rate: float | None


def build_economics(con: duckdb.DuckDBPyConnection, settings: ValuationSettings) -> EconomicsOutcome:
    """Create partner_economics, customer_economics and economics_lines (contracts and channel tables built)."""
    register_valuation(con, settings)
    channel_stand_ins(con)
    for step in (VALUATION_MACROS, OPPORTUNITY_PARTIES, PROGRAM_TIERS, CONTRACT_VALUES, ECONOMICS_ITEMS):
        if step is PROGRAM_TIERS:
            build_program_tiers(con)
        else:
            REPORTS_SQL.run(con, step)
    assign_parties(con)
    REPORTS_SQL.run(con, ECONOMICS)
    return economics_outcome(con, settings)


def economics_outcome(con: duckdb.DuckDBPyConnection, settings: ValuationSettings) -> EconomicsOutcome:
    """The counts and totals of the economics tables `con` holds."""
    partner_rows, customer_rows = (int(con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0])
                                   for t in ECONOMICS_TABLES[:2])
    revenue, share, lapse, due, renewed = con.execute(
        "SELECT coalesce(sum(revenue), 0), coalesce(sum(partner_share), 0), coalesce(sum(lapse_value), 0), "
        "sum(due), sum(renewed) FROM partner_economics WHERE currency = ?", [settings.currency]).fetchall()[0]
    return EconomicsOutcome(partner_rows=partner_rows, customer_rows=customer_rows, revenue=float(revenue),
                            partner_share=float(share), lapse_value=float(lapse),
                            renewal_rate=round(float(renewed) / float(due), 4) if due else None)
