"""Memory a stage freed, given back to the machine before the next stage starts.

A night runs its stages in one process. Freed memory otherwise stays with the allocator that
held it: Arrow's pool (pandas 3 keeps its strings there) and glibc's heap keep what a stage
freed, so the next stage starts on top of it. Measured at 1M source rows (docs/scale.md): after
the partner resolution 1.2 GiB resident, 0.4 GiB once given back.
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


def prefer_system_allocator() -> None:
    """Arrow allocates through the system allocator (for workers started later, too)."""
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", ARROW_POOL)
    if os.environ["ARROW_DEFAULT_MEMORY_POOL"] == ARROW_POOL:
        pa.set_memory_pool(pa.system_memory_pool())


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (musl, macOS)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


def give_back_memory() -> None:
    """Return the free memory Arrow's pool and the C heap still hold (about 5 ms). No garbage
    collection here: a full one costs 0.3 s in a night's process, and frames are freed when their
    last reference goes; what cycles hold the interpreter's own collector frees."""
    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
