"""Columns with values under a blank header: named in a warning, readable as "column N" under `columns:`,
and no rival to a column whose header names its field exactly."""

from __future__ import annotations

from pathlib import Path

from sources.config import SourceConfig
from sources.reader import read_source_file
from tests.sources.reading import read_as

HEADER = "Invoice Date,Invoice No,Reseller,End User, ,,\u00a0,Part Number,Serial Number,Qty,Ext Price"
LINES = [f"2026-11-{d:02d},INV{d},Lorstead Networks Inc.,Customer {d} LLC,Denver,CO,8021{d},CS-NBD-SRV,"
         f"FCW27{d:04d}X,1,1000.00" for d in range(1, 9)]


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "pos.csv"
    path.write_text("\n".join([HEADER, *LINES]) + "\n", encoding="utf-8")
    return path


def test_unread_columns_without_a_header_are_named(tmp_path: Path) -> None:
    out = read_as(_file(tmp_path), "distributor")
    note = next(w for w in out.warnings if "no header" in w)
    assert "columns 5 ('Denver'), 6 ('CO'), 7 ('80211') have values but no header: not read" in note
    assert 'name it under columns: as "column 5"' in note
    assert not any("low confidence" in w for w in out.warnings)  # 'Part Number' is sku by its header


def test_a_blank_headed_column_is_read_by_its_position(tmp_path: Path) -> None:
    path = _file(tmp_path)
    src = SourceConfig(name="t", kind="distributor", path="*.csv",
                       columns={"customer_city": "column 5", "customer_postal_code": "(Column 7)"})
    out = read_source_file(path, path.name, src)
    assert out.status == "loaded" and out.rows_loaded == 8
    assert set(out.records["customer_city"]) == {"Denver"}
    assert list(out.records["customer_postal_code"])[:2] == ["80211", "80212"]
    assert any("column 6 ('CO') has values but no header" in w for w in out.warnings)
