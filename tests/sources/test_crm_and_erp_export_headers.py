"""Headers of CRM, ERP and distributor exports of other countries: a bare "ID" of a contract export is its
record's, a contract export's "Type" its service level, Pipedrive's "Label" the account type, a deal's stage
its status, Tally's "Stock Item" and "AMC No.", a German "VK-Wert", Turkish possessive headers; and a rep
sources.yaml names beats the first name a title line above a tracker's header states."""

from __future__ import annotations

from pathlib import Path

from sources.config import SourceConfig
from sources.reader import read_source_file
from tests.sources.reading import header_fields, read_as


def test_a_sugarcrm_contract_export(tmp_path: Path) -> None:
    path = tmp_path / "Contracts.csv"
    path.write_text(
        '"id","name","assigned_user_name","reference_code","account_name","start_date","end_date","type",'
        '"total_contract_value","reseller_c"\n'
        '"6ac59334-8765-62ad-00ba-88b67a802912","Pelhaven - NBD","Alice Moreno","SC-8986468","Pelhaven Engineering LLC",'
        '"2021-11-03","2024-11-02","Next Business Day","15365.20","Cloudpoint IT Solutions Inc."\n'
        '"e234ce03-ee0c-679b-1b62-8a80032f59dd","Dalton - NBD","Derek Hollis","SC-4926707","Dalton & Hayes Co.",'
        '"2021-11-09","2022-11-08","Next Business Day","1115.87","Halford Networks Inc"\n', encoding="utf-8")
    fields = header_fields(read_as(path, "crm_contracts"))
    assert "id" not in fields  # the record's uuid, no reseller account
    assert fields["assigned_user_name"] == "rep" and fields["type"] == "service_level"
    assert fields["reference_code"] == "contract_number" and fields["reseller_c"] == "reseller_name"


def test_a_russian_deal_stage_is_the_status(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    path.write_text("ID,Компания,Номер договора,Этап сделки,Дата окончания\n"
                    "21000000,Pelhaven Engineering LLC,SC-8986468,Renewed,02.11.2024\n"
                    "21000007,Dalton & Hayes Co.,SC-4926707,Renewed,08.11.2022\n", encoding="utf-8")
    fields = header_fields(read_as(path, "crm_contracts"))
    assert fields["Этап сделки"] == "status" and "ID" not in fields


def test_a_pipedrive_label_is_the_account_type(tmp_path: Path) -> None:
    path = tmp_path / "organizations.csv"
    path.write_text("Organization - ID,Organization - Name,Organization - Label\n"
                    "0015e00gJTZZo9s,Redwood Tools Inc.,Customer\n0015eI2GQ4iP4zn,Alridge Digital Inc,Reseller\n"
                    "0015e7xUtKBCzlx,Pacific Leasing Corp,Leasing\n", encoding="utf-8")
    assert header_fields(read_as(path, "crm_accounts"))["Organization - Label"] == "account_type"


def test_tally_and_a_german_distributor(tmp_path: Path) -> None:
    tally = tmp_path / "SalesRegister.csv"
    tally.write_text("Date,Particulars,Consignee (Ship to),Voucher No.,Stock Item,AMC No.,Quantity,Rate,Value\n"
                     '3-Jan-24,Cloudpoint IT,Pelhaven Engineering,INV-1,CS-NBD-SW,SC-8986468,1 Nos,"3,073.04/Nos",3073.04\n'
                     '5-Jan-24,Halford Networks,Dalton & Hayes,INV-2,CS-NBD-STO,SC-1792312,2 Nos,"1,157.13/Nos",2314.26\n',
                     encoding="utf-8")
    fields = header_fields(read_as(tally, "accounting"))
    assert fields["Stock Item"] == "sku" and fields["AMC No."] == "contract_number"
    suk = tmp_path / "suk.csv"
    suk.write_text("Belegdatum;Belegnummer;Kunde;Endkunde Firma;Hersteller-Art.-Nr.;Menge;VK-Preis;VK-Wert\n"
                   "09.11.2021;WB7000001;Kelstead Data;Jormere Communications;STO-ME5024;2;12.054,67;24.109,34\n"
                   "10.11.2021;WB7000002;Alridge Digital;Regent Biotech;CS-NBD-SW;1;1.072,20;1.072,20\n",
                   encoding="utf-8")
    fields = header_fields(read_as(suk, "distributor"))
    assert fields["VK-Wert"] == "amount" and fields["VK-Preis"] == "unit_price"


def test_turkish_possessive_headers(tmp_path: Path) -> None:
    path = tmp_path / "satis.csv"
    path.write_bytes(("Fatura Tarihi;Fatura No;Bayi Adı;Son Kullanıcı;Şehir;Üretici Parça No;Ürün Açıklaması;Miktar;"
                      "Tutar;Bitiş Tarihi\r\n"
                      "09.11.2021;WB7000001;Kelstead Data;Öztürk Makina A.Ş.;İstanbul;STO-ME5024;Depolama;1;12.054,67;"
                      "20.12.2022\r\n"
                      "10.11.2021;WB7000002;Alridge Digital;Güneş Lojistik Ltd. Şti.;Kocaeli;CS-NBD-SW;Destek;1;1.072,20;"
                      "09.11.2022\r\n").encode("cp1254"))
    fields = header_fields(read_as(path, "distributor"))
    assert fields["Üretici Parça No"] == "sku" and fields["Ürün Açıklaması"] == "description"
    assert fields["Şehir"] == "customer_city" and fields["Bitiş Tarihi"] == "service_end"
    assert fields["Bayi Adı"] == "reseller_name" and fields["Son Kullanıcı"] == "customer_name"


def test_the_rep_sources_yaml_names_wins_over_a_title_lines_first_name(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "alice.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Rep: Alice"])
    sheet.append(["Quota: 1,200,000"])
    sheet.append([])
    sheet.append(["Customer", "Contract", "Expiry", "Renewal Value"])
    sheet.append(["Kunde 1 Inc", "SC-101", "2026-12-31", 1000])
    sheet.append(["Kunde 2 Inc", "SC-102", "2027-01-31", 2000])
    book.save(path)
    configured = read_source_file(path, path.name, SourceConfig(name="t", kind="sales_rep", path="*.xlsx",
                                                                 rep="Alice Moreno"))
    assert set(configured.parts[0].frame()["rep"]) == {"Alice Moreno"}
    alone = read_source_file(path, path.name, SourceConfig(name="t", kind="sales_rep", path="*.xlsx"))
    assert set(alone.parts[0].frame()["rep"]) == {"Alice"}  # no rep configured: the title's is all there is


def test_a_blank_first_name_column_never_takes_the_required_bill_to(tmp_path: Path) -> None:
    """MYOB's item sales: "First Name" is blank for a company card, "Co./Last Name" holds the company. The blank
    column took the required bill-to, every row was quarantined ("required field 'bill_to_name' is empty") and
    the quarantine check stopped the night; a column blank on every row seen is never given a required field."""
    path = tmp_path / "ITEMSALE.TXT"
    names = ["Pelhaven Engineering Pty Ltd", "Dalton & Hayes", "Coastline Dental", "Brightwater Logistics",
             "Kestrel Mining Services", "Harbour Legal"]
    streets = ["12 George St", "4/88 Pitt St", "101 Collins St", "7 Eagle St", "55 Hay St", "9 King William St"]
    lines = ["Co./Last Name\tFirst Name\tAddr 1 - Line 1\tInvoice #\tDate\tItem Number\tQuantity\tEx-Tax Total\t"
             "GST Amount\tInc-Tax Total"]
    lines += [f"{name}\t\t{street}\tINV-{k:06d}\t{k:02d}/11/2025\tCS-NBD-{k}\t1\t$1,000.00\t$100.00\t$1,100.00"
              for k, (name, street) in enumerate(zip(names, streets, strict=True), start=13)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    out = read_as(path, "accounting")
    fields = header_fields(out)
    assert fields["Co./Last Name"] == "bill_to_name" and "First Name" not in fields
    assert out.rows_loaded == 6 and out.rows_quarantined == 0
    assert out.parts[0].frame()["bill_to_name"].tolist() == names


def test_a_crms_own_record_id_yields_to_the_account_number_other_systems_know(tmp_path: Path) -> None:
    """Freshsales' "Id" beat "ERP Account ID" (0.97 against 0.90): the CRM's internal id became every account's
    number and the ERP's was dropped. A bare record id is the account only where no header names it."""
    path = tmp_path / "accounts.csv"
    path.write_text("Id,Name,ERP Account ID,City\n" + "".join(
        f"{16000000 + k},{name},C-{1000 + k},Boston\n" for k, name in enumerate(
            ["Harbour Legal Inc", "Coastline Dental LLC", "Kestrel Mining Corp", "Brightwater Logistics"])),
        encoding="utf-8")
    fields = header_fields(read_as(path, "crm_accounts"))
    assert fields["ERP Account ID"] == "customer_account" and "Id" not in fields
    alone = tmp_path / "alone.csv"
    alone.write_text("Id,Name,City\n16000001,Harbour Legal Inc,Boston\n16000002,Coastline Dental LLC,Boston\n",
                     encoding="utf-8")
    assert header_fields(read_as(alone, "crm_accounts"))["Id"] == "customer_account"


def test_a_deal_stage_is_the_status_only_where_no_header_names_the_contracts(tmp_path: Path) -> None:
    """Copper's "Stage" (the deal's: "Closed") beat "Contract Status" ("Renewed"), the first of a tie."""
    path = tmp_path / "opportunities.csv"
    path.write_text("Name,Company,Stage,Contract Status,Contract #,Coverage End\n"
                    "Renewal 1,Harbour Legal Inc,Closed,Renewed,SC-101,2027-01-31\n"
                    "Renewal 2,Coastline Dental LLC,Open,Expiring,SC-102,2027-02-28\n", encoding="utf-8")
    fields = header_fields(read_as(path, "crm_contracts"))
    assert fields["Contract Status"] == "status" and "Stage" not in fields
    alone = tmp_path / "deals.csv"
    alone.write_text("Deal,Company,Deal Stage,Contract #,Coverage End\n"
                     "Renewal 1,Harbour Legal Inc,Won,SC-101,2027-01-31\n", encoding="utf-8")
    assert header_fields(read_as(alone, "crm_contracts"))["Deal Stage"] == "status"


def test_a_brazilian_erps_issue_date_and_term_dates(tmp_path: Path) -> None:
    """TOTVS Protheus: "Emissao" (the invoice's issue) was no word and "Dt Ini Vig" (the term's start) was read as
    the invoice date, losing both."""
    path = tmp_path / "nf_saida.csv"
    path.write_text("Nota Fiscal;Emissao;Razão Social;Produto;Valor Total;Dt Ini Vig;Dt Fim Vig\n" + "".join(
        f"00000{k};0{k}/03/2026;Harbour Legal Ltda;CS-NBD-SW;{k}00,00;1{k}/03/2026;1{k}/03/2027\n" for k in range(1, 6)),
        encoding="utf-8")
    fields = header_fields(read_as(path, "accounting"))
    assert fields["Emissao"] == "invoice_date"
    assert fields["Dt Ini Vig"] == "service_start" and fields["Dt Fim Vig"] == "service_end"
