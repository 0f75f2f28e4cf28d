"""`radar validate`: reads every inbox file, reports what it found, writes nothing."""

from pathlib import Path

import openpyxl
import pytest

from pipelines.cli import main

SOURCES = """\
sources:
  - name: westbridge
    kind: distributor
    path: inbox/westbridge/*.csv
  - name: tracker_alice
    kind: sales_rep
    path: inbox/reps/*.xlsx
    rep: Alice Moreno
  - name: crm_accounts
    kind: crm_accounts
    path: inbox/crm/*.csv
"""


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    (home / "inbox" / "westbridge").mkdir(parents=True)
    (home / "inbox" / "reps").mkdir(parents=True)
    (home / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (home / "inbox" / "westbridge" / "2026-10.csv").write_bytes(
        "Invoice Date;Reseller;End User;Part Number;Serial Number\n"
        "15/10/2026;Marley Computer Services;Société Générale;SRV-1;S/N: FCW2231X0AB\n"
        "16/10/2026;Marley Computer Services;;SRV-1;FCW2231X0AC\n".encode("cp1252"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Alice's renewals"
    ws.merge_cells("A1:C1")
    ws.append([])
    ws.append(["Customer", "Expiry", "Renewal Value"])
    ws.append(["Nrthbridge Capital", "3/15/2026", "$3,000.00"])
    ws.append(["TOTAL", None, "$3,000.00"])
    wb.save(home / "inbox" / "reps" / "alice.xlsx")
    (home / "inbox" / "reps" / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    return home


def test_validate_reports_headers_counts_and_reasons_without_writing(home: Path, capsys: pytest.CaptureFixture) -> None:
    code = main(["validate", "--home", str(home)])
    out = capsys.readouterr().out
    assert code == 1  # one file could not be read
    assert "inbox/westbridge/2026-10.csv  [westbridge, distributor]  loaded" in out
    assert "'encoding': 'cp1252'" in out and "'delimiter': ';'" in out
    assert "'End User' -> customer_name" in out
    assert "2 rows read, 1 loaded, 1 quarantined" in out
    assert "inbox/westbridge/2026-10.csv, row 3: required field 'customer_name'" in out
    assert "sheet 'Sheet': header on row 3; 2 rows read, 1 loaded, 0 quarantined, 0 blank and 1 total rows skipped" in out
    assert "inbox/reps/broken.xlsx  [tracker_alice, sales_rep]  error" in out
    assert "warning: source 'crm_accounts' matched no file" in out
    assert not (home / "warehouse.duckdb").exists() and not (home / ".radar").exists()


def test_bad_sources_yaml_is_a_clear_error(home: Path, capsys: pytest.CaptureFixture) -> None:
    (home / "sources.yaml").write_text(SOURCES.replace("kind: sales_rep", "kind: salesrep"), encoding="utf-8")
    assert main(["validate", "--home", str(home)]) == 2
    err = capsys.readouterr().err
    assert "source 'tracker_alice' (sources[1]), key 'kind'" in err and "salesrep" in err
    assert main(["run", "--home", str(home)]) == 2
