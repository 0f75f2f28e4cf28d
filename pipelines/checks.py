"""Asset checks, thin: each calls one dagster-free check (pipelines/stages/) and reports counts only.

Blocking checks stop every downstream asset, so a build that fails them is never published.
"""

from dagster import AssetCheckResult, AssetCheckSeverity, asset_check

from pipelines.assets import contracts, source_records
from pipelines.resources import RadarHome
from pipelines.stages.contracts import check_contracts
from pipelines.stages.quality import source_record_provenance


@asset_check(asset=source_records, blocking=True, description="Provenance is complete on every source record.")
def source_records_provenance(radar: RadarHome) -> AssetCheckResult:
    outcome = source_record_provenance(radar.run())
    return AssetCheckResult(
        passed=outcome.passed, severity=AssetCheckSeverity.ERROR,
        metadata={"rows": outcome.rows, **outcome.failures},
    )


@asset_check(asset=contracts, blocking=True, description="Contract ids unique, renewal links and lineage consistent.")
def contracts_consistent(radar: RadarHome) -> AssetCheckResult:
    failures = check_contracts(radar.run())
    return AssetCheckResult(
        passed=not any(failures.values()), severity=AssetCheckSeverity.ERROR,
        metadata={name: n for name, n in failures.items() if n},
    )
