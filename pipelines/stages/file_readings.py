"""Stage `read_inbox`: the night's new inbox files read one per Dagster partition, ahead of the ingest.

`plan_readings` lists the files the ingest would read (new or changed bytes, a new reader or source
settings) with the partner names the ingest store knows from the *other* files; `read_into_spool`
reads one of them anywhere (another process, another machine sharing the home) and stores the
reading in HOME/.radar/spool. A file's reading depends on the partner names of the files before it
(sources.mapping); on a first night the store knows none, so `settle_readings` goes through the
spooled readings in inbox order, as the ingest will, and plans a second wave for the files whose
reading those names would change. The ingest (`pipelines.stages.ingest`) then stores the files one by
one as always, taking each spooled reading whose partner-name lookups still answer alike
(`sources.read_ahead`): the warehouse is the one reading in order gives.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from pipelines.stages.context import RunContext
from pipelines.stages.ingest import InboxFiles, KnownPartners
from sources.content import known_partner_set
from sources.read_ahead import ReadJob, read_probed
from sources.spool import SpoolKey, load_reading, store_reading
from warehouse.ingest_store import open_ingest, replaces_rows
from warehouse.partner_names import PartnerNames


@dataclass(frozen=True)
class PlannedReading:
    """One inbox file to read ahead: its place in the inbox order, the job, its spool key and the
    partner names of the other files."""

    index: int
    job: ReadJob
    key: SpoolKey
    partners: tuple[str, ...]

    @property
    def relpath(self) -> str:
        return self.job.relpath


@dataclass(frozen=True)
class SpooledReading:
    """What reading one file ahead gave (shown as the partition's materialisation)."""

    planned: PlannedReading
    status: str
    rows_loaded: int
    rows_quarantined: int
    spool_file: Path
    error: str | None = None


def plan_readings(run: RunContext) -> list[PlannedReading]:
    """The files the night's ingest would read, in inbox order (decided as `ingest_inbox` decides)."""
    inbox = InboxFiles.find(run)
    con = open_ingest(run.paths.ingest, run.duckdb_budget)
    try:
        todo = inbox.to_read(inbox.decide(con))
        partners = KnownPartners.load(con) if todo else KnownPartners()
    finally:
        con.close()
    return [PlannedReading(i, inbox.job(f), inbox.spool_key(f), tuple(partners.for_file(f.relpath)))
            for i, f in enumerate(todo)]


def read_into_spool(spool: Path, planned: PlannedReading) -> SpooledReading:
    """Read one planned file with the partner names it was planned with and spool the reading."""
    outcome, probed = read_probed(planned.job, known_partner_set(planned.partners))
    path = store_reading(spool, planned.key, outcome, probed)
    return SpooledReading(planned, outcome.status, outcome.rows_loaded, outcome.rows_quarantined, path,
                          outcome.error)


def settle_readings(run: RunContext, readings: list[SpooledReading]) -> list[PlannedReading]:
    """The files to read again, with the partner names the ingest will give them: the spooled
    readings are gone through in inbox order, each file's names (as the ingest store will hold them)
    added after its turn, and a file whose lookups those names answer otherwise is planned again.
    One reading is loaded at a time."""
    con = open_ingest(run.paths.ingest, run.duckdb_budget)
    try:
        evidence = PartnerNames.from_store(con)
    finally:
        con.close()
    again = []
    for done in sorted(readings, key=lambda r: r.planned.index):
        planned = done.planned
        names = KnownPartners.of(evidence).for_file(planned.relpath)
        reading = load_reading(run.spool_dir, planned.key)
        if reading is None or not reading[1].answers_alike(known_partner_set(names)):
            again.append(replace(planned, partners=tuple(names)))
        if reading is not None and replaces_rows(reading[0].status, reading[0].rows_loaded
                                                 + reading[0].rows_quarantined):
            evidence.replace_file(planned.relpath, reading[0].arrow() if reading[0].rows_loaded else None)
    return again
