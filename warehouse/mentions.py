"""What entity resolution reads from the warehouse being built: customer, partner and serial mentions.

Each query is a .sql file beside this module; `source_priority` (source -> priority, lower is more
trusted) comes from sources.yaml and is registered as a small table for the joins.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from warehouse.sql_files import read_sql


def _with_priority(con: duckdb.DuckDBPyConnection, priorities: dict[str, int], sql_file: str) -> pd.DataFrame:
    con.execute(read_sql("macros.sql"))
    frame = pd.DataFrame({"source": list(priorities), "priority": list(priorities.values())})
    con.register("source_priority", frame)
    try:
        return con.execute(read_sql(sql_file)).df()
    finally:
        con.unregister("source_priority")


def customer_mentions(con: duckdb.DuckDBPyConnection, priorities: dict[str, int]) -> pd.DataFrame:
    """One row per source record naming an end customer (matching.profiles.RECORD_COLUMNS)."""
    return _with_priority(con, priorities, "customer_mentions.sql")


def partner_mentions(con: duckdb.DuckDBPyConnection, priorities: dict[str, int]) -> pd.DataFrame:
    """One row per reseller / bill-to / partner-account / distributor mention (`mention_id` unique)."""
    return _with_priority(con, priorities, "partner_mentions.sql")


def serial_mentions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per serial token a source record names, with the record's SKU."""
    return con.execute(read_sql("serial_mentions.sql")).df()
