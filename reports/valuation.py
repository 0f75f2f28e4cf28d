"""Valuation settings: the documented defaults merged with sources.yaml `valuation:`, validated.

Every rule and number behind an opportunity's value is here, so a deployment can change them
without code: the horizons that define each opportunity kind, the uplift, attach rates, win
probabilities by window, the vendor/partner split by partner tier, and the CRM export's stages.
An unknown or malformed key is a `ValuationError` naming `valuation.<key>`.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from warehouse.settings import ContractRules

#: keys of the same `valuation:` block that the warehouse's contract build reads (ContractRules)
CONTRACT_RULE_KEYS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(ContractRules))

DEFAULT_WINDOWS: tuple[int, ...] = (30, 60, 90, 120)
DEFAULT_WIN_PROBABILITY: dict[str, float] = {
    "0-30": 0.8, "31-60": 0.8, "61-90": 0.8, "91-120": 0.7, "121+": 0.7, "lapsed": 0.6, "gap": 0.3,
}
DEFAULT_ATTACH_RATE: dict[str, float] = {"hardware": 0.12}
#: the partner's share of an opportunity's value by partner tier; `direct` is a deal without a reseller
DEFAULT_PARTNER_SHARE: dict[str, float] = {"default": 0.5, "direct": 0.0}
#: lower bound of each value band (reporting currency); below `medium` is `low`
DEFAULT_VALUE_BANDS: dict[str, float] = {"high": 10_000.0, "medium": 2_500.0}
#: days before expiry to start working an opportunity, by value band
DEFAULT_LEAD_DAYS: dict[str, int] = {"high": 120, "medium": 90, "low": 60}
VALUE_BANDS: tuple[str, ...] = ("high", "medium", "low")
DEFAULT_CRM_STAGE: dict[str, str] = {
    "renewal": "Qualification", "coterm": "Qualification", "lapsed": "Prospecting", "coverage_gap": "Prospecting",
}
#: days after the as-of date a win-back or coverage deal is expected to close (renewals close at expiry)
DEFAULT_CRM_CLOSE_DAYS: dict[str, int] = {"lapsed": 30, "coverage_gap": 90}
LAPSED = "lapsed"
GAP = "gap"
OPPORTUNITY_KINDS: tuple[str, ...] = ("renewal", "lapsed", "coverage_gap", "coterm")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


class ValuationError(ValueError):
    """sources.yaml `valuation:` is invalid; the message names the key."""


@dataclass(frozen=True)
class ValuationSettings(ContractRules):
    """Every number behind an opportunity (DESIGN.md "Valuation defaults"); the contract rules
    it inherits are the same block's keys that the warehouse's contract build reads."""

    currency: str = "USD"
    uplift: float = 0.03                   # renewal price increase over the last annual value
    lapsed_days: int = 180                 # `lapsed`: ended within this many days, not renewed
    gap_days: int = 180                    # `coverage_gap`: no contract for over this many days
    coterm_months: int = 12                # `coterm`: contracts ending within this many months ...
    coterm_min_contracts: int = 2          # ... at least this many, on at least two end dates
    coterm_term_months: int = 12           # the common term: first expiry + this many months
    action_lead_days: int = 90             # lead time of an opportunity without a value
    gap_max_age_years: int = 3             # gaps uncovered longer than this go to the installed base
    daily_actions: int = 5                 # backlog items per rep per working day
    missed_days: int = 365                 # missed renewals: expired within this many days, never renewed
    forecast_months: int = 12              # renewals due by month: this many calendar months from the as-of month
    windows: tuple[int, ...] = DEFAULT_WINDOWS
    win_probability: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WIN_PROBABILITY))
    attach_rate: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_ATTACH_RATE))
    partner_share: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_PARTNER_SHARE))
    partner_tiers: Mapping[str, str] = field(default_factory=dict)  # partner name or id -> tier
    fx_rates: Mapping[str, float] = field(default_factory=dict)     # currency -> reporting currency per unit
    value_bands: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_VALUE_BANDS))
    lead_days: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_LEAD_DAYS))
    crm_stage: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_CRM_STAGE))
    crm_close_days: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_CRM_CLOSE_DAYS))

    def window_labels(self) -> list[str]:
        """'0-30', '31-60', ... and the label beyond the last bound ('121+')."""
        labels, low = [], 0
        for bound in self.windows:
            labels.append(f"{low}-{bound}")
            low = bound + 1
        return [*labels, f"{low}+"]

    def window_bounds(self) -> list[tuple[int, int, str]]:
        """(first day, last day, label) per window of days to expiry; the last is open-ended."""
        out, low = [], 0
        for bound, label in zip([*self.windows, 100_000], self.window_labels(), strict=True):
            out.append((low, bound, label))
            low = bound + 1
        return out

    def probability(self, window: str) -> float:
        return float(self.win_probability.get(window, self.win_probability.get("default", 0.5)))


_NUMBER_KEYS = {"uplift": (0.0, 10.0)}
_DAY_KEYS = ("lapsed_days", "gap_days", "action_lead_days", "missed_days")
_COUNT_KEYS = {"coterm_months": 1, "coterm_min_contracts": 2, "coterm_term_months": 1, "forecast_months": 1,
               "gap_max_age_years": 1, "daily_actions": 1}
_MAPPING_KEYS = (
    "win_probability", "attach_rate", "partner_share", "partner_tiers", "fx_rates", "value_bands", "lead_days",
    "crm_stage", "crm_close_days",
)
#: an older name read as its current one (one horizon for `expiring` contracts and renewals)
_ALIASES = {"expiring_days": "renewal_days"}
KNOWN_KEYS: tuple[str, ...] = (
    *_NUMBER_KEYS, *_DAY_KEYS, *_COUNT_KEYS, "windows", *_MAPPING_KEYS, *CONTRACT_RULE_KEYS,
)


def _where(key: str) -> str:
    return f"sources.yaml valuation.{key}"


def _number(key: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValuationError(f"{_where(key)}: must be a number, got {value!r}")
    if not low <= float(value) <= high:
        raise ValuationError(f"{_where(key)}: must be between {low:g} and {high:g}, got {value!r}")
    return float(value)


def _integer(key: str, value: Any, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValuationError(f"{_where(key)}: must be a whole number, got {value!r}")
    if value < low:
        raise ValuationError(f"{_where(key)}: must be at least {low}, got {value!r}")
    return int(value)


def _mapping(key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise ValuationError(f"{_where(key)}: must be a mapping (key: value lines), got {value!r}")
    return {str(k): v for k, v in value.items()}


def _windows(value: Any) -> tuple[int, ...]:
    if not isinstance(value, list | tuple) or not value:
        raise ValuationError(
            f"{_where('windows')}: must be a list of day bounds such as [30, 60, 90, 120], got {value!r}")
    bounds = [_integer(f"windows[{i}]", v, 0) for i, v in enumerate(value)]
    if bounds != sorted(set(bounds)):
        raise ValuationError(f"{_where('windows')}: bounds must increase, got {value!r}")
    return tuple(bounds)


def _unknown(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown key '{key}'{hint}; known keys: {', '.join(known)}"


def _probability(key: str, k: str, v: Any) -> tuple[str, Any]:
    return k, _number(f"{key}.{k}", v, 0.0, 1.0)


def _attach_rate(key: str, k: str, v: Any) -> tuple[str, Any]:
    return k.lower(), _number(f"{key}.{k}", v, 0.0, 10.0)


def _fx_rate(key: str, k: str, v: Any) -> tuple[str, Any]:
    if not _CURRENCY.match(k):
        raise ValuationError(f"{_where(f'{key}.{k}')}: '{k}' is not a currency code such as EUR")
    return k, _number(f"{key}.{k}", v, 1e-9, 1e9)


def _opportunity_kind(key: str, k: str) -> None:
    if k not in OPPORTUNITY_KINDS:
        raise ValuationError(f"{_where(key)}: {_unknown(k, list(OPPORTUNITY_KINDS))}")


def _crm_stage(key: str, k: str, v: Any) -> tuple[str, Any]:
    _opportunity_kind(key, k)
    if not isinstance(v, str) or not v.strip():
        raise ValuationError(f"{_where(f'{key}.{k}')}: must be a stage name, got {v!r}")
    return k, v.strip()


def _crm_close_days(key: str, k: str, v: Any) -> tuple[str, Any]:
    _opportunity_kind(key, k)
    return k, _integer(f"{key}.{k}", v, 0)


def _value_band(key: str, k: str, v: Any) -> tuple[str, Any]:
    if k not in VALUE_BANDS[:2]:
        raise ValuationError(f"{_where(key)}: {_unknown(k, list(VALUE_BANDS[:2]))} (below medium is low)")
    return k, _number(f"{key}.{k}", v, 0.0, 1e12)


def _lead_days(key: str, k: str, v: Any) -> tuple[str, Any]:
    if k not in VALUE_BANDS:
        raise ValuationError(f"{_where(key)}: {_unknown(k, list(VALUE_BANDS))}")
    return k, _integer(f"{key}.{k}", v, 0)


def _partner_tier(key: str, k: str, v: Any) -> tuple[str, Any]:
    if not isinstance(v, str) or not v.strip():
        raise ValuationError(f"{_where(f'{key}.{k}')}: must be a tier name such as gold, got {v!r}")
    return k.strip().lower(), v.strip().lower()


#: mapping key -> the validator of one of its entries (returns the entry's key and value as stored)
_ENTRY: dict[str, Callable[[str, str, Any], tuple[str, Any]]] = {
    "win_probability": _probability, "partner_share": _probability, "attach_rate": _attach_rate,
    "fx_rates": _fx_rate, "crm_stage": _crm_stage, "crm_close_days": _crm_close_days,
    "partner_tiers": _partner_tier, "value_bands": _value_band, "lead_days": _lead_days,
}


def _merge_mapping(key: str, raw: Mapping[str, Any], base: Mapping[str, Any]) -> dict[str, Any]:
    """Defaults overlaid with the configured entries, each entry validated."""
    out = dict(base)
    for k, v in _mapping(key, raw).items():
        stored_key, value = _ENTRY[key](key, str(k), v)
        out[stored_key] = value
    return out


def _scalar(key: str, value: Any) -> Any:
    """One scalar key of `valuation:` validated by its group's rule."""
    if key in _NUMBER_KEYS:
        return _number(key, value, *_NUMBER_KEYS[key])
    if key in _COUNT_KEYS:
        return _integer(key, value, _COUNT_KEYS[key])
    if key == "windows":
        return _windows(value)
    return _integer(key, value, 0)  # day horizons and the contract rules


def valuation_settings(raw: Mapping[str, Any] | None, currency: str = "USD") -> ValuationSettings:
    """The defaults overlaid with sources.yaml `valuation:` (None or {} gives the defaults)."""
    raw = dict(raw or {})
    for old, new in _ALIASES.items():
        if old in raw:
            if new in raw and raw[new] != raw[old]:
                raise ValuationError(f"{_where(old)}: is the old name of {new} (one horizon); give one of them")
            raw[new] = _integer(old, raw.pop(old), 0)
    unknown = [k for k in raw if k not in KNOWN_KEYS]
    if unknown:
        raise ValuationError(f"sources.yaml valuation: {_unknown(str(unknown[0]), list(KNOWN_KEYS))}")
    base = ValuationSettings(currency=currency)
    changes: dict[str, Any] = {}
    for key in KNOWN_KEYS:  # in the documented order, so the first bad key is reported first
        if key not in raw:
            continue
        if key in _MAPPING_KEYS:
            changes[key] = _merge_mapping(key, raw[key], getattr(base, key) if key != "partner_tiers" else {})
        else:
            changes[key] = _scalar(key, raw[key])
    settings = replace(base, **changes)
    _check_probability_keys(settings)
    if settings.value_bands["high"] < settings.value_bands["medium"]:
        raise ValuationError(f"{_where('value_bands')}: high ({settings.value_bands['high']:g}) is below "
                             f"medium ({settings.value_bands['medium']:g})")
    return settings


def _check_probability_keys(settings: ValuationSettings) -> None:
    """Window labels follow `windows`: a probability for a label that cannot occur is a typo."""
    allowed = [*settings.window_labels(), LAPSED, GAP, "default"]
    for key in settings.win_probability:
        if key not in allowed and key not in DEFAULT_WIN_PROBABILITY:
            raise ValuationError(f"{_where('win_probability')}: {_unknown(key, allowed)}")
