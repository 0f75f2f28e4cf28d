"""Raw cells to typed records: blank and total rows, required fields, quarantine reasons and raw JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from sources.delimited import read_text
from sources.fields import RECORD_FIELDS
from sources.headers import recognise_header
from sources.records import (
    PROVENANCE,
    QUARANTINE_SCHEMA,
    RECORD_SCHEMA,
    quarantine_to_arrow,
    to_arrow,
    type_rows,
)
from sources.table import RawTable

D = dt.date


def _table(header: list[str], rows: list[list[object]], *, sheet: str | None = "Sheet1", header_row: int = 1,
           overrides: dict[str, str] | None = None, epoch: dt.datetime | None = None) -> RawTable:
    """A RawTable as the Excel reader makes it: object cells, rows numbered under the header."""
    frame = pd.DataFrame(rows, columns=[str(i) for i in range(len(header))], dtype=object)
    return RawTable(
        sheet=sheet, header_row=header_row, header=recognise_header(header, overrides), cells=frame,
        row_numbers=np.arange(header_row + 1, header_row + 1 + len(rows), dtype=np.int64), epoch=epoch,
    )


def _type(table: RawTable, kind: str = "distributor", **kw: object):
    return type_rows(table, source="ingram", source_file="inbox/ingram/pos.xlsx", kind=kind, **kw)


POS_HEADER = ["Invoice Date", "Reseller", "End User", "SKU", "Serial #", "Qty", "Unit Price", "Ext Price"]


def test_typed_distributor_rows() -> None:
    table = _table(POS_HEADER, [
        [dt.datetime(2026, 3, 15), "Acme", " Foo  Ltd ", "AB-1", "S/N: X1, X2", 2, "$1,500.00", 3000],
        [46100, "Acme", "Bar Inc", 12345, 987654321, "1", 10, "10.00"],
    ], epoch=dt.datetime(1899, 12, 30))
    out = _type(table)
    assert list(out.records.columns) == list(PROVENANCE) + list(RECORD_FIELDS)
    rec = out.records
    assert rec["source"].tolist() == ["ingram", "ingram"]
    assert rec["source_file"].tolist() == ["inbox/ingram/pos.xlsx"] * 2
    assert rec["source_sheet"].tolist() == ["Sheet1"] * 2
    assert rec["source_row"].tolist() == [2, 3]
    assert rec["kind"].tolist() == ["distributor"] * 2
    assert rec["invoice_date"].tolist() == [D(2026, 3, 15), D(2026, 3, 19)]
    assert rec["customer_name"].tolist() == ["Foo Ltd", "Bar Inc"]
    assert rec["sku"].tolist() == ["AB-1", "12345"]
    assert rec["serial_numbers"].tolist() == [["X1", "X2"], ["987654321"]]
    assert rec["quantity"].tolist() == [2, 1]
    assert rec["unit_price"].tolist() == [1500.0, 10.0]
    assert rec["amount"].tolist() == [3000.0, 10.0]
    assert rec["contract_number"].isna().all()  # no such column: present and empty
    assert (out.rows_read, out.blank_rows, out.total_rows, len(out.quarantine)) == (2, 0, 0, 0)


def test_blank_and_total_rows_are_skipped_and_counted() -> None:
    table = _table(POS_HEADER, [
        ["2026-03-15", "Acme", "Foo", "AB-1", None, 1, 10, 10],
        [None, None, None, None, None, None, None, None],
        ["", "  ", None, "", None, None, None, None],
        ["2026-03-16", "Acme", "Total Networks Inc", "AB-2", None, 1, 20, 20],  # a customer, not a total
        [None, None, "Subtotal", None, None, 2, None, 30],
        ["TOTAL:", None, None, None, None, None, None, 30],
        ["Grand Total", None, None, None, None, None, None, "$30.00"],
        [None, None, None, None, None, None, "Sum", 30],
    ])
    out = _type(table)
    assert out.records["source_row"].tolist() == [2, 5]
    assert out.records["customer_name"].tolist() == ["Foo", "Total Networks Inc"]
    assert (out.blank_rows, out.total_rows) == (2, 4)
    assert out.rows_read == 6  # every non-blank row, totals included
    assert out.rows_read == len(out.records) + len(out.quarantine) + out.total_rows


@pytest.mark.parametrize("label", ["Summe", "Gesamt:", "Totaal", "Totale generale", "Total général", "Sous-total",
                                   "Suma", "Razem", "Ogółem", "Summa", "I alt", "Yhteensä", "Итого", "合計"])
def test_total_rows_in_other_languages_are_skipped(label: str) -> None:
    table = _table(POS_HEADER, [
        ["2026-03-15", "Acme", "Foo", "AB-1", None, 1, 10, 10],
        [label, None, None, None, None, None, None, 10],
        ["2026-03-16", "Acme", f"{label} Technik GmbH", "AB-2", None, 1, 20, 20],  # a customer named so
    ])
    out = _type(table)
    assert out.records["customer_name"].tolist() == ["Foo", f"{label} Technik GmbH"]
    assert (out.total_rows, len(out.quarantine)) == (1, 0)


def test_blank_and_total_rows_in_a_text_file() -> None:
    # the C parser gives string-dtype columns: the other branch of the blank/total masks
    data = (b"Invoice Date,Reseller,End User,SKU,Amount\n2026-03-15,Acme,Foo,AB-1,10\n,,,,\n"
            b"Total,,,,10\n\n2026-03-16,Acme,Bar,AB-2,5\n")
    table, detected = read_text(data, "distributor")
    assert detected["parser"] == "pandas-c"
    out = type_rows(table, source="s", source_file="pos.csv", kind="distributor")
    assert out.records["source_row"].tolist() == [2, 6]
    assert out.records["source_sheet"].tolist() == [None, None]
    assert (out.blank_rows, out.total_rows, out.rows_read) == (2, 1, 3)


def test_quarantine_reason_names_file_sheet_row_field_and_header() -> None:
    table = _table(POS_HEADER, [
        ["2026-03-15", "Acme", "Foo", "AB-1", None, "1.5", "ten", 10],
    ], sheet="POS Q1", header_row=4)
    out = _type(table)
    assert out.records.empty
    q = out.quarantine
    assert list(q.columns) == list(QUARANTINE_SCHEMA.names)
    assert q.loc[0, "source"] == "ingram"
    assert q.loc[0, "source_file"] == "inbox/ingram/pos.xlsx"
    assert q.loc[0, "source_sheet"] == "POS Q1"
    assert q.loc[0, "source_row"] == 5
    assert q.loc[0, "field"] == "quantity"
    assert q.loc[0, "reason"] == (
        "inbox/ingram/pos.xlsx, sheet 'POS Q1', row 5: "
        "field 'quantity' (column 'Qty'): not a whole quantity: '1.5'; "
        "field 'unit_price' (column 'Unit Price'): not an amount: 'ten'"
    )


def test_impossible_date_is_quarantined_with_the_value() -> None:
    table = _table(POS_HEADER[:4], [["15/03/2026", "A", "Foo", "S1"], ["31/02/2026", "A", "Bar", "S2"]], sheet=None)
    out = type_rows(table, source="ingram", source_file="inbox/pos.csv", kind="distributor")
    assert out.records["invoice_date"].tolist() == [D(2026, 3, 15)]
    assert out.quarantine["reason"].tolist() == [
        "inbox/pos.csv, row 3: field 'invoice_date' (column 'Invoice Date'): not a date: '31/02/2026'"
    ]
    assert out.quarantine["source_sheet"].tolist() == [None]


def test_raw_json_keeps_what_the_row_said() -> None:
    header = ["Invoice Date", "Reseller", "End User", "SKU", "", "Notes", "Notes"]
    table = _table(header, [
        [dt.datetime(2026, 3, 15), "Acme", None, 12345.0, "stray", "Zoë's \"deal\"", "second"],
    ])
    out = _type(table)
    raw = json.loads(out.quarantine.loc[0, "raw"])
    assert raw == {
        "Invoice Date": "2026-03-15", "Reseller": "Acme", "SKU": "12345",
        "column_5": "stray", "Notes": "Zoë's \"deal\"", "Notes (2)": "second",
    }
    assert "Zoë" in out.quarantine.loc[0, "raw"]  # stored readable, not \u-escaped
    assert out.quarantine.loc[0, "reason"].endswith("required field 'customer_name' (column 'End User') is empty")


def test_unreadable_required_value_is_not_also_reported_empty() -> None:
    out = _type(_table(POS_HEADER[:4], [["someday", "A", "Foo", "S1"]]))
    assert out.quarantine.loc[0, "reason"] == (
        "inbox/ingram/pos.xlsx, sheet 'Sheet1', row 2: field 'invoice_date' (column 'Invoice Date'): not a date: 'someday'"
    )


REQUIRED_CASES = {
    "distributor": (["Invoice Date", "Reseller", "End User", "SKU"], ["2026-01-01", "R", "C", "S"]),
    "sales_rep": (["Customer", "Expiry Date"], ["C", "2026-01-01"]),
    "accounting": (["Invoice Number", "Invoice Date", "Bill To", "Amount"], ["I-1", "2026-01-01", "B", "10"]),
    "crm_accounts": (["Account ID", "Account Name"], ["A-1", "C"]),
    "crm_contracts": (["Contract Number", "End Date", "Account ID", "Customer"], ["K-1", "2026-01-01", "A-1", "C"]),
    "price_list": (["SKU", "List Price"], ["S", "100"]),
}


@pytest.mark.parametrize("kind", sorted(REQUIRED_CASES))
def test_required_fields_per_kind(kind: str) -> None:
    header, good = REQUIRED_CASES[kind]
    rows = [good]
    for i in range(len(header)):
        rows.append([None if j == i else v for j, v in enumerate(good)])
    out = _type(_table(header, rows), kind=kind)
    if kind == "crm_contracts":
        # account id OR customer name: dropping one of them still leaves a usable row
        assert out.records["source_row"].tolist() == [2, 5, 6]
        assert out.quarantine["field"].tolist() == ["contract_number", "service_end"]
    else:
        assert out.records["source_row"].tolist() == [2]
        assert out.quarantine["source_row"].tolist() == list(range(3, 3 + len(header)))
        assert all(r.endswith("is empty") for r in out.quarantine["reason"])


def test_one_of_requirement_message() -> None:
    header = ["Contract Number", "End Date", "Account ID", "Customer"]
    out = _type(_table(header, [["K-1", "2026-01-01", None, " "]]), kind="crm_contracts")
    assert out.quarantine.loc[0, "reason"].endswith(
        "required field 'customer_account' (column 'Account ID') or 'customer_name' (column 'Customer') is empty"
    )
    assert out.quarantine.loc[0, "field"] == "customer_account"


def test_required_field_without_a_column() -> None:
    out = _type(_table(["Customer", "Notes"], [["Foo", "x"]]), kind="sales_rep")
    assert out.quarantine.loc[0, "reason"] == (
        "inbox/ingram/pos.xlsx, sheet 'Sheet1', row 2: required field 'service_end' has no column in this file"
    )


def test_serial_numbers_is_a_list_even_without_a_serial_column() -> None:
    out = _type(_table(["Customer", "Expiry Date"], [["Foo", "2026-01-01"], ["Bar", "2026-02-01"]]), kind="sales_rep")
    assert out.records["serial_numbers"].tolist() == [[], []]
    assert to_arrow(out.records).column("serial_numbers").to_pylist() == [[], []]


def test_fixed_values_fill_only_empty_cells() -> None:
    table = _table(["Customer", "Expiry Date", "Owner"], [["Foo", "2026-01-01", None], ["Bar", "2026-02-01", "Bob"]])
    out = _type(table, kind="sales_rep", fixed_values={"rep": "Alice", "currency": "EUR"})
    assert out.records["rep"].tolist() == ["Alice", "Bob"]
    assert out.records["currency"].tolist() == ["EUR", "EUR"]


def test_fixed_value_can_satisfy_a_requirement() -> None:
    table = _table(["Invoice Date", "End User", "SKU"], [["2026-01-01", "Foo", "S1"]])
    out = _type(table, fixed_values={"reseller_name": "Acme"})
    assert out.records["reseller_name"].tolist() == ["Acme"] and out.quarantine.empty


def test_date_format_and_warnings_pass_through() -> None:
    table = _table(["Customer", "Expiry Date"], [["Foo", "03/04/2026"], ["Bar", "05/06/2026"]])
    out = _type(table, kind="sales_rep")
    assert out.records["service_end"].tolist() == [D(2026, 3, 4), D(2026, 5, 6)]
    assert out.warnings == [
        ("service_end ('Expiry Date'): day/month order is ambiguous in 2 numeric dates (no day above 12); "
        "read month-first; set date_format in sources.yaml to decide")
    ]
    out = _type(table, kind="sales_rep", date_format="%d/%m/%Y")
    assert out.records["service_end"].tolist() == [D(2026, 4, 3), D(2026, 6, 5)]
    assert out.warnings == []


def test_empty_table() -> None:
    out = _type(_table(["Customer", "Expiry Date"], []), kind="sales_rep")
    assert out.records.empty and out.quarantine.empty
    assert (out.rows_read, out.blank_rows, out.total_rows) == (0, 0, 0)


def test_arrow_tables_have_the_contract_schema() -> None:
    table = _table(POS_HEADER, [
        ["2026-03-15", "Acme", "Foo", "AB-1", "X1 X2", 2, "1.50", None],
        ["2026-03-16", "Acme", None, "AB-2", None, None, None, None],
    ])
    out = _type(table)
    records = to_arrow(out.records)
    assert records.schema == RECORD_SCHEMA
    row = records.to_pylist()[0]
    assert row["source_row"] == 2 and row["invoice_date"] == D(2026, 3, 15)
    assert row["serial_numbers"] == ["X1", "X2"] and row["quantity"] == 2 and row["unit_price"] == 1.5
    assert row["amount"] is None and row["contract_number"] is None
    quarantine = quarantine_to_arrow(out.quarantine)
    assert quarantine.schema == QUARANTINE_SCHEMA
    assert quarantine.column("source_row").to_pylist() == [3]
    empty = to_arrow(out.records.iloc[0:0])
    assert empty.num_rows == 0 and empty.schema == RECORD_SCHEMA
    assert RECORD_SCHEMA.field("serial_numbers").type == pa.list_(pa.string())


def test_repeated_headers_and_page_footers_of_an_export_are_skipped() -> None:
    table = _table(POS_HEADER, [
        ["2026-03-15", "Acme", "Foo", "AB-1", None, 1, 10, 10],
        [None, None, None, "Page 1 of 2", None, None, None, None],
        list(POS_HEADER),
        ["2026-03-16", "Acme", "Bar", "AB-2", None, 1, 20, 20],
        ["Seite 2 von 2", None, None, None, None, None, None, None],
    ])
    out = _type(table)
    assert out.records["customer_name"].tolist() == ["Foo", "Bar"]
    assert (out.total_rows, len(out.quarantine)) == (3, 0)


def test_an_invoice_line_with_a_quantity_and_unit_price_but_no_amount_loads(tmp_path: Path) -> None:
    """docs/design.md: such a line is worth their product; the amount stays as the file had it (blank)."""
    from tests.sources.reading import header_fields, read_as

    path = tmp_path / "invoices.csv"
    path.write_text("Invoice No,Invoice Date,Bill To,Customer,SKU,Qty,Unit Price,Amount\n"
                    "INV1,2026-01-05,Albion IT Ltd,Delta Corp,C9300-48P,2,1100.00,\n"
                    "INV2,2026-01-06,Albion IT Ltd,Kestrel Ltd,C9300-48P,1,1000.00,1000.00\n"
                    "INV3,2026-01-07,Albion IT Ltd,Kestrel Ltd,C9300-48P,,,\n", encoding="utf-8")
    out = read_as(path, "accounting")
    assert (out.rows_loaded, out.rows_quarantined) == (2, 1)
    assert "required field 'amount' (column 'Amount') is empty" in out.quarantine["reason"].iloc[0]
    assert out.records["amount"].isna().tolist() == [True, False]
    no_amount = tmp_path / "no_amount.csv"  # no amount column at all: no `needs_mapping` for it either
    no_amount.write_text("Invoice No,Invoice Date,Bill To,SKU,Qty,Unit Price\n"
                         "INV1,2026-01-05,Albion IT Ltd,C9300-48P,2,1100.00\n", encoding="utf-8")
    out = read_as(no_amount, "accounting")
    assert out.rows_loaded == 1 and "amount" not in header_fields(out).values()


def test_a_line_whose_period_ends_before_it_starts_is_quarantined_with_why(tmp_path: Path) -> None:
    """Start and end typed the wrong way round made a live contract "expired" and a missed renewal."""
    from tests.sources.hostile import csv_text, read

    header = ["Invoice Date", "Reseller", "End User", "SKU", "Qty", "Amount", "Service Start", "Service End"]
    rows = [["2026-03-01", "Infocore", "Delta Legal", "CS-NBD", 1, "100.00", "2026-03-14", "2027-03-13"],
            ["2026-03-02", "Infocore", "Kestrel", "CS-NBD", 1, "200.00", "2027-03-14", "2026-03-15"]]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=header))
    assert out.rows_loaded == 1 and list(out.quarantine["source_row"]) == [3]
    assert ("field 'service_end' (column 'Service End'): the period ends before it starts (column 'Service Start'), "
            "'2026-03-15 before 2027-03-14': the two dates swapped?") in out.quarantine["reason"].iloc[0]


def test_excels_empty_date_in_an_optional_date_is_left_blank_with_a_note(tmp_path: Path) -> None:
    """"12/30/1899" and "1/0/1900" (day zero: a lookup that found no start) quarantined five of eight lines as
    dates outside the bounds; the start is blank, the line kept, and a warning says why."""
    from tests.sources.hostile import csv_text, read

    header = ["Invoice Date", "Reseller", "End User", "SKU", "Qty", "Amount", "Service Start", "Service End"]
    rows = [["2026-03-01", "Infocore", "Delta Legal", "CS-NBD", 1, "100.00", "12/30/1899", "03/13/2027"],
            ["2026-03-02", "Infocore", "Kestrel", "CS-NBD", 1, "200.00", "1/0/1900", "03/14/2027"],
            ["2026-03-03", "Infocore", "Orchard", "CS-NBD", 1, "300.00", "03/15/2026", "03/14/2027"]]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=header))
    assert out.rows_loaded == 3 and out.quarantine.empty
    assert [None if d is None or d != d else str(d) for d in out.records["service_start"]] == [None, None, "2026-03-15"]
    assert any("service_start ('Service Start'): 2 value(s) are Excel's empty date" in w for w in out.warnings)
