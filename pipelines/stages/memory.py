"""Memory a stage freed, given back to the machine before the next stage starts.

A night runs its stages in one process. Freed memory otherwise stays with the allocator that
held it: Arrow's pool (pandas 3 keeps its strings there) and glibc's heap keep what a stage
freed, so the next stage starts on top of it. Measured at 1M source rows (docs/scale.md): after
the partner resolution 1.2 GiB resident, 0.4 GiB once given back. Within a stage, glibc keeps
freed blocks below its mapping threshold in the heap, and by default raises that threshold (up to
32 MiB) each time a mapped block is freed: so a stage's arrays of a million values, freed, stay
resident beside the next ones. A fixed threshold hands each such array back when it is freed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from collections.abc import Callable
from functools import cache

import pyarrow as pa

#: Arrow's default pool for this process and the reading workers it starts, unless ops chose one:
#: the system allocator returns large freed blocks at once (mimalloc and jemalloc keep them)
ARROW_POOL = "system"


#: blocks of this size or more are mapped on their own and unmapped when freed (glibc's
#: M_MMAP_THRESHOLD; its environment variable MALLOC_MMAP_THRESHOLD_ for worker processes)
MMAP_THRESHOLD = 1 << 20
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)


def prefer_system_allocator() -> None:
    """Arrow allocates through the system allocator, and glibc maps large blocks on their own (for
    workers started later, too; ops' own MALLOC_MMAP_THRESHOLD_ is kept)."""
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", ARROW_POOL)
    if os.environ["ARROW_DEFAULT_MEMORY_POOL"] == ARROW_POOL:
        pa.set_memory_pool(pa.system_memory_pool())
    threshold = os.environ.setdefault("MALLOC_MMAP_THRESHOLD_", str(MMAP_THRESHOLD))
    mallopt = _libc("mallopt")
    if mallopt is not None and threshold.isdigit():
        mallopt(_M_MMAP_THRESHOLD, int(threshold))


@cache
def _libc(function: str) -> Callable[..., int] | None:
    """A function of glibc (malloc_trim, mallopt), or None where the C library has none (musl, macOS)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        found: Callable[..., int] = getattr(ctypes.CDLL(name), function)
    except (OSError, AttributeError):
        return None
    return found


def give_back_memory() -> None:
    """Return the free memory Arrow's pool and the C heap still hold (about 5 ms). No garbage
    collection here: a full one costs 0.3 s in a night's process, and frames are freed when their
    last reference goes; what cycles hold the interpreter's own collector frees."""
    pa.default_memory_pool().release_unused()
    trim = _libc("malloc_trim")
    if trim is not None:
        trim(0)
