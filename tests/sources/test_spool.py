"""sources.spool: a reading stored ahead comes back only under its own key, whole."""

from __future__ import annotations

import pickle
from pathlib import Path

from sources.config import SourceConfig
from sources.content import known_partner_set
from sources.limits import DEFAULT_LIMITS
from sources.read_ahead import ReadJob, read_probed
from sources.reader import read_source_file
from sources.records import to_arrow
from sources.spool import SpoolKey, clear_spool, load_reading, store_reading
from tests.sources.test_mapping import _write_csv


def _job(tmp_path: Path) -> ReadJob:
    path = _write_csv(tmp_path / "sales.csv", ["Ship Date", "Reseller", "End Customer", "SKU", "Serial", "Qty", "Price"],
                      [["2026-02-01", "Bluewave IT Inc", "Globex Corporation", "SKU-1", "SN1", "1", "100.50"],
                       ["2026-02-02", "Datalink LLC", "Initech LLC", "SKU-2", "SN2", "2", "200.00"]])
    return ReadJob(path, "inbox/sales.csv", SourceConfig(name="dist", kind="distributor", path="inbox/*.csv"),
                   DEFAULT_LIMITS, path.stat().st_size)


def test_a_reading_comes_back_whole_under_its_key_only(tmp_path: Path) -> None:
    job = _job(tmp_path)
    outcome, probed = read_probed(job, known_partner_set(["Bluewave IT"]))
    spool = tmp_path / "spool"
    key = SpoolKey(job.relpath, "abc", "fp1")
    store_reading(spool, key, outcome, probed)
    back, back_probed = load_reading(spool, key)
    assert back.arrow().equals(outcome.arrow())
    assert back.status == "loaded" and back.rows_loaded == 2 and back_probed.probes == probed.probes and back_probed == probed
    assert load_reading(spool, SpoolKey(job.relpath, "abc", "fp2")) is None  # another reader version
    assert load_reading(spool, SpoolKey(job.relpath, "abd", "fp1")) is None  # other bytes


def test_a_damaged_or_foreign_spool_file_means_reading_again(tmp_path: Path) -> None:
    job = _job(tmp_path)
    spool = tmp_path / "spool"
    key = SpoolKey(job.relpath, "abc", "fp1")
    path = store_reading(spool, key, *read_probed(job, known_partner_set([])))
    path.write_bytes(path.read_bytes()[:40])  # a copy cut short
    assert load_reading(spool, key) is None
    path.write_bytes(b"not a pickle at all")
    assert load_reading(spool, key) is None


def test_clearing_removes_readings_and_half_written_files_only(tmp_path: Path) -> None:
    job = _job(tmp_path)
    spool = tmp_path / "spool"
    store_reading(spool, SpoolKey(job.relpath, "abc", "fp1"), *read_probed(job, known_partner_set([])))
    (spool / ".tmp123.part").write_bytes(b"half")
    (spool / "README.txt").write_text("kept")
    assert clear_spool(spool) == 2
    assert [p.name for p in spool.iterdir()] == ["README.txt"]
    assert clear_spool(tmp_path / "nowhere") == 0


def test_a_packed_reading_holds_the_records_as_the_table_the_ingest_stores(tmp_path: Path) -> None:
    job = _job(tmp_path)
    plain = read_source_file(job.path, job.relpath, job.source, known_partner_set([]), limits=job.limits)
    packed = plain.packed()
    assert packed.table is not None and packed.table.equals(to_arrow(plain.records))
    assert packed.arrow() is packed.table and packed.rows_loaded == plain.rows_loaded == 2
    assert packed.records.empty and list(packed.records.columns) == list(plain.records.columns)
    assert (packed.status, packed.sheets, packed.warnings, packed.mappings) == (plain.status, plain.sheets,
                                                                                plain.warnings, [])
    assert plain.arrow().equals(packed.arrow())  # an unpacked outcome converts its records on demand
    back = pickle.loads(pickle.dumps(packed))
    assert back.arrow().equals(packed.arrow()) and back.rows_loaded == 2
