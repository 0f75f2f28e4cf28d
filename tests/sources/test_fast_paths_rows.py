"""Round two of the per-value paths: dates, blank/total row masks, the records frame, header scoring.

As in test_fast_paths.py, the reference functions below are the former pandas implementations,
kept verbatim (names prefixed `_ref`); the readers now run numpy arrays over a column's distinct
values, which cost far less on the few hundred values a column has. The inputs are the hard
cases: dates no pandas can hold, time zones, serials at the range's edges, two-digit years,
blank cells of every kind, "Total" labels, and both object and pandas' string dtype.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest

from sources import dates, headers, records
from sources.dates import OrderHint
from sources.fields import FIELD_TYPES, RECORD_FIELDS
from sources.values import cell_text, distinct, expand_distinct, is_blank, is_number, map_unique

DATE_TEXTS = [
    "2026-03-15", "2026/3/5", "2026.03.15 10:30", "2026-02-30", "9999-01-01", "1600-01-01", "20260315", "20261315",
    "3/15/2026", "15/3/2026", "03/04/2026", "31/02/2026", "13/13/26", "1.2.26", "15.03.2026", "5-6-70", "5-6-69",
    "15-Mar-2026", "March 3, 2026", "Mar 2026", "Jan 1 1500", "foo", "", "  ", "N/A", "45000", "45000.5",
    " 3/4/2026 ", "2026-03-15T10:30:00.123", "12/31/1999 23:59", "0/0/2026", "1/1/0000", "2026-3-15 ", "1.2.2026",
    "1/2/2026", "2/1/2026", "13/1/2026", "1/13/2026", "2261-12-31", "1678-01-01", "1677-12-31",
]
DATE_CELLS = [None, np.nan, 45000, 45000.75, 19999, 20000, 80000, 80001, 3.5, -1, float("inf"), np.int64(45001),
              np.float64(45002.2), True, dt.date(2026, 3, 1), dt.datetime(2026, 3, 1, 12, 30), dt.date(1, 1, 1),
              dt.datetime(9999, 12, 31), pd.Timestamp("2026-01-01")]


# --- the former implementations (general path) --------------------------------------------------

def _ref_numeric_parts(text: pd.Series) -> pd.DataFrame:
    """First part, separator, second part and four-digit year of "a/b/yy(yy)" texts (others dropped)."""
    at, a, sep, b, y = [], [], [], [], []
    for i, t in zip(text.index, text.tolist(), strict=True):  # plain Python: a column has few distinct dates
        m = dates._NUMERIC_RX.search(t)
        if m is not None:
            at.append(i)
            a.append(int(m[1]))
            sep.append(m[2])
            b.append(int(m[3]))
            y.append(dates._year4(int(m[4])))
    index = pd.Index(at, dtype=text.index.dtype)
    return pd.DataFrame({
        "a": pd.Series(a, index=index, dtype="int64"), "sep": pd.Series(sep, index=index, dtype=object),
        "b": pd.Series(b, index=index, dtype="int64"), "y": pd.Series(y, index=index, dtype="int64"),
    }, index=index)


def _ref_ymd_parts(text: pd.Series, pattern: re.Pattern[str]) -> pd.DataFrame:
    """Year, month and day (columns 0, 1, 2) of the texts `pattern` matches (others dropped)."""
    at, parts = [], []
    for i, t in zip(text.index, text.tolist(), strict=True):
        m = pattern.search(t)
        if m is not None:
            at.append(i)
            parts.append((int(m[1]), int(m[2]), int(m[3])))
    return pd.DataFrame(parts, index=pd.Index(at, dtype=text.index.dtype), columns=[0, 1, 2], dtype="int64")


def _ref_excel_serial_to_date(values: pd.Series, epoch: dt.datetime) -> pd.Series:
    return pd.Timestamp(epoch) + pd.to_timedelta(np.floor(values.astype("float64")), unit="D")


def _ref_readings(parts: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    return _ref_assemble(parts["y"], parts["b"], parts["a"]), _ref_assemble(parts["y"], parts["a"], parts["b"])


def _ref_evidence(dmy: pd.Series, mdy: pd.Series, weights: pd.Series) -> dates.OrderEvidence:
    d, m = dmy.notna(), mdy.notna()
    return dates.OrderEvidence(
        day_first=int(weights[d & ~m].sum()), month_first=int(weights[m & ~d].sum()),
        either=int(weights[d & m].sum()), impossible=int(weights[~d & ~m].sum()),
    )


def _ref_order_evidence(raw: pd.Series) -> dates.OrderEvidence:
    codes, uniques = distinct(raw)
    weights = pd.Series(np.bincount(codes[codes >= 0], minlength=len(uniques)), index=uniques.index)
    parts = _ref_numeric_parts(uniques[[isinstance(v, str) for v in uniques.tolist()]])
    if parts.empty:
        return dates.OrderEvidence()
    return _ref_evidence(*_ref_readings(parts), weights.reindex(parts.index))


def _ref_read_numeric(parts: pd.DataFrame, weights: pd.Series, column: str, order_hint: str | None) -> dates.ParsedDates:
    dmy, mdy = _ref_readings(parts)
    ev = _ref_evidence(dmy, mdy, weights)
    order, decided_by, notes = dates._decide_order(ev, bool((parts["sep"] == ".").all()), column, order_hint)
    chosen, other = (dmy, mdy) if order == "dmy" else (mdy, dmy)
    if decided_by == "tie":
        return dates.ParsedDates(chosen.where(chosen.notna(), other), chosen.isna() & other.isna(), order, notes,
                                 against_order=pd.Series(False, index=parts.index),
                                 evidence=ev.as_dict(order, decided_by))
    against = chosen.isna() & other.notna()
    return dates.ParsedDates(chosen, chosen.isna() & ~against, order, notes, against_order=against,
                             evidence=ev.as_dict(order, decided_by))


def _ref_read_by_separator(parts: pd.DataFrame, weights: pd.Series, column: str,
                           order_hint: str | None) -> dates.ParsedDates:
    """Dotted dates among others decide their own order (the default for dots: day-first)."""
    dotted = parts["sep"] == "."
    if dotted.all() or not dotted.any():
        return _ref_read_numeric(parts, weights, column, order_hint)
    main = _ref_read_numeric(parts[~dotted], weights[~dotted], column, order_hint)
    dots = _ref_read_numeric(parts[dotted], weights[dotted], column, None)
    note = [] if dots.order == main.order else [
        f"{column}: {int(dotted.sum())} dotted dates read {'day' if dots.order == 'dmy' else 'month'}-first, apart "
        f"from the column's other dates ({'day' if main.order == 'dmy' else 'month'}-first)"]
    return dates.ParsedDates(
        pd.concat([main.values, dots.values]).reindex(parts.index), pd.concat([main.failed, dots.failed]).reindex(
            parts.index), main.order, [*main.warnings, *dots.warnings, *note],
        against_order=pd.concat([main.against_order, dots.against_order]).reindex(parts.index), evidence=main.evidence)


def _ref_assemble(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    y, m, d = (np.asarray(pd.to_numeric(p, errors="coerce"), dtype="float64") for p in (year, month, day))
    return pd.Series(dates._assemble_days(y, m, d), index=year.index, dtype="datetime64[ns]")


def _ref_timestamp(value: object) -> pd.Timestamp:
    year = getattr(value, "year", 0)
    return pd.Timestamp(value) if 1678 <= year <= 2261 else pd.NaT


def _ref_parse_distinct(raw: pd.Series, weights: pd.Series, column: str, date_format: str | None,
                        excel_epoch: dt.datetime | None, order_hint: str | None,
                        bounds: tuple[dt.date, dt.date] | None) -> dates.ParsedDates:
    raw = raw.astype(object)
    out = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    years = pd.Series(np.nan, index=raw.index)
    done = pd.Series(False, index=raw.index)
    against = pd.Series(False, index=raw.index)
    warnings: list[str] = []
    order: str | None = None
    evidence: dict[str, object] = {}
    cells = raw.tolist()
    is_dt = pd.Series([isinstance(v, (dt.datetime, dt.date)) for v in cells], index=raw.index, dtype=bool)
    if is_dt.any():
        out[is_dt] = pd.to_datetime(raw[is_dt].map(_ref_timestamp), errors="coerce")
        years[is_dt] = raw[is_dt].map(lambda v: v.year).astype("float64")
        done |= is_dt
    is_num = pd.Series([is_number(v) for v in cells], index=raw.index, dtype=bool)
    is_num &= ~done
    if is_num.any():
        nums = raw[is_num].astype("float64")
        ok = nums.between(*dates.EXCEL_SERIAL_RANGE) & (excel_epoch is not None)
        if ok.any():
            out[ok[ok].index] = _ref_excel_serial_to_date(nums[ok], excel_epoch or dt.datetime(1899, 12, 30))
        done |= is_num & ok.reindex(raw.index, fill_value=False)
    texts = [None if d or pd.isna(v) else str(v).strip() for v, d in zip(cells, done.tolist(), strict=True)]
    text = pd.Series([t or None for t in texts], index=raw.index, dtype=object)
    todo = text.notna()
    if todo.any():
        s = text[todo].astype(str)
        if date_format:
            parsed = pd.to_datetime(s, format=date_format, errors="coerce")
            out[parsed.index] = parsed
        else:
            is_iso = pd.Series(False, index=s.index)
            for pattern in (dates._ISO_RX, dates._COMPACT_RX):
                ymd = _ref_ymd_parts(s[~is_iso], pattern)
                if len(ymd):
                    out[ymd.index] = _ref_assemble(ymd[0], ymd[1], ymd[2])
                    years[ymd.index] = ymd[0].astype("float64")
                    is_iso[ymd.index] = True
            parts = _ref_numeric_parts(s[~is_iso])
            if len(parts):
                read = _ref_read_by_separator(parts, weights.reindex(parts.index), column, order_hint)
                out[parts.index], against[parts.index] = read.values, read.against_order
                order, warnings, evidence = read.order, read.warnings, read.evidence
                years[parts.index] = parts["y"].astype("float64")
            rest = s[~is_iso & ~s.index.isin(parts.index)]
            if len(rest):
                dayfirst = order == "dmy"
                cache = {value: dates._parse_free_form(value, dayfirst) for value in rest.unique()}
                out[rest.index] = pd.to_datetime(rest.map(lambda v: _ref_timestamp(cache[v])), errors="coerce")
                # the one rule changed on purpose: a free-form date's year counts for the bounds, as an ISO one's
                years[rest.index] = rest.map(lambda v: np.nan if cache[v] is None else cache[v].year).astype("float64")
    non_empty = pd.Series([not is_blank(v) for v in cells], index=raw.index, dtype=bool)
    out_of_range = pd.Series(False, index=raw.index)
    if bounds is not None:
        lo, hi = pd.Timestamp(bounds[0]), pd.Timestamp(bounds[1])
        out_of_range = (out.notna() & ((out < lo) | (out > hi))) | (
            out.isna() & ((years < bounds[0].year) | (years > bounds[1].year))
        )
        out = out.where(~out_of_range)
    values = out.dt.date.astype(object).where(out.notna(), None)
    failed = non_empty & out.isna() & ~out_of_range & ~against
    return dates.ParsedDates(values=values, failed=failed, order=order, warnings=warnings,
                             out_of_range=out_of_range, against_order=against, evidence=evidence)


def _ref_blank_mask(col: pd.Series) -> pd.Series:
    if pd.api.types.is_string_dtype(col) and not pd.api.types.is_object_dtype(col):
        return col.fillna("").str.strip().eq("")
    return map_unique(col, lambda v: cell_text(v) is None).astype(bool)


def _ref_text_mask(col: pd.Series, pattern: str) -> pd.Series:
    codes, uniques = distinct(col)
    rx = re.compile(pattern)
    found = pd.Series([rx.search(v if isinstance(v, str) else "") is not None for v in uniques.tolist()], dtype=object)
    return expand_distinct(col, found, codes, False).astype(bool)


def _ref_records_frame(index: pd.Index, typed: dict[str, pd.Series], good: pd.Series,
                       provenance: dict[str, object]) -> pd.DataFrame:
    frame = pd.DataFrame(index=index)
    for name, value in provenance.items():
        frame[name] = value
    for fld in RECORD_FIELDS:
        if fld in typed:
            frame[fld] = typed[fld][good]
        elif FIELD_TYPES[fld] == "serials":
            frame[fld] = pd.Series([[] for _ in range(int(good.sum()))], index=frame.index, dtype=object)
        else:
            frame[fld] = None
    return frame


def _ref_header_scores(cells: list[object], kind: str) -> tuple[np.ndarray, dict[tuple[int, int], str]]:
    """The former recognise_header loop: every eligible field asked of every header."""
    texts = headers.clean_headers(cells)
    fields = list(headers.eligible_fields(kind))
    scores = np.zeros((len(texts), len(fields)))
    evidence: dict[tuple[int, int], str] = {}
    for i, h in enumerate(texts):
        if not h or not isinstance(cells[i], str):
            continue
        for j, fld in enumerate(fields):
            s = headers.field_scores(h, kind).get(fld)
            if s is not None:
                scores[i, j], evidence[i, j] = s.score, s.evidence
    return scores, evidence


# --- fast path == general path --------------------------------------------------------------------

def _outcome(fn: object, *args: object) -> object:
    try:
        r = fn(*args)  # type: ignore[operator]
    except Exception as exc:  # noqa: BLE001 - the kind of failure is what is compared
        return type(exc).__name__
    return (r.values.tolist(), [type(v) for v in r.values], r.values.dtype, r.values.index.tolist(), r.failed.tolist(),
            r.failed.dtype, r.order, r.warnings, r.out_of_range.tolist(), r.against_order.tolist(), r.evidence)


DATE_SETS = [
    DATE_TEXTS, DATE_TEXTS[:20] + DATE_CELLS, ["3/15/2026", "15/3/2026", "03/04/2026"], ["1.2.26", "3.4.26", None],
    ["03/04/2026", "05/06/2026"], ["15/3/2026", "3/15/2026", "1/2/2026", "31/02/2026"], ["", None, np.nan, "  "],
    DATE_CELLS, ["March 3, 2026", "4/5/2026", "5 Apr 2026"], ["13/1/2026", "Jan 5 2026", "1/13/2026", "2/3/2026"],
]


@pytest.mark.parametrize("dtype", [object, "str"])
@pytest.mark.parametrize("cells", DATE_SETS)
@pytest.mark.parametrize("kwargs", [
    {}, {"excel_epoch": dt.datetime(1899, 12, 30)}, {"excel_epoch": dt.datetime(1904, 1, 1), "order_hint": OrderHint("dmy", "earlier files")},
    {"bounds": (dt.date(2000, 1, 1), dt.date(2030, 12, 31)), "excel_epoch": dt.datetime(1899, 12, 30)},
    {"order_hint": OrderHint("mdy", "earlier files"), "bounds": (dt.date(1990, 1, 1), dt.date(2026, 3, 10))},
    {"date_format": "%d/%m/%Y"},
])
def test_parse_distinct_matches_the_pandas_path(cells: list[object], dtype: object, kwargs: dict[str, object]) -> None:
    if dtype == "str":
        cells = [c for c in cells if isinstance(c, str) or c is None]
    raw = pd.Series(cells, dtype=dtype)  # type: ignore[call-overload]
    codes, uniques = distinct(raw)
    weights = pd.Series(np.bincount(codes[codes >= 0], minlength=len(uniques)), index=uniques.index)
    args = (uniques, weights, "c", kwargs.get("date_format"), kwargs.get("excel_epoch"), kwargs.get("order_hint"),
            kwargs.get("bounds"))
    assert _outcome(dates._parse_distinct, *args) == _outcome(_ref_parse_distinct, *args)
    got, want = dates.order_evidence(raw), _ref_order_evidence(raw)
    assert got == want


UNHELD = [  # (value, date read, failed, out of range): values whose datetime pandas cannot hold as it is
    ("3 March 2026 10:00 UTC", dt.date(2026, 3, 3), False, False),  # the day it was written, zone dropped
    ("3 March 2026 23:30 -05:00", dt.date(2026, 3, 3), False, False),  # not the next day in UTC
    (pd.Timestamp("2026-01-01 23:00", tz="Asia/Tokyo"), dt.date(2026, 1, 1), False, False),
    (dt.datetime(2026, 1, 1, tzinfo=dt.UTC), dt.date(2026, 1, 1), False, False),
    ("January 1, 9999", None, False, True),  # a year pandas cannot hold: out of range, as 9999-01-01 is
    (dt.datetime(9999, 1, 1), None, False, True),
    (10**400, None, True, False),  # no float holds it: a bad cell, not an OverflowError
]


@pytest.mark.parametrize(("value", "date", "failed", "out_of_range", "dtype"),
                         [(*case, object) for case in UNHELD] + [(*case, "str") for case in UNHELD
                                                                 if isinstance(case[0], str)])
def test_values_pandas_cannot_hold_are_read_or_flagged_never_raised(
        value: object, date: dt.date | None, failed: bool, out_of_range: bool, dtype: object) -> None:
    raw = pd.Series(["3/15/2026", value], dtype=dtype)  # type: ignore[call-overload]
    got = dates.parse_dates(raw, "c", bounds=(dt.date(1970, 1, 1), dt.date(2100, 12, 31)),
                            excel_epoch=dt.datetime(1899, 12, 30))
    assert got.values.tolist() == [dt.date(2026, 3, 15), date]
    assert got.failed.tolist() == [False, failed]
    assert got.out_of_range.tolist() == [False, out_of_range]


TOTAL_CELLS = ["Total", " total ", "Grand Total", "subtotal", "Sub-Total:", "sum", "SUM:", "Sum of x", "totals 2026",
               "Totally", "x total", "", "  ", "\t", "\u3000", "\x1c", "\xa0", "Acme", None, np.nan, 0, 0.0, 3.5, True,
               dt.date(2026, 1, 1), "line\nTotal", "\nTotal"]


@pytest.mark.parametrize("dtype", [object, "str"])
@pytest.mark.parametrize("cells", [TOTAL_CELLS, TOTAL_CELLS[::-1], [], [None, None], ["a", "Total", "a"]])
def test_cell_masks_match_the_pandas_masks(cells: list[object], dtype: object) -> None:
    if dtype == "str":
        cells = [c for c in cells if isinstance(c, str) or c is None]
    col = pd.Series(cells, dtype=dtype, index=pd.RangeIndex(4, 4 + len(cells)))  # type: ignore[call-overload]
    masks = records._cell_masks(col, "Total")
    blank, total, again = masks.blank, masks.total, masks.header
    assert again.tolist() == [isinstance(v, str) and v.strip().casefold() == "total" for v in col.tolist()]
    assert blank.tolist() == _ref_blank_mask(col).tolist()
    assert total.tolist() == _ref_text_mask(col, records._TOTAL_LABEL).tolist()


@pytest.mark.parametrize("mask", [[], [True, True, True], [True, False, True, False], [False, False]])
@pytest.mark.parametrize("sheet", [None, "Jan"])
def test_records_frame_matches_column_by_column_inserts(mask: list[bool], sheet: str | None) -> None:
    body = pd.Index([5, 7, 9, 11][:len(mask)], dtype="int64")
    good = pd.Series(mask, index=body, dtype=bool)
    n = len(mask)
    typed = {RECORD_FIELDS[0]: pd.Series([None] * n, index=body, dtype=object),
             RECORD_FIELDS[1]: pd.Series(["a"] * n, index=body, dtype="str"),
             RECORD_FIELDS[2]: pd.Series(np.arange(n, dtype=float), index=body)}
    provenance = {"source": "s", "source_file": "f.csv", "source_sheet": sheet,
                  "source_row": pd.Series(np.arange(n), index=body)[good].astype("int64"), "kind": "k"}
    got = records._records_frame(body[good], {f: v[good] for f, v in typed.items()}, provenance)
    want = _ref_records_frame(body[good], typed, good, provenance)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert got["serial_numbers"].tolist() == [[]] * int(good.sum())



def _field_of(ftype: str) -> str:
    return next(f for f in RECORD_FIELDS if FIELD_TYPES[f] == ftype)


@pytest.mark.parametrize("mask", [[], [True, True, True], [True, False, True], [False, False, False]])
@pytest.mark.parametrize("sheet", [None, "Jan"])
def test_record_columns_make_the_arrow_table_the_frame_makes(mask: list[bool], sheet: str | None) -> None:
    """The nightly run stores `RecordColumns.arrow()`; it must equal `to_arrow` of the frame tests and
    tools read, for every field type, with missing values and absent fields."""
    body = pd.Index([5, 7, 9][:len(mask)], dtype="int64")
    good = pd.Series(mask, index=body, dtype=bool)
    typed = {
        _field_of("text"): pd.Series(["Acme", None, "Zeta"][:len(mask)], index=body, dtype=object),
        _field_of("date"): pd.Series([dt.date(2026, 3, 1), None, dt.date(1999, 12, 31)][:len(mask)], index=body,
                                     dtype=object),
        _field_of("money"): pd.Series([1.5, np.nan, -2.25][:len(mask)], index=body),
        _field_of("quantity"): pd.Series([3, None, 7][:len(mask)], index=body, dtype=object),
        _field_of("percent"): pd.Series([0.4, np.nan, 1.0][:len(mask)], index=body),
        _field_of("serials"): pd.Series([["S1", "S2"], [], ["S3"]][:len(mask)], index=body, dtype=object),
    }
    fields = {f: v[good] for f, v in typed.items()}
    provenance = {"source": "s", "source_file": "f.csv", "source_sheet": sheet,
                  "source_row": pd.Series(np.arange(len(mask)), index=body)[good].astype("int64"), "kind": "k"}
    columns = records.RecordColumns(body[good], provenance, fields)
    got = columns.arrow()
    assert got.equals(records.to_arrow(columns.frame()))
    assert got.schema == records.RECORD_SCHEMA and got.num_rows == int(good.sum())


@pytest.mark.parametrize("kind", ["distributor", "partner_program", "crm_accounts"])
def test_header_scores_come_from_the_fields_a_header_names(kind: str) -> None:
    row = ["Customer Name", "Serial No.", "Inv. Date", "Qty Shipped", "Acme Corp", "3/15/2026", 42, None, "", "#",
           "Unit Price (USD)", "End User", "Total"]
    got = headers.recognise_header(row, None, kind)
    scores, evidence = _ref_header_scores(row, kind)
    fields = list(headers.eligible_fields(kind))
    mapping = {i: fields[j] for i, j in headers.assign(scores, headers.HEADER_MIN)}
    assert got.mapping == dict(sorted(mapping.items()))
    assert got.how == {fields[j]: evidence[i, j] for i, j in headers.assign(scores, headers.HEADER_MIN)}
