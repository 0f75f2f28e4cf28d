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
from pathlib import Path

SAMPLE_SECONDS = 0.2


def _tree_rss_kib(root: int) -> int:
    """Resident KiB of `root` and all its descendants now (0 where /proc cannot tell)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            status = (proc / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(proc.name)
        parents[pid] = int(fields.get("PPid", "0").strip() or 0)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [p for p, pp in parents.items() if pp == parent and p not in tree]
        tree.update(children)
        frontier += children
    return sum(rss.get(p, 0) for p in tree)


def main() -> int:
    cmd = sys.argv[1:]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.wait(SAMPLE_SECONDS):
            peak_tree = max(peak_tree, _tree_rss_kib(proc.pid))

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
