"""`radar demo --no-mapping`: the demo world's sources.yaml without any `columns:` reads the inbox
exactly as the mapped one does (the ingest stage, run for real on both homes)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import yaml

from demo import generate_demo_world
from pipelines.stages.context import RunContext
from pipelines.stages.ingest import ingest_inbox
from warehouse.build import WarehousePaths

FIELDS = ["record_id", "customer_name", "reseller_name", "bill_to_name", "sku", "serial_numbers", "invoice_date",
          "service_start", "service_end", "amount", "quantity", "contract_number"]


def _store(home: Path, sql: str) -> pd.DataFrame:
    con = duckdb.connect(str(WarehousePaths(home).ingest), read_only=True)
    try:
        return con.execute(sql).df()
    finally:
        con.close()


def test_the_demo_world_without_columns_loads_every_row_the_mapped_one_does(tmp_path: Path) -> None:
    mapped, unmapped = tmp_path / "mapped", tmp_path / "unmapped"
    generate_demo_world(mapped, scale=0.1, seed=5)
    generate_demo_world(unmapped, scale=0.1, seed=5, mapping=False)
    config = yaml.safe_load((unmapped / "sources.yaml").read_text(encoding="utf-8"))
    assert not any("columns" in s for s in config["sources"])
    assert any("columns" in s for s in yaml.safe_load((mapped / "sources.yaml").read_text())["sources"])

    for home in (mapped, unmapped):
        results = ingest_inbox(RunContext.load(home))
        assert not [r.path for r in results if r.status in ("needs_mapping", "error")]
    cols = ", ".join(FIELDS)
    a = _store(mapped, f"SELECT {cols} FROM source_records ORDER BY record_id")
    b = _store(unmapped, f"SELECT {cols} FROM source_records ORDER BY record_id")
    assert len(a) > 700 and len(a) == len(b)
    pd.testing.assert_frame_equal(a, b)  # every row, every field the same
    key = "source_file || '#' || coalesce(source_sheet, '') || '#' || source_row::VARCHAR"
    qa = _store(mapped, f"SELECT {key} AS k FROM quarantine ORDER BY k")
    qb = _store(unmapped, f"SELECT {key} AS k FROM quarantine ORDER BY k")
    assert qa["k"].tolist() == qb["k"].tolist()
