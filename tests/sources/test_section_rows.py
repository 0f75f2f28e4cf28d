"""A report grouped by a party with "Label: value" section rows (Acolous's sales detail: "Харилцагч: NAME" in the
date column, a subtotal after each customer's lines, a grand total), written as real files in tmp_path and read
as the nightly run reads them: the lines take the section's party, the sections and sums are structure."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from tests.sources.hostile import read, read_path, src

HEADER = ["Огноо", "Баримтын дугаар", "Барааны код", "Тоо ширхэг", "НӨАТ-гүй дүн", "Валют"]
CUSTOMERS = {"Номин Холдинг ХХК": [1200.0, 800.5], "Гэрэгэ Трейд ХХК": [3995.0], "Tavan Bogd LLC": [450.0, 50.0, 99.9]}


def _acolous(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Борлуулалтын дэлгэрэнгүй тайлан"])
    ws.append([])
    ws.append(HEADER)
    k = 0
    for name, amounts in CUSTOMERS.items():
        ws.append([f"Харилцагч: {name}"])
        for amount in amounts:
            k += 1
            ws.append([f"2026.01.{k:02d}", f"ББ{k:06d}", "CS-NBD-SW", 1, amount, "USD"])
        ws.append(["Харилцагчийн дүн", None, None, None, sum(amounts), None])
    ws.append(["Нийт дүн", None, None, None, sum(sum(a) for a in CUSTOMERS.values()), None])
    wb.save(path)
    return path


def test_the_lines_take_their_sections_party_and_the_sums_are_structure(tmp_path: Path) -> None:
    out = read_path(_acolous(tmp_path / "borluulalt.xlsx"), src("accounting"))
    assert out.status == "loaded" and out.rows_quarantined == 0
    assert out.rows_loaded == sum(len(a) for a in CUSTOMERS.values())
    got = out.records.groupby("bill_to_name", sort=False)["amount"].apply(list).to_dict()
    assert got == CUSTOMERS
    assert any("are sections of the report ('Харилцагч' as bill_to_name)" in w for w in out.warnings)


def test_a_label_naming_no_party_is_no_section(tmp_path: Path) -> None:
    lines = ["Date;Invoice No;Bill To;Item;Qty;Amount", "Period: March 2026;;;;;"] + [
        f"0{k}.03.2026;INV-{k};Acme {k} Ltd;SVC-NBD-1Y;1;{k}00,00" for k in range(1, 5)]
    out = read(tmp_path, "period.csv", "\n".join(lines) + "\n", src("accounting"))
    assert not any("sections of the report" in w for w in out.warnings)
    assert list(out.records["bill_to_name"]) == [f"Acme {k} Ltd" for k in range(1, 5)]


def test_a_note_among_lines_is_no_section(tmp_path: Path) -> None:
    lines = ["Date;Invoice No;Bill To;Item;Qty;Amount"] + [
        f"0{k}.03.2026;INV-{k};Acme {k} Ltd;SVC-NBD-1Y;1;{k}00,00" for k in range(1, 4)] + [
        "Customer: call Acme back;;;;;", "04.03.2026;INV-4;Beta Ltd;SVC-NBD-1Y;1;400,00"]
    out = read(tmp_path, "note.csv", "\n".join(lines) + "\n", src("accounting"))
    assert list(out.records["bill_to_name"]) == ["Acme 1 Ltd", "Acme 2 Ltd", "Acme 3 Ltd", "Beta Ltd"]


def test_a_team_trackers_rep_sections_give_their_lines_the_rep(tmp_path: Path) -> None:
    """"Sales Rep: John Smith" above his lines (a team tracker with no fixed rep) was quarantined as a line with
    no expiry, and the lines went to the customers' default reps."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Customer", "Contract #", "Product", "Expiry", "Renewal Value"])
    for rep, lines in (("John Smith", 3), ("Maria Lopez", 2)):
        ws.append([f"Sales Rep: {rep}"])
        for i in range(lines):
            ws.append([f"{rep.split()[0]} Customer {i}", f"SC-{rep[0]}{i}", "CS-NBD", f"2027-0{i + 1}-15", 1000 + i])
    path = tmp_path / "inbox" / "team.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    out = read_path(path, src("sales_rep"))
    assert out.status == "loaded" and out.rows_loaded == 5 and out.quarantine.empty
    assert list(out.records["rep"]) == ["John Smith"] * 3 + ["Maria Lopez"] * 2
