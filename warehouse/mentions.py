"""What entity resolution reads from the warehouse being built: customer, partner and serial mentions.

Each query is a SELECT file in warehouse/sql/resolve/; the trust order comes from the build's
`source_rank` table (warehouse.settings), so the connection must carry the build settings.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from warehouse.steps import (
    BILL_TO_SELF_ACCOUNTS,
    BILLED_CUSTOMER_RECORDS,
    CUSTOMER_MENTIONS,
    PARTNER_MENTIONS,
    SELF_NAMED_RECORDS,
    SERIAL_MENTIONS,
    WAREHOUSE_SQL,
)


def mark_self_named(con: duckdb.DuckDBPyConnection) -> None:
    """The TEMP table self_named_records on `con`: the distributor rows whose end customer is their
    reseller itself (resolve/self_named_records.sql), which name no customer."""
    WAREHOUSE_SQL.run(con, SELF_NAMED_RECORDS)


def mark_billed_customers(con: duckdb.DuckDBPyConnection) -> None:
    """The TEMP table billed_customer_records on `con`: the rows naming only who is invoiced whose bill-to
    is the end customer itself (resolve/billed_customer_records.sql)."""
    WAREHOUSE_SQL.run(con, BILLED_CUSTOMER_RECORDS)


def customer_mentions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per source record naming an end customer (the columns of matching.profiles.RECORD_COLUMNS):
    its customer, or its bill-to where that is the customer (billed_customer_records)."""
    mark_self_named(con)
    mark_billed_customers(con)
    return WAREHOUSE_SQL.query_via_arrow(con, CUSTOMER_MENTIONS)


def partner_mentions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per reseller / bill-to / partner-account / distributor mention (`mention_id` unique)."""
    mark_billed_customers(con)
    return WAREHOUSE_SQL.query_via_arrow(con, PARTNER_MENTIONS)


def serial_mentions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per serial token a source record names, with the record's SKU, source and resolved
    customer."""
    return WAREHOUSE_SQL.query_via_arrow(con, SERIAL_MENTIONS)


def bill_to_self_accounts(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Record ids whose bill-to account is one of the row's own customer's accounts (direct deals)."""
    return set(WAREHOUSE_SQL.query(con, BILL_TO_SELF_ACCOUNTS)["record_id"])
