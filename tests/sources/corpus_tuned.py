"""Header corpus, first half: the layouts header and content recognition were tuned on."""

from __future__ import annotations

from tests.sources.corpus import (
    Layout, companies, const, dates, descriptions, ids, money, people, pick, quantities,
    resellers, serials, skus, text, cities, zips,
)

SAP_BILLING = Layout(
    "sap_billing", "distributor", "csv", style="ERP (SAP SD billing export)", delimiter=";",
    columns=[
        ("Billing Document", "invoice_number", ids("9000", 6)),
        ("Billing Date", "invoice_date", dates("%d.%m.%Y", "2025-02-01")),
        ("Sales Org.", None, const("1000")),
        ("Distribution Channel", None, const("10")),
        ("Sold-To Party", "reseller_account", ids("", 7, pool=5)),
        ("Sold-To Party Name", "reseller_name", resellers()),
        ("Ship-To Party Name", "customer_name", companies()),
        ("Material", "sku", skus()),
        ("Material Description", "description", descriptions()),
        ("Serial Number", "serial_numbers", serials()),
        ("Billed Quantity", "quantity", quantities()),
        ("Net Value", "amount", money("comma")),
        ("Currency", "currency", const("EUR")),
        ("Plant", None, const("DE01")),
    ],
)
CAMEL_POS = Layout(
    "camel_pos", "distributor", "csv", style="distributor POS, CamelCase API export",
    columns=[
        ("InvoiceDate", "invoice_date", dates("%Y-%m-%d", "2025-03-01")),
        ("InvoiceNumber", "invoice_number", ids("INV", 7)),
        ("ResellerName", "reseller_name", resellers()),
        ("ResellerID", "reseller_account", ids("R", 5, pool=6)),
        ("EndUserName", "customer_name", companies()),
        ("EndUserCity", "customer_city", cities()),
        ("EndUserState", "customer_state", pick(["MA", "TX", "CO", "WA", "IL", "CA"])),
        ("EndUserZip", "customer_postal_code", zips()),
        ("MfrPartNumber", "sku", skus()),
        ("ProductDescription", "description", descriptions()),
        ("SerialNumbers", "serial_numbers", serials(multi=0.2)),
        ("QtyShipped", "quantity", quantities()),
        ("UnitCost", "unit_price", money()),
        ("ExtCost", "amount", money()),
        ("VendorName", None, pick(["Cisco", "HPE", "Fortinet"])),
    ],
)
GERMAN_INVOICES = Layout(
    "german_invoices", "accounting", "xlsx", style="German accounting export under a logo block",
    title=[["Müller Systemhaus GmbH – Rechnungsausgangsbuch"], ["Erstellt am 03.01.2026"],
           [None], ["Zeitraum: 2025"]],
    columns=[
        ("Rechnungsnummer", "invoice_number", ids("RE-2025-", 5)),
        ("Rechnungsdatum", "invoice_date", dates(None, "2025-01-01")),
        ("Kundennummer", "bill_to_account", ids("K", 5, pool=8)),
        ("Kunde", "bill_to_name", companies("de")),
        ("Artikelnummer", "sku", skus()),
        ("Bezeichnung", "description", descriptions()),
        ("Seriennummer", "serial_numbers", serials()),
        ("Menge", "quantity", quantities()),
        ("Einzelpreis", "unit_price", money("float")),
        ("Betrag", "amount", money("float")),
        ("Währung", "currency", const("EUR")),
        ("Vertragsnummer", "contract_number", ids("WV-", 6)),
        ("Laufzeitbeginn", "service_start", dates(None, "2025-01-01")),
        ("Laufzeitende", "service_end", dates(None, "2025-01-01", offset=365)),
    ],
)
CONNECTWISE_AGREEMENTS = Layout(
    "cw_agreements", "crm_contracts", "csv", style="PSA (ConnectWise agreements export)",
    columns=[
        ("Agreement ID", "contract_number", ids("", 5)),
        ("Agreement Name", None, pick(["Managed Network", "Firewall Care", "Server Support"])),
        ("Agreement Type", "service_level", pick(["Managed Services", "Break Fix", "Block Time"])),
        ("Company", "customer_name", companies()),
        ("Company ID", "customer_account", ids("CMP", 4)),
        ("Start Date", "service_start", dates("%m/%d/%Y", "2025-01-01")),
        ("End Date", "service_end", dates("%m/%d/%Y", "2025-01-01", offset=365)),
        ("Billing Amount", "amount", money("plain", 500, 9000)),
        ("Contact", "contact_name", people()),
        ("Agreement Status", "status", pick(["Active", "Active", "Cancelled"])),
        ("Cancelled Flag", None, pick(["False", "True"])),
    ],
)
INGRAM_POS = Layout(
    "ingram_pos", "distributor", "xlsx", style="distributor POS (Ingram-style) with title block",
    title=[["Ingram Micro Inc. - Point of Sale Report"], ["Vendor: Cisco Systems   Period: FY25 Q3"],
           [None], [None]],
    columns=[
        ("Invoice Dt", "invoice_date", dates(None, "2025-04-01")),
        ("Invoice #", "invoice_number", ids("", 9)),
        ("Reseller Nm", "reseller_name", resellers()),
        ("Reseller #", "reseller_account", ids("", 8, pool=5)),
        ("End User Nm", "customer_name", companies(upper=True)),
        ("EU Addr", "customer_address", lambda rng, n: [f"{rng.integers(1, 999)} Main St" for _ in range(n)]),
        ("EU City", "customer_city", cities()),
        ("EU St", "customer_state", pick(["MA", "TX", "CO", "WA", "IL"])),
        ("EU Zip", "customer_postal_code", zips()),
        ("VPN", "sku", skus()),
        ("IM SKU", None, ids("", 7, pool=12)),
        ("Serial Nbr", "serial_numbers", serials()),
        ("Ship Qty", "quantity", quantities()),
        ("Unit Price", "unit_price", money("float")),
        ("Ext Price", "amount", money("float")),
    ],
)
FRENCH_POS = Layout(
    "french_pos", "distributor", "csv", style="French distributor report", delimiter=";",
    encoding="cp1252",
    columns=[
        ("Date de facture", "invoice_date", dates("%d/%m/%Y", "2025-05-01")),
        ("N° de facture", "invoice_number", ids("FA", 6)),
        ("Revendeur", "reseller_name", resellers("fr")),
        ("Code revendeur", "reseller_account", ids("REV", 4, pool=5)),
        ("Client final", "customer_name", companies("fr")),
        ("Ville", "customer_city", cities("fr")),
        ("Code postal", "customer_postal_code", zips()),
        ("Pays", "customer_country", const("France")),
        ("Référence article", "sku", skus()),
        ("Désignation", "description", descriptions()),
        ("Numéro de série", "serial_numbers", serials()),
        ("Quantité", "quantity", quantities()),
        ("Prix unitaire HT", "unit_price", money("comma")),
        ("Montant HT", "amount", money("comma")),
        ("Devise", "currency", const("EUR")),
        ("N° de contrat", "contract_number", ids("CT", 6)),
        ("Date de début", "service_start", dates("%d/%m/%Y", "2025-05-01")),
        ("Date de fin", "service_end", dates("%d/%m/%Y", "2025-05-01", offset=365)),
    ],
)
REP_TRACKER = Layout(
    "rep_tracker", "sales_rep", "xlsx", style="sales rep tracker with duplicated and blank headers",
    title=[["My renewals 2026"], [None]],
    columns=[
        ("Account", "customer_name", companies()),
        ("Account", "customer_account", ids("A-", 5)),
        (None, "serial_numbers", serials()),
        ("Model", "sku", skus()),
        ("Coverage", "service_level", text(["8x5xNBD", "24x7x4", "Premium"])),
        ("Exp.", "service_end", dates(None, "2026-01-01")),
        ("Value", "amount", money("float", 300, 8000)),
        ("Notes", "notes", text(["call first", "quote sent", "", "waiting on PO"])),
        (None, None, const(None)),
        ("Renewal Quarter", None, pick(["Q1", "Q2", "Q3", "Q4"])),
    ],
)
NETSUITE_INVOICES = Layout(
    "netsuite_invoices", "accounting", "csv", style="ERP (NetSuite saved search)",
    columns=[
        ("Document Number", "invoice_number", ids("INV", 5)),
        ("Date", "invoice_date", dates("%m/%d/%Y", "2025-06-01")),
        ("Name", "bill_to_name", companies()),
        ("Item", "sku", skus()),
        ("Description", "description", descriptions()),
        ("Quantity", "quantity", quantities()),
        ("Rate", "unit_price", money()),
        ("Amount", "amount", money()),
        ("Currency", "currency", const("USD")),
        ("Serial/Lot Numbers", "serial_numbers", serials()),
        ("Sales Rep", "rep", people()),
        # NetSuite's class here holds hardware / services: what `category` means
        ("Class", "category", pick(["Hardware", "Services"])),
        ("Department", None, pick(["Sales", "Support"])),
    ],
)

LAYOUTS = [SAP_BILLING, CAMEL_POS, GERMAN_INVOICES, CONNECTWISE_AGREEMENTS, INGRAM_POS,
           FRENCH_POS, REP_TRACKER, NETSUITE_INVOICES]
