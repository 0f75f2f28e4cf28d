"""Arguments every `radar` command shares: the home directory and the as-of date."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path


def resolve_home(value: str | None) -> Path:
    """--home, else $RADAR_HOME; exits with a clear message when neither is given."""
    home = value or os.environ.get("RADAR_HOME")
    if not home:
        raise SystemExit("radar: no home directory: pass --home DIR or set RADAR_HOME")
    return Path(home).expanduser().resolve()


def parse_as_of(value: str | None) -> dt.date | None:
    """--as-of as a date (None when not given); exits with a clear message when malformed."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SystemExit(f"radar: --as-of {value!r} is not a date like 2026-11-01") from None
