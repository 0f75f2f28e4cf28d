"""The same rows as a CSV, as an HTML page named .xls and as an Excel 2003 XML workbook give the same
records: every text layout of the demo (encodings, delimiters, date and number formats, serial lists)
written three ways by the test and read by `read_source_file`."""

from __future__ import annotations

import csv
import html
from pathlib import Path

import pandas as pd
import pytest

from demo.render import BENCH_LAYOUTS, layout_of, write_bench_file
from sources.config import SourceConfig
from sources.reader import FileOutcome, read_source_file

#: bench layout -> the source kind its files are read as
LAYOUTS = {
    "westbridge_csv": "distributor", "eurolink_cp1252": "distributor", "summit_tsv": "distributor",
    "accounting_csv": "accounting", "crm_contracts_csv": "crm_contracts",
}
#: what says where a record came from, or how the file was read: not the records' content
PROVENANCE = ["source_file", "source_sheet"]


def _cells(path: Path, delimiter: str, encoding: str) -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


def _page(rows: list[list[str]]) -> bytes:
    body = "".join("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>\n" for row in rows)
    return f'<html><head><meta charset="utf-8"></head><body><table>\n{body}</table></body></html>'.encode()


def _workbook(rows: list[list[str]]) -> bytes:
    body = "".join("<Row>" + "".join(f'<Cell><Data ss:Type="String">{html.escape(v)}</Data></Cell>' if v
                                     else "<Cell/>" for v in row) + "</Row>\n" for row in rows)
    return ('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
            'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Export"><Table>\n'
            f"{body}</Table></Worksheet></Workbook>").encode()


def _read(path: Path, kind: str) -> FileOutcome:
    out = read_source_file(path, path.name, SourceConfig(name="bench", kind=kind, path="*"))
    assert out.status == "loaded", out.error
    return out


def _records(out: FileOutcome) -> pd.DataFrame:
    return out.records.drop(columns=PROVENANCE).astype(str)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_web_export_gives_the_records_its_csv_gives(tmp_path: Path, layout: str) -> None:
    text = tmp_path / f"{layout}.csv"
    assert write_bench_file(text, layout, 150) == 150
    style = layout_of(BENCH_LAYOUTS[layout][0])
    rows = _cells(text, style.delimiter, style.encoding)
    (tmp_path / "page.xls").write_bytes(_page(rows))
    (tmp_path / "book.xml").write_bytes(_workbook(rows))
    want = _read(text, LAYOUTS[layout])
    for name in ("page.xls", "book.xml"):
        got = _read(tmp_path / name, LAYOUTS[layout])
        pd.testing.assert_frame_equal(_records(got), _records(want))
        assert got.quarantine["source_row"].tolist() == want.quarantine["source_row"].tolist()
        assert got.quarantine["reason"].str.split(": ", n=1).str[1].tolist() == \
            want.quarantine["reason"].str.split(": ", n=1).str[1].tolist()
