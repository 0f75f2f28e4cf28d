"""Stage `contracts`: contracts merged across sources, their assets, conflicts, lineage and
renewal chains, with status as of the run's date (their checks: stages/quality_checks.py); then
the reassignments of overrides/assignments.csv by date, and the channel model: partner-program
terms by date and who owns each renewal."""

from __future__ import annotations

from dataclasses import asdict

from pipelines.stages.context import RunContext
from sources.assignment_file import read_assignments
from warehouse.channel import CHANNEL_TABLES, build_channel
from warehouse.comments import apply_comments
from warehouse.contracts import CONTRACT_ANALYST_TABLES
from warehouse.contracts import build_contracts as build_contract_tables
from warehouse.reassign import REASSIGN_TABLES, build_reassignments


def build_contracts(run: RunContext) -> dict[str, int]:
    """The contract tables in the warehouse being built; returns counts, by status too."""
    with run.building() as con:
        outcome = build_contract_tables(con)
        reassigned = build_reassignments(con, read_assignments(run.home))
        channel = build_channel(con, run.config.channel.owners())
        apply_comments(con, [*CONTRACT_ANALYST_TABLES, *CHANNEL_TABLES, *REASSIGN_TABLES])
        status = dict(con.execute("SELECT status, count(*) FROM contracts GROUP BY ALL").fetchall())
    return {**asdict(outcome), **{f"status_{k}": int(v) for k, v in sorted(status.items())},
            "partner_terms": channel.partner_terms, "partners_with_terms": channel.partners_with_terms,
            **{f"owner_{k}": v for k, v in sorted(channel.owners.items())},
            **{f"reassign_{k}": v for k, v in asdict(reassigned).items()}}

