"""The channel model in the warehouse: partner-program terms by date (`partner_terms`) and who owns
each contract's renewal (`contract_owners`, and `renewal_owner` on contracts).

Runs after the contracts (it reads contracts, contract_sources, partners and partner_sources);
the rules are SQL in warehouse/sql/channel/, the per-partner configuration comes in as a frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import duckdb
import pandas as pd

from warehouse.sql_runner import count_rows
from warehouse.steps import CONTRACT_OWNERS, PARTNER_TERMS, WAREHOUSE_SQL

#: the owners a renewal can have (DESIGN.md, "Valuation defaults": renewal owner)
RENEWAL_OWNERS: tuple[str, ...] = ("vendor", "reseller", "service_org", "third_party")
#: the tables this module creates (all analyst-facing, all in dictionary.yaml)
CHANNEL_TABLES: tuple[str, ...] = ("partner_terms", "contract_owners")


@dataclass(frozen=True)
class ChannelOutcome:
    """Counts worth showing in Dagster metadata."""

    partner_terms: int
    partners_with_terms: int
    owners: dict[str, int]


def config_frame(owners: Mapping[str, str]) -> pd.DataFrame:
    """`channel: partners:` as the frame the SQL reads: key (partner id or name, lower case), renewal_owner."""
    unknown = sorted({v for v in owners.values() if v not in RENEWAL_OWNERS})
    if unknown:
        raise ValueError(f"renewal_owner {unknown} is not one of {list(RENEWAL_OWNERS)}")
    return pd.DataFrame({
        "key": pd.Series([" ".join(str(k).split()).lower() for k in owners], dtype="string"),
        "renewal_owner": pd.Series(list(owners.values()), dtype="string"),
    })


def build_channel(con: duckdb.DuckDBPyConnection, owners: Mapping[str, str] | None = None) -> ChannelOutcome:
    """Create partner_terms and contract_owners and add renewal_owner / service_provider_id to contracts.

    `owners`: partner id or name -> renewal owner (sources.yaml `channel: partners:`). Needs a build
    connection with its settings registered and the contract tables built.
    """
    WAREHOUSE_SQL.run(con, PARTNER_TERMS)
    WAREHOUSE_SQL.run(con, CONTRACT_OWNERS, frames={"channel_config": config_frame(owners or {})})
    by_owner = dict(con.execute("SELECT renewal_owner, count(*) FROM contract_owners GROUP BY ALL").fetchall())
    partners = con.execute("SELECT count(DISTINCT partner_id) FROM partner_terms").fetchall()[0][0]
    return ChannelOutcome(partner_terms=count_rows(con, "partner_terms"), partners_with_terms=int(partners),
                          owners={str(k): int(v) for k, v in by_owner.items()})
