"""A rep's "Acme Corp (via Corelink)": the customer is Acme Corp, the reseller Corelink where no column names one."""

from __future__ import annotations

from pathlib import Path

from sources.config import SourceConfig
from sources.reader import read_source_file


def test_a_bracketed_channel_is_the_reseller_not_part_of_the_name(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text("Customer,Reseller,Contract,Expiry,Renewal Value\n"
                    "Stonnebridge Furniture (via Corelink),,SC-101,2026-12-31,1000\n"
                    "Acme Corp [via Bechtle AG],,SC-102,2026-12-31,1000\n"
                    "Halford Dental (über Cancom),Datalink LLC,SC-103,2026-12-31,1000\n"
                    "Via Ferrata GmbH,,SC-104,2026-12-31,1000\n"
                    "Northwind (Chicago),,SC-105,2026-12-31,1000\n", encoding="utf-8")
    out = read_source_file(path, path.name, SourceConfig(name="t", kind="sales_rep", path="*.csv"))
    frame = out.parts[0].frame()
    assert frame["customer_name"].tolist() == ["Stonnebridge Furniture", "Acme Corp", "Halford Dental",
                                               "Via Ferrata GmbH", "Northwind (Chicago)"]
    # a reseller column's own value wins over the name's channel
    resellers = frame["reseller_name"].astype(object)
    assert resellers.where(resellers.notna(), None).tolist() == ["Corelink", "Bechtle AG", "Datalink LLC", None, None]
    assert any("3 names name the channel bought through" in w for w in out.warnings), out.warnings
