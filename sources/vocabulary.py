"""The header vocabulary as data: which words name which canonical field, and the abbreviations.

A phrase may hold a `{role}` placeholder, expanded over that role's words: "{customer} city" is
"customer city", "end user city", "ship to city" ... Phrases are matched as sets of tokens after
`sources.header_words.header_tokens` (so "EndUserAcct" and "end_user_account" both read as
"end user account"); foreign words are translated to these English words first
(`sources.vocabulary_intl`). Every phrase is also a synonym as written ("qty", "ext price").
"""

from __future__ import annotations

from typing import Final

#: words naming the party a field belongs to
ROLES: Final[dict[str, tuple[str, ...]]] = {
    "customer": (
        "customer", "end user", "end customer", "client", "ship to", "ship to customer",
        "account", "company", "organisation", "organization", "eu", "end use", "installed at",
        "install at", "install site", "end client", "ultimate customer", "goods recipient", "licensee",
        "sell to", "sell to customer", "final customer", "final user", "lessee",
        # the word order of languages that put the adjective last ("Cliente Final", "Klient końcowy", "לקוח קצה")
        "customer final", "client final", "user final", "customer end", "user end",
    ),
    "reseller": (
        "reseller", "partner", "var", "dealer", "channel partner", "solution provider",
        "sold to", "sold to customer", "sold to reseller", "sales partner", "channel",
        "value added reseller", "distributor customer", "partner account", "reseller account",
    ),
    "bill_to": ("bill to", "billed to", "invoice to", "payer", "bill to customer", "billing party",
                "invoice recipient", "invoiced party", "lessor"),
    "contact": ("contact", "contact person", "customer contact", "end user contact",
                "technical contact", "primary contact", "main contact", "person"),
    "product": ("product", "item", "article", "material", "part", "model", "catalog"),
    "maker": ("manufacturer", "vendor", "oem", "supplier", "brand"),
    "service": ("service", "coverage", "contract", "support", "warranty", "term", "subscription",
                "maintenance", "agreement", "cover", "care pack", "license", "entitlement",
                "renewal"),
    "invoice": ("invoice", "billing document", "document", "bill", "billing", "transaction"),
    "partner": ("partner", "reseller", "member", "company"),
}

#: canonical field -> phrases naming it
FIELD_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "customer_name": (
        "{customer}", "{customer} name", "{customer} company", "{customer} company name",
        "company name", "account name", "organisation name", "organization name",
        "{customer} legal name", "debtor name",
        # whom the goods are delivered to (an invoice's "Leveransnamn", "Levering til", "Cliente Entrega",
        # "Destinazione merce", "納品先"): the end customer, as a ship-to is
        "delivery name", "deliver to", "delivery to", "delivered to", "delivery customer", "delivery recipient",
        "delivery company", "delivery company name", "delivery customer name", "goods destination",
        "destination customer", "destination name", "consignee", "consignee name",
    ),
    "customer_account": (
        "{customer} id", "{customer} number", "{customer} account", "{customer} account number",
        "{customer} account id", "{customer} code", "{customer} key", "{customer} reference",
        "crm account", "crm account id", "crm id", "{customer} identifier",
        # HubSpot's deal export: "Associated Company IDs (Primary)" beside "Associated Company (Primary)"
        "{customer} ids",
        # a debtor (German "Debitor", Dutch "Debiteur") is named by its account: whoever is invoiced
        "debtor", "debtor number", "debtor account", "debtor id", "debtor account number",
    ),
    "customer_address": (
        "{customer} address", "{customer} street", "address", "street", "street address",
        "address line 1", "address 1", "address line", "billing street", "billing address",
        "street and number", "street and house number",
    ),
    # Australia's and New Zealand's "Suburb" is the town a customer sits in
    "customer_city": ("{customer} city", "city", "town", "billing city", "locality", "city name", "suburb"),
    "customer_state": (
        "{customer} state", "{customer} province", "state", "province", "region",
        "state province", "billing state", "state code", "county", "billing province",
        "st",
    ),
    "customer_postal_code": (
        "{customer} postal code", "{customer} zip", "{customer} zip code", "{customer} postcode",
        "zip", "zip code", "zipcode", "postal code", "postcode", "post code", "postal",
        "billing zip", "billing postal code", "billing zip code", "billing code",
    ),
    "customer_country": (
        "{customer} country", "country", "country code", "billing country", "country region",
        "nation", "country name",
    ),
    "customer_domain": (
        "website", "web site", "domain", "url", "web", "homepage", "web address",
        "{customer} website", "{customer} domain", "{customer} url", "email domain",
    ),
    "customer_phone": (
        "{customer} phone", "{customer} telephone", "phone", "telephone", "phone number",
        "tel", "main phone", "business phone", "office phone", "phone 1",
    ),
    "customer_email": ("{customer} email", "email", "e mail", "email address",
                       "{customer} email address"),
    "contact_name": ("{contact}", "{contact} name", "contact full name", "{contact} full name"),
    "contact_email": ("{contact} email", "{contact} email address", "contact e mail"),
    "contact_phone": ("{contact} phone", "{contact} telephone", "{contact} phone number",
                      "{contact} mobile"),
    "reseller_name": ("{reseller}", "{reseller} name", "{reseller} company",
                      "{reseller} company name"),
    "reseller_account": (
        "{reseller} id", "{reseller} number", "{reseller} account", "{reseller} account number",
        "{reseller} code", "{reseller} account id", "{reseller} reference",
    ),
    "bill_to_name": ("{bill_to}", "{bill_to} name", "customer billed", "billing name",
                     "bill to company"),
    "bill_to_account": ("{bill_to} id", "{bill_to} number", "{bill_to} account",
                        "{bill_to} account number", "{bill_to} code", "billing account"),
    "sku": (
        "sku", "{product}", "{product} number", "{product} code", "{product} id", "{product} sku",
        "{maker} {product} number", "{maker} {product}", "{maker} sku", "{maker} {product} code",
        "{product} reference", "mpn", "model number", "catalog number", "catalogue number",
        "ordering code", "order code", "upc", "ean", "{maker} reference", "product key", "manufacturer code",
        "oem code",
        # the service sold, beside the covered hardware's number (Cisco's renewal export: "Service SKU")
        "{service} sku", "service part number", "support part number", "service product number", "service pid",
    ),
    "description": (
        "description", "{product} description", "{product} name", "{product} text",
        "short text", "{product} short text", "desc", "{product} desc", "{maker} description",
        "line description", "{product} designation", "designation", "{product} title",
        # Sage's invoice lines: "Details"; Odoo's: "Label"
        "details", "line details", "{product} details", "label", "line label",
    ),
    "serial_numbers": (
        "serial", "serials", "serial number", "serial numbers", "{product} serial",
        "{product} serial number", "asset serial", "device serial", "service tag",
        "serial no", "serial nos", "serial num", "imei", "sn", "device number",
    ),
    "quantity": (
        "quantity", "qty", "units", "count", "pcs", "pieces", "quantity shipped",
        "qty shipped", "ship quantity", "shipped quantity", "units sold", "number of units",
        "unit count", "volume", "quantity sold", "quantity invoiced", "seats",
    ),
    "unit_price": (
        "unit price", "price", "unit cost", "net price", "unit net price", "price each",
        "sell price", "unit sell", "selling price", "net unit price", "price per unit",
        "reseller price", "cost", "unit sell price", "sales price", "unit sales price",
        "buy price", "unit amount", "rate", "resale price", "unit resale", "resale",
        # a price per piece ("Preis/Stk.", "Preis pro Stück")
        "price pieces",
        # Zoho Books' invoice lines: "Item Price"
        "item price", "item rate", "item unit price",
    ),
    "amount": (
        "amount", "total", "line total", "extended price", "ext price", "extended amount",
        "net amount", "value", "contract value", "total amount", "invoice amount",
        "line amount", "revenue", "renewal value", "annual value", "sales amount",
        "net value", "extended cost", "total price", "sales", "net sales", "gross amount",
        "line value", "price total", "total value", "extended", "extended sales",
        "total net", "invoice total", "extended resale", "resale amount", "{service} value", "{service} amount",
        "{service} price", "annual contract value", "total contract value", "annual recurring revenue",
        "subtotal", "sub total", "line subtotal", "item total", "item amount", "line item total",
        "credit amount", "credit value", "refund amount", "credited amount",
        # a sell-through report's "Sell" ("Sell Ex GST") is the line's sell value
        "sell", "sell value", "sell amount", "extended sell", "total sell",
    ),
    "list_price": ("list price", "msrp", "list", "rrp", "price list", "gpl", "srp",
                   "retail price", "catalog price", "list unit price", "recommended retail price",
                   "suggested retail price", "global price list", "public price"),
    "currency": ("currency", "curr", "ccy", "currency code", "cur", "iso currency"),
    "contract_number": (
        "contract", "agreement", "subscription", "support contract", "service contract",
        "warranty contract", "maintenance contract", "support agreement", "{service} number", "{service} id",
        "{service} reference", "{service} code",
        "sc number", "contract ref", "contract no", "{service} identifier", "{service} agreement",
    ),
    "service_level": (
        "service level", "coverage", "support level", "sla", "service", "service type",
        "coverage level", "support type", "plan", "service plan", "{service} type",
        "{service} level", "{service} plan", "level of service", "support plan", "service offering",
        "{service} description", "service level agreement", "service level description", "{service} level description",
    ),
    "service_start": (
        "{service} start", "{service} start date", "start", "start date", "begin", "begin date",
        "{service} begin", "from", "valid from", "term start", "effective date", "effective",
        "{service} effective date", "commencement date", "from date", "date from",
        "{service} from", "period start", "period from", "period start date",
    ),
    "service_end": (
        "{service} end", "{service} end date", "end", "end date", "expiry", "expiry date",
        "expiration", "expiration date", "expires", "expire date", "renewal date", "valid to",
        "valid until", "to", "term end", "{service} expiry", "{service} expiration",
        "{service} expiration date", "{service} expiry date", "end of {service}",
        "renewal due", "to date", "date to", "{service} to", "{service} until",
        "{service} expires", "{service} until date", "valid until date", "paid until", "paid until date",
        "covered until", "good until", "period end", "period to", "period end date",
    ),
    "invoice_number": (
        "{invoice} number", "{invoice}", "{invoice} id", "{invoice} reference", "{invoice} no",
        "document number", "doc number",
    ),
    # what an accounting document is (invoice, credit note) or which side it books (debit / credit):
    # "Billing Type" (SAP FKART), "Soll/Haben-Kennzeichen" (DATEV), "D/C"
    "document_type": (
        "{invoice} type", "doc type", "{invoice} kind", "{invoice} category",
        "debit credit", "debit credit indicator", "debit credit code", "debit credit flag", "debit credit key",
        "credit debit", "credit debit indicator", "dc indicator", "dr cr", "dr cr indicator",
        "type de piece", "type piece", "type de mouvement",
    ),
    "invoice_date": (
        "{invoice} date", "date", "ship date", "order date", "sale date", "transaction date",
        "posting date", "document date", "shipped date", "shipment date", "sales date",
        "pos date", "delivery date", "sell date", "sold date", "reported date",
    ),
    "service_provider": (
        "service provider", "serviced by", "service partner", "service organisation",
        "service organization", "service org", "maintainer", "support provider", "delivered by",
        "service delivered by", "support partner", "service delivery partner",
    ),
    "partner_name": ("{partner}", "{partner} name", "{partner} company", "{partner} account name"),
    "partner_account": ("{partner} id", "{partner} number", "{partner} account",
                        "{partner} account number", "{partner} code"),
    "tier": ("tier", "partner tier", "level", "partner level", "program level", "program tier",
             "partner status", "partner type"),
    "certification": ("certification", "certifications", "specialisation", "specialization",
                      "competency", "accreditation", "certification level"),
    "certified_staff": ("certified staff", "certified engineers", "certified technicians",
                        "certified people", "number of certified", "certified headcount",
                        "certified employees"),
    "support_model": ("support model", "service model", "delivery model", "support delivery",
                      "renewal model", "support delivery model", "delivers support", "provides support",
                      "support delivered by partner", "support provided by partner",
                      "partner delivers support", "partner provides support"),
    # a partner program's margin on support is the partner's share of what support earns
    "split_percent": ("split", "split percent", "partner share", "partner percent", "share",
                      "revenue share", "share percent", "margin split", "partner split",
                      "support fee share", "margin", "partner margin", "{service} margin", "{service} share",
                      "partner {service} margin", "partner {service} share"),
    # the vendor's side of the split: never the partner's share (read as it, every split would flip)
    "vendor_split_percent": ("vendor share", "vendor percent", "vendor split", "vendor margin", "manufacturer share",
                             "manufacturer percent", "manufacturer split", "oem share", "oem split",
                             "vendor share percent", "vendor revenue share", "manufacturer margin"),
    "fixed_fee": ("fixed fee", "annual fee", "yearly fee", "flat fee", "program fee", "fee"),
    "valid_from": ("valid from", "start", "start date", "effective from", "effective date",
                   "from", "begin"),
    "valid_to": ("valid to", "valid until", "end", "end date", "expiry", "to", "until",
                 "expiry date", "expiration date"),
    "rep": (
        "rep", "sales rep", "owner", "account owner", "salesperson", "sales person",
        "account manager", "am", "channel rep", "opportunity owner", "sales representative",
        "salesman", "sales owner", "account executive", "ae", "territory manager",
        "sales manager", "rep name", "sales rep name", "representative", "sales employee",
        "assigned to", "assigned user", "assigned user name",
        "responsible", "owner full name", "account owner full name", "contract owner",
        "contract owner full name",
    ),
    "rep_account": ("owner id", "account owner id", "rep id", "sales rep id", "owner user id",
                    "user id", "opportunity owner id"),
    "status": ("status", "contract status", "state of contract", "renewal status",
               "{service} status", "active"),
    "notes": ("notes", "note", "comments", "comment", "remarks", "memo", "remark",
              "internal notes", "observations", "next step", "next steps"),
    "account_type": ("account type", "type", "customer type", "relationship", "record type",
                     "account category", "customer category", "customer group", "organization type",
                     "organisation type"),
    "parent_account": ("parent account", "parent", "parent account id", "parent id",
                       "parent company", "ultimate parent", "parent account name",
                       "parent customer", "member of", "part of", "subsidiary of"),
    "category": ("category", "product category", "product type", "family", "product family",
                 "product line", "item type", "item category", "product group",
                 "material group", "item group", "product class"),
}

#: headers whose meaning is in how they are written, not in their words: matched whole (as
#: `sources.headers.normalise_header` writes them), never as a set of words. An ERP export joining a
#: document to its lines marks the line's fields "(Line)": the line's own number is the item it sells
#: (Dynamics' "No. (Line)"), while "Line No." is the line's position
WHOLE_HEADERS: Final[dict[str, str]] = {
    "no line": "sku", "number line": "sku", "no zeile": "sku", "n ligne": "sku",
    # debit / credit written as a letter pair (an accounting file's "D/C", "Dr/Cr")
    "d c": "document_type", "dr cr": "document_type", "c d": "document_type", "cr dr": "document_type",
    # DATEV's amount "without the debit/credit indicator" is the amount, never the indicator beside it
    "umsatz ohne soll haben kz": "amount",
    # a bare "Netto" ("Neto") is the line's net amount
    "netto": "amount", "neto": "amount",
    # Czech "valid until" / "valid from" ("do" and "od" are stop words of other languages)
    "platnost do": "service_end", "platnost od": "service_start",
    # QuickBooks' "Product/Service": the item sold, one concept, never a path to a service
    "product service": "sku", "products services": "sku", "product or service": "sku",
    # Tally's and Sage's stock item / code: the item sold ("stock" alone is another concept)
    "stock item": "sku", "stock code": "sku", "stock item name": "sku", "stock number": "sku",
    "inventory item code": "sku", "inventory item": "sku", "inventory code": "sku",
    # a German distributor's "VK-Wert" / "VK-Summe": the selling value of the line, no unit price
    "vk wert": "amount", "vk summe": "amount", "vk gesamt": "amount", "vk betrag": "amount",
}

#: kind -> field -> (the fields these phrases usually name, phrases naming this field in that kind
#: of file): a distributor's "Customer" is the reseller it sold to, an invoice's "Customer" is
#: the bill-to. In such a file the kind's reading wins over the usual one.
KIND_PHRASES: Final[dict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]]] = {
    "distributor": {
        # the debtor a distributor invoices (German "Debitor") is the reseller, as its "Kunde" is; so are
        # the party it bills ("Bill To Name", TD SYNNEX) and its ERP's sell-to customer (Dynamics'
        # "Sell-to Customer Name"); the end user has its own column
        "reseller_name": (("customer_name", "bill_to_name"), (
            "customer", "customer name", "client", "client name", "sold to customer", "debtor name",
            "bill to", "bill to name", "bill to customer", "bill to customer name", "billed to",
            "sell to customer", "sell to customer name")),
        "reseller_account": (("customer_account", "bill_to_account"), (
            "customer number", "customer id", "customer account", "customer code",
            "customer account number", "client number", "client id",
            # a bare account number of the distributor's own books is its customer's: the reseller ("Account No")
            "account number", "account id", "account code",
            "debtor", "debtor number", "debtor account", "debtor id", "debtor account number",
            "bill to number", "bill to id", "bill to account", "bill to customer number",
            "sell to customer number", "sell to customer id")),
    },
    "crm_contracts": {
        # a contract export's bare "Type" is the contract's (SugarCRM: "Next Business Day"), no account type;
        # its "Contract Type" names the service level less surely (KIND_WEAKER_PHRASES)
        "service_level": (("account_type",), ("type",)),
    },
    "crm_accounts": {
        "customer_name": (("customer_name",), ("name", "full name")),
        # Pipedrive's organisation "Label" (Customer / Reseller / Leasing) is the account's type, and so is an
        # account's "Category" (SuperOffice's "Kategori", Raynet's "Kategória"): a product's category
        # (hardware / software / service) has no place in an account export
        "account_type": (("description", "category"), (
            "label", "organization label", "organisation label", "category", "customer category",
            "account category", "company category")),
    },
    "sales_rep": {"customer_name": (("customer_name",), ("name",))},
    # a price list's only price is its list price ("Price", "Preis (EUR)", "Unit Price"); a column
    # naming the list price outright ("List Price" beside "Your Price") still wins the assignment
    "price_list": {"list_price": (("unit_price", "amount"), (
        "price", "unit price", "price per unit", "sales price", "selling price", "standard price"))},
    "accounting": {
        # SAP's "Sold-To Party" on an invoice is who is invoiced, no reseller
        "bill_to_name": (("customer_name", "reseller_name", "partner_name"), (
            "customer", "customer name", "client", "client name", "account", "account name",
            "company", "company name", "name", "sold to", "sold to name",
            # Odoo's invoice export names whom it invoices "Partner"
            "partner", "partner name",
            # the contact an invoice is made out to (Xero's "ContactName") is who is invoiced, and so is its
            # recipient (an NF-e's "Destinatário")
            "contact", "contact name", "debtor name", "recipient", "recipient name")),
        "bill_to_account": (("customer_account", "reseller_name", "reseller_account"), (
            "customer number", "customer id", "customer account", "customer code", "account number",
            "account id", "client number", "client id", "customer account number",
            "sold to", "sold to number", "sold to id",
            "debtor", "debtor number", "debtor account", "debtor id", "debtor account number",
            # Sage's "A/C": the account invoiced (its content tells a code from a name)
            "account",
            # the partner an invoice is made out to (SAGA's "Cod partener"), as "Partner" names it
            "partner code", "code partner", "partner number", "partner id", "partner account")),
        # an invoice export's bare "Ref" / "Reference" is the invoice's own number (Sage 50)
        "invoice_number": ((), ("reference", "invoice reference",
                                # a bare "Number" / "Num" / "No." of an invoice export is the document's (Odoo,
                                # QuickBooks), no account
                                "number", "num", "no", "document number", "doc number", "doc no")),
        # an invoice export's bare "Type" is the document's (Xero "Sales invoice" / "Sales credit note",
        # Sage "SI" / "SC"), never the customer's account type
        # and so is an NF-e's "Natureza da Operação" (a sale, a return: "Devolução de venda" is a credit)
        "document_type": (("account_type",), ("type", "kind", "transaction type", "entry type",
                                              "nature of operation", "operation nature", "nature operation")),
    },
}
KIND_PHRASE_WEIGHT: Final = 0.97
#: kind -> field -> phrases naming that field less surely in that kind of file: a distributor's "Ship To"
#: is the end user when the goods were drop-shipped, else the reseller's own site, so a column naming
#: the end user outright ("End User Company") wins over it, and it still names the end user alone
KIND_WEAKER_PHRASES: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    # a contract's "Contract Type" (GLPI's "Type de contrat": hardware maintenance) beside its "Service Level"
    "crm_contracts": {"service_level": ("contract type",)},
    # an accounting book's voucher ("Số chứng từ", "Belegnummer") beside the invoice's own number ("Số hóa đơn")
    "accounting": {"invoice_number": ("document number", "doc number", "doc no", "voucher number")},
    "distributor": {"customer_name": ("ship to", "ship to name", "ship to customer", "ship to company",
                                      "ship to customer name", "ship to company name", "delivery name",
                                      "deliver to", "delivery to", "delivered to", "delivery customer",
                                      "delivery recipient", "consignee", "consignee name"),
                    # and so is the ship-to's place: the reseller's staging site, where a column names the end
                    # user's own ("End User City" beside "Ship To City", TD SYNNEX)
                    **{fld: tuple(f"{party} {part}" for party in ("ship to", "delivery", "deliver to", "consignee")
                                  for part in parts)
                       for fld, parts in (("customer_city", ("city", "town")),
                                          ("customer_state", ("state", "province", "region")),
                                          ("customer_postal_code", ("postal code", "zip", "zip code", "postcode")),
                                          ("customer_address", ("address", "street", "address line 1")),
                                          ("customer_country", ("country",)))}},
}
KIND_WEAKER: Final = 0.9
#: a contract's yearly charge ("Éves díj", "Annual Fee", "Maintenance Fee") is its amount in a file of contracts or
#: lines; in a partner programme the same words are the partner's fixed fee (no phrase of `FIELD_PHRASES["amount"]`)
_FEE_PHRASES: Final = ("annual fee", "yearly fee", "{service} fee", "renewal fee")
for _kind in ("crm_contracts", "sales_rep", "accounting", "distributor"):
    _table = KIND_PHRASES.setdefault(_kind, {})
    _shadowed, _phrases = _table.get("amount", ((), ()))
    _table["amount"] = (_shadowed, (*_phrases, *_FEE_PHRASES))
#: kind -> whole headers, as `sources.headers.normalise_header` writes them (accents kept), naming a field only in
#: that kind of file: a distributor's or a price list's bare French "Référence", Spanish "Referencia" or "Código" is
#: the product's (the English "Reference" and "Code" name nothing on their own)
_PRODUCT_REFERENCES: Final[dict[str, str]] = {
    "référence": "sku", "réf": "sku", "referencia": "sku", "referência": "sku", "código": "sku", "codigo": "sku",
    "codice": "sku",
}
#: a Latin American invoice's series and number ("Serie-Número": SUNAT's "F001-00003312", CFDI's serie and folio)
#: is the invoice's id; the serial number is "Número de serie" / "N° de serie"
_SERIES_AND_NUMBER: Final[dict[str, str]] = {
    f"{first}{serie} {joint}{number}": "invoice_number"
    for first in ("", "nro ", "no ", "n ") for serie in ("serie", "série") for joint in ("", "y ", "e ")
    for number in ("número", "numero", "nro", "no", "folio", "correlativo")
}
KIND_WHOLE_HEADERS: Final[dict[str, dict[str, str]]] = {
    "distributor": _PRODUCT_REFERENCES, "price_list": _PRODUCT_REFERENCES, "accounting": _SERIES_AND_NUMBER,
}
#: the kinds whose whole headers above name their field alone: an accounting book's "Serie-Número" is no serial
KIND_WHOLE_HEADERS_ONLY: Final = frozenset({"accounting"})

#: headers that name no field, whatever their words share with a phrase: a unit of measure ("Sales
#: Unit" holds "EA", "PC"; no unit price)
NO_FIELD_PHRASES: Final[tuple[str, ...]] = (
    "sales unit", "base unit", "order unit", "unit of measure", "uom", "unit of measure code", "unit of sale",
    "sales unit of measure", "billing unit",
    # a tax and its amount (German "MwSt.", "USt", "Steuerbetrag"): no line amount, no state
    "vat", "tax", "vat amount", "tax amount", "sales tax", "sales tax amount",
    "gst amount", "gst", "hst amount", "vat total", "tax total", "total vat", "total tax", "btw amount", "btw",
    # a rate that is no price: of exchange, of tax ("Exchange Rate" beside "Item Price" is no unit price)
    "exchange rate", "fx rate", "currency rate", "conversion rate", "tax rate", "vat rate", "gst rate",
    # a unit of measure written as its initials ("U.M.", Italian "unità di misura"; "UM" holds "NR", "PZ")
    "u m", "um",
    # how and when billing happens, no party ("Billing Preference": "Immediately", "Billing Cycle": "Monthly")
    "billing preference", "billing frequency", "billing cycle", "billing method", "billing schedule",
    "billing terms", "billing interval", "payment terms", "payment method", "payment schedule",
)
#: what a header may name that no field holds: a tax or company registration number, whoever's it is (Brazil's
#: CNPJ and CPF, Poland's NIP, Portugal's NIF, the Czech IČO, Italy's partita IVA, a VAT ID, German "USt-IdNr.":
#: "CNPJ Revenda" is the reseller's tax id, never the reseller), a cost centre ("Kostenstelle", "centre de coût").
#: A header naming one, otherwise only whose it is, a qualifier or "number" / "code", names no field, and its
#: column is never taken for a field on its content
NOT_A_FIELD: Final[tuple[str, ...]] = (
    "tax id", "vat id", "vat number", "tax number", "btw number", "btw id", "vat registration number",
    "tax registration number", "tax identification number", "vat registration",
    "cost center", "cost centre", "profit center", "profit centre", "centre de cout", "centre de couts",
    "centro de coste", "centro de costo", "centro di costo", "centro de custo",
)
#: phrases that name a field in files of a kind ("*": any) only where no header names it more fully: a CRM's
#: own record id (Zoho "Record Id", Salesforce "Id", Freshsales "Id") identifies the account, but an "ERP
#: Account ID" or a custom "Account Number" beside it is the account number other systems know
#: (`KIND_FALLBACK_WEIGHT`)
KIND_FALLBACK_PHRASES: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "crm_accounts": {"customer_account": ("id", "record id", "record number")},
    # in files of any kind ("*"): a deal's stage is its status where no "Contract Status" says it (Copper)
    "*": {"status": ("stage", "deal stage", "pipeline stage", "sales stage", "forecast category", "category"),
          # an order's number is the document's where no invoice number is written (a web shop's "Order": "#1001")
          "invoice_number": ("order", "order number", "order no", "order id", "sales order", "sales order number"),
          # an asset register's own label (ServiceNow's "Asset tag") beside the maker's "Serial number"
          "serial_numbers": ("asset tag", "asset tag number")},
}
KIND_FALLBACK_WEIGHT: Final = 0.85
#: a CRM record's own creation and change times
_RECORD_TIMES: Final = ("date entered", "date created", "created", "created date", "creation date", "created at",
                        "created on", "created time", "date modified", "modified", "modified date", "modified at",
                        "last modified", "last modified date", "updated at", "last updated", "modified time",
                        "date added", "added", "added on", "added date")
#: kind -> headers that name no field in that kind of file: an accounting export's "Account Code" is a
#: ledger (GL) account, never the customer's
KIND_NO_FIELD_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "accounting": ("account code", "gl account", "gl code", "ledger account", "nominal code",
                   "ledger code", "gl account code",
                   # a line's tax treatment (Xero's "TaxType": "20% (VAT on Income)"), no document type
                   "tax type", "vat type", "tax code", "vat code",
                   # an invoice's bare due or expiry date ("Date d'échéance", "Fecha de vencimiento", "Data di
                   # scadenza", "Vervaldatum", "Data de vencimento": the words a contract's end goes by too) is
                   # when payment falls due, never a service end; "Service End", "Licence Expiry" still are
                   "expiry", "expiry date", "due", "due date", "payment due", "payment due date"),
    # a bare "ID" of a contract export, a sell-through report or a tracker is the row's own record id
    # (SugarCRM's uuid, amoCRM's deal id), never a reseller's account; a CRM account export's is the account's;
    # a CRM record's own timestamps (SuiteCRM's "date_entered") date the record, not an invoice or a contract
    "crm_contracts": ("id", "record id", "uuid", "guid", "row id", *_RECORD_TIMES),
    # a company's own size (Salesforce's "AnnualRevenue", Freshsales' "Annual revenue") is no amount of a deal
    "crm_accounts": ("annual revenue", "revenue", "annual sales", "turnover", "annual turnover", "sales turnover",
                     "employees", "number of employees", *_RECORD_TIMES),
    "distributor": ("id", "record id", "uuid", "guid", "row id"),
    # a tracker's own bookkeeping ("Date added", "Tarehe ya Kuongezwa") dates its row, not a sale
    "sales_rep": ("id", "record id", "uuid", "guid", "row id", *_RECORD_TIMES),
}
#: headers naming a whole document's total, repeated on each of its lines: the amount only when no
#: line's own amount ("LineAmount", "Line Total", "Net Amount") is there
DOCUMENT_TOTAL_PHRASES: Final[tuple[str, ...]] = (
    "total", "invoice total", "grand total", "document total", "total amount", "invoice amount",
    "total invoice amount", "gross total",
)
#: an invoice line export's "Subtotal" ("Sous-total", Holded's, Odoo's, Zoho's) beside its "Total" is the line's
#: amount before tax: it names the amount as surely as "Net Amount" does, and a "Total" yields to it
DOCUMENT_TOTAL_WEIGHT: Final = 0.95
#: a money header saying its value includes the tax ("Belopp inkl. moms", "Inc-Tax Total", "Montant TTC", or
#: "gross": "Wartość brutto", "Importe bruto"): the
#: amount or unit price only when no net one is there (a header of the words of both - "incl./excl. VAT" - is
#: not one of them)
TAX_INCLUDED_WORDS: Final[frozenset[str]] = frozenset({"incl", "inc", "including", "ttc"})
TAX_EXCLUDED_WORDS: Final[frozenset[str]] = frozenset({"excl", "exc", "ex", "excluding", "net", "ht", "pretax"})
TAX_WORDS: Final[frozenset[str]] = frozenset({"vat", "tax", "gst", "hst", "pst", "iva", "btw", "ttc"})
TAX_INCLUDED_WEIGHT: Final = 0.95
#: headers naming a date that stands in for the invoice's (when the goods went out, the order came in): the
#: invoice date only when no invoice's own date is there ("Lieferdatum" never beats "Rechnungsdatum")
INVOICE_DATE_STAND_INS: Final[tuple[str, ...]] = (
    "delivery date", "ship date", "shipped date", "shipment date", "order date",
)
STAND_IN_WEIGHT: Final = 0.85
#: headers naming what the file's sender paid for a unit (German "EK", "Einkaufspreis": a distributor's own cost),
#: not what it sold the unit for ("VK"): a unit's price only when no selling price is there, and never surely
PURCHASE_PRICE_PHRASES: Final[tuple[str, ...]] = ("purchase price", "unit purchase price", "purchase")
PURCHASE_PRICE_WEIGHT: Final = 0.7
#: prefixes naming which address of a party a column holds (Xero's "POAddressLine1", "POCity": the
#: postal address): read as nothing before an address word, so "PO" is no purchase order there
ADDRESS_KINDS: Final[frozenset[str]] = frozenset({"po"})

#: abbreviation -> what it stands for (whole tokens, after case and punctuation are gone)
ABBREVIATIONS: Final[dict[str, str]] = {
    "acct": "account", "acc": "account", "accnt": "account", "acnt": "account",
    "addr": "address", "adr": "address", "amt": "amount", "amnt": "amount",
    "beg": "begin", "bgn": "begin", "bt": "bill to", "cat": "category", "ccy": "currency",
    "cert": "certification", "certs": "certification", "co": "company", "comp": "company",
    "cov": "coverage", "cntr": "contract", "cntrct": "contract", "ctr": "contract",
    "ctrct": "contract", "contr": "contract", "cust": "customer", "cstmr": "customer",
    "cus": "customer", "ctry": "country", "cntry": "country", "curr": "currency",
    "cur": "currency", "desc": "description", "descr": "description", "dscr": "description",
    "dist": "distributor", "distr": "distributor", "doc": "document", "dt": "date",
    "dte": "date", "fec": "date", "fech": "date", "fecha": "date", "fact": "invoice",
    "eff": "effective", "email": "email", "eml": "email", "enduser": "end user",
    "eu": "end user", "exp": "expiry", "expir": "expiry", "ext": "extended", "extd": "extended",
    "id": "id", "inv": "invoice", "invc": "invoice", "invoic": "invoice", "itm": "item",
    "lst": "list", "mat": "material", "matl": "material", "mfg": "manufacturer",
    "mfr": "manufacturer", "mfgr": "manufacturer", "manuf": "manufacturer", "mnfr": "manufacturer",
    "nbr": "number", "nos": "number", "nm": "name", "nme": "name", "no": "number", "num": "number",
    "nr": "number", "nro": "number", "nmbr": "number", "org": "organisation", "pn": "part number",
    "pno": "part number", "ph": "phone", "phn": "phone", "po": "purchase order",
    "prc": "price", "pr": "price", "resl": "reseller", "prod": "product", "prd": "product", "pt": "part",
    "ptnr": "partner",
    "prtnr": "partner", "pstl": "postal", "qty": "quantity", "qnty": "quantity",
    "qt": "quantity", "quant": "quantity", "ref": "reference", "rep": "rep",
    "resell": "reseller", "rslr": "reseller", "rsl": "reseller", "sls": "sales",
    "sn": "serial number", "sns": "serial number", "ser": "serial", "srl": "serial",
    "serno": "serial number", "sh": "ship", "shp": "ship", "shpd": "shipped", "shipd": "shipped",
    "st": "state", "strt": "start", "svc": "service", "svcs": "service", "serv": "service",
    "srv": "service", "srvc": "service", "tel": "telephone", "tot": "total", "ttl": "total",
    "typ": "type", "uom": "unit of measure", "url": "url", "val": "value", "vnd": "vendor",
    "vpn": "vendor part number", "vpn#": "vendor part number",
    "vndr": "vendor", "wty": "warranty", "wrnty": "warranty", "war": "warranty",
    "zip": "zip", "yr": "year", "lic": "license", "maint": "maintenance", "mgr": "manager",
    "sr": "sales rep", "slsrep": "sales rep", "terr": "territory", "ship2": "ship to",
    "bill2": "bill to", "sold2": "sold to", "eusr": "end user", "amt2": "amount",
    "xtnd": "extended", "extn": "extended", "subtot": "total", "uprice": "unit price",
    "lp": "list price", "pct": "percent", "perc": "percent",
    "cnt": "count", "stat": "status", "sts": "status", "cmt": "comment", "cmts": "comments",
    "rmk": "remark", "rmks": "remarks", "nt": "notes", "cpy": "company", "bp": "partner",
    "sp": "sold to", "dlr": "dealer", "ac": "account",
    # business acronyms, read as what they stand for (never guessed as another word: "ACV" is no "active")
    "acv": "annual contract value", "tcv": "total contract value", "arr": "annual recurring revenue",
    # India's AMC: an annual maintenance contract
    "amc": "maintenance contract",
}
#: business acronyms that name no field here, read as written and never guessed as a word ("MRR" is no
#: "manufacturer", "GP" no "group", "CSM" no "customer"); a monthly value has no field to feed
ACRONYMS: Final[frozenset[str]] = frozenset({
    "mrr", "cmrr", "gp", "gm", "csm", "tam", "kam", "sdr", "bdr", "eos", "eosl", "ytd", "mtd", "yoy", "kpi",
    "roi", "nps", "csat", "rma", "nda", "sow", "ltv", "cac", "arpu", "nrr", "grr", "cogs", "ebit", "mql",
    "sql", "poc", "rfp", "rfq", "gmv", "aov",
    # a fiscal year or quarter ("FY27 Total", "FY2026", "Q3"): no product family
    "fy", "cy", "qtd",
})
#: word pairs read as one word, so that neither word alone names what the pair does: "Paid Thru" is the
#: end of a paid term but "Paid Date" no end; "Billing Period To" is the period's end, "Fiscal Period" no date
UNITS: Final[tuple[str, ...]] = (
    "paid until", "covered until", "good until", "period start", "period from", "period end", "period to",
)
#: English words read as another vocabulary word ("Coverage Thru" is "coverage until")
SAME_AS: Final[dict[str, str]] = {"thru": "until", "through": "until", "till": "until", "catalogue": "catalog",
                                  "creation": "created"}

#: tokens that qualify a field without changing it ("Qty Shipped", "Net Amount (USD)")
MODIFIERS: Final[frozenset[str]] = frozenset({
    "net", "gross", "shipped", "sold", "invoiced", "ordered", "local", "lc", "dc",
    "current", "original", "actual", "new", "latest", "final", "primary", "main", "default",
    "excl", "incl", "including", "excluding", "vat", "tax", "pretax", "ht", "ttc", "btw",
    # "Sell Ex GST", "Total Inc GST" (Australia, New Zealand, Canada, India), "Importe sin IVA"
    "ex", "inc", "exc", "gst", "hst", "pst", "iva",
    "line", "each", "reported", "reporting", "official", "legal", "full", "total",
    "usd", "eur", "gbp", "chf", "cad", "aud", "jpy", "sek", "nok", "dkk", "pln", "czk", "inr",
    "mxn", "brl", "cny", "nzd", "sgd", "hkd", "zar", "document", "doc", "posted", "booked",
    "value", "1", "2", "a", "b", "in", "per", "ultimate", "billing", "all", "internal", "external",
})
#: words of other concepts: a header word the vocabulary does not know is usually a brand or a
#: system's name ("Arrow Invoice", "IM SKU") and costs little; these change what a header means
OTHER_CONCEPTS: Final[frozenset[str]] = frozenset([
    "discount", "margin", "markup", "rebate", "commission", "freight", "shipping", "tax", "weight", "lead", "eol",
    "eos", "eosl", "purchase", "branch", "plant", "warehouse", "department", "project", "center", "centre", "profit",
    "ledger", "gl", "batch", "lot", "stock", "inventory", "quarter", "year", "month", "week", "period", "fiscal",
    "flag", "cancelled", "canceled", "deleted", "created", "modified", "updated", "last", "next", "probability",
    "forecast", "opportunity", "promo", "promotion", "program", "deal", "bid", "quote", "claim", "backlog", "days",
    "hours", "time", "age", "aging", "monthly", "quarterly",
    "overdue", "paid", "payment", "payments", "balance", "due", "credit", "debit"
])
#: tokens that carry no meaning in a header
STOPWORDS: Final[frozenset[str]] = frozenset({
    "the", "of", "de", "d", "du", "des", "la", "le", "les", "l", "del", "el", "los", "las",
    "van", "het", "der", "die", "das", "den", "vom", "zum", "zur", "y", "et", "und",
    "di", "della", "dello", "dei", "delle", "da", "do", "dos", "w", "z", "i",
    "en", "or", "for", "on", "by", "party", "field", "fld", "column", "col", "s", "mm", "dd",
    "yyyy", "yy", "jjjj", "tt", "aaaa", "jj", "mm/dd/yyyy", "format", "optional", "required",
    "x",
    # Swahili's joining particles ("Jina la Mteja", "Kiasi cha Upyaji": sources.vocabulary_more)
    "ya", "wa", "za", "cha", "vya", "kwa",
})


def expand_phrases(field: str) -> tuple[str, ...]:
    """A field's phrases with every `{role}` replaced by each of the role's words, and its own name."""
    out: list[str] = []
    for template in (*FIELD_PHRASES[field], field.replace("_", " ")):
        variants = [template]
        for role, words in ROLES.items():
            token = "{" + role + "}"
            variants = [v.replace(token, w) for v in variants for w in words] if any(
                token in v for v in variants) else variants
        out += variants
    return tuple(dict.fromkeys(out))
