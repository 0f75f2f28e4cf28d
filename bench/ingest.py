"""The night's reading stage alone on a home's inbox: seconds, rows, the files read again, peak memory.

`python -m bench.measure python -m bench.ingest --home H [--out F]` reads every inbox file of a home
no run has used (`pipelines.stages.ingest.ingest_inbox`: the worker processes, the partner names
file by file, the ingest store) and prints one JSON line; `bench.measure` adds the process tree's
peak. Copy a generated world to a fresh folder first: a home already read has nothing new to read.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from pipelines.stages.context import RunContext
from pipelines.stages.ingest import ingest_inbox

#: the ingest's log line that says how many files the workers read and how many were read again
_READ_LOG = "worker processes;"


def measure(home: Path) -> dict[str, object]:
    """Read `home`'s inbox once, as a night's first stage does; what it cost."""
    if (home / ".radar" / "ingest.duckdb").exists():
        raise SystemExit(f"{home} has been read before: copy its inbox and sources.yaml to a fresh folder")
    said: list[str] = []
    run = RunContext.load(home)
    t0 = time.perf_counter()
    results = ingest_inbox(run, log=said.append)
    seconds = time.perf_counter() - t0
    return {
        "home": str(home),
        "files": len(results),
        "rows_loaded": sum(r.rows_loaded for r in results),
        "rows_quarantined": sum(r.rows_quarantined for r in results),
        "failed": sum(r.status == "error" for r in results),
        "seconds": round(seconds, 1),
        "workers": next((line for line in said if _READ_LOG in line), "read in this process"),
        "main_peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "worker_peak_rss_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", required=True, type=Path)
    ap.add_argument("--out", type=Path, help="also write the JSON here")
    args = ap.parse_args()
    result = measure(args.home)
    text = json.dumps(result)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
