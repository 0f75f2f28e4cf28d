"""What a check's result shows in the Dagster UI: the same keys every run (rows checked and expectations failed as
numbers the UI plots from run to run; per-source rates and what failed as Markdown tables: keys named per source or
per unit broke the history into one-dot charts), a short description, and - when it blocks - what to do, also
logged as an error so a scheduled night's run log says why it stopped."""

from __future__ import annotations

from dagster import AssetCheckSeverity, MetadataValue

from pipelines.checks import BLOCKED_REMEDY, SHORT, _result
from pipelines.stages.quality import CRITICAL, WARNING, CheckOutcome, Finding


def _outcome(passed: bool, severity: str, metrics: dict[str, float]) -> CheckOutcome:
    findings = [Finding("quarantine rate under 50% per source", "source", severity, passed, 17, 0 if passed else 1),
                Finding("rows have provenance", "source_file", CRITICAL, True, 17, 0)]
    return CheckOutcome("quarantine_rate", "source_records", 17, findings, metrics=metrics, unit="sources")


def test_a_passing_and_a_blocking_result_carry_the_same_keys() -> None:
    calm = _result(_outcome(True, CRITICAL, {"rate_westbridge": 0.004}))
    stopped = _result(_outcome(False, CRITICAL, {"rate_westbridge": 0.88, "rate_pacific": 0.01}))
    for result in (calm, stopped):
        assert result.metadata["rows_checked"] == MetadataValue.int(17)
        assert result.metadata["checked"].value == "17 sources"
        assert not any(key.startswith(("rate_", "checked (", "failing: ")) for key in result.metadata)
    assert stopped.metadata["expectations_failed"] == MetadataValue.int(1)
    assert "| rate_westbridge | 0.88 |" in stopped.metadata["measures"].value
    assert "| quarantine rate under 50% per source | 1 |" in stopped.metadata["failing"].value
    assert stopped.severity == AssetCheckSeverity.ERROR and stopped.metadata["what_to_do"].value == BLOCKED_REMEDY
    assert "what_to_do" not in calm.metadata and "failing" not in calm.metadata


def test_a_warning_says_what_in_a_short_description_and_all_of_it_in_the_summary() -> None:
    outcome = _outcome(False, WARNING, {})
    result = _result(outcome)
    assert result.severity == AssetCheckSeverity.WARN and "what_to_do" not in result.metadata
    assert result.metadata["summary"].value == outcome.summary() and len(result.description or "") <= SHORT
