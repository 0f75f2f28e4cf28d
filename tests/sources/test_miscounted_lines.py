"""A CSV line whose fields do not line up under the header is quarantined as written, with why: an unquoted
comma ("ACME, INC.") loaded the row shifted with the quantity as its reason, and a line cut short loaded
half empty without a word."""

from __future__ import annotations

from pathlib import Path

from sources.config import SourceConfig
from sources.reader import read_source_file

HEAD = "Invoice Date,Reseller,End User,City,Part Number,Serial Number,Qty,Ext Price"


def _read(tmp_path: Path, rows: list[str]):
    path = tmp_path / "pos.csv"
    path.write_text("\n".join([HEAD, *rows]) + "\n", encoding="utf-8")
    return read_source_file(path, "inbox/pos.csv", SourceConfig(name="pos", kind="distributor", path="inbox/*.csv"))


def _rows() -> list[str]:
    return [f"2026-10-{i:02d},Reseller {i},Customer {i} Ltd,Boston,SKU-{i},SN{i:05d},1,{100 + i}" for i in range(1, 13)]


def test_a_line_with_a_field_too_many_and_a_line_cut_short_are_quarantined_as_written(tmp_path: Path) -> None:
    rows = _rows()
    rows[2] = "2026-10-03,Reseller 3,ACME, INC.,Boston,SKU-3,SN00003,1,103"
    rows[5] = "2026-10-06,Reseller 6,Customer 6 Ltd,Boston"
    out = _read(tmp_path, rows)
    assert (out.rows_loaded, out.rows_quarantined) == (10, 2)
    reasons = dict(zip(out.quarantine["source_row"], out.quarantine["reason"], strict=True))
    assert "line 4 has 9 fields where the header names 8: a ',' inside a value that is not quoted?" in reasons[4]
    assert "ACME, INC." in reasons[4]
    assert "line 7 has 4 fields where the header names 8 (the other lines have them all): cut short?" in reasons[7]


def test_lines_that_all_leave_trailing_fields_out_are_read_as_they_are(tmp_path: Path) -> None:
    """An export that ends every line at its last value (empty price columns left out) is no damage."""
    rows = [",".join(r.split(",")[:6]) for r in _rows()]
    out = _read(tmp_path, rows)
    assert (out.rows_loaded, out.rows_quarantined) == (12, 0)
