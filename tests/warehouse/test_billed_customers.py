"""A ledger with no ship-to names only who it invoices. Its bill-to is the end customer when the other
rows know the company as one (and never as a partner), or when its source bills customers
(resolve/billed_customer_records.sql); the customer and partner mentions follow that verdict."""

import duckdb
import pandas as pd

from warehouse.mentions import customer_mentions, mark_billed_customers, partner_mentions
from warehouse.steps import INGEST_SCHEMA, WAREHOUSE_SQL

CRM = [  # (customer, reseller): the end customers and resellers the CRM knows
    ("Union Steel Inc", "Rosbrook Technology Partners"),
    ("Orchard Mining LLC", "Rosbrook Technology Partners"),
    ("Kingsley Paper Holdings LLC", "Netsmith Data Systems"),
    ("Lakeshore Media Inc", "Netsmith Data Systems"),
]


def _home(con: duckdb.DuckDBPyConnection, ledgers: dict[str, list[str]]) -> None:
    """The CRM's contracts, then each ledger's lines naming only a bill-to."""
    WAREHOUSE_SQL.run(con, INGEST_SCHEMA)
    rows = [(f"crm{i}", "crm", "crm_contracts", customer, reseller, None) for i, (customer, reseller) in enumerate(CRM)]
    rows += [(f"{source}{i}", source, "accounting", None, None, bill_to)
             for source, names in ledgers.items() for i, bill_to in enumerate(names)]
    con.executemany("""INSERT INTO source_records (record_id, sha256, source, kind, source_file, source_row, customer_name,
                                                   reseller_name, bill_to_name) VALUES (?, 'x', ?, ?, 'f.csv', 2, ?, ?, ?)""",
                    rows)
    sources = sorted({r[1] for r in rows})
    con.execute("CREATE TEMP TABLE source_rank AS SELECT * FROM (VALUES "
                + ", ".join(f"('{s}', {i})" for i, s in enumerate(sources)) + ") t(source, rank)")


def _billed(con: duckdb.DuckDBPyConnection) -> set[str]:
    mark_billed_customers(con)
    return {r for (r,) in con.execute("SELECT record_id FROM billed_customer_records").fetchall()}


def test_a_known_customer_billed_directly_is_the_customer_a_known_reseller_a_partner(
        macro_con: duckdb.DuckDBPyConnection) -> None:
    _home(macro_con, {"vendor_ledger": ["UNION STEEL, INC.", "Rosbrook Technology Partners Ltd", "Harwell Leasing"]})
    assert _billed(macro_con) == {"vendor_ledger0"}  # the two others: a partner, and a name nobody else gives


def test_a_ledger_that_bills_customers_takes_its_unknown_names_as_customers_too(
        macro_con: duckdb.DuckDBPyConnection) -> None:
    _home(macro_con, {"reseller_books": ["Union Steel Inc", "Orchard Mining", "Kingsley Paper Holdings, LLC",
                                         "Brandvold Farms Co", "Netsmith Data Systems"],
                      "vendor_books": ["Rosbrook Technology Partners", "Netsmith Data Systems Inc", "Union Steel",
                                       "Ferris Capital Leasing"]})
    # reseller_books: three known customers, one known reseller -> it bills customers, so Brandvold Farms is one;
    # vendor_books: one customer against two resellers -> only the known customer is
    assert _billed(macro_con) == {"reseller_books0", "reseller_books1", "reseller_books2", "reseller_books3",
                                  "vendor_books2"}


def test_a_name_billed_for_other_customers_deals_is_a_partner(macro_con: duckdb.DuckDBPyConnection) -> None:
    _home(macro_con, {"ledger": ["Lakeshore Media Inc", "Orchard Mining LLC"]})
    macro_con.execute("""INSERT INTO source_records (record_id, sha256, source, kind, source_file, source_row,
                                                     customer_name, bill_to_name)
                         VALUES ('b1', 'x', 'books', 'accounting', 'f.csv', 3, 'Union Steel Inc', 'Lakeshore Media'),
                                ('b2', 'x', 'books', 'accounting', 'f.csv', 4, 'Kingsley Paper Holdings', 'Lakeshore Media'),
                                ('b3', 'x', 'books', 'accounting', 'f.csv', 5, 'Orchard Mining L', 'Orchard Mining LLC'),
                                ('b4', 'x', 'books', 'accounting', 'f.csv', 6, 'Orchard Mining', 'Union Steel')""")
    macro_con.execute("INSERT INTO source_rank VALUES ('books', 9)")
    # Lakeshore Media pays for two other companies' deals: it finances or resells. Orchard Mining's own cut name
    # beside it is no other company, and paying for one other deal once is not enough to make it a partner
    assert _billed(macro_con) == {"ledger1"}


def test_the_billed_customer_is_a_customer_mention_and_its_own_bill_to(macro_con: duckdb.DuckDBPyConnection) -> None:
    _home(macro_con, {"ledger": ["Union Steel Inc", "Rosbrook Technology Partners"]})
    customers = customer_mentions(macro_con)
    assert sorted(customers.loc[customers["source"] == "ledger", "name"]) == ["Union Steel Inc"]
    bill_to = partner_mentions(macro_con).set_index("mention_id")
    assert bill_to.loc["ledger0:bill_to", "customer_name"] == "Union Steel Inc"  # so matching.parties calls it self
    assert pd.isna(bill_to.loc["ledger1:bill_to", "customer_name"])


def test_no_row_naming_only_its_bill_to_keys_nothing(macro_con: duckdb.DuckDBPyConnection) -> None:
    _home(macro_con, {})
    assert _billed(macro_con) == set()
