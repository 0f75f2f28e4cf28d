"""Read bench files as the nightly run would (the home's `limits:`, each outcome packed as a reading
worker sends it) and print rows/s and peak memory as JSON.

Run in a child process per measurement so `ru_maxrss` is this read's peak, not the harness's.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from pipelines.config import load_config
from sources.reader import read_source_file


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--files", nargs="+", required=True)
    args = ap.parse_args()
    home = Path(args.home)
    config = load_config(home)
    src = config.source(args.source)
    t0 = time.perf_counter()
    loaded = quarantined = read = 0
    for f in args.files:
        # packed as a reading worker sends it to the ingest: the records as their Arrow table
        outcome = read_source_file(home / f, f, src, limits=config.limits.read_limits()).packed()
        if outcome.error:
            raise SystemExit(outcome.error)
        loaded += outcome.rows_loaded
        quarantined += outcome.rows_quarantined
        read += outcome.rows_read
    seconds = time.perf_counter() - t0
    print(json.dumps({
        "rows_read": read, "rows_loaded": loaded, "rows_quarantined": quarantined,
        "seconds": round(seconds, 3), "rows_per_second": round(read / seconds) if seconds else None,
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))


if __name__ == "__main__":
    main()
