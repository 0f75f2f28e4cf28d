"""The review queue end to end on a small home of real files: a planted typo duplicate of a customer is in
match_review and out/match_review.xlsx; a mark in the workbook changes the next run and the pair leaves
the queue; clearly same and clearly different pairs never enter it."""

import csv
import shutil
from pathlib import Path

import openpyxl
import pytest

from pipelines.cli import run_nightly
from pipelines.cli.run import print_run_summary
from tests.pipelines.warehouse_query import query

SOURCES_YAML = """\
as_of: 2026-11-02
currency: USD
sources:
  - name: crm_accounts
    kind: crm_accounts
    path: inbox/crm/accounts.csv
  - name: crm_contracts
    kind: crm_contracts
    path: inbox/crm/contracts.csv
  - name: westbridge
    kind: distributor
    path: inbox/dist/*.csv
"""
ACCOUNTS = [
    ["Account ID", "Account Name", "Type", "Billing Street", "Billing City", "Billing Zip", "Billing Country",
     "Phone"],
    ["0015e00000ACME01", "Acme Holdings GmbH", "Customer", "Hauptstrasse 12", "Berlin", "10115", "DE",
     "+49 30 1234567"],
    ["0015e00000BORE01", "Borealis Trading Ltd", "Customer", "1 King Street", "London", "EC2V 8AU", "GB",
     "+44 20 79460000"],
    ["0015e00000ZEPH01", "Zephyr Logistics SA", "Customer", "Rue de Rivoli 5", "Paris", "75001", "FR",
     "+33 1 40000000"],
]
CONTRACTS = [
    ["Contract Number", "Account ID", "Account Name", "Service Level", "Start Date", "End Date", "Amount", "Currency"],
    ["SC-2000001", "0015e00000ACME01", "Acme Holdings GmbH", "NBD", "01/01/2026", "12/31/2026", "15000.00", "USD"],
    ["SC-2000002", "0015e00000BORE01", "Borealis Trading Ltd", "NBD", "01/16/2026", "01/15/2027", "3000.00", "USD"],
]
SALES = [
    ["Invoice Date", "Invoice No", "Reseller", "End User", "End User Address", "End User City", "End User Zip",
     "End User Country", "End User Phone", "Part Number", "Description", "Serial Number", "Qty", "Unit Price",
     "Ext Price"],
    # the planted typo duplicate of Acme: a dropped letter, another house number and phone
    ["2025-03-01", "INV-1", "Northwind Partners", "Acme Holdngs GmbH", "Hauptstrasse 21", "Berlin", "10115", "DE",
     "+49 30 7654321", "SRV-100", "Rack server", "ACM0001", "1", "9500.00", "9500.00"],
    # clearly the same as the CRM's Borealis: one customer above the threshold
    ["2025-04-01", "INV-2", "Northwind Partners", "Borealis Trading Limited", "1 King St", "London", "EC2V 8AU", "GB",
     "+44 20 79460000", "SRV-100", "Rack server", "BOR0001", "1", "9500.00", "9500.00"],
    # clearly different from everyone
    ["2025-05-01", "INV-3", "Northwind Partners", "Quantum Bakery Inc", "77 Elm Road", "Cambridge", "02139", "US",
     "6175550100", "SRV-100", "Rack server", "QUA0001", "1", "9500.00", "9500.00"],
]


def _csv(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


def _acme_row(review: object) -> object:
    names = review[["left_name", "right_name"]].astype(str)  # type: ignore[index]
    both = names["left_name"].str.startswith("Acme") & names["right_name"].str.startswith("Acme")
    return review[both]  # type: ignore[index]


def _mark(home: Path, decision: str, note: str) -> None:
    """Mark the Acme pair in out/match_review.xlsx as an analyst does (by the headers, not positions)."""
    path = home / "out" / "match_review.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb["Review"]
    header = [c.value for c in ws[1]]
    left, right = header.index("Left: name") + 1, header.index("Right: name") + 1
    column = header.index("Decision") + 1
    rows = [r for r in range(2, ws.max_row + 1)
            if str(ws.cell(r, left).value).startswith("Acme") and str(ws.cell(r, right).value).startswith("Acme")]
    assert len(rows) == 1
    ws.cell(rows[0], column).value = decision
    ws.cell(rows[0], header.index("Note") + 1).value = note
    wb.save(path)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The home after its first run."""
    home = tmp_path_factory.mktemp("review") / "home"
    (home / "inbox").mkdir(parents=True)
    (home / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    _csv(home / "inbox/crm/accounts.csv", ACCOUNTS)
    _csv(home / "inbox/crm/contracts.csv", CONTRACTS)
    _csv(home / "inbox/dist/sales.csv", SALES)
    assert run_nightly(home, quiet=True)
    return home


def test_the_planted_duplicate_is_in_the_queue_and_the_workbook(home: Path) -> None:
    review = query(home, "SELECT * FROM match_review ORDER BY review_rank")
    acme = _acme_row(review)
    assert len(acme) == 1, review[["left_name", "right_name", "match_probability"]]
    pair = acme.iloc[0]
    assert pair.question == "merge?" and pair.left_customer_id != pair.right_customer_id
    assert 0.2 <= pair.match_probability < 0.8
    # readable without a join: both sides' name, address, phone and lineage, and the evidence
    assert {pair.left_address, pair.right_address} == {"Hauptstrasse 12", "Hauptstrasse 21"}
    assert {pair.left_source, pair.right_source} == {"crm_accounts", "westbridge"}
    assert str(pair.left_source_file).startswith("inbox/") and pair.left_source_row >= 2
    assert "name 0.9" in pair.evidence and "agrees" in pair.evidence and "differs" in pair.evidence
    assert float(pair.value_at_stake) > 0 and pair.currency == "USD"  # Acme's renewal is open
    # the clearly same (Borealis) and clearly different (Quantum, Zephyr) are not in the queue
    text = " ".join(review[["left_name", "right_name"]].astype(str).to_numpy().ravel())
    assert "Borealis" not in text and "Quantum" not in text and "Zephyr" not in text
    borealis = query(home, "SELECT DISTINCT customer_id FROM customer_sources WHERE raw_name LIKE 'Borealis%'")
    assert len(borealis) == 1
    wb = openpyxl.load_workbook(home / "out" / "match_review.xlsx")
    ws = wb["Review"]
    header = [c.value for c in ws[1]]
    assert {"Decision", "Note", "Left: name", "Right: name", "Evidence", "Value at stake"} <= set(header)
    names = {ws.cell(r, header.index("Left: name") + 1).value for r in range(2, ws.max_row + 1)}
    assert any(str(n).startswith("Acme") for n in names)
    pick = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert pick and pick[0].formula1 == '"same,different,skip"'
    letter = openpyxl.utils.get_column_letter(header.index("Decision") + 1)
    assert f"{letter}2" in str(pick[0].sqref)


def test_a_same_mark_merges_the_pair_on_the_next_run(home: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    marked = tmp_path / "same"
    shutil.copytree(home, marked)
    _mark(marked, "same", "typo of the CRM name")
    assert run_nightly(marked, quiet=True)
    acme = query(marked, "SELECT DISTINCT customer_id FROM customer_sources WHERE raw_name LIKE 'Acme%'")
    assert len(acme) == 1
    assert _acme_row(query(marked, "SELECT * FROM match_review")).empty
    marks = query(marked, "SELECT * FROM review_marks")
    assert list(marks.status) == ["applied"] and list(marks.decision) == ["must_link"]
    overrides = (marked / "overrides" / "match_review.csv").read_text(encoding="utf-8")
    assert "must_link" in overrides and "typo of the CRM name" in overrides
    capsys.readouterr()
    print_run_summary(marked)
    out = capsys.readouterr().out
    assert "Review marks read from out/match_review.xlsx: 1 applied" in out
    # the decision outlives the workbook: a third run (no marks left in the fresh workbook) keeps it
    assert run_nightly(marked, quiet=True)
    assert len(query(marked, "SELECT DISTINCT customer_id FROM customer_sources WHERE raw_name LIKE 'Acme%'")) == 1
    assert query(marked, "SELECT * FROM review_marks").empty


def test_a_different_mark_keeps_them_apart_and_a_vanished_record_is_reported(
        home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    marked = tmp_path / "different"
    shutil.copytree(home, marked)
    _mark(marked, "different", "")
    # and a row pasted from an older workbook, naming a record the sources no longer hold
    wb = openpyxl.load_workbook(marked / "out" / "match_review.xlsx")
    ws = wb["Review"]
    header = [c.value for c in ws[1]]
    row = ws.max_row + 2
    ws.cell(row, header.index("Left record id") + 1).value = "no-such-record"
    ws.cell(row, header.index("Right record id") + 1).value = "another-gone-record"
    ws.cell(row, header.index("Decision") + 1).value = "same"
    wb.save(marked / "out" / "match_review.xlsx")
    assert run_nightly(marked, quiet=True)
    acme = query(marked, "SELECT DISTINCT customer_id FROM customer_sources WHERE raw_name LIKE 'Acme%'")
    assert len(acme) == 2
    assert _acme_row(query(marked, "SELECT * FROM match_review")).empty
    marks = query(marked, "SELECT * FROM review_marks ORDER BY workbook_row")
    assert list(marks.status) == ["applied", "not applied"], marks
    assert "no-such-record is no longer in the sources" in marks.reason.iloc[1]
    capsys.readouterr()
    print_run_summary(marked)
    out = capsys.readouterr().out
    assert "1 applied" in out and "1 could not be applied" in out and "no-such-record" in out
