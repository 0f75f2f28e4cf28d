"""A first small home: two contracts of two customers nothing pairs. The night resolves them, asks
nothing, and lists their renewals (an empty pair report once failed the customer stage)."""

from pathlib import Path

import duckdb

from pipelines.cli import run_nightly

SOURCES_YAML = """\
as_of: 2026-11-01
currency: USD
sources:
- name: crm
  kind: crm_contracts
  path: inbox/contracts.csv
"""
CONTRACTS_CSV = """\
Contract Number,Customer Name,Serial Number,SKU,Start Date,End Date,Annual Value,Reseller
SC-1000001,Acme Widgets,FCW2231X0AB,SVC-1,2025-12-01,2026-11-30,1200,Northwind IT
SC-1000002,Zeta Quarry,FCW2231X0AC,SVC-1,2025-12-01,2026-12-15,900,Northwind IT
"""


def test_two_customers_nothing_pairs_make_a_night(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "inbox").mkdir(parents=True)
    (home / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    (home / "inbox" / "contracts.csv").write_text(CONTRACTS_CSV, encoding="utf-8")
    assert run_nightly(home, quiet=True)
    con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    try:
        names = sorted(n for (n,) in con.execute("SELECT name FROM customers").fetchall())
        asked = con.execute("SELECT count(*) FROM match_review").fetchone()
        renewals = con.execute("SELECT count(*) FROM renewal_opportunities WHERE kind = 'renewal'").fetchone()
    finally:
        con.close()
    assert names == ["Acme Widgets", "Zeta Quarry"]
    assert asked == (0,)
    assert renewals == (2,)
    assert (home / "out" / "renewal_opportunities.xlsx").is_file()


def test_a_night_whose_only_file_is_refused_publishes_an_empty_typed_warehouse(tmp_path: Path) -> None:
    """Every file over a limit: nothing loads, the night still publishes (an empty book, the refusal
    recorded with how to raise the limit), and the analyst tables keep their text ids."""
    home = tmp_path / "home"
    (home / "inbox").mkdir(parents=True)
    (home / "sources.yaml").write_text(SOURCES_YAML + "limits:\n  max_rows: 2\n", encoding="utf-8")
    (home / "inbox" / "contracts.csv").write_text(CONTRACTS_CSV, encoding="utf-8")
    assert run_nightly(home, quiet=True)
    con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    try:
        refused = con.execute("SELECT status, error FROM ingested_files").fetchall()
        customers = con.execute("SELECT count(*) FROM customers").fetchone()
        ids = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                          "WHERE column_name LIKE '%\\_id' ESCAPE '\\' AND data_type <> 'VARCHAR' "
                          "AND table_name IN ('customer_sources', 'partner_sources', 'record_parties', 'assets', "
                          "'asset_sources', 'match_review', 'contracts', 'renewal_opportunities')").fetchall()
    finally:
        con.close()
    assert refused == [("error", "inbox/contracts.csv: refused before parsing: the number of lines is 3, over the "
                                 "limit max_rows=2 (a genuine file: raise limits: max_rows in sources.yaml)")]
    assert customers == (0,)
    assert ids == []
