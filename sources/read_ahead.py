"""Read inbox files in worker processes, ahead of the one-by-one order, with the same result.

A reader is given the partner names known from the files stored before it (sources.mapping tells a
reseller column from an end-customer column by them), so file N depends on files 1..N-1. Workers
read a few files ahead with the names known when each was sent off; each reader records every
lookup it made in those names (`ProbedPartnerNames`). When a file's turn comes, the names it should
have had are compared on those lookups alone: the same answers mean the same column mapping and the
same rows, so the worker's outcome is kept; otherwise the file is read again here with the right
names. The day/month order the source's files before it proved (`date_orders`) is checked alike: a
reading made with another order is kept unless some column's order leaned on it. A file read again
is mapped again first; where every column is assigned as before, only the confidences differ and the
rows the worker typed are kept (`read_source_file(typed_before=...)`): the typing is most of a
reading's work. The outcomes are therefore exactly those of reading one by one, whatever the timing.
Readings made before the ingest started (Dagster partition steps, `sources.spool`) are checked the
same way when their turn comes.

A worker process that dies (a crash in a reading library, the kernel's out-of-memory killer) takes
the files it and the others had in hand with it: each of those is read again in a process of its
own, the later files go to a fresh pool, and a file that ends its own process as well is an error
outcome naming it - never read in the ingest's process, where it would end the night.
"""

from __future__ import annotations

import os
import warnings
from collections import deque
from collections.abc import Callable, Generator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from sources.config import SourceConfig
from sources.content import PartnerNames, ProbedPartnerNames
from sources.date_orders import leans_on_order
from sources.limits import ReadLimits
from sources.reader import FileOutcome, empty_quarantine, read_source_file

#: below this many bytes still to read, starting worker processes (about a second each) costs more
#: than it saves
PARALLEL_MIN_BYTES = 8_000_000


@dataclass(frozen=True)
class ReadJob:
    """One inbox file to read: what `read_source_file` takes, picklable for a worker."""

    path: Path
    relpath: str
    source: SourceConfig
    limits: ReadLimits
    size_bytes: int = 0


#: a reading made before the ingest started, loaded when its file's turn comes (None: unusable)
Preread = Callable[[], "tuple[FileOutcome, ProbedPartnerNames] | None"]


@dataclass
class ReadAheadStats:
    """How the reading went: files read by workers and kept, readings made beforehand and kept, and
    files read again in order."""

    workers: int = 0
    ahead: int = 0
    preread: int = 0
    read_again: list[str] = field(default_factory=list)
    #: of the files read again, those mapped again only: their columns were assigned as before, so
    #: the rows typed elsewhere were kept (only the mapping's confidences differ)
    mapped_again: list[str] = field(default_factory=list)
    #: files whose reading process died, read again each in a process of its own
    read_alone: list[str] = field(default_factory=list)
    #: of those, the files that ended their own process too: error outcomes
    died: list[str] = field(default_factory=list)


#: the day/month order a file is read with (`date_orders.SourceDateOrders.order_for`), or None
OrderFor = Callable[[ReadJob], "str | None"]


def _no_order(_job: ReadJob) -> str | None:
    return None


def read_probed(
    job: ReadJob, known: PartnerNames, date_order: str | None = None
) -> tuple[FileOutcome, ProbedPartnerNames]:
    """A read away from the ingest (a worker process, a partition step): the outcome, `packed` for the
    trip, and the known names with every lookup the reader made."""
    probed = ProbedPartnerNames(known)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a worker's library warnings would reach ops' terminal unfiltered
        outcome = read_source_file(job.path, job.relpath, job.source, probed, limits=job.limits,
                                   date_order=date_order)
    return outcome.packed(), probed


#: what a worker runs for one file (`read_probed`; a test gives one that crashes on a file)
Reader = Callable[[ReadJob, PartnerNames, "str | None"], "tuple[FileOutcome, ProbedPartnerNames]"]


def _read_alone(job: ReadJob, known: PartnerNames, order: str | None, reader: Reader,
                stats: ReadAheadStats) -> tuple[FileOutcome, ProbedPartnerNames] | FileOutcome:
    """`job` read in a spawned process of its own, after the process reading it died; a file that ends
    this process too is an error outcome (no reading)."""
    stats.read_alone.append(job.relpath)
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as alone:
        try:
            return alone.submit(reader, job, known, order).result()
        except BrokenProcessPool:
            stats.died.append(job.relpath)
            return FileOutcome("error", [], empty_quarantine(), error=(
                f"{job.relpath}: the process reading this file died (a crash in a reading library, or the "
                "machine ran out of memory): left out, the other files are read; a damaged or hostile file, "
                "or `limits:` too high for this machine"))


def workers_for(jobs: Sequence[ReadJob], cores: int | None = None) -> int:
    """Worker processes worth starting for `jobs`: none for a small or one-file night."""
    cores = cores if cores is not None else (os.cpu_count() or 1)
    if cores < 2 or len(jobs) < 2 or sum(j.size_bytes for j in jobs) < PARALLEL_MIN_BYTES:
        return 0
    return min(cores, len(jobs))


def _kept_or_read(job: ReadJob, reading: tuple[FileOutcome, ProbedPartnerNames] | None, known: PartnerNames,
                  orders: tuple[str | None, str | None], stats: ReadAheadStats) -> tuple[FileOutcome, bool]:
    """The reading made elsewhere when the names known now answer its lookups alike and the date
    order it was read with (`orders`: then, now) is today's or decided nothing, else a reading here;
    with whether the reading made elsewhere was kept."""
    read_with, order = orders
    same_order = reading is not None and (read_with == order
                                          or not leans_on_order(s.evidence for s in reading[0].sheets))
    if reading is not None and same_order and reading[1].answers_alike(known):
        return reading[0], True
    stats.read_again.append(job.relpath)
    typed = reading[0] if reading is not None and same_order else None
    outcome = read_source_file(job.path, job.relpath, job.source, known, limits=job.limits, date_order=order,
                               typed_before=typed)
    if typed is not None and outcome.table is typed.table and typed.table is not None:
        stats.mapped_again.append(job.relpath)
    return outcome, False


def read_in_order(
    jobs: Sequence[ReadJob], known_for: Callable[[ReadJob], PartnerNames], workers: int,
    stats: ReadAheadStats | None = None, preread: Mapping[str, Preread] | None = None,
    order_for: OrderFor = _no_order, reader: Reader = read_probed,
) -> Generator[tuple[ReadJob, FileOutcome], None, None]:
    """Each job with its outcome, in the jobs' order, equal to `read_source_file(..., known_for(job),
    date_order=order_for(job))` called when the job's turn comes (after the caller has stored the
    files before it).

    With `workers` > 0, up to two files per worker are read ahead in spawned processes with the
    names and date order known when they were sent off, and kept when those answer alike (module
    doc). `preread` holds readings made before (with no date order), by relative path: loaded at
    their turn and checked alike.
    """
    stats = stats if stats is not None else ReadAheadStats()
    stats.workers = workers
    preread = preread or {}

    def take_preread(job: ReadJob) -> FileOutcome:
        outcome, kept = _kept_or_read(job, preread[job.relpath](), known_for(job), (None, order_for(job)), stats)
        stats.preread += kept
        return outcome

    if workers <= 0:
        for job in jobs:
            yield job, (take_preread(job) if job.relpath in preread
                        else read_source_file(job.path, job.relpath, job.source, known_for(job), limits=job.limits,
                                              date_order=order_for(job)))
        return
    yield from _read_ahead(jobs, known_for, order_for, workers, stats, preread, take_preread, reader)


def _read_ahead(
    jobs: Sequence[ReadJob], known_for: Callable[[ReadJob], PartnerNames], order_for: OrderFor, workers: int,
    stats: ReadAheadStats, preread: Mapping[str, Preread], take_preread: Callable[[ReadJob], FileOutcome],
    reader: Reader,
) -> Generator[tuple[ReadJob, FileOutcome], None, None]:
    """`read_in_order` with `workers` processes reading up to two files each ahead of the order."""
    pending: deque[tuple[ReadJob, Future[tuple[FileOutcome, ProbedPartnerNames]] | None, str | None]] = deque()
    queue = iter(jobs)
    pools = [ProcessPoolExecutor(workers, mp_context=get_context("spawn"))]

    def send(n: int) -> None:
        for job in queue:
            if job.relpath in preread:  # read before: no worker needed, loaded at its turn
                pending.append((job, None, None))
                continue
            order = order_for(job)
            try:
                future = pools[-1].submit(reader, job, known_for(job), order)
            except BrokenProcessPool:  # a worker died: the later files go to a fresh pool
                pools.append(ProcessPoolExecutor(workers, mp_context=get_context("spawn")))
                future = pools[-1].submit(reader, job, known_for(job), order)
            pending.append((job, future, order))
            n -= 1
            if n == 0:
                return

    try:
        send(2 * workers)
        while pending:
            job, future, sent_order = pending.popleft()
            if future is None:
                yield job, take_preread(job)
                continue
            try:
                reading = future.result()
            except BrokenProcessPool:  # its process, or another of the pool, died: read alone
                alone = _read_alone(job, known_for(job), order_for(job), reader, stats)
                if isinstance(alone, FileOutcome):
                    yield job, alone
                    send(1)
                    continue
                reading, sent_order = alone, order_for(job)
            outcome, kept = _kept_or_read(job, reading, known_for(job), (sent_order, order_for(job)), stats)
            stats.ahead += kept
            yield job, outcome
            send(1)
    finally:
        for pool in pools:
            pool.shutdown(wait=True, cancel_futures=True)
