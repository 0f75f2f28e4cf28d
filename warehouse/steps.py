"""Every SQL step of the warehouse build: its file, the frames it reads and the tables it creates.

One catalogue, so a newcomer sees in one place which file makes which table (each table is
made by exactly one step). The files live in warehouse/sql/<stage>/.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

import duckdb

from warehouse.sql_runner import SqlLibrary, SqlStep
from warehouse.support_models import support_owner

WAREHOUSE_SQL = SqlLibrary(Path(__file__).with_name("sql"))

#: TEMP macros every connection to a build gets (warehouse.build.connect_building)
MACRO_FILES: tuple[str, ...] = ("resolve_macros.sql", "catalogue_macros.sql")


#: Python functions every connection to a build gets beside the macros: name -> (function, argument types, result)
PYTHON_FUNCTIONS: dict[str, tuple[Callable[..., str | None], list[str], str]] = {
    "support_owner": (support_owner, ["VARCHAR"], "VARCHAR"),  # partner_terms.sql
}


def register_macros(con: duckdb.DuckDBPyConnection) -> None:
    """The build's TEMP macros (contract_key, is_partner_type ...) and Python functions (support_owner) on
    `con`; nothing is written to a file. Calling it again on the same connection replaces them."""
    for name in MACRO_FILES:
        con.execute(WAREHOUSE_SQL.text(name))
    for name, (function, arguments, result) in PYTHON_FUNCTIONS.items():
        with contextlib.suppress(duckdb.InvalidInputException):  # not registered on `con` yet
            con.remove_function(name)
        # "special": NULL in, and NULL out, are the function's own; by name, as the enum's module
        # differs between DuckDB 1.4 (duckdb.functional) and 2.x (duckdb.func)
        con.create_function(name, function, arguments, result,  # type: ignore[call-overload]
                            null_handling="special")

# ingest: the ingest store's schema, and its state copied into a new build
INGEST_SCHEMA = SqlStep("ingest/ingest_schema.sql", creates=("ingested_files", "source_records", "quarantine"))
STAGING_TABLES = SqlStep("ingest/staging_tables.sql", creates=("source_records", "quarantine", "ingested_files"))
#: a dated line another file of its source delivers again: source_records.repeat_of, ingested_files.rows_repeated
REPEATED_LINES = SqlStep("ingest/repeated_lines.sql", creates=("line_copies", "line_repeats"))
#: SELECT: the lines a new version of a stored file drops, alters or adds (warehouse.replaced_lines)
REPLACED_LINES = "ingest/replaced_lines.sql"
PARTNER_NAME_EVIDENCE = "ingest/partner_name_evidence.sql"  # SELECT: partner names per file, for the readers

# products: one row per SKU (needs only source_records)
PRODUCTS = SqlStep("products/products.sql", creates=("products",))

# resolve: the tables written from entity resolution's frames (mentions are SELECT files)
CUSTOMER_MENTIONS = "resolve/customer_mentions.sql"  # reads SELF_NAMED_RECORDS, BILLED_CUSTOMER_RECORDS
#: TEMP: the distributor rows naming their reseller itself as end customer
SELF_NAMED_RECORDS = SqlStep("resolve/self_named_records.sql", creates=("self_named_records",))
#: TEMP: the rows naming only their bill-to, where the bill-to is the end customer (a ledger with no ship-to)
BILLED_CUSTOMER_RECORDS = SqlStep("resolve/billed_customer_records.sql", creates=("billed_customer_records",))
PARTNER_MENTIONS = "resolve/partner_mentions.sql"  # reads BILLED_CUSTOMER_RECORDS
SERIAL_MENTIONS = "resolve/serial_mentions.sql"
BILL_TO_SELF_ACCOUNTS = "resolve/bill_to_self_accounts.sql"
CUSTOMER_TABLES = SqlStep(
    "resolve/customer_tables.sql", frames=("customer_golden", "customer_map"),
    creates=("customer_sources", "customer_contact_rows", "customer_contacts", "customer_crm_accounts", "customers"),
)
PARTNER_TABLES = SqlStep(
    "resolve/partner_tables.sql",
    frames=("partner_golden", "partner_roles", "partner_map", "partner_mentions_resolved", "bill_to_self"),
    creates=("partners", "partner_sources", "record_parties"),
)
#: match_review from matching.review's queue; its value at stake and rank once opportunities exist
MATCH_REVIEW = SqlStep("resolve/match_review.sql", frames=("review_queue",), creates=("match_review",))
MATCH_REVIEW_VALUE = SqlStep("resolve/match_review_value.sql", creates=("match_review",))
ASSET_TABLES = SqlStep("resolve/asset_tables.sql", frames=("asset_map",), creates=("asset_sources", "assets"))
#: id_history: the events of each resolution appended (warehouse.previous_run.append_id_history)
ID_HISTORY_EVENTS = SqlStep("resolve/id_history_events.sql", frames=("id_events",), creates=("id_history",))

# contracts: lines -> merged contracts -> renewal candidates -> inferred coverage -> final table
CONTRACT_LINES = SqlStep("contracts/contract_lines.sql", creates=("contract_lines",))
CONTRACT_TABLES = SqlStep(
    "contracts/contract_tables.sql",
    creates=("contract_conflicts", "contract_sources", "contract_assets_serial", "contracts_base"),
)
CONTRACT_COVERAGE = SqlStep(
    "contracts/contract_coverage.sql", frames=("renewal_links",),
    creates=("coverage_unnamed", "coverage_by_chain", "coverage_by_partial", "coverage_known", "coverage_pairs",
             "coverage_decided"),
)
#: one round of shipments decided (run until a round decides nothing), then contract_assets
COVERAGE_ROUND = SqlStep("contracts/coverage_round.sql", creates=("coverage_decided",))
COVERAGE_FINAL = SqlStep("contracts/coverage_final.sql", creates=("coverage_by_product", "contract_assets"))
RENEWAL_CANDIDATES = SqlStep("contracts/renewal_candidates.sql", creates=("renewal_candidates",))
RENEWAL_UPGRADES = SqlStep("contracts/renewal_upgrades.sql", frames=("renewal_links",), creates=("renewal_upgrades",))
CONTRACTS_FINAL = SqlStep(
    "contracts/contracts_final.sql", frames=("renewal_links",), creates=("contract_number_prefix", "contracts"),
)
#: the status of each contract as of the run's date (every night; the tables above depend on no date)
CONTRACT_STATUS = SqlStep("contracts/contract_status.sql", creates=("contracts",))
CONTRACT_CHECKS = "contracts/contract_checks.sql"

#: example queries of docs/warehouse.md (run when the document is generated)
EXAMPLES_GLOB = "examples/*.sql"

# channel: partner-program terms by date, and who owns each contract's renewal (after contracts)
PARTNER_TERMS = SqlStep("channel/partner_terms.sql", creates=("partner_terms",))
CONTRACT_OWNERS = SqlStep(
    "channel/contract_owners.sql", frames=("channel_config",),
    creates=("configured_owner", "contract_provider", "contract_owners"),
)

# reassign: overrides/assignments.csv resolved and applied by date (after contracts, before channel)
ASSIGNMENTS = SqlStep(
    "reassign/assignments.sql", frames=("assignment_rows",),
    creates=("assignment_customer_keys", "assignment_partner_keys", "assignment_contract_keys",
             "counterparty_assignments"),
)
ASSIGNMENT_TARGETS = SqlStep("reassign/assignment_targets.sql", creates=("assignment_targets",))
REASSIGN_ITEMS = SqlStep(
    "reassign/reassign_items.sql",
    creates=("contract_parties_written", "invoice_line_parties", "invoice_lines", "assignment_probes",
             "assignment_items"),
)
#: the counterparties in force on each item's date (reports run it too, on opportunities)
ASSIGNED_PARTIES = SqlStep("reassign/assigned_parties.sql", creates=("assigned_parties",))
REASSIGN_APPLY = SqlStep(
    "reassign/reassign_apply.sql", creates=("invoice_counterparties", "counterparty_history"),
)
