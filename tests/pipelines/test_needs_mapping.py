"""The ingest stage, run for real on a tmp home: a file missing a required field is one
`needs_mapping` row with the ready-to-paste block; pasting it and running again loads every row.
Other files' partner names reach the reader."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import openpyxl
import yaml

from pipelines.cli.run_summary import needs_mapping_files
from pipelines.stages.context import RunContext
from pipelines.stages.ingest import ingest_inbox
from warehouse.build import WarehousePaths

SOURCES = """\
# a home written by hand
sources:
  - name: westbridge   # our first distributor
    kind: distributor
    path: inbox/westbridge/*.csv
"""
RESELLERS = ["Bluewave IT Inc", "Datalink LLC", "Corvid Networks Ltd"]


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def _site_rows(n: int, month: int) -> list[list[object]]:
    # the end customer is given only as a site code: nothing in header or content says "customer"
    return [[f"2026-{month:02d}-{i % 27 + 1:02d}", RESELLERS[i % 3], f"S{month}{i:04d}", f"C9300-{i % 4}X",
             f"FCW{month}{i:05d}", "1"] for i in range(n)]


def _files(home: Path) -> list[tuple]:
    con = duckdb.connect(str(WarehousePaths(home).ingest), read_only=True)
    try:
        return con.execute(
            "SELECT path, status, rows_loaded, rows_quarantined, error FROM ingested_files "
            "WHERE status <> 'superseded' ORDER BY path").fetchall()
    finally:
        con.close()


def _count(home: Path, sql: str) -> int:
    con = duckdb.connect(str(WarehousePaths(home).ingest), read_only=True)
    try:
        return int(con.execute(sql).fetchall()[0][0])
    finally:
        con.close()


def test_needs_mapping_is_one_row_and_the_pasted_block_loads_the_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    header = ["Invoice Date", "Reseller", "Site Ref", "SKU", "Serial", "Qty"]
    _write_csv(home / "inbox" / "westbridge" / "2026-02.csv", header, _site_rows(40, 2))
    _write_csv(home / "inbox" / "westbridge" / "2026-03.csv", header, _site_rows(25, 3))

    first = ingest_inbox(RunContext.load(home))
    assert [(r.status, r.rows_loaded, r.rows_quarantined) for r in first] == [("needs_mapping", 0, 0)] * 2
    files = _files(home)
    assert [(p, s, n, q) for p, s, n, q, _ in files] == [
        ("inbox/westbridge/2026-02.csv", "needs_mapping", 0, 0), ("inbox/westbridge/2026-03.csv", "needs_mapping", 0, 0)]
    assert _count(home, "SELECT count(*) FROM quarantine") == 0  # not thousands of quarantined rows
    message = files[0][4]
    assert "required field 'customer_name' has no column" in message
    assert "headers seen: 'Invoice Date', 'Reseller', 'Site Ref', 'SKU', 'Serial', 'Qty'" in message
    block = message.split("add to sources.yaml:\n", 1)[1]
    assert yaml.safe_load(block)["columns"]["customer_name"] == "Site Ref"  # the best candidate, ready to paste

    # what `radar run` prints: per source, its files and the block to paste under it
    [summary] = needs_mapping_files(WarehousePaths(home).ingest)
    assert summary.startswith("source 'westbridge' (2 files: inbox/westbridge/2026-02.csv, inbox/westbridge/2026-03.csv):")
    assert '\n    columns:\n      customer_name: "Site Ref"' in summary

    # nothing changed: the next night does not read the files again
    assert {r.status for r in ingest_inbox(RunContext.load(home))} == {"unchanged"}

    # the person pastes the block under the source, as printed
    pasted = SOURCES + "".join(f"    {line}\n" for line in block.splitlines())
    (home / "sources.yaml").write_text(pasted, encoding="utf-8")
    again = ingest_inbox(RunContext.load(home))
    assert [(r.status, r.rows_loaded, r.rows_quarantined) for r in again] == [("loaded", 40, 0), ("loaded", 25, 0)]
    assert [(p, s, n, q) for p, s, n, q, _ in _files(home)] == [
        ("inbox/westbridge/2026-02.csv", "loaded", 40, 0), ("inbox/westbridge/2026-03.csv", "loaded", 25, 0)]
    assert _count(home, "SELECT count(DISTINCT customer_name) FROM source_records WHERE customer_name LIKE 'S%'") == 65
    assert _count(home, "SELECT count(*) FROM ingested_files") == 4  # the needs_mapping rows are superseded


def test_a_workbook_with_one_unmapped_sheet_keeps_the_other_sheets_rows(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "inbox" / "reps").mkdir(parents=True)
    (home / "sources.yaml").write_text(
        "sources:\n  - name: tracker\n    kind: sales_rep\n    path: inbox/reps/*.xlsx\n    rep: Alice Moreno\n",
        encoding="utf-8")
    wb = openpyxl.Workbook()
    ok = wb.active
    ok.title = "2026"
    ok.append(["Customer", "Expiry", "Value"])
    for i in range(6):
        ok.append([f"Customer {chr(65 + i)} Inc", f"2026-0{i + 1}-15", 1000 + i])
    odd = wb.create_sheet("Notes")
    odd.append(["Customer", "Comment"])  # no end date anywhere: the sheet needs a mapping
    for i in range(4):
        odd.append([f"Customer {chr(65 + i)} Inc", "call back in spring"])
    wb.save(home / "inbox" / "reps" / "alice.xlsx")

    [result] = ingest_inbox(RunContext.load(home))
    assert (result.status, result.rows_loaded) == ("needs_mapping", 6)
    assert "[Notes]" in (result.error or "") and "'service_end'" in (result.error or "")
    sheets = json.loads(_files_json(home))
    assert [s["sheet"] for s in sheets if s["needs_mapping"]] == ["Notes"]
    assert _count(home, "SELECT count(*) FROM source_records") == 6


def _files_json(home: Path) -> str:
    con = duckdb.connect(str(WarehousePaths(home).ingest), read_only=True)
    try:
        return con.execute("SELECT sheets FROM ingested_files WHERE status <> 'superseded'").fetchall()[0][0]
    finally:
        con.close()


def test_partner_names_from_other_files_tell_the_reseller_column(tmp_path: Path) -> None:
    customers = ["Globex Corporation", "Initech LLC", "Umbrella Health Inc", "Stark Industries",
                 "Wayne Enterprises", "Soylent Foods Inc", "Tyrell Corp", "Wonka Industries"]
    home = tmp_path / "home"
    home.mkdir()
    (home / "sources.yaml").write_text(
        SOURCES + "  - name: summit\n    kind: distributor\n    path: inbox/summit/*.csv\n", encoding="utf-8")
    _write_csv(home / "inbox" / "westbridge" / "2026-02.csv", ["Invoice Date", "Reseller", "End User", "SKU"],
               [[f"2026-02-{i + 1:02d}", RESELLERS[i % 3], customers[i % 8], "C9300-1X"] for i in range(24)])
    # two name columns whose headers do not say which is which; the reseller column comes first and
    # repeats no more than the customer column does
    rows = [[f"2026-03-{i + 1:02d}", RESELLERS[i % 3], customers[i % 3], "C9300-2X"] for i in range(24)]
    _write_csv(home / "inbox" / "summit" / "2026-03.csv", ["Doc Date", "Company A", "Company B", "SKU"], rows)

    results = ingest_inbox(RunContext.load(home))
    assert [r.status for r in results] == ["loaded", "loaded"]
    con = duckdb.connect(str(WarehousePaths(home).ingest), read_only=True)
    try:
        got = con.execute("SELECT DISTINCT reseller_name FROM source_records WHERE source = 'summit'").fetchall()
    finally:
        con.close()
    assert sorted(n for (n,) in got) == sorted(RESELLERS)
