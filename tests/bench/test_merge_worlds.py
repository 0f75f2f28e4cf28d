"""bench.merge_worlds: two small generated worlds as one home that a night reads whole."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from bench.merge_worlds import MASTER_FOLDERS, merge_worlds
from demo import generate_demo_world
from pipelines.config import load_config
from sources.inbox import list_inbox


def test_two_worlds_become_one_home_with_every_file_of_both(tmp_path: Path) -> None:
    a = generate_demo_world(tmp_path / "a", scale=0.05, seed=3)
    b = generate_demo_world(tmp_path / "b", scale=0.05, seed=4)
    rows = merge_worlds(tmp_path / "a", tmp_path / "b", tmp_path / "ab")
    assert rows == a.n_source_rows + b.n_source_rows
    assert pq.ParquetFile(tmp_path / "ab/truth/source_rows.parquet").metadata.num_rows == rows
    inbox = tmp_path / "ab" / "inbox"
    assert (inbox / "crm" / "contracts_b.csv").read_bytes() == (tmp_path / "b/inbox/crm/contracts.csv").read_bytes()
    assert not (inbox / "pricelist" / "price_list_b.xlsx").exists()  # one master price list
    config = load_config(tmp_path / "ab")
    named = {f.path.name for f in list_inbox(tmp_path / "ab", config.sources)}
    assert {"accounts.csv", "accounts_b.csv", "contracts.csv", "contracts_b.csv"} <= named
    b_files = [p for p in (tmp_path / "b" / "inbox").rglob("*")
               if p.is_file() and p.parent.name not in MASTER_FOLDERS]
    assert all(f"{p.stem}_b{p.suffix}" in named for p in b_files)  # sources.yaml reads every file of the second world
