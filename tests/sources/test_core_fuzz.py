"""The core readers on mutated files: a CSV (bytes flipped, cut, repeated; quotes, delimiters, line
breaks, BOMs, NULs, formula leaders and odd numbers put in), an .xlsx and an .ods (hostile but
well-formed XML put into the sheet, shared strings and styles at element boundaries: cells far to
the right, error and date cells holding nonsense, style indexes past the table, merges across the
whole sheet, a row repeated 20,000 times). Each reads to an outcome - loaded, or an error naming
what is wrong - never an unexpected exception, and quickly. In the twenty-ninth session 3,430 mutated
CSV, TSV and .xlsx files (seeds 1-4 of `/work/notes/s29/fuzz_core.py`) and 380 .xlsx, .ods and .xls
ones (`fuzz_struct.py`, `fuzz_calamine.py`) found a header with a brace breaking the quarantine reason,
a column filled to the sheet's bottom quarantined row by row, and a row number past the sheet that made
python-calamine ask for 48 GB and abort the process (`test_hostile_files.py`); a few dozen per run are
kept here."""

from __future__ import annotations

import io
import random
import re
import time
import zipfile
from pathlib import Path

import pytest

from sources.config import SourceConfig
from sources.reader import read_source_file
from tests.sources.hostile import csv_text, mutated_bytes, workbook
from tests.sources.test_other_workbooks import _ods

HEADER = ["Invoice Date", "Reseller", "End User", "SKU", "Serial", "Qty", "Amount", "Currency"]
ROWS = [[f"2024-03-{i % 28 + 1:02d}", "Infocore", f"Delta Legal {i}", "C9300-48P-A", f"FOC{i:08d}", i, 100.5 * i, "USD"]
        for i in range(1, 26)]
TEXT_INSERTS = [b'"', b",", b";", b"\t", b"\r", b"\n", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"=cmd|' /C calc'!A0",
                b"1e308", b"NaN", b"31/02/2026", b"\x85", b"Total", b"1.234.567,89", b"(1,000.00)", b"{", b"}", b"\x1a"]
XLSX_PIECES = [(rb"</c>", b'<c r="XFD1048576" t="s"><v>99999</v></c>'), (rb"</c>", b'<c t="e"><v>#REF!</v></c>'),
               (rb"</c>", b'<c t="d"><v>2026-02-30</v></c>'), (rb"</c>", b'<c><v>1e308</v></c>'),
               (rb"</c>", b'<c s="9999"><v>45000</v></c>'), (rb"</c>", b'<c t="b"><v>7</v></c>'),
               (rb"</row>", b'<row r="20000"><c><v>1</v></c></row>'), (rb"</row>", b'<row r="3" hidden="1"/>'),
               (rb"</sheetData>", b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
               (rb"</sheetData>", b'<mergeCells count="1"><mergeCell ref="C3:A1"/></mergeCells>'),
               (rb"<worksheet[^>]*>", b'<dimension ref="A1:XFD1048576"/>'), (rb"</si>", b"<si><t>{0}}</t></si>")]
ODS_PIECES = [b'<table:table-row table:number-rows-repeated="20000"><table:table-cell office:value-type="string">'
              b"<text:p>x</text:p></table:table-cell></table:table-row>",
              b'<table:table-row><table:table-cell table:number-columns-repeated="16384"/></table:table-row>',
              b'<table:table-row><table:table-cell office:value-type="date" office:date-value="99999-99-99">'
              b"<text:p>x</text:p></table:table-cell></table:table-row>",
              b'<table:table-row><table:table-cell office:value-type="float" office:value="1e999"><text:p>1</text:p>'
              b"</table:table-cell></table:table-row>"]


def _bytes(data: bytes, rng: random.Random) -> bytes:
    return mutated_bytes(data, rng, TEXT_INSERTS, edits=10, shares=(0.3, 0.5, 0.85), cut=60, back=300)


def _member_edit(data: bytes, rng: random.Random, edit: dict[str, list[tuple[bytes, bytes]]]) -> bytes:
    """The zip with well-formed pieces put after a matching tag in the members `edit` names."""
    zin, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in zin.namelist():
            body = bytearray(zin.read(name))
            for key, pieces in edit.items():
                if key in name:
                    for after, piece in rng.sample(pieces, rng.randint(1, 3)):
                        spots = [m.end() for m in re.finditer(after, bytes(body))]
                        if spots:
                            at = rng.choice(spots)
                            body[at:at] = piece
            z.writestr(name, bytes(body))
    return out.getvalue()


def _seeds(tmp: Path) -> dict[str, tuple[bytes, object]]:
    xlsx = workbook(tmp / "seed.xlsx", ROWS, HEADER).read_bytes()
    ods = _ods(tmp / "seed.ods", [HEADER, *ROWS]).read_bytes()
    return {
        "pos.csv": (csv_text(ROWS, HEADER).encode(), _bytes),
        "pos.xlsx": (xlsx, lambda d, r: _member_edit(d, r, {"sheet1": XLSX_PIECES, "sharedStrings": XLSX_PIECES})),
        "pos.ods": (ods, lambda d, r: _member_edit(d, r, {"content": [(rb"</table:table-row>", p) for p in ODS_PIECES]})),
    }


@pytest.mark.parametrize("name", ["pos.csv", "pos.xlsx", "pos.ods"])
def test_mutated_files_read_to_an_outcome(tmp_path: Path, name: str) -> None:
    data, mutate = _seeds(tmp_path)[name]
    rng = random.Random(29)
    path = tmp_path / "inbox" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    for case in range(12 if name == "pos.ods" else 25):
        path.write_bytes(mutate(data, rng))  # type: ignore[operator]
        started = time.perf_counter()
        out = read_source_file(path, f"inbox/{name}", SourceConfig(name="f", kind="distributor", path="inbox/*"))
        assert out.status in ("loaded", "error", "empty", "needs_mapping")
        assert not (out.error or "").startswith(f"inbox/{name}: unexpected"), (case, out.error)
        assert time.perf_counter() - started < 20, case
