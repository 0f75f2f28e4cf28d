"""A distributor that sends monthly files and then a year-to-date re-export of the same lines (real CSV
files, the real Dagster job): every row keeps its lineage, each line counts once in invoice_counterparties
and the registration audit, the re-export names the files it repeats, and a line corrected in the
re-export is not taken for a repeat."""

from pathlib import Path

import pytest

from pipelines.cli import run_nightly
from pipelines.cli.run_summary import warned_files
from tests.pipelines.warehouse_query import query

SOURCES_YAML = """\
as_of: 2026-11-02
currency: USD
sources:
  - name: westbridge
    kind: distributor
    path: inbox/westbridge/*.csv
"""
HEAD = "Invoice No,Invoice Date,Reseller,End Customer,SKU,Serial Number,Qty,Amount\n"
JANUARY = [
    "WB-1,2026-01-12,Northwind Partners,Alpha Manufacturing Inc,SRV-R740,FCW2231X0AB,1,4200.00",
    "WB-2,2026-01-20,Northwind Partners,Beta Logistics LLC,SSD-960,,1,310.00",
    # two units on one invoice line each, no serial: two lines, in this file and in the re-export
    "WB-2,2026-01-20,Northwind Partners,Beta Logistics LLC,SSD-960,,1,310.00",
    "WB-3,2026-01-28,Lakeside Tech Inc,Stock,SRV-R750,FCW2231X0AC,1,5100.00",
    # no end customer at all: quarantined, in this file and in the re-export
    "WB-7,2026-01-30,Lakeside Tech Inc,,SRV-R750,FCW2231X0AE,1,5100.00",
]
FEBRUARY = [
    "WB-4,2026-02-03,Lakeside Tech Inc,Gamma Foods Corp,SRV-R740,FCW2231X0AD,1,4200.00",
    "WB-5,2026-02-17,Northwind Partners,Alpha Manufacturing Inc,SVC-NBD-1Y,,1,640.00",
]
# the re-export: January and February again, WB-5 with a corrected amount, and March's new line
YEAR_TO_DATE = [*JANUARY, FEBRUARY[0], "WB-5,2026-02-17,Northwind Partners,Alpha Manufacturing Inc,SVC-NBD-1Y,,1,600.00",
                "WB-6,2026-03-09,Lakeside Tech Inc,Gamma Foods Corp,SSD-960,,2,620.00"]


def _write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD + "\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    h = tmp_path_factory.mktemp("repeats") / "home"
    h.mkdir()
    (h / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    _write(h / "inbox" / "westbridge" / "westbridge_2026-01.csv", JANUARY)
    _write(h / "inbox" / "westbridge" / "westbridge_2026-02.csv", FEBRUARY)
    _write(h / "inbox" / "westbridge" / "westbridge_2026-ytd.csv", YEAR_TO_DATE)
    assert run_nightly(h, quiet=True)
    return h


def test_every_row_keeps_its_lineage_and_repeats_name_the_counted_copy(home: Path) -> None:
    rows = query(home, "SELECT r.source_file, r.source_row, r.invoice_number, c.source_file AS counted_file, "
                       "c.source_row AS counted_row FROM source_records r "
                       "LEFT JOIN source_records c ON c.record_id = r.repeat_of ORDER BY 1, 2")
    assert len(rows) == len(JANUARY) + len(FEBRUARY) + len(YEAR_TO_DATE) - 2  # WB-7 twice in quarantine
    repeats = rows[rows.counted_file.notna()]
    # January's four lines and February's WB-4 are counted from the re-export, row for row (WB-2 twice)
    assert sorted(zip(repeats.source_file.str.rsplit("/", n=1).str[-1], repeats.source_row,
                      repeats.counted_row, strict=True)) == [
        ("westbridge_2026-01.csv", 2, 2), ("westbridge_2026-01.csv", 3, 3), ("westbridge_2026-01.csv", 4, 4),
        ("westbridge_2026-01.csv", 5, 5), ("westbridge_2026-02.csv", 2, 7)]
    assert set(repeats.counted_file) == {"inbox/westbridge/westbridge_2026-ytd.csv"}
    # the corrected WB-5 is a line of its own in both files
    assert rows[rows.invoice_number == "WB-5"].counted_file.isna().all()


def test_invoice_lines_count_once(home: Path) -> None:
    inv = query(home, "SELECT invoice_number, count(*) AS n, sum(amount) AS amount FROM invoice_counterparties "
                      "GROUP BY 1 ORDER BY 1").set_index("invoice_number")
    assert inv.n.to_dict() == {"WB-1": 1, "WB-2": 2, "WB-3": 1, "WB-4": 1, "WB-5": 2, "WB-6": 1}
    assert float(inv.amount.sum()) == 4200 + 2 * 310 + 5100 + 4200 + 640 + 600 + 620


def test_each_unit_sold_to_no_end_customer_is_one_finding(home: Path) -> None:
    # "Stock" (a placeholder, loaded) and WB-7 (blank, quarantined in both files): one finding each
    found = query(home, "SELECT kind, count(*) AS n FROM registration_issues GROUP BY 1").set_index("kind")
    assert found.loc["no_end_customer", "n"] == 2


def test_the_re_export_says_which_files_it_repeats(home: Path) -> None:
    files = query(home, "SELECT path, rows_repeated, warnings FROM ingested_files ORDER BY path").set_index("path")
    assert files.rows_repeated.to_dict() == {"inbox/westbridge/westbridge_2026-01.csv": 0,
                                             "inbox/westbridge/westbridge_2026-02.csv": 0,
                                             "inbox/westbridge/westbridge_2026-ytd.csv": 5}
    first = files.loc["inbox/westbridge/westbridge_2026-ytd.csv", "warnings"][0]
    assert first == ("5 of its 7 dated lines repeat lines of 2 earlier files of its source and are counted once (a "
                     "year-to-date or whole-ledger re-export?): westbridge_2026-01.csv, westbridge_2026-02.csv; see "
                     "source_records.repeat_of")
    shown = warned_files(home / "warehouse.duckdb")
    assert any(line.startswith("inbox/westbridge/westbridge_2026-ytd.csv: 5 of its 7 dated lines") for line in shown)
