"""Headers of the sixth probe (ERP, CRM and partner-program exports), each written as a real csv/xlsx file in
tmp_path and read as the nightly run reads it: the column lands on the field a person would choose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sources.header_words import read_word
from sources.reader import FileOutcome
from tests.sources.hostile import csv_text, read, read_path, src, workbook

N = 6
CUSTOMERS = ["Harbour Logistics Ltd", "Kestrel Analytics Ltd", "Delta Legal Inc.", "Rockport Holdings Ltd"]


def _mapping(out: FileOutcome) -> dict[str, str]:
    """Header -> field of the file's last table."""
    assert out.status == "loaded", out.error
    return out.sheets[-1].mapping


def _day(i: int) -> str:
    return f"{dt.date(2024, 3, 1) + dt.timedelta(days=3 * i):%Y-%m-%d}"


def test_a_deal_name_is_a_title_never_a_dealer(tmp_path: Path) -> None:
    assert [w.text for w in read_word("deal")] == ["deal"]  # a whole word is not guessed as another
    header = ["Record ID", "Deal Name", "Amount", "Close Date", "Associated Company", "Contract Number",
              "Contract End Date"]
    rows = [[15582340011 + i, f"{CUSTOMERS[i % 4].split()[0]} - 24x7 servers renewal 2024", 1000.5 + i, _day(i),
             CUSTOMERS[i % 4], f"SC-{4671051 + i}", _day(i + 120)] for i in range(N)]
    got = _mapping(read(tmp_path, "deals.csv", csv_text(rows, header), src("crm_contracts")))
    assert "Deal Name" not in got and "reseller_name" not in got.values()


def test_a_xero_invoice_export_reads_contact_postal_address_and_line_amount(tmp_path: Path) -> None:
    header = ["*ContactName", "POAddressLine1", "POAddressLine2", "POCity", "POPostalCode", "POCountry",
              "*InvoiceNumber", "*InvoiceDate", "Total", "*ItemCode", "*Quantity", "*UnitAmount", "LineAmount",
              "*AccountCode"]
    rows = [[CUSTOMERS[i % 2], f"{12 + i} Dock Road", "", "Southampton", "SO14 3GG", "United Kingdom",
             f"INV-{42 + i // 2:04d}", _day(i // 2), 5318.33 + i // 2, f"CS-4HR-SW{i}", 1 + i % 3, 1000.25,
             1000.25 * (1 + i % 3), 200] for i in range(N)]
    got = _mapping(read(tmp_path, "acct_xero.csv", csv_text(rows, header), src("accounting")))
    assert got["*ContactName"] == "bill_to_name"
    assert got["POAddressLine1"] == "customer_address" and got["POCity"] == "customer_city"
    assert got["POPostalCode"] == "customer_postal_code" and got["POCountry"] == "customer_country"
    assert got["LineAmount"] == "amount" and "Total" not in got  # the invoice's total repeats on its lines
    assert "*AccountCode" not in got  # a ledger account, not the customer's
    assert (got["*InvoiceNumber"], got["*InvoiceDate"], got["*ItemCode"]) == ("invoice_number", "invoice_date", "sku")
    assert (got["*Quantity"], got["*UnitAmount"]) == ("quantity", "unit_price")


def test_sap_billing_labels_keep_the_sales_unit_out_of_the_price(tmp_path: Path) -> None:
    header = ["Billing Document", "Billing Date", "Sold-To Party", "Name of sold-to party", "Material",
              "Billed Quantity", "Sales Unit", "Net Value"]
    rows = [[90004711 + i, _day(i), 100045 + i % 2, CUSTOMERS[i % 2], f"CS-4HR-SW{i}", 2, ["EA", "PC"][i % 2],
             f"{3321.94 + i:,.2f}"] for i in range(N)]
    out = read(tmp_path, "sap.csv", csv_text(rows, header), src("accounting"))
    got = _mapping(out)
    assert "Sales Unit" not in got and out.rows_loaded == N
    assert got["Net Value"] == "amount" and got["Billing Document"] == "invoice_number"
    assert got["Billing Date"] == "invoice_date" and got["Material"] == "sku"
    assert got["Name of sold-to party"] == "bill_to_name" and got["Sold-To Party"] == "bill_to_account"


def test_a_crm_record_id_is_the_account_when_the_account_number_is_blank(tmp_path: Path) -> None:
    header = ["Record Id", "Account Name", "Account Number", "Billing Street", "Billing City", "Billing Code"]
    rows = [[f"zcrm_48768760000003450{i:02d}", CUSTOMERS[i % 4] + f" {i}", "", f"{120 + i} Main St", "Worcester",
             f"0{1613 + i}"] for i in range(N)]
    out = read(tmp_path, "zoho_accounts.csv", csv_text(rows, header), src("crm_accounts"))
    got = _mapping(out)
    assert got["Record Id"] == "customer_account" and got["Billing Code"] == "customer_postal_code"
    assert out.rows_loaded == N


def test_a_salesforce_id_is_the_account_when_account_number_is_mostly_blank(tmp_path: Path) -> None:
    header = ["ID", "NAME", "ACCOUNTNUMBER", "BILLINGCITY"]
    rows = [[f"0015e000003XyZ{i}AAC", CUSTOMERS[i % 4] + f" {i}", "CUST-0077" if i == 0 else "", "Worcester"]
            for i in range(N)]
    out = read(tmp_path, "sf_accounts.csv", csv_text(rows, header), src("crm_accounts"))
    assert _mapping(out)["ID"] == "customer_account" and out.rows_loaded == N


def test_a_parenthesised_qualifier_after_a_field_does_not_hide_it(tmp_path: Path) -> None:
    header = ["Contract ID", "Customer", "Contract End Date", "Service Level (Contract Template) (Contract Template)",
              "Email (Primary Contact) (Contact)"]
    rows = [[f"CNR-0100{i}-X2Y3Z4", CUSTOMERS[i % 4], dt.datetime(2025, 2, 1 + i), ["4HR Onsite", "NBD"][i % 2],
             f"p{i}@example.com"] for i in range(N)]
    got = _mapping(read_path(workbook(tmp_path / "dyn.xlsx", rows, header, "Active Contracts"), src("crm_contracts")))
    assert got["Service Level (Contract Template) (Contract Template)"] == "service_level"
    assert got["Email (Primary Contact) (Contact)"] == "contact_email"  # a party in the qualifier still counts


def test_a_sage_day_book_reads_ref_as_the_invoice_number(tmp_path: Path) -> None:
    header = ["Tran No.", "Type", "Date", "A/C Ref", "Account Name", "N/C", "Ref", "Details", "Net Amount"]
    rows = [[1201 + i, "SI", f"0{1 + i}/03/2024", "HARBOU01", CUSTOMERS[i % 2], 4000, f"INV-{42 + i // 2:04d}",
             "Support 4h switches", 3321.94 + i] for i in range(N)]
    got = _mapping(read(tmp_path, "sage.csv", csv_text(rows, header), src("accounting")))
    assert got["Ref"] == "invoice_number" and "Tran No." not in got


def test_partner_margin_on_support_is_the_partners_split(tmp_path: Path) -> None:
    header = ["Partner Company", "Partner Number", "Program Tier", "Partner Margin on Support", "Provides Support"]
    rows = [[CUSTOMERS[i % 4] + f" {i}", f"JNP-55{i:02d}", "Elite", 0.15, ["Yes", "No"][i % 2]] for i in range(N)]
    got = _mapping(read_path(workbook(tmp_path / "pp.xlsx", rows, header, "Partners"), src("partner_program")))
    assert got["Partner Margin on Support"] == "split_percent" and got["Provides Support"] == "support_model"


def test_german_partner_program_share_of_maintenance(tmp_path: Path) -> None:
    header = ["Partnername", "Partnernummer", "Zertifizierung", "Erbringt Support", "Anteil Wartung"]
    rows = [[f"Müller IT-Systemhaus {i} GmbH", f"DE-44{i:02d}", "Zertifizierter Techniker", ["Ja", "Nein"][i % 2],
             "15,0 %"] for i in range(N)]
    text = csv_text(rows, header).replace(",", ";").replace("15;0", "15,0")
    got = _mapping(read(tmp_path, "pp_de.csv", text, src("partner_program")))
    assert got["Anteil Wartung"] == "split_percent" and got["Erbringt Support"] == "support_model"
    assert got["Zertifizierung"] == "certification"


def test_support_margin_and_support_delivered_by_partner(tmp_path: Path) -> None:
    header = ["Partner Name", "Support Margin", "Support Delivered By Partner"]
    rows = [[CUSTOMERS[i % 4] + f" {i}", f"{10 + i}%", ["Yes", "No"][i % 2]] for i in range(N)]
    got = _mapping(read(tmp_path, "pp.csv", csv_text(rows, header), src("partner_program")))
    assert got["Support Margin"] == "split_percent" and got["Support Delivered By Partner"] == "support_model"
