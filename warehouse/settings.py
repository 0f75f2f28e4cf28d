"""The settings one warehouse build needs, typed, and registered as TEMP tables for its SQL.

The pipeline builds `BuildSettings` once per run from the typed configuration; SQL reads them
from small TEMP tables (`run_settings`, `source_rank`, `warranty_months`) so no value is ever
pasted into a statement.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from warehouse.sql_runner import ident, replace_table

DEFAULT_WARRANTY: Mapping[str, int] = {"hardware": 12}


@dataclass(frozen=True)
class ContractRules:
    """The contract rules of sources.yaml `valuation:` (DESIGN.md "Valuation defaults")."""

    #: a later contract starting this many days after an end (or fewer) renews it
    renewal_window_days: int = 60
    #: ... or starting up to this many days before the end (renewals booked early, to overlap the old
    #: term): "within 60 days of its end, before or after" (DESIGN.md)
    renewal_early_days: int = 60
    #: one horizon: a contract ending within this many days of the as-of date is `expiring`, and it
    #: is listed as a `renewal` opportunity (sources.yaml `expiring_days` is read as this key)
    renewal_days: int = 120


@dataclass(frozen=True)
class BuildSettings:
    """Everything a warehouse build reads besides its tables: the run's date and the trust order."""

    as_of: dt.date
    currency: str = "USD"
    #: source name -> trust rank (lower wins), computed once from sources.yaml
    source_ranks: Mapping[str, int] = field(default_factory=dict)
    warranty: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_WARRANTY))
    #: ContractRules, or a subclass carrying more scalar settings (the whole `valuation:` block)
    rules: ContractRules = field(default_factory=ContractRules)


def scalar_settings(rules: ContractRules) -> dict[str, int | float | str | bool]:
    """The scalar fields of a rules dataclass (mappings and lists have tables of their own)."""
    out: dict[str, int | float | str | bool] = {}
    for f in dataclasses.fields(rules):
        value = getattr(rules, f.name)
        if isinstance(value, bool | int | float | str):
            out[f.name] = value
    return out


def _rank_frame(con: duckdb.DuckDBPyConnection, ranks: Mapping[str, int]) -> pd.DataFrame:
    """Configured ranks, plus any source still in source_records but no longer configured, ranked last."""
    names = list(ranks)
    has_sources = con.execute(
        "SELECT count(*) FROM duckdb_columns() WHERE database_name = current_database() "
        "AND table_name = 'source_records' AND column_name = 'source'").fetchall()[0][0]
    if has_sources:
        loaded = [s for (s,) in con.execute("SELECT DISTINCT source FROM source_records ORDER BY 1").fetchall()]
        names += [s for s in loaded if s not in ranks]
    last = max(ranks.values(), default=0) + 1
    return pd.DataFrame({
        "source": pd.Series(names, dtype="string"),
        "rank": pd.Series([ranks.get(n, last) for n in names], dtype="int64"),
    })


def register_build_settings(con: duckdb.DuckDBPyConnection, settings: BuildSettings) -> None:
    """TEMP tables run_settings (one row: as_of, currency and every scalar rule), source_rank, warranty_months."""
    scalars = scalar_settings(settings.rules)
    columns = ", ".join(["?::DATE AS as_of", "?::VARCHAR AS currency", *(f"? AS {ident(k)}" for k in scalars)])
    con.execute(f"CREATE OR REPLACE TEMP TABLE run_settings AS SELECT {columns}",
                [settings.as_of, settings.currency, *scalars.values()])
    replace_table(con, "source_rank", _rank_frame(con, settings.source_ranks), temporary=True)
    replace_table(con, "warranty_months", pd.DataFrame({
        "category": pd.Series(list(settings.warranty), dtype="string"),
        "months": pd.Series(list(settings.warranty.values()), dtype="int64"),
    }), temporary=True)
