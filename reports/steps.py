"""Every SQL step of the reports: its file, the frames it reads and the tables it creates.

Run with the warehouse's SQL runner (reports may import warehouse); the files live in reports/sql/.
"""

from __future__ import annotations

from pathlib import Path

from warehouse.sql_runner import SqlLibrary, SqlStep

REPORTS_SQL = SqlLibrary(Path(__file__).with_name("sql"))

VALUATION_MACROS = SqlStep("valuation_macros.sql")
OPPORTUNITY_PARTIES = SqlStep(
    "opportunity_parties.sql",
    creates=("rv_customer_crm_owner", "rv_customer_tracker_rep", "rv_contract_reps", "rv_channel_rep",
             "rv_partner_terms", "rv_customer_reps", "rv_rep_ids"),
)
#: a partner program's tier as written read as the configured tier it names ("Gold Certified Partner"); the
#: readings come from reports.program_tiers (build_program_tiers runs this step)
PROGRAM_TIERS = SqlStep("program_tiers.sql", frames=("program_tier_readings",), creates=("rv_program_tiers",))
CONTRACT_VALUES = SqlStep("contract_values.sql", creates=("rv_contract_values",))
OPPORTUNITIES = SqlStep(
    "opportunities.sql", creates=("rv_opportunities", "rv_opportunity_assets", "rv_installed_base"),
)
OPPORTUNITY_PLAN = SqlStep("opportunity_plan.sql", creates=("rv_banded", "rv_workdays", "rv_plan"))
#: opportunities moved to the counterparty in force on their action date (reports.opportunity_reassign)
OPPORTUNITY_REASSIGN_ITEMS = SqlStep("opportunity_reassign.sql", creates=("assignment_items",))
OPPORTUNITY_REASSIGN_APPLY = SqlStep("opportunity_reassign_apply.sql", creates=("rv_reassigned",))
OPPORTUNITY_SPLIT = SqlStep("opportunity_split.sql", creates=("rv_at_risk_customers", "rv_split"))
OPPORTUNITY_CHANGES = SqlStep(
    "opportunity_changes.sql", frames=("previous_opportunities",),
    creates=("rv_previous", "rv_matches", "rv_change", "opportunity_changes"),
)
OPPORTUNITY_TABLES = SqlStep(
    "opportunity_tables.sql",
    creates=("renewal_opportunities", "installed_base", "opportunity_assets", "renewal_forecast", "missed_renewals"),
)
#: the steps of the opportunity build before and after the changes since the last run, in order
OPPORTUNITY_STEPS: tuple[SqlStep, ...] = (
    VALUATION_MACROS, OPPORTUNITY_PARTIES, PROGRAM_TIERS, CONTRACT_VALUES, OPPORTUNITIES, OPPORTUNITY_PLAN,
    OPPORTUNITY_SPLIT,
)
RENEWAL_SUMMARY = SqlStep("renewal_summary.sql", frames=("summary_frame",), creates=("renewal_summary",))
#: renewal_opportunities with their serials, in working order (a SELECT)
REPORT_OPPORTUNITIES = "report_opportunities.sql"
#: the inbox files by status, and those to look at (a SELECT): the run summary's Inputs section
REPORT_INPUTS = "report_inputs.sql"

#: partner_economics and customer_economics (reports.economics), after the opportunities
ECONOMICS_ITEMS = SqlStep("economics_items.sql", creates=("assignment_items",))
ECONOMICS = SqlStep(
    "economics.sql", creates=("rv_econ_rates", "economics_lines", "partner_economics", "customer_economics"),
)

# the channel audit (after the opportunity tables): hardware attach, registration problems, scorecards
ATTACH_RATES = SqlStep("registration/attach_rates.sql", creates=("rg_hardware", "attach_rates"))
REGISTRATION_ISSUES = SqlStep(
    "registration/registration_issues.sql",
    creates=("rg_no_customer_rows", "rg_serial_rows", "rg_asset_value", "rg_findings", "rg_contract_seen",
             "rg_evidence", "registration_issues"),
)
RESELLER_SCORECARDS = SqlStep("registration/reseller_scorecards.sql",
                              creates=("rg_due", "rg_pending", "reseller_scorecards"))
REGISTRATION_STEPS: tuple[SqlStep, ...] = (ATTACH_RATES, REGISTRATION_ISSUES, RESELLER_SCORECARDS)
