"""Asset checks, thin: each runs one Great Expectations suite (pipelines/stages/quality_checks.py)
and reports counts only (failing values stay in out/quality/<check>.json: they may be customer data).

A check that can block fails with ERROR severity when a critical expectation fails: every
downstream asset is skipped, so the build is never published and yesterday's warehouse stays.
Warnings fail with WARN severity: the night goes on and the run summary lists them.
"""

from collections.abc import Callable
from typing import Any

from dagster import AssetCheckResult, AssetCheckSeverity, MetadataValue, asset_check

from pipelines.assets import contracts, customers, renewal_opportunities, source_records
from pipelines.resources import RadarHome
from pipelines.stages import quality_checks as qc
from pipelines.stages.context import RunContext
from pipelines.stages.memory import give_back_memory
from pipelines.stages.quality import CheckOutcome


def _result(outcome: CheckOutcome) -> AssetCheckResult:
    severity = AssetCheckSeverity.WARN if not outcome.passed and not outcome.blocked else AssetCheckSeverity.ERROR
    metadata: dict[str, Any] = {
        "summary": outcome.summary(),
        f"checked ({outcome.unit})": outcome.rows,
        "expectations_met": f"{sum(f.passed for f in outcome.findings)} of {len(outcome.findings)}",
        **{f"failing: {name}": n for name, n in outcome.failures.items()},
        **outcome.metrics,
    }
    if outcome.report is not None:
        metadata["gx_result"] = MetadataValue.path(str(outcome.report))
    return AssetCheckResult(passed=outcome.passed, severity=severity, metadata=metadata,
                            description=outcome.summary())


def _run(check: Callable[[RunContext], CheckOutcome], radar: RadarHome) -> AssetCheckResult:
    try:
        return _result(check(radar.run()))
    finally:
        give_back_memory()  # a check's frame (up to every staged row) is not the next stage's to keep


@asset_check(asset=source_records, blocking=True,
             description="Blocking. Provenance on every record, known kinds, unique ids, the kind's required fields.")
def source_records_complete(radar: RadarHome) -> AssetCheckResult:
    return _run(qc.source_records_complete, radar)


@asset_check(asset=source_records, blocking=True,
             description="Blocking when a source's new rows are mostly quarantined (a changed format); "
                         "a warning when well above the source's own history.")
def quarantine_rate(radar: RadarHome) -> AssetCheckResult:
    return _run(qc.quarantine_rate, radar)


@asset_check(asset=source_records,
             description="Warning. Dates in a sane range, service_end after service_start, no negative amounts.")
def source_records_plausible(radar: RadarHome) -> AssetCheckResult:
    return _run(qc.source_records_plausible, radar)


@asset_check(asset=source_records,
             description="Warning. A source that sent nothing for longer than its usual cadence.")
def source_freshness(radar: RadarHome) -> AssetCheckResult:
    return _run(qc.source_freshness, radar)


@asset_check(asset=customers, description="Warning. Share of each source's records naming a customer that resolved.")
def customers_resolved(radar: RadarHome) -> AssetCheckResult:
    return _run(qc.customers_resolved, radar)


@asset_check(asset=contracts, blocking=True,
             description="Blocking. Contract ids unique, renewal links and lineage consistent.")
def contracts_consistent(radar: RadarHome) -> AssetCheckResult:
    return _run(qc.contracts_consistent, radar)


@asset_check(asset=contracts, blocking=True, description="Blocking. Every contract linked to an existing customer.")
def contracts_linked(radar: RadarHome) -> AssetCheckResult:
    return _run(qc.contracts_linked, radar)


@asset_check(asset=contracts, description="Warning. Contracts end after they start; no negative amounts.")
def contracts_plausible(radar: RadarHome) -> AssetCheckResult:
    return _run(qc.contracts_plausible, radar)


@asset_check(asset=renewal_opportunities, blocking=True,
             description="Blocking. Opportunity values reconcile with their contracts; none negative or orphaned.")
def opportunities_reconcile(radar: RadarHome) -> AssetCheckResult:
    return _run(qc.opportunities_reconcile, radar)
