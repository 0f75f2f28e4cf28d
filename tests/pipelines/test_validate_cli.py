"""`radar validate`, the mapping tool: per source and layout, evidence and confidence, totals,
problems of sources.yaml, the suggested block, and `--write-mapping` keeping the user's file."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
import yaml

from pipelines.cli import main
from pipelines.config import load_config
from pipelines.mapping_report import check_home
from pipelines.stages.context import RunContext
from pipelines.stages.ingest import ingest_inbox

SOURCES = """\
# Our home: written by hand, comments matter
sources:
  - name: westbridge   # the big distributor
    kind: distributor
    path: inbox/westbridge/*.csv
  - name: tracker_alice
    kind: sales_rep
    path: inbox/reps/*.xlsx
    rep: Alice Moreno   # she owns it
  - name: crm_accounts
    kind: crm_accounts
    path: inbox/crm/*.csv
"""
WEST = ("Invoice Date;Reseller;End User;Mfr P/N;Serial Number\n"
        "15/10/2026;Marley Computer Services;Société Générale;SRV-1;S/N: FCW2231X0AB\n"
        "16/10/2026;Marley Computer Services;;SRV-1;FCW2231X0AC\n")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    (home / "inbox" / "westbridge").mkdir(parents=True)
    (home / "inbox" / "reps").mkdir(parents=True)
    (home / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (home / "inbox" / "westbridge" / "2026-10.csv").write_bytes(WEST.encode("cp1252"))
    (home / "inbox" / "westbridge" / "2026-11.csv").write_bytes(WEST.replace("/10/", "/11/").encode("cp1252"))
    (home / "inbox" / "westbridge" / "2026-11 (copy).csv").write_bytes(
        WEST.replace("/10/", "/11/").encode("cp1252"))
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


def _validate(home: Path, capsys: pytest.CaptureFixture, *flags: str) -> tuple[int, str]:
    code = main(["validate", "--home", str(home), *flags])
    return code, capsys.readouterr().out


def test_validate_shows_each_source_once_with_evidence_and_totals(home: Path, capsys: pytest.CaptureFixture) -> None:
    code, out = _validate(home, capsys)
    assert code == 1  # one file could not be read
    lines = out.splitlines()
    assert lines[0] == "sources.yaml: 3 sources, every key valid"
    # one block for the source, not one per file: both files share the layout, the copy is not read again
    assert "westbridge (distributor): 3 files (cp1252, ';') · 1 duplicate · 2 rows loaded, 2 quarantined " \
           "(customer_name 2)" in out
    assert "  by synonym (" in out and "'End User'→customer_name" in out and "'Reseller'→reseller_name" in out
    assert "  by abbreviation: 'Mfr P/N'→sku" in out
    assert "tracker_alice (sales_rep): 2 files (xlsx) · 1 error · 1 row loaded, 0 quarantined" in out
    assert "  error: inbox/reps/broken.xlsx" in out
    assert "crm_accounts (crm_accounts): no file matches 'inbox/crm/*.csv'" in out
    assert "Total: 5 files (3 loaded, 1 duplicate, 0 empty, 1 error, 0 needing a mapping)" in out
    assert len(lines) < 25
    assert not (home / "warehouse.duckdb").exists() and not (home / ".radar").exists()


def test_verbose_adds_per_file_detail(home: Path, capsys: pytest.CaptureFixture) -> None:
    _, out = _validate(home, capsys, "--verbose")
    assert "    inbox/westbridge/2026-10.csv: loaded (encoding cp1252, delimiter ';', parser pandas-c)" in out
    assert "    inbox/westbridge/2026-11 (copy).csv: duplicate of inbox/westbridge/2026-11.csv (not read again)" in out
    assert "      table: header on row 1; 2 rows read, 1 loaded, 1 quarantined" in out
    assert "      quarantined: inbox/westbridge/2026-10.csv, row 3: required field 'customer_name'" in out
    assert "      sheet 'Sheet': header on row 3; 2 rows read, 1 loaded, 0 quarantined, 0 blank, 1 total rows" in out


def _site_file(path: Path, month: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Inv Dt", "Reseller", "Site Ref", "Mfr Part No", "Qty"])
        w.writerows([[f"2026-{month}-{i + 1:02d}", "Marley Computer Services", f"S{month}{i:04d}", f"C9300-{i % 3}X", "1"]
                     for i in range(12)])


def test_a_source_that_needs_a_mapping_gets_a_block_and_write_mapping_keeps_the_file(
        home: Path, capsys: pytest.CaptureFixture) -> None:
    for f in (home / "inbox" / "westbridge").iterdir():
        f.unlink()
    _site_file(home / "inbox" / "westbridge" / "2026-10.csv", 10)
    _site_file(home / "inbox" / "westbridge" / "2026-11.csv", 11)
    code, out = _validate(home, capsys)
    assert code == 1
    assert "westbridge (distributor): 2 files (utf-8, ',') · 2 needing a mapping · 0 rows loaded" in out
    assert "  MISSING customer_name (required): best candidates 'Site Ref'" in out
    suggestion = out.split("Suggested for sources.yaml", 1)[1].split("\n", 1)[1]
    block = yaml.safe_load(suggestion)["sources"][0]
    assert block["name"] == "westbridge"
    assert block["columns"] == {"invoice_date": "Inv Dt", "sku": "Mfr Part No", "customer_name": "Site Ref"}

    code, out = _validate(home, capsys, "--write-mapping")
    assert "wrote 2 columns: entries (westbridge 2)" in out
    assert "westbridge: still needs customer_name named under columns: by you" in out
    text = (home / "sources.yaml").read_text(encoding="utf-8")
    # the user's lines are all still there, in order, comments included; the recognised columns are added,
    # the required field's guess is not
    assert [line for line in text.splitlines() if "Inv Dt" not in line and "Mfr Part No" not in line
            and line.strip() != "columns:"] == SOURCES.splitlines()
    assert "    columns:\n      invoice_date: \"Inv Dt\"\n      sku: \"Mfr Part No\"\n" in text
    assert "Site Ref" not in text

    # the person names the column; validate now reads every field from sources.yaml and the night loads it
    (home / "sources.yaml").write_text(text.replace('      sku: "Mfr Part No"\n',
                                                    '      sku: "Mfr Part No"\n      customer_name: "Site Ref"\n'))
    code, out = _validate(home, capsys)
    assert "  named under columns: 'Inv Dt'→invoice_date · 'Site Ref'→customer_name · 'Mfr Part No'→sku" in out
    assert "Suggested for sources.yaml" not in out
    results = [r for r in ingest_inbox(RunContext.load(home)) if r.source == "westbridge"]
    assert [(r.status, r.rows_loaded, r.rows_quarantined) for r in results] == [("loaded", 12, 0)] * 2


def test_every_problem_of_sources_yaml_is_listed_once(home: Path, capsys: pytest.CaptureFixture) -> None:
    bad = SOURCES.replace("kind: sales_rep", "kind: salesrep") + "valuation:\n  uplfit: 0.05\nwarranty:\n  hardware: -1\n"
    (home / "sources.yaml").write_text(bad, encoding="utf-8")
    assert main(["validate", "--home", str(home)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"radar: {home / 'sources.yaml'}: 3 problems; a run would stop before reading any file:"
    assert any(line.startswith("  - source 'tracker_alice' (sources[1]), key 'kind': unknown value 'salesrep'")
               for line in err)
    assert any("uplfit" in line for line in err) and any("warranty" in line for line in err)
    assert all(line.startswith("  - ") for line in err[1:])
    assert main(["run", "--home", str(home)]) == 2


def test_a_bad_overrides_file_is_reported_before_a_night_fails_on_it(home: Path, capsys: pytest.CaptureFixture) -> None:
    (home / "overrides").mkdir()
    (home / "overrides" / "merges.csv").write_text("left,right,decision\nCUST-000001,CUST-000002,must-link\n"
                                                   "CUST-000003,CUST-000004,merge\n", encoding="utf-8")
    code, out = _validate(home, capsys)
    assert code == 1
    assert "overrides: overrides/merges.csv, row 3: field 'decision': 'merge' is not must_link or cannot_link" in out


def test_bad_reassignment_rows_are_reported_but_never_fatal(home: Path, capsys: pytest.CaptureFixture) -> None:
    without, _ = _validate(home, capsys)
    (home / "overrides").mkdir()
    (home / "overrides" / "assignments.csv").write_text(
        "customer,new_reseller,effective_date\nAcme,Kraft IT,2026-03-01\nBeta,Kraft IT,someday\n", encoding="utf-8")
    code, out = _validate(home, capsys)
    assert "overrides: 1 reassignment readable; 1 row would be quarantined:" in out
    assert "overrides/assignments.csv, row 3, field 'effective_date': effective_date 'someday' is not a date" in out
    assert "match decision" not in out  # not read as a pair file
    assert code == without  # quarantined at run time: the reassignments never fail validation


def test_sources_whose_files_map_alike_are_shown_together(home: Path, capsys: pytest.CaptureFixture) -> None:
    (home / "sources.yaml").write_text(SOURCES.replace(
        "  - name: crm_accounts", "  - name: tracker_bob\n    kind: sales_rep\n    path: inbox/bob/*.xlsx\n"
        "    rep: Bob Stone\n  - name: crm_accounts"), encoding="utf-8")
    (home / "inbox" / "reps" / "broken.xlsx").unlink()
    (home / "inbox" / "bob").mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Renewal Value", "Customer", "Expiry"])  # the same headers in another order
    for i in range(3):
        ws.append([f"${1000 + i}", f"Customer {i} Inc", f"2026-0{i + 1}-15"])
    wb.save(home / "inbox" / "bob" / "bob.xlsx")
    code, out = _validate(home, capsys)
    assert code == 0
    assert "2 sources read alike (sales_rep): tracker_alice, tracker_bob\n  2 files (xlsx) · 4 rows loaded, 0 quarantined" in out
    assert "  by synonym (" in out and "'Customer'→customer_name · 'Expiry'→service_end · 'Renewal Value'→amount" in out


def test_validate_reads_a_file_whose_dates_cannot_tell_in_the_order_the_sources_other_files_prove(
    tmp_path: Path,
) -> None:
    """As the night does: "10/06/2026" in a file of days 1-10 is 10 June when the source's other file
    proves day-first, not the month-first default's 6 October."""
    home = tmp_path / "home"
    (home / "inbox" / "eu").mkdir(parents=True)
    (home / "sources.yaml").write_text(
        "sources:\n  - name: eu_dist\n    kind: distributor\n    path: inbox/eu/*.csv\n", encoding="utf-8")
    head = "Invoice Date,Reseller,End Customer,SKU,Serial\n"
    may = "".join(f"{d}/05/2026,Bluewave IT,Globex Corporation,SKU-10,SN5{d:04d}\n" for d in (14, 27))
    june = "".join(f"{d:02d}/06/2026,Bluewave IT,Globex Corporation,SKU-10,SN6{d:04d}\n" for d in (1, 2, 10))
    (home / "inbox" / "eu" / "2026-05.csv").write_text(head + may, encoding="utf-8")
    (home / "inbox" / "eu" / "2026-06.csv").write_text(head + june, encoding="utf-8")
    (report,) = check_home(home, load_config(home))
    outcome = next(c.outcome for c in report.files if c.file.relpath.endswith("2026-06.csv"))
    assert outcome is not None
    assert [str(d) for d in outcome.records["invoice_date"]] == ["2026-06-01", "2026-06-02", "2026-06-10"]
    assert outcome.sheets[0].evidence["invoice_date"]["decided_by"] == "earlier files"


def test_validate_names_the_columns_no_field_is_read_from(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    home = tmp_path / "home"
    (home / "inbox" / "channel").mkdir(parents=True)
    (home / "sources.yaml").write_text(
        "sources:\n  - name: program\n    kind: partner_program\n    path: inbox/channel/*.csv\n", encoding="utf-8")
    (home / "inbox" / "channel" / "program.csv").write_text(
        "Partner,Partnerstufe,Supportmodell,Marge %,Rabatt,Vendor Share\n"
        "Acme GmbH,Gold,Partner liefert L1,40%,5%,60%\nBeta AG,Silber,Herstellersupport,35%,3%,65%\n", encoding="utf-8")
    code, out = _validate(home, capsys)
    assert code == 0
    assert "  not read: 'Rabatt'" in out  # a column nobody expected to lose is seen lost
    assert "'Partnerstufe'→tier" in out and "'Supportmodell'→support_model" in out


def test_validate_reads_a_file_with_the_partner_names_of_the_files_read_before_it(tmp_path: Path) -> None:
    """As the night does: Esprinet's "Ragione Sociale Cliente" (the reseller, whom the distributor invoices) and
    "Utente Finale" read the other way round by their words alone; another distributor's file read first names
    the resellers. On a home never run, validate showed them swapped while the night read them right."""
    home = tmp_path / "home"
    (home / "inbox" / "channel").mkdir(parents=True)
    (home / "inbox" / "esprinet").mkdir(parents=True)
    (home / "sources.yaml").write_text(
        "sources:\n  - name: summit\n    kind: distributor\n    path: inbox/channel/*.csv\n"
        "  - name: esprinet\n    kind: distributor\n    path: inbox/esprinet/*.csv\n", encoding="utf-8")
    resellers = ["Bluewave IT Srl", "Corelink Sistemi SpA", "Datanet Italia Srl"]
    (home / "inbox" / "channel" / "pos.csv").write_text(
        "Invoice Date,Reseller,End Customer,SKU\n" + "".join(
            f"2026-02-0{k},{r},Customer {k} SpA,C9200L-24P-4G-E\n" for k, r in enumerate(resellers * 2, start=1)),
        encoding="utf-8")
    customers = ["Ospedale San Marco", "Comune di Lecco", "Ferrovie Nord Spa", "Banca Alpina", "Pastificio Rossi",
                 "Cantine Verdi Srl"]
    (home / "inbox" / "esprinet" / "sell_out.csv").write_text(
        "Data Fattura;Ragione Sociale Cliente;Utente Finale;Codice Articolo;Quantità\n" + "".join(
            f"0{k}.03.2026;{resellers[k % 3]};{c};C9200L-24P-4G-E;1\n" for k, c in enumerate(customers, start=1)),
        encoding="utf-8")
    reports = check_home(home, load_config(home))
    outcome = next(c.outcome for r in reports for c in r.files if c.file.relpath.endswith("sell_out.csv"))
    assert outcome is not None
    mapping = outcome.sheets[0].mapping
    assert mapping["Ragione Sociale Cliente"] == "reseller_name" and mapping["Utente Finale"] == "customer_name"
