"""Files that left the inbox, and files taken out of the ingest store (DESIGN.md, ingested_files).

A stored file the inbox no longer shows (deleted or archived, its source removed from sources.yaml,
or no longer matched by its source's glob) becomes `missing`: its rows stay, since inboxes get
archived, and every run says so. `retract` takes a file's rows out (`retracted`, with when); a
file that comes back, or is delivered again (new bytes or a new modification time), is read
again. `held_status` keeps what the file was before, so a missing file that returns is restored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import duckdb

#: statuses of a file that is neither superseded nor out of the inbox / out of the store
LIVE_STATUSES: tuple[str, ...] = ("loaded", "duplicate", "empty", "error", "needs_mapping")
_LIVE = "(" + ", ".join(f"'{s}'" for s in LIVE_STATUSES) + ")"


@dataclass(frozen=True)
class Absent:
    """A stored file the inbox no longer shows, why, and whether its source retracts it at once."""

    path: str
    reason: str
    retract: bool = False
    source: str = ""


@dataclass(frozen=True)
class Retracted:
    """A file whose rows were taken out: how many records and quarantine rows it held."""

    path: str
    source: str
    rows_loaded: int
    rows_quarantined: int


def stored_files(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    """(source, path, status) of every path's current rows (superseded versions left out)."""
    rows = con.execute(
        "SELECT DISTINCT source, path, status FROM ingested_files WHERE status <> 'superseded' ORDER BY path"
    ).fetchall()
    return [(str(s), str(p), str(st)) for s, p, st in rows]


def settle_absent(con: duckdb.DuckDBPyConnection, present: Iterable[str], absent: Iterable[Absent],
                  now: dt.datetime | None = None) -> list[Retracted]:
    """Before a run reads the inbox: restore missing files that are back, note when retracted files
    left, mark `absent` files missing (or retract them). Returns the files retracted here."""
    now = now or dt.datetime.now()
    absent = list(absent)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE present_paths (path VARCHAR)")
        con.executemany("INSERT INTO present_paths VALUES (?)", [[p] for p in present])
        con.execute("""
            UPDATE ingested_files SET status = held_status, held_status = NULL, missing_since = NULL,
                   status_note = NULL
            WHERE status = 'missing' AND path IN (SELECT path FROM present_paths)""")
        con.execute("""
            UPDATE ingested_files SET missing_since = ?
            WHERE status = 'retracted' AND missing_since IS NULL AND path NOT IN (SELECT path FROM present_paths)""",
                    [now])
        con.execute("DROP TABLE present_paths")
        for a in absent:
            if not a.retract:
                con.execute(
                    f"UPDATE ingested_files SET held_status = status, status = 'missing', missing_since = ?, "
                    f"status_note = ? WHERE path = ? AND status IN {_LIVE}", [now, a.reason, a.path])
        done = _retract(con, [a.path for a in absent if a.retract], now,
                        {a.path: a.reason + "; retracted automatically (retract_missing: true)"
                         for a in absent if a.retract}, missing=True)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return done


def _retract(con: duckdb.DuckDBPyConnection, paths: list[str], now: dt.datetime, notes: Mapping[str, str],
             *, missing: bool = False) -> list[Retracted]:
    """Delete the paths' rows and record them `retracted` (inside the caller's transaction)."""
    done = []
    for path in paths:
        held = con.execute(
            "SELECT any_value(source), coalesce(sum(rows_loaded), 0), coalesce(sum(rows_quarantined), 0) "
            "FROM ingested_files WHERE path = ? AND status NOT IN ('superseded', 'retracted')", [path]).fetchall()
        source, loaded, quarantined = held[0]
        if source is None:
            continue
        con.execute("DELETE FROM source_records WHERE source_file = ?", [path])
        con.execute("DELETE FROM quarantine WHERE source_file = ?", [path])
        con.execute(
            "UPDATE ingested_files SET held_status = CASE WHEN status = 'missing' THEN held_status ELSE status END, "
            "status = 'retracted', retracted_at = ?, status_note = ?, "
            "missing_since = CASE WHEN ? THEN coalesce(missing_since, ?) ELSE missing_since END "
            "WHERE path = ? AND status NOT IN ('superseded', 'retracted')",
            [now, notes.get(path), missing, now, path])
        done.append(Retracted(path, str(source), int(loaded), int(quarantined)))
    return done


def retract(con: duckdb.DuckDBPyConnection, paths: Iterable[str], note: str,
            now: dt.datetime | None = None) -> list[Retracted]:
    """Take the paths' rows out of the store in one transaction (`radar retract`); paths that are
    already retracted, or unknown, are left alone (and not in the result)."""
    paths = list(dict.fromkeys(paths))
    con.execute("BEGIN TRANSACTION")
    try:
        done = _retract(con, paths, now or dt.datetime.now(), dict.fromkeys(paths, note))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return done


def supersede_moved(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """A missing file whose very bytes are now loaded under another path was moved or renamed: its
    rows go (the new path holds them) and it is superseded. Returns (old path, new path) pairs."""
    moved = con.execute("""
        SELECT m.path, min(l.path)
        FROM ingested_files m
        JOIN ingested_files l ON l.sha256 = m.sha256 AND l.path <> m.path AND l.status IN ('loaded', 'empty')
        WHERE m.status = 'missing'
        GROUP BY m.path ORDER BY m.path""").fetchall()
    if not moved:
        return []
    con.execute("BEGIN TRANSACTION")
    try:
        for old, new in moved:
            con.execute("DELETE FROM source_records WHERE source_file = ?", [old])
            con.execute("DELETE FROM quarantine WHERE source_file = ?", [old])
            con.execute("UPDATE ingested_files SET status = 'superseded', duplicate_of = ?, status_note = ? "
                        "WHERE path = ? AND status = 'missing'", [new, f"moved to {new}", old])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return [(str(o), str(n)) for o, n in moved]


#: per missing or retracted path: what it holds (missing) or held (retracted), since when, and why
ABSENT_FILES_SQL = """
SELECT status, source, path, sum(rows_loaded)::BIGINT AS rows_loaded,
       sum(rows_quarantined)::BIGINT AS rows_quarantined, min(missing_since) AS missing_since,
       max(retracted_at) AS retracted_at, any_value(status_note) AS note
FROM ingested_files
WHERE status IN ('missing', 'retracted')
GROUP BY status, source, path
ORDER BY status, source, path
"""
