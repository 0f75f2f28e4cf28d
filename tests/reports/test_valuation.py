"""Valuation settings: documented defaults, overrides from sources.yaml, and errors that name the key."""

import pytest

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
    s = valuation_settings({"renewal_window_days": 60, "renewal_early_days": 30, "expiring_days": 90})
    assert s == ValuationSettings()


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
