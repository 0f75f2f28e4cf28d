"""A stage's peak memory (pipelines/stages/peak_memory.py): its own allocations, even one freed
between two samples, and the worker processes it starts. Each case runs in a fresh interpreter, whose
high-water mark the test's allocation is sure to raise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.stages.peak_memory import PeakMemory, tree_rss_kib

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="peak memory is read from Linux's /proc")

FREED_BETWEEN_SAMPLES = """
import json, numpy as np
from pipelines.stages.peak_memory import PeakMemory
with PeakMemory(interval=60) as peak:  # no sample falls inside the block: only the high-water mark sees it
    block = np.ones(300 * 2**20 // 8)
    del block
print(json.dumps({"mib": peak.mib}))
"""

WORKER = """
import json, subprocess, sys
from pipelines.stages.peak_memory import PeakMemory
child = "import numpy as np, time; a = np.ones(250 * 2**20 // 8); print('ready', flush=True); time.sleep(1.5)"
with PeakMemory(interval=0.05) as peak:
    worker = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    worker.stdout.readline()
    worker.wait()
with PeakMemory(interval=0.05) as after:  # the worker is gone: the next stage does not count it
    pass
print(json.dumps({"mib": peak.mib, "after": after.mib}))
"""


def _run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_an_allocation_freed_between_two_samples_is_in_the_peak() -> None:
    assert _run(FREED_BETWEEN_SAMPLES)["mib"] >= 300


def test_a_worker_process_counts_while_it_runs_and_not_after() -> None:
    got = _run(WORKER)
    assert got["mib"] >= 250 + 20  # the worker's array on top of this interpreter
    assert got["after"] < got["mib"] - 200


def test_the_tree_is_this_process_at_least() -> None:
    own = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    assert tree_rss_kib(os.getpid()) >= own * 0.9
    with PeakMemory() as peak:
        pass
    assert peak.mib is not None and peak.mib >= own / 1024 * 0.9
