"""Valuation settings: documented defaults, overrides from sources.yaml, and errors that name the key."""

import re
from decimal import Decimal

import duckdb
import pytest

from reports.steps import REPORTS_SQL, VALUATION_MACROS
from reports.valuation import (
    DEFAULT_WIN_PROBABILITY,
    ValuationError,
    ValuationSettings,
    valuation_settings,
)


def test_defaults_are_the_documented_ones() -> None:
    s = valuation_settings(None)
    assert s == ValuationSettings()
    assert (s.uplift, s.renewal_days, s.lapsed_days, s.gap_days, s.action_lead_days) == (0.03, 120, 180, 180, 90)
    assert s.attach_rate == {"hardware": 0.12}
    assert s.partner_share == {"default": 0.5, "direct": 0.0}
    assert s.window_labels() == ["0-30", "31-60", "61-90", "91-120", "121+"]
    assert [s.probability(w) for w in ("0-30", "61-90", "lapsed", "gap")] == [0.8, 0.8, 0.6, 0.3]


def test_overrides_merge_into_the_defaults() -> None:
    s = valuation_settings({
        "uplift": 0.05, "renewal_days": 90, "windows": [45, 90], "win_probability": {"0-45": 0.9},
        "attach_rate": {"Software": 0.2}, "partner_tiers": {" Gold Reseller Inc ": "Gold"},
        "partner_share": {"gold": 0.6}, "fx_rates": {"EUR": 1.1}, "crm_stage": {"renewal": "Proposal"},
    }, currency="EUR")
    assert s.currency == "EUR" and s.uplift == 0.05 and s.renewal_days == 90
    assert s.window_labels() == ["0-45", "46-90", "91+"]
    assert s.probability("0-45") == 0.9 and s.probability("46-90") == 0.5  # unknown label: the default
    assert s.attach_rate == {"hardware": 0.12, "software": 0.2}
    assert s.partner_tiers == {"gold reseller inc": "gold"}
    assert s.partner_share == {"default": 0.5, "direct": 0.0, "gold": 0.6}
    assert s.crm_stage["renewal"] == "Proposal" and s.crm_stage["lapsed"] == "Prospecting"
    assert s.win_probability["lapsed"] == DEFAULT_WIN_PROBABILITY["lapsed"]


def test_the_warehouse_keys_of_the_same_block_are_accepted() -> None:
    s = valuation_settings({"renewal_window_days": 60, "renewal_early_days": 60, "renewal_days": 120})
    assert s == ValuationSettings()


def test_one_horizon_for_expiring_contracts_and_renewals() -> None:
    # `expiring_days` (the contracts' old horizon) is read as renewal_days: one horizon for both
    assert valuation_settings({"expiring_days": 90}).renewal_days == 90
    with pytest.raises(ValuationError, match="expiring_days: is the old name of renewal_days"):
        valuation_settings({"expiring_days": 90, "renewal_days": 120})


def test_value_bands_lead_days_and_the_plan_keys() -> None:
    s = valuation_settings({"value_bands": {"high": 50000}, "lead_days": {"low": 30}, "daily_actions": 8,
                            "gap_max_age_years": 5})
    assert s.value_bands == {"high": 50000.0, "medium": 2500.0} and s.lead_days == {"high": 120, "medium": 90, "low": 30}
    assert (s.daily_actions, s.gap_max_age_years) == (8, 5)
    for raw, message in [({"value_bands": {"top": 1}}, "valuation.value_bands: unknown key 'top'"),
                         ({"value_bands": {"high": 100, "medium": 500}}, "high (100) is below medium (500)"),
                         ({"lead_days": {"low": -1}}, "valuation.lead_days.low: must be at least 0"),
                         ({"daily_actions": 0}, "valuation.daily_actions: must be at least 1")]:
        with pytest.raises(ValuationError, match=re.escape(message)):
            valuation_settings(raw)


@pytest.mark.parametrize(("raw", "message"), [
    ({"upliftt": 0.03}, "valuation: unknown key 'upliftt' (did you mean 'uplift'?)"),
    ({"uplift": "3%"}, "valuation.uplift: must be a number, got '3%'"),
    ({"uplift": True}, "valuation.uplift: must be a number"),
    ({"renewal_days": 12.5}, "valuation.renewal_days: must be a whole number"),
    ({"lapsed_days": -1}, "valuation.lapsed_days: must be at least 0"),
    ({"coterm_min_contracts": 1}, "valuation.coterm_min_contracts: must be at least 2"),
    ({"win_probability": {"0-30": 1.5}}, "valuation.win_probability.0-30: must be between 0 and 1"),
    ({"win_probability": {"0-31": 0.5}}, "valuation.win_probability: unknown key '0-31'"),
    ({"win_probability": [0.8]}, "valuation.win_probability: must be a mapping"),
    ({"windows": [60, 30]}, "valuation.windows: bounds must increase"),
    ({"windows": []}, "valuation.windows: must be a list"),
    ({"fx_rates": {"euro": 1.1}}, "valuation.fx_rates.euro: 'euro' is not a currency code"),
    ({"partner_share": {"gold": 60}}, "valuation.partner_share.gold: must be between 0 and 1"),
    ({"partner_tiers": {"Acme": 3}}, "valuation.partner_tiers.Acme: must be a tier name"),
    ({"crm_stage": {"renewals": "X"}}, "valuation.crm_stage: unknown key 'renewals' (did you mean 'renewal'?)"),
    ({"crm_close_days": {"lapsed": "soon"}}, "valuation.crm_close_days.lapsed: must be a whole number"),
    ({"expiring_days": "ninety"}, "valuation.expiring_days: must be a whole number"),
])
def test_invalid_settings_name_the_key(raw: dict, message: str) -> None:
    with pytest.raises(ValuationError) as err:
        valuation_settings(raw)
    assert message in str(err.value)
    assert str(err.value).startswith("sources.yaml valuation")


def test_a_share_of_millions_is_split_in_cents_without_overflow() -> None:
    con = duckdb.connect()
    REPORTS_SQL.run(con, VALUATION_MACROS)
    rows = con.execute("""
        SELECT rv_share_of(3853200.00, 0.35), rv_share_of(999999999999.99, 0.3333333333),
               rv_share_of(0.05, 0.5), rv_share_of(10.00, 0.35)""").fetchall()
    # DECIMAL(18,2) x DECIMAL(18,10) overflowed from about 2.6 million at 35 % and stopped the night
    assert rows == [(Decimal("1348620.00"), Decimal("333333333300.00"), Decimal("0.03"), Decimal("3.50"))]
