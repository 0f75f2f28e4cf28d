"""What `radar run` prints at the end: per-source files and rows, files no longer in the inbox, and
where the warehouse is."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from pipelines.cli.console import escape_breaks
from reports.summary import EMPTY_DELIVERY, absent_lines
from warehouse.retraction import ABSENT_FILES_SQL
from warehouse.sql_runner import count_rows, table_names

SOURCE_SUMMARY_SQL = """
SELECT source,
       count(*) FILTER (WHERE status NOT IN ('superseded', 'missing', 'retracted')) AS files,
       count(*) FILTER (WHERE status = 'loaded')                              AS loaded,
       count(*) FILTER (WHERE status = 'duplicate')                           AS duplicate,
       count(*) FILTER (WHERE status = 'empty')                               AS empty,
       count(*) FILTER (WHERE status = 'error')                               AS failed,
       count(*) FILTER (WHERE status = 'needs_mapping')                       AS "need a mapping",
       count(DISTINCT path) FILTER (WHERE status = 'missing')                 AS missing,
       count(DISTINCT path) FILTER (WHERE status = 'retracted')               AS retracted,
       coalesce(sum(rows_loaded) FILTER (WHERE status = 'loaded'), 0)::BIGINT AS "rows loaded",
       coalesce(sum(rows_quarantined) FILTER (WHERE status = 'loaded'), 0)::BIGINT AS "rows quarantined"
FROM ingested_files
GROUP BY source
ORDER BY source
"""

#: columns the source table always shows; the others only when a source has one
_ALWAYS = ("source", "files", "loaded", "rows loaded", "rows quarantined")
SOURCE_TABLE_TITLE = "In the warehouse, by source (every file read so far):"


def source_summary(warehouse: Path) -> pd.DataFrame:
    """Files and rows per source, from the live warehouse, with a total line; the columns of statuses no
    file has (duplicate, empty, failed, need a mapping, missing, retracted) left out."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        df = con.execute(SOURCE_SUMMARY_SQL).df()
    finally:
        con.close()
    if df.empty:
        return df
    total = df.drop(columns="source").sum(numeric_only=True)
    df = pd.concat([df, pd.DataFrame([{"source": "total", **total.to_dict()}])], ignore_index=True)
    shown = [c for c in df.columns if c in _ALWAYS or int(total[c]) > 0]
    return df[shown]




def problem_files(warehouse: Path, limit: int = 10) -> list[str]:
    """The files that could not be read, with why, and the files that came empty (a distributor's month
    with no rows was only counted among "dup/empty/error")."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            "SELECT path, status, error FROM ingested_files WHERE status IN ('error', 'empty') "
            "ORDER BY status DESC, path LIMIT ?", [limit]
        ).fetchall()
    finally:
        con.close()
    return [escape_breaks(f"{path}: {EMPTY_DELIVERY}" if status == "empty" else
                     f"{error}" if error and error.startswith(path) else f"{path}: {error}")
            for path, status, error in rows]


WARNED_FILES_SQL = """
SELECT path, warnings
FROM ingested_files
WHERE status = 'loaded' AND len(warnings) > 0
  AND run_id = coalesce($run_id,
                        (SELECT run_id FROM ingested_files WHERE run_id IS NOT NULL ORDER BY ingested_at DESC LIMIT 1))
ORDER BY path
"""


def warned_files(warehouse: Path, run_id: str | None = None, limit: int = 10, width: int = 220) -> list[str]:
    """The files run `run_id` read with warnings (a column left unmapped, values left blank, a code page
    guessed ...): per file its first warning, cut to `width`, and how many more; then how many more files.
    A night that read no file lists none (an unchanged file's warning is not news); without `run_id`, the
    files of the last run that read any."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(WARNED_FILES_SQL, {"run_id": run_id}).fetchall()
    finally:
        con.close()
    out = []
    for path, warnings in rows[:limit]:
        first = str(warnings[0])
        first = first if first.startswith(path) else f"{path}: {first}"
        first = first if len(first) <= width else first[: width - 1] + "…"
        out.append(escape_breaks(first) + (f" (+{len(warnings) - 1} more)" if len(warnings) > 1 else ""))
    if len(rows) > limit:
        more = len(rows) - limit
        out.append(f"... and {more} more file{'s' if more > 1 else ''} (ingested_files.warnings)")
    return out


def needs_mapping_files(warehouse: Path, max_files: int = 3) -> list[str]:
    """Per source whose files need a `columns:` mapping: the files, and the first one's message
    (headers seen, best candidates, the ready-to-paste block)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            "SELECT source, path, error FROM ingested_files WHERE status = 'needs_mapping' ORDER BY source, path"
        ).fetchall()
    finally:
        con.close()
    by_source: dict[str, list[tuple[str, str]]] = {}
    for source, path, error in rows:
        by_source.setdefault(source, []).append((path, error or ""))
    out = []
    for source, files in by_source.items():
        paths = ", ".join(p for p, _ in files[:max_files]) + (
            f" and {len(files) - max_files} more" if len(files) > max_files else "")
        message = files[0][1].removeprefix(files[0][0]).lstrip(": ")
        block = "\n".join("    " + line for line in message.splitlines())
        out.append(f"source '{source}' ({len(files)} file{'s' if len(files) > 1 else ''}: {paths}):\n{block}")
    return out


def absent_files(warehouse: Path, limit: int = 20) -> tuple[list[str], list[str]]:
    """(missing, retracted): a line per inbox file no longer read, with the rows it holds or held
    (the first `limit` of each, then how many more)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        files = con.execute(ABSENT_FILES_SQL).df()
    finally:
        con.close()

    def first(status_missing: bool) -> list[str]:
        part = files[(files["status"] == "missing") == status_missing]
        more = len(part) - limit
        status = "missing" if status_missing else "retracted"
        return absent_lines(part.head(limit)) + (
            [f"... and {more:,} more (ingested_files, status '{status}')"] if more > 0 else [])

    return first(True), first(False)


#: what the run resolved: label -> the table whose rows are counted
ENTITY_TABLES: dict[str, str] = {
    "customers": "customers",
    "partners": "partners",
    "assets": "assets",
    "contracts": "contracts",
    "opportunities of every kind (renewals, win-backs, coverage gaps, co-terms)": "renewal_opportunities",
}


def entity_counts(warehouse: Path) -> dict[str, int]:
    """How many customers, partners, assets, contracts and opportunities the warehouse holds."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        present = table_names(con)
        return {label: count_rows(con, t) for label, t in ENTITY_TABLES.items() if t in present}
    finally:
        con.close()


#: the review queue's pairs, and the open value of the distinct customers in them (a customer in several
#: pairs counted once; match_review's value_at_stake is per pair)
REVIEW_VALUE_SQL = """
WITH queued AS (
    SELECT left_customer_id AS customer_id, currency FROM match_review
    UNION
    SELECT right_customer_id, currency FROM match_review
)
SELECT (SELECT count(*) FROM match_review),
       (SELECT sum(o.value) FROM renewal_opportunities AS o
        WHERE o.kind IN ('renewal', 'lapsed', 'coverage_gap')
          AND EXISTS (SELECT 1 FROM queued AS q WHERE q.customer_id = o.customer_id AND q.currency = o.currency))
"""


def review_summary(warehouse: Path, listed: int | None = None, limit: int = 10) -> list[str]:
    """The review queue's length (and that out/match_review.xlsx lists its first `listed` pairs when it
    is longer), and what became of the marks this run read from out/match_review.xlsx: how many it
    applied, skipped, and which it could not apply (with why)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        present = table_names(con)
        lines = []
        if "review_marks" in present:
            marks = con.execute("SELECT status, left_record_id, right_record_id, mark, workbook_row, reason "
                                "FROM review_marks ORDER BY workbook_row").fetchall()
            if marks:
                counts = {s: sum(1 for m in marks if m[0] == s) for s in ("applied", "skipped", "not applied")}
                lines.append(f"Review marks read from out/match_review.xlsx: {counts['applied']} applied "
                             f"(recorded in overrides/match_review.csv), {counts['skipped']} skipped, "
                             f"{counts['not applied']} could not be applied")
                lines += [f"  row {row}: {left} / {right} marked {mark!r} not applied: {reason}"
                          for status, left, right, mark, row, reason in marks if status == "not applied"][:limit]
        if "match_review" in present:
            n, value = con.execute(REVIEW_VALUE_SQL).fetchall()[0]
            where = ("out/match_review.xlsx" if listed is None or n <= listed
                     else f"the match_review table, the first {listed:,} listed in out/match_review.xlsx")
            lines.append(f"Review queue: {n:,} pair{'s' if n != 1 else ''} to decide in {where}"
                         + (f" ({float(value):,.0f} of open value at stake)" if n and value else ""))
        return lines
    finally:
        con.close()
