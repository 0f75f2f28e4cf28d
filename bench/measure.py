"""Run one command and report its wall time and peak memory as JSON.

`python -m bench.measure CMD...` prints the command's stdout, then a last line
`{"seconds": .., "peak_rss_mib": .., "peak_tree_rss_mib": ..}` (stderr on failure, with its exit code).
`peak_rss_mib` is the largest single process (`ru_maxrss` of the children); `peak_tree_rss_mib` the
largest sum over the command and every process it started (worker processes included), sampled from
/proc every 0.2 s – the figure that must fit in the machine.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import threading
import time

from pipelines.stages.peak_memory import tree_rss_kib

SAMPLE_SECONDS = 0.2


def main() -> int:
    cmd = sys.argv[1:]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.wait(SAMPLE_SECONDS):
            peak_tree = max(peak_tree, tree_rss_kib(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - t0
    sys.stdout.write(stdout)
    if proc.returncode != 0:
        sys.stderr.write(stderr)
        return proc.returncode
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": round(seconds, 3), "peak_rss_mib": round(peak, 1),
                      "peak_tree_rss_mib": round(max(peak_tree / 1024, peak), 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
