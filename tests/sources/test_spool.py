"""sources.spool: a reading stored ahead comes back only under its own key, whole."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sources.config import SourceConfig
from sources.content import known_partner_set
from sources.limits import DEFAULT_LIMITS
from sources.read_ahead import ReadJob, read_probed
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
    pd.testing.assert_frame_equal(back.records, outcome.records)
    assert back.status == "loaded" and len(back.records) == 2 and back_probed.probes == probed.probes and back_probed == probed
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
