"""sources.yaml `reports:`: what the files sales ops receive may show."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ReportSettings(BaseModel):
    """`reports:` settings (typed here, read by reports.outputs)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: reseller workbooks show the vendor's internal fields (win probability, weighted value, the
    #: vendor's rep) only when this is true: by default a partner sees its deals and their values
    partner_internal_fields: bool = False
