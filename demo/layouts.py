"""The file layouts of the demo sources: headers, format and the furniture around the data.

Row builders fill these headers and writers lay them out, so both read one definition.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    """How one source's files look."""

    name: str
    fmt: str  # "csv" or "xlsx"
    headers: tuple[str, ...]
    delimiter: str = ","
    encoding: str = "utf-8"
    title_rows: int = (
        0  # rows above the header (xlsx: a merged title, maybe a subtitle, a blank row)
    )
    total_label: str | None = None  # header of the column holding "Total" on the total row
    total_sum: str | None = None  # header of the column holding the sum on the total row
    spacers: bool = False  # blank rows between groups of data


WESTBRIDGE = Layout(
    "westbridge",
    "csv",
    (
        "Invoice Date",
        "Invoice No",
        "Reseller",
        "Reseller ID",
        "End User",
        "End User City",
        "End User State",
        "End User Zip",
        "Part Number",
        "Description",
        "Serial Number",
        "Qty",
        "Unit Price",
        "Ext Price",
        "Contract Number",
        "Service Start",
        "Service End",
    ),
)
EUROLINK = Layout(
    "eurolink",
    "csv",
    (
        "Invoice Date",
        "Invoice Number",
        "Sold To",
        "Sold To ID",
        "End Customer",
        "City",
        "Country",
        "Article No.",
        "Article Description",
        "Serial Numbers",
        "Quantity",
        "Net Price",
        "Net Amount",
        "Currency",
        "Contract No.",
        "Coverage Start",
        "Coverage End",
    ),
    delimiter=";",
    encoding="cp1252",
)
SUMMIT = Layout(
    "summit",
    "csv",
    (
        "Ship Date",
        "Invoice",
        "Partner Name",
        "Partner ID",
        "Ultimate Consignee",
        "City",
        "State",
        "Zip Code",
        "SKU",
        "Description",
        "S/N",
        "Units",
        "Unit Price",
        "Extended Amount",
        "Agreement Number",
        "Start Date",
        "End Date",
    ),
    delimiter="\t",
)
PACIFIC = Layout(
    "pacific",
    "xlsx",
    (
        "Invoice Date",
        "Invoice No.",
        "Reseller Name",
        "End Customer Name",
        "Ship To City",
        "State",
        "Product Code",
        "Product Description",
        "Serial Numbers",
        "Qty",
        "Unit Price",
        "Line Total",
        "Contract #",
        "Coverage Start",
        "Coverage End",
    ),
    title_rows=3,
    total_label="Invoice Date",
    total_sum="Line Total",
)
TRACKER = Layout(
    "tracker",
    "xlsx",
    (
        "Customer",
        "Contract #",
        "Serial #",
        "Product",
        "Expiry",
        "Renewal Value",
        "Contact",
        "Contact Phone",
        "Notes",
    ),
    title_rows=2,
    total_label="Expiry",
    total_sum="Renewal Value",
    spacers=True,
)
ACCOUNTING = Layout(
    "accounting",
    "csv",
    (
        "Invoice Number",
        "Invoice Date",
        "Bill To Account",
        "Bill To",
        "Ship To Name",
        "Item",
        "Description",
        "Serial No",
        "Contract Ref",
        "Service Start",
        "Service End",
        "Qty",
        "Unit Price",
        "Amount",
        "Currency",
    ),
)
CRM_ACCOUNTS = Layout(
    "crm_accounts",
    "csv",
    (
        "Account ID",
        "Account Name",
        "Type",
        "Billing Street",
        "Billing City",
        "Billing State",
        "Billing Zip",
        "Billing Country",
        "Website",
        "Phone",
        "Account Owner",
        "Account Owner ID",
        "Primary Contact",
        "Contact Email",
        "Contact Phone",
        "Parent Account",
    ),
)
CRM_CONTRACTS = Layout(
    "crm_contracts",
    "csv",
    (
        "Contract Number",
        "Account ID",
        "Account Name",
        "Service Level",
        "Start Date",
        "End Date",
        "Amount",
        "Currency",
        "Reseller",
        "Status",
        "Owner",
        "Serial Numbers",
        "Service Provider",
    ),
)
PARTNER_PROGRAM = Layout(
    "partner_program",
    "csv",
    ("Partner", "Partner ID", "Tier", "Certification", "Certified Staff", "Support Model", "Revenue Share",
     "Annual Fee", "Valid From", "Valid To"),
)
PRICE_LIST = Layout("price_list", "xlsx", ("SKU", "Description", "Category", "List Price"))

#: summit's consignee header is not a synonym: sources.yaml declares it under `columns:`
SUMMIT_COLUMNS = {"customer_name": "Ultimate Consignee"}
