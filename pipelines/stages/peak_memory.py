"""A stage's peak resident memory: this process and every worker process it started, sampled while
the stage runs, so ops see which stage needs the memory a night needs (metadata `peak_rss_mib`).

Read from Linux's /proc (elsewhere nothing is reported). Sampled every 0.1 s; the process's own
kernel-kept high-water mark (VmHWM) is exact whenever the stage sets a new high for the process, so a
spike between two samples is not missed then.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType

PROC = Path("/proc")
SAMPLE_SECONDS = 0.1


def _status_kib(pid: int, field: str) -> int | None:
    """A `kB` field of /proc/PID/status (VmRSS, VmHWM), or None when the process or field is gone."""
    try:
        text = (PROC / str(pid) / "status").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None


def _children(pid: int) -> list[int]:
    """The direct children of `pid`, from each of its threads' /proc children lists."""
    out: list[int] = []
    try:
        tasks = list((PROC / str(pid) / "task").iterdir())
    except OSError:
        return out
    for task in tasks:
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return out


def tree_rss_kib(root: int) -> int:
    """Resident KiB of `root` and all its descendants now (0 where /proc cannot tell)."""
    total, seen, frontier = 0, {root}, [root]
    while frontier:
        pid = frontier.pop()
        total += _status_kib(pid, "VmRSS") or 0
        for child in _children(pid):
            if child not in seen:
                seen.add(child)
                frontier.append(child)
    return total


class PeakMemory:
    """`with PeakMemory() as peak: ...`, then `peak.mib`: the largest resident size of this process
    tree while the block ran (None where /proc is not there to read)."""

    def __init__(self, interval: float = SAMPLE_SECONDS) -> None:
        self._interval = interval
        self._pid = os.getpid()
        self._peak_kib = 0
        self._hwm_before: int | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample_until_done, name="stage-peak-memory", daemon=True)
        self.mib: float | None = None

    def _sample(self) -> None:
        self._peak_kib = max(self._peak_kib, tree_rss_kib(self._pid))

    def _sample_until_done(self) -> None:
        while not self._done.wait(self._interval):
            self._sample()

    def __enter__(self) -> PeakMemory:
        if not (PROC / str(self._pid)).is_dir():
            return self
        self._hwm_before = _status_kib(self._pid, "VmHWM")
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if not self._thread.is_alive():
            return
        self._done.set()
        self._thread.join()
        self._sample()
        hwm = _status_kib(self._pid, "VmHWM")
        if hwm is not None and self._hwm_before is not None and hwm > self._hwm_before:
            self._peak_kib = max(self._peak_kib, hwm)  # a new high for the process, set during this block
        self.mib = round(self._peak_kib / 1024, 1)
