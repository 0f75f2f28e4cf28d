"""What `radar run` shows while the job runs: each stage as it starts and ends, with its duration and
counts, and each check's verdict; a live line with a spinner (and a bar where the stage knows its
total, e.g. inbox files) on a terminal, plain lines otherwise. Every Dagster record also goes to the
run's log file, tracebacks included."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from reports.safe_text import clean_str

#: stage (asset) -> what people call it
STAGE_LABELS: dict[str, str] = {
    "inbox_files": "Reading the inbox",
    "source_records": "Staging source records",
    "products": "Products and list prices",
    "customers": "Resolving customers",
    "partners": "Resolving partners",
    "asset_registry": "Resolving assets by serial",
    "contracts": "Building contracts",
    "renewal_opportunities": "Valuing renewal opportunities",
    "renewal_summary": "Summarising the book",
    "channel_economics": "Economics by reseller and customer",
    "channel_audit": "Registration audit and reseller scorecards",
    "publish_warehouse": "Publishing the warehouse",
    "parquet_export": "Parquet export",
    "opportunity_workbooks": "Workbooks, CRM import, run summary",
}


def _opportunities_line(rows: int | None, meta: Mapping[str, Any]) -> str:
    """What the valuing found, the headline apart from the rest: its value is the renewals' and win-backs'
    only ("781 opportunities, value 666,941" read as 781 renewals worth that)."""
    value = meta.get("value")
    kinds = {k[len("kind_"):]: int(v) for k, v in meta.items() if k.startswith("kind_") and isinstance(v, int | float)}
    if not kinds or not isinstance(value, float):
        return f"{_n(rows)} opportunities" + (f", value {value:,.0f}" if isinstance(value, float) else "")
    headline = kinds.get("renewal", 0) + kinds.get("lapsed", 0)
    return (f"{_n(headline)} renewals and win-backs worth {value:,.0f}; {_n(kinds.get('coverage_gap', 0))} coverage "
            f"gaps, {_n(kinds.get('coterm', 0))} co-term proposals")


def _n(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def stage_counts(stage: str, meta: dict[str, Any]) -> str:
    """The few counts worth a line, from a stage's materialisation metadata."""
    counts = _counts(stage, meta)
    if meta.get("reused"):
        note = ("nothing changed: out/ already holds them" if stage in ("parquet_export", "opportunity_workbooks")
                else "inputs unchanged: copied from the last warehouse, statuses and renewal owners as of the "
                "run's date" if stage == "contracts"
                else "inputs unchanged: copied from the last warehouse")
        return f"{counts} ({note})" if counts else note
    return counts


def _counts(stage: str, meta: dict[str, Any]) -> str:
    rows = meta.get("dagster/row_count")
    if stage == "inbox_files":
        reread, dup = meta.get("files_reread", 0), meta.get("files_duplicate", 0)
        return (f"{_n(meta.get('files', 0))} files: {_n(meta.get('files_new_or_changed', 0))} new or changed, "
                + (f"{_n(reread)} re-read (new reader or source settings), " if reread else "")
                + f"{_n(meta.get('files_unchanged', 0))} unchanged, "
                + (f"{_n(dup)} duplicate{'' if dup == 1 else 's'} of another, " if dup else "")
                + f"{_n(meta.get('files_failed', 0))} failed; "
                f"{_n(meta.get('rows_loaded_this_run', 0))} rows loaded")
    if stage == "source_records":
        return f"{_n(rows)} records, {_n(meta.get('rows_quarantine', 0))} in quarantine"
    if stage in ("customers", "partners", "asset_registry"):
        share = meta.get("matched_record_share")
        return f"{_n(rows)} from {_n(meta.get('mentions', 0))} mentions" + (
            f", {share:.0%} of records matched another" if isinstance(share, float) else "")
    if stage == "renewal_opportunities":
        return _opportunities_line(rows, meta)
    if stage == "publish_warehouse":
        return f"{_n(meta.get('tables', 0))} tables, {meta.get('size_mb', '?')} MB"
    if stage == "parquet_export":
        return f"{_n(meta.get('tables', 0))} tables"
    if stage == "opportunity_workbooks":
        direct = ", the vendor's direct list" if meta.get("vendor_direct") else ""
        return (f"{_n(meta.get('rep_workbooks', 0))} rep and {_n(meta.get('reseller_workbooks', 0))} reseller "
                f"workbooks{direct}")
    return f"{_n(rows)} rows" if rows is not None else ""


SPINNER = "|/-\\"
BAR_WIDTH = 24


def _meta_values(entries: dict[str, Any]) -> dict[str, Any]:
    return {k: getattr(v, "value", v) for k, v in entries.items()}


@dataclass
class CheckVerdict:
    """A check's result as the run summary tells it."""

    check: str
    asset: str
    passed: bool
    severity: str  # ERROR | WARN
    summary: str


@dataclass
class RunEvents:
    """What happened in the run, collected from its events."""

    started: dict[str, float] = field(default_factory=dict)
    succeeded: list[str] = field(default_factory=list)
    failed: dict[str, Any] = field(default_factory=dict)  # step -> SerializableErrorInfo
    skipped: list[str] = field(default_factory=list)
    metadata: dict[str, dict[str, Any]] = field(default_factory=dict)
    checks: list[CheckVerdict] = field(default_factory=list)

    @property
    def blocking_failures(self) -> list[CheckVerdict]:
        return [c for c in self.checks if not c.passed and c.severity == "ERROR"]

    @property
    def warnings(self) -> list[CheckVerdict]:
        return [c for c in self.checks if not c.passed and c.severity != "ERROR"]


class RunDisplay:
    """The listener `radar run` installs (pipelines.progress_logger.listen)."""

    def __init__(self, log_path: Path, out: TextIO | None = None, *, live: bool | None = None) -> None:
        self.out = out or sys.stdout
        self.live = self.out.isatty() if live is None else live
        self.events = RunEvents()
        self.log_path = log_path
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()
        self._lock = threading.Lock()
        self._status: dict[str, tuple[int, int | None]] = {}  # running stage -> (done, total)
        self._spin = 0
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        if self.live:
            self._ticker = threading.Thread(target=self._tick, name="radar-progress", daemon=True)
            self._ticker.start()

    def close(self) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join(timeout=2)
        with self._lock:
            self._clear_status()
        self._log.close()

    def _tick(self) -> None:
        while not self._stop.wait(0.2):
            with self._lock:
                self._spin += 1
                self._draw_status()

    def _clear_status(self) -> None:
        if self.live:
            self.out.write("\r\x1b[2K")
            self.out.flush()

    def _draw_status(self) -> None:
        """One line at the bottom: a spinner, the running stage, a bar when its total is known, the time."""
        if not self.live or not self._status:
            return
        stage = next(reversed(self._status))
        done, total = self._status[stage]
        took = time.monotonic() - self.events.started.get(stage, time.monotonic())
        bar = ""
        if total:
            filled = int(BAR_WIDTH * min(done, total) / total)
            bar = f" [{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {done:,}/{total:,}"
        self.out.write(f"\r\x1b[2K{SPINNER[self._spin % len(SPINNER)]} {STAGE_LABELS[stage]}{bar}  {took:.0f} s")
        self.out.flush()

    def _print(self, text: str) -> None:
        """A permanent line (above the status line on a terminal)."""
        self._clear_status()
        print(clean_str(text), file=self.out, flush=True)
        self._draw_status()

    def note(self, text: str) -> None:
        """A line of `radar run`'s own (not a Dagster event), on the terminal and in the run's log."""
        with self._lock:
            self._log.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} INFO    -: {text}\n")
            self._print(text)

    def on_progress(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            if stage in self._status:
                self._status[stage] = (done, total)
                self._draw_status()

    def on_record(self, record: logging.LogRecord, event: Any | None) -> None:
        meta = getattr(record, "dagster_meta", {}) or {}
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(record.created))
        with self._lock:
            self._log.write(f"{stamp} {record.levelname:<7} {meta.get('step_key') or '-'}: "
                            f"{meta.get('orig_message', record.getMessage())}\n")
            if event is not None:
                self._event(event)
            self._log.flush()

    def _event(self, event: Any) -> None:
        kind = event.event_type_value
        step = event.step_key
        stage = step if step in STAGE_LABELS else None
        if kind == "STEP_START" and stage:
            self.events.started[stage] = time.monotonic()
            self._print(f"{time.strftime('%H:%M:%S')}  {STAGE_LABELS[stage]} ...")
            self._status[stage] = (0, None)
        elif kind == "ASSET_MATERIALIZATION" and stage:
            self.events.metadata[stage] = _meta_values(dict(event.event_specific_data.materialization.metadata))
        elif kind == "ASSET_CHECK_EVALUATION":
            self._check(event.event_specific_data)
        elif kind == "STEP_SUCCESS" and stage:
            self.events.succeeded.append(stage)
            meta = self.events.metadata.get(stage, {})
            self._end(stage, "done", stage_counts(stage, meta), meta.get("peak_rss_mib"))
        elif kind == "STEP_FAILURE":
            err = event.step_failure_data.error
            self.events.failed[step] = err
            if err is not None:
                self._log.write(f"--- traceback of {step} ---\n{err.to_string()}\n")
            if stage:
                self._end(stage, "FAILED", "")
        elif kind == "STEP_SKIPPED" and stage:
            self.events.skipped.append(stage)
            self._print(f"{time.strftime('%H:%M:%S')}  {STAGE_LABELS[stage]}: skipped (an earlier step failed)")

    def _end(self, stage: str, word: str, counts: str, peak_mib: Any = None) -> None:
        took = time.monotonic() - self.events.started.get(stage, time.monotonic())
        self._status.pop(stage, None)
        peak = f", peak {peak_mib:,.0f} MiB" if isinstance(peak_mib, (int, float)) else ""
        self._print(f"{time.strftime('%H:%M:%S')}  {STAGE_LABELS[stage]}: {word} in {took:.1f} s{peak}"
                    + (f" – {counts}" if counts else ""))

    def _check(self, evaluation: Any) -> None:
        meta = _meta_values(dict(evaluation.metadata))
        verdict = CheckVerdict(
            check=evaluation.check_name, asset=evaluation.asset_key.to_user_string(), passed=evaluation.passed,
            severity=evaluation.severity.value, summary=str(meta.get("summary", evaluation.description or "")),
        )
        self.events.checks.append(verdict)
        if verdict.passed:
            self._print(f"          check {verdict.check}: passed")
        elif verdict.severity == "ERROR":
            self._print(f"          check {verdict.check}: FAILED (blocking) – {verdict.summary}")
        else:
            self._print(f"          check {verdict.check}: warning – {verdict.summary}")
