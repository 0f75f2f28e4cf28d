"""Matching performance: resolve synthetic customer records at 100k and 1M, print JSON.

    python -m bench.matching_perf                 # 100k and 1M records, one process each
    python -m bench.matching_perf --sizes 20000   # other sizes

For each size a fresh process generates the records (`bench.synthetic_records.generate`: six
sources writing the same companies their own ways, with planted siblings, same-name twins and
shared serials), then times `matching.resolve_entities` and reports records per second, peak
memory (ru_maxrss of that process, generation included) and pairwise precision / recall / F1
against the known truth. `generate` is re-exported here for other benchmarks.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.synthetic_records import generate

__all__ = ["generate", "main", "run_one"]

ROOT = Path(__file__).resolve().parents[1]


def run_one(n_records: int, seed: int) -> dict[str, object]:
    """Generate, resolve and measure one size in this process."""
    sys.path.insert(0, str(ROOT))
    from matching import pairwise_quality, resolve_entities

    records, truth = generate(n_records, seed)
    start = time.perf_counter()
    resolution = resolve_entities(records)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB
    quality = pairwise_quality(resolution.records.set_index("record_id")["cluster_id"], truth)
    return {
        "records": len(records),
        "seconds": round(seconds, 1),
        "records_per_second": round(len(records) / seconds),
        "peak_memory_gib": round(peak / 2**30, 2),
        "stats": resolution.stats,
        "precision": round(quality.precision, 4),
        "recall": round(quality.recall, 4),
        "f1": round(quality.f1, 4),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="matching performance on synthetic records")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_one(args.sizes[0], args.seed)))
        return
    results = []
    for size in args.sizes:  # a fresh process per size, so peak memory is that size's alone
        proc = subprocess.run(
            [sys.executable, "-m", "bench.matching_perf", "--child", "--sizes", str(size), "--seed", str(args.seed)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    print(json.dumps({"machine_cpus": __import__("os").cpu_count(), "runs": results}, indent=2))


if __name__ == "__main__":
    main()
