"""How a run ended, told to people: what changed since the last run, the warnings, and on failure
one paragraph with the stage, the cause, the file or key at fault and the TRUE state of the
warehouse and out/ (out/last_failure.md holds the same text)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipelines.cli.progress import STAGE_LABELS, RunEvents
from pipelines.config import DEFAULT_MEMORY_LIMIT
from reports.safe_text import clean_str
from warehouse.sql_runner import table_names

SNAPSHOT_TABLES = {"customers": "customers", "contracts": "contracts", "assets": "assets",
                   "opportunities": "renewal_opportunities", "quarantined rows": "quarantine"}
OUTPUT_STAGES = ("parquet_export", "opportunity_workbooks")
#: what a message may name as the thing at fault: an inbox or overrides file, or a sources.yaml key
_PATH = re.compile(r"((?:inbox|overrides)/[^\s'\",;:()]+"
                   r"|sources\.yaml(?:[:,] (?:source '[^']+' \([^)]*\), )?key '[^']+')?)")


@dataclass(frozen=True)
class Snapshot:
    """The live warehouse's headline figures, before or after a run."""

    built_at: dt.datetime | None
    as_of: dt.date | None
    counts: dict[str, int]
    value: float | None


def snapshot(live: Path) -> Snapshot | None:
    """Figures of the live warehouse (None when there is none or it cannot be read)."""
    if not live.exists():
        return None
    try:
        con = duckdb.connect(str(live), read_only=True)
    except duckdb.Error:
        return None
    try:
        present = table_names(con)
        counts = {label: int(con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0])
                  for label, t in SNAPSHOT_TABLES.items() if t in present}
        built = con.execute("SELECT built_at, as_of_date FROM build_info").fetchall() if "build_info" in present else []
        value = (con.execute("SELECT sum(value)::DOUBLE FROM renewal_opportunities WHERE kind <> 'coterm'")
                 .fetchall()[0][0] if "renewal_opportunities" in present else None)
    finally:
        con.close()
    return Snapshot(built[0][0] if built else None, built[0][1] if built else None, counts,
                    float(value) if value is not None else None)


def _delta(label: str, old: float | None, new: float | None, money: bool = False) -> str | None:
    if old is None or new is None or old == new:
        return None
    fmt = (lambda v: f"{v:,.0f}") if money else (lambda v: f"{int(v):,}")
    sign = "+" if new > old else "-"
    return f"{label} {fmt(old)} -> {fmt(new)} ({sign}{fmt(abs(new - old))})"


def changes_since_last_run(before: Snapshot | None, after: Snapshot | None, inbox: dict[str, Any]) -> str:
    """One paragraph: which files were new, and how the headline figures moved ("nothing new" when
    the inbox is unchanged)."""
    new_files = int(inbox.get("files_new_or_changed", 0)) + int(inbox.get("files_duplicate", 0))
    if before is None:
        return (f"First run in this home: {inbox.get('files', 0):,} inbox files read, "
                f"{inbox.get('rows_loaded_this_run', 0):,} rows loaded.")
    reread = int(inbox.get("files_reread", 0))
    if new_files == 0:
        head = f"Nothing new in the inbox since the last run ({inbox.get('files', 0):,} files unchanged)."
        if reread:
            head += (f" {reread:,} of them were read again because the reader or their source's settings in "
                     "sources.yaml changed.")
    else:
        n = int(inbox.get("files_new_or_changed", 0))
        head = (f"Since the last run: {n:,} new or changed file{'' if n == 1 else 's'} "
                f"({inbox.get('rows_loaded_this_run', 0):,} rows loaded, "
                f"{inbox.get('rows_quarantined_this_run', 0):,} quarantined"
                + (f", {inbox.get('files_duplicate', 0):,} copies of files already read" if inbox.get("files_duplicate")
                   else "") + ").")
    if after is None:
        return head
    moves = [m for m in (_delta(k, before.counts.get(k), after.counts.get(k)) for k in SNAPSHOT_TABLES) if m]
    value = _delta("opportunity value", before.value, after.value, money=True)
    moves += [value] if value else []
    if not moves:
        return head + f" The figures are the same as before (as of {after.as_of})."
    return head + " " + "; ".join(moves) + "."


#: what to do when DuckDB ran out of the run's budget (its own advice names SQL settings, not ours)
DUCKDB_MEMORY_HINT = ("DuckDB ran out of the memory each of its connections may hold: where the machine has "
                      f"room, raise it in sources.yaml (warehouse: memory_limit: 4GiB, say; the default "
                      f"{DEFAULT_MEMORY_LIMIT} keeps a night of a million source rows within 3 GiB).")


def _cause(err: Any) -> str:
    """The innermost error's class and message, shortened."""
    while err is not None and getattr(err, "cause", None) is not None:
        err = err.cause
    if err is None:
        return "unknown error"
    message = " ".join(str(err.message).split())
    return message[:600] + (" ..." if len(message) > 600 else "")


def was_published(before: Snapshot | None, after: Snapshot | None) -> bool:
    """Whether the live warehouse is another build than before the run (the swap happened), told by
    the file itself, so a failure after the swap but inside the publish step is told right too."""
    return after is not None and (before is None or after.built_at != before.built_at)


def interrupted_state(home: Path, before: Snapshot | None) -> str:
    """The state of warehouse.duckdb and out/ after a run was interrupted (Ctrl-C, SIGTERM)."""
    live = home / "warehouse.duckdb"
    after = snapshot(live)
    if was_published(before, after):
        return (f"The new warehouse WAS published before the interruption ({live}, as of "
                f"{after.as_of if after else '?'}), but out/ may be partly from an earlier run: run again to "
                "rewrite it.")
    if before is None:
        return "No warehouse was published: this home has none yet. out/ was not written."
    return (f"The warehouse was NOT replaced: {live} is still the previous one (as of {before.as_of}), "
            "and out/ still holds that run's files. A killed run never leaves a half-written warehouse; "
            "the next run cleans up what it left.")


def warehouse_state(home: Path, events: RunEvents, before: Snapshot | None, after: Snapshot | None) -> str:
    """The true state of warehouse.duckdb and out/ after this run."""
    live = home / "warehouse.duckdb"
    if "publish_warehouse" in events.succeeded or was_published(before, after):
        state = f"The new warehouse WAS published ({live}, as of {after.as_of if after else '?'})"
        done = [s for s in OUTPUT_STAGES if s in events.succeeded]
        if len(done) == len(OUTPUT_STAGES):
            return state + "; out/ was updated."
        missing = ", ".join(STAGE_LABELS[s] for s in OUTPUT_STAGES if s not in done)
        return state + (f", but out/ is NOT up to date: {missing} did not finish, so out/ may be partly "
                        "from an earlier run (run again to rewrite it).")
    if before is None:
        return "No warehouse was published: this home has none yet. out/ was not written."
    when = f"built {before.built_at:%Y-%m-%d %H:%M} UTC, " if before.built_at else ""
    return (f"The warehouse was NOT replaced: {live} is still the previous one ({when}as of {before.as_of}), "
            "and out/ still holds that run's workbooks and exports.")


def was_interrupted(events: RunEvents) -> bool:
    """Whether the run failed because it was interrupted (Dagster turns Ctrl-C/SIGTERM into a step failure)."""
    return any("ExecutionInterrupted" in _cause(err) for err in events.failed.values())


def _check_label(step: str) -> str:
    """A check step's key is "<asset>_<check>": say "the check <check> of <asset>"."""
    for asset in sorted(STAGE_LABELS, key=len, reverse=True):
        if step.startswith(asset + "_"):
            return f"check {step[len(asset) + 1:]} of {asset}"
    return step


def failure_paragraph(home: Path, events: RunEvents, before: Snapshot | None, after: Snapshot | None,
                      log_path: Path) -> tuple[str, str]:
    """(subject, paragraph) for a failed run: stage, cause, what is at fault, the state, the log."""
    state = warehouse_state(home, events, before, after)
    blocked = events.blocking_failures
    if blocked:
        first = blocked[0]
        subject = f"radar run stopped by the data-quality check {first.check}"
        checks = "; ".join(f"{c.check} on {c.asset}: {c.summary}" for c in blocked)
        fault = ", ".join(sorted({m for c in blocked for m in _PATH.findall(c.summary)}))
        text = (f"The nightly run was STOPPED by {len(blocked)} blocking data-quality check"
                f"{'s' if len(blocked) > 1 else ''}: {checks}."
                + (f" At fault: {fault}." if fault else "")
                + f" {state} Details per check: {home / 'out' / 'quality'}/<check>.json. Full log: {log_path}")
        return subject, text
    failed = [s for s in events.failed if s in STAGE_LABELS] or list(events.failed)
    step = failed[0] if failed else "unknown"
    cause = _cause(events.failed.get(step))
    fault = ", ".join(dict.fromkeys(_PATH.findall(cause)))
    label = STAGE_LABELS.get(step) or _check_label(step)
    if was_interrupted(events):
        return (f"radar run interrupted at {label}",
                f"The nightly run was INTERRUPTED (Ctrl-C or SIGTERM) during the stage '{label}' ({step}). {state} "
                f"The log is in {log_path}.")
    subject = f"radar run failed at {label}"
    cause = cause if cause.endswith((".", "!", "?")) else cause + "."
    text = (f"The nightly run FAILED at the stage '{label}' ({step}): {cause}"
            + (f" At fault: {fault}." if fault else "")
            + (f" {DUCKDB_MEMORY_HINT}" if "Out of Memory Error" in cause else "")
            + f" {state} The traceback is in {log_path}.")
    return subject, text


def write_last_failure(home: Path, subject: str, text: str, warnings: list[str]) -> Path:
    """out/last_failure.md: the same paragraph, for whoever looks at out/ first."""
    path = home / "out" / "last_failure.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"# {subject}", "", f"{dt.datetime.now():%Y-%m-%d %H:%M:%S} (local time)", "", text, ""]
    if warnings:
        lines += ["## Warnings", "", *[f"- {w}" for w in warnings], ""]
    lines += ["Fix the cause and run `radar run` again; a successful run removes this file.", ""]
    path.write_text(clean_str("\n".join(lines)), encoding="utf-8")
    return path
