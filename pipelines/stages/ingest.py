"""Stage `ingest`: read every new inbox file into the ingest store (sources -> warehouse), then
start the night's warehouse build with source_records, quarantine and ingested_files."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Generator
from dataclasses import asdict, dataclass, field
from functools import partial

import duckdb

from pipelines.config import RadarConfig
from pipelines.stages.context import RunContext
from pipelines.stages.memo import record_source_records
from pipelines.stages.night import night_fingerprint, record_night, start_unchanged_night
from sources.content import known_partner_set
from sources.date_orders import SourceDateOrders
from sources.inbox import InboxFile, OutsideLink, discover, outside_links, source_fingerprint, unclaimed_files
from sources.limits import ReadLimits
from sources.read_ahead import Preread, ReadAheadStats, ReadJob, read_in_order, workers_for
from sources.reader import READER_VERSION, FileOutcome
from sources.records import quarantine_to_arrow
from sources.spool import SpoolKey, clear_spool, load_reading
from warehouse.build import load_staging_tables, start_build
from warehouse.comments import apply_comments
from warehouse.ingest_store import Candidate, open_ingest, plan, record_file, replaces_rows
from warehouse.partner_names import PartnerNames
from warehouse.retraction import Absent, settle_absent, stored_files, supersede_moved
from warehouse.sql_runner import count_rows

#: the tables `stage_source_records` starts a build with
STAGED_TABLES: tuple[str, ...] = ("source_records", "quarantine", "ingested_files")


@dataclass
class FileResult:
    """What happened to one inbox file in this run."""

    source: str
    path: str
    action: str  # read | reread (same bytes, new reader or source settings) | skip | duplicate | absent
    status: str  # loaded | empty | error | needs_mapping | duplicate | unchanged | missing | retracted
    rows_loaded: int = 0
    rows_quarantined: int = 0
    error: str | None = None  # for needs_mapping: what is missing, the headers seen, the columns: block


@dataclass
class KnownPartners:
    """Partner names in the ingest store; a file is read with the names *other* files gave, so a
    file's own earlier reading never confirms itself."""

    shared: list[str] = field(default_factory=list)  # named by two files or more
    by_file: dict[str, list[str]] = field(default_factory=dict)  # named by one file only

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> KnownPartners:
        return cls.of(PartnerNames.from_store(con))

    @classmethod
    def of(cls, evidence: PartnerNames) -> KnownPartners:
        """Made again after every file the ingest stores, from the files `evidence` keeps per known
        name (a pass over the names, not over every (name, file) pair: 4 s a million-row night)."""
        known = evidence.known()
        by_file: dict[str, list[str]] = {}
        for name in sorted(n for n, files in known.items() if len(files) == 1):
            (source_file,) = known[name]
            by_file.setdefault(source_file, []).append(name)
        return cls(sorted(n for n, files in known.items() if len(files) > 1), dict(sorted(by_file.items())))

    def for_file(self, relpath: str) -> list[str]:
        return self.shared + [n for f, names in self.by_file.items() if f != relpath for n in names]


@dataclass(frozen=True)
class InboxFiles:
    """The inbox files sources.yaml names and what reads them (each source's fingerprint, the read
    limits): what the ingest and the read_inbox plan both decide from, so they decide alike."""

    files: list[InboxFile]
    fingerprints: dict[str, str]
    limits: ReadLimits

    @classmethod
    def find(cls, run: RunContext) -> InboxFiles:
        config = run.config
        return cls(discover(run.home, config.sources),
                   {s.name: source_fingerprint(s, reader_version(config)) for s in config.sources},
                   config.limits.read_limits())

    def decide(self, con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str | None]]:
        """Per path: skip, duplicate (of another path) or read (`ingest_store.plan`)."""
        return plan(con, [Candidate(f.source.name, f.relpath, f.sha256, self.fingerprints[f.source.name],
                                    dt.datetime.fromtimestamp(f.modified_at)) for f in self.files])

    def to_read(self, decisions: dict[str, tuple[str, str | None]]) -> list[InboxFile]:
        return [f for f in self.files if decisions[f.relpath][0] == "read"]

    def job(self, f: InboxFile) -> ReadJob:
        return ReadJob(f.path, f.relpath, f.source, self.limits, f.size_bytes)

    def spool_key(self, f: InboxFile) -> SpoolKey:
        return SpoolKey(f.relpath, f.sha256, self.fingerprints[f.source.name])


def reader_version(config: RadarConfig) -> str:
    """The reader version files are fingerprinted with: READER_VERSION, plus the `limits:` that differ
    from the defaults (raising a limit reads a refused file again; an unchanged home reads nothing)."""
    changed = config.limits.changed()
    return READER_VERSION + (f"+limits:{json.dumps(changed, sort_keys=True)}" if changed else "")


def absent_files(run: RunContext, files: list[InboxFile], stored: list[tuple[str, str, str]],
                 links: list[str] | None = None) -> list[Absent]:
    """Stored files the inbox no longer shows, with why: the source left sources.yaml, the file is
    no longer matched by its source's glob, or it is gone. A source with `retract_missing: true`
    has them retracted at once. `links` (symlinks out of the home, recorded as errors) are present."""
    present = {f.relpath for f in files} | set(links or [])
    sources = {s.name: s for s in run.config.sources}
    out: dict[str, Absent] = {}
    for source, path, status in stored:
        if path in present or path in out or status in ("superseded", "retracted"):
            continue
        src = sources.get(source)
        if src is None:
            reason = f"source '{source}' is no longer in sources.yaml"
        elif (run.home / path).is_file():
            reason = f"no longer matched by source '{source}' (path: {src.path})"
        else:
            reason = "no longer in the inbox"
        out[path] = Absent(path, reason, retract=bool(src is not None and src.retract_missing), source=source)
    return list(out.values())


def _log_reading(stats: ReadAheadStats, prereads: int, jobs: int, log: Callable[[str], None]) -> None:
    """How the files were read: taken from the partitions, by workers, read again, or read alone after a
    reading process died."""
    if prereads:
        log(f"{stats.preread} of {prereads} files taken as the read_inbox partitions read them; "
            f"{prereads - stats.preread} read again here (the partner names before them changed)")
    elif stats.workers:
        log(f"{jobs} files read by {stats.workers} worker processes; {len(stats.read_again)} read again "
            f"in order (the partner names known before them changed their reading), {len(stats.mapped_again)} "
            "of them only mapped again (the same columns: their typed rows kept)")
    if stats.read_alone:
        log(f"a reading process died: {len(stats.read_alone)} files it and the others held read again each in "
            f"a process of its own; {len(stats.died)} ended that one too and are errors"
            + (f" ({', '.join(stats.died)})" if stats.died else ""))


def ingest_inbox(run: RunContext, log: Callable[[str], None] = lambda _msg: None,
                 progress: Callable[[int, int], None] = lambda _done, _total: None) -> list[FileResult]:
    """Read new and changed files; skip unchanged ones; record copies as duplicates.

    A file with a required field no column can be found for is recorded as one `needs_mapping`
    row carrying the message and the suggested `columns:` block; adding the block to sources.yaml
    changes the source's fingerprint, so the next run reads the file again. `progress(done, total)`
    is called after each file.
    """
    config, run_id = run.config, run.run_id
    inbox = InboxFiles.find(run)
    files, fingerprints = inbox.files, inbox.fingerprints
    results: list[FileResult] = []
    con = open_ingest(run.paths.ingest, run.duckdb_budget)
    outcomes: Generator[tuple[ReadJob, FileOutcome], None, None] | None = None
    try:
        unread_links = outside_links(run.home, config.sources)  # looked for once: recorded below
        links = [link.relpath for link in unread_links]
        absent = absent_files(run, files, stored_files(con), links)
        auto = {r.path: r for r in settle_absent(con, [f.relpath for f in files] + links, absent)}
        for a in absent:
            retracted = auto.get(a.path)
            log(f"{a.path}: " + (f"retracted ({a.reason}; {retracted.rows_loaded} rows taken out)" if retracted
                                 else f"missing ({a.reason}; its rows are kept)"))
            results.append(FileResult(a.source, a.path, "absent", "retracted" if retracted else "missing",
                                      error=a.reason))
        decisions = inbox.decide(con)
        to_read = inbox.to_read(decisions)
        jobs = [inbox.job(f) for f in to_read]
        preread = spooled_readings(run, [inbox.spool_key(f) for f in to_read])
        evidence = PartnerNames.from_store(con) if jobs else PartnerNames()
        partners = KnownPartners.of(evidence)
        known = set(con.execute("SELECT path, sha256 FROM ingested_files "
                                "WHERE status NOT IN ('superseded', 'missing', 'retracted')").fetchall())
        orders = stored_date_orders(con) if jobs else SourceDateOrders()
        stats = ReadAheadStats()
        outcomes = read_in_order(jobs, lambda job: known_partner_set(partners.for_file(job.relpath)),
                                 workers_for([j for j in jobs if j.relpath not in preread]), stats, preread,
                                 order_for=lambda job: orders.order_for(job.source.name, job.relpath))
        for done, f in enumerate(files):
            progress(done, len(files))
            action, other = decisions[f.relpath]
            base = {
                "source": f.source.name, "path": f.relpath, "sha256": f.sha256, "size_bytes": f.size_bytes,
                "modified_at": dt.datetime.fromtimestamp(f.modified_at), "fingerprint": fingerprints[f.source.name],
                "run_id": run_id,
            }
            if action == "skip":
                results.append(FileResult(f.source.name, f.relpath, action, "unchanged"))
                continue
            if action == "duplicate":
                record_file(con, {**base, "status": "duplicate", "duplicate_of": other})
                log(f"{f.relpath}: duplicate of {other}")
                results.append(FileResult(f.source.name, f.relpath, action, "duplicate"))
                continue
            job, outcome = next(outcomes)
            assert job.relpath == f.relpath, (job.relpath, f.relpath)
            records = outcome.arrow() if outcome.rows_loaded else None
            replaced = record_file(
                con,
                {
                    **base, "status": outcome.status, "error": outcome.error,
                    "rows_read": outcome.rows_read, "rows_loaded": outcome.rows_loaded,
                    "rows_quarantined": outcome.rows_quarantined, "rows_blank": outcome.blank_rows,
                    "rows_total": outcome.total_rows, "warnings": outcome.warnings,
                    "sheets": [asdict(s) for s in outcome.sheets], "detected": outcome.detected,
                },
                records,
                quarantine_to_arrow(outcome.quarantine) if outcome.rows_quarantined else None,
            )
            if replaces_rows(outcome.status, outcome.rows_loaded + outcome.rows_quarantined):
                # the next file sees these names, as a later run (or one after a kill) would
                evidence.replace_file(f.relpath, records)
                partners = KnownPartners.of(evidence)
                orders.record(f.source.name, f.relpath, [s.evidence for s in outcome.sheets])
            log(f"{f.relpath}: {outcome.status}, {outcome.rows_loaded} rows loaded, "
                f"{outcome.rows_quarantined} quarantined" + (f" ({outcome.error})" if outcome.error else ""))
            if replaced:
                log(f"{f.relpath}: {replaced}")
            action = "reread" if (f.relpath, f.sha256) in known else action
            results.append(FileResult(f.source.name, f.relpath, action, outcome.status,
                                      outcome.rows_loaded, outcome.rows_quarantined, outcome.error))
        _log_reading(stats, len(preread), len(jobs), log)
        for old, new in supersede_moved(con):
            log(f"{old}: moved to {new} (the same bytes); its rows now come from there")
        results += _record_outside_links(con, run, unread_links, fingerprints, log)
        unread = unclaimed_files(run.home, config.sources)
        for path in unread[:UNCLAIMED_LISTED]:
            log(f"{path}: not read: no source's path in sources.yaml names it")
        if len(unread) > UNCLAIMED_LISTED:
            log(f"... and {len(unread) - UNCLAIMED_LISTED} more files no source's path names (not read)")
        clear_spool(run.spool_dir)  # every reading made ahead is stored now (or was read again)
    finally:
        if outcomes is not None:
            outcomes.close()  # stops the worker processes, also when a file's storing failed
        con.close()
    progress(len(files), len(files))
    return results


def stored_date_orders(con: duckdb.DuckDBPyConnection) -> SourceDateOrders:
    """The day/month order each stored file's dates proved, by source (`sources.date_orders`)."""
    rows = con.execute("SELECT source, path, sheets FROM ingested_files WHERE sheets IS NOT NULL "
                       "AND status NOT IN ('superseded', 'retracted', 'duplicate', 'error')").fetchall()
    return SourceDateOrders.of((source, path, [sheet.get("evidence") or {} for sheet in json.loads(sheets)])
                               for source, path, sheets in rows)


def spooled_readings(run: RunContext, keys: list[SpoolKey]) -> dict[str, Preread]:
    """The readings the read_inbox partition steps spooled under `keys`, by path, loaded at their turn."""
    return {k.relpath: partial(load_reading, run.spool_dir, k) for k in keys
            if (run.spool_dir / k.filename()).is_file()}


#: inbox files no source names, listed one by one in the run's log (then counted)
UNCLAIMED_LISTED = 20


def _record_outside_links(con: duckdb.DuckDBPyConnection, run: RunContext, links: list[OutsideLink],
                          fingerprints: dict[str, str],
                          log: Callable[[str], None]) -> list[FileResult]:
    """The links never read (`outside_links`, found as the stage began: out of the home, to nothing, into another
    source's folder): each is an `error` row naming its target, recorded once and reported on every run (so a
    skipped file is never silent)."""
    decisions = plan(con, [Candidate(link.source.name, link.relpath, link.sha256, fingerprints[link.source.name])
                           for link in links])
    out = []
    for link in links:
        if decisions[link.relpath][0] != "skip":
            modified = dt.datetime.fromtimestamp((run.home / link.relpath).lstat().st_mtime)
            record_file(con, {"source": link.source.name, "path": link.relpath, "sha256": link.sha256,
                              "size_bytes": 0, "modified_at": modified, "fingerprint": fingerprints[link.source.name],
                              "run_id": run.run_id, "status": "error", "error": link.reason})
        log(link.reason)
        out.append(FileResult(link.source.name, link.relpath, "read" if decisions[link.relpath][0] != "skip"
                              else "skip", "error", error=link.reason))
    return out


def stage_source_records(run: RunContext) -> dict[str, int]:
    """Start a new warehouse build beside the live one, holding the ingest store's current rows.

    When nothing changed since the live warehouse was built (pipelines/stages/night.py), the build
    starts as a copy of it instead. Returns the row count of each staged table.
    """
    fingerprint = night_fingerprint(run)
    if start_unchanged_night(run, fingerprint):
        with run.building() as con:
            return {t: count_rows(con, t) for t in STAGED_TABLES}
    start_build(run.paths, run.config.warehouse.storage_version)
    with run.building() as con:
        load_staging_tables(con, run.paths.ingest)
        apply_comments(con, list(STAGED_TABLES))
        record_source_records(run, con)
        record_night(con, fingerprint)
        return {t: count_rows(con, t) for t in STAGED_TABLES}
