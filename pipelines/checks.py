"""Asset checks, thin: each runs one Great Expectations suite (pipelines/stages/quality_checks.py)
and reports counts only (failing values stay in out/quality/<check>.json: they may be customer data).

A check that can block fails with ERROR severity when a critical expectation fails: every
downstream asset is skipped, so the build is never published and yesterday's warehouse stays.
Warnings fail with WARN severity: the night goes on and the run summary lists them.
"""

from collections.abc import Callable
from typing import Any

from dagster import AssetCheckExecutionContext, AssetCheckResult, AssetCheckSeverity, MetadataValue, asset_check

from pipelines.assets import contracts, customers, renewal_opportunities, source_records
from pipelines.resources import RadarHome
from pipelines.stages import quality_checks as qc
from pipelines.stages.context import RunContext
from pipelines.stages.memory import give_back_memory
from pipelines.stages.quality import CheckOutcome
from reports.safe_text import clean_str

#: what an ops person does when a blocking check stops the night (the check's own text says what and where)
BLOCKED_REMEDY = (
    "The night stopped before publishing: yesterday's warehouse and out/ stay live. Fix or replace the file at "
    "fault, or take its rows out (`radar retract --home HOME PATH`), and run again; `radar validate --home HOME` "
    "shows how each file reads. Failing values are in the check's gx_result file (they may be customer data)."
)
#: the longest one-line description a check result carries (the whole text is its `summary`)
SHORT = 200


def _table(rows: dict[str, Any], first: str, second: str) -> MetadataValue:
    """Name -> value as a two-column Markdown table (one metadata entry whatever the names: the UI plots each
    numeric key's history, and keys named per source or per unit broke it into one-dot charts)."""
    lines = [f"| {first} | {second} |", "|---|---:|"]
    lines += [f"| {name} | {value:,.4g} |" if isinstance(value, float) else f"| {name} | {value:,} |"
              for name, value in rows.items()]
    return MetadataValue.md("\n".join(lines))


def _result(outcome: CheckOutcome) -> AssetCheckResult:
    """The check's result with the same keys every run: rows checked and expectations failed as numbers (plotted
    from run to run), what failed and the measures as Markdown tables, and what to do when it blocks."""
    severity = AssetCheckSeverity.WARN if not outcome.passed and not outcome.blocked else AssetCheckSeverity.ERROR
    summary = outcome.summary()
    metadata: dict[str, Any] = {
        "summary": summary,
        "rows_checked": MetadataValue.int(outcome.rows),
        "checked": f"{outcome.rows:,} {outcome.unit}",
        "expectations_failed": MetadataValue.int(len(outcome.failures)),
        "expectations_met": f"{sum(f.passed for f in outcome.findings)} of {len(outcome.findings)}",
    }
    if outcome.failures:
        metadata["failing"] = _table(outcome.failures, "expectation", outcome.unit)
    if outcome.metrics:
        metadata["measures"] = _table(outcome.metrics, "measure", "value")
    if outcome.blocked:
        metadata["what_to_do"] = MetadataValue.md(BLOCKED_REMEDY)
    if outcome.report is not None:
        metadata["gx_result"] = MetadataValue.path(str(outcome.report))
    short = summary if len(summary) <= SHORT else summary[: SHORT - 1] + "…"
    return AssetCheckResult(passed=outcome.passed, severity=severity, metadata=metadata, description=short)


def _run(context: AssetCheckExecutionContext, check: Callable[[RunContext], CheckOutcome],
         radar: RadarHome) -> AssetCheckResult:
    """Run one check; a blocking failure is also logged as an error with what to do, so a night the schedule or
    the sensor started says in the UI's run log why it stopped (the terminal of `radar run` said it alone)."""
    try:
        outcome = check(radar.run())
    finally:
        give_back_memory()  # a check's frame (up to every staged row) is not the next stage's to keep
    if outcome.blocked:
        context.log.error(clean_str(f"Blocking check {outcome.check} failed: {outcome.summary()} {BLOCKED_REMEDY}"))
    return _result(outcome)


@asset_check(asset=source_records, blocking=True,
             description="Blocking. Provenance on every record, known kinds, unique ids, the kind's required fields.")
def source_records_complete(context: AssetCheckExecutionContext, radar: RadarHome) -> AssetCheckResult:
    return _run(context, qc.source_records_complete, radar)


@asset_check(asset=source_records, blocking=True,
             description="Blocking when a source's new rows are mostly quarantined (a changed format); "
                         "a warning when well above the source's own history.")
def quarantine_rate(context: AssetCheckExecutionContext, radar: RadarHome) -> AssetCheckResult:
    return _run(context, qc.quarantine_rate, radar)


@asset_check(asset=source_records,
             description="Warning. Dates in a sane range, service_end after service_start, no negative amounts.")
def source_records_plausible(context: AssetCheckExecutionContext, radar: RadarHome) -> AssetCheckResult:
    return _run(context, qc.source_records_plausible, radar)


@asset_check(asset=source_records,
             description="Warning. A source that sent nothing for longer than its usual cadence.")
def source_freshness(context: AssetCheckExecutionContext, radar: RadarHome) -> AssetCheckResult:
    return _run(context, qc.source_freshness, radar)


@asset_check(asset=customers, description="Warning. Share of each source's records naming a customer that resolved.")
def customers_resolved(context: AssetCheckExecutionContext, radar: RadarHome) -> AssetCheckResult:
    return _run(context, qc.customers_resolved, radar)


@asset_check(asset=contracts, blocking=True,
             description="Blocking. Contract ids unique, renewal links and lineage consistent.")
def contracts_consistent(context: AssetCheckExecutionContext, radar: RadarHome) -> AssetCheckResult:
    return _run(context, qc.contracts_consistent, radar)


@asset_check(asset=contracts, blocking=True, description="Blocking. Every contract linked to an existing customer.")
def contracts_linked(context: AssetCheckExecutionContext, radar: RadarHome) -> AssetCheckResult:
    return _run(context, qc.contracts_linked, radar)


@asset_check(asset=contracts, description="Warning. Contracts end after they start; no negative amounts.")
def contracts_plausible(context: AssetCheckExecutionContext, radar: RadarHome) -> AssetCheckResult:
    return _run(context, qc.contracts_plausible, radar)


@asset_check(asset=renewal_opportunities, blocking=True,
             description="Blocking. Opportunity values reconcile with their contracts; none negative or orphaned.")
def opportunities_reconcile(context: AssetCheckExecutionContext, radar: RadarHome) -> AssetCheckResult:
    return _run(context, qc.opportunities_reconcile, radar)
