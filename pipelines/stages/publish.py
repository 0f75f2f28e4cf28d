"""Stage `publish`: check the finished build is documented, stamp it, and swap it in atomically."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipelines.stages.context import RunContext
from warehouse.build import publish
from warehouse.comments import apply_comments, uncommented
from warehouse.sql_runner import table_names
from warehouse.stage_memo import FINGERPRINTS

BUILD_INFO = "build_info"


def publish_warehouse(run: RunContext) -> Path:
    """Make the build the live warehouse.duckdb; every table of it is analyst-facing, so each
    table and column must carry a comment first. Writes `build_info` (the run's as-of date)."""
    with run.building() as con:
        con.execute(
            "CREATE OR REPLACE TABLE build_info AS SELECT ?::DATE AS as_of_date, ?::VARCHAR AS currency, "
            "?::TIMESTAMP AS built_at, ?::VARCHAR AS run_id",
            [run.as_of, run.config.currency, dt.datetime.now(dt.UTC).replace(tzinfo=None), run.run_id],
        )
        apply_comments(con, [BUILD_INFO, *([FINGERPRINTS] if FINGERPRINTS in table_names(con) else [])])
        missing = uncommented(con, sorted(table_names(con)))
    if missing:
        raise ValueError(f"analyst-facing columns without a comment: {missing}")
    return publish(run.paths)
