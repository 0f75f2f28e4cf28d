"""Runs of a home's Dagster instance: which are in progress, and `radar run` processes that died
without saying so (a killed cron job), marked failed so the UI and the inbox sensor do not wait
for them forever. Runs the daemon launches are watched by Dagster's own run monitoring."""

from __future__ import annotations

import os
import socket

from dagster import DagsterInstance, DagsterRun, RunsFilter
from dagster._core.storage.dagster_run import IN_PROGRESS_RUN_STATUSES

PROCESS_TAG = "radar/process"  # host:pid of the `radar run` that runs it
TRIGGER_TAG = "radar/trigger"  # cli | inbox | schedule
USER_TAG = "user"  # the UI's "Launched by" column
#: the code location of a home's workspace.yaml (pipelines.instance) and Dagster's tag naming a run's repository:
#: a run executed in process carries no origin, and without the tag the job's Runs tab and the Overview's run
#: squares of the UI showed none of the nights `radar run` and cron ran
LOCATION_NAME = "renewal_radar"
REPOSITORY_TAG = ".dagster/repository"


def cli_tags(trigger: str = "cli") -> dict[str, str]:
    """Tags of a run started by this process: who started it and where, so its death can be seen."""
    return {TRIGGER_TAG: trigger, PROCESS_TAG: f"{socket.gethostname()}:{os.getpid()}", USER_TAG: "radar run",
            REPOSITORY_TAG: f"__repository__@{LOCATION_NAME}"}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_orphaned(run: DagsterRun) -> bool:
    """A run started by `radar run` on this machine whose process is gone."""
    host, _, pid = run.tags.get(PROCESS_TAG, "").rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    return int(pid) != os.getpid() and not _alive(int(pid))


def fail_orphaned_runs(instance: DagsterInstance) -> list[str]:
    """Mark in-progress runs whose `radar run` process died as failed, and give back the warehouse
    pool slot such a run held (else the next run would wait for it forever); returns their ids."""
    failed = []
    for run in instance.get_runs(RunsFilter(statuses=list(IN_PROGRESS_RUN_STATUSES))):
        if is_orphaned(run):
            instance.report_run_failed(run, "the radar run process that ran it is gone (killed or crashed)")
            if instance.event_log_storage.supports_global_concurrency_limits:
                instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
            failed.append(run.run_id)
    return failed


def runs_in_progress(instance: DagsterInstance, job_name: str = "nightly") -> list[DagsterRun]:
    """Queued or running runs of the job, orphaned ones left out."""
    runs = instance.get_runs(RunsFilter(job_name=job_name, statuses=list(IN_PROGRESS_RUN_STATUSES)))
    return [r for r in runs if not is_orphaned(r)]
