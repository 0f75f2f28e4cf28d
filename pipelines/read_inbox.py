"""The `read_inbox` job: the night's new inbox files as Dagster dynamic partitions, one step each.

`plan_inbox_readings` registers one partition of `inbox_file_readings` per file the ingest would
read and fans out; `read_inbox_file` reads one file into HOME/.radar/spool and records the
partition's materialisation. Steps run under the multiprocess executor here; in a cluster the same
job runs under Dagster's Kubernetes or Celery executor (the home, or at least its inbox and spool,
on shared storage). The one publishing step is the nightly job's ingest (`inbox_files`), which
stores the spooled readings in inbox order (pipelines/stages/file_readings.py).
"""

import hashlib
import os
import re
from collections.abc import Iterator

from dagster import (
    AssetMaterialization,
    AssetSpec,
    DynamicOut,
    DynamicOutput,
    DynamicPartitionsDefinition,
    JobDefinition,
    MetadataValue,
    OpExecutionContext,
    job,
    multiprocess_executor,
    op,
)

from pipelines.resources import RadarHome
from pipelines.stages import file_readings
from pipelines.stages.file_readings import PlannedReading, SpooledReading

INBOX_FILES_NAME = "inbox_files"
INBOX_FILES = DynamicPartitionsDefinition(name=INBOX_FILES_NAME)
#: Dagster refuses these in a partition key
_NOT_IN_KEYS = ("...", "\a", "\b", "\f", "\n", "\r", "\t", "\v", "\0")

inbox_file_readings = AssetSpec(
    "inbox_file_readings",
    partitions_def=INBOX_FILES,
    group_name="ingest",
    kinds={"python"},
    description="One inbox file read ahead of the nightly ingest into HOME/.radar/spool (the read_inbox "
                "job); one partition per file, keyed by its path in the home.",
)


def partition_key(relpath: str) -> str:
    """The file's path in the home, unless Dagster refuses a character of it (then made safe and
    told apart by a digest of the path)."""
    if not any(bad in relpath for bad in _NOT_IN_KEYS):
        return relpath
    safe = relpath
    for bad in _NOT_IN_KEYS:
        safe = safe.replace(bad, "_")
    return f"{safe}#{hashlib.sha256(relpath.encode()).hexdigest()[:8]}"


def mapping_key(index: int, relpath: str) -> str:
    """A step's mapping key: letters, digits and underscores only, unique by the file's position."""
    return f"f{index:05d}_" + re.sub(r"[^A-Za-z0-9_]", "_", relpath)[-80:]


@op(out=DynamicOut(PlannedReading), description="The files the night will read, one partition and step each.")
def plan_inbox_readings(context: OpExecutionContext, inbox: RadarHome) -> Iterator[DynamicOutput[PlannedReading]]:
    planned = file_readings.plan_readings(inbox.run())
    keys = [partition_key(p.relpath) for p in planned]
    new = [k for k in dict.fromkeys(keys) if not context.instance.has_dynamic_partition(INBOX_FILES_NAME, k)]
    if new:
        context.instance.add_dynamic_partitions(INBOX_FILES_NAME, new)
    context.log.info(f"{len(planned)} inbox files to read ({len(new)} new partitions)")
    for index, reading in enumerate(planned):
        yield DynamicOutput(reading, mapping_key=mapping_key(index, reading.relpath))


@op(description="Read one inbox file into the spool.")
def read_inbox_file(context: OpExecutionContext, inbox: RadarHome, planned: PlannedReading) -> SpooledReading:
    done = file_readings.read_into_spool(inbox.run().spool_dir, planned)
    context.log_event(AssetMaterialization(
        asset_key=inbox_file_readings.key,
        partition=partition_key(planned.relpath),
        metadata={
            "status": done.status,
            "rows_loaded": done.rows_loaded,
            "rows_quarantined": done.rows_quarantined,
            "spool_file": MetadataValue.path(str(done.spool_file)),
            "partner_names_given": len(planned.partners),
            "process_id": os.getpid(),
            **({"error": done.error} if done.error else {}),
        },
    ))
    return done


@op(out=DynamicOut(PlannedReading),
    description="Go through the readings in inbox order as the ingest will; plan again the files whose reading "
                "the partner names of the files before them change.")
def settle_inbox_readings(context: OpExecutionContext, inbox: RadarHome,
                          readings: list[SpooledReading]) -> Iterator[DynamicOutput[PlannedReading]]:
    again = file_readings.settle_readings(inbox.run(), readings)
    context.log.info(f"{len(readings) - len(again)} of {len(readings)} readings stand; {len(again)} read again "
                     "with the partner names of the files before them")
    for reading in again:
        yield DynamicOutput(reading, mapping_key=mapping_key(reading.index, reading.relpath))


@op(description="What the partition steps read, for the run's log.")
def summarise_readings(context: OpExecutionContext, first: list[SpooledReading],
                       again: list[SpooledReading]) -> None:
    rows = sum(r.rows_loaded for r in first)
    context.log.info(f"{len(first)} inbox files read ahead ({len(again)} of them twice), {rows:,} rows; "
                     "the nightly ingest stores them in inbox order")


@job(
    executor_def=multiprocess_executor,
    description="Read the night's new inbox files ahead of the nightly job, one Dagster partition and step per file.",
    tags={"radar/trigger": "cli"},
)
def read_inbox() -> None:
    first = plan_inbox_readings().map(read_inbox_file).collect()
    again = settle_inbox_readings(first).map(read_inbox_file.alias("read_inbox_file_again")).collect()
    summarise_readings(first, again)


def read_inbox_for_home(home: str) -> JobDefinition:
    """The job bound to `home`, as each step process of the multiprocess executor rebuilds it."""
    from pipelines.definitions import build_definitions

    return build_definitions(home).resolve_job_def("read_inbox")
