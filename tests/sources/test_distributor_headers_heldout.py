"""Twelve distributors' sell-through headers the recognition was not written for (the twenty-eighth
session's held-out set: Ingram Micro, TD SYNNEX, Arrow, Exclusive Networks, Esprinet, ALSO, Dicker
Data, Westcon, ScanSource, Copaco, a Spanish and a Polish distributor, as their reports name their
columns), each written as a real CSV of 20 rows and read with no `columns:`. At first try 8 of the 12
mapped every field (Westcon's after its rows were enough to show "End-User Account" holds names);
TD SYNNEX ("Bill To Name", "Ship To Name", "End User Company"), Arrow (Dynamics' "Sell-to Customer
Name") and Dicker Data ("Sell Ex GST") were fixed by general rules (`sources.vocabulary`: a
distributor's bill-to and sell-to customer are its reseller, its ship-to names the end user less surely
than an end-user column, "Ex GST" qualifies, a bare "Sell" is the line's sell value)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.config import SourceConfig
from sources.reader import read_source_file

#: name -> (delimiter, [(header, field or None, value of row i)])
END_USERS = ["Acme Bank", "Northwind Traders Ltd", "Contoso Pharma GmbH", "Fabrikam Inc", "Litware Corp",
             "Adventure Works LLC", "Tailspin Toys", "Wingtip Solutions", "Proseware Inc", "Lucerne Publishing",
             "Alpine Ski House", "Coho Winery", "Fourth Coffee", "Trey Research", "Woodgrove Bank",
             "VanArsdel Ltd", "Blue Yonder Airlines", "Humongous Insurance", "Stadtwerke Köln", "Gemeente Utrecht"]
RESELLERS = ["Bechtle AG", "CDW LLC", "Cancom SE", "Computacenter"]


def _rows(day: str) -> list[dict[str, str]]:
    return [{"date": day, "no": f"INV-{1000 + i}", "reseller": RESELLERS[i % 4], "end_user": END_USERS[i],
             "sku": ["C9300-48P", "ISR4331/K9", "C9200L-24T-4G"][i % 3], "serial": f"FCW2231L{i:03d}",
             "qty": str(1 + i % 3), "amount": f"{1234.5 * (1 + i % 3):.2f}"} for i in range(20)]


#: (name, delimiter, date as written, [(header, field, key of the row value)])
LAYOUTS = [
    ("ingram", ",", "2026-03-15", [("Transaction Date", "invoice_date", "date"), ("Invoice Number", "invoice_number", "no"),
                                   ("Reseller Name", "reseller_name", "reseller"), ("End User Name", "customer_name", "end_user"),
                                   ("Vendor Part Number", "sku", "sku"), ("Quantity", "quantity", "qty"),
                                   ("Serial Number", "serial_numbers", "serial"), ("Extended Price", "amount", "amount")]),
    ("tdsynnex", ",", "03/15/2026", [("Ship Date", "invoice_date", "date"), ("Invoice #", "invoice_number", "no"),
                                     ("Bill To Name", "reseller_name", "reseller"), ("Ship To Name", None, "reseller"),
                                     ("End User Company", "customer_name", "end_user"), ("Mfr Part #", "sku", "sku"),
                                     ("Serial #", "serial_numbers", "serial"), ("Qty Shipped", "quantity", "qty"),
                                     ("Ext Cost", "amount", "amount")]),
    ("arrow", ";", "15.03.2026", [("Posting Date", "invoice_date", "date"), ("Document No.", "invoice_number", "no"),
                                  ("Sell-to Customer Name", "reseller_name", "reseller"),
                                  ("End Customer", "customer_name", "end_user"), ("Item No.", "sku", "sku"),
                                  ("Serial No.", "serial_numbers", "serial"), ("Qty.", "quantity", "qty"),
                                  ("Line Amount", "amount", "amount")]),
    ("exclusive", ";", "15/03/2026", [("Date de facture", "invoice_date", "date"), ("N° facture", "invoice_number", "no"),
                                      ("Client", "reseller_name", "reseller"), ("Client final", "customer_name", "end_user"),
                                      ("Référence constructeur", "sku", "sku"), ("Numéro de série", "serial_numbers", "serial"),
                                      ("Quantité", "quantity", "qty"), ("Prix total HT", "amount", "amount")]),
    ("esprinet", ";", "15/03/2026", [("Data documento", "invoice_date", "date"), ("Numero documento", "invoice_number", "no"),
                                     ("Rivenditore", "reseller_name", "reseller"), ("Cliente finale", "customer_name", "end_user"),
                                     ("Codice articolo", "sku", "sku"), ("Matricola", "serial_numbers", "serial"),
                                     ("Quantità", "quantity", "qty"), ("Importo", "amount", "amount")]),
    ("also", ";", "15.03.2026", [("Belegdatum", "invoice_date", "date"), ("Belegnr.", "invoice_number", "no"),
                                 ("Kundenname", "reseller_name", "reseller"), ("Endkundenname", "customer_name", "end_user"),
                                 ("Herstellerartikelnr.", "sku", "sku"), ("Seriennr.", "serial_numbers", "serial"),
                                 ("Menge", "quantity", "qty"), ("Nettobetrag", "amount", "amount")]),
    ("dicker", ",", "15/03/2026", [("Invoice Date", "invoice_date", "date"), ("Invoice No", "invoice_number", "no"),
                                   ("Customer Name", "reseller_name", "reseller"), ("End User", "customer_name", "end_user"),
                                   ("Vendor SKU", "sku", "sku"), ("Serial No", "serial_numbers", "serial"),
                                   ("Qty", "quantity", "qty"), ("Sell Ex GST", "amount", "amount")]),
    ("westcon", "|", "2026-03-15", [("Order Date", "invoice_date", "date"), ("Partner", "reseller_name", "reseller"),
                                    ("End-User Account", "customer_name", "end_user"), ("Manufacturer SKU", "sku", "sku"),
                                    ("S/N", "serial_numbers", "serial"), ("Units", "quantity", "qty"),
                                    ("Net Value (USD)", "amount", "amount")]),
    ("scansource", ",", "3/15/2026", [("Invoice Dt", "invoice_date", "date"), ("Inv Nbr", "invoice_number", "no"),
                                      ("Dealer Name", "reseller_name", "reseller"), ("End User Nm", "customer_name", "end_user"),
                                      ("Item Nbr", "sku", "sku"), ("Serial Nbr", "serial_numbers", "serial"),
                                      ("Ship Qty", "quantity", "qty"), ("Ext Sell", "amount", "amount")]),
    ("copaco", ";", "15-03-2026", [("Factuurdatum", "invoice_date", "date"), ("Factuurnummer", "invoice_number", "no"),
                                   ("Debiteurnaam", "reseller_name", "reseller"), ("Eindgebruiker", "customer_name", "end_user"),
                                   ("Artikelcode fabrikant", "sku", "sku"), ("Serienummer", "serial_numbers", "serial"),
                                   ("Aantal", "quantity", "qty"), ("Bedrag excl. BTW", "amount", "amount")]),
    ("spain", ";", "15/03/2026", [("Fecha factura", "invoice_date", "date"), ("Nº factura", "invoice_number", "no"),
                                  ("Distribuidor", "reseller_name", "reseller"), ("Cliente final", "customer_name", "end_user"),
                                  ("Referencia fabricante", "sku", "sku"), ("Número de serie", "serial_numbers", "serial"),
                                  ("Cantidad", "quantity", "qty"), ("Importe", "amount", "amount")]),
    ("poland", ";", "15.03.2026", [("Data faktury", "invoice_date", "date"), ("Numer faktury", "invoice_number", "no"),
                                   ("Nazwa partnera", "reseller_name", "reseller"), ("Klient końcowy", "customer_name", "end_user"),
                                   ("Kod produktu", "sku", "sku"), ("Numer seryjny", "serial_numbers", "serial"),
                                   ("Ilość", "quantity", "qty"), ("Wartość netto", "amount", "amount")]),
]


@pytest.mark.parametrize(("name", "delimiter", "day", "columns"), LAYOUTS, ids=[lay[0] for lay in LAYOUTS])
def test_a_distributor_layout_nobody_tuned_on_maps_every_field(
        tmp_path: Path, name: str, delimiter: str, day: str, columns: list[tuple[str, str | None, str]]) -> None:
    lines = [delimiter.join(h for h, _, _ in columns)]
    lines += [delimiter.join(row[key] for _, _, key in columns) for row in _rows(day)]
    path = tmp_path / f"{name}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = read_source_file(path, path.name, SourceConfig(name=name, kind="distributor", path="*"))
    assert out.status == "loaded", out.error
    mapping = out.sheets[0].mapping
    assert {h: f for h, f, _ in columns if f} == {h: f for h, f in mapping.items() if h in {c[0] for c in columns if c[1]}}
    assert out.rows_loaded == 20 and out.rows_quarantined == 0
    assert out.records["customer_name"].tolist() == END_USERS
