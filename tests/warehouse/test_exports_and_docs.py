"""Every created column is commented; Parquet exports of the analyst tables; docs rendered from comments."""

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from tests.warehouse.contract_fixtures import FixtureWorld, build, query, resolve_assets
from warehouse.comments import apply_comments, dictionary
from warehouse.contracts import CONTRACT_ANALYST_TABLES, build_contracts
from warehouse.docs import Example, example_queries, render_warehouse_docs, write_warehouse_docs
from warehouse.exports import analyst_tables, export_parquet
from warehouse.products import build_products

MINE = ["products", "assets", "asset_sources", *CONTRACT_ANALYST_TABLES]


@pytest.fixture
def built(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    w = FixtureWorld()
    w.row("price_list", sku="CS-NBD-SRV", description="Support next business day", list_price=1000, category="service")
    w.row("westbridge", customer_id="CUST-1", reseller_id="PART-R1", sku="SRV-1", serial_numbers=["S1"],
          unit_price=900, quantity=1, invoice_date="2023-01-10")
    for number, start, end, reseller in (("SC-1", "2023-02-01", "2024-01-31", "PART-R1"),
                                         ("SC-2", "2024-02-01", "2025-01-31", "PART-R2"),
                                         ("SC-3", "2025-02-01", "2026-01-31", "PART-R2")):
        w.row("crm_contracts", contract_number=number, customer_id="CUST-1", reseller_id=reseller,
              serial_numbers=["S1"], service_start=start, service_end=end, amount=100)
        w.row("accounting", contract_number=number.lower(), customer_id="CUST-1", bill_to_id="PART-L1",
              sku="CS-NBD-SRV", serial_numbers=["S1"], service_start=start, service_end=end, amount=90,
              invoice_date=start)
    con = build(w, tmp_path)
    build_products(con)
    resolve_assets(con)
    build_contracts(con)
    apply_comments(con)
    return con


def test_every_table_and_column_created_is_in_the_dictionary(built: duckdb.DuckDBPyConnection) -> None:
    for table in MINE:
        assert table in dictionary(), table
    missing = query(built, "SELECT table_name, column_name FROM duckdb_columns() "
                           "WHERE comment IS NULL AND list_contains(?, table_name)", [MINE])
    assert missing == []
    uncommented_tables = query(built, "SELECT table_name FROM duckdb_tables() "
                                      "WHERE comment IS NULL AND list_contains(?, table_name)", [MINE])
    assert uncommented_tables == []


def test_parquet_export_writes_every_analyst_table(built: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = export_parquet(built, out)
    assert set(written) == set(analyst_tables(built)) >= {*MINE, "source_records", "customers"}
    for table, path in written.items():
        assert path == out / "parquet" / f"{table}.parquet"
        assert pq.read_metadata(path).num_rows == query(built, f'SELECT count(*) FROM "{table}"')[0][0]
    assert not list((out / "parquet").glob(".*"))  # no partial files left behind
    schema = pq.read_schema(out / "parquet" / "contracts.parquet")
    assert str(schema.field("amount").type) == "decimal128(18, 2)"  # money stays exact
    assert str(schema.field("end_date").type) == "date32[day]"


def test_parquet_export_of_one_table_and_refusal_of_others(built: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    built.execute("CREATE TEMP TABLE scratch AS SELECT 1 AS x")
    assert list(export_parquet(built, tmp_path, ["contracts"])) == ["contracts"]
    with pytest.raises(ValueError, match="not an analyst-facing table"):
        export_parquet(built, tmp_path, ["scratch"])


def test_docs_list_every_commented_table_and_column_and_run_the_examples(built: duckdb.DuckDBPyConnection,
                                                                         tmp_path: Path) -> None:
    path = write_warehouse_docs(built, tmp_path / "docs" / "warehouse.md")
    text = path.read_text(encoding="utf-8")
    for table, column, comment in query(built, "SELECT table_name, column_name, comment FROM duckdb_columns() "
                                               "WHERE list_contains(?, table_name)", [MINE]):
        assert f"## {table}" in text
        assert f"| `{column}` |" in text
        assert comment.replace("|", "\\|") in text
    examples = example_queries()
    assert len(examples) >= 6
    for example in examples:
        assert f"### {example.title}" in text and example.sql in text
    assert "| SC-1 | " in text or "SC-1" in text


def test_a_failing_example_stops_the_render(built: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(duckdb.Error):
        render_warehouse_docs(built, [Example("broken", "SELECT no_such_column FROM contracts")])


def test_example_results_reach_the_docs_as_plain_text(built: duckdb.DuckDBPyConnection) -> None:
    # a customer name from someone else's file: a pipe, a line break, a terminal escape and a bell
    hostile = ("SELECT 'Acme | Red' || chr(27) || '[31m Ltd' || chr(7) AS name, "
               "'two' || chr(13) || chr(10) || 'lines' || chr(8238) AS note")
    text = render_warehouse_docs(built, [Example("hostile", hostile)])
    row = next(line for line in text.splitlines() if line.startswith("| Acme"))
    assert row == "| Acme \\| Red Ltd | two lines |"
