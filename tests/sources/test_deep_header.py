"""A header a long preamble pushes below the first rows searched (a report's selection criteria) is
found further down, with a warning naming the rows not read; a header repeated under rows that are
data is not taken for one (`sources.headers.deeper_header_row`). Files written here, read as the night does."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from tests.sources.hostile import POS_HEADER, csv_text, read, read_path

ROWS = [["2024-03-01", "Infocore", "Delta Legal", "C9300-48P-A", 1, 5120.5],
        ["2024-03-02", "Northwire", "Kestrel Analytics", "C9200L-24T", 2, 900]]
PREAMBLE = [[f"Selection criterion {i}", f"value {chr(65 + i % 26)}"] for i in range(70)]


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def test_a_workbook_header_below_a_long_preamble_is_found(tmp_path: Path) -> None:
    out = read_path(_xlsx(tmp_path / "inbox" / "pos.xlsx", [*PREAMBLE, [], POS_HEADER, *ROWS]))
    assert out.status == "loaded" and out.rows_loaded == 2
    assert list(out.records["customer_name"]) == ["Delta Legal", "Kestrel Analytics"]
    assert ("inbox/pos.xlsx [Sheet]: the header is on row 72, below the first 40 rows searched: the 71 rows "
            "above it (a report's preamble?) are not read") in out.warnings


def test_a_text_header_below_a_long_preamble_is_found(tmp_path: Path) -> None:
    text = csv_text([*PREAMBLE, [], POS_HEADER, *ROWS], header=["Sales report", ""])
    out = read(tmp_path, "pos.csv", text)
    assert out.status == "loaded" and out.rows_loaded == 2
    assert [float(a) for a in out.records["amount"]] == [5120.5, 900.0]
    assert any("the header is on line 73, below the first 60 lines searched: the 72 lines above it" in w
               for w in out.warnings), out.warnings


def test_a_header_repeated_under_headerless_rows_is_not_taken(tmp_path: Path) -> None:
    # 60 data rows with no header, then the header: the rows above are data, so this is no preamble
    out = read_path(_xlsx(tmp_path / "inbox" / "pos.xlsx", [*(ROWS * 30), POS_HEADER, *ROWS]))
    assert out.status == "error" and out.rows_loaded == 0
    assert "no recognisable distributor header in the first 40 rows" in str(out.error)


def test_a_header_within_the_first_rows_has_no_warning(tmp_path: Path) -> None:
    out = read_path(_xlsx(tmp_path / "inbox" / "pos.xlsx", [*PREAMBLE[:10], POS_HEADER, *ROWS]))
    assert out.status == "loaded" and out.rows_loaded == 2
    assert not any("below the first" in w for w in out.warnings)
