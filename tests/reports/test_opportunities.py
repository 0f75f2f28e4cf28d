"""The opportunity rules on a hand-made warehouse (tests/reports/fixtures.py), kind by kind."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from reports.opportunities import OPPORTUNITY_TABLES, build_opportunities
from reports.valuation import valuation_settings
from tests.reports.fixtures import AS_OF, HYPERLINK, fixture_file, open_build
from warehouse.comments import apply_comments, uncommented

CONFIGURED = {"fx_rates": {"EUR": 1.1}, "partner_tiers": {"Gold Reseller Inc": "gold"}, "partner_share": {"gold": 0.6}}


def _build(tmp_path: Path, raw: dict | None = None, as_of: dt.date = AS_OF) -> duckdb.DuckDBPyConnection:
    settings = valuation_settings(CONFIGURED if raw is None else raw)
    con = open_build(fixture_file(tmp_path / "wh.duckdb"), settings, as_of)
    build_opportunities(con, settings)
    return con


@pytest.fixture
def con(tmp_path: Path):
    con = _build(tmp_path)
    yield con
    con.close()


def _opps(con) -> pd.DataFrame:
    return con.execute("SELECT * FROM renewal_opportunities").df()


def _one(df: pd.DataFrame, kind: str, **where) -> pd.Series:
    rows = df[df["kind"] == kind]
    for k, v in where.items():
        rows = rows[rows[k] == v]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_renewals_within_120_days_valued_with_uplift_and_never_already_renewed(con) -> None:
    df = _opps(con)
    renewals = df[df["kind"] == "renewal"].set_index("contract_id")
    assert set(renewals.index) == {"K1", "K2", "K7", "K9"}  # K8 ends in 19 days but was renewed; K6 is 134 days out
    k1 = renewals.loc["K1"]
    assert (k1["value"], k1["weighted_value"], k1["window"], k1["win_probability"]) == (1236.0, 988.8, "0-30", 0.8)
    # already due (60 days before expiry for a low value has passed): the first working day from the as-of
    # date (a Sunday), never before it
    assert k1["action_date"].date() == dt.date(2026, 11, 2) and k1["priority"] == 2  # low value, due in 9 days
    assert k1["days_to_expiry"] == 9 and k1["expiry_date"].date() == dt.date(2026, 11, 10)
    assert "annual amount USD 1,200.00, plus 3% uplift = USD 1,236.00 a year" in k1["basis"]
    k2 = renewals.loc["K2"]  # 3-year contract of 3,600: 1,200 a year
    assert (k2["value"], k2["window"], k2["win_probability"], k2["weighted_value"]) == (1236.0, "91-120", 0.7, 865.2)
    assert k2["action_date"].date() == dt.date(2026, 12, 2)  # low value: 60 days before its 2027-01-31 end
    assert "contract amount USD 3,600.00 over 36 months, annualised to USD 1,200.00" in k2["basis"]
    k7 = renewals.loc["K7"]  # no amount: service list price 300 x 2 covered assets
    assert k7["value"] == 618.0 and "no amount on the contract: list price USD 300.00 a year of CS-NBD × 2" in k7["basis"]
    k9 = renewals.loc["K9"]  # EUR 1,000 at 1.1
    assert (k9["value"], k9["currency"]) == (1133.0, "USD") and "(converted to USD at 1.1)" in k9["basis"]


def test_a_contract_without_a_start_date_is_valued_per_year_of_the_term_its_sku_states(tmp_path: Path) -> None:
    """K2, 3,600 for three years, as a tracker knows it: no start date, the term its SKU states
    (contracts.term_months 36, e.g. "CS-4HR-3Y"), so 1,200 a year, not 3,600 taken as one year."""
    settings = valuation_settings(CONFIGURED)
    con = open_build(fixture_file(tmp_path / "wh.duckdb"), settings)
    con.execute("UPDATE contracts SET start_date = NULL, sku = 'CS-4HR-3Y' WHERE contract_id = 'K2'")
    build_opportunities(con, settings)
    k2 = _one(_opps(con), "renewal", contract_id="K2")
    assert k2["value"] == 1236.0
    assert ("contract amount USD 3,600.00 over 36 months (no start date: the term its SKU or description states), "
            "annualised to USD 1,200.00") in k2["basis"]
    con.close()


def test_lapsed_contracts_are_win_backs_at_their_last_annual_value(con) -> None:
    df = _opps(con)
    lapsed = df[df["kind"] == "lapsed"].set_index("contract_id")
    assert set(lapsed.index) == {"K3", "K11"}  # K4 was renewed; K5 and K10 ended over 180 days ago
    k3 = lapsed.loc["K3"]
    assert (k3["value"], k3["weighted_value"], k3["window"], k3["days_to_expiry"]) == (1000.0, 600.0, "lapsed", -62)
    assert k3["action_date"].date() == dt.date(2026, 11, 2) and k3["basis"].startswith("Ended 2026-08-31 (62 days ago) and not renewed")


def test_coverage_gaps_never_covered_or_out_of_contract_for_over_180_days(con) -> None:
    df = _opps(con)
    gaps = df[df["kind"] == "coverage_gap"]
    assets = con.execute(
        "SELECT o.customer_id, a.serial_number FROM opportunity_assets a JOIN renewal_opportunities o USING "
        "(opportunity_id) WHERE o.kind = 'coverage_gap' ORDER BY 2").fetchall()
    # SN-A4's contract ended 61 days ago (a win-back), SN-A5 is under warranty, SN-A6 is software
    assert assets == [("CUST-4", "SN-A2"), ("CUST-4", "SN-A3"), ("CUST-6", "SN-A7")]
    never = _one(gaps, "coverage_gap", customer_id="CUST-4", expiry_date=pd.Timestamp("2025-06-01"))
    assert (never["value"], never["weighted_value"], never["window"]) == (1200.0, 360.0, "gap")
    assert "never under a service contract: list price USD 10,000.00 × 12% attach rate a year" in never["basis"]
    lapsed = _one(gaps, "coverage_gap", customer_id="CUST-4", expiry_date=pd.Timestamp("2026-01-15"))
    assert lapsed["value"] == 1200.0 and "out of contract since 2026-01-15 (over 180 days)" in lapsed["basis"]
    unpriced = _one(gaps, "coverage_gap", customer_id="CUST-6")
    assert pd.isna(unpriced["value"]) and "list price unknown, not valued" in unpriced["basis"]
    assert "may cover these" in unpriced["basis"]  # CUST-6 has contracts without recorded serials


def test_a_possibly_covered_asset_is_no_gap_and_not_counted_as_the_contracts_asset(tmp_path: Path) -> None:
    settings = valuation_settings(CONFIGURED)
    con = open_build(fixture_file(tmp_path / "wh.duckdb"), settings)
    # K8 (CUST-6, current) names no serial; the inference could not choose, SN-A7 is one candidate
    con.execute("INSERT INTO contract_assets VALUES ('K8', 'AST-7', 'inferred_ambiguous')")
    build_opportunities(con, settings)
    gap_assets = con.execute(
        "SELECT a.asset_id FROM opportunity_assets a JOIN renewal_opportunities o USING (opportunity_id) "
        "WHERE o.kind = 'coverage_gap' ORDER BY 1").fetchall()
    assert gap_assets == [("AST-2",), ("AST-3",)]
    assert not con.execute("SELECT 1 FROM opportunity_assets WHERE asset_id = 'AST-7'").fetchall()


def test_a_contract_credited_in_full_is_no_renewal_and_joins_no_coterm(tmp_path: Path) -> None:
    settings = valuation_settings(CONFIGURED)
    con = open_build(fixture_file(tmp_path / "wh.duckdb"), settings)
    con.execute("UPDATE contracts SET status = 'credited', amount = 0 WHERE contract_id = 'K1'")  # CUST-1's
    build_opportunities(con, settings)
    df = _opps(con)
    assert "K1" not in set(df.loc[df["kind"] == "renewal", "contract_id"])
    assert "K7" in set(df.loc[df["kind"] == "renewal", "contract_id"])  # the others stay
    # CUST-1's co-term proposal needed K1 and K6: K6 alone is no proposal
    assert "CUST-1" not in set(df.loc[df["kind"] == "coterm", "customer_id"])
    assert not any("K1" in list(ids) for ids in df["contract_ids"])


def test_a_renewal_a_status_says_was_lost_is_offered_neither_as_renewal_nor_as_win_back(tmp_path: Path) -> None:
    """contracts.status 'lost' (a rep's "Closed Lost"): no renewal, no win-back, no part of a co-term proposal;
    it still covers its assets until its end, and the economics count it due and not renewed."""
    settings = valuation_settings(CONFIGURED)
    con = open_build(fixture_file(tmp_path / "wh.duckdb"), settings)
    con.execute("UPDATE contracts SET status = 'lost' WHERE contract_id IN ('K1', 'K3')")  # renewal; win-back
    build_opportunities(con, settings)
    df = _opps(con)
    assert "K1" not in set(df.loc[df["kind"] == "renewal", "contract_id"])
    assert "K3" not in set(df.loc[df["kind"] == "lapsed", "contract_id"])
    assert {"K7"} <= set(df.loc[df["kind"] == "renewal", "contract_id"])  # the others stay
    assert "K11" in set(df.loc[df["kind"] == "lapsed", "contract_id"])
    assert not any("K1" in list(ids) for ids in df["contract_ids"])


def test_a_contract_credited_in_full_covers_no_asset(tmp_path: Path) -> None:
    settings = valuation_settings(CONFIGURED)
    con = open_build(fixture_file(tmp_path / "wh.duckdb"), settings)
    con.execute("UPDATE contracts SET status = 'credited', amount = 0 WHERE contract_id = 'K2'")  # SN-A8's only one
    build_opportunities(con, settings)
    gap = con.execute(
        "SELECT o.basis FROM opportunity_assets a JOIN renewal_opportunities o USING (opportunity_id) "
        "WHERE o.kind = 'coverage_gap' AND a.asset_id = 'AST-8'").fetchall()
    assert len(gap) == 1 and "never under a service contract" in gap[0][0]


def test_a_returned_unit_is_no_coverage_gap(tmp_path: Path) -> None:
    settings = valuation_settings(CONFIGURED)
    con = open_build(fixture_file(tmp_path / "wh.duckdb"), settings)
    con.execute("UPDATE assets SET returned_on = DATE '2024-07-01' WHERE asset_id = 'AST-2'")  # an RMA
    build_opportunities(con, settings)
    gap_assets = {a for (a,) in con.execute(
        "SELECT a.asset_id FROM opportunity_assets a JOIN renewal_opportunities o USING (opportunity_id) "
        "WHERE o.kind = 'coverage_gap'").fetchall()}
    assert gap_assets == {"AST-3", "AST-7"}  # AST-2, never covered, went back


def test_a_coterm_proposal_folds_one_resellers_contracts(tmp_path: Path) -> None:
    """CUST-1's K1 and K6 through two resellers: neither reseller's proposal may fold (and show) the
    other's contract, and each alone is no proposal."""
    settings = valuation_settings(CONFIGURED)
    con = open_build(fixture_file(tmp_path / "wh.duckdb"), settings)
    con.execute("UPDATE contracts SET reseller_id = 'PART-2' WHERE contract_id = 'K6'")
    build_opportunities(con, settings)
    coterms = _opps(con).query("kind == 'coterm'")
    assert set(coterms["customer_id"]) == {"CUST-2"}
    assert all(set(ids) <= {"K9", "K2"} for ids in coterms["contract_ids"])


def test_coterm_folds_a_customers_next_12_months_onto_one_date_prorated(con) -> None:
    df = _opps(con)
    coterms = df[df["kind"] == "coterm"].set_index("customer_id")
    assert set(coterms.index) == {"CUST-1", "CUST-2"}  # CUST-3's K4B is alone; K8 renewed
    c1 = coterms.loc["CUST-1"]
    assert list(c1["contract_ids"]) == ["K1", "K6"] and c1["contract_number"] == "SC-001, SC-006"
    # K1 renewed for the full year (1,236.00); K6 (2,000 a year) from 2027-03-15 to 2027-11-10, 240 of 365 days
    assert c1["value"] == pytest.approx(1236.00 + round(2000 * 1.03 * 240 / 365, 2), abs=0.011)
    assert c1["expiry_date"].date() == dt.date(2026, 11, 10) and c1["window"] == "0-30"
    assert "onto one term 2026-11-10 to 2027-11-10" in c1["basis"] and "SC-006 USD 1,354.52 for 240 days" in c1["basis"]
    c2 = coterms.loc["CUST-2"]  # K9 (EUR, converted) first, K2 prorated
    assert c2["value"] == pytest.approx(1133.00 + round(1236 * 304 / 365, 2), abs=0.011)


def test_without_an_fx_rate_amounts_stay_in_their_currency_and_are_not_co_termed(tmp_path: Path) -> None:
    con = _build(tmp_path, {})
    df = _opps(con)
    k9 = _one(df, "renewal", contract_id="K9")
    assert (k9["value"], k9["currency"]) == (1030.0, "EUR") and "no rate to USD under valuation.fx_rates" in k9["basis"]
    assert "CUST-2" not in set(df.loc[df["kind"] == "coterm", "customer_id"])


def test_rep_follows_crm_owner_then_crm_contract_then_trackers_then_channel(con) -> None:
    df = _opps(con)
    assert tuple(_one(df, "renewal", contract_id="K1")[["rep", "rep_basis"]]) == ("Alice Moreno", "crm_account_owner")
    assert tuple(_one(df, "lapsed", contract_id="K3")[["rep", "rep_basis"]]) == ("Carol Contracts", "crm_contract_owner")
    assert tuple(_one(df, "renewal", contract_id="K2")[["rep", "rep_basis"]]) == ("Bob Tracker", "customer_tracker")
    gap = df[(df["kind"] == "coverage_gap") & (df["customer_id"] == "CUST-4")].iloc[0]
    assert (gap["rep"], gap["rep_basis"]) == ("Dan Channel", "reseller_channel_rep")
    k7 = _one(df, "renewal", contract_id="K7")
    assert pd.isna(k7["rep"]) and k7["rep_basis"] == "unassigned"


def test_shares_follow_the_partner_tier_and_add_up_to_the_value(con) -> None:
    df = _opps(con)
    k1 = _one(df, "renewal", contract_id="K1")  # Gold Reseller Inc: gold, 60% to the partner
    assert (k1["partner_tier"], k1["partner_share"], k1["vendor_share"]) == ("gold", 741.6, 494.4)
    k2 = _one(df, "renewal", contract_id="K2")
    assert (k2["partner_tier"], k2["partner_share"], k2["vendor_share"]) == ("default", 618.0, 618.0)
    k7 = _one(df, "renewal", contract_id="K7")  # direct: all to the vendor
    assert (k7["partner_tier"], k7["partner_share"], k7["vendor_share"]) == ("direct", 0.0, 618.0)
    rows = con.execute("SELECT count(*) FROM renewal_opportunities WHERE vendor_share + partner_share <> value").fetchall()
    assert rows == [(0,)]


def test_money_is_decimal_and_names_come_from_the_golden_records(con) -> None:
    types = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = "
                             "'renewal_opportunities'").fetchall())
    assert types["value"] == types["weighted_value"] == types["partner_share"] == "DECIMAL(18,2)"
    assert con.execute("SELECT value FROM renewal_opportunities WHERE contract_id = 'K1' AND kind = 'renewal'"
                       ).fetchall() == [(Decimal("1236.00"),)]
    names = set(_opps(con)["customer_name"])
    assert HYPERLINK in names and "+1 Corp" in names


def test_forecast_and_missed_renewals(con) -> None:
    forecast = con.execute("SELECT contract_id, month, listed_as_renewal FROM renewal_forecast ORDER BY 1").fetchall()
    assert [(c, m.isoformat(), listed) for c, m, listed in forecast] == [
        ("K1", "2026-11-01", True), ("K2", "2027-01-01", True), ("K4B", "2027-09-01", False),
        ("K6", "2027-03-01", False), ("K7", "2026-12-01", True), ("K9", "2026-12-01", True)]
    missed = con.execute("SELECT contract_id, value, lapsed_opportunity_id IS NOT NULL FROM missed_renewals "
                         "ORDER BY 1").fetchall()
    assert missed == [("K10", Decimal("400.00"), False), ("K11", Decimal("500.00"), True),
                      ("K3", Decimal("1000.00"), True), ("K5", Decimal("700.00"), False)]


def test_ids_are_stable_across_runs_and_as_of_dates(tmp_path: Path) -> None:
    sql = "SELECT kind, contract_id, opportunity_id FROM renewal_opportunities WHERE kind <> 'coverage_gap'"
    first = set(_build(tmp_path / "a").execute(sql).fetchall())
    assert set(_build(tmp_path / "b").execute(sql).fetchall()) == first
    week_later = set(_build(tmp_path / "c", as_of=AS_OF + dt.timedelta(days=7)).execute(sql).fetchall())
    assert ("renewal", "K1", next(i for k, c, i in first if (k, c) == ("renewal", "K1"))) in week_later


def test_rules_follow_the_settings(tmp_path: Path) -> None:
    con = _build(tmp_path, {"renewal_days": 60, "uplift": 0.1, "lapsed_days": 30, "attach_rate": {"hardware": 0.2},
                            "win_probability": {"0-30": 0.5},
                            "lead_days": {"high": 0, "medium": 0, "low": 0}})
    df = _opps(con)
    assert set(df.loc[df["kind"] == "renewal", "contract_id"]) == {"K1", "K7", "K9"}
    k1 = _one(df, "renewal", contract_id="K1")
    assert (k1["value"], k1["weighted_value"], k1["action_date"].date()) == (1320.0, 660.0, dt.date(2026, 11, 10))
    assert df[df["kind"] == "lapsed"].empty
    assert set(df.loc[df["kind"] == "coverage_gap", "value"].dropna()) == {2000.0}


def test_every_report_column_has_a_dictionary_comment(con) -> None:
    apply_comments(con, list(OPPORTUNITY_TABLES))
    assert uncommented(con, list(OPPORTUNITY_TABLES)) == []


def test_missing_inputs_are_named(tmp_path: Path) -> None:
    con = open_build(tmp_path / "empty.duckdb", valuation_settings({}))
    with pytest.raises(RuntimeError, match="contracts"):
        build_opportunities(con, valuation_settings({}))
