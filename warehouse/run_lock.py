"""One writer per home: `<home>/.radar/run.lock`, an OS lock (flock) the kernel frees however its
holder ends, with `run.lock.json` beside it naming the holder (PID, host, start, run id).

A holder that was killed leaves its json behind: the next run takes the free lock, reports the
stale holder it replaces, and writes its own. A process holding the lock may take it again
(`radar run` holds it for the whole command and the Dagster run inside re-enters it).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

LOCK_NAME = "run.lock"
INFO_NAME = "run.lock.json"
_POLL_SECONDS = 0.2


@dataclass(frozen=True)
class Holder:
    """Who holds (or held) a home's run lock."""

    pid: int
    host: str
    started_at: str  # ISO, UTC
    run_id: str | None = None
    command: str = "radar run"

    def running(self) -> bool | None:
        """Whether the holder's process is alive (None: it runs on another host, cannot tell)."""
        if self.host != socket.gethostname():
            return None
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def describe(self) -> str:
        run = f", run id {self.run_id}" if self.run_id else ""
        return f"{self.command} (PID {self.pid} on {self.host}, started {self.started_at}{run})"


class RunLocked(RuntimeError):
    """Another process holds the home's run lock and did not let go within the wait."""

    def __init__(self, home: Path, holder: Holder | None, waited: float) -> None:
        self.home, self.holder, self.waited = home, holder, waited
        who = holder.describe() if holder else "another process (it has not said which yet)"
        super().__init__(
            f"another run is writing to {home}: {who}. Waited {waited:.0f} s (sources.yaml "
            "`warehouse: lock_wait_seconds:`). Nothing was changed by this attempt. Run again when that "
            "run has finished, or raise lock_wait_seconds to wait for it."
        )


@dataclass(frozen=True)
class Taken:
    """The lock as this process got it: the stale holder it took over, how long it waited, and
    whether it already held it (`nested`: the outer holder does the run's housekeeping)."""

    holder: Holder
    stale: Holder | None = None
    waited: float = 0.0
    nested: bool = False


@dataclass
class _Held:
    fd: int
    holder: Holder
    depth: int = 1


_HELD: dict[Path, _Held] = {}  # per process: homes whose lock this process holds


def lock_paths(home: Path) -> tuple[Path, Path]:
    state = Path(home).resolve() / ".radar"
    return state / LOCK_NAME, state / INFO_NAME


def read_holder(home: Path) -> Holder | None:
    """The holder named by run.lock.json (None when there is none or it cannot be read)."""
    try:
        return Holder(**json.loads(lock_paths(home)[1].read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def _write_holder(path: Path, holder: Holder) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(asdict(holder)), encoding="utf-8")
    os.replace(tmp, path)


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextmanager
def hold_run_lock(home: Path, wait_seconds: float = 0.0, *, run_id: str | None = None,
                  command: str = "radar run",
                  on_wait: Callable[[Holder | None], None] | None = None) -> Iterator[Taken]:
    """Hold `home`'s run lock for the block; wait up to `wait_seconds` for another holder (calling
    `on_wait` once with it), then raise RunLocked naming it."""
    home = Path(home).resolve()
    held = _HELD.get(home)
    if held is not None:  # this process holds it already: re-enter, recording the run id
        held.depth += 1
        if run_id and held.holder.run_id != run_id:
            held.holder = Holder(held.holder.pid, held.holder.host, held.holder.started_at, run_id,
                                 held.holder.command)
            _write_holder(lock_paths(home)[1], held.holder)
        try:
            yield Taken(held.holder, nested=True)
        finally:
            held.depth -= 1
        return
    lock_path, info_path = lock_paths(home)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)  # not inherited by child processes
    start = time.monotonic()
    try:
        if not _try_lock(fd):
            if on_wait is not None:
                on_wait(read_holder(home))
            while not _try_lock(fd):
                if time.monotonic() - start >= wait_seconds:
                    raise RunLocked(home, read_holder(home), time.monotonic() - start)
                time.sleep(_POLL_SECONDS)
    except BaseException:
        os.close(fd)
        raise
    waited = time.monotonic() - start
    stale = read_holder(home)  # the lock was free, so whoever the json names ended without letting go
    me = Holder(os.getpid(), socket.gethostname(),
                dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC"), run_id, command)
    _write_holder(info_path, me)
    _HELD[home] = _Held(fd, me)
    try:
        yield Taken(me, stale, waited)
    finally:
        _HELD.pop(home, None)
        info_path.unlink(missing_ok=True)  # before unlocking: a json without a lock is always stale
        os.close(fd)  # closing the descriptor frees the flock
