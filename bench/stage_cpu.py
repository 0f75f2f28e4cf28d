"""CPU seconds (time.process_time) of reading each inbox file and of the summary and outputs stages.

`python -m bench.stage_cpu --home HOME` on a home a `radar run` has built: reads every inbox file
again as the ingest stage does (with no known partners), then recomputes renewal_summary for every
part of the book and writes every output file into a temporary directory, from the published
warehouse, which it only reads. CPU time, not wall time, so other work on the machine does not
count; prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from pipelines.stages.context import RunContext
from reports.frames import load_report_data
from reports.outputs import book_parts, write_report_files
from reports.summary import read_summary, summarise_books, summary_data
from sources.inbox import discover
from sources.reader import read_source_file


def reading_cpu(run: RunContext) -> dict:
    """Per-file CPU of reading the inbox; the first file also pays the process's one-time costs."""
    paths: list[str] = []
    rows: list[int] = []
    seconds: list[float] = []
    for f in discover(run.home, run.config.sources):
        t0 = time.process_time()
        outcome = read_source_file(f.path, f.relpath, f.source, [])
        seconds.append(time.process_time() - t0)
        paths.append(f.relpath)
        rows.append(outcome.rows_read)
    if not paths:
        return {"files": 0}
    total, n_rows = sum(seconds), sum(rows)
    slowest = sorted(range(len(paths)), key=lambda i: -seconds[i])[:5]
    return {
        "files": len(paths), "rows": n_rows, "cpu_seconds": round(total, 3),
        "first_file_cpu_seconds": round(seconds[0], 3),
        "median_file_cpu_seconds": round(statistics.median(seconds[1:] or seconds), 3),
        "cpu_ms_per_row": round(1000 * total / n_rows, 3) if n_rows else None,
        "slowest": [{"path": paths[i], "rows": rows[i], "cpu_seconds": round(seconds[i], 3)} for i in slowest],
    }


def report_cpu(run: RunContext) -> dict:
    """CPU of the summary stage's computation and of writing every output file."""
    valuation = run.config.valuation
    con = duckdb.connect(str(run.paths.live), read_only=True)
    try:
        t0 = time.process_time()
        data = load_report_data(con, run.as_of, valuation.currency)
        load_s = time.process_time() - t0
        t0 = time.process_time()
        summary = summarise_books(book_parts(summary_data(data)), valuation)
        summary_s = time.process_time() - t0
        stored = read_summary(con)
    finally:
        con.close()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.process_time()
        files = write_report_files(data, stored, valuation, Path(tmp), run.config.reports)
        outputs_s = time.process_time() - t0
    return {"load_cpu_seconds": round(load_s, 3), "summary_cpu_seconds": round(summary_s, 3),
            "summary_rows": len(summary), "outputs_cpu_seconds": round(outputs_s, 3),
            "workbooks": 1 + len(files.rep_workbooks) + len(files.reseller_workbooks)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--home", required=True)
    args = ap.parse_args()
    run = RunContext.load(Path(args.home))
    print(json.dumps({"reading": reading_cpu(run), "reports": report_cpu(run)}))


if __name__ == "__main__":
    main()
