"""Reading ahead in worker processes gives exactly the outcomes of reading one file after another,
with the partner names known growing as files are stored."""

from __future__ import annotations

import os
import signal
from dataclasses import asdict, replace
from functools import partial
from pathlib import Path

import pandas as pd
import pytest

from sources.config import SourceConfig
from sources.content import PartnerNames, ProbedPartnerNames, known_partner_set, partner_overlap
from sources.limits import DEFAULT_LIMITS
from sources.read_ahead import PARALLEL_MIN_BYTES, ReadAheadStats, ReadJob, read_in_order, read_probed, workers_for
from sources.reader import FileOutcome, read_source_file
from sources.spool import SpoolKey, load_reading, store_reading
from tests.sources.test_mapping import _write_csv

CUSTOMERS = ["Globex Corporation", "Initech LLC", "Umbrella Health Inc", "Stark Industries",
             "Wayne Enterprises", "Soylent Foods Inc", "Tyrell Corp", "Wonka Industries"]


def _named(resellers: list[str], n: int = 16) -> list[list[object]]:
    """Rows of a report whose headers say which column is the reseller."""
    return [[f"2026-02-{i % 27 + 1:02d}", resellers[i % len(resellers)], CUSTOMERS[i % 8], f"SKU-{i % 3}0",
             f"SN{9000 + i}", "1", f"{100 + i}.50"] for i in range(n)]


def _jobs(tmp_path: Path) -> list[ReadJob]:
    """Four files: one naming its resellers plainly; one with two unnamed company columns (read by
    the names known); one naming other resellers; one that cannot be read."""
    src = SourceConfig(name="dist", kind="distributor", path="inbox/*.csv")
    header = ["Ship Date", "Reseller", "End Customer", "SKU", "Serial", "Qty", "Price"]
    plain = _write_csv(tmp_path / "a_plain.csv", header, _named(["Bluewave IT Inc", "Datalink LLC"]))
    ambiguous = _write_csv(tmp_path / "b_ambiguous.csv", ["Company A", "Company B", "SKU", "Date"],
                       [[CUSTOMERS[i % 8], ["Bluewave IT Inc", "Datalink LLC"][i % 2], f"SKU-{i % 3}0",
                         f"2026-01-{i + 1:02d}"] for i in range(16)])
    others = _write_csv(tmp_path / "c_others.csv", header, _named(["Northwind Traders Ltd", "Contoso AG"]))
    broken = tmp_path / "d_broken.csv"
    broken.write_bytes(b"\x00\x01\x02 not a table")
    return [ReadJob(p, p.name, src, DEFAULT_LIMITS, p.stat().st_size) for p in (plain, ambiguous, others, broken)]


class _Store:
    """The partner names of the files stored so far, as the ingest stage keeps them."""

    def __init__(self) -> None:
        self.names: dict[str, list[str]] = {}

    def known_for(self, job: ReadJob) -> PartnerNames:
        return known_partner_set([n for f, names in self.names.items() if f != job.relpath for n in names])

    def store(self, job: ReadJob, outcome: FileOutcome) -> None:
        if outcome.rows_loaded:
            self.names[job.relpath] = sorted({n for n in outcome.arrow()["reseller_name"].to_pylist() if n})


def _sequential(jobs: list[ReadJob]) -> list[FileOutcome]:
    store, out = _Store(), []
    for job in jobs:
        outcome = read_source_file(job.path, job.relpath, job.source, store.known_for(job), limits=job.limits)
        store.store(job, outcome)
        out.append(outcome)
    return out


def _assert_same(a: FileOutcome, b: FileOutcome) -> None:
    assert (a.status, a.error, a.warnings, a.detected) == (b.status, b.error, b.warnings, b.detected)
    assert [s.mapping for s in a.sheets] == [s.mapping for s in b.sheets]
    assert a.arrow().equals(b.arrow())  # the records as the ingest stores them
    pd.testing.assert_frame_equal(a.quarantine.reset_index(drop=True), b.quarantine.reset_index(drop=True))


@pytest.mark.parametrize("workers", [0, 2])
def test_outcomes_equal_reading_one_by_one(tmp_path: Path, workers: int) -> None:
    jobs = _jobs(tmp_path)
    expected = _sequential(jobs)
    store, stats = _Store(), ReadAheadStats()
    got = []
    for job, outcome in read_in_order(jobs, store.known_for, workers, stats):
        store.store(job, outcome)
        got.append(outcome)
    assert len(got) == len(expected) == 4
    for a, b in zip(got, expected, strict=True):
        _assert_same(a, b)
    # the ambiguous file's reseller column is the one the first file's names point to
    assert set(got[1].arrow()["reseller_name"].to_pylist()) == {"Bluewave IT Inc", "Datalink LLC"}
    assert got[3].status == "error"
    if workers:
        # sent off before the first file's names were known, the ambiguous file was read again; the
        # file naming other resellers and the broken one were kept as the workers read them
        assert "b_ambiguous.csv" in stats.read_again
        assert "c_others.csv" not in stats.read_again and "d_broken.csv" not in stats.read_again
        assert stats.ahead + len(stats.read_again) == 4


def test_a_file_whose_columns_stay_assigned_keeps_the_rows_its_worker_typed(tmp_path: Path) -> None:
    """Sent off before the first file's names were known, a file whose headers name its columns looks
    the names up all the same: the answers differ, so it is mapped again, but every column goes where
    it went, and its rows are the worker's; its confidences and notes are this mapping's."""
    jobs = _jobs(tmp_path)
    header = ["Ship Date", "Reseller", "End Customer", "SKU", "Serial", "Qty", "Price"]
    rows = _named(["Bluewave IT Inc", "Datalink LLC", "Fabrikam Partners"], n=40)
    rows[3][6] = "not a price"  # a quarantined row and a note of the typer's, kept with the rows
    named = _write_csv(tmp_path / "b_named.csv", header, rows)
    jobs = [jobs[0], ReadJob(named, named.name, jobs[0].source, DEFAULT_LIMITS, named.stat().st_size), *jobs[1:]]
    expected = _sequential(jobs)
    store, stats = _Store(), ReadAheadStats()
    got = []
    for job, outcome in read_in_order(jobs, store.known_for, 2, stats):
        store.store(job, outcome)
        got.append(outcome)
    for a, b in zip(got, expected, strict=True):
        _assert_same(a, b)
        assert [asdict(s) for s in a.sheets] == [asdict(s) for s in b.sheets]  # confidences included
    assert "b_named.csv" in stats.read_again and stats.mapped_again == ["b_named.csv"]
    assert got[1].rows_quarantined == 1 and got[1].plan == expected[1].plan


def test_a_reading_typed_before_gives_its_rows_and_this_mappings_notes(tmp_path: Path) -> None:
    """`typed_before` with the same plan: its rows, with the sheets' column evidence and the warnings of
    the mapping made now (the ones it carries are stale); with another plan, the file is typed anew."""
    job = _jobs(tmp_path)[0]
    names = known_partner_set(["Bluewave IT Inc"])
    fresh = read_source_file(job.path, job.relpath, job.source, names, limits=job.limits)
    packed = read_probed(job, known_partner_set([]))[0]
    stale = replace(packed, sheets=[replace(s, columns={"stale": True}) for s in packed.sheets], warnings=["stale"])
    kept = read_source_file(job.path, job.relpath, job.source, names, limits=job.limits, typed_before=stale)
    assert kept.table is stale.table  # the rows typed before, not typed again
    _assert_same(kept, fresh)
    assert [asdict(s) for s in kept.sheets] == [asdict(s) for s in fresh.sheets]
    other = replace(stale, plan=(replace(stale.plan[0], header=None),))
    typed = read_source_file(job.path, job.relpath, job.source, names, limits=job.limits, typed_before=other)
    assert typed.table is None and typed.parts  # typed here
    _assert_same(typed, fresh)


def test_probed_names_record_lookups_and_compare_answers() -> None:
    probed = ProbedPartnerNames(known_partner_set([]))
    assert partner_overlap(pd.Series(["Bluewave IT Inc", "Globex Corporation"]), probed) == 0.0
    assert probed.probes == [("bluewave it", "globex")]  # looked up even in no names
    assert probed.answers_alike(known_partner_set(["Northwind"]))  # answers every lookup alike
    assert not probed.answers_alike(known_partner_set(["Bluewave IT"]))


def test_small_nights_are_read_in_this_process(tmp_path: Path) -> None:
    src = SourceConfig(name="dist", kind="distributor", path="inbox/*.csv")
    small = [ReadJob(tmp_path / f"{i}.csv", f"{i}.csv", src, DEFAULT_LIMITS, 1000) for i in range(50)]
    big = [ReadJob(tmp_path / f"{i}.csv", f"{i}.csv", src, DEFAULT_LIMITS, PARALLEL_MIN_BYTES) for i in range(3)]
    assert workers_for(small, cores=2) == 0
    assert workers_for(big[:1], cores=2) == 0
    assert workers_for(big, cores=1) == 0
    assert workers_for(big, cores=2) == 2


@pytest.mark.parametrize("workers", [0, 2])
def test_readings_spooled_before_the_ingest_give_the_outcomes_of_reading_one_by_one(tmp_path: Path,
                                                                                      workers: int) -> None:
    jobs = _jobs(tmp_path)
    expected = _sequential(jobs)
    spool = tmp_path / "spool"
    keys = {job.relpath: SpoolKey(job.relpath, f"sha-{job.relpath}", "fp") for job in jobs[:3]}
    for job in jobs[:3]:  # read as the first night's partitions read: no partner name known yet
        store_reading(spool, keys[job.relpath], *read_probed(job, known_partner_set([])))
    preread = {relpath: partial(load_reading, spool, key) for relpath, key in keys.items()}
    store, stats = _Store(), ReadAheadStats()
    got = []
    for job, outcome in read_in_order(jobs, store.known_for, workers, stats, preread):
        store.store(job, outcome)
        got.append(outcome)
    for a, b in zip(got, expected, strict=True):
        _assert_same(a, b)
    # the ambiguous file needed the first file's names: read again; the other two spooled readings stood
    assert stats.preread == 2 and stats.read_again == ["b_ambiguous.csv"]
    assert stats.ahead == (1 if workers else 0)  # the broken file, not spooled: read by a worker, or here


def _killed_on_c(job: ReadJob, known: PartnerNames, order: str | None) -> tuple[FileOutcome, ProbedPartnerNames]:
    """A worker's reading that ends its process on one file, as the kernel's out-of-memory killer or a
    crash in a reading library would (module level: a spawned worker imports it)."""
    if job.relpath == "c_others.csv":
        os.kill(os.getpid(), signal.SIGKILL)
    return read_probed(job, known, order)


def test_a_file_that_ends_its_reading_process_is_an_error_and_the_others_load(tmp_path: Path) -> None:
    """The worker dies with the files it and the others held: each of those is read alone in a process
    of its own, the deadly one is an error naming it, every other outcome is what reading one by one
    gives, and the ingest's own process never reads the deadly file."""
    jobs = _jobs(tmp_path)
    expected = _sequential(jobs)
    store, stats = _Store(), ReadAheadStats()
    got = []
    for job, outcome in read_in_order(jobs, store.known_for, 2, stats, reader=_killed_on_c):
        store.store(job, outcome)
        got.append(outcome)
    assert [j.relpath for j in jobs] == ["a_plain.csv", "b_ambiguous.csv", "c_others.csv", "d_broken.csv"]
    assert stats.died == ["c_others.csv"] and "c_others.csv" in stats.read_alone
    assert got[2].status == "error" and got[2].error is not None
    assert got[2].error.startswith("c_others.csv: the process reading this file died")
    for i in (0, 1, 3):
        _assert_same(got[i], expected[i])
