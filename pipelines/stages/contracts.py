"""Stage `contracts`: contracts merged across sources, their assets, conflicts, lineage and
renewal chains, with status as of the run's date (their checks: stages/quality_checks.py); then
the reassignments of overrides/assignments.csv by date, and the channel model: partner-program
terms by date and who owns each renewal."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd

from pipelines.stages.context import RunContext
from pipelines.stages.memo import memoised
from sources.assignment_file import read_assignments
from warehouse.channel import CHANNEL_TABLES, build_channel
from warehouse.comments import apply_comments
from warehouse.contracts import CONTRACT_ANALYST_TABLES
from warehouse.contracts import build_contracts as build_contract_tables
from warehouse.reassign import REASSIGN_TABLES, build_reassignments
from warehouse.sql_runner import count_rows
from warehouse.stage_memo import frame_digest


def build_contracts(run: RunContext) -> dict[str, int]:
    """The contract tables in the warehouse being built; returns counts, by status too. Reused from the
    last warehouse when the resolved tables, the as-of date and overrides/assignments.csv are unchanged."""
    assignments = read_assignments(run.home)
    inputs = {"as_of": run.as_of.isoformat(), "assignments": frame_digest(assignments)}
    counts: dict[str, int] = memoised(run, "contracts", inputs, lambda: _build(run, assignments), _no_counts)
    with run.building() as con:
        status = dict(con.execute("SELECT status, count(*) FROM contracts GROUP BY ALL").fetchall())
        contracts = count_rows(con, "contracts")
    return {"contracts": contracts, **counts, **{f"status_{k}": int(v) for k, v in sorted(status.items())}}


def _no_counts() -> dict[str, int]:
    """A reused stage computed nothing: only the counts read from its tables are reported."""
    return {}


def _build(run: RunContext, assignments: pd.DataFrame) -> dict[str, int]:
    with run.building() as con:
        outcome = build_contract_tables(con)
        reassigned = build_reassignments(con, assignments)
        channel = build_channel(con, run.config.channel.owners())
        apply_comments(con, [*CONTRACT_ANALYST_TABLES, *CHANNEL_TABLES, *REASSIGN_TABLES])
    owners = {f"owner_{k}": v for k, v in sorted(channel.owners.items())}
    return {**asdict(outcome), "partner_terms": channel.partner_terms,
            "partners_with_terms": channel.partners_with_terms, **owners,
            **{f"reassign_{k}": v for k, v in asdict(reassigned).items()}}
