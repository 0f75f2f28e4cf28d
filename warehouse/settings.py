"""The sources.yaml settings the product and contract build needs, typed, and registered as temp tables.

The pipeline passes a plain dict (the parsed sources.yaml plus the run's as-of date); the SQL
reads the settings from small TEMP tables so no value is ever pasted into a statement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pandas as pd

from warehouse.sql_files import read_sql

DEFAULT_SOURCE_PRIORITY: tuple[str, ...] = (
    "crm_accounts", "crm_contracts", "accounting", "price_list", "distributor", "sales_rep",
)
DEFAULT_WARRANTY: dict[str, int] = {"hardware": 12}
#: a later contract starting this many days after an end (or fewer) renews it (DESIGN.md)
DEFAULT_RENEWAL_WINDOW_DAYS = 60
#: ... or starting up to this many days before the end (renewals booked to overlap the old term)
DEFAULT_RENEWAL_EARLY_DAYS = 30
#: a contract ending within this many days of the as-of date is `expiring`
DEFAULT_EXPIRING_DAYS = 90


@dataclass(frozen=True)
class BuildSettings:
    """Settings of one warehouse build: as-of date, currency, warranty, trust order, renewal windows."""

    as_of: dt.date
    currency: str = "USD"
    warranty: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_WARRANTY))
    source_priority: tuple[str, ...] = DEFAULT_SOURCE_PRIORITY
    source_ranks: Mapping[str, int] = field(default_factory=dict)  # explicit `priority:` per source name
    renewal_window_days: int = DEFAULT_RENEWAL_WINDOW_DAYS
    renewal_early_days: int = DEFAULT_RENEWAL_EARLY_DAYS
    expiring_days: int = DEFAULT_EXPIRING_DAYS


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None:
        return dt.date.today()
    return dt.date.fromisoformat(str(value))


def settings_from_mapping(settings: Mapping[str, Any]) -> BuildSettings:
    """BuildSettings from a sources.yaml-shaped dict (missing keys take the documented defaults)."""
    valuation = settings.get("valuation") or {}
    ranks = {
        str(s["name"]): int(s["priority"])
        for s in settings.get("sources") or []
        if isinstance(s, Mapping) and s.get("priority") is not None and s.get("name")
    }
    warranty = settings.get("warranty")
    return BuildSettings(
        as_of=_date(settings.get("as_of")),
        currency=str(settings.get("currency") or "USD"),
        warranty={str(k).lower(): int(v) for k, v in (DEFAULT_WARRANTY if warranty is None else warranty).items()},
        source_priority=tuple(settings.get("source_priority") or DEFAULT_SOURCE_PRIORITY),
        source_ranks=ranks,
        renewal_window_days=int(valuation.get("renewal_window_days", DEFAULT_RENEWAL_WINDOW_DAYS)),
        renewal_early_days=int(valuation.get("renewal_early_days", DEFAULT_RENEWAL_EARLY_DAYS)),
        expiring_days=int(valuation.get("expiring_days", DEFAULT_EXPIRING_DAYS)),
    )


def as_build_settings(settings: BuildSettings | Mapping[str, Any]) -> BuildSettings:
    """Accept either typed settings or the sources.yaml dict."""
    return settings if isinstance(settings, BuildSettings) else settings_from_mapping(settings)


def register_settings(con: duckdb.DuckDBPyConnection, settings: BuildSettings) -> None:
    """TEMP tables build_settings, kind_rank, source_rank_override, warranty_months; plus the SQL macros."""
    con.execute(read_sql("contract_macros.sql"))
    con.execute(
        "CREATE OR REPLACE TEMP TABLE build_settings AS SELECT ?::DATE AS as_of, ?::VARCHAR AS currency, "
        "?::INTEGER AS renewal_window_days, ?::INTEGER AS renewal_early_days, ?::INTEGER AS expiring_days",
        [settings.as_of, settings.currency, settings.renewal_window_days, settings.renewal_early_days,
         settings.expiring_days],
    )
    frames = {
        "kind_rank": pd.DataFrame({"kind": pd.Series(list(settings.source_priority), dtype="string"),
                                   "rank": pd.Series(range(len(settings.source_priority)), dtype="int64")}),
        "source_rank_override": pd.DataFrame({"source": pd.Series(list(settings.source_ranks), dtype="string"),
                                              "rank": pd.Series(list(settings.source_ranks.values()), dtype="int64")}),
        "warranty_months": pd.DataFrame({"category": pd.Series(list(settings.warranty), dtype="string"),
                                         "months": pd.Series(list(settings.warranty.values()), dtype="int64")}),
    }
    for name, frame in frames.items():
        con.register("_settings_frame", frame)
        try:
            con.execute(f'CREATE OR REPLACE TEMP TABLE "{name}" AS SELECT * FROM _settings_frame')
        finally:
            con.unregister("_settings_frame")
    con.execute(read_sql("source_rank.sql"))
