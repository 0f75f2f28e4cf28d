"""Headers of exports not read before: an asset register's "Asset tag" beside the maker's "Serial number"; a Latin
American invoice's "Serie-Número" (its id, no serial) beside "N° de serie"; a renewal value named by its currency
alone ("Renewal (NOK)", Norwegian "Fornyelse kr²") or as a fiscal year's total ("FY27 Total"); a web shop's order
number ("#1001") where no invoice number is written. Files written here and read as the night does."""

from __future__ import annotations

from pathlib import Path

from tests.sources.hostile import read, semicolon_text, src


def test_the_makers_serial_number_wins_over_an_asset_tag(tmp_path: Path) -> None:
    text = semicolon_text(["Asset tag", "Serial number", "Model", "Company", "Warranty expiration"], [
        ["P554199", "7XK2M4Q", "Dell PowerEdge R750xs", "Aberdeen Offshore Services Ltd", "2026-06-30"],
        ["P115722", "CZJ617ABCD", "HPE ProLiant DL360 Gen10", "NHS Lothian", "2026-09-14"],
    ])
    out = read(tmp_path, "alm_hardware.csv", text, src("sales_rep"))
    assert out.sheets[0].mapping["Serial number"] == "serial_numbers"
    assert [list(s) for s in out.records["serial_numbers"]] == [["7XK2M4Q"], ["CZJ617ABCD"]]


def test_an_asset_tag_alone_is_still_the_serial(tmp_path: Path) -> None:
    text = semicolon_text(["Asset tag", "Company", "Warranty expiration"], [
        ["CZJ617ABCD", "NHS Lothian", "2026-09-14"], ["7XK2M4Q", "Aberdeen Offshore Services Ltd", "2026-06-30"]])
    out = read(tmp_path, "assets.csv", text, src("sales_rep"))
    assert out.sheets[0].mapping["Asset tag"] == "serial_numbers"


def test_an_invoices_series_and_number_is_its_id_not_a_serial(tmp_path: Path) -> None:
    text = semicolon_text(["Fecha de emisión", "Serie-Número", "RUC", "Razón social", "Descripción", "N° de serie",
                        "Cantidad", "Valor venta"], [
        ["14/01/2026", "F001-00003312", "20131257750", "Universidad Nacional de Ingeniería", "Catalyst 9300 48-port",
         "FOC1234ABCD", "1", "36750.00"],
        ["20/01/2026", "F001-00003313", "20504645046", "Municipalidad de Miraflores", "HPE 3Y Tech Care Basic", "",
         "1", "12375.00"],
    ])
    out = read(tmp_path, "ventas.csv", text, src("accounting"))
    mapping = out.sheets[0].mapping
    assert mapping["Serie-Número"] == "invoice_number" and mapping["N° de serie"] == "serial_numbers"
    assert list(out.records["invoice_number"]) == ["F001-00003312", "F001-00003313"]
    assert "RUC" not in mapping  # a tax id


def test_a_renewal_named_by_its_currency_alone_is_the_amount(tmp_path: Path) -> None:
    text = semicolon_text(["Kunde", "Sluttdato¹", "Fornyelse kr²"], [
        ["Helse Bergen HF", "30.06.2026", "16327"], ["NTNU", "14.09.2026", "18450"]])
    out = read(tmp_path, "fornyelser.csv", text, src("sales_rep"))
    assert out.sheets[0].mapping["Fornyelse kr²"] == "amount"
    assert [float(a) for a in out.records["amount"]] == [16327.0, 18450.0]


def test_a_fiscal_years_total_beside_its_months_is_the_amount(tmp_path: Path) -> None:
    text = semicolon_text(["Customer", "Serial", "Contract End", "Apr-26", "May-26", "Jun-26", "FY27 Total"], [
        ["Beacon Hospital", "7XK2M4Q", "14/05/2026", "", "841.27", "", "841.27"],
        ["Galway County Council", "FOC1234ABCD", "20/06/2026", "", "", "107.77", "107.77"],
    ])
    out = read(tmp_path, "forecast.csv", text, src("sales_rep"))
    assert out.sheets[0].mapping["FY27 Total"] == "amount"
    assert [float(a) for a in out.records["amount"]] == [841.27, 107.77]


def test_a_web_shops_order_number_is_the_document_number_where_no_invoice_number_is_written(tmp_path: Path) -> None:
    text = ("# Export: Orders (sell-through)\n# Created: 2026-11-01 06:00 UTC\n"
            "Order,Invoice Date,Reseller,End User,Part Number,Serial Number,Qty,Ext Price\n"
            "#1001,03/13/2026,Rosbrook Technology Partners,Union Steel Inc,CS-NBD-SRV,HXS300001Q0,1,1030.00\n"
            "#1002,03/14/2026,Quinmore Infrastructure Corp,Magnolia Insurance Llc,CS-NBD-SRV,HXS300002Q0,1,1067.25\n")
    out = read(tmp_path, "shop.csv", text, src("distributor"))
    assert out.sheets[0].mapping["Order"] == "invoice_number"
    assert [n.lstrip("#") for n in out.records["invoice_number"]] == ["1001", "1002"]


def test_an_order_number_beside_the_invoice_number_stays_unread(tmp_path: Path) -> None:
    text = ("Order No,Invoice No,Invoice Date,Reseller,End User,Part Number,Qty,Ext Price\n"
            "SO-77,INV-1,03/13/2026,Rosbrook Technology Partners,Union Steel Inc,CS-NBD-SRV,1,1030.00\n"
            "SO-78,INV-2,03/14/2026,Quinmore Infrastructure Corp,Magnolia Insurance Llc,CS-NBD-SRV,1,1067.25\n")
    out = read(tmp_path, "pos.csv", text, src("distributor"))
    assert out.sheets[0].mapping["Invoice No"] == "invoice_number" and "Order No" not in out.sheets[0].mapping


def test_a_chinese_trackers_person_in_charge_is_the_rep(tmp_path: Path) -> None:
    text = semicolon_text(["客户名称", "序列号", "维保到期", "负责人"], [
        ["武汉协和医院", "FOC1234ABCD", "2026-06-30", "王伟"], ["青岛港集团", "CZJ123ABCD", "2026-09-14", "李娜"]])
    out = read(tmp_path, "tracker.csv", text, src("sales_rep"))
    assert out.sheets[0].mapping["负责人"] == "rep" and list(out.records["rep"]) == ["王伟", "李娜"]


def test_a_category_of_forecast_words_is_the_status_and_one_of_products_the_category(tmp_path: Path) -> None:
    header = ["Customer", "Serial", "Contract End", "FY27 Total", "Category"]
    stages = ["Commit", "Forecast", "Won", "Lost", "Commit", "Best Case"]
    kinds = ["Hardware", "Software", "Service", "Hardware", "Service", "Software"]
    rows = [[f"Customer {i} Ltd", f"FOC1234ABC{i}", f"2{i}/06/2026", "107.77"] for i in range(6)]
    with_stages = [[*r, s] for r, s in zip(rows, stages, strict=True)]
    as_stages = read(tmp_path, "forecast.csv", semicolon_text(header, with_stages), src("sales_rep"))
    assert as_stages.sheets[0].mapping["Category"] == "status"
    with_kinds = [[*r, k] for r, k in zip(rows, kinds, strict=True)]
    as_kinds = read(tmp_path, "kinds.csv", semicolon_text(header, with_kinds), src("sales_rep"))
    assert as_kinds.sheets[0].mapping["Category"] == "category"
