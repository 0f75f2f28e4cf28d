"""A small hand-made building warehouse: the tables entity resolution leaves behind, row by row.

`FixtureWorld.row(...)` adds one source record with its resolved parties; `build(...)` writes
source_records, customers, partners and record_parties as the resolve stage does and opens the
build with its settings; `resolve_assets(con)` then makes assets and asset_sources with the real
SQL step (serials resolve by exact text; asset ids 'AST-' + serial).
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

from sources.fields import FIELD_TYPES, RECORD_FIELDS
from warehouse.build import WarehousePaths, connect_building
from warehouse.settings import BuildSettings, ContractRules
from warehouse.steps import ASSET_TABLES, WAREHOUSE_SQL

SQL_TYPES = {"text": "VARCHAR", "date": "DATE", "money": "DECIMAL(18, 2)", "quantity": "BIGINT",
             "serials": "VARCHAR[]", "percent": "DOUBLE"}
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
    account_type VARCHAR, parent_account VARCHAR, category VARCHAR, repeat_of VARCHAR
)"""
KIND_OF = {
    "crm_contracts": "crm_contracts", "crm_accounts": "crm_accounts", "accounting": "accounting",
    "price_list": "price_list", "westbridge": "distributor", "summit": "distributor",
    "tracker_alice": "sales_rep", "tracker_bob": "sales_rep",
}
PARTNER_ROLES = {"PART-R1": "reseller", "PART-R2": "reseller", "PART-L1": "leasing", "PART-D1": "distributor"}
#: sources.yaml's default trust order of kinds
KIND_ORDER = ("crm_accounts", "crm_contracts", "accounting", "price_list", "distributor", "sales_rep")
AS_OF = "2026-01-01"


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
        have = {c for (c,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'source_records'").fetchall()}
        for name in RECORD_FIELDS:  # fields added since (contacts, channel): the stored schema's types
            if name not in have:
                con.execute(f"ALTER TABLE source_records ADD COLUMN {name} {SQL_TYPES[FIELD_TYPES[name]]}")
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
        # partner resolution's mention table (the channel model reads program rows and service
        # providers from it); this world names partners by id only, so it holds no mentions
        con.execute("CREATE TABLE partner_sources (partner_id VARCHAR, mention_id VARCHAR, record_id VARCHAR, "
                    "named_as VARCHAR, source VARCHAR, source_file VARCHAR, source_sheet VARCHAR, "
                    "source_row BIGINT, raw_name VARCHAR, match_score DOUBLE, match_rule VARCHAR)")

    def ranks(self, order: tuple[str, ...] = KIND_ORDER) -> dict[str, int]:
        """Each source's trust rank by its kind's place in `order` (as sources.yaml computes it)."""
        kinds = {r["source"]: r["kind"] for r in self.rows}
        rest = [k for k in KIND_ORDER if k not in order]
        return {src: [*order, *rest].index(kind) for src, kind in kinds.items()}


def build(
    world: FixtureWorld, tmp_path: Path, *, as_of: str = AS_OF, order: tuple[str, ...] = KIND_ORDER,
    warranty: dict[str, int] | None = None, rules: ContractRules | None = None, currency: str = "USD",
) -> duckdb.DuckDBPyConnection:
    """Write the world as a building warehouse and open it with its settings (the caller closes it)."""
    paths = WarehousePaths(tmp_path)
    paths.state_dir.mkdir(parents=True, exist_ok=True)
    world.write(paths.building)
    settings = BuildSettings(
        as_of=day(as_of), currency=currency, source_ranks=world.ranks(order),
        warranty={"hardware": 12} if warranty is None else warranty, rules=rules or ContractRules(),
    )
    return connect_building(paths, settings)


def resolve_assets(con: duckdb.DuckDBPyConnection) -> None:
    """assets and asset_sources by the real SQL step, each serial its own asset (needs products)."""
    asset_map = con.execute("""
        SELECT 'AST-' || upper(s) AS asset_id, record_id, s AS raw_serial, upper(s) AS serial_number,
               'exact' AS match_rule
        FROM (SELECT record_id, unnest(serial_numbers) AS s FROM source_records)""").df()
    WAREHOUSE_SQL.run(con, ASSET_TABLES, frames={"asset_map": asset_map})


def query(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[tuple]:
    """All rows of a query."""
    return con.execute(sql, params or []).fetchall()
