"""Opportunities with the counterparty in force on their action date: a renewal worked after a
customer moved to another reseller (overrides/assignments.csv) is the new reseller's, one worked
before it the old one's. Runs inside the opportunity build, between the plan and the split."""

from __future__ import annotations

import duckdb

from reports.steps import OPPORTUNITY_REASSIGN_APPLY, OPPORTUNITY_REASSIGN_ITEMS, REPORTS_SQL
from warehouse.reassign import assign_parties
from warehouse.sql_runner import table_names


def reassign_opportunities(con: duckdb.DuckDBPyConnection) -> int:
    """Move rv_opportunities to the reseller in force on their action date; returns how many moved.

    Needs rv_opportunities and rv_plan; a warehouse without counterparty_assignments moves nothing.
    """
    if "counterparty_assignments" not in table_names(con):
        return 0
    REPORTS_SQL.run(con, OPPORTUNITY_REASSIGN_ITEMS)
    assign_parties(con)
    REPORTS_SQL.run(con, OPPORTUNITY_REASSIGN_APPLY)
    return int(con.execute("SELECT count(*) FROM rv_reassigned").fetchall()[0][0])
