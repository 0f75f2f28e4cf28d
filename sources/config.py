"""One `sources:` entry of sources.yaml (DESIGN.md, "sources.yaml"): how a source's files are found and read.

The whole file is typed by pipelines.config.RadarConfig, which holds a list of these.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sources.fields import CANONICAL_FIELDS, SourceKind
from sources.headers import normalise_header


class ConfigError(ValueError):
    """sources.yaml is unreadable or invalid; the message names the source and the key."""


class SourceConfig(BaseModel):
    """One entry under `sources:`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
    kind: SourceKind
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
    #: retract this source's files as soon as they leave the inbox (default: keep their rows, `missing`)
    retract_missing: bool = False

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
                raise ValueError(
                    f"fields '{seen[key]}' and '{fld}' both name header {header!r}; a column feeds one field")
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
