"""Write the ground truth beside the inbox: entities, contracts, files and every data row's meaning.

Tests and benchmarks compare what the pipeline found against these files in `home/truth/`.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from demo.render import FileRecord
from demo.world import World

ROW_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("source_file", pa.string()),
        ("source_sheet", pa.string()),
        ("source_row", pa.int64()),
        ("expect", pa.string()),
        ("broken_field", pa.string()),
        ("customer_key", pa.string()),
        ("reseller_key", pa.string()),
        ("bill_to_key", pa.string()),
        ("contract_number", pa.string()),
        ("raw_contract_number", pa.string()),
        ("sku", pa.string()),
        ("serials", pa.list_(pa.string())),
        ("serial_truth", pa.list_(pa.string())),
        ("invoice_date", pa.date32()),
        ("service_start", pa.date32()),
        ("service_end", pa.date32()),
        ("amount", pa.float64()),
        ("quantity", pa.int64()),
        ("list_price", pa.float64()),
        ("raw_customer_name", pa.string()),
    ]
)


def _iso(values: pd.Series) -> pd.Series:
    """Dates as YYYY-MM-DD text ("" for none)."""
    return pd.DatetimeIndex(values).strftime("%Y-%m-%d").to_series(index=values.index).fillna("")


def _csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, lineterminator="\n")


def write_entities(world: World, out: Path) -> None:
    """customers, partners, reps, products, assets, contracts and contract_assets as CSV."""
    acc = world.crm_accounts.sort_values(["duplicate", "account_id"])
    ids = acc.groupby("entity_key", sort=False).account_id.agg(";".join)
    cust = world.customers
    customers = cust[
        [
            "customer_key",
            "name",
            "address",
            "city",
            "state",
            "postal_code",
            "country",
            "domain",
            "phone",
            "sibling_group",
        ]
    ].copy()
    customers["crm_account_ids"] = ids.reindex(cust.customer_key).fillna("").to_numpy()
    customers["rep"] = cust.rep.to_numpy()
    people = world.contacts.set_index("customer_key").reindex(cust.customer_key)
    for col in ("contact_name", "contact_email", "contact_phone"):
        customers[col] = people[col].to_numpy()
    _csv(customers, out / "customers.csv")
    partners = world.partners[["partner_key", "name", "role", "tier", "channel_rep"]].copy()
    partners["crm_account_ids"] = ids.reindex(partners.partner_key).fillna("").to_numpy()
    _csv(partners, out / "partners.csv")
    _csv(world.reps, out / "reps.csv")
    _csv(world.products, out / "products.csv")
    assets = world.assets[
        ["serial_number", "sku", "customer_key", "reseller_key", "ship_date", "ever_covered"]
    ].copy()
    assets["ship_date"] = _iso(assets.ship_date)
    _csv(assets, out / "assets.csv")
    c = world.contracts
    contracts = c[
        [
            "contract_number",
            "customer_key",
            "bill_to_key",
            "bill_to_role",
            "reseller_key",
            "sku",
            "service_level",
            "start_date",
            "end_date",
            "amount",
            "currency",
            "renewed_by",
            "rep",
            "years",
            "n_assets",
        ]
    ].copy()
    contracts["start_date"] = _iso(contracts.start_date)
    contracts["end_date"] = _iso(contracts.end_date)
    _csv(contracts, out / "contracts.csv")
    _csv(world.contract_assets, out / "contract_assets.csv")


def _strings(s: pd.Series) -> pa.Array:
    return pa.array(s.astype(object).where(s.notna(), None).tolist(), pa.string())


def source_rows_table(frames: dict[str, pd.DataFrame]) -> pa.Table:
    """One Arrow row per data row written, in (source, file, sheet, row) order."""
    cols = [f.name for f in ROW_SCHEMA]
    df = pd.concat([f[cols] for f in frames.values()], ignore_index=True)
    df = df.sort_values(
        ["source", "source_file", "source_sheet", "source_row"], na_position="first", kind="stable"
    )
    arrays = []
    for field in ROW_SCHEMA:
        s = df[field.name]
        if pa.types.is_date32(field.type):
            arrays.append(
                pa.array(s.to_numpy().astype("datetime64[D]"), pa.date32(), from_pandas=True)
            )
        elif pa.types.is_list(field.type):
            arrays.append(pa.array([list(v) for v in s], field.type))
        elif field.type == pa.float64():
            arrays.append(pa.array(s.to_numpy(dtype=float), pa.float64(), from_pandas=True))
        elif field.type == pa.int64():
            v = s.to_numpy(dtype=float)
            arrays.append(pa.array(np.nan_to_num(v).astype(np.int64), pa.int64(), mask=np.isnan(v)))
        else:
            arrays.append(_strings(s))
    return pa.Table.from_arrays(arrays, schema=ROW_SCHEMA)


def write_truth(
    world: World, frames: dict[str, pd.DataFrame], records: list[FileRecord], home: Path
) -> int:
    """Write everything under home/truth; returns the number of source rows recorded."""
    out = home / "truth"
    out.mkdir(parents=True, exist_ok=True)
    write_entities(world, out)
    files = pd.DataFrame([asdict(r) for r in records]).sort_values(["source", "path"])
    _csv(files, out / "files.csv")
    table = source_rows_table(frames)
    pq.write_table(table, out / "source_rows.parquet", compression="zstd")
    return table.num_rows
