"""What the inbox sensor decides, without Dagster: which new or changed inbox files form a settled
batch worth a run, and the cursor (file -> size, mtime, sha256) that remembers what was seen.

A file is hashed only when its size or mtime moved, so a look at a large inbox stays cheap. A batch
runs only when every changed file has been left untouched for the quiet period (a file still being
copied is never read), and its run key hashes each file's previous and new content, so the same
delivery never runs twice while a file that changes back still does.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from sources.config import SourceConfig
from sources.inbox import ListedFile, list_inbox, sha256_of


@dataclass(frozen=True)
class Seen:
    """What the sensor last saw of one file."""

    size: int
    mtime: float
    sha256: str


@dataclass(frozen=True)
class InboxDecision:
    """A batch to run (empty: none), the cursor to keep, and why, for the sensor's tick log."""

    batch: list[str]
    run_key: str | None
    cursor: dict[str, Seen]
    reason: str
    waiting: list[str] = field(default_factory=list)


#: a compressed cursor starts with this (the UI shows the cursor: one line, not a page per hundred files)
CURSOR_PREFIX = "zjson:"


def encode_cursor(cursor: Mapping[str, Seen]) -> str:
    """The cursor as zlib-compressed JSON {relpath: [size, mtime, sha256]}, base64 text."""
    text = json.dumps({p: [s.size, s.mtime, s.sha256] for p, s in sorted(cursor.items())}, separators=(",", ":"))
    return CURSOR_PREFIX + base64.b64encode(zlib.compress(text.encode(), 9)).decode()


def decode_cursor(text: str | None) -> dict[str, Seen]:
    """The cursor back (compressed or plain JSON); an empty or unreadable cursor is an empty one."""
    if not text:
        return {}
    try:
        if text.startswith(CURSOR_PREFIX):
            text = zlib.decompress(base64.b64decode(text[len(CURSOR_PREFIX):])).decode()
        raw = json.loads(text)
        return {str(p): Seen(int(v[0]), float(v[1]), str(v[2])) for p, v in raw.items()}
    except (ValueError, TypeError, IndexError, AttributeError, zlib.error):
        return {}


def ingested_versions(ingest_store: Path) -> dict[str, str]:
    """path -> sha256 of every file version the ingest store already holds (a CLI run read them),
    so a first look after `radar run` starts no needless run. Empty if the store is absent or busy."""
    if not ingest_store.exists():
        return {}
    try:
        con = duckdb.connect(str(ingest_store), read_only=True)
    except duckdb.Error:
        return {}
    try:
        rows = con.execute("SELECT path, sha256 FROM ingested_files WHERE status <> 'superseded'").fetchall()
    except duckdb.Error:
        return {}
    finally:
        con.close()
    return {str(p): str(s) for p, s in rows}


def _run_key(changes: Sequence[tuple[str, str | None, str]]) -> str:
    text = "\n".join(f"{path}\t{old or ''}\t{new}" for path, old, new in sorted(changes))
    return "inbox-" + hashlib.sha256(text.encode()).hexdigest()[:24]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def decide(listed: Sequence[ListedFile], cursor: Mapping[str, Seen], now: float, quiet_seconds: float,
           baseline: Mapping[str, str] | None = None) -> InboxDecision:
    """The sensor's decision for one look at the inbox (see the module docstring)."""
    baseline = baseline or {}
    kept: dict[str, Seen] = {}
    moved: list[ListedFile] = []
    for f in listed:
        prev = cursor.get(f.relpath)
        if prev is not None and prev.size == f.size_bytes and prev.mtime == f.modified_at:
            kept[f.relpath] = prev
        else:
            moved.append(f)
    if not moved:
        return InboxDecision([], None, kept, f"no new or changed file among {_plural(len(listed), 'inbox file')}")
    waiting = sorted(f.relpath for f in moved if now - f.modified_at < quiet_seconds)
    if waiting:
        return InboxDecision(
            [], None, dict(cursor),
            f"{_plural(len(waiting), 'file')} still changing (e.g. {waiting[0]}); waiting until each has been "
            f"untouched for {quiet_seconds:g} s", waiting)
    changes: list[tuple[str, str | None, str]] = []
    for f in moved:
        sha = sha256_of(f.path)
        prev = cursor.get(f.relpath)
        old = prev.sha256 if prev is not None else baseline.get(f.relpath)
        kept[f.relpath] = Seen(f.size_bytes, f.modified_at, sha)
        if sha != old:
            changes.append((f.relpath, old, sha))
    if not changes:
        known = sum(f.relpath in cursor for f in moved)
        why = [f"{_plural(known, 'file')} touched but unchanged in content"] if known else []
        why += [f"{_plural(len(moved) - known, 'file')} already read by an earlier run"] if len(moved) > known else []
        return InboxDecision([], None, kept, "; ".join(why))
    batch = sorted(path for path, _, _ in changes)
    return InboxDecision(batch, _run_key(changes), kept,
                         f"{_plural(len(batch), 'new or changed file')}, settled: {', '.join(batch[:5])}"
                         + (" ..." if len(batch) > 5 else ""))


def watch_inbox(home: Path, sources: Sequence[SourceConfig], cursor_text: str | None, now: float,
                quiet_seconds: float, ingest_store: Path | None = None) -> InboxDecision:
    """List the home's inbox and decide (the ingest store is the baseline for files the cursor lacks)."""
    cursor = decode_cursor(cursor_text)
    listed = list_inbox(home, sources)
    needs_baseline = ingest_store is not None and any(f.relpath not in cursor for f in listed)
    baseline = ingested_versions(ingest_store) if needs_baseline and ingest_store is not None else {}
    return decide(listed, cursor, now, quiet_seconds, baseline)
