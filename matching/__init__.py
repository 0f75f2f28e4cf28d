"""Entity resolution for Renewal Radar: who is who (customers) and what is what (assets).

Public API (pure functions over pandas DataFrames / DuckDB connections; no other project package
is imported):

- `resolve_entities(records, overrides=None, previous_entities=None, settings=..., con=None,
  aliases=None)` -> `Resolution` (record -> cluster, per-record match_score / match_rule /
  group, scored pairs, the weights learned for this run)
- `alias_table(rows)`: declared renames and parent/child groups (e.g. overrides/aliases.csv)
- `build_golden_records(records, entities, ...)`: one row per entity from the most trusted source
- `assign_stable_ids(clusters, previous, run_date, prefix="CUST-")` -> `StableIds`
- `record_overrides(overrides, previous_entities)`, `apply_overrides(pairs, overrides)`
- `resolve_serials(rows)`: serial tokens (optionally with their customer) -> assets
- `pairwise_quality(predicted, truth)`: pairwise precision / recall / F1
- normalisers: `normalise_company_names`, `company_name_parts` (name + the places it names),
  `normalise_addresses`, `normalise_postal_codes`,
  `normalise_domains`, `normalise_emails`, `normalise_phones`, `normalise_serials`,
  `lookalike_keys`, `normalise_skus`, `sku_families`
"""

from matching.addresses import (
    normalise_addresses,
    normalise_cities,
    normalise_countries,
    normalise_postal_codes,
    normalise_states,
)
from matching.aliases import AliasTable, alias_table
from matching.assets import resolve_serials
from matching.blocking import CUSTOMER_BLOCKING_RULES, BlockingRule
from matching.clustering import ClusterSettings
from matching.contacts import normalise_domains, normalise_emails, normalise_phones
from matching.golden import build_golden_records
from matching.learning import LearnSettings
from matching.names import company_name_parts, normalise_company_names
from matching.overrides import apply_overrides, record_overrides
from matching.quality import PairwiseQuality, pairwise_quality
from matching.resolve import ResolveSettings, resolve_entities
from matching.result import Resolution
from matching.serials import lookalike_keys, normalise_serials, normalise_skus, sku_families
from matching.stable_ids import StableIds, assign_stable_ids
from matching.weights import CUSTOMER_MODEL, MatchModel

__all__ = [
    "CUSTOMER_BLOCKING_RULES",
    "CUSTOMER_MODEL",
    "AliasTable",
    "BlockingRule",
    "ClusterSettings",
    "LearnSettings",
    "MatchModel",
    "PairwiseQuality",
    "Resolution",
    "ResolveSettings",
    "StableIds",
    "alias_table",
    "apply_overrides",
    "assign_stable_ids",
    "build_golden_records",
    "company_name_parts",
    "lookalike_keys",
    "normalise_addresses",
    "normalise_cities",
    "normalise_company_names",
    "normalise_countries",
    "normalise_domains",
    "normalise_emails",
    "normalise_phones",
    "normalise_postal_codes",
    "normalise_serials",
    "normalise_skus",
    "normalise_states",
    "pairwise_quality",
    "record_overrides",
    "resolve_entities",
    "resolve_serials",
    "sku_families",
]
