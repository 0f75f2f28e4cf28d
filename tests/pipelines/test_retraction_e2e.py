"""End to end: after a file is deleted and another retracted, the next `radar run` keeps the
missing file's rows, builds the warehouse without the retracted one's, and says both with their rows
(terminal and out/run_summary.md)."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.cli import main, run_nightly
from tests.pipelines.test_lists_e2e import ACCOUNTS, CONTRACTS, SALES, SOURCES_YAML
from tests.pipelines.warehouse_query import query


def _csv(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


@pytest.fixture(scope="module")
def second_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    home = tmp_path_factory.mktemp("retract") / "home"
    (home / "inbox").mkdir(parents=True)
    (home / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    _csv(home / "inbox/crm/accounts.csv", ACCOUNTS)
    _csv(home / "inbox/crm/contracts.csv", CONTRACTS)
    _csv(home / "inbox/dist/sales.csv", SALES)
    _csv(home / "inbox/dist/extra.csv", [SALES[0], ["2025-03-01", "INV-9", "Northwind Partners", "Zeta Labs",
                                                   "SW-200", "Switch", "ZET0001", "1", "2800.00", "2800.00"]])
    assert run_nightly(home, quiet=True)
    first = query(home, "SELECT source_file, count(*) AS n FROM source_records GROUP BY 1")
    assert dict(zip(first["source_file"], first["n"], strict=True))["inbox/dist/sales.csv"] == len(SALES) - 1
    (home / "inbox/dist/sales.csv").unlink()
    assert main(["retract", "--home", str(home), "inbox/dist/extra.csv"]) == 0
    done = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", "--home", str(home)],
                          capture_output=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return home, done.stdout.decode("utf-8")


def test_the_missing_files_rows_stay_and_the_retracted_ones_are_gone(second_run: tuple[Path, str]) -> None:
    home, _ = second_run
    rows = query(home, "SELECT source_file, count(*) AS n FROM source_records GROUP BY 1")
    counts = dict(zip(rows["source_file"], rows["n"], strict=True))
    assert counts.get("inbox/dist/sales.csv") == len(SALES) - 1
    assert "inbox/dist/extra.csv" not in counts
    assert query(home, "SELECT count(*) AS n FROM customers WHERE name ILIKE '%Zeta%'")["n"].iloc[0] == 0
    files = query(home, "SELECT path, status, rows_loaded FROM ingested_files "
                        "WHERE status IN ('missing', 'retracted') ORDER BY path")
    assert files.to_dict("records") == [
        {"path": "inbox/dist/extra.csv", "status": "retracted", "rows_loaded": 1},
        {"path": "inbox/dist/sales.csv", "status": "missing", "rows_loaded": len(SALES) - 1},
    ]


def test_the_summary_says_so_with_the_rows(second_run: tuple[Path, str]) -> None:
    home, out = second_run
    n = len(SALES) - 1
    assert "Files no longer in the inbox (their rows are kept" in out
    assert "inbox/dist/sales.csv (westbridge): missing since" in out and f"holds {n} rows, kept" in out
    assert "Retracted files (their rows" in out and "inbox/dist/extra.csv (westbridge): retracted on" in out
    assert "held 1 row, taken out" in out
    header = next(line.replace("rows loaded", "rows_loaded").replace("rows quarantined", "rows_quarantined").split()
                  for line in out.splitlines() if line.split()[:2] == ["source", "files"])
    row = dict(zip(header, next(line.split() for line in out.splitlines() if line.split()[:1] == ["westbridge"]),
                   strict=True))
    assert (row["files"], row["loaded"], row["missing"], row["retracted"]) == ("0", "0", "1", "1")
    md = (home / "out/run_summary.md").read_text(encoding="utf-8")
    assert "## Inbox files no longer read" in md
    assert f"holds {n} rows, kept" in md and "held 1 row, taken out" in md
