"""Memory a stage freed goes back to the machine before the next stage (pipelines/stages/memory.py).
Each case runs in its own interpreter: Arrow's default pool is a process-wide setting."""

from __future__ import annotations

import json
import os
import subprocess
import sys

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
