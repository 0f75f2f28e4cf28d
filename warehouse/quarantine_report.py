"""What the quarantine of a run says about one source: its worst file and an example reason, for the check that
stops a night when a source's new rows are mostly quarantined (it named the source and its rate only)."""

from __future__ import annotations

import duckdb

from warehouse.steps import WAREHOUSE_SQL


def worst_files(con: duckdb.DuckDBPyConnection, paths: list[str]) -> dict[str, str]:
    """Per source, its file among `paths` (the files a night judges) with the most quarantined rows, how many
    of its rows, and the reason of its first quarantined row (which names the row and the field)."""
    rows = con.execute(WAREHOUSE_SQL.text("checks/worst_quarantined_files.sql"), [paths]).fetchall()
    return {source: f"most in {path} ({quarantined:,} of {total:,} rows; e.g. {reason})"
            for source, path, quarantined, total, reason in rows}
