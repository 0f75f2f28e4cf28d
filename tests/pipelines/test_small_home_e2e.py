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


WEB_SOURCES_YAML = """\
as_of: 2026-11-01
currency: EUR
sources:
- name: salesforce
  kind: crm_contracts
  path: inbox/crm/*
- name: sap
  kind: distributor
  path: inbox/sap/*
"""
#: a Salesforce report exported as .xls: an HTML page with a filter table above the data and notices below
SALESFORCE_XLS = """<html><head><meta charset="utf-8"></head><body>
<table><tr><td><b>Renewals</b></td></tr><tr><td>Filtered By: Status equals Activated</td></tr></table>
<table><tr><th>Contract Number<th>Account Name<th>Serial Number<th>Product Code<th>Contract Start Date
<th>Contract End Date<th>Contract Value
<tr><td>00001234<td>Nordwind Logistik GmbH<td>FCW2231L0AB<td>CON-SNT-C9300<td>2025-12-01<td>2026-11-30<td>1200
<tr><td>00001235<td>Société Générale Sécurité<td>FDO1922X1YZ<td>CON-SNT-ISR4331<td>2025-12-01<td>2026-12-15<td>900
<tr><td colspan=7>Confidential Information - Do Not Distribute
</table></body></html>"""
#: the distributor's SAP list of the same hardware, saved as a local file
SAP_LIST = """06.12.2026                 Dynamische Listenausgabe                 1
---------------------------------------------------------------------------------
|Fakturadat|Material     |Serialnummer|Endkunde                  |Händler   |Betrag|
|----------+-------------+------------+--------------------------+----------+------|
|01.12.2024|C9300-48P    |FCW2231L0AB |NORDWIND LOGISTIK GMBH    |Bechtle AG|  5000|
|02.12.2024|ISR4331/K9   |FDO1922X1YZ |Societe Generale Securite |Bechtle AG|  3000|
---------------------------------------------------------------------------------
"""


def test_a_night_on_a_web_export_and_an_sap_list(tmp_path: Path) -> None:
    """A CRM's HTML "Excel" export and a distributor's SAP list output: both read, their customers
    matched across the two, the contracts valued."""
    home = tmp_path / "home"
    for folder, name, data in (("crm", "contracts.xls", SALESFORCE_XLS.encode("utf-8")),
                               ("sap", "fakturen.txt", SAP_LIST.encode("cp1252"))):
        (home / "inbox" / folder).mkdir(parents=True)
        (home / "inbox" / folder / name).write_bytes(data)
    (home / "sources.yaml").write_text(WEB_SOURCES_YAML, encoding="utf-8")
    assert run_nightly(home, quiet=True)
    con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    try:
        files = con.execute("SELECT path, status, rows_loaded, rows_quarantined FROM ingested_files ORDER BY path").fetchall()
        formats = con.execute("SELECT path, detected FROM ingested_files ORDER BY path").fetchall()
        customers = con.execute("SELECT count(*) FROM customers").fetchone()
        renewals = con.execute("SELECT count(*) FROM renewal_opportunities WHERE kind = 'renewal'").fetchone()
    finally:
        con.close()
    assert files == [("inbox/crm/contracts.xls", "loaded", 2, 0), ("inbox/sap/fakturen.txt", "loaded", 2, 0)]
    assert '"format": "html"' in formats[0][1] and '"layout": "framed list"' in formats[1][1]
    assert customers == (2,)  # each CRM account is its distributor line's end customer
    assert renewals == (2,)
