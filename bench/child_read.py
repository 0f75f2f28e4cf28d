"""One read measured in a fresh Python process, so no import or cache of another read counts."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any


def read_in_child(code: str, *args: str) -> dict[str, Any]:
    """Run `code` with `args` in a fresh interpreter; it prints one JSON object holding at least `rows`,
    `seconds` and `peak` (VmHWM in bytes). Returns its figures with seconds rounded, rows/s and the
    peak in MiB."""
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    got = json.loads(done.stdout)
    peak = got.pop("peak")
    return {**got, "seconds": round(got["seconds"], 2), "rows_per_second": round(got["rows"] / got["seconds"]),
            "peak_rss_mib": round(peak / 2**20)}
