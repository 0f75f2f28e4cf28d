"""Writing many files at once: the largest first, in worker processes when the work pays for them.

XlsxWriter's writing is pure Python, so the files of one night (the whole book, every rep's and
reseller's part, the registration audit, the review queue) are written by processes, not threads.
They are handed out longest first (LPT scheduling): the whole book, by far the largest, starts at
once instead of last, and the small ones fill the gaps, so the night ends with the workers busy
until the end rather than one of them writing the big book alone. The costliest file is written
by this process while the workers write the rest: its inputs are here already, and a worker would
get them as a pickled copy, held twice while it travels (at 1M the whole book is 107 MiB pickled).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

#: what one file costs besides its rows (its frames, the summary sheet, saving), in rows' worth:
#: about 0.06 s a file against 0.1 ms a listed row with XlsxWriter (a least-squares fit over the
#: 90 books of the 100k demo world, written in one process; openpyxl's 0.22 ms a row made it 290)
FILE_OVERHEAD_ROWS = 500
#: below this much work (rows' worth, about 3 s written in one process) starting workers costs more
#: than it saves (a spawned worker imports pandas and XlsxWriter: about a second)
PARALLEL_MIN_ROWS = 30_000


@dataclass(frozen=True)
class WriteJob:
    """One file: a module-level writer (picklable) with its arguments, and the rows it lists."""

    write: Callable[..., Path]
    args: tuple[Any, ...]
    rows: int
    kwargs: Mapping[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        """The file the job writes: every writer takes its path first."""
        return Path(self.args[0])

    @property
    def cost(self) -> int:
        """The work of writing the file, in rows' worth."""
        return self.rows + FILE_OVERHEAD_ROWS


@runtime_checkable
class Deferred(Protocol):
    """An argument made only when its file is written (`resolve`), here or, through its own pickling,
    on its way to a worker: the jobs waiting for a worker then hold no copy of what they will write."""

    def resolve(self) -> Any: ...


def _run(job: WriteJob) -> Path:
    args = tuple(arg.resolve() if isinstance(arg, Deferred) else arg for arg in job.args)
    return job.write(*args, **job.kwargs)


def longest_first(jobs: Sequence[WriteJob]) -> list[int]:
    """The jobs' positions, costliest first (ties in their own order)."""
    return sorted(range(len(jobs)), key=lambda i: -jobs[i].cost)


def _workers(requested: int | None) -> int:
    """The worker processes asked for: `requested`, else one per core."""
    return requested or os.cpu_count() or 1


def in_workers(jobs: Sequence[WriteJob], workers: int | None = None) -> bool:
    """Whether `write_files` hands `jobs` to worker processes: two or more jobs, PARALLEL_MIN_ROWS of
    work, and two or more `workers` (one per core by default)."""
    return _workers(workers) >= 2 and len(jobs) >= 2 and sum(job.cost for job in jobs) >= PARALLEL_MIN_ROWS


def write_files(jobs: Sequence[WriteJob], workers: int | None = None) -> list[Path]:
    """Write every job's file; the paths come back in the jobs' order. When `in_workers`, the costliest
    here and the others in `workers` processes (one per core by default) at the same time; else all here."""
    if not in_workers(jobs, workers):
        return [_run(job) for job in jobs]
    costliest, *rest = longest_first(jobs)
    # spawn, not fork: the parent runs DuckDB's and Dagster's threads
    with ProcessPoolExecutor(min(_workers(workers), len(rest)), mp_context=get_context("spawn")) as pool:
        futures = {i: pool.submit(_run, jobs[i]) for i in rest}
        paths = {costliest: _run(jobs[costliest])}
        paths.update((i, future.result()) for i, future in futures.items())
    return [paths[i] for i in range(len(jobs))]
