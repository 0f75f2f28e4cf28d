"""Hostile values: each bad value quarantines its row (file, sheet, row, column, value), never the file.

Covers issue 10's poison pills (amounts DECIMAL(18,2) cannot hold, inf, 1e19, 1e300), the silent
day/month flip, the number-format majority, and currencies written in amount cells.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pytest

from sources.limits import ReadLimits
from sources.records import to_arrow
from tests.sources.hostile import csv_text, read, src, workbook

D = dt.date
GOOD = ["2026-03-02", "Acme", "Foo Ltd", "AB-1", 2, "100.00"]


def _row(**changes: object) -> list[object]:
    keys = ["date", "reseller", "customer", "sku", "qty", "amount"]
    return [changes.get(k, v) for k, v in zip(keys, GOOD, strict=False)]


# --- 1. every value bounded at the row --------------------------------------------------------


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("amount", "1234567890123456.78", "field 'amount' (column 'Amount'): amount out of bounds (|amount| <= 1,000,000,000,000): '1234567890123456.78'"),
    ("amount", "99999999999999999999.99", "field 'amount' (column 'Amount'): amount out of bounds (|amount| <= 1,000,000,000,000): '99999999999999999999.99'"),
    ("amount", "-1000000000000.01", "field 'amount' (column 'Amount'): amount out of bounds (|amount| <= 1,000,000,000,000): '-1000000000000.01'"),
    ("amount", "inf", "field 'amount' (column 'Amount'): not an amount: 'inf'"),
    ("amount", "NaN", "field 'amount' (column 'Amount'): not an amount: 'NaN'"),
    ("amount", "1e19", "field 'amount' (column 'Amount'): not an amount: '1e19'"),
    ("qty", "inf", "field 'quantity' (column 'Qty'): quantity out of bounds (|quantity| <= 10,000,000): 'inf'"),
    ("qty", "-inf", "field 'quantity' (column 'Qty'): quantity out of bounds (|quantity| <= 10,000,000): '-inf'"),
    ("qty", "1e19", "field 'quantity' (column 'Qty'): quantity out of bounds (|quantity| <= 10,000,000): '1e19'"),
    ("qty", "10000001", "field 'quantity' (column 'Qty'): quantity out of bounds (|quantity| <= 10,000,000): '10000001'"),
    ("qty", "nan", "field 'quantity' (column 'Qty'): not a whole quantity: 'nan'"),
    ("date", "1969-12-31", "field 'invoice_date' (column 'Invoice Date'): date outside 1970-01-01..2100-12-31: '1969-12-31'"),
    ("date", "2101-01-01", "field 'invoice_date' (column 'Invoice Date'): date outside 1970-01-01..2100-12-31: '2101-01-01'"),
    ("date", "9999-12-31", "field 'invoice_date' (column 'Invoice Date'): date outside 1970-01-01..2100-12-31: '9999-12-31'"),
])
def test_out_of_bounds_value_quarantines_only_its_row(tmp_path: Path, field: str, value: str, reason: str) -> None:
    out = read(tmp_path, "pos.csv", csv_text([_row(), _row(**{field: value}), _row()]))
    assert out.status == "loaded" and out.error is None
    assert out.records["source_row"].tolist() == [2, 4]
    assert out.quarantine["reason"].tolist() == [f"inbox/pos.csv, row 3: {reason}"]


def test_huge_numbers_in_a_workbook_quarantine_the_row_with_sheet_and_value(tmp_path: Path) -> None:
    path = workbook(tmp_path / "inbox" / "big.xlsx", [
        [dt.datetime(2026, 3, 2), "Acme", "Foo", "AB-1", 1e300, 100],
        [dt.datetime(2026, 3, 2), "Acme", "Foo", "AB-2", 1, 1e300],
        [dt.datetime(1, 1, 1), "Acme", "Foo", "AB-3", 1, 100],
        [dt.datetime(2026, 3, 2), "Acme", "Foo", "AB-4", -3, -250.5],  # a return: negative is fine
    ])
    out = read(tmp_path, "big.xlsx", path.read_bytes())
    assert out.status == "loaded"
    assert out.records[["sku", "quantity", "amount"]].values.tolist() == [["AB-4", -3, -250.5]]
    assert out.quarantine["reason"].tolist() == [
        "inbox/big.xlsx, sheet 'POS', row 2: field 'quantity' (column 'Qty'): quantity out of bounds (|quantity| <= 10,000,000): '1e+300'",
        "inbox/big.xlsx, sheet 'POS', row 3: field 'amount' (column 'Amount'): amount out of bounds (|amount| <= 1,000,000,000,000): '1e+300'",
        "inbox/big.xlsx, sheet 'POS', row 4: field 'invoice_date' (column 'Invoice Date'): date outside 1970-01-01..2100-12-31: '0001-01-01'",
    ]
    assert json.loads(out.quarantine["raw"].iloc[0])["Qty"] == "1e+300"


def test_every_loaded_amount_fits_the_warehouse_decimal(tmp_path: Path) -> None:
    rows = [_row(amount=v) for v in ("999999999999.99", "-999999999999.99", "0.129", "1000000000000", "1e12")]
    out = read(tmp_path, "edge.csv", csv_text(rows))
    assert out.records["amount"].tolist() == [999999999999.99, -999999999999.99, 0.13, 1e12]
    assert out.quarantine["source_row"].tolist() == [6]  # "1e12": exponents are not amounts
    money = to_arrow(out.records).column("amount")
    assert money.cast(pa.decimal128(18, 2)).to_pylist()[0] == pa.scalar(999999999999.99).cast(pa.decimal128(18, 2)).as_py()


def test_bounds_are_configurable(tmp_path: Path) -> None:
    limits = ReadLimits(max_abs_amount=1000, max_abs_quantity=10, min_date=D(2020, 1, 1), max_date=D(2030, 12, 31))
    rows = [_row(amount="1000.01"), _row(qty=11), _row(date="2019-12-31"), _row()]
    out = read(tmp_path, "tight.csv", csv_text(rows), limits=limits)
    assert out.records["source_row"].tolist() == [5]
    assert [r.split(": ", 1)[1] for r in out.quarantine["reason"]] == [
        "field 'amount' (column 'Amount'): amount out of bounds (|amount| <= 1,000): '1000.01'",
        "field 'quantity' (column 'Qty'): quantity out of bounds (|quantity| <= 10): '11'",
        "field 'invoice_date' (column 'Invoice Date'): date outside 2020-01-01..2030-12-31: '2019-12-31'",
    ]


# --- 2. date order decided per column with evidence -------------------------------------------

AMBIGUOUS = [f"{d:02d}/{m:02d}/2026" for d, m in [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (9, 10),
                                                   (10, 11), (11, 12), (12, 1), (1, 3), (2, 4), (3, 5), (4, 6), (5, 7), (6, 8)]]


def test_one_impossible_date_does_not_flip_eighteen(tmp_path: Path) -> None:
    before = read(tmp_path, "a.csv", csv_text([_row(date=d) for d in AMBIGUOUS]))
    after = read(tmp_path, "b.csv", csv_text([_row(date=d) for d in [*AMBIGUOUS, "31/02/2026"]]))
    month_first = [D(2026, int(d[:2]), int(d[3:5])) for d in AMBIGUOUS]
    assert before.records["invoice_date"].tolist() == month_first
    assert after.records["invoice_date"].tolist() == month_first  # 2 January stays 2 January... read month-first
    assert after.quarantine["reason"].tolist() == [
        "inbox/b.csv, row 20: field 'invoice_date' (column 'Invoice Date'): not a date: '31/02/2026'"
    ]
    assert after.warnings == [
        ("inbox/b.csv: invoice_date ('Invoice Date'): day/month order is ambiguous in 18 numeric dates (no day above 12); "
        "read month-first; set date_format in sources.yaml to decide; 1 impossible either way (quarantined, not counted)")
    ]
    assert after.sheets[0].evidence["invoice_date"] == {
        "order": "mdy", "decided_by": "default", "day_first": 0, "month_first": 0, "either": 18, "impossible": 1,
    }


def test_majority_decides_and_the_minority_is_quarantined(tmp_path: Path) -> None:
    dates = [f"{d}/03/2026" for d in range(13, 23)] + ["03/04/2026", "03/25/2026"]  # 10 day-first, 1 month-first
    out = read(tmp_path, "dmy.csv", csv_text([_row(date=d) for d in dates]))
    assert out.records["invoice_date"].tolist()[-1] == D(2026, 4, 3)  # the ambiguous one follows the majority
    assert out.quarantine["reason"].tolist() == [
        ("inbox/dmy.csv, row 13: field 'invoice_date' (column 'Invoice Date'): can only be read month-first, "
        "but the column is day-first by majority: '03/25/2026'")
    ]
    assert out.warnings == [
        ("inbox/dmy.csv: invoice_date ('Invoice Date'): day/month order contested: 10 values can only be read day-first, "
        "1 only month-first; read day-first by majority and the 1 month-first values quarantined "
        "(set date_format in sources.yaml to decide)")
    ]
    assert out.sheets[0].evidence["invoice_date"]["decided_by"] == "majority"


def test_columns_that_disagree_are_reported(tmp_path: Path) -> None:
    header = ["Contract Number", "Customer", "Start Date", "End Date"]
    rows = [["K1", "Foo", "15/03/2026", "03/15/2027"], ["K2", "Bar", "01/02/2026", "02/01/2027"]]
    out = read(tmp_path, "k.csv", csv_text(rows, header), src("crm_contracts"))
    assert out.records["service_start"].tolist() == [D(2026, 3, 15), D(2026, 2, 1)]
    assert out.records["service_end"].tolist() == [D(2027, 3, 15), D(2027, 2, 1)]
    assert out.warnings == [
        ("inbox/k.csv: date columns disagree on day/month order: service_start ('Start Date') day-first (1 values prove "
        "it, 0 the other); service_end ('End Date') month-first (1 values prove it, 0 the other); each column read by "
        "its own evidence (set date_format in sources.yaml to decide)")
    ]


def test_an_undecided_column_borrows_the_tables_order_and_says_so(tmp_path: Path) -> None:
    header = ["Contract Number", "Customer", "Start Date", "End Date"]
    rows = [["K1", "Foo", "15/03/2026", "01/02/2027"], ["K2", "Bar", "20/04/2026", "03/04/2027"]]
    out = read(tmp_path, "k.csv", csv_text(rows, header), src("crm_contracts"))
    assert out.records["service_end"].tolist() == [D(2027, 2, 1), D(2027, 4, 3)]
    assert out.warnings == [
        ("inbox/k.csv: service_end ('End Date'): no value decides day/month order (2 ambiguous); read day-first "
        "as the table's other date columns prove")
    ]
    assert out.sheets[0].evidence["service_end"]["decided_by"] == "other columns"


def test_sheets_of_one_workbook_that_disagree_are_reported(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    first.title = "EU"
    second = wb.create_sheet("US")
    for ws, date in ((first, "15/03/2026"), (second, "03/15/2026")):
        ws.append(["Invoice Date", "Reseller", "End User", "SKU"])
        ws.append([date, "Acme", "Foo", "AB-1"])
    path = tmp_path / "two.xlsx"
    wb.save(path)
    out = read(tmp_path, "two.xlsx", path.read_bytes())
    assert out.records["invoice_date"].tolist() == [D(2026, 3, 15), D(2026, 3, 15)]
    assert out.warnings == [
        ("inbox/two.xlsx: sheets disagree on day/month order (day-first: sheet 'EU' invoice_date; "
        "month-first: sheet 'US' invoice_date); each read by its own evidence")
    ]


# --- 2b. number format by the majority ----------------------------------------------------------


def test_one_european_amount_is_the_outlier_not_the_nineteen(tmp_path: Path) -> None:
    rows = [_row(amount="1000.00")] * 19 + [_row(amount="1.234,50")]
    out = read(tmp_path, "eu.csv", csv_text(rows))
    assert len(out.records) == 19 and set(out.records["amount"]) == {1000.0}
    assert out.quarantine["reason"].tolist() == [
        ("inbox/eu.csv, row 21: field 'amount' (column 'Amount'): written with a decimal comma, but the column uses "
        "a decimal point: '1.234,50'")
    ]
    assert out.warnings == [
        ("inbox/eu.csv: amount ('Amount'): read with a decimal point: 19 values can only be read so, "
        "1 only with a decimal comma (quarantined as outliers)")
    ]
    assert out.sheets[0].evidence["amount"] == {"decimal": "point", "decimal_point": 19, "decimal_comma": 1, "either": 0}


def test_a_decimal_comma_majority_keeps_its_rows(tmp_path: Path) -> None:
    rows = [_row(amount="1.000,50")] * 5 + [_row(amount="3.000")] + [_row(amount="1,234.50")]
    out = read(tmp_path, "de.csv", csv_text(rows))
    assert out.records["amount"].tolist() == [1000.5] * 5 + [3000.0]  # "3.000" follows the column
    assert out.quarantine["source_row"].tolist() == [8]
    assert "written with a decimal point, but the column uses a decimal comma: '1,234.50'" in out.quarantine["reason"][0]


# --- 3. money with its currency -----------------------------------------------------------------


@pytest.mark.parametrize(("cell", "amount", "currency"), [
    ("€1.234,50", 1234.5, "EUR"),
    ("1 234,50 EUR", 1234.5, "EUR"),
    ("1\u202f234,50\u00a0€", 1234.5, "EUR"),  # French: narrow no-break space groups, no-break space before €
    ("£99", 99.0, "GBP"),
    ("CHF 1'234.50", 1234.5, "CHF"),
    ("CHF 1’234.50", 1234.5, "CHF"),
    ("$3,000.00", 3000.0, "USD"),
    ("USD 1,200", 1200.0, "USD"),
    ("1.200,00 €", 1200.0, "EUR"),
    ("JPY 120000", 120000.0, "JPY"),
    ("¥120,000", 120000.0, "JPY"),
    ("-$5.00", -5.0, "USD"),
    ("(USD 1,000.00)", -1000.0, "USD"),
    ("R$ 10,50", 10.5, "BRL"),
    ("1 000,00 zł", 1000.0, "PLN"),
    ("CA$ 20", 20.0, "CAD"),
    ("eur 7", 7.0, "EUR"),
    ("25.00", 25.0, None),
])
def test_currency_in_the_amount_cell_fills_the_currency_field(tmp_path: Path, cell: str, amount: float,
                                                              currency: str | None) -> None:
    out = read(tmp_path, "m.csv", csv_text([_row(amount=cell)]))
    assert out.quarantine.empty, out.quarantine["reason"].tolist()
    assert out.records[["amount", "currency"]].values.tolist() == [[amount, currency]]


def test_currency_column_and_cells(tmp_path: Path) -> None:
    header = [*POS, "Currency"]
    rows = [
        [*GOOD[:5], "€100", "EUR"],   # 2: agree
        [*GOOD[:5], "€100", ""],      # 3: column empty: the cell decides
        [*GOOD[:5], "€100", "USD"],   # 4: disagree: quarantined
        [*GOOD[:5], "100", "usd"],    # 5: column normalised to its ISO code
        [*GOOD[:5], "100", "Euro"],   # 6: a currency name
        [*GOOD[:5], "100", "Bitcoin"],  # 7: unknown: kept as written, reported
    ]
    out = read(tmp_path, "cur.csv", csv_text(rows, header))
    assert out.records[["source_row", "currency"]].values.tolist() == [
        [2, "EUR"], [3, "EUR"], [5, "USD"], [6, "EUR"], [7, "Bitcoin"],
    ]
    assert out.quarantine["reason"].tolist() == [
        ("inbox/cur.csv, row 4: field 'amount' (column 'Amount'): the cell's currency disagrees with field 'currency' "
        "(column 'Currency'): '€100'")
    ]
    assert out.warnings == [
        ("inbox/cur.csv: currency ('Currency'): 1 values are no ISO 4217 code, symbol or currency name (e.g. 'Bitcoin'); "
        "kept as written")
    ]


def test_a_dollar_sign_agrees_with_any_dollar_currency_column(tmp_path: Path) -> None:
    header = [*POS, "Currency"]
    rows = [[*GOOD[:5], "$100", "CAD"], [*GOOD[:5], "$100", "AUD"], [*GOOD[:5], "$100", ""], [*GOOD[:5], "$100", "EUR"],
            [*GOOD[:5], "¥100", "CNY"], [*GOOD[:5], "US$100", "CAD"]]
    out = read(tmp_path, "dollars.csv", csv_text(rows, header))
    assert out.records[["source_row", "currency"]].values.tolist() == [[2, "CAD"], [3, "AUD"], [4, "USD"], [6, "CNY"]]
    assert out.quarantine["source_row"].tolist() == [5, 7]  # "$" is no euro; "US$" is no Canadian dollar


def test_two_amounts_in_different_currencies_quarantine_the_row(tmp_path: Path) -> None:
    header = [*POS, "Unit Price"]
    out = read(tmp_path, "two.csv", csv_text([[*GOOD[:5], "€200", "$100"], [*GOOD[:5], "€200", "€100"]], header))
    assert out.records["currency"].tolist() == ["EUR"]
    assert out.quarantine["reason"].tolist() == [
        ("inbox/two.csv, row 2: field 'unit_price' (column 'Unit Price'): the cell's currency disagrees with another "
        "amount in the row: '$100'")
    ]


@pytest.mark.parametrize(("cell", "why"), [
    ("kr 100", "the currency 'kr' is NOK or SEK, and neither a currency column nor `defaults: currency` names it "
               "for this row"),
    ("100 pcs", "not an amount (unknown or ambiguous currency)"),
    ("USD 5 EUR", "not an amount (unknown or ambiguous currency)"),
    ("Fr. 20", "not an amount (unknown or ambiguous currency)"),
])
def test_unknown_or_ambiguous_currency_is_not_guessed(tmp_path: Path, cell: str, why: str) -> None:
    out = read(tmp_path, "kr.csv", csv_text([_row(amount=cell), _row()]))
    assert out.records["source_row"].tolist() == [3]
    assert out.quarantine["reason"].tolist() == [f"inbox/kr.csv, row 2: field 'amount' (column 'Amount'): {why}: {cell!r}"]


POS = ["Invoice Date", "Reseller", "End User", "SKU", "Qty", "Amount"]


def test_non_numbers_in_numeric_workbook_cells_quarantine_their_rows(tmp_path: Path) -> None:
    from tests.sources.hostile import SHEET, header_row_xml, read_path, rezip, sheet_xml

    def row(r: int, amount: bytes, date: bytes = b"46083") -> bytes:  # s="1": the base's date format
        text = b"".join(b'<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (c, r, v)
                        for c, v in zip((b"B", b"C", b"D"), (b"Acme", b"Foo", b"AB-1"), strict=False))
        return (b'<row r="%d"><c r="A%d" s="1"><v>%s</v></c>%s<c r="E%d"><v>1</v></c><c r="F%d"><v>%s</v></c></row>'
                % (r, r, date, text, r, r, amount))

    rows = [header_row_xml(), row(2, b"NaN"), row(3, b"inf"), row(4, b"-Infinity"), row(5, b"1e309"), row(6, b"12.5"),
            row(7, b"1", date=b"NaN")]
    base = workbook(tmp_path / "inbox" / "base.xlsx", [[dt.datetime(2026, 3, 2), *GOOD[1:]]])
    out = read_path(rezip(base, tmp_path / "inbox" / "nan.xlsx", {SHEET: b"".join(sheet_xml(rows))}))
    assert out.status == "loaded"
    assert out.records[["invoice_date", "amount"]].values.tolist() == [[D(2026, 3, 2), 12.5]]
    assert [r.split(": ", 1)[1] for r in out.quarantine["reason"]] == [
        "field 'amount' (column 'Amount'): not an amount: 'NaN'",
        "field 'amount' (column 'Amount'): not an amount: 'inf'",
        "field 'amount' (column 'Amount'): not an amount: '-Infinity'",
        "field 'amount' (column 'Amount'): amount out of bounds (|amount| <= 1,000,000,000,000): 'inf'",  # 1e309
        # the reader shows the NaN date as Excel does, an error value
        "field 'invoice_date' (column 'Invoice Date'): an Excel error, not a value (a formula that failed; fix it "
        "in the workbook and send the file again): '#VALUE!'",
    ]


def test_zoned_and_far_dates_load_or_quarantine_their_row_never_fail_the_file(tmp_path: Path) -> None:
    rows = [_row(date="3 March 2026 23:30 -05:00"), _row(date="March 4, 2026 10:00 UTC"), _row(date="January 1, 9999"),
            _row(date="1" + "0" * 400), _row()]
    out = read(tmp_path, "zones.csv", csv_text(rows))
    assert out.status == "loaded" and out.error is None
    assert out.records["invoice_date"].tolist() == [D(2026, 3, 3), D(2026, 3, 4), D(2026, 3, 2)]  # the day as written
    assert [r.split(": ", 2)[-1] for r in out.quarantine["reason"]] == [
        "date outside 1970-01-01..2100-12-31: 'January 1, 9999'", "not a date: '1" + "0" * 400 + "'"]



@pytest.mark.parametrize("amount_header", ["Amount {EUR}", "Amount {}", "Amount }{", "Betrag {0}"])
def test_braces_in_a_header_stay_text_in_the_quarantine_reason(tmp_path: Path, amount_header: str) -> None:
    """A reason is built from the header as written and then the cell: braces in the header are text,
    never a placeholder (found by the twenty-ninth session's mutation fuzz: "unmatched '{'")."""
    header = ["Invoice Date", "Reseller", "End User", "SKU", "Qty", amount_header]
    out = read(tmp_path, "pos.csv", csv_text([GOOD, _row(amount="ten euros")], header))
    assert out.status == "loaded" and out.rows_loaded == 1, out.error
    (reason,) = out.quarantine["reason"]
    assert f"(column '{amount_header}')" in reason and reason.endswith("not an amount: 'ten euros'")
