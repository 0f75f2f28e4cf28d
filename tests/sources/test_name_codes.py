"""Names an ERP writes with their record id or hierarchy: NetSuite's "CUST-1045 Delta Legal Inc." and
"Parent : Child", Sage's "Delta Legal (DEL001)", Odoo's "[CS-4HR-SW] Support 4h onsite". The id goes to
the account (or the SKU), the name keeps its words; a lone "1800 Flowers" keeps its number. Each
file is written in tmp_path and read as the nightly run reads it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sources.name_codes import split_name_codes
from tests.sources.hostile import csv_text, read, src

NETSUITE = ["Internal ID", "Date", "Type", "Document Number", "Name", "Item", "Quantity", "Amount"]


def test_netsuite_names_give_their_id_to_the_account(tmp_path: Path) -> None:
    rows = [
        ["48213", "3/1/2024", "Invoice", "INV10452", "CUST-1045 Delta Legal Inc.", "CS-4HR-SW", "2", "3,321.94"],
        ["48214", "3/2/2024", "Invoice", "INV10453", "CUST-1046 Kestrel Analytics", "CS-NBD-STO", "1", "1,132.25"],
        ["48215", "3/3/2024", "Invoice", "INV10454", "CUST-1047 Harbour Logistics Ltd", "CS-NBD-STO", "1", "900.00"],
        ["48240", "3/4/2024", "Invoice", "INV10455", "CUST-1040 Rockport Holdings : CUST-1048 Rockport Manufacturing",
         "CS-24X7-SRV", "4", "6,875.68"],
        ["48250", "3/5/2024", "Invoice", "INV10456", "360 Degrees Ltd", "CS-24X7-SRV", "1", "500.00"],
    ]
    out = read(tmp_path, "netsuite.csv", csv_text(rows, NETSUITE), src("accounting"))
    assert out.status == "loaded" and out.rows_loaded == 5
    r = out.records
    assert list(r["bill_to_name"]) == ["Delta Legal Inc.", "Kestrel Analytics", "Harbour Logistics Ltd",
                                       "Rockport Manufacturing", "360 Degrees Ltd"]
    assert list(r["bill_to_account"].fillna("-")) == ["CUST-1045", "CUST-1046", "CUST-1047", "CUST-1048", "-"]
    assert any("4 of 5 names carry an id (e.g. 'CUST-1045 Delta Legal Inc.')" in w for w in out.warnings)
    assert any("1 name is a hierarchy" in w for w in out.warnings)


def test_an_id_of_one_shape_on_most_names_only() -> None:
    typed = {"customer_name": pd.Series(["1800 Flowers", "360 Degrees Ltd", "Delta Legal", None])}
    assert split_name_codes(typed) == []
    assert list(typed["customer_name"].fillna("-")) == ["1800 Flowers", "360 Degrees Ltd", "Delta Legal", "-"]
    trailing = {"customer_name": pd.Series(["Delta Legal (DEL001)", "Kestrel (KES002)", "Harbour Ltd (HAR003)",
                                            "Rockport"]),
                "customer_account": pd.Series([None, "K-2", None, None], dtype=object)}
    assert len(split_name_codes(trailing)) == 1
    assert list(trailing["customer_name"]) == ["Delta Legal", "Kestrel", "Harbour Ltd", "Rockport"]
    assert list(trailing["customer_account"].fillna("-")) == ["DEL001", "K-2", "HAR003", "-"]  # a column's own wins


def test_odoo_products_and_bare_document_headers(tmp_path: Path) -> None:
    header = ["Number", "Customer", "Invoice Date", "Product", "Quantity", "Subtotal"]
    rows = [["INV/2024/00012", "Delta Legal Inc.", "2024-03-01", "[CS-4HR-SW] Support 4h onsite switches", "2.00",
             "3321.94"],
            ["INV/2024/00013", "Kestrel Analytics", "2024-03-04", "[CS-NBD-STO] Support NBD storage", "1.00",
             "1132.25"]]
    out = read(tmp_path, "odoo.csv", csv_text(rows, header), src("accounting"))
    assert out.status == "loaded"
    assert out.sheets[0].mapping == {"Number": "invoice_number", "Customer": "bill_to_name",
                                     "Invoice Date": "invoice_date", "Product": "sku", "Quantity": "quantity",
                                     "Subtotal": "amount"}
    r = out.records
    assert list(r["sku"]) == ["CS-4HR-SW", "CS-NBD-STO"]
    assert list(r["description"]) == ["Support 4h onsite switches", "Support NBD storage"]
    assert [float(q) for q in r["quantity"]] == [2.0, 1.0]
