"""How a run's end is told: the true state of the warehouse and out/, the failure paragraph, what
changed since the last run, and the `notify:` command and webhook (a loopback server made here)."""

import datetime as dt
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from types import SimpleNamespace

from pipelines.cli.notify import notify
from pipelines.cli.outcome import Snapshot, changes_since_last_run, failure_paragraph, warehouse_state
from pipelines.cli.progress import CheckVerdict, RunEvents, stage_counts
from pipelines.ops_settings import NotifySettings

BEFORE = Snapshot(dt.datetime(2026, 11, 30, 2, 1), dt.date(2026, 11, 30),
                  {"customers": 40, "contracts": 200, "opportunities": 80}, 190_000.0)
AFTER = Snapshot(dt.datetime(2026, 12, 1, 2, 1), dt.date(2026, 12, 1),
                 {"customers": 42, "contracts": 200, "opportunities": 86}, 197_001.1)


def _error(message: str, cause_message: str | None = None) -> SimpleNamespace:
    cause = SimpleNamespace(message=cause_message, cause=None) if cause_message else None
    return SimpleNamespace(message=message, cause=cause)


def test_a_failure_after_publishing_says_the_new_warehouse_was_published(tmp_path: Path) -> None:
    events = RunEvents(succeeded=["inbox_files", "source_records", "publish_warehouse", "parquet_export"])
    events.failed["opportunity_workbooks"] = _error(
        'Error occurred while executing "opportunity_workbooks"', "PermissionError: [Errno 13] Permission denied: "
        "'out/renewal_opportunities.xlsx'")
    subject, text = failure_paragraph(tmp_path, events, BEFORE, AFTER, tmp_path / "run.log")
    assert subject == "radar run failed at Workbooks, CRM import, run summary"
    assert "FAILED at the stage 'Workbooks, CRM import, run summary' (opportunity_workbooks)" in text
    assert "Permission denied" in text and "Error occurred while executing" not in text  # the real cause
    assert "The new warehouse WAS published" in text and "as of 2026-12-01" in text
    assert "out/ is NOT up to date: Workbooks, CRM import, run summary did not finish" in text
    assert str(tmp_path / "run.log") in text


def test_a_failure_before_publishing_names_the_file_and_keeps_the_old_warehouse(tmp_path: Path) -> None:
    events = RunEvents(succeeded=["inbox_files"], skipped=["products"])
    events.failed["source_records"] = _error("ValueError: inbox/ingram/jan.csv: column 'Qty' holds text 'n/a'")
    _, text = failure_paragraph(tmp_path, events, BEFORE, BEFORE, tmp_path / "run.log")
    assert "At fault: inbox/ingram/jan.csv." in text
    assert "The warehouse was NOT replaced" in text and "built 2026-11-30 02:01 UTC, as of 2026-11-30" in text
    assert "out/ still holds that run's" in text
    assert "this home has none yet" in warehouse_state(tmp_path, events, None, None)


def test_a_blocking_check_is_named_with_its_summary(tmp_path: Path) -> None:
    events = RunEvents(checks=[
        CheckVerdict("quarantine_rate", "source_records", False, "ERROR",
                     "under 50% of a source's new rows quarantined: 1 of 12 failed (westbridge)"),
        CheckVerdict("source_freshness", "source_records", False, "WARN", "each source delivered: 1 of 3 failed"),
        CheckVerdict("contracts_linked", "contracts", True, "ERROR", "all met"),
    ])
    subject, text = failure_paragraph(tmp_path, events, BEFORE, BEFORE, tmp_path / "run.log")
    assert subject == "radar run stopped by the data-quality check quarantine_rate"
    assert "STOPPED by 1 blocking data-quality check: quarantine_rate on source_records" in text
    assert "(westbridge)" in text and "source_freshness" not in text
    assert [w.check for w in events.warnings] == ["source_freshness"]


def test_changes_since_the_last_run() -> None:
    unchanged = {"files": 55, "files_new_or_changed": 0, "files_duplicate": 0}
    assert changes_since_last_run(BEFORE, BEFORE, unchanged).startswith(
        "Nothing new in the inbox since the last run (55 files unchanged). The figures are the same")
    moved = changes_since_last_run(BEFORE, AFTER, {"files": 57, "files_new_or_changed": 2,
                                                   "rows_loaded_this_run": 310, "rows_quarantined_this_run": 4})
    assert moved.startswith("Since the last run: 2 new or changed files (310 rows loaded, 4 quarantined).")
    assert "customers 40 -> 42 (+2)" in moved and "opportunity value 190,000 -> 197,001 (+7,001)" in moved
    assert "contracts" not in moved
    assert changes_since_last_run(None, AFTER, {"files": 3, "rows_loaded_this_run": 9}).startswith("First run")
    reread = changes_since_last_run(BEFORE, AFTER, {"files": 56, "files_new_or_changed": 0, "files_reread": 55})
    assert reread.startswith("Nothing new in the inbox since the last run (56 files unchanged). 55 of them were read "
                             "again because the reader or their source's settings in sources.yaml changed.")
    assert stage_counts("inbox_files", {"files": 3, "files_new_or_changed": 1, "files_unchanged": 2,
                                        "files_failed": 0, "rows_loaded_this_run": 9}).startswith("3 files: 1 new")
    # a duplicate is counted, so the parts add up to the files (59 files: 58 new, 0 unchanged, 0 failed did not)
    assert stage_counts("inbox_files", {"files": 59, "files_new_or_changed": 58, "files_unchanged": 0,
                                        "files_duplicate": 1, "files_failed": 0, "rows_loaded_this_run": 9924}) == (
        "59 files: 58 new or changed, 0 unchanged, 1 duplicate of another, 0 failed; 9,924 rows loaded")
    # the value is the headline's: the renewals' and win-backs' count beside it, the other kinds apart
    assert stage_counts("renewal_opportunities", {
        "value": 666941.34, "kind_renewal": 219, "kind_lapsed": 44, "kind_coverage_gap": 307, "kind_coterm": 211,
    }) == "263 renewals and win-backs worth 666,941; 307 coverage gaps, 211 co-term proposals"


def test_notify_runs_the_command_with_the_message_and_posts_the_webhook(tmp_path: Path) -> None:
    received: list[dict] = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server API
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    out = tmp_path / "told.txt"
    script = f"import os, sys; open({str(out)!r}, 'w').write(os.environ['RADAR_STATUS'] + '|' + sys.stdin.read())"
    settings = NotifySettings(command=f"{sys.executable} -c \"{script}\"",
                              webhook=f"http://127.0.0.1:{server.server_address[1]}/hook")
    assert notify(settings, "success", "ok", "fine", tmp_path) == []  # on: failure (the default) – nothing sent
    assert not out.exists()
    problems = notify(settings, "failure", "radar run failed", "The nightly run FAILED ...", tmp_path)
    thread.join(timeout=10)
    server.server_close()
    assert problems == []
    assert out.read_text(encoding="utf-8") == "failure|The nightly run FAILED ..."
    assert received == [{"status": "failure", "subject": "radar run failed", "text": "The nightly run FAILED ...",
                         "home": str(tmp_path), "log": ""}]
    broken = NotifySettings(command="false", webhook="http://127.0.0.1:9/none", timeout_seconds=2)
    reported = notify(broken, "failure", "s", "t", tmp_path)
    assert len(reported) == 2 and "exited 1" in reported[0] and "webhook" in reported[1]


def test_a_check_that_crashed_is_named_as_a_check(tmp_path: Path) -> None:
    events = RunEvents(succeeded=["inbox_files", "source_records"])
    events.failed["source_records_quarantine_rate"] = _error("boom", "KeyError: 'rows'")
    subject, text = failure_paragraph(tmp_path, events, BEFORE, BEFORE, tmp_path / "run.log")
    assert subject == "radar run failed at check quarantine_rate of source_records"
    assert "KeyError: 'rows'." in text and "NOT replaced" in text


def test_duckdb_out_of_memory_says_which_setting_to_raise(tmp_path: Path) -> None:
    events = RunEvents(succeeded=["inbox_files", "source_records", "customers"])
    events.failed["contracts"] = _error(
        'Error occurred while executing "contracts"', "_duckdb.OutOfMemoryException: Out of Memory Error: failed to "
        "pin block of size 256.0 KiB (1.4 GiB/1.5 GiB used) Possible solutions: * Reducing the number of threads")
    _, text = failure_paragraph(tmp_path, events, BEFORE, BEFORE, tmp_path / "run.log")
    assert "raise it in sources.yaml (warehouse: memory_limit: 4GiB, say" in text
    events.failed["contracts"] = _error("ValueError: something else")
    assert "memory_limit" not in failure_paragraph(tmp_path, events, BEFORE, BEFORE, tmp_path / "run.log")[1]
