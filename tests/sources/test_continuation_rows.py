"""Continuation lines: a document's further lines with its header fields blank (Odoo's invoice-line
export, reports that suppress repeated values, trackers with serials on rows of their own) are read
with the document's values; money is never carried, an amount alone continues nothing, no row
continues past a total, and a row missing only some document fields is still quarantined. Each file
is written in tmp_path and read as the nightly run reads it."""

from __future__ import annotations

from pathlib import Path

from tests.sources.hostile import csv_text, read, read_path, src, workbook

ODOO = ["Number", "Customer", "Invoice/Bill Date", "Salesperson", "Currency", "Invoice lines/Product",
        "Invoice lines/Quantity", "Invoice lines/Unit Price", "Invoice lines/Subtotal"]


def test_an_invoice_lines_export_gives_every_line_its_invoice(tmp_path: Path) -> None:
    rows = [
        ["INV/2024/00012", "Delta Legal Inc.", "2024-03-01", "Mitchell Admin", "USD", "CS-4HR-SW", 2, 1660.97, 3321.94],
        ["", "", "", "", "", "CS-NBD-STO", 1, 1132.25, 1132.25],
        ["INV/2024/00013", "Rockport Manufacturing", "2024-03-04", "Mitchell Admin", "EUR", "CS-24X7-SRV", 4, 1718.92,
         6875.68],
        ["", "", "", "", "", "CS-4HR-SW", 1, 1660.97, 1660.97],
        ["", "", "", "", "", "CS-NBD-SRV", 3, 1200.00, 3600.00],
    ]
    out = read(tmp_path, "odoo.csv", csv_text(rows, ODOO),
               src("accounting", columns={"amount": "Invoice lines/Subtotal"}))
    assert out.status == "loaded" and out.rows_quarantined == 0 and out.rows_loaded == 5
    r = out.records
    assert list(r["invoice_number"]) == ["INV/2024/00012"] * 2 + ["INV/2024/00013"] * 3
    assert list(r["bill_to_name"]) == ["Delta Legal Inc."] * 2 + ["Rockport Manufacturing"] * 3
    assert list(r["currency"]) == ["USD", "USD", "EUR", "EUR", "EUR"]
    assert [float(a) for a in r["amount"]] == [3321.94, 1132.25, 6875.68, 1660.97, 3600.00]  # each its own
    note = next(w for w in out.warnings if "continue the document above" in w)
    assert "odoo.csv: rows 3, 5-6 continue the document above (invoice_number, bill_to_name, invoice_date" in note


TRACKER = ["Customer", "Contract", "SKU", "Serial", "Start", "End", "Value"]


def test_serials_on_rows_of_their_own_take_the_contract_line(tmp_path: Path, reader: str) -> None:
    rows = [
        ["Delta Legal Inc.", "SC-1001", "CON-SNT-C93004PA", "FOC2401A1AA", "2024-01-01", "2024-12-31", 1236],
        [None, None, None, "FOC2401A1AB", None, None, None],
        [None, None, None, "FOC2401A1AC", None, None, None],
        ["Kestrel Analytics", "SC-1002", "CON-SNT-UCSC220", "WZP2402B0X1", "2024-02-01", "2025-01-31", 900],
    ]
    out = read_path(workbook(tmp_path / "inbox" / "tracker.xlsx", rows, TRACKER), src("sales_rep"))
    assert out.status == "loaded" and out.rows_loaded == 4
    r = out.records
    assert list(r["contract_number"]) == ["SC-1001", "SC-1001", "SC-1001", "SC-1002"]
    assert list(r["sku"]) == ["CON-SNT-C93004PA"] * 3 + ["CON-SNT-UCSC220"]
    assert list(r["service_end"].astype(str)) == ["2024-12-31"] * 3 + ["2025-01-31"]
    assert r["amount"].isna().tolist() == [False, True, True, False]  # the contract's value counted once


def test_what_continues_nothing(tmp_path: Path) -> None:
    header = ["Invoice Date", "Invoice No", "Reseller", "End User", "SKU", "Qty", "Amount"]
    rows = [
        ["2024-03-01", "WB1", "Infocore", "Delta Legal Inc.", "C9300-48P-A", 1, 5120.00],
        ["", "", "", "", "", "", 5120.00],  # an unlabelled subtotal: no line of its own
        ["Total", "", "", "", "", "", 5120.00],
        ["", "", "", "", "C9200L-24T", 1, 900.00],  # after a total: nothing above to continue
        ["2024-03-02", "WB2", "Infocore", "", "C9200L-24T", 1, 900.00],  # only the end user missing
    ]
    out = read(tmp_path, "pos.csv", csv_text(rows, header))
    assert out.rows_loaded == 1 and out.rows_quarantined == 3
    assert sorted(out.quarantine["source_row"]) == [3, 5, 6]
    assert not any("continue the document above" in w for w in out.warnings)
