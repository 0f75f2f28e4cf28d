"""The operations sections of sources.yaml: when the night runs (`schedule:`), who hears of a failure
(`notify:`) and the data-quality thresholds (`quality:`). Typed here, read by pipelines.config."""

from __future__ import annotations

import datetime as dt
import re
import shlex
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

#: per cron field: (lowest, highest, names allowed in place of numbers)
_CRON_FIELDS: tuple[tuple[int, int, tuple[str, ...]], ...] = (
    (0, 59, ()), (0, 23, ()), (1, 31, ()),
    (1, 12, ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
    (0, 7, ("sun", "mon", "tue", "wed", "thu", "fri", "sat")),
)
_CRON_ITEM = re.compile(r"^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:/(\d+))?$")


def _cron_value(text: str, low: int, high: int, names: tuple[str, ...]) -> bool:
    if text in names:
        return True
    return text.isdigit() and low <= int(text) <= high


def valid_cron(expression: str) -> bool:
    """Whether `expression` is a five-field cron expression (numbers, ranges, steps, lists, names)."""
    fields = expression.lower().split()
    if len(fields) != len(_CRON_FIELDS):
        return False
    for field, (low, high, names) in zip(fields, _CRON_FIELDS, strict=True):
        for item in field.split(","):
            match = _CRON_ITEM.match(item)
            if match is None or (match.group(2) is not None and int(match.group(2)) == 0):
                return False
            if match.group(1) != "*" and not all(
                    _cron_value(v, low, high, names) for v in match.group(1).split("-")):
                return False
    return True


class ScheduleSettings(BaseModel):
    """`schedule:` – the nightly schedule and the inbox sensor beside it (both on by default)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cron: str = "0 2 * * *"
    timezone: str = "UTC"
    enabled: bool = True
    inbox_sensor: bool = True
    #: a changed file must be untouched this long before a run reads it (a half-copied file is never read)
    quiet_seconds: int = Field(default=120, ge=0, le=86_400)
    #: how often the daemon looks at the inbox
    check_every_seconds: int = Field(default=60, ge=5, le=3_600)

    @field_validator("cron")
    @classmethod
    def _cron(cls, value: str) -> str:
        if not valid_cron(value):
            raise ValueError(f"{value!r} is not a cron expression like '0 2 * * *' (minute hour day month weekday)")
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not a time zone name like 'Europe/Berlin' or 'UTC'") from None
        return value


class NotifySettings(BaseModel):
    """`notify:` – a command and/or a webhook told when a run fails (or has warnings, if asked)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    command: str | None = None
    webhook: str | None = None
    on: Literal["failure", "warning", "always"] = "failure"
    timeout_seconds: int = Field(default=30, ge=1, le=600)

    @field_validator("command")
    @classmethod
    def _command(cls, value: str | None) -> str | None:
        if value is not None and not shlex.split(value):
            raise ValueError("the command is empty")
        return value

    @field_validator("webhook")
    @classmethod
    def _webhook(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError(f"{value!r} is not an http:// or https:// URL")
        return value

    def wants(self, outcome: str) -> bool:
        """Whether a run that ended `outcome` (success | warning | failure) is to be notified."""
        if self.command is None and self.webhook is None:
            return False
        order = {"success": 0, "warning": 1, "failure": 2}
        need = {"always": 0, "warning": 1, "failure": 2}[self.on]
        return order[outcome] >= need


class QualitySettings(BaseModel):
    """`quality:` – the thresholds of the nightly data-quality checks (pipelines/stages/quality*)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: dates before this are not believed (warning)
    earliest_date: dt.date = dt.date(1990, 1, 1)
    #: dates more than this many years after the as-of date are not believed (warning)
    max_years_ahead: int = Field(default=15, ge=1, le=100)
    #: warn when a source's new rows are quarantined at more than factor × its usual rate ...
    quarantine_warn_factor: float = Field(default=2.0, ge=1.0)
    #: ... and at least this much above it (so 0.1 % -> 0.3 % is no alarm)
    quarantine_warn_margin: float = Field(default=0.05, ge=0.0, le=1.0)
    #: block the night when a source's new rows are quarantined at this rate or more (a changed format)
    quarantine_block_rate: float = Field(default=0.5, gt=0.0, le=1.0)
    #: a source with fewer new rows than this in a night is only warned about, never blocks it
    quarantine_min_rows: int = Field(default=20, ge=1)
    #: warn when fewer source records than this share name a resolved customer
    min_resolved_share: float = Field(default=0.95, ge=0.0, le=1.0)
    #: warn when a source sent nothing for longer than factor × its usual gap between files
    freshness_factor: float = Field(default=2.0, ge=1.0)
    #: a source needs this many files before its cadence is judged
    freshness_min_files: int = Field(default=3, ge=2)
    #: opportunity values may differ from the contracts' by this share before the check fails
    reconcile_tolerance: float = Field(default=0.001, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _rates(self) -> QualitySettings:
        if self.quarantine_warn_margin >= self.quarantine_block_rate:
            raise ValueError("quarantine_warn_margin must be below quarantine_block_rate")
        return self
