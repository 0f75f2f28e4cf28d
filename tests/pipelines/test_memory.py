"""Memory a stage freed goes back to the machine before the next stage (pipelines/stages/memory.py).
Each case runs in its own interpreter: Arrow's default pool is a process-wide setting."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys

import pytest

FREED = """
import json, os, pyarrow as pa
from pipelines.stages.memory import give_back_memory
page = os.sysconf('SC_PAGE_SIZE')
rss = lambda: int(open('/proc/self/statm').read().split()[1]) * page
pa.set_memory_pool(pa.mimalloc_memory_pool())  # an allocator that keeps what it frees
before = rss()
arrays = [pa.array([f"customer {i} of file {j}" for i in range(20_000)]) for j in range(200)]
held = rss()
del arrays
freed = rss()
give_back_memory()
print(json.dumps({"before": before, "held": held, "freed": freed, "given_back": rss()}))
"""

POOL = """
import json, pyarrow as pa
from pipelines.stages.memory import prefer_system_allocator
prefer_system_allocator()
import os
print(json.dumps({"pool": pa.default_memory_pool().backend_name, "env": os.environ["ARROW_DEFAULT_MEMORY_POOL"]}))
"""


def _run(code: str, env: dict[str, str]) -> dict:
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    return {**env, **extra}


def test_memory_a_stage_freed_is_returned_to_the_machine() -> None:
    got = _run(FREED, _env())
    grown = got["held"] - got["before"]
    assert grown > 100 * 2**20  # 4M strings: the allocation was real
    assert got["freed"] - got["before"] > grown / 2  # freed, but the pool kept it
    assert got["freed"] - got["given_back"] > grown / 2  # given back


def test_the_night_allocates_arrow_memory_with_the_system_allocator_unless_ops_chose_one() -> None:
    assert _run(POOL, _env()) == {"pool": "system", "env": "system"}
    assert _run(POOL, _env(ARROW_DEFAULT_MEMORY_POOL="jemalloc"))["env"] == "jemalloc"


ARRAYS_FREED = """
import ctypes, json, os, sys
if sys.argv[1] == "night":
    from pipelines.stages.memory import prefer_system_allocator
    prefer_system_allocator()
libc = ctypes.CDLL(None)
libc.malloc.restype, libc.malloc.argtypes, libc.free.argtypes = ctypes.c_void_p, [ctypes.c_size_t], [ctypes.c_void_p]
page = os.sysconf('SC_PAGE_SIZE')
rss = lambda: int(open('/proc/self/statm').read().split()[1]) * page
once = libc.malloc(16 << 20)
libc.free(once)  # a large block freed: glibc's default raises its mapping threshold past 4 MiB
before = rss()
arrays, kept = [], []
for _ in range(50):  # 50 arrays of 4 MiB (a stage's columns of half a million values), each followed
    arrays.append(libc.malloc(4 << 20))  # by a block that outlives it (a smaller result): freed, the
    ctypes.memset(arrays[-1], 1, 4 << 20)  # arrays leave holes between live blocks, not free space
    kept.append(libc.malloc(256 << 10))  # at the heap's top that glibc would give back on its own
held = rss()
for block in arrays:
    libc.free(block)
print(json.dumps({"held": held - before, "kept": rss() - before, "threshold": os.environ.get("MALLOC_MMAP_THRESHOLD_")}))
"""


def _arrays_freed(mode: str) -> dict:
    env = {k: v for k, v in _env().items() if k != "MALLOC_MMAP_THRESHOLD_"}
    done = subprocess.run([sys.executable, "-c", ARRAYS_FREED, mode], env=env, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's allocator and its mapping threshold")
def test_a_stages_freed_arrays_go_back_at_once_not_at_the_next_stage() -> None:
    default, night = _arrays_freed("default"), _arrays_freed("night")
    assert default["held"] > 150 * 2**20 and night["held"] > 150 * 2**20  # 200 MiB really held both ways
    assert default["kept"] > 150 * 2**20  # glibc alone keeps them resident after they were freed
    assert night["kept"] < 20 * 2**20  # the night's setting hands each back when it is freed
    assert night["threshold"] == "1048576"  # and worker processes started later inherit it


DUCKDB_FREED = """
import json, os, sys, time
import duckdb
from pipelines.stages.memory import give_back_memory, start_duckdb_purger
page = os.sysconf('SC_PAGE_SIZE')
rss = lambda: int(open('/proc/self/statm').read().split()[1]) * page
con = duckdb.connect()  # open throughout, as a stage's blocking connection is (closing one purges)
if sys.argv[1] == "night":
    assert start_duckdb_purger(0.5)
before = rss()
con.execute("CREATE TEMP TABLE k AS SELECT (hash(range) % 1500000)::INTEGER AS key, range AS p FROM range(3000000)")
pairs = con.execute("SELECT a.p, b.p FROM k a JOIN k b USING (key) WHERE a.p < b.p").fetchnumpy()  # a blocking self-join
con.execute("DROP TABLE k")
del pairs
for _ in range(20):  # then seconds of NumPy without a query
    kept = rss() - before
    if kept < 30 * 2**20:
        break
    time.sleep(0.25)
if sys.argv[1] == "between stages":
    give_back_memory()
    kept = rss() - before
print(json.dumps({"kept": kept}))
"""


def _duckdb_kept(mode: str) -> int:
    done = subprocess.run([sys.executable, "-c", DUCKDB_FREED, mode], capture_output=True, text=True, check=True)
    return int(json.loads(done.stdout.strip().splitlines()[-1])["kept"])


@pytest.mark.skipif(platform.system() != "Linux", reason="DuckDB ships its own jemalloc on Linux only")
def test_memory_a_duckdb_query_freed_goes_back_while_the_stage_computes_on() -> None:
    assert _duckdb_kept("plain") > 60 * 2**20  # DuckDB's jemalloc alone keeps the join's memory, seconds after
    assert _duckdb_kept("night") < 30 * 2**20  # the night's purger hands it back within a second or two
    assert _duckdb_kept("between stages") < 30 * 2**20  # and so does the hook between two stages
