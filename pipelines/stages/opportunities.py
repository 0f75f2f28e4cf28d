"""Stage `opportunities`: renewals, win-backs, coverage gaps and co-terms as of the run's date,
valued and assigned (reports -> warehouse build); then their totals for every part of the book; the
economics by reseller and by customer; and the channel audit (registration problems, attach rates,
reseller scorecards)."""

from __future__ import annotations

from pipelines.stages.context import RunContext
from pipelines.stages.memo import night_reused
from pipelines.stages.night import record_comparison
from pipelines.stages.review import value_review_queue
from reports.economics import ECONOMICS_TABLES, EconomicsOutcome, economics_outcome
from reports.economics import build_economics as build_economics_tables
from reports.frames import load_report_data
from reports.opportunities import OPPORTUNITY_TABLES, OpportunityOutcome, opportunity_outcome
from reports.opportunities import build_opportunities as build_opportunity_tables
from reports.outputs import book_parts
from reports.registration import REGISTRATION_TABLES, RegistrationOutcome, build_registration, registration_outcome
from reports.summary import (
    for_scope,
    read_summary,
    section,
    summarise_books,
    summary_data,
    write_summary_table,
)
from warehouse.comments import apply_comments, uncommented
from warehouse.previous_run import read_previous_opportunities

SUMMARY_TABLE = "renewal_summary"


def _commented(con, tables: list[str]) -> None:
    apply_comments(con, tables)
    missing = uncommented(con, tables)
    if missing:
        raise ValueError(f"report columns without a comment in warehouse/dictionary.yaml: {missing}")


def build_opportunities(run: RunContext) -> OpportunityOutcome:
    """renewal_opportunities, installed_base, opportunity_changes (against the live warehouse, read
    before this build replaces it), opportunity_assets, renewal_forecast and missed_renewals; then match_review's
    value at stake and rank."""
    if night_reused(run):
        with run.building() as con:
            return opportunity_outcome(con, run.config.valuation)
    previous = read_previous_opportunities(run.paths.live)
    with run.building() as con:
        outcome = build_opportunity_tables(con, run.config.valuation, previous)
        _commented(con, list(OPPORTUNITY_TABLES))
        record_comparison(con, previous)
        if value_review_queue(con, run.config.valuation.currency):
            _commented(con, ["match_review"])
    return outcome


def build_economics(run: RunContext) -> EconomicsOutcome:
    """partner_economics and customer_economics: per reseller / end customer and quarter, each figure
    with the counterparty in force on its date (overrides/assignments.csv)."""
    reused = night_reused(run)
    with run.building() as con:
        if reused:
            return economics_outcome(con, run.config.valuation)
        outcome = build_economics_tables(con, run.config.valuation)
        _commented(con, list(ECONOMICS_TABLES))
    return outcome


def build_renewal_summary(run: RunContext) -> dict[str, float]:
    """renewal_summary for the whole book and every rep's and reseller's part; returns the headline."""
    valuation = run.config.valuation
    reused = night_reused(run)
    with run.building() as con:
        if reused:
            summary = read_summary(con)
        else:
            data = load_report_data(con, run.as_of, valuation.currency)
            summary = summarise_books(book_parts(summary_data(data)), valuation)
            write_summary_table(con, summary)
            _commented(con, [SUMMARY_TABLE])
    whole = for_scope(summary)
    total = section(whole, "total").iloc[0]
    return {
        "value": float(total.value), "weighted_value": float(total.weighted_value),
        **{f"value_{r.label}": float(r.value) for r in section(whole, "window").itertuples()},
    }


def build_channel_audit(run: RunContext) -> RegistrationOutcome:
    """registration_issues, attach_rates and reseller_scorecards in the warehouse being built."""
    reused = night_reused(run)
    with run.building() as con:
        if reused:
            return registration_outcome(con, run.config.valuation)
        outcome = build_registration(con, run.config.valuation, run.config.channel.audit.registration())
        _commented(con, list(REGISTRATION_TABLES))
    return outcome
