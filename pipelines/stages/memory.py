"""Memory a stage freed, given back to the machine before the next stage starts.

A night runs its stages in one process. Freed memory otherwise stays with the allocator that
held it: Arrow's pool (pandas 3 keeps its strings there) and glibc's heap keep what a stage
freed, so the next stage starts on top of it. Measured at 1M source rows (docs/scale.md): after
the partner resolution 1.2 GiB resident, 0.4 GiB once given back. Within a stage, glibc keeps
freed blocks below its mapping threshold in the heap, and by default raises that threshold (up to
32 MiB) each time a mapped block is freed: so a stage's arrays of a million values, freed, stay
resident beside the next ones. A fixed threshold hands each such array back when it is freed.

DuckDB allocates through a jemalloc of its own, which purges what a query freed only when DuckDB
allocates again: a stage that computes in NumPy for minutes after its last query keeps what that
query freed (the blocking's self-joins: 0.8 GiB through the customer scoring at 2M source rows,
docs/scale.md). jemalloc's background thread would purge it, but DuckDB turns that thread off
whenever any connection of the process closes, so the night purges DuckDB's arenas itself, from a
thread of its own, every few seconds.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
import time
from collections.abc import Callable
from functools import cache
from typing import Any

import pyarrow as pa

#: Arrow's default pool for this process and the reading workers it starts, unless ops chose one:
#: the system allocator returns large freed blocks at once (mimalloc and jemalloc keep them)
ARROW_POOL = "system"


#: blocks of this size or more are mapped on their own and unmapped when freed (glibc's
#: M_MMAP_THRESHOLD; its environment variable MALLOC_MMAP_THRESHOLD_ for worker processes)
MMAP_THRESHOLD = 1 << 20
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)


#: seconds between two purges of DuckDB's allocator (each 10-25 ms when it holds freed memory)
DUCKDB_PURGE_SECONDS = 2.0
#: jemalloc's control name that purges every arena (4096 is MALLCTL_ARENAS_ALL)
_PURGE_ALL_ARENAS = b"arena.4096.purge"
_purger: threading.Thread | None = None


def prefer_system_allocator() -> None:
    """Arrow allocates through the system allocator, glibc maps large blocks on their own (for
    workers started later, too; ops' own MALLOC_MMAP_THRESHOLD_ is kept), and DuckDB's allocator is
    purged every DUCKDB_PURGE_SECONDS from now on."""
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", ARROW_POOL)
    if os.environ["ARROW_DEFAULT_MEMORY_POOL"] == ARROW_POOL:
        pa.set_memory_pool(pa.system_memory_pool())
    threshold = os.environ.setdefault("MALLOC_MMAP_THRESHOLD_", str(MMAP_THRESHOLD))
    mallopt = _libc("mallopt")
    if mallopt is not None and threshold.isdigit():
        mallopt(_M_MMAP_THRESHOLD, int(threshold))
    start_duckdb_purger()


def start_duckdb_purger(seconds: float = DUCKDB_PURGE_SECONDS) -> bool:
    """A daemon thread that purges DuckDB's allocator every `seconds` (one per process); False
    where DuckDB has no jemalloc of its own (macOS, Windows, musl)."""
    global _purger
    if _duckdb_mallctl() is None:
        return False
    if _purger is None:
        _purger = threading.Thread(target=_purge_every, args=(seconds,), name="duckdb-purger", daemon=True)
        _purger.start()
    return True


def _purge_every(seconds: float) -> None:
    while True:
        time.sleep(seconds)
        purge_duckdb_allocator()


def purge_duckdb_allocator() -> bool:
    """Hand back the memory DuckDB's jemalloc holds freed, in every arena (safe while queries run:
    jemalloc's own background thread does the same); False where there is none."""
    mallctl = _duckdb_mallctl()
    return mallctl is not None and mallctl(_PURGE_ALL_ARENAS, None, None, None, 0) == 0


@cache
def _duckdb_mallctl() -> Callable[..., int] | None:
    """`duckdb_je_mallctl` of DuckDB's own jemalloc (exported by its Linux wheels), or None."""
    try:
        import _duckdb  # the compiled module of the duckdb package, already loaded by it
    except ImportError:
        return None
    mallctl = _c_function(_duckdb.__file__, "duckdb_je_mallctl")
    if mallctl is not None:
        mallctl.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]
        mallctl.restype = ctypes.c_int
    return mallctl


@cache  # find_library runs ldconfig: once per process
def _libc(function: str) -> Callable[..., int] | None:
    """A function of glibc (malloc_trim, mallopt), or None where the C library has none (musl, macOS)."""
    name = ctypes.util.find_library("c")
    return None if name is None else _c_function(name, function)


@cache
def _c_function(library: str, function: str) -> Any:
    """`function` of the shared library at `library` (a ctypes function), or None."""
    try:
        return getattr(ctypes.CDLL(library), function)
    except (OSError, AttributeError):
        return None


def give_back_memory() -> None:
    """Return the free memory Arrow's pool, DuckDB's allocator and the C heap still hold (about 5-25 ms). No garbage
    collection here: a full one costs 0.3 s in a night's process, and frames are freed when their
    last reference goes; what cycles hold the interpreter's own collector frees."""
    pa.default_memory_pool().release_unused()
    purge_duckdb_allocator()
    trim = _libc("malloc_trim")
    if trim is not None:
        trim(0)
