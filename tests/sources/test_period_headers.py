"""A rep's tracker whose header row carries forecast columns headed by dates (2026-01-01, 2026-02-01 ...) beside
its named columns is read from that row (before: the row looked like data and the whole file was refused)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from tests.sources.hostile import read_path, src


def test_a_header_row_with_date_headed_forecast_columns_is_the_header(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Renewals"
    months = [dt.datetime(2026, m, 1) for m in (1, 2, 3)]
    ws.append(["Customer", "Contract #", "Product", "Expiry", "Renewal Value", *months, 2027])
    for i in range(6):
        ws.append([f"Customer {i}", f"SC-{9000 + i}", "C9300", dt.datetime(2027, 1 + i, 15), 1000 + i, 100, 200, 300,
                   400])
    path = tmp_path / "inbox" / "tracker.xlsx"
    path.parent.mkdir(parents=True)
    wb.save(path)
    out = read_path(path, src("sales_rep"))
    assert out.status == "loaded" and out.rows_loaded == 6
    assert list(out.records["contract_number"])[:2] == ["SC-9000", "SC-9001"]
    assert out.records["service_end"].iloc[0] == dt.date(2027, 1, 15)


def test_a_data_row_naming_one_field_is_still_no_header(tmp_path: Path) -> None:
    # the first data row's "Data" names a field; its words do not name every required field: no header
    wb = Workbook()
    ws = wb.active
    for i in range(5):
        ws.append([f"Norcrest Data Systems {i}", "2027-01-01", 100 + i, "2026-01-01"])
    path = tmp_path / "inbox" / "tracker.xlsx"
    path.parent.mkdir(parents=True)
    wb.save(path)
    assert read_path(path, src("sales_rep")).status != "loaded"
