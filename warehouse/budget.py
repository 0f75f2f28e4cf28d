"""How much memory one DuckDB connection of a run may hold, and where it spills beyond that.

DuckDB's own default is 80% of the machine's RAM per connection, and an in-memory connection
spills to `.tmp` in the working directory (wherever cron started the job). A nightly job shares
its machine, so every connection the night opens gets the home's budget and a spill directory
inside the home (`.radar/spill`). Joins, sorts and aggregates past the limit spill to disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

#: a size in DuckDB's own notation ("2GiB", "1500MB", "512 MiB")
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$", re.IGNORECASE)
_FACTOR = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
           "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}
#: the least limit taken: a floor against a slip of the unit ("2MB" for "2GB"); the 1M night's
#: joins were measured down to 1 GiB, never below this
MIN_BYTES = 128 * 2**20


def size_bytes(text: str) -> int:
    """Bytes of a size like "2GiB" or "1500 MB"; ValueError naming the accepted units otherwise."""
    m = _SIZE.match(text)
    if not m:
        raise ValueError(f"{text!r} is not a size like '2GiB' or '1500MB' "
                         "(units: B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)")
    return int(float(m.group(1)) * _FACTOR[m.group(2).lower()])


def check_memory_limit(text: str | None) -> str | None:
    """A memory limit as written, if DuckDB can run with it (None: DuckDB's default, 80% of RAM)."""
    if text is None:
        return None
    if size_bytes(text) < MIN_BYTES:
        raise ValueError(f"{text!r} is below the 128MiB floor for the night's DuckDB connections")
    return text.strip()


@dataclass(frozen=True)
class DuckDBBudget:
    """A connection's memory limit (None: DuckDB's default) and its spill directory (None: DuckDB's)."""

    memory_limit: str | None = None
    spill_dir: Path | None = None

    def config(self) -> dict[str, str | bool | int | float | list[str]]:
        """The settings `duckdb.connect(config=...)` takes; values are never spliced into SQL."""
        out: dict[str, str | bool | int | float | list[str]] = {}
        if self.memory_limit is not None:
            out["memory_limit"] = self.memory_limit
        if self.spill_dir is not None:
            out["temp_directory"] = str(self.spill_dir)
        return out

    def connect(self, database: str = ":memory:", *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
        """A DuckDB connection held to this budget (its spill directory made if missing)."""
        if self.spill_dir is not None:
            self.spill_dir.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(database, read_only=read_only, config=self.config())


#: no budget: DuckDB's defaults (tests, analysts' own scripts)
UNBOUNDED = DuckDBBudget()
