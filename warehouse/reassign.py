"""Reassignment without losing history: overrides/assignments.csv applied by date to contracts and
invoice lines, with every change of reseller or bill-to kept in `counterparty_history`.

Runs after the contracts (before the channel model, whose owners read the reseller); the rules are
SQL in warehouse/sql/reassign/, the file's rows come in as a frame (sources.assignment_file).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from warehouse.sql_runner import table_names
from warehouse.steps import (
    ASSIGNED_PARTIES,
    ASSIGNMENT_TARGETS,
    ASSIGNMENTS,
    REASSIGN_APPLY,
    REASSIGN_ITEMS,
    WAREHOUSE_SQL,
)

#: the analyst-facing tables this module creates (all in dictionary.yaml)
REASSIGN_TABLES: tuple[str, ...] = ("counterparty_assignments", "invoice_counterparties", "counterparty_history")
#: assignment_targets' columns, for an empty one in a warehouse built before reassignments
TARGET_COLUMNS = ("assignment_id VARCHAR, role VARCHAR, key_kind VARCHAR, key VARCHAR, to_id VARCHAR, "
                  "to_direct BOOLEAN, effective_date DATE, scope_rank INTEGER, source_row BIGINT")


#: the resolved tables the assignments read, as empty TEMP stand-ins for a build made without them
INPUT_STAND_INS: dict[str, str] = {
    "customers": "customer_id VARCHAR, name VARCHAR",
    "customer_sources": "customer_id VARCHAR, record_id VARCHAR, raw_name VARCHAR",
    "partners": "partner_id VARCHAR, name VARCHAR, role VARCHAR",
    "partner_sources": "partner_id VARCHAR, record_id VARCHAR, raw_name VARCHAR",
    "record_parties": "record_id VARCHAR, customer_id VARCHAR, reseller_id VARCHAR, bill_to_id VARCHAR, "
                      "bill_to_role VARCHAR",
    "quarantine": "source VARCHAR, source_file VARCHAR, source_sheet VARCHAR, source_row BIGINT, reason VARCHAR, "
                  "raw JSON, field VARCHAR, sha256 VARCHAR",
}


@dataclass(frozen=True)
class ReassignOutcome:
    """Counts worth showing in Dagster metadata."""

    assignments: int
    quarantined: int
    contracts_moved: int
    invoice_lines_moved: int
    changes_assigned: int
    changes_observed: int


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchall()[0][0])


def build_reassignments(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame) -> ReassignOutcome:
    """Resolve and apply the assignment rows (sources.assignment_file.read_assignments) in a build.

    Creates counterparty_assignments, invoice_counterparties and counterparty_history, updates the
    contracts' reseller and bill-to in force at their start, and quarantines the rows that cannot be
    used (unknown customer, contract or partner; ambiguous name; a bad field in the file).
    """
    present = table_names(con, temporary=True)
    for table, columns in INPUT_STAND_INS.items():
        if table not in present:
            con.execute(f"CREATE TEMP TABLE {table} ({columns})")
    # text columns as strings whatever they hold: DuckDB 1.4 types an all-null object column INTEGER
    text = [c for c in rows.columns if c not in ("effective_date", "source_row")]
    frame = rows.astype({c: "string" for c in text}).assign(
        effective_date=pd.to_datetime(rows["effective_date"]).dt.date)
    WAREHOUSE_SQL.run(con, ASSIGNMENTS, frames={"assignment_rows": frame})
    WAREHOUSE_SQL.run(con, ASSIGNMENT_TARGETS)
    WAREHOUSE_SQL.run(con, REASSIGN_ITEMS)
    WAREHOUSE_SQL.run(con, ASSIGNED_PARTIES)
    WAREHOUSE_SQL.run(con, REASSIGN_APPLY)
    return ReassignOutcome(
        assignments=_count(con, "SELECT count(*) FROM counterparty_assignments WHERE status = 'applied'"),
        quarantined=_count(con, "SELECT count(*) FROM counterparty_assignments WHERE status = 'quarantined'"),
        contracts_moved=_count(con, "SELECT count(*) FROM contracts WHERE reseller_basis = 'assignment' "
                                    "OR bill_to_assigned_by IS NOT NULL"),
        invoice_lines_moved=_count(con, "SELECT count(*) FROM invoice_counterparties WHERE reseller_id IS DISTINCT "
                                        "FROM written_reseller_id OR bill_to_id IS DISTINCT FROM written_bill_to_id"),
        changes_assigned=_count(con, "SELECT count(*) FROM counterparty_history WHERE source = 'assignment'"),
        changes_observed=_count(con, "SELECT count(*) FROM counterparty_history WHERE source = 'observed'"),
    )


def ensure_assignment_targets(con: duckdb.DuckDBPyConnection) -> None:
    """TEMP assignment_targets in this connection: from counterparty_assignments, or empty when the
    warehouse has none (built before reassignments existed)."""
    if "assignment_targets" in table_names(con, temporary=True):
        return
    if "counterparty_assignments" in table_names(con):
        WAREHOUSE_SQL.run(con, ASSIGNMENT_TARGETS)
    else:
        con.execute(f"CREATE OR REPLACE TEMP TABLE assignment_targets ({TARGET_COLUMNS})")


def assign_parties(con: duckdb.DuckDBPyConnection) -> None:
    """TEMP assigned_parties for the TEMP assignment_items the caller made (item_key, customer_id,
    contract_id, reseller_id, bill_to_id, at_date): the counterparties in force on each item's date."""
    ensure_assignment_targets(con)
    WAREHOUSE_SQL.run(con, ASSIGNED_PARTIES)
