"""Stage `contracts`: contracts merged across sources, their assets, conflicts, lineage and
renewal chains, with status as of the run's date (their checks: stages/quality_checks.py)."""

from __future__ import annotations

from dataclasses import asdict

from pipelines.stages.context import RunContext
from warehouse.comments import apply_comments
from warehouse.contracts import CONTRACT_ANALYST_TABLES
from warehouse.contracts import build_contracts as build_contract_tables


def build_contracts(run: RunContext) -> dict[str, int]:
    """The contract tables in the warehouse being built; returns counts, by status too."""
    with run.building() as con:
        outcome = build_contract_tables(con)
        apply_comments(con, list(CONTRACT_ANALYST_TABLES))
        status = dict(con.execute("SELECT status, count(*) FROM contracts GROUP BY ALL").fetchall())
    return {**asdict(outcome), **{f"status_{k}": int(v) for k, v in sorted(status.items())}}

