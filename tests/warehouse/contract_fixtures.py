"""A small hand-made building warehouse: the tables entity resolution leaves behind, row by row.

`FixtureWorld.row(...)` adds one source record with its resolved parties; `write(path)` creates
source_records, customers, partners, record_parties, assets and asset_sources exactly as the
resolution stage does (serials resolve by exact text; asset ids 'AST-' + serial).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

SOURCE_RECORDS_DDL = """
CREATE TABLE source_records (
    record_id VARCHAR, sha256 VARCHAR, source VARCHAR, source_file VARCHAR, source_sheet VARCHAR,
    source_row BIGINT, kind VARCHAR, customer_name VARCHAR, customer_account VARCHAR,
    customer_address VARCHAR, customer_city VARCHAR, customer_state VARCHAR, customer_postal_code VARCHAR,
    customer_country VARCHAR, customer_domain VARCHAR, customer_phone VARCHAR, customer_email VARCHAR,
    reseller_name VARCHAR, reseller_account VARCHAR, bill_to_name VARCHAR, bill_to_account VARCHAR,
    sku VARCHAR, description VARCHAR, serial_numbers VARCHAR[], quantity BIGINT,
    unit_price DECIMAL(18, 2), amount DECIMAL(18, 2), list_price DECIMAL(18, 2), currency VARCHAR,
    contract_number VARCHAR, service_level VARCHAR, service_start DATE, service_end DATE,
    invoice_number VARCHAR, invoice_date DATE, rep VARCHAR, status VARCHAR, notes VARCHAR,
    account_type VARCHAR, parent_account VARCHAR, category VARCHAR
)"""
KIND_OF = {
    "crm_contracts": "crm_contracts", "crm_accounts": "crm_accounts", "accounting": "accounting",
    "price_list": "price_list", "westbridge": "distributor", "summit": "distributor",
    "tracker_alice": "sales_rep", "tracker_bob": "sales_rep",
}
PARTNER_ROLES = {"PART-R1": "reseller", "PART-R2": "reseller", "PART-L1": "leasing", "PART-D1": "distributor"}


def day(text: str) -> dt.date:
    """A date from ISO text."""
    return dt.date.fromisoformat(text)


@dataclass
class FixtureWorld:
    """Source rows with their resolved parties; written as a building warehouse."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    parties: list[dict[str, Any]] = field(default_factory=list)
    customers: dict[str, str] = field(default_factory=lambda: {"CUST-1": "Acme Corp", "CUST-2": "Globex Inc"})

    def row(
        self, source: str, *, file: str | None = None, customer_id: str | None = None,
        reseller_id: str | None = None, bill_to_id: str | None = None, bill_to_role: str | None = None,
        **fields: Any,
    ) -> str:
        """Add one source record (canonical fields as keywords; dates as ISO text); returns its record_id."""
        kind = fields.pop("kind", None) or KIND_OF[source]
        source_file = file or f"inbox/{source}.csv"
        n = sum(1 for r in self.rows if r["source_file"] == source_file) + 2  # row 1 is the header
        record_id = hashlib.sha256(f"{source_file}|{n}".encode()).hexdigest()[:16]
        for key in ("service_start", "service_end", "invoice_date"):
            if isinstance(fields.get(key), str):
                fields[key] = day(fields[key])
        for key in ("amount", "unit_price", "list_price"):
            if fields.get(key) is not None:
                fields[key] = Decimal(str(fields[key]))
        if customer_id and "customer_name" not in fields:
            fields["customer_name"] = self.customers.get(customer_id, customer_id)
        self.rows.append({
            "record_id": record_id, "sha256": "0" * 64, "source": source, "source_file": source_file,
            "source_sheet": None, "source_row": n, "kind": kind, **fields,
        })
        if bill_to_id and bill_to_role is None:
            bill_to_role = "customer" if bill_to_id.startswith("CUST-") else PARTNER_ROLES[bill_to_id]
        self.parties.append({"record_id": record_id, "customer_id": customer_id, "reseller_id": reseller_id,
                             "bill_to_id": bill_to_id, "bill_to_role": bill_to_role})
        return record_id

    def write(self, path: Path) -> Path:
        """Create the building warehouse file at `path` (replaced if it exists)."""
        path.unlink(missing_ok=True)
        con = duckdb.connect(str(path))
        try:
            self._write(con)
        finally:
            con.close()
        return path

    def _write(self, con: duckdb.DuckDBPyConnection) -> None:
        con.execute(SOURCE_RECORDS_DDL)
        cols = [c for (c,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'source_records' ORDER BY column_index"
        ).fetchall()]
        frame = pd.DataFrame([{c: r.get(c) for c in cols} for r in self.rows], columns=cols).astype(object)
        frame = frame.where(frame.notna(), None)
        con.register("_rows", frame)
        con.execute("INSERT INTO source_records SELECT * FROM _rows")
        con.unregister("_rows")
        con.execute("CREATE TABLE customers AS SELECT * FROM (VALUES " + ", ".join(
            f"('{k}', '{v}', NULL, NULL, NULL, NULL, 'US', NULL)" for k, v in self.customers.items())
            + ") t(customer_id, name, address, city, state, postal_code, country, domain)")
        con.execute("CREATE TABLE partners AS SELECT * FROM (VALUES " + ", ".join(
            f"('{k}', 'Partner {k[5:]}', '{v}')" for k, v in PARTNER_ROLES.items())
            + ") t(partner_id, name, role)")
        parties = pd.DataFrame(self.parties, columns=["record_id", "customer_id", "reseller_id", "bill_to_id",
                                                      "bill_to_role"]).astype("string")
        con.register("_parties", parties)
        con.execute("CREATE TABLE record_parties AS SELECT * FROM _parties")
        con.unregister("_parties")
        con.execute("""
            CREATE TABLE asset_sources AS
            SELECT 'AST-' || upper(s) AS asset_id, record_id, source, source_file, source_sheet, source_row,
                   s AS raw_serial, upper(s) AS serial_number, 'exact' AS match_rule
            FROM (SELECT *, unnest(serial_numbers) AS s FROM source_records)""")
        con.execute("""
            CREATE TABLE assets AS
            SELECT a.asset_id, any_value(a.serial_number) AS serial_number,
                   coalesce(any_value(r.sku) FILTER (WHERE r.service_end IS NULL AND r.contract_number IS NULL),
                            any_value(r.sku)) AS sku,
                   any_value(p.customer_id) AS customer_id, any_value(p.reseller_id) AS reseller_id,
                   min(r.invoice_date) FILTER (WHERE r.service_end IS NULL AND r.contract_number IS NULL) AS ship_date,
                   count(*) AS source_rows
            FROM asset_sources a JOIN source_records r USING (record_id) JOIN record_parties p USING (record_id)
            GROUP BY a.asset_id ORDER BY a.asset_id""")


def build(world: FixtureWorld, tmp_path: Path, name: str = "building.duckdb") -> duckdb.DuckDBPyConnection:
    """Write the world and open it read-write (the caller closes it)."""
    return duckdb.connect(str(world.write(tmp_path / name)))


def query(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[tuple]:
    """All rows of a query."""
    return con.execute(sql, params or []).fetchall()
