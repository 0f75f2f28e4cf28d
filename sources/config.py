"""Load and validate `sources.yaml` (DESIGN.md, "sources.yaml") into typed settings.

Validation is pydantic's; its errors are rewritten to name the file, the source and the key,
because the person reading them is the one editing the YAML, not a Python developer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from sources.fields import CANONICAL_FIELDS, SOURCE_KINDS
from sources.headers import normalise_header

SOURCE_PRIORITY_DEFAULT: tuple[str, ...] = (
    "crm_accounts", "crm_contracts", "accounting", "price_list", "distributor", "sales_rep",
)


class ConfigError(ValueError):
    """sources.yaml is unreadable or invalid; the message names the source and the key."""


class SourceConfig(BaseModel):
    """One entry under `sources:`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
    kind: Literal[
        "distributor", "sales_rep", "accounting", "crm_accounts", "crm_contracts", "price_list"
    ]
    path: str
    columns: dict[str, str] = Field(default_factory=dict)
    sheet: str | list[str] | None = None
    header_row: int | None = Field(default=None, ge=1)
    date_format: str | None = None
    rep: str | None = None
    encoding: str | None = None
    delimiter: str | None = Field(default=None, min_length=1, max_length=1)
    defaults: dict[str, str] = Field(default_factory=dict)
    priority: int | None = None

    @field_validator("columns", "defaults")
    @classmethod
    def _known_fields(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - set(CANONICAL_FIELDS))
        if unknown:
            raise ValueError(f"unknown canonical field(s) {unknown}")
        return value

    @field_validator("columns")
    @classmethod
    def _one_field_per_header(cls, value: dict[str, str]) -> dict[str, str]:
        # a column feeds one field: otherwise the header lookup silently keeps only the last
        seen: dict[str, str] = {}
        for fld, header in value.items():
            key = normalise_header(header)
            if key in seen:
                raise ValueError(f"fields '{seen[key]}' and '{fld}' both name header {header!r}; a column feeds one field")
            seen[key] = fld
        return value

    @field_validator("path")
    @classmethod
    def _relative_glob(cls, value: str) -> str:
        if Path(value).is_absolute() or ".." in Path(value).parts:
            raise ValueError("must be a glob relative to the home directory, without '..'")
        return value

    @field_validator("date_format")
    @classmethod
    def _strptime_format(cls, value: str | None) -> str | None:
        if value is not None and "%" not in value:
            raise ValueError("must be a strptime format such as '%d/%m/%Y'")
        return value

    @property
    def sheets(self) -> list[str] | None:
        """The configured sheet names, or None for every sheet with a recognisable header."""
        if self.sheet is None:
            return None
        return [self.sheet] if isinstance(self.sheet, str) else list(self.sheet)

    @property
    def fixed_values(self) -> dict[str, str]:
        """Values for fields the file lacks: `rep:` plus any `defaults:`."""
        out = dict(self.defaults)
        if self.rep:
            out["rep"] = self.rep
        return out


class WarehouseConfig(BaseModel):
    """`warehouse:` settings: where and in which storage format the warehouse is written."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    storage_version: str | None = "v1.4.0"


class RadarConfig(BaseModel):
    """The whole `sources.yaml`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    as_of: dt.date | None = None
    currency: str = "USD"
    sources: list[SourceConfig]
    source_priority: list[str] = Field(default_factory=lambda: list(SOURCE_PRIORITY_DEFAULT))
    warranty: dict[str, int] = Field(default_factory=lambda: {"hardware": 12})
    valuation: dict[str, Any] = Field(default_factory=dict)
    matching: dict[str, Any] = Field(default_factory=dict)
    warehouse: WarehouseConfig = Field(default_factory=WarehouseConfig)

    @model_validator(mode="after")
    def _unique_names(self) -> RadarConfig:
        seen: dict[str, int] = {}
        for i, s in enumerate(self.sources):
            if s.name in seen:
                raise ValueError(
                    f"source '{s.name}' (sources[{i}]), key 'name': "
                    f"the name is already used by sources[{seen[s.name]}]"
                )
            seen[s.name] = i
        return self

    def source(self, name: str) -> SourceConfig:
        """The source called `name`."""
        for s in self.sources:
            if s.name == name:
                return s
        raise KeyError(name)

    def priority_of(self, source: SourceConfig) -> int:
        """Lower is more trusted: an explicit `priority:` or the kind's place in source_priority."""
        if source.priority is not None:
            return source.priority
        order = list(self.source_priority) + [k for k in SOURCE_KINDS if k not in self.source_priority]
        return order.index(source.kind)


def _describe(loc: tuple[Any, ...], raw: dict[str, Any]) -> str:
    """Turn a pydantic location into "source 'ingram' (sources[2]), key 'colums'"."""
    if len(loc) >= 2 and loc[0] == "sources" and isinstance(loc[1], int):
        entries = raw.get("sources") or []
        name = entries[loc[1]].get("name") if loc[1] < len(entries) and isinstance(entries[loc[1]], dict) else None
        where = f"source '{name}' (sources[{loc[1]}])" if name else f"sources[{loc[1]}]"
        rest = ".".join(str(p) for p in loc[2:])
        return f"{where}, key '{rest}'" if rest else where
    return "key '" + ".".join(str(p) for p in loc) + "'"


def parse_config(raw: object, origin: str = "sources.yaml") -> RadarConfig:
    """Validate an already-parsed YAML document."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{origin}: expected a mapping with a 'sources:' list at the top")
    try:
        return RadarConfig.model_validate(raw)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                msg = "unknown key"
            elif err["type"] == "missing":
                msg = "missing required key"
            elif err["type"] == "literal_error":
                msg = f"unknown value {err.get('input')!r}; expected one of {', '.join(SOURCE_KINDS)}"
            loc = tuple(err["loc"])  # empty for whole-file checks, whose message says where
            lines.append(f"{origin}: {_describe(loc, raw)}: {msg}" if loc else f"{origin}: {msg}")
        raise ConfigError("\n".join(lines)) from None


def load_config(home: Path) -> RadarConfig:
    """Read `home/sources.yaml`."""
    path = Path(home) / "sources.yaml"
    if not path.is_file():
        raise ConfigError(f"{path}: not found (every home needs a sources.yaml)")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    return parse_config(raw, origin=str(path))
