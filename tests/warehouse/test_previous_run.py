"""`read_previous`: the last warehouse's id mappings, only those a stage asks for; `append_id_history`:
each id event recorded once, in order."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from warehouse.previous_run import append_id_history, read_previous


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


def _events(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["entity", "old_id", "new_id", "event", "run_date"])


def test_id_events_are_appended_once_each_in_the_order_recorded(tmp_path: Path) -> None:
    """The first stage of a build seeds id_history from the last run's; each stage then appends its
    events: a repeat within the batch or of an event already recorded (a NULL old id equals a NULL
    old id) is left out, and the rest keep their order."""
    previous = read_previous(_live(tmp_path / "warehouse.duckdb"))
    con = duckdb.connect(str(tmp_path / "build.duckdb"))
    append_id_history(con, previous, _events(
        ("asset", None, "AST-2", "new", "2026-02-01"),
        ("customer", None, "CUST-1", "new", "2026-01-01"),  # recorded last run
        ("asset", None, "AST-1", "new", "2026-02-01"),
        ("asset", None, "AST-2", "new", "2026-02-01"),  # twice in the batch
    ))
    append_id_history(con, previous, _events(
        ("customer", "CUST-1", "CUST-3", "merge", "2026-02-01"),
        ("asset", None, "AST-1", "new", "2026-02-01"),  # recorded by the stage before
    ))
    rows = con.execute("SELECT * FROM id_history").fetchall()
    assert rows == [
        ("customer", None, "CUST-1", "new", "2026-01-01"),
        ("asset", None, "AST-2", "new", "2026-02-01"),
        ("asset", None, "AST-1", "new", "2026-02-01"),
        ("customer", "CUST-1", "CUST-3", "merge", "2026-02-01"),
    ]
    assert [t for (t,) in con.execute("SELECT data_type FROM duckdb_columns() WHERE table_name = 'id_history'")
            .fetchall()] == ["VARCHAR"] * 5


def test_a_first_build_starts_its_history_with_its_own_events(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "build.duckdb"))
    append_id_history(con, read_previous(tmp_path / "missing.duckdb"), _events(
        ("partner", None, "PART-1", "new", "2026-03-01")))
    assert con.execute("SELECT new_id FROM id_history").fetchall() == [("PART-1",)]
