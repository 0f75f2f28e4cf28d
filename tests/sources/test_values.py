"""Typed cells: money, quantities, serial lists and text as a person reads them."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sources import values
from sources.values import (
    cell_text,
    is_blank,
    parse_money,
    parse_money_column,
    parse_quantity,
    parse_text,
    split_serials,
)
from sources.values import distinct as values_of


def _col(*values: object) -> pd.Series:
    return pd.Series(list(values), dtype=object)


def _money(*values: object) -> list[tuple[float | None, bool]]:
    out, failed = parse_money(_col(*values))
    return [(None if math.isnan(v) else v, f) for v, f in zip(out, failed, strict=False)]


# --- money ----------------------------------------------------------------------------------


def test_us_money() -> None:
    assert _money("$3,000.00", "1,234.5", "3000", "USD 1,000", "US$ 7", "5 EUR", ".5", "1,234,567", "0.129") == [
        (3000.0, False), (1234.5, False), (3000.0, False), (1000.0, False), (7.0, False), (5.0, False),
        (0.5, False), (1234567.0, False), (0.13, False),
    ]


def test_negative_money() -> None:
    assert _money("(120.00)", "-5", "$-5.00", "-$5.00", "5.00-", "USD (1,000.00)", "+5") == [
        (-120.0, False), (-5.0, False), (-5.0, False), (-5.0, False), (-5.0, False), (-1000.0, False), (5.0, False),
    ]


def test_decimal_comma_column() -> None:
    assert _money("1.234,56", "12,5", "3.000", "(1.000,00)", "- 3,50", "1 234,56 €", "€ 9,99") == [
        (1234.56, False), (12.5, False), (3000.0, False), (-1000.0, False), (-3.5, False), (1234.56, False),
        (9.99, False),
    ]


def test_one_value_against_the_column_majority_is_the_outlier() -> None:
    # one European value must not turn "3,000.00" into 3.00: the majority decides the column,
    # and the value written the other way is quarantined, not the rows around it (issue 10)
    assert _money("1.234,56", "3,000.00", "1,234.56") == [(None, True), (3000.0, False), (1234.56, False)]


def test_swiss_apostrophe() -> None:
    assert _money("1'234.50", "CHF 2'000") == [(1234.5, False), (2000.0, False)]


def test_numeric_cells() -> None:
    assert _money(3000, 2.5, np.int64(7), np.float64(1.005)) == [(3000.0, False), (2.5, False), (7.0, False), (1.0, False)]


def test_unreadable_money_fails_instead_of_guessing() -> None:
    assert _money("12-34", "1.2.3", "--5", "(5", "$", "abc", "1e5", True) == [(None, True)] * 8


def test_a_number_nobody_knows_is_blank_and_a_lone_dash_in_money_is_zero() -> None:
    # "n/a", "TBD", "none" say no number is known: blank, not a bad cell; Excel's accounting format writes
    # zero as a dash ("$ -", "-  €")
    assert _money("n/a", "TBD", "none", "-", "$ -", "-  €", "EUR -") == [(None, False)] * 3 + [(0.0, False)] * 4
    out, failed = parse_quantity(_col("n/a", "-", "3"))
    assert out.tolist() == [pd.NA, pd.NA, 3] and not failed.any()


def test_comma_that_is_not_a_thousands_group_fails_in_a_dot_column() -> None:
    assert _money("1,5", "2.50", "3.75") == [(None, True), (2.5, False), (3.75, False)]


def test_blank_money_is_empty_not_failed() -> None:
    assert _money(None, "", "  ", float("nan")) == [(None, False)] * 4


# --- quantity -------------------------------------------------------------------------------


def test_quantities() -> None:
    out, failed = parse_quantity(_col("3", "3.0", 3.0, 4, "3 pcs", "10 units", "2 ea", "1,000", "1,000,000", "-2", "2,0", None, ""))
    assert out.dtype == "Int64"
    assert out.tolist() == [3, 3, 3, 4, 3, 10, 2, 1000, 1000000, -2, 2, pd.NA, pd.NA]
    assert not failed.any()


def test_a_count_with_its_unit() -> None:
    out, failed = parse_quantity(_col("3 FTE", "4 engineers", "2 Stück", "5 Stk.", "1 person"))
    assert out.tolist() == [3, 4, 2, 5, 1] and not failed.any()


def test_fractional_or_unreadable_quantities_fail() -> None:
    out, failed = parse_quantity(_col("1.5", "1,5", 2.5, "x", "three"))
    assert out.isna().all()
    assert failed.tolist() == [True] * 5


# --- serial numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "serials"),
    [
        ("S/N: X1, X2", ["X1", "X2"]),
        ("X1;X2/X3  X4", ["X1", "X2", "X3", "X4"]),
        ("SN: ABC\nSN:DEF", ["ABC", "DEF"]),
        ("S/N:A1 S/N:A2", ["A1", "A2"]),
        ("Serial No: Z1", ["Z1"]),
        ("Serial Number: Z2, Serial #: Z3", ["Z2", "Z3"]),
        ("serial #: q1", ["q1"]),
        ("s/n x9", ["x9"]),
        ("SN123", ["SN123"]),  # a serial that starts with SN keeps it
        ("FCH2231V0AB.", ["FCH2231V0AB"]),
        (123456789, ["123456789"]),  # numeric serials without ".0"
        (98765432.0, ["98765432"]),
        ("N/A", []),
        ("S/N: n/a", []),
        ("-", []),
        ("TBD", []),
        (None, []),
        ("", []),
        ("  ", []),
    ],
)
def test_split_serials(cell: object, serials: list[str]) -> None:
    assert split_serials(_col(cell)).tolist() == [serials]


def test_a_plain_serial_cell_is_read_as_the_general_path_reads_it() -> None:
    """The shortcut for a cell that is one serial gives what the prefix, split and trim give, on cells
    with and without everything those act on (Unicode spaces, placeholders, "SN" without a colon)."""
    rng = np.random.default_rng(17)
    alphabet = list("AZaz09-_SNsnx") + [" ", "\u00a0", "\u2003", ",", ";", "/", ":", "#", ".", "\n", "é", "\t"]
    cells: list[object] = ["NA", "na", "None", "unknown", "--", "?", "SN", "SNX1", "serial", "Serial#1",
                           "é1", "\u00a0", "x" * 40, np.str_("AB12"), 12.0]
    cells += ["".join(rng.choice(alphabet, size=rng.integers(1, 12))) for _ in range(3000)]
    for cell in cells:
        assert values._serial_list(cell) == values._serial_cell(cell), repr(cell)
    plain = [c for c in cells if type(c) is str and values._PLAIN_SERIAL.fullmatch(c)]
    assert len(plain) > 100  # the shortcut was taken


@pytest.mark.parametrize(
    ("cell", "serials"),
    [
        ("Serial No. FOC2145X0AC", ["FOC2145X0AC"]),  # a label without a colon
        ("SERIAL NO. FOC2145X0AC", ["FOC2145X0AC"]),
        ("SN FDO2231A1BD", ["FDO2231A1BD"]),
        ("SERIENNUMMER X7", ["X7"]),
        ("Numéro de série 12345", ["12345"]),
        ("NO SERIAL", []),  # placeholders and pointers elsewhere, in capitals or not
        ("See attached", []),
        ("various, see list", []),
        ("same as above", []),
        ("DEMO UNIT", []),
        ("pending", []),
        ("n/a (spare)", []),
        ("0", []),  # what a form asks for when nobody knows the serial
        ("000000", []),
        ("XXXX", []),
        ("ABCDEFG", ["ABCDEFG"]),  # a serial of capitals alone (a Dell service tag may be one) stays
        ("dmlzyjs", ["dmlzyjs"]),  # and so does one a source wrote in small letters
        ("A, B", ["A", "B"]),
        ("1234", ["1234"]),
        ("x", []),
    ],
)
def test_words_in_a_serial_cell_are_no_units(cell: str, serials: list[str]) -> None:
    assert split_serials(_col(cell)).tolist() == [serials]


def test_a_serial_written_in_groups_is_one_serial_where_the_column_says_so() -> None:
    plain = [f"FOC{2100 + i}X{i % 10}AB" for i in range(30)]
    tags = [f"7XK{i:02d}M2" for i in range(10)]  # a second maker's shorter serials in the same column
    cells = [*plain, *tags, "FOC 2145 X0AB", "SN: FDO 2231 A1BC", "7XK 4M23", "FOC2145X0AB FOC2145X0AC",
             "FOC2145X0AB X1", "FOC 2145, X0AB"]
    out = split_serials(pd.Series(cells, dtype=object)).tolist()[len(plain) + len(tags):]
    assert out == [["FOC2145X0AB"], ["FDO2231A1BC"], ["7XK4M23"], ["FOC2145X0AB", "FOC2145X0AC"],
                   ["FOC2145X0AB", "X1"], ["FOC", "2145", "X0AB"]]
    # two serials of a two-unit row stay two; the zeros of a group are the serial's own
    two = split_serials(pd.Series([*plain, *tags, "RTRYTMD WX6Q8RL", "000 3304 8300"], dtype=object)).tolist()[-2:]
    assert two == [["RTRYTMD", "WX6Q8RL"], ["00033048300"]]
    # too few serials written whole to say how long one is: the groups stay apart
    assert split_serials(pd.Series(["FOC 2145 X0AB", *plain[:5]], dtype=object)).tolist()[0] == ["FOC", "2145", "X0AB"]


def test_split_serials_keeps_the_index() -> None:
    out = split_serials(pd.Series(["A, B", None], index=[4, 8], dtype=object))
    assert out.to_dict() == {4: ["A", "B"], 8: []}


# --- text -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "1"),
        (1.5, "1.5"),
        (3, "3"),
        (np.int64(42), "42"),
        (True, "TRUE"),
        (dt.datetime(2026, 1, 2), "2026-01-02"),
        (dt.datetime(2026, 1, 2, 3, 4), "2026-01-02 03:04:00"),
        (dt.date(2026, 1, 1), "2026-01-01"),
        ("  Acme   Corp ", "Acme Corp"),
        (" line one\nline two ", "line one\nline two"),
        (float("nan"), None),
        (None, None),
        ("   ", None),
    ],
)
def test_cell_text(value: object, text: str | None) -> None:
    assert cell_text(value) == text


def test_parse_text_and_is_blank() -> None:
    assert parse_text(_col(" Foo  Ltd ", 12345.0, None)).tolist() == ["Foo Ltd", "12345", None]
    assert [is_blank(v) for v in (None, float("nan"), " \t", "", 0, "x")] == [True, True, True, True, False, False]


# --- column dtypes --------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", ["str", object, "float64"])
def test_every_parser_accepts_an_empty_column_of_any_dtype(dtype: object) -> None:
    # a header-only CSV gives empty string-dtype columns; map() on them returns strings
    empty = pd.Series([], dtype=dtype)
    for parser in (parse_money, parse_quantity):
        values, failed = parser(empty)
        assert len(values) == 0 and failed.dtype == bool
    assert split_serials(empty).tolist() == [] and parse_text(empty).tolist() == []


def test_string_dtype_columns_from_the_csv_reader() -> None:
    col = pd.Series(["3", "", "1,5"], dtype="str")
    values, failed = parse_quantity(col)
    assert values.tolist() == [3, pd.NA, pd.NA] and failed.tolist() == [False, False, True]
    values, failed = parse_money(col)
    assert values.tolist()[0] == 3.0 and values.tolist()[2] == 1.5 and not failed.any()  # a lone "1,5": decimal comma
    assert split_serials(col).tolist() == [["3"], [], ["1", "5"]]
    assert parse_text(col).tolist() == ["3", None, "1,5"]


@pytest.mark.parametrize(("cells", "expected", "grouping"), [
    (["1.720", "32.685", "486", "8.740"], [1720.0, 32685.0, 486.0, 8740.0], True),  # whole amounts, dots group
    (["1.250.000", "3.100", "12"], [1250000.0, 3100.0, 12.0], False),  # "1.250.000" proves it alone
    (["1.720", "1.5"], [1.72, 1.5], False),  # "1.5" proves the decimal point
    (["0.125", "1.250"], [0.12, 1.25], False),  # "0.125" cannot be a thousands group
    (["1.720", "99.99"], [1.72, 99.99], False),
    (["486", "12"], [486.0, 12.0], False),  # no dot: nothing to decide
])
def test_dots_that_only_ever_group_thousands_are_thousands_separators(cells: list[str], expected: list[float],
                                                                       grouping: bool) -> None:
    col = parse_money_column(pd.Series(cells, dtype=object))
    assert col.values.tolist() == expected
    assert ("grouping_dots" in col.evidence) is grouping
    assert not col.failed.any() and not col.outlier.any()


def test_indian_grouping_of_lakhs_and_crores() -> None:
    col = parse_money_column(pd.Series(["12,34,567.00", "1,17,500.00", "500.00", "1,00,00,000.50"], dtype=object))
    assert col.values.tolist() == [1234567.0, 117500.0, 500.0, 10000000.5]
    assert not col.failed.any() and not col.outlier.any()


@pytest.mark.parametrize("dtype", ["string[pyarrow]", "str"])
def test_distinct_of_arrow_strings_equals_distinct_of_the_same_cells_as_objects(dtype: str) -> None:
    """Arrow's encoding gives the codes and first-seen values the object path gives, chunked or not."""
    rng = np.random.default_rng(4)
    pool = [None, "", " ", "a", "A", "ä", "a\u0308", "1", "1.0", "Total", *(f"S{i}" for i in range(50))]
    cells = [pool[i] for i in rng.integers(0, len(pool), 5000)]
    whole = pd.Series(cells, dtype=dtype)
    chunked = pd.concat([whole.iloc[:1234], whole.iloc[1234:]], ignore_index=True)
    for column in (whole, chunked, whole.iloc[:0], pd.Series([None, None], dtype=dtype)):
        codes, values = values_of(column)
        want_codes, want_values = values_of(column.astype(object))
        assert codes.tolist() == want_codes.tolist()
        assert values.tolist() == want_values.tolist() and values.dtype == object


def test_full_width_digits_and_signs_are_read() -> None:
    """A Japanese export's "１３２，０００" and "￥１３２，０００" (NFKC), quantities "３" alike."""
    from sources.values import parse_money_column
    col = parse_money_column(pd.Series(["￥１３２，０００", "３", "１,２３４.５６"]))
    assert col.values.tolist() == [132000.0, 3.0, 1234.56] and not col.failed.any()
    assert col.currency.tolist()[0] == "JPY"


def test_digits_spaced_other_than_in_thousands_are_no_amount() -> None:
    """"12 50" was read 1,250 and "1500 1500" 15,001,500 without a word (every space taken out); spaces and
    apostrophes count only where they group thousands ("12 500,00", "1'234.50")."""
    col = parse_money_column(pd.Series(["12 50", "1500 1500", "1 2 3 4", "12'50", "1 234 5"]))
    assert col.values.isna().all() and col.failed.all()
    grouped = parse_money_column(pd.Series(["12 500", "1 234 567", "-1 234", "USD 1 234", "(1 234)"]))
    assert grouped.values.tolist() == [12500.0, 1234567.0, -1234.0, 1234.0, -1234.0]
    assert parse_money_column(pd.Series(["1'234.50", "CHF 12'500.00"])).values.tolist() == [1234.5, 12500.0]


def test_whole_amounts_grouped_by_spaces_before_a_currency() -> None:
    """"117 879 kr" and "1 500 €" (how a Swede or a Frenchman types a whole amount) failed: the space before the
    currency was taken for one more group separator; "1 500 1 500" stays two numbers."""
    col = parse_money_column(pd.Series(["117 879 kr", "1\u00a0831 kr", "1 500 €", "12 345 Ft", "117 879 SEK"]))
    assert col.values.tolist() == [117879.0, 1831.0, 1500.0, 12345.0, 117879.0] and not col.failed.any()
    assert parse_money_column(pd.Series(["1 500 1 500 €"])).failed.all()


def test_credits_debits_and_the_typeset_minus() -> None:
    """"1234.00 CR" and "−1234.00" (U+2212) were quarantined as "unknown or ambiguous currency"."""
    col = parse_money_column(pd.Series(["1234.00 CR", "56.10 Dr.", "\u22121234.00", "1,234.00 CR", "100.00"]))
    assert col.values.tolist() == [-1234.0, 56.1, -1234.0, -1234.0, 100.0] and not col.failed.any()


def test_contract_numbers_excel_turned_into_scientific_notation_are_left_blank_with_a_warning(tmp_path: Path) -> None:
    """Ten lines whose "Contract Number" a CSV round trip through Excel made "4.00012E+11" were one contract of six
    customers, without a word: the rounded value names nothing, so it is left blank (the lines kept) and said."""
    from tests.sources.hostile import csv_text, read

    header = ["Invoice Date", "Reseller", "End User", "SKU", "Qty", "Amount", "Contract Number"]
    rows = [["2026-03-01", "Infocore", "Delta Legal", "CS-NBD", 1, "100.00", "4.00012E+11"],
            ["2026-03-02", "Infocore", "Kestrel", "CS-NBD", 1, "200.00", "4.00012E+11"],
            ["2026-03-03", "Infocore", "Orchard Mining", "CS-NBD", 1, "300.00", "SC-1234567"]]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=header))
    assert out.status == "loaded" and out.rows_loaded == 3
    assert list(out.records["contract_number"].fillna("")) == ["", "", "SC-1234567"]
    assert any("contract_number ('Contract Number'): 2 value(s) are numbers in scientific notation" in w
               for w in out.warnings), out.warnings


def test_codes_typed_full_width_or_with_cyrillic_look_alikes_are_read_as_latin(tmp_path: Path) -> None:
    """A Japanese input method's "ＣＳ－ＮＢＤ－ＳＲＶ" made a second product and its "１" a bad quantity; a serial
    pasted as "FОС2252XN6Q" (a Cyrillic О and С) became a second unit whose serial lost two letters."""
    from tests.sources.hostile import csv_text, read

    header = ["Invoice Date", "Reseller", "End User", "SKU", "Qty", "Amount", "Serial Number", "Contract Number"]
    rows = [["2026-03-01", "Infocore", "Delta Legal", "ＣＳ－ＮＢＤ－ＳＲＶ", "１", "100.00", "ＦＯＣ２２５２ＸＮ６Ｑ", "SC-1"],
            ["2026-03-02", "Infocore", "Kestrel", "CS-NBD-SRV", 2, "200.00", "FОС2252XN6Q", "SС-7268218"],
            ["2026-03-03", "Infocore", "Орион", "CS-NBD-SRV", 1, "300.00", "SN-3", "ДОГ-12"]]
    out = read(tmp_path, "pos.csv", csv_text(rows, header=header))
    assert out.status == "loaded" and out.rows_loaded == 3
    assert list(out.records["sku"]) == ["CS-NBD-SRV"] * 3
    assert [float(q) for q in out.records["quantity"]] == [1.0, 2.0, 1.0]
    assert [list(s) for s in out.records["serial_numbers"]] == [["FOC2252XN6Q"], ["FOC2252XN6Q"], ["SN-3"]]
    assert list(out.records["contract_number"]) == ["SC-1", "SC-7268218", "ДОГ-12"]
    assert list(out.records["customer_name"])[2] == "Орион"  # a name is no code: kept as written
