"""`read_previous`: the last warehouse's id mappings, only those a stage asks for."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse.previous_run import read_previous


def _live(path: Path) -> Path:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customer_sources AS SELECT 'r1' AS record_id, 'CUST-1' AS customer_id")
    con.execute("CREATE TABLE partner_sources AS SELECT 'm1' AS mention_id, 'PART-1' AS partner_id")
    con.execute("CREATE TABLE asset_sources AS SELECT 'r1' AS record_id, 'SN1' AS raw_serial, 'AST-1' AS asset_id")
    con.execute("CREATE TABLE id_history AS SELECT 'customer' AS entity, NULL AS old_id, 'CUST-1' AS new_id, "
                "'new' AS event, '2026-01-01' AS run_date")
    con.close()
    return path


def test_reads_the_mapping_asked_for_and_the_history(tmp_path: Path) -> None:
    live = _live(tmp_path / "warehouse.duckdb")
    previous = read_previous(live, ("partners",))
    assert previous.partners.to_dict("records") == [{"record_id": "m1", "entity_id": "PART-1"}]
    assert previous.customers.empty and previous.assets.empty
    assert previous.history["new_id"].tolist() == ["CUST-1"]


def test_reads_every_mapping_by_default(tmp_path: Path) -> None:
    previous = read_previous(_live(tmp_path / "warehouse.duckdb"))
    assert previous.customers["entity_id"].tolist() == ["CUST-1"]
    assert previous.assets["record_id"].tolist() == ["r1:SN1"]


def test_an_unknown_mapping_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="contracts"):
        read_previous(_live(tmp_path / "warehouse.duckdb"), ("contracts",))


def test_a_first_run_has_nothing(tmp_path: Path) -> None:
    previous = read_previous(tmp_path / "missing.duckdb", ("customers",))
    assert previous.customers.empty and previous.history.empty
