"""Data-quality checks on the warehouse being built, run with Great Expectations (GX 1.x).

Blocking checks stop the publish step, so a build that fails them never replaces the live
warehouse. Only counts come back: failing values may be customer data.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pipelines.stages.context import RunContext
from sources.fields import SOURCE_KINDS

logging.getLogger("great_expectations").setLevel(logging.ERROR)
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")  # and would try to phone home


@dataclass(frozen=True)
class CheckOutcome:
    """Whether a check passed, over how many rows, and the failing count per expectation."""

    passed: bool
    rows: int
    failures: dict[str, int] = field(default_factory=dict)


def run_expectations(df: pd.DataFrame, name: str, expectations: list[Any]) -> tuple[bool, dict[str, int]]:
    """Validate `df` against GX expectations; returns success and unexpected counts per expectation."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)  # no tqdm bars in run logs
    batch = (
        context.data_sources.add_pandas(name)
        .add_dataframe_asset(name)
        .add_batch_definition_whole_dataframe(name)
        .get_batch(batch_parameters={"dataframe": df})
    )
    suite = gx.ExpectationSuite(name=name, expectations=expectations)
    result = batch.validate(suite, result_format="SUMMARY")
    counts = {}
    for r in result.results:
        cfg = r.expectation_config
        key = f"{cfg.type}:{cfg.kwargs.get('column', '')}" if cfg is not None else "expectation"
        counts[key] = int((r.result or {}).get("unexpected_count") or 0) if not r.success else 0
    return bool(result.success), counts


def source_record_provenance(run: RunContext) -> CheckOutcome:
    """Every source record names its source, file, a row number from 1, a known kind, a unique id."""
    import great_expectations.expectations as gxe

    with run.building() as con:
        df = con.execute("SELECT record_id, source, source_file, source_row, kind FROM source_records").df()
    ok, counts = run_expectations(df, "source_records", [
        gxe.ExpectColumnValuesToNotBeNull(column="source"),
        gxe.ExpectColumnValuesToNotBeNull(column="source_file"),
        gxe.ExpectColumnValuesToBeBetween(column="source_row", min_value=1),
        gxe.ExpectColumnValuesToBeInSet(column="kind", value_set=list(SOURCE_KINDS)),
        gxe.ExpectColumnValuesToBeUnique(column="record_id"),
    ])
    return CheckOutcome(passed=ok, rows=len(df), failures={k: v for k, v in counts.items() if v})
