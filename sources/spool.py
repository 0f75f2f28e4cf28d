"""Readings made ahead of their turn, kept on disk until the one-by-one ingest takes them.

A reading of an inbox file done elsewhere (a Dagster partition step, in another process or on
another machine sharing the home) is stored under a key of the file's path, its bytes' sha256 and
its source's fingerprint, with the partner names the reader looked up (`ProbedPartnerNames`). The
ingest keeps it only when those lookups answer alike with the names known at the file's turn
(`read_ahead.read_in_order`), so a spooled reading never changes what the ingest stores.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sources.content import ProbedPartnerNames
from sources.reader import FileOutcome

SUFFIX = ".reading"


@dataclass(frozen=True)
class SpoolKey:
    """What a reading depends on besides the partner names: the file and how its source is read."""

    relpath: str
    sha256: str
    fingerprint: str

    def filename(self) -> str:
        digest = hashlib.sha256("\0".join((self.relpath, self.sha256, self.fingerprint)).encode()).hexdigest()
        return digest[:32] + SUFFIX


def store_reading(spool: Path, key: SpoolKey, outcome: FileOutcome, probed: ProbedPartnerNames) -> Path:
    """Write one reading atomically (a reader of the spool never sees half a file); returns its path."""
    spool.mkdir(parents=True, exist_ok=True)
    target = spool / key.filename()
    fd, tmp = tempfile.mkstemp(dir=spool, prefix=".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            pickle.dump((key, outcome, probed), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def load_reading(spool: Path, key: SpoolKey) -> tuple[FileOutcome, ProbedPartnerNames] | None:
    """The reading stored for `key`, or None when there is none or it cannot be used (another key
    under the same name, a truncated or foreign file: the file is then simply read again)."""
    path = spool / key.filename()
    try:
        with path.open("rb") as stored:
            found, outcome, probed = pickle.load(stored)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - any unreadable spool file only means reading the inbox file again
        return None
    if found != key or not isinstance(outcome, FileOutcome) or not isinstance(probed, ProbedPartnerNames):
        return None
    return outcome, probed


def clear_spool(spool: Path) -> int:
    """Remove every stored reading (after the ingest took what it could); returns how many."""
    if not spool.is_dir():
        return 0
    removed = 0
    for path in spool.iterdir():
        if path.suffix in (SUFFIX, ".part"):
            path.unlink(missing_ok=True)
            removed += 1
    return removed
