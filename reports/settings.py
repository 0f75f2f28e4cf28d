"""sources.yaml `reports:`: what the files sales ops receive may show."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

#: rows a worksheet holds below its header (Excel's limit is 1,048,576 rows)
SHEET_ROWS = 1_048_575


class ReportSettings(BaseModel):
    """`reports:` settings (typed here, read by reports.outputs)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: reseller workbooks show the vendor's internal fields (win probability, weighted value, the
    #: vendor's rep) only when this is true: by default a partner sees its deals and their values
    partner_internal_fields: bool = False
    #: out/match_review.xlsx lists the queue's first this many pairs by rank; the rest stay in the
    #: match_review table and come up as these are decided (a queue of 300k pairs is no list to work,
    #: and past Excel's row limit no workbook at all)
    review_rows: int = Field(default=20_000, ge=1, le=SHEET_ROWS)
