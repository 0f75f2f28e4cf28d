"""The ingest store: which inbox files were read, and the records and quarantine rows they gave.

A file is identified by its path, content hash and the fingerprint of its source's settings.
Unchanged files are skipped, byte-identical copies under another name are `duplicate`, and a
new version of a path replaces the old version's rows in the same transaction that records it.
A version that yields no rows (`error`, or `needs_mapping` with no sheet read) leaves the last
good rows in place; each path has one current row, the others are `superseded`. Files that left
the inbox (`missing`) or were taken out (`retracted`) are warehouse.retraction's.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.budget import UNBOUNDED, DuckDBBudget
from warehouse.replaced_lines import replaced_lines
from warehouse.sql_runner import literal
from warehouse.steps import INGEST_SCHEMA, WAREHOUSE_SQL

RECORD_ID_SQL = "substr(md5(source_file || '#' || coalesce(source_sheet, '') || '#' || source_row::VARCHAR), 1, 16)"


#: the format a new ingest store is written in: the oldest DuckDB the project allows reads it, so going
#: back from DuckDB 2.x to 1.4 keeps the store (a store in 2.x's own format reads as damaged there, and
#: every inbox file would be read again, the rows of files no longer in the inbox lost)
INGEST_STORAGE_VERSION = "v1.4.0"


def open_ingest(path: Path, budget: DuckDBBudget = UNBOUNDED) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed, in `INGEST_STORAGE_VERSION`'s format) the ingest store, held to `budget`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        maker = duckdb.connect()
        try:
            maker.execute(f"ATTACH {literal(str(path))} AS store (STORAGE_VERSION {literal(INGEST_STORAGE_VERSION)})")
        finally:
            maker.close()
    con = budget.connect(str(path))
    WAREHOUSE_SQL.run(con, INGEST_SCHEMA)
    # the schema goes to the file at once: DuckDB 1.4.0 cannot replay a WAL that creates a table with
    # a DEFAULT expression, so a first run killed before its first checkpoint left a store that would not open
    con.execute("CHECKPOINT")
    return con


@dataclass(frozen=True)
class Candidate:
    """A file found in the inbox, as the ingest store sees it."""

    source: str
    path: str
    sha256: str
    fingerprint: str
    modified_at: dt.datetime | None = None


def plan(con: duckdb.DuckDBPyConnection, candidates: list[Candidate]) -> dict[str, tuple[str, str | None]]:
    """Decide per path: ("skip", None), ("duplicate", other_path) or ("read", None).

    A retracted file is skipped while it stays as it was (same bytes, same modification time, never
    gone from the inbox since); delivered again, it is read again. A missing file is never current.
    """
    seen = con.execute(
        "SELECT path, sha256, fingerprint, status, modified_at, missing_since, duplicate_of FROM ingested_files "
        "WHERE status NOT IN ('superseded', 'missing')"
    ).fetchall()
    # a file that held no line (a header alone: a month with no sales) is no original another file copies: two
    # sources' empty months have the same bytes, and neither is the other sent again
    loaded_by_sha: dict[str, str] = {}
    for p, s, _, status, _, _, _ in seen:
        if status == "loaded":
            loaded_by_sha.setdefault(s, p)
    loaded_paths = set(loaded_by_sha.values())
    # a duplicate of a file that was never loaded (it failed: "pos_may.xls" holding an xlsx) is not done
    # with: it is planned again, and read when no loaded file holds its bytes
    current = {(p, s, f) for p, s, f, status, _, _, of in seen
               if status != "retracted" and (status != "duplicate" or of in loaded_paths)}
    kept_out = {(p, s, m) for p, s, _, status, m, gone, _ in seen if status == "retracted" and gone is None}
    out: dict[str, tuple[str, str | None]] = {}
    for c in candidates:
        if (c.path, c.sha256, c.fingerprint) in current or (c.path, c.sha256, c.modified_at) in kept_out:
            out[c.path] = ("skip", None)
        elif c.sha256 in loaded_by_sha and loaded_by_sha[c.sha256] != c.path:
            out[c.path] = ("duplicate", loaded_by_sha[c.sha256])
        else:
            out[c.path] = ("read", None)
            loaded_by_sha.setdefault(c.sha256, c.path)
    return out


def replaces_rows(status: str, rows: int) -> bool:
    """Whether a new version with this outcome replaces the path's stored rows: it does when it
    was read (loaded, empty, or partly read while a sheet needs a mapping); an unreadable one does not."""
    return status in ("loaded", "empty") or (status == "needs_mapping" and rows > 0)


def record_file(
    con: duckdb.DuckDBPyConnection,
    file_row: dict[str, Any],
    records: pa.Table | None = None,
    quarantine: pa.Table | None = None,
) -> str | None:
    """Store one file's outcome atomically; a version that was read supersedes the path's old rows
    (see `replaces_rows`), and any outcome supersedes the path's earlier rows that held no rows.
    Returns the warning of a new version that drops or alters the old one's lines (`replaced_lines`)."""
    row = dict(file_row)
    note = None
    row["sheets"] = json.dumps(row.get("sheets") or [], default=str)
    row["detected"] = json.dumps(row.get("detected") or {}, default=str)
    row.setdefault("warnings", [])
    for count in ("rows_read", "rows_loaded", "rows_quarantined", "rows_blank", "rows_total"):
        row[count] = int(row.get(count) or 0)
    columns = [
        "source", "path", "sha256", "size_bytes", "modified_at", "rows_read", "rows_loaded",
        "rows_quarantined", "rows_blank", "rows_total", "status", "error", "duplicate_of",
        "warnings", "sheets", "detected", "fingerprint", "run_id",
    ]
    con.execute("BEGIN TRANSACTION")
    try:
        if replaces_rows(row["status"], row["rows_loaded"] + row["rows_quarantined"]):
            changes = replaced_lines(con, row["path"], row["sha256"], records)
            note = changes.note() if changes else None
            if note:  # first: the terminal cuts a long list of warnings
                row["warnings"] = [note, *row["warnings"]]
            con.execute("DELETE FROM source_records WHERE source_file = ?", [row["path"]])
            con.execute("DELETE FROM quarantine WHERE source_file = ?", [row["path"]])
            con.execute("UPDATE ingested_files SET status = 'superseded' WHERE path = ? AND status <> 'superseded'",
                        [row["path"]])
        else:  # the last good rows stay, and so does the row that describes them
            con.execute(
                "UPDATE ingested_files SET status = 'superseded' WHERE path = ? AND status <> 'superseded' "
                "AND rows_loaded + rows_quarantined = 0 AND status NOT IN ('loaded', 'empty')",
                [row["path"]],
            )
        con.execute(
            f"INSERT INTO ingested_files ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [row.get(c) for c in columns],
        )
        if records is not None and records.num_rows:
            con.register("incoming_records", records)
            con.execute(
                f"INSERT INTO source_records BY NAME "
                f"SELECT {RECORD_ID_SQL} AS record_id, ? AS sha256, * FROM incoming_records",
                [row["sha256"]],
            )
            con.unregister("incoming_records")
        if quarantine is not None and quarantine.num_rows:
            con.register("incoming_quarantine", quarantine)
            con.execute(
                "INSERT INTO quarantine BY NAME SELECT ? AS sha256, * FROM incoming_quarantine", [row["sha256"]]
            )
            con.unregister("incoming_quarantine")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return note
