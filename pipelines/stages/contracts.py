"""Stage `contracts`: contracts merged across sources, their assets, conflicts, lineage and
renewal chains (their checks: stages/quality_checks.py), and the reassignments of
overrides/assignments.csv by date - reused while their inputs are unchanged, whatever the run's
date; then, every night, what the run's date decides: each contract's status, and the channel
model (partner-program terms by date and who owns each renewal)."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd

from pipelines.stages.context import RunContext
from pipelines.stages.memo import memoised, night_reused, was_reused
from sources.assignment_file import read_assignments
from warehouse.channel import CHANNEL_TABLES, build_channel
from warehouse.comments import apply_comments
from warehouse.contracts import CONTRACT_ANALYST_TABLES, date_contracts
from warehouse.contracts import build_contracts as build_contract_tables
from warehouse.reassign import REASSIGN_TABLES, build_reassignments
from warehouse.sql_runner import count_rows
from warehouse.stage_memo import frame_digest


def build_contracts(run: RunContext) -> dict[str, int]:
    """The contract tables in the warehouse being built; returns counts, by status too. The tables are
    reused from the last warehouse when the resolved tables and overrides/assignments.csv are unchanged -
    the as-of date is no input of theirs: each night then dates them (their statuses) and decides the
    renewal owners by the terms in force (`_date`), which is all a new date changes."""
    assignments = read_assignments(run.home)
    inputs = {"assignments": frame_digest(assignments)}
    counts: dict[str, int] = memoised(run, "contracts", inputs, lambda: _build(run, assignments), _no_counts)
    if not night_reused(run):  # a copy of the last warehouse is dated already
        counts = {**counts, **_date(run, redate=was_reused(run, "contracts"))}
    with run.building() as con:
        status = dict(con.execute("SELECT status, count(*) FROM contracts GROUP BY ALL").fetchall())
        contracts = count_rows(con, "contracts")
    return {"contracts": contracts, **counts, **{f"status_{k}": int(v) for k, v in sorted(status.items())}}


def _no_counts() -> dict[str, int]:
    """A reused stage computed nothing: only the counts read from its tables are reported."""
    return {}


def _build(run: RunContext, assignments: pd.DataFrame) -> dict[str, int]:
    """The contract tables, dated, and the reassignments of overrides/assignments.csv applied."""
    with run.building() as con:
        outcome = build_contract_tables(con)
        reassigned = build_reassignments(con, assignments)
        apply_comments(con, [*CONTRACT_ANALYST_TABLES, *REASSIGN_TABLES])
    return {**asdict(outcome), **{f"reassign_{k}": v for k, v in asdict(reassigned).items()}}


def _date(run: RunContext, *, redate: bool) -> dict[str, int]:
    """What the run's date decides, every night: the statuses of contracts reused from the last warehouse
    (`redate`; a build dated its own), then the partner-program terms and who owns each renewal (the
    terms in force at a contract's end, or on the run's date for a contract without one)."""
    with run.building() as con:
        if redate:
            date_contracts(con)
        channel = build_channel(con, run.config.channel.owners())
        apply_comments(con, ["contracts", *CHANNEL_TABLES])  # contracts has the owner columns now
    owners = {f"owner_{k}": v for k, v in sorted(channel.owners.items())}
    return {"partner_terms": channel.partner_terms, "partners_with_terms": channel.partners_with_terms, **owners}
