"""Credit notes written with positive amounts: the accounting file's document type column signs them.

Each file is a small export the way SAP, Xero, Sage, DATEV or a generic ERP writes it, read through the
real reader as the nightly run would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.fields import RECORD_FIELDS
from tests.sources.hostile import csv_text, read, src

ACCOUNTING = src("accounting")


def _amounts(out: object) -> list[float]:
    return [float(v) for v in out.records["amount"]]  # type: ignore[attr-defined]


def test_a_sap_g2_credit_memo_with_a_positive_amount_is_read_as_a_credit(tmp_path: Path) -> None:
    text = "\n".join("\t".join(r) for r in [
        ["VBELN", "FKART", "FKDAT", "KUNRG", "NAME1", "MATNR", "FKIMG", "NETWR", "WAERK"],
        ["0090004711", "F2", "20240301", "100045", "Delta Legal Inc.", "CS-4HR-SW", "1.000", "4800.00", "USD"],
        ["0090004790", "G2", "20240320", "100045", "Delta Legal Inc.", "CS-4HR-SW", "1.000", "4800.00", "USD"],
        ["0090004791", "S1", "20240321", "100045", "Delta Legal Inc.", "CS-4HR-SW", "1.000", "4800.00", "USD"],
    ]) + "\n"
    out = read(tmp_path, "vbrk.txt", text, ACCOUNTING)
    assert out.status == "loaded", out.error
    assert _amounts(out) == [4800.0, -4800.0, -4800.0]
    assert list(out.records["quantity"]) == [1, -1, -1]
    assert any("vbrk.txt" in w and "'FKART'" in w and "2 rows read as credit notes" in w for w in out.warnings)


def test_a_credit_already_written_negative_stays_as_written(tmp_path: Path) -> None:
    text = csv_text([
        ["INV-1", "Invoice", "2024-03-01", "Acme Ltd", "2", "100.00", "200.00"],
        ["CN-1", "Credit Note", "2024-03-05", "Acme Ltd", "2", "100.00", "-200.00"],
        ["CN-2", "credit memo", "2024-03-06", "Acme Ltd", "-1", "100.00", "-100.00"],
        ["CN-3", "Credit Note", "2024-03-07", "Acme Ltd", "1", "100.00", "100.00"],
    ], header=["Invoice Number", "Document Type", "Invoice Date", "Customer", "Qty", "Unit Price", "Amount"])
    out = read(tmp_path, "erp.csv", text, ACCOUNTING)
    assert _amounts(out) == [200.0, -200.0, -100.0, -100.0]
    assert list(out.records["quantity"]) == [2, 2, -1, -1]
    assert any("'Document Type'" in w and "1 row read as credit notes" in w for w in out.warnings)


def test_xero_sales_credit_note_is_a_credit_and_the_unit_price_stays_a_price(tmp_path: Path) -> None:
    text = csv_text([
        ["Harbour Logistics Ltd", "INV-0042", "01/03/2024", "CS-NBD-STO", "1", "1132.25", "1132.25", "200",
         "20% (VAT on Income)", "GBP", "Sales invoice"],
        ["Harbour Logistics Ltd", "CN-0007", "13/03/2024", "CS-NBD-STO", "1", "1132.25", "1132.25", "200",
         "20% (VAT on Income)", "GBP", "Sales credit note"],
        ["Harbour Logistics Ltd", "CN-0008", "14/03/2024", "CS-NBD-STO", "1", "50.00", "50.00", "200",
         "20% (VAT on Income)", "GBP", "ACCRECCREDIT"],
    ], header=["*ContactName", "*InvoiceNumber", "*InvoiceDate", "InventoryItemCode", "*Quantity", "*UnitAmount",
               "LineAmount", "*AccountCode", "*TaxType", "Currency", "Type"])
    out = read(tmp_path, "xero.csv", text, ACCOUNTING)
    assert out.status == "loaded", out.error
    assert _amounts(out) == [1132.25, -1132.25, -50.0]
    assert [float(v) for v in out.records["unit_price"]] == [1132.25, 1132.25, 50.0]
    assert list(out.records["quantity"]) == [1, -1, -1]
    assert out.records["account_type"].isna().all()  # neither "Type" nor "*TaxType" is an account type


def test_sage_day_book_type_sc_is_a_sales_credit(tmp_path: Path) -> None:
    text = csv_text([
        ["1201", "SI", "01/03/2024", "HARBOU01", "Harbour Logistics Ltd", "INV-0042", "1132.25"],
        ["1204", "SC", "13/03/2024", "HARBOU01", "Harbour Logistics Ltd", "CN-0007", "1132.25"],
    ], header=["Tran No.", "Type", "Date", "A/C Ref", "Account Name", "Ref", "Net Amount"])
    out = read(tmp_path, "daybook.csv", text, ACCOUNTING)
    assert _amounts(out) == [1132.25, -1132.25]
    assert out.records["account_type"].isna().all()
    assert any("'Type'" in w and "1 row read as credit notes" in w for w in out.warnings)


def test_datev_haben_is_the_credit_side(tmp_path: Path) -> None:
    text = csv_text([
        ["1347,38", "S", "RE2024-0312", "01.03.2024", "Schmidt & Partner KG"],
        ["1347,38", "H", "GS2024-0007", "20.03.2024", "Schmidt & Partner KG"],
    ], header=["Umsatz (ohne Soll/Haben-Kz)", "Soll/Haben-Kennzeichen", "Belegfeld 1", "Belegdatum", "Kunde"])
    out = read(tmp_path, "datev.csv", text, ACCOUNTING)
    assert out.status == "loaded", out.error
    assert _amounts(out) == [1347.38, -1347.38]


@pytest.mark.parametrize(("header", "credit"), [
    ("Document Type", "Gutschrift"), ("Belegart", "GUTSCHRIFT"), ("Type de pièce", "Avoir"),
    ("Tipo de documento", "Nota de crédito"), ("Tipo documento", "Nota di credito"),
    ("Documentsoort", "Creditnota"), ("Invoice Type", "CN"), ("D/C", "Cr"), ("Debit/Credit Indicator", "H"),
    ("Document Type", "Πιστωτικό Τιμολόγιο"), ("Document Type", "Faktura korygująca"), ("Document Type", "Dobropis"),
    ("Document Type", "Jóváírás"), ("Document Type", "İade Faturası"), ("Document Type", "Hyvityslasku"),
    ("Document Type", "Kreditnota"), ("Document Type", "Egreso"),
])
def test_document_type_headers_and_credit_words_of_many_languages(tmp_path: Path, header: str, credit: str) -> None:
    text = csv_text([
        ["INV-1", "2024-03-01", "Acme Ltd", "Invoice", "500.00"],
        ["INV-2", "2024-03-02", "Acme Ltd", credit, "500.00"],
    ], header=["Invoice Number", "Invoice Date", "Customer", header, "Amount"])
    out = read(tmp_path, "erp.csv", text, ACCOUNTING)
    assert out.status == "loaded", out.error
    assert _amounts(out) == [500.0, -500.0]


def test_an_unknown_type_changes_nothing_and_the_type_is_not_stored(tmp_path: Path) -> None:
    text = csv_text([
        ["INV-1", "2024-03-01", "Acme Ltd", "Standard", "500.00"],
        ["INV-2", "2024-03-02", "Acme Ltd", "Credit note draft", "500.00"],
    ], header=["Invoice Number", "Invoice Date", "Customer", "Document Type", "Amount"])
    out = read(tmp_path, "erp.csv", text, ACCOUNTING)
    assert _amounts(out) == [500.0, 500.0]
    assert "document_type" not in RECORD_FIELDS and "document_type" not in out.records.columns
    assert out.sheets[0].mapping["Document Type"] == "document_type"


def test_a_type_column_signs_credits_in_accounting_files_only(tmp_path: Path) -> None:
    text = csv_text([["2024-03-01", "Resell Co", "Acme Ltd", "CS-1", "INV-1", "500.00", "SC"]],
                    header=["Invoice Date", "Reseller", "End User", "SKU", "Invoice Number", "Amount", "Type"])
    pos = read(tmp_path / "pos", "pos.csv", text, src("distributor"))
    invoices = read(tmp_path / "acct", "pos.csv", text, src("accounting", columns={"bill_to_name": "Reseller"}))
    assert _amounts(pos) == [500.0] and "document_type" not in pos.sheets[0].mapping.values()
    assert _amounts(invoices) == [-500.0] and invoices.sheets[0].mapping["Type"] == "document_type"


def test_a_return_whose_quantity_and_amount_disagree_in_sign_is_quarantined_not_added(tmp_path: Path) -> None:
    """Qty -1 beside an amount of +1,500: added, the return would count as a second sale (its contract worth
    double and offered for renewal); a true credit (both negative) stays a credit."""
    lines = ["Invoice No,Invoice Date,Bill To,Contract Number,SKU,Qty,Amount,Service End"]
    lines += [f"INV-{k},2026-01-1{k},Acme Ltd,SC-77000{k},SVC-NBD-1Y,1,1500.00,2027-01-15" for k in range(1, 4)]
    lines += ["CN-1,2026-02-01,Acme Ltd,SC-770001,SVC-NBD-1Y,-1,-1500.00,2027-01-15",
              "CN-2,2026-02-02,Acme Ltd,SC-770003,SVC-NBD-1Y,-1,1500.00,2027-01-15"]
    out = read(tmp_path, "ventes.csv", "\n".join(lines) + "\n", src("accounting"))
    assert list(out.records["invoice_number"]) == ["INV-1", "INV-2", "INV-3", "CN-1"]
    assert list(out.quarantine["reason"]) == [
        "inbox/ventes.csv, row 6: field 'amount' (column 'Amount'): the signs disagree, 'quantity -1 and amount "
        "1,500.00': a return written with a positive amount? Sign the amount or the quantity as the document means "
        "them"]


def test_an_nfe_nature_of_operation_is_its_document_type(tmp_path: Path) -> None:
    """A Brazilian NF-e export: "Destinatário" is who is invoiced, "Natureza da Operação" the document's type, and a
    return ("Devolução de venda") written positive is a credit."""
    text = ("Número NF;Data Emissão;Natureza da Operação;Destinatário;Código Produto;Valor Total\r\n"
            "18720;14/01/2026;Venda de mercadoria;Hospital Santa Catarina;C9300-48P-A;R$ 52.920,00\r\n"
            "18721;15/01/2026;Devolução de venda;Cooperativa Agroindustrial Lar;FG-100F;R$ 17.820,00\r\n"
            "18722;16/01/2026;Venda de mercadoria;Cooperativa Agroindustrial Lar;FG-100F;R$ 17.820,00\r\n")
    out = read(tmp_path, "nfe.csv", text, src("accounting"))
    mapping = out.sheets[0].mapping
    assert mapping["Destinatário"] == "bill_to_name" and mapping["Natureza da Operação"] == "document_type"
    assert [float(a) for a in out.records["amount"]] == [52920.0, -17820.0, 17820.0]
