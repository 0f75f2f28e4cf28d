"""Date columns: day/month order detection, ambiguity warnings, Excel serials, free-form dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from sources.dates import OrderHint, parse_dates

D = dt.date
EXCEL_1900 = dt.datetime(1899, 12, 30)
EXCEL_1904 = dt.datetime(1904, 1, 1)


def _col(*values: object) -> pd.Series:
    return pd.Series(list(values), dtype=object)


def test_day_first_column_is_detected_without_warning() -> None:
    p = parse_dates(_col("15/03/2026", "01/04/2026", "02/05/2026"), "service_end")
    assert p.values.tolist() == [D(2026, 3, 15), D(2026, 4, 1), D(2026, 5, 2)]
    assert p.order == "dmy"
    assert p.warnings == []
    assert not p.failed.any()


def test_month_first_column_is_detected_without_warning() -> None:
    p = parse_dates(_col("03/15/2026", "04/01/2026", "12/31/26"), "service_end")
    assert p.values.tolist() == [D(2026, 3, 15), D(2026, 4, 1), D(2026, 12, 31)]
    assert p.order == "mdy"
    assert p.warnings == []


def test_all_ambiguous_column_warns_instead_of_guessing_silently() -> None:
    p = parse_dates(_col("03/04/2026", "05/06/2026", "01/02/2026"), "invoice_date ('Date')")
    assert p.values.tolist() == [D(2026, 3, 4), D(2026, 5, 6), D(2026, 1, 2)]  # month-first
    assert p.order == "mdy"
    assert p.warnings == [
        ("invoice_date ('Date'): day/month order is ambiguous in 3 numeric dates (no day above 12); "
        "read month-first; set date_format in sources.yaml to decide")
    ]


def test_ambiguous_dotted_dates_are_read_day_first_with_a_warning() -> None:
    p = parse_dates(_col("03.04.2026", "05.06.2026"), "d")
    assert p.values.tolist() == [D(2026, 4, 3), D(2026, 6, 5)]
    assert p.order == "dmy"
    assert len(p.warnings) == 1 and "read day-first (dotted dates)" in p.warnings[0]


def test_column_mixing_both_orders_warns() -> None:
    p = parse_dates(_col("13/04/2026", "04/13/2026", "03/04/2026"), "d")
    assert p.values.tolist() == [D(2026, 4, 13), D(2026, 4, 13), D(2026, 3, 4)]
    assert len(p.warnings) == 1 and "mix day-first and month-first" in p.warnings[0]


def test_date_format_override_is_honoured() -> None:
    p = parse_dates(_col("03/04/2026", "05/06/2026", "2026-01-01"), "d", date_format="%d/%m/%Y")
    assert p.values.tolist() == [D(2026, 4, 3), D(2026, 6, 5), None]
    assert p.failed.tolist() == [False, False, True]  # not in the configured format
    assert p.warnings == []


def test_impossible_date_fails_rather_than_rolling_over() -> None:
    p = parse_dates(_col("15/03/2026", "31/02/2026", "29/02/2025", "29/02/2024"), "d")
    assert p.values.tolist() == [D(2026, 3, 15), None, None, D(2024, 2, 29)]
    assert p.failed.tolist() == [False, True, True, False]


def test_iso_compact_and_time_parts() -> None:
    p = parse_dates(_col("2026-03-04", "2026/3/5", "2026-03-06 10:30", "2026-03-07T08:00:00.5", "20260308"), "d")
    assert p.values.tolist() == [D(2026, 3, 4), D(2026, 3, 5), D(2026, 3, 6), D(2026, 3, 7), D(2026, 3, 8)]
    assert p.order is None and p.warnings == []  # ISO is never ambiguous


def test_two_digit_years() -> None:
    p = parse_dates(_col("3/15/26", "12/31/99", "1/13/69", "1/13/70"), "d")
    assert p.values.tolist() == [D(2026, 3, 15), D(1999, 12, 31), D(2069, 1, 13), D(1970, 1, 13)]


def test_named_months_go_to_dateutil() -> None:
    p = parse_dates(_col("15-Mar-2026", "March 3, 2026", "1 Feb 2027", "Sep 30 2026"), "d")
    assert p.values.tolist() == [D(2026, 3, 15), D(2026, 3, 3), D(2027, 2, 1), D(2026, 9, 30)]
    assert not p.failed.any()


def test_incomplete_dates_fail_instead_of_borrowing_today() -> None:
    # dateutil alone would fill the missing parts from today's date
    p = parse_dates(_col("5", "March 2026", "2026", "Mar 15", "soon", "n/a"), "d")
    assert p.values.tolist() == [None] * 6
    assert p.failed.all()


def test_excel_date_cells_and_serials() -> None:
    p = parse_dates(
        _col(dt.datetime(2026, 3, 15, 14, 30), D(2026, 3, 16), 46100, 46100.0, 46100.75, 46101.5, 46100.999),
        "d", excel_epoch=EXCEL_1900,
    )
    # the fraction of a serial is the time of day: 46100.75 is still 19 March
    assert p.values.tolist() == [
        D(2026, 3, 15), D(2026, 3, 16), D(2026, 3, 19), D(2026, 3, 19), D(2026, 3, 19), D(2026, 3, 20), D(2026, 3, 19),
    ]
    assert not p.failed.any()


def test_excel_1904_serials() -> None:
    p = parse_dates(_col(44636), "d", excel_epoch=EXCEL_1904)
    assert p.values.tolist() == [D(2026, 3, 17)]


def test_numbers_outside_the_serial_range_fail() -> None:
    p = parse_dates(_col(5, 123456, 46100), "d", excel_epoch=EXCEL_1900)
    assert p.values.tolist() == [None, None, D(2026, 3, 19)]
    assert p.failed.tolist() == [True, True, False]


def test_a_text_column_of_day_numbers_only_is_read_as_excel_serials() -> None:
    p = parse_dates(_col("46100", "46101.0", None), "d")  # a workbook saved as CSV: no epoch, 1900 system
    assert p.values.tolist() == [D(2026, 3, 19), D(2026, 3, 20), None] and not p.failed.any()
    assert p.warnings and "Excel day numbers" in p.warnings[0]


@pytest.mark.parametrize("cells", [("46100", "15/03/2026"), ("46100", "12345"), ("46100", "46100.5"), ("46100", "x")])
def test_day_numbers_among_other_values_of_a_text_file_are_not_serials(cells: tuple[str, ...]) -> None:
    p = parse_dates(_col(*cells), "d")
    assert p.values.iloc[0] is None and bool(p.failed.iloc[0])


def test_blanks_are_empty_not_failed() -> None:
    p = parse_dates(_col(None, "", "   ", float("nan"), "2026-01-01"), "d")
    assert p.values.tolist() == [None, None, None, None, D(2026, 1, 1)]
    assert p.failed.tolist() == [False, False, False, False, False]


def test_keeps_the_input_index() -> None:
    raw = pd.Series(["15/03/2026", "x"], index=[7, 9], dtype=object)
    p = parse_dates(raw, "d")
    assert p.values.index.tolist() == [7, 9] and p.failed.to_dict() == {7: False, 9: True}


@pytest.mark.parametrize("fmt", ["%Y%m%d", "%d-%b-%Y"])
def test_other_formats(fmt: str) -> None:
    value = dt.date(2026, 7, 9).strftime(fmt)
    assert parse_dates(_col(value), "d", date_format=fmt).values.tolist() == [D(2026, 7, 9)]


def test_dates_assembled_from_parts_agree_with_pandas_on_every_calendar_edge() -> None:
    # _assemble does calendar arithmetic in numpy; pandas' year/month/day assembly is the reference
    import itertools

    import numpy as np

    from sources.dates import _assemble_days

    years = [0, 99, 1677, 1678, 1900, 1999, 2000, 2004, 2023, 2024, 2100, 2261, 2262, 9999]
    grid = np.array(list(itertools.product(years, range(-1, 15), range(-1, 34))))
    index = pd.Index(np.arange(len(grid)) * 3 + 5)
    y, m, d = (pd.Series(grid[:, i], index=index) for i in range(3))
    y = y.astype("float64").where(np.arange(len(grid)) % 11 != 0)  # some years missing
    frame = pd.DataFrame({"year": y, "month": m, "day": d}).astype("float64")
    frame.loc[~frame["year"].between(1678, 2261), "year"] = np.nan
    expected = pd.to_datetime(frame, errors="coerce").astype("datetime64[ns]")
    got = pd.Series(_assemble_days(y.to_numpy(), m.to_numpy(), d.to_numpy()), index=index)
    pd.testing.assert_series_equal(got, expected, check_names=False)
    assert got.notna().sum() > 2000 and got[(y == 2024) & (m == 2) & (d == 29)].notna().all()
    assert got[(y == 2023) & (m == 2) & (d == 29)].isna().all() and got[(y == 2100) & (m == 2) & (d == 29)].isna().all()


def test_a_two_digit_year_written_first_is_read_as_the_year() -> None:
    """Japan's yy/mm/dd and Sweden's yy-mm-dd: "24/03/01" is 2024-03-01, not 24 March 2001. The years
    each reading gives tell them apart: a report's dates lie within a few years."""
    jp = parse_dates(pd.Series(["24/03/01", "24/03/15", "24/04/28", "25/01/09"]), "d")
    assert jp.order == "ymd" and jp.values.tolist() == [
        dt.date(2024, 3, 1), dt.date(2024, 3, 15), dt.date(2024, 4, 28), dt.date(2025, 1, 9)]
    assert not jp.warnings and jp.evidence["decided_by"] == "values"
    se = parse_dates(pd.Series(["24-03-01", "24-11-30", "23-12-31"]), "d")
    assert se.values.tolist() == [dt.date(2024, 3, 1), dt.date(2024, 11, 30), dt.date(2023, 12, 31)]
    # dd/mm/yy stays as it was: its last parts are the years, within one
    uk = parse_dates(pd.Series(["01/03/24", "15/03/24", "28/04/24"]), "d")
    assert uk.order == "dmy" and uk.values.tolist()[1] == dt.date(2024, 3, 15)
    # a column that cannot tell takes the year-first order another column proved
    end = parse_dates(pd.Series(["25/02/28", "25/02/28"]), "e", order_hint=OrderHint("ymd", "other columns"))
    assert end.values.tolist() == [dt.date(2025, 2, 28)] * 2 and end.evidence["decided_by"] == "other columns"


def test_a_table_with_year_first_dates_reads_every_date_column_so(tmp_path: Path) -> None:
    from tests.sources.hostile import read
    text = ("請求日\t販売店\tエンドユーザー\t品番\t数量\t金額\t保守終了日\n"
            "24/03/01\tOtsuka\tDelta Legal\tFC-10-0100F\t1\t132000\t25/02/28\n"
            "24/03/15\tOtsuka\tKestrel\tFC-10-0100F\t1\t132000\t25/02/28\n"
            "24/04/28\tOtsuka\tHarbour\tFC-10-0100F\t1\t132000\t25/02/28\n")
    out = read(tmp_path, "jp.tsv", text)
    assert list(out.records["invoice_date"].astype(str)) == ["2024-03-01", "2024-03-15", "2024-04-28"]
    assert set(out.records["service_end"].astype(str)) == {"2025-02-28"}


def test_a_decimal_comma_reads_undecided_dates_day_first(tmp_path: Path) -> None:
    """A weekly European export ("02/09/2024", days of 12 or less) beside amounts written "1.234,56":
    day-first, with a warning saying why; with decimal points it stays month-first, warned."""
    from tests.sources.hostile import read
    head = "Invoice Date;Reseller;End User;SKU;Qty;Amount;Service End\n"
    rows = ["02/09/2024;Also;Delta Legal;X-1;1;{};02/09/2025\n", "03/09/2024;Also;Kestrel;X-1;1;{};03/09/2025\n"]
    eu = read(tmp_path, "eu.csv", head + rows[0].format("1.234,56") + rows[1].format("234,56"))
    assert list(eu.records["invoice_date"].astype(str)) == ["2024-09-02", "2024-09-03"]
    assert list(eu.records["service_end"].astype(str)) == ["2025-09-02", "2025-09-03"]
    assert any("read day-first as the table's decimal comma" in w for w in eu.warnings)
    us = read(tmp_path, "us.csv", head + rows[0].format("1234.56") + rows[1].format("234.56"))
    assert list(us.records["invoice_date"].astype(str)) == ["2024-02-09", "2024-03-09"]


@pytest.mark.parametrize(("text", "want"), [
    ("2024年3月1日", dt.date(2024, 3, 1)), ("２０２４年１２月３１日", dt.date(2024, 12, 31)),
    ("2024년 3월 1일", dt.date(2024, 3, 1)), ("令和6年3月1日", dt.date(2024, 3, 1)),
    ("令和元年5月1日", dt.date(2019, 5, 1)), ("平成31年4月30日", dt.date(2019, 4, 30)), ("R6.3.1", dt.date(2024, 3, 1)),
    ("H30/4/1", dt.date(2018, 4, 1)), ("1.3.2024 г.", dt.date(2024, 3, 1)),
])
def test_dates_of_east_asia_and_year_words(text: str, want: dt.date) -> None:
    """CJK year/month/day marks, full-width digits, Japanese eras and a trailing year word."""
    parsed = parse_dates(pd.Series([text]), "d")
    assert parsed.values.tolist() == [want] and not parsed.failed.any()


def test_a_column_of_cjk_dates_is_seen_as_dates() -> None:
    from sources.profiles import profile_column
    assert profile_column(pd.Series(["2024年3月1日", "2024年3月15日", "令和6年4月1日"])).date == 1.0


def test_dotted_dates_among_month_first_ones_are_read_day_first() -> None:
    # a rep who types "11.02.26" into a tracker of "12/25/2026" dates means 11 February: dots are written
    # day-first; they used to follow the column's month-first order (2 November) or be quarantined ("25.03.2027")
    r = parse_dates(pd.Series(["12/25/2026", "01/15/2027", "11.02.26", "25.03.2027", "03/04/2027", "3.4.2027"]),
                    "Expiry")
    assert r.values.tolist() == [dt.date(2026, 12, 25), dt.date(2027, 1, 15), dt.date(2026, 2, 11),
                                 dt.date(2027, 3, 25), dt.date(2027, 3, 4), dt.date(2027, 4, 3)]
    assert r.order == "mdy" and not r.failed.any()
    assert any("3 dotted dates read day-first" in w for w in r.warnings)
    # dotted dates that prove month-first themselves stay so; a column of one separator is as before
    proven = parse_dates(pd.Series(["12/25/2026", "12.25.2026", "11.02.2026"]), "Expiry")
    assert proven.values.tolist()[1:] == [dt.date(2026, 12, 25), dt.date(2026, 11, 2)]
    assert parse_dates(pd.Series(["12/25/2026", "11/02/26"]), "Expiry").values.tolist()[1] == dt.date(2026, 11, 2)
