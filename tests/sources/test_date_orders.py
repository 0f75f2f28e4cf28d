"""A file whose dates cannot tell day from month is read in the order the source's other files
proved: read with workers ahead, or from the spool, exactly as reading one file after another."""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.config import SourceConfig
from sources.date_orders import SourceDateOrders, file_order, leans_on_order
from sources.limits import DEFAULT_LIMITS
from sources.read_ahead import ReadAheadStats, ReadJob, read_in_order
from sources.reader import FileOutcome, read_source_file
from tests.sources.test_mapping import _write_csv

HEADER = ["Invoice Date", "Invoice No", "Reseller", "End Customer", "SKU", "Serial", "Qty", "Amount"]
SRC = SourceConfig(name="eu_dist", kind="distributor", path="inbox/eu/*.csv")


def _file(path: Path, days: list[int], month: int) -> Path:
    """A European distributor's export: dates written dd/mm/yyyy."""
    rows = [[f"{d:02d}/{month:02d}/2026", f"INV-{month}-{i}", "Bluewave IT Inc", "Globex Corporation",
             "SKU-10", f"SN{month}{i:04d}", "1", "100.00"] for i, d in enumerate(days)]
    return _write_csv(path, HEADER, rows)


def _days(outcome: FileOutcome) -> list[str]:
    return [str(d) for d in outcome.arrow()["invoice_date"].to_pylist()]


def _evidence(outcome: FileOutcome) -> list[dict]:
    return [s.evidence for s in outcome.sheets]


def test_an_ambiguous_file_reads_in_the_order_given_and_says_why(tmp_path: Path) -> None:
    path = _file(tmp_path / "june.csv", [1, 2, 3, 8, 10], 6)  # 10/06 is 10 June, not 6 October
    plain = read_source_file(path, "june.csv", SRC)
    assert str(plain.records["invoice_date"].iloc[4]) == "2026-10-06"  # month-first default
    assert leans_on_order(_evidence(plain)) and file_order(_evidence(plain)) is None
    told = read_source_file(path, "june.csv", SRC, date_order="dmy")
    assert _days(told) == [
        "2026-06-01", "2026-06-02", "2026-06-03", "2026-06-08", "2026-06-10"]
    assert any("the source's earlier files prove" in w for w in told.warnings)
    assert told.sheets[0].evidence["invoice_date"]["decided_by"] == "earlier files"
    # a file whose own values prove the order ignores the hint
    proven = read_source_file(_file(tmp_path / "may.csv", [14, 27], 5), "may.csv", SRC, date_order="mdy")
    assert file_order(_evidence(proven)) == "dmy" and not leans_on_order(_evidence(proven))


def test_a_source_order_is_the_majority_of_its_other_files() -> None:
    proves = {"dmy": [{"invoice_date": {"order": "dmy", "decided_by": "values", "either": 3}}],
              "mdy": [{"invoice_date": {"order": "mdy", "decided_by": "majority", "either": 0}}],
              None: [{"invoice_date": {"order": "mdy", "decided_by": "default", "either": 5}, "quantity": {}}]}
    orders = SourceDateOrders.of([("a", "f1", proves["dmy"]), ("a", "f2", proves["dmy"]),
                                  ("a", "f3", proves["mdy"]), ("a", "f4", proves[None]), ("b", "g1", proves["mdy"])])
    assert orders.order_for("a", "new") == "dmy"
    assert orders.order_for("b", "new") == "mdy" and orders.order_for("b", "g1") is None  # never itself
    assert orders.order_for("c", "new") is None
    orders.record("a", "f1", proves[None])  # f1 read again, now proving nothing: a tie
    assert orders.order_for("a", "new") is None


def _jobs(tmp_path: Path) -> list[ReadJob]:
    """Early-month files (every day 12 or less) after and between files that prove day-first."""
    files = [_file(tmp_path / "a_05.csv", [14, 20, 27], 5), _file(tmp_path / "b_06.csv", [1, 5, 10], 6),
             _file(tmp_path / "c_07.csv", [2, 3, 11], 7), _file(tmp_path / "d_08.csv", [13, 25, 3], 8)]
    return [ReadJob(p, p.name, SRC, DEFAULT_LIMITS, p.stat().st_size) for p in files]


def _sequential(jobs: list[ReadJob]) -> list[FileOutcome]:
    orders, out = SourceDateOrders(), []
    for job in jobs:
        outcome = read_source_file(job.path, job.relpath, job.source, [], limits=job.limits,
                                   date_order=orders.order_for(SRC.name, job.relpath))
        orders.record(SRC.name, job.relpath, _evidence(outcome))
        out.append(outcome)
    return out


@pytest.mark.parametrize("workers", [0, 2])
def test_read_ahead_gives_the_dates_of_reading_one_by_one(tmp_path: Path, workers: int) -> None:
    jobs = _jobs(tmp_path)
    expected = _sequential(jobs)
    orders, stats, got = SourceDateOrders(), ReadAheadStats(), []
    for job, outcome in read_in_order(jobs, lambda _job: [], workers, stats,
                                      order_for=lambda job: orders.order_for(SRC.name, job.relpath)):
        orders.record(SRC.name, job.relpath, _evidence(outcome))
        got.append(outcome)
    for a, b in zip(got, expected, strict=True):
        assert a.arrow().equals(b.arrow())
        assert a.warnings == b.warnings
    assert _days(got[1]) == ["2026-06-01", "2026-06-05", "2026-06-10"]
    assert _days(got[2]) == ["2026-07-02", "2026-07-03", "2026-07-11"]
    if workers:  # sent off before the May file proved day-first: the early-month files read again
        assert "b_06.csv" in stats.read_again and "a_05.csv" not in stats.read_again
