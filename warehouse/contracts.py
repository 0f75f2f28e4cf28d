"""Contracts consolidated across sources, their assets, conflicts and renewal chains.

One contract per normalised contract number however many sources and lines show it; per field
the most trusted source wins and the losing values are kept in `contract_conflicts`. Every SQL
step is a file in warehouse/sql/; this module only sequences them and links renewals.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from warehouse.renewal_matching import choose_renewals, renewal_weights
from warehouse.sql_runner import count_rows
from warehouse.steps import (
    CONTRACT_CHECKS,
    CONTRACT_COVERAGE,
    CONTRACT_LINES,
    CONTRACT_STATUS,
    CONTRACT_TABLES,
    CONTRACTS_FINAL,
    COVERAGE_FINAL,
    COVERAGE_ROUND,
    RENEWAL_CANDIDATES,
    RENEWAL_UPGRADES,
    WAREHOUSE_SQL,
)

#: the tables this module creates in the warehouse (all analyst-facing, all in dictionary.yaml)
CONTRACT_ANALYST_TABLES: tuple[str, ...] = ("contracts", "contract_sources", "contract_conflicts", "contract_assets")


@dataclass(frozen=True)
class ContractOutcome:
    """Counts worth showing in Dagster metadata."""

    contracts: int
    numbered: int
    evidence_rows: int
    attached_unnumbered_rows: int
    conflicts: int
    contract_assets: int
    contract_assets_inferred: int
    renewals_linked: int


def link_renewals(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The renewal links among contracts_base: candidate pairs found in SQL, the one-to-one links of
    most weight among them (warehouse.renewal_matching)."""
    WAREHOUSE_SQL.run(con, RENEWAL_CANDIDATES)
    candidates = con.execute(
        "SELECT prior_id, next_id, strength, both_numbered, shared_assets, gap_days FROM renewal_candidates "
        "ORDER BY strength DESC, both_numbered DESC, shared_assets DESC, gap_days, prior_id, next_id"
    ).df()
    candidates["weight"] = renewal_weights(candidates["strength"], candidates["both_numbered"],
                                           candidates["shared_assets"], candidates["gap_days"])
    return choose_renewals(candidates)


def link_upgrades(con: duckdb.DuckDBPyConnection, links: pd.DataFrame) -> pd.DataFrame:
    """Renewals that change the service level, known by covering the same units (after coverage)."""
    WAREHOUSE_SQL.run(con, RENEWAL_UPGRADES, frames={"renewal_links": links})
    candidates = con.execute("SELECT prior_id, next_id, gap_days FROM renewal_upgrades "
                             "ORDER BY gap_days, prior_id, next_id").df()
    none = pd.Series(0, index=candidates.index)
    candidates["weight"] = renewal_weights(none + 1, none.astype(bool), none, candidates["gap_days"])
    return choose_renewals(candidates)


def infer_coverage(con: duckdb.DuckDBPyConnection, links: pd.DataFrame, max_rounds: int = 50) -> None:
    """contract_assets: the serials named, then coverage inferred from renewal chains, partial
    renewals and the customers' shipments (rounds of shipments decided until a round adds none)."""
    WAREHOUSE_SQL.run(con, CONTRACT_COVERAGE, frames={"renewal_links": links})
    decided = 0
    for _ in range(max_rounds):
        WAREHOUSE_SQL.run(con, COVERAGE_ROUND)
        now = count_rows(con, "coverage_decided")
        if now == decided:
            break
        decided = now
    WAREHOUSE_SQL.run(con, COVERAGE_FINAL)


def contract_check_failures(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Consistency checks of the contract tables: check name -> failing rows (all 0 when sound)."""
    return {name: int(n) for name, n in con.execute(WAREHOUSE_SQL.text(CONTRACT_CHECKS)).fetchall()}


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchall()[0][0])


def date_contracts(con: duckdb.DuckDBPyConnection) -> None:
    """Set each contract's status as of the run's date (expired, expiring, active): the one part of the
    contract tables a date decides, so a night with only a new date re-dates the tables it reuses."""
    WAREHOUSE_SQL.run(con, CONTRACT_STATUS)


def build_contracts(con: duckdb.DuckDBPyConnection) -> ContractOutcome:
    """Create contracts, contract_sources, contract_conflicts and contract_assets (serial and inferred),
    each contract's status as of the run's date last (`date_contracts`: all the rest depends on no date).

    Needs products, assets and record_parties, and a build connection with its settings
    registered (warehouse.build.connect_building).
    """
    WAREHOUSE_SQL.run(con, CONTRACT_LINES)
    WAREHOUSE_SQL.run(con, CONTRACT_TABLES)
    links = link_renewals(con)
    infer_coverage(con, links)
    links = pd.concat([links, link_upgrades(con, links)], ignore_index=True)
    WAREHOUSE_SQL.run(con, CONTRACTS_FINAL, frames={"renewal_links": links})
    date_contracts(con)
    return ContractOutcome(
        contracts=count_rows(con, "contracts"),
        numbered=_count(con, "SELECT count(*) FROM contracts WHERE numbered"),
        evidence_rows=count_rows(con, "contract_sources"),
        attached_unnumbered_rows=_count(
            con, "SELECT count(*) FROM contract_sources WHERE attach_rule IN ('serial+end_date', 'customer+end_date')"),
        conflicts=count_rows(con, "contract_conflicts"),
        contract_assets=count_rows(con, "contract_assets"),
        contract_assets_inferred=_count(con, "SELECT count(*) FROM contract_assets WHERE basis = 'inferred'"),
        renewals_linked=len(links),
    )
