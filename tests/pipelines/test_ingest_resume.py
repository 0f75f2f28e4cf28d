"""A night killed half way through reading the inbox, then run again, stores exactly what one
uninterrupted night stores: each file is read with the partner names of every file stored before
it, whichever run stored them (the soak found a night that did not)."""

import shutil
from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from demo import generate_demo_world
from pipelines.stages.context import RunContext
from pipelines.stages.ingest import ingest_inbox
from sources.inbox import discover


def _stored(home: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    con = duckdb.connect(str(home / ".radar" / "ingest.duckdb"), read_only=True)
    try:
        files = con.execute("SELECT * EXCLUDE (run_id, ingested_at, modified_at) FROM ingested_files "
                            "ORDER BY path").df()
        rows = con.execute("SELECT * EXCLUDE (record_id) FROM source_records "
                           "ORDER BY source_file, source_sheet, source_row").df()
    finally:
        con.close()
    return files.astype(str), rows.astype(str)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("resume") / "home"
    generate_demo_world(home, scale=0.1, seed=7)
    return home


def test_a_night_stopped_after_any_file_and_run_again_stores_the_same(world: Path, tmp_path: Path) -> None:
    whole = tmp_path / "whole"
    shutil.copytree(world, whole)
    ingest_inbox(RunContext.load(whole))

    split = tmp_path / "split"
    shutil.copytree(world, split)
    files = discover(split, RunContext.load(split).config.sources)
    # stop half way through the source with the most files: its later files are read by the next
    # run, which knows the names of the earlier ones (the kill point the soak found)
    biggest, count = Counter(f.source.name for f in files).most_common(1)[0]
    stop = next(i for i, f in enumerate(files) if f.source.name == biggest) + count // 2
    held = tmp_path / "held"
    for f in files[stop:]:  # not delivered yet to the first run: as if it was killed before reading them
        target = held / f.relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(f.path, target)
    first = ingest_inbox(RunContext.load(split))
    assert len([r for r in first if r.action in ("read", "duplicate")]) == stop
    for f in files[stop:]:
        shutil.move(held / f.relpath, f.path)
    ingest_inbox(RunContext.load(split))

    whole_files, whole_rows = _stored(whole)
    split_files, split_rows = _stored(split)
    pd.testing.assert_frame_equal(whole_rows, split_rows)
    pd.testing.assert_frame_equal(whole_files, split_files)
