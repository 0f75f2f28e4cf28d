"""Header corpus, second half: written after tuning on the first half and measured before any fix."""

from __future__ import annotations

from tests.sources.corpus import (
    Layout,
    cities,
    companies,
    const,
    dates,
    descriptions,
    ids,
    money,
    people,
    pick,
    quantities,
    reps,
    resellers,
    serials,
    skus,
    text,
    zips,
)

TD_SYNNEX_POS = Layout(
    "synnex_pos", "distributor", "csv", style="distributor POS (TD Synnex-style), snake_case",
    columns=[
        ("invoice_dt", "invoice_date", dates("%m/%d/%Y", "2025-07-01")),
        ("invoice_no", "invoice_number", ids("", 8)),
        ("reseller_nm", "reseller_name", resellers()),
        ("reseller_acct_no", "reseller_account", ids("", 6, pool=5)),
        ("end_user_nm", "customer_name", companies()),
        ("end_user_addr1", "customer_address", lambda rng, n: [f"{rng.integers(10, 9999)} Oak Ave" for _ in range(n)]),
        ("end_user_city", "customer_city", cities()),
        ("end_user_st", "customer_state", pick(["NY", "NJ", "FL", "GA", "CA"])),
        ("end_user_zip_cd", "customer_postal_code", zips()),
        ("mfg_part_no", "sku", skus()),
        ("item_desc", "description", descriptions()),
        ("serial_no", "serial_numbers", serials()),
        ("qty", "quantity", quantities()),
        ("unit_sell_prc", "unit_price", money()),
        ("ext_sell_amt", "amount", money()),
        ("synnex_sku", None, ids("", 7, pool=12)),
    ],
)
ARROW_POS = Layout(
    "arrow_pos", "distributor", "xlsx", style="distributor POS (Arrow-style) with extra columns",
    columns=[
        ("Ship Date", "invoice_date", dates(None, "2025-08-01")),
        ("Arrow Invoice", "invoice_number", ids("AR", 8)),
        ("Customer Name", "reseller_name", resellers()),
        ("Customer #", "reseller_account", ids("", 6, pool=5)),
        ("End Customer", "customer_name", companies()),
        ("End Customer Country", "customer_country", pick(["United States", "Canada"])),
        ("Manufacturer Part #", "sku", skus()),
        ("Part Description", "description", descriptions()),
        ("Serial #'s", "serial_numbers", serials(multi=0.3)),
        ("Units", "quantity", quantities()),
        ("Resale Price", "unit_price", money("float")),
        ("Extended Resale", "amount", money("float")),
        ("Region", None, pick(["NA East", "NA West"])),
        ("Branch", None, pick(["012", "044"])),
        ("PO Number", None, ids("PO", 6)),
    ],
)
AUTOTASK_CONTRACTS = Layout(
    "autotask_contracts", "crm_contracts", "csv", style="PSA (Autotask contracts export)",
    columns=[
        ("Contract Number", "contract_number", ids("AT", 5)),
        ("Contract Name", None, pick(["Managed Backup", "Endpoint Care", "Network Support"])),
        ("Account Name", "customer_name", companies()),
        ("Contract Category", None, pick(["Standard", "Premium", "Enterprise"])),
        ("Start Date", "service_start", dates("%m/%d/%Y", "2025-02-01")),
        ("End Date", "service_end", dates("%m/%d/%Y", "2025-02-01", offset=365)),
        ("Contract Value", "amount", money("dollar", 1000, 30000)),
        ("Status", "status", pick(["Active", "Inactive"])),
        ("Contact Name", "contact_name", people()),
        ("Contact Email", "contact_email", lambda rng, n: [f"contact{i}@example.com" for i in range(n)]),
        ("Primary Resource", None, reps()),  # Autotask's primary resource is the technician
        ("Service Level Agreement", "service_level", pick(["Gold SLA", "Silver SLA"])),
    ],
)
DYNAMICS_ACCOUNTS = Layout(
    "dynamics_accounts", "crm_accounts", "csv", style="CRM (Dynamics 365 account export, schema names)",
    columns=[
        ("accountnumber", "customer_account", ids("ACC-", 5)),
        ("name", "customer_name", companies()),
        ("address1_line1", "customer_address", lambda rng, n: [f"{rng.integers(1, 500)} Elm Street" for _ in range(n)]),
        ("address1_city", "customer_city", cities()),
        ("address1_stateorprovince", "customer_state", pick(["MA", "TX", "WA"])),
        ("address1_postalcode", "customer_postal_code", zips()),
        ("address1_country", "customer_country", const("USA")),
        ("websiteurl", "customer_domain", lambda rng, n: [f"www.company{i}.com" for i in range(n)]),
        ("telephone1", "customer_phone", lambda rng, n: [f"+1 617 555 {rng.integers(1000, 9999)}" for _ in range(n)]),
        ("emailaddress1", "customer_email", lambda rng, n: [f"info@company{i}.com" for i in range(n)]),
        ("ownerid", "rep", reps()),
        ("parentaccountid", "parent_account", pick(["", "", "Globex Holdings Inc"])),
        ("customertypecode", "account_type", pick(["Customer", "Prospect", "Partner"])),
        ("statecode", "status", pick(["Active", "Inactive"])),  # Dynamics' record status
    ],
)
SPANISH_POS = Layout(
    "spanish_pos", "distributor", "csv", style="Spanish distributor report", delimiter=";",
    encoding="cp1252",
    columns=[
        ("Fecha factura", "invoice_date", dates("%d/%m/%Y", "2025-09-01")),
        ("Nº factura", "invoice_number", ids("F-", 6)),
        ("Distribuidor / Revendedor", "reseller_name", resellers("es")),
        ("Cliente final", "customer_name", companies("es")),
        ("Población", "customer_city", cities("es")),
        ("Código postal", "customer_postal_code", zips()),
        ("Referencia", "sku", skus()),
        ("Descripción", "description", descriptions()),
        ("Nº de serie", "serial_numbers", serials()),
        ("Cantidad", "quantity", quantities()),
        ("Precio unitario", "unit_price", money("comma")),
        ("Importe", "amount", money("comma")),
        ("Moneda", "currency", const("EUR")),
        ("Fecha inicio", "service_start", dates("%d/%m/%Y", "2025-09-01")),
        ("Fecha vencimiento", "service_end", dates("%d/%m/%Y", "2025-09-01", offset=365)),
    ],
)
DUTCH_INVOICES = Layout(
    "dutch_invoices", "accounting", "xlsx", style="Dutch accounting export under a title block",
    title=[["Verkoopfacturen 2025"], ["Bedrijf: Jansen ICT B.V."], [None], [None]],
    columns=[
        ("Factuurnummer", "invoice_number", ids("2025-", 5)),
        ("Factuurdatum", "invoice_date", dates(None, "2025-03-01")),
        ("Debiteurnummer", "bill_to_account", ids("", 5, pool=8)),
        ("Klantnaam", "bill_to_name", companies("nl")),
        ("Artikelcode", "sku", skus()),
        ("Omschrijving", "description", descriptions()),
        ("Serienummer", "serial_numbers", serials()),
        ("Aantal", "quantity", quantities()),
        ("Stukprijs", "unit_price", money("float")),
        ("Bedrag excl. BTW", "amount", money("float")),
        ("Contractnummer", "contract_number", ids("C", 6)),
        ("Ingangsdatum", "service_start", dates(None, "2025-03-01")),
        ("Einddatum", "service_end", dates(None, "2025-03-01", offset=365)),
        ("Kostenplaats", None, pick(["100", "200"])),
    ],
)
VENDOR_PRICE_LIST = Layout(
    "vendor_prices", "price_list", "xlsx", style="vendor price list with a logo block",
    title=[["ACME NETWORKS GLOBAL PRICE LIST"], ["Effective 1 January 2026"], [None], ["USD"]],
    columns=[
        ("Product ID", "sku", lambda rng, n: [f"ACM-{i:04d}-X" for i in range(n)]),
        ("Product Name", "description", descriptions()),
        ("Product Family", "category", pick(["Switching", "Security", "Services"])),
        ("Global List Price (USD)", "list_price", money("float", 100, 50000)),
        ("Discount Category", None, pick(["A", "B", "C"])),
        ("Lead Time (days)", None, pick([5, 10, 30])),
        ("EOL Date", None, pick(["", "2027-01-31"])),
    ],
)
CAMEL_TRACKER = Layout(
    "camel_tracker", "sales_rep", "csv", style="rep tracker exported from a tool, CamelCase",
    columns=[
        ("CustomerName", "customer_name", companies(upper=True)),
        ("CustID", "customer_account", ids("C", 5)),
        ("AssetSerial", "serial_numbers", serials()),
        ("ProductSKU", "sku", skus()),
        ("SupportLevel", "service_level", text(["8x5xNBD", "24x7x4", "Premium"])),
        ("CoverageStart", "service_start", dates("%Y-%m-%d", "2025-04-01")),
        ("CoverageEnd", "service_end", dates("%Y-%m-%d", "2025-04-01", offset=365)),
        ("RenewalAmt", "amount", money()),
        ("ResellerName", "reseller_name", resellers()),
        ("LastContacted", None, dates("%Y-%m-%d", "2025-10-01")),
        ("Comments", "notes", text(["sent quote", "", "follow up in May"])),
    ],
)

LAYOUTS = [TD_SYNNEX_POS, ARROW_POS, AUTOTASK_CONTRACTS, DYNAMICS_ACCOUNTS, SPANISH_POS,
           DUTCH_INVOICES, VENDOR_PRICE_LIST, CAMEL_TRACKER]
