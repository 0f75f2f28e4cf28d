"""The run lock plus the housekeeping its first taker does, for `radar run`/`radar demo` and for
runs Dagster launches (schedule, sensor, UI) alike: one writer per home, and a clean start."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from warehouse.build import WarehousePaths
from warehouse.recovery import recover_databases, remove_leftovers
from warehouse.run_lock import Holder, RunLocked, Taken, hold_run_lock

__all__ = ["RunLocked", "Taken", "guarded_run"]


def _waiting(home: Path, wait_seconds: float, say: Callable[[str], None]) -> Callable[[Holder | None], None]:
    def on_wait(holder: Holder | None) -> None:
        if wait_seconds > 0:
            who = holder.describe() if holder else "another process"
            say(f"{home} is in use by {who}; waiting up to {wait_seconds:.0f} s for it to finish.")
    return on_wait


def stale_note(stale: Holder) -> str:
    """What to say about a lock whose holder ended without letting go."""
    gone = {False: " (that process is gone)", None: " (on another host)", True: ""}[stale.running()]
    return (f"took over the run lock left by {stale.describe()}{gone}: that run ended without finishing "
            "(killed or crashed); whatever it left half-written is cleaned up now.")


@contextmanager
def guarded_run(home: Path, wait_seconds: float, say: Callable[[str], None], *, run_id: str | None = None,
                command: str = "radar run") -> Iterator[list[str]]:
    """Hold the home's run lock for the block (RunLocked when another run keeps it past the wait).
    The outermost holder also removes killed runs' leftovers and moves a corrupt warehouse or ingest
    store aside; each thing done is passed to `say` and the list of them is yielded."""
    home = Path(home).resolve()
    notes: list[str] = []

    def note(text: str) -> None:
        notes.append(text)
        say(text)

    with hold_run_lock(home, wait_seconds, run_id=run_id, command=command,
                       on_wait=_waiting(home, wait_seconds, say)) as taken:
        if not taken.nested:
            if taken.stale is not None:
                note(stale_note(taken.stale))
            removed = remove_leftovers(home)
            if removed:
                note(f"removed {len(removed)} file(s) a killed run left half-written: " + ", ".join(removed[:5])
                     + (" ..." if len(removed) > 5 else ""))
            paths = WarehousePaths(home)
            for text in recover_databases(paths.live, paths.ingest):
                note(text)
        yield notes
