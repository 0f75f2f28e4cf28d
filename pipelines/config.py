"""`sources.yaml` (DESIGN.md, "sources.yaml") as one typed `RadarConfig`, built once per run.

Each section is typed by the package that reads it: `sources:` by sources.config.SourceConfig,
`valuation:` by reports.valuation.ValuationSettings (whose contract rules the warehouse reads),
`matching:` by matching.settings.MatchingSettings, `reports:` by reports.settings.ReportSettings,
`warehouse:` by WarehouseSettings and `limits:` (sources.limits.ReadLimits) by LimitsSettings here.
Validation is pydantic's and the valuation module's; every error names the file, the source and
the key, because the person reading it is the one editing the YAML.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from matching.settings import MatchingSettings
from pipelines.ops_settings import NotifySettings, QualitySettings, ScheduleSettings
from reports.registration import RegistrationSettings
from reports.settings import ReportSettings
from reports.valuation import ValuationError, ValuationSettings, valuation_settings
from sources.config import ConfigError, SourceConfig
from sources.fields import SOURCE_KINDS, SourceKind
from sources.limits import DEFAULT_LIMITS, ReadLimits
from warehouse.budget import check_memory_limit
from warehouse.build import check_storage_version
from warehouse.settings import DEFAULT_WARRANTY, BuildSettings

Category = Literal["hardware", "software", "service"]
#: the default trust order of source kinds (most trusted first)
SOURCE_PRIORITY_DEFAULT: tuple[SourceKind, ...] = (
    "crm_accounts", "crm_contracts", "accounting", "price_list", "distributor", "sales_rep",
)
#: DuckDB memory per connection by default: the 1M-row night's joins fit without spilling much
DEFAULT_MEMORY_LIMIT = "1536MiB"  # the 1M night within 3 GiB (docs/scale.md); 2GiB: no faster
#: longest warranty a category may be given, in months
MAX_WARRANTY_MONTHS = 240

__all__ = ["ConfigError", "IngestSettings", "LimitsSettings", "RadarConfig", "WarehouseSettings", "load_config",
           "parse_config"]


class WarehouseSettings(BaseModel):
    """`warehouse:` settings: the storage format the warehouse file is written in, and how long a
    run waits for another run of the same home to finish before giving up (one writer per home)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    storage_version: str | None = "v1.4.0"
    lock_wait_seconds: float = Field(default=0, ge=0, le=86_400)
    #: what one DuckDB connection of the night may hold before it spills to HOME/.radar/spill
    #: (null: DuckDB's own default, 80% of the machine's RAM)
    memory_limit: str | None = DEFAULT_MEMORY_LIMIT

    @field_validator("storage_version")
    @classmethod
    def _version(cls, value: str | None) -> str | None:
        return check_storage_version(value)

    @field_validator("memory_limit")
    @classmethod
    def _memory_limit(cls, value: str | None) -> str | None:
        return check_memory_limit(value)


class IngestSettings(BaseModel):
    """`ingest:` settings: whether the night first reads its new inbox files as Dagster partitions
    (the `read_inbox` job, one step per file under the multiprocess executor) and in how many
    processes at once; the ingest then stores the readings in inbox order."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    partitioned: bool = False
    #: steps of read_inbox run at once (null: one per CPU core)
    processes: int | None = Field(default=None, ge=1, le=256)


class LimitsSettings(BaseModel):
    """`limits:` settings: what one inbox file may cost and the bounds of its values, one key per
    field of sources.limits.ReadLimits (same names, same units: bytes, rows, characters)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_file_bytes: int = Field(default=DEFAULT_LIMITS.max_file_bytes, gt=0)
    max_rows: int = Field(default=DEFAULT_LIMITS.max_rows, gt=0)
    max_columns: int = Field(default=DEFAULT_LIMITS.max_columns, gt=0)
    max_cells: int = Field(default=DEFAULT_LIMITS.max_cells, gt=0)
    max_cell_chars: int = Field(default=DEFAULT_LIMITS.max_cell_chars, gt=0)
    max_line_bytes: int = Field(default=DEFAULT_LIMITS.max_line_bytes, gt=0)
    max_inflated_bytes: int = Field(default=DEFAULT_LIMITS.max_inflated_bytes, gt=0)
    max_member_ratio: float = Field(default=DEFAULT_LIMITS.max_member_ratio, gt=1)
    ratio_floor_bytes: int = Field(default=DEFAULT_LIMITS.ratio_floor_bytes, ge=0)
    max_members: int = Field(default=DEFAULT_LIMITS.max_members, gt=0)
    #: may be lowered, not raised: the defaults are what the warehouse's DECIMAL(18,2) arithmetic holds
    max_abs_amount: float = Field(default=DEFAULT_LIMITS.max_abs_amount, gt=0, le=DEFAULT_LIMITS.max_abs_amount)
    max_abs_quantity: int = Field(default=DEFAULT_LIMITS.max_abs_quantity, gt=0, le=DEFAULT_LIMITS.max_abs_quantity)
    min_date: dt.date = DEFAULT_LIMITS.min_date
    max_date: dt.date = DEFAULT_LIMITS.max_date

    @model_validator(mode="after")
    def _date_order(self) -> LimitsSettings:
        if self.min_date >= self.max_date:
            raise ValueError(f"limits: min_date {self.min_date} is not before max_date {self.max_date}")
        return self

    def read_limits(self) -> ReadLimits:
        """The limits the readers take."""
        return ReadLimits(**self.model_dump())

    def changed(self) -> dict[str, Any]:
        """The keys set to something other than the default (what changes how files are read)."""
        defaults = LimitsSettings().model_dump(mode="json")
        return {k: v for k, v in self.model_dump(mode="json").items() if v != defaults[k]}


RenewalOwner = Literal["vendor", "reseller", "service_org", "third_party"]


class ChannelPartner(BaseModel):
    """One partner under `channel: partners:` (keyed by its name or partner id)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    renewal_owner: RenewalOwner


class AuditSettings(BaseModel):
    """`channel: audit:` – the registration audit's and the reseller scorecards' horizons, in days."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    audit_days: int = Field(default=RegistrationSettings.audit_days, ge=30, le=3660)
    attach_days: int = Field(default=RegistrationSettings.attach_days, ge=1, le=730)
    risk_days: int = Field(default=RegistrationSettings.risk_days, ge=1, le=730)
    invoice_grace_days: int = Field(default=RegistrationSettings.invoice_grace_days, ge=0, le=365)

    def registration(self) -> RegistrationSettings:
        """As reports.registration.build_registration takes them."""
        return RegistrationSettings(**self.model_dump())


class ChannelSettings(BaseModel):
    """`channel:` settings: who owns the renewals of a named partner's (or service provider's) deals,
    and the horizons of the registration audit and the reseller scorecards."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    partners: dict[str, ChannelPartner] = Field(default_factory=dict)
    audit: AuditSettings = Field(default_factory=AuditSettings)

    def owners(self) -> dict[str, str]:
        """partner name or id -> renewal owner, as warehouse.channel.build_channel takes it."""
        return {name: p.renewal_owner for name, p in self.partners.items()}


class RadarConfig(BaseModel):
    """The whole `sources.yaml`, typed; every stage receives this one object."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    as_of: dt.date | None = None
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    sources: list[SourceConfig]
    source_priority: list[SourceKind] = Field(default_factory=lambda: list(SOURCE_PRIORITY_DEFAULT))
    warranty: dict[Category, int] = Field(default_factory=lambda: {"hardware": DEFAULT_WARRANTY["hardware"]})  # type: ignore[arg-type]
    valuation: ValuationSettings = Field(default_factory=ValuationSettings)
    matching: MatchingSettings = Field(default_factory=MatchingSettings)
    warehouse: WarehouseSettings = Field(default_factory=WarehouseSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    schedule: ScheduleSettings = Field(default_factory=ScheduleSettings)
    notify: NotifySettings = Field(default_factory=NotifySettings)
    quality: QualitySettings = Field(default_factory=QualitySettings)
    reports: ReportSettings = Field(default_factory=ReportSettings)
    limits: LimitsSettings = Field(default_factory=LimitsSettings)
    channel: ChannelSettings = Field(default_factory=ChannelSettings)

    @field_validator("currency")
    @classmethod
    def _iso_4217(cls, value: str) -> str:
        from babel.numbers import list_currencies  # CLDR's ISO 4217 list

        if value not in list_currencies():
            raise ValueError(f"{value!r} is not an ISO 4217 currency code (e.g. USD, EUR, GBP)")
        return value

    @field_validator("warranty")
    @classmethod
    def _warranty_months(cls, value: dict[str, int]) -> dict[str, int]:
        for category, months in value.items():
            if not 0 <= months <= MAX_WARRANTY_MONTHS:
                raise ValueError(f"{category}: {months} months is not between 0 and {MAX_WARRANTY_MONTHS}")
        return value

    @field_validator("source_priority")
    @classmethod
    def _no_repeats(cls, value: list[str]) -> list[str]:
        repeated = sorted({k for k in value if value.count(k) > 1})
        if repeated:
            raise ValueError(f"kind(s) {repeated} listed more than once")
        return value

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

    @property
    def source_ranks(self) -> dict[str, int]:
        """source name -> trust rank (lower wins): an explicit `priority:`, else the kind's place in
        `source_priority`, kinds it leaves out coming after it in DESIGN's order."""
        order = list(self.source_priority) + [k for k in SOURCE_KINDS if k not in self.source_priority]
        return {s.name: s.priority if s.priority is not None else order.index(s.kind) for s in self.sources}

    def priority_of(self, source: SourceConfig) -> int:
        """The trust rank of one source (see `source_ranks`)."""
        return self.source_ranks[source.name]

    def build_settings(self, as_of: dt.date) -> BuildSettings:
        """What the warehouse build reads: the run's date, currency, trust order, warranty and rules."""
        return BuildSettings(as_of=as_of, currency=self.currency, source_ranks=self.source_ranks,
                             warranty={str(k): v for k, v in self.warranty.items()}, rules=self.valuation)


def _describe(loc: tuple[Any, ...], raw: dict[str, Any]) -> str:
    """Turn a pydantic location into "source 'ingram' (sources[2]), key 'colums'"."""
    if len(loc) >= 2 and loc[0] == "sources" and isinstance(loc[1], int):
        entries = raw.get("sources") or []
        entry = entries[loc[1]] if loc[1] < len(entries) else None
        name = entry.get("name") if isinstance(entry, dict) else None
        where = f"source '{name}' (sources[{loc[1]}])" if name else f"sources[{loc[1]}]"
        rest = ".".join(str(p) for p in loc[2:])
        return f"{where}, key '{rest}'" if rest else where
    return "key '" + ".".join(str(p) for p in loc) + "'"


def _message(err: Any) -> str:
    msg = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        return "unknown key"
    if err["type"] == "missing":
        return "missing required key"
    if err["type"] == "literal_error":
        expected = str(err.get("ctx", {}).get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"unknown value {err.get('input')!r}; expected one of {expected}"
    return msg


def parse_config(raw: object, origin: str = "sources.yaml") -> RadarConfig:
    """Validate an already-parsed YAML document; every problem is reported at once."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{origin}: expected a mapping with a 'sources:' list at the top")
    lines: list[str] = []
    data = dict(raw)
    currency = str(data["currency"]) if isinstance(data.get("currency"), str) else "USD"
    try:
        data["valuation"] = valuation_settings(data.get("valuation"), currency=currency)
    except ValuationError as exc:
        lines.append(f"{origin}: {str(exc).removeprefix('sources.yaml ')}")
        data.pop("valuation", None)
    try:
        config = RadarConfig.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])  # empty for whole-file checks, whose message says where
            lines.append(f"{origin}: {_describe(loc, raw)}: {_message(err)}" if loc else f"{origin}: {_message(err)}")
    if lines:
        raise ConfigError("\n".join(lines))
    return config


class _TextDates(yaml.SafeLoader):
    """yaml.safe_load, but dates stay text for pydantic to check with the key named (PyYAML itself
    raises a bare ValueError, a traceback, on `as_of: 2026-13-45`), and a key written twice in one mapping
    is an error: PyYAML keeps the last, so a second `sources:` pasted below the first replaced the whole list
    and a second `path:` a source's folder, without a word."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if isinstance(key, str) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"line {line}: key '{key}' is written twice in one mapping (lines {seen[key]} and "
                    f"{line}); YAML would keep only the last - keep one"
                    + (", and add the new sources to the first list" if key == "sources" else ""),
                    key_node.start_mark)
            if isinstance(key, str):
                seen[key] = line
        return super().construct_mapping(node, deep=deep)


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> object:
    """Parse sources.yaml text safely (no tags), dates left as text."""
    return yaml.load(text, Loader=_TextDates)  # noqa: S506 - a SafeLoader subclass


def load_config(home: Path) -> RadarConfig:
    """Read and validate `home/sources.yaml`."""
    path = Path(home) / "sources.yaml"
    if not path.is_file():
        raise ConfigError(f"{path}: not found (every home needs a sources.yaml)")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:  # saved by an editor in a Windows code page ("Ü" as one byte)
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}: line {line}: byte 0x{data[exc.start]:02x} is not UTF-8; save the file as "
                          "UTF-8 (an editor's \"Save with encoding\")") from None
    try:
        raw = load_yaml(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    return parse_config(raw, origin=str(path))

