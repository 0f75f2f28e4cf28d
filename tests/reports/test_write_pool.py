"""reports.write_pool: files written longest first, in worker processes, in the jobs' order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reports import write_pool
from reports.write_pool import FILE_OVERHEAD_ROWS, WriteJob, longest_first, write_files


def _write_text(path: Path, text: str, *, suffix: str = "") -> Path:
    """A writer as write_pool needs one: module-level, returns the path; says which process wrote it."""
    path.write_text(f"{text}{suffix}|{os.getpid()}", encoding="utf-8")
    return path


def _jobs(tmp_path: Path, rows: list[int]) -> list[WriteJob]:
    return [WriteJob(_write_text, (tmp_path / f"{i}.txt", f"file {i}"), n, {"suffix": "!"}) for i, n in enumerate(rows)]


def test_the_costliest_job_goes_first_and_ties_keep_their_order(tmp_path: Path) -> None:
    jobs = _jobs(tmp_path, [10, 5_000, 0, 5_000, 80_000])
    assert longest_first(jobs) == [4, 1, 3, 0, 2]
    assert jobs[2].cost == FILE_OVERHEAD_ROWS  # an empty list still costs a file


def test_little_work_is_written_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write_pool.os, "cpu_count", lambda: 2)
    paths = write_files(_jobs(tmp_path, [10, 20]))
    assert [p.read_text(encoding="utf-8") for p in paths] == [f"file 0!|{os.getpid()}", f"file 1!|{os.getpid()}"]


def test_enough_work_is_written_by_workers_and_here_and_comes_back_in_the_jobs_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write_pool.os, "cpu_count", lambda: 2)
    rows = [10, write_pool.PARALLEL_MIN_ROWS, 0, 3]
    paths = write_files(_jobs(tmp_path, rows))
    assert paths == [tmp_path / f"{i}.txt" for i in range(len(rows))]
    texts = [p.read_text(encoding="utf-8").split("|") for p in paths]
    assert [t for t, _ in texts] == [f"file {i}!" for i in range(len(rows))]
    # the costliest file is written here, whose inputs are here; the others by the workers
    assert int(texts[1][1]) == os.getpid()
    assert all(int(pid) != os.getpid() for i, (_, pid) in enumerate(texts) if i != 1)


def test_a_failing_writer_fails_the_whole_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write_pool.os, "cpu_count", lambda: 2)
    jobs = [*_jobs(tmp_path, [write_pool.PARALLEL_MIN_ROWS]),
            WriteJob(_write_text, (tmp_path / "missing" / "x.txt", "no folder"), 1)]
    with pytest.raises(FileNotFoundError):
        write_files(jobs)


def test_a_job_names_the_file_it_writes(tmp_path: Path) -> None:
    job = _jobs(tmp_path, [3])[0]
    assert job.path == tmp_path / "0.txt"
    assert write_files([job]) == [job.path]


class _Later:
    """A Deferred argument (write_pool.Deferred): the text is made when resolved, recorded in a file
    with the process that made it; pickled, it travels as the text made then (as BookPart does)."""

    def __init__(self, text: str, log: Path) -> None:
        self.text, self.log = text, log

    def resolve(self) -> str:
        with self.log.open("a", encoding="utf-8") as f:
            f.write(f"{self.text}|{os.getpid()}\n")
        return self.text.upper()

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return str, (self.resolve(),)


def test_a_deferred_argument_is_made_when_its_file_is_written_here(tmp_path: Path) -> None:
    log = tmp_path / "made.log"
    later = _Later("part", log)
    job = WriteJob(_write_text, (tmp_path / "a.txt", later), 1)
    assert not log.exists()  # a job waiting holds the recipe, not the text
    [path] = write_files([job], workers=1)
    assert path.read_text(encoding="utf-8") == f"PART|{os.getpid()}"
    assert log.read_text(encoding="utf-8") == f"part|{os.getpid()}\n"


def test_a_deferred_argument_reaches_a_worker_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write_pool.os, "cpu_count", lambda: 2)
    log = tmp_path / "made.log"
    jobs = [WriteJob(_write_text, (tmp_path / f"{i}.txt", _Later(f"part {i}", log)), write_pool.PARALLEL_MIN_ROWS + i)
            for i in range(3)]
    paths = write_files(jobs)
    texts = [p.read_text(encoding="utf-8").split("|") for p in paths]
    assert [t for t, _ in texts] == ["PART 0", "PART 1", "PART 2"]
    assert [int(pid) == os.getpid() for _, pid in texts] == [False, False, True]  # the costliest here
    made = sorted(line.split("|") for line in log.read_text(encoding="utf-8").splitlines())
    assert made == [[f"part {i}", str(os.getpid())] for i in range(3)]  # made here, once each
