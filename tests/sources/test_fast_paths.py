"""The plain-Python per-value paths give exactly what the pandas `.str` chains they replaced gave.

The reference functions below are the former vectorised implementations, kept verbatim as the
general path; the readers now run the per-value ones, which are far cheaper on the few hundred
distinct values a column has. Inputs are the hard cases: currency symbols and codes, decimal
commas, dates with month names, blank and NaN cells, and pandas' string dtype.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest

from sources import currency, dates, profiles, values
from sources.countries import is_country
from sources.currency import code_of, split_currency
from sources.folding import fold_word
from sources.invisible import without_invisible
from sources.month_dates import month_of
from sources.values import cell_text, is_blank, is_number, map_unique, parse_money

TRICKY = [
    "$3,000.00", "1.234,56 €", "CHF 1'234.50", "(120.00)", "-$5.00", "$-5.00", "kr 100", "USD 5 EUR", "5 EUR",
    "€", "$", "US$ 7", "12-34", "1,5", "3.000", "1,234", "1.234", "0,50", "(5", "5-", "1 234,50", "¥ 500",
    "CA$ 12.00", "12.00 zł", "R$ 3,50", "40%", "", "  ", "15-Mar-2026", "March 3, 2026", "3/15/2026",
    "15.03.2026", "2026-03-15", "20260315", "Mar 2026", "31/02/2026", "Acme Corp", "Foo GmbH & Co. KG",
    "Baz S.A.", "info@acme.com", "www.acme.com", "+1 (555) 123-4567 ext 12", "94105", "SW1A 1AA", "CA",
    "Germany", "usd", "SN123; SN456", "John Smith", "12 Main Street", "İSTANBUL Holding", "ΣΑΣ Ltd", "Total",
    "line one\nline two", "٣٤٥", "TRUE", "N/A", "12.5.26", "2.00", "[CS-4HR-SW] Support 4h", "[DESK] Desk",
]
CELLS = [*TRICKY, None, np.nan, 3000, 2.5, float("inf"), -0.0, 45000, 45000.5, 123456, True,
         dt.date(2026, 3, 1), dt.datetime(2026, 3, 1, 12, 30)]


# --- the former implementations (general path) --------------------------------------------------

_EDGE = currency._EDGE_CHARS


def _ref_split_marked(text: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    text = text.map(lambda t: without_invisible(t, code=True))  # since s39: direction marks dropped
    # since s39 a token is also an abbreviation with dots ("Rs.", "ج.م."), known by its letters where only they are
    lead = text.str.extract(rf"^(?P<pre>[\s(+\-]*)(?P<cur>{currency._TOKEN})(?P<rest>.*)$", flags=re.DOTALL)
    lead["cur"] = lead["cur"].map(currency._symbol, na_action="ignore")
    rest = lead["rest"].where(lead["cur"].notna(), text)
    pre = lead["pre"].fillna("")
    trail = rest.str.extract(rf"^(?P<body>.*?)(?P<cur>{currency._TOKEN})(?P<post>[\s)\-]*)$", flags=re.DOTALL)
    trail["cur"] = trail["cur"].map(currency._symbol, na_action="ignore")
    has_trail = trail["cur"].notna() & trail["body"].str.contains(r"\d", regex=True, na=False).astype(bool)
    body = trail["body"].where(has_trail, rest) + trail["post"].where(has_trail, "").fillna("")
    lead_code = lead["cur"].map(code_of, na_action="ignore")
    trail_code = trail["cur"].where(has_trail).map(code_of, na_action="ignore")
    unknown = (lead["cur"].notna() & lead_code.isna()) | (has_trail & trail_code.isna())
    unknown |= lead_code.notna() & trail_code.notna() & (lead_code != trail_code)
    code = lead_code.where(lead_code.notna(), trail_code)
    code = code.astype(object).where(code.notna() & ~unknown, None)
    token = lead["cur"].where(lead["cur"].notna(), trail["cur"].where(has_trail))
    symbol = token.where(token.isin(list(currency.alternatives())) & code.notna(), None).astype(object)
    # an ambiguous symbol alone ("kr 100": NOK or SEK) is no unknown currency: the currency column decides
    alone = token.isin(list(currency.ambiguous())) & (lead["cur"].isna() | ~has_trail)
    unknown &= ~alone
    symbol = symbol.where(~alone, token)
    return (pre + body).astype(object), code, unknown.astype(bool), symbol


def _ref_split_currency(text: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    text = text.astype(object).where(text.notna(), "").astype(str)
    marked = text.str.contains(_EDGE, regex=True)
    if not marked.any():
        none = pd.Series(None, index=text.index, dtype=object)
        return text.astype(object), none, pd.Series(False, index=text.index), none.copy()
    p_text, p_code, p_unknown, p_symbol = _ref_split_marked(text[marked])

    def full(v: pd.Series) -> pd.Series:
        v = v.reindex(text.index).astype(object)
        return v.where(v.notna(), None)

    return (text.where(~marked, p_text).astype(object), full(p_code),
            p_unknown.reindex(text.index, fill_value=False).astype(bool), full(p_symbol))


def _ref_money_distinct(raw: pd.Series, weights: np.ndarray) -> values.MoneyColumn:
    out = pd.Series(np.nan, index=raw.index, dtype="float64")
    no = pd.Series(False, index=raw.index)
    outlier, unknown = no.copy(), no.copy()
    cur_out = pd.Series(None, index=raw.index, dtype=object)
    symbol = cur_out.copy()
    raw = raw.astype(object)
    is_num = map_unique(raw, is_number).astype(bool)
    out[is_num] = raw[is_num].astype("float64")
    # a dash alone is Excel's accounting zero; "n/a" and the like say no number is known
    zero = map_unique(raw, lambda v: isinstance(v, str) and values._ACCOUNTING_ZERO.match(v.strip()) is not None)
    out[zero.astype(bool)] = 0.0
    text = map_unique(raw[~is_num & ~zero.astype(bool)], lambda v: None if is_blank(v) or values.is_number_placeholder(v)
                      else values.ascii_digits(str(v).strip())).dropna()  # since s39: "٣٤٥" is 345
    decimal_comma, evidence = False, {}
    if len(text):
        stripped, cur, unknown_cur, sym = _ref_split_currency(text.astype(str))
        s = stripped.astype(str).str.replace(r"[\s\u00a0\u202f'’]", "", regex=True)
        m = s.str.extract(values._SIGNED)
        num = m["num"].fillna("")
        balanced = m["open"].eq("(") == m["close"].eq(")")
        negative = m["open"].eq("(") | m["lead"].eq("-") | m["trail"].eq("-")
        usable = balanced & m["num"].notna() & num.str.contains(r"\d", regex=True) & ~unknown_cur
        as_dot = usable & num.str.fullmatch(values._DOT_DECIMAL).fillna(False).astype(bool)
        as_comma = usable & num.str.fullmatch(values._COMMA_DECIMAL).fillna(False).astype(bool)
        w = pd.Series(weights, index=raw.index).reindex(text.index)
        evidence = {"decimal_point": int(w[as_dot & ~as_comma].sum()), "decimal_comma": int(w[as_comma & ~as_dot].sum()),
                    "either": int(w[as_dot & as_comma].sum())}
        decimal_comma = evidence["decimal_comma"] > evidence["decimal_point"]
        readable, other = (as_comma, as_dot) if decimal_comma else (as_dot, as_comma)
        plain = (num.str.replace(".", "", regex=False).str.replace(",", ".", regex=False) if decimal_comma
                 else num.str.replace(",", "", regex=False))
        v = pd.to_numeric(plain.where(readable, None), errors="coerce")
        out[v.index] = v.where(~negative, -v)
        outlier[text.index] = other & ~readable
        unknown[text.index] = unknown_cur & stripped.str.contains(r"\d", regex=True)
        cur_out[text.index] = cur.where(readable, None)
        symbol[text.index] = sym.where(readable, None)
    out = out.round(2)
    failed = ~map_unique(raw, lambda v: is_blank(v) or values.is_number_placeholder(v)).astype(bool) & out.isna() \
        & ~outlier & ~unknown
    return values.MoneyColumn(out, failed, outlier, unknown, cur_out, decimal_comma, evidence, symbol)


def _ref_legal(lower: pd.Series) -> pd.Series:
    words = lower.str.replace(r"[.,()]", " ", regex=True).str.split()
    hit = pd.Series(False, index=lower.index)
    for n in (1, 2, 3):
        tail = words.map(lambda ws, n=n: " ".join(ws[-n:]) if len(ws) > n else "")
        hit |= tail.isin(profiles._legal_forms())
        if n > 1:  # a dotted form ("b. v.") is its letters
            dotted = words.map(lambda ws, n=n: "".join(ws[-n:]) if len(ws) > n and all(len(w) <= 2 for w in ws[-n:])
                               else "")
            hit |= dotted.isin(profiles._legal_forms())
    return hit


def _ref_features(v: pd.Series, excel_epoch: object | None) -> pd.DataFrame:
    p = profiles
    f = pd.DataFrame(index=v.index)
    is_dt = v.map(lambda x: isinstance(x, (dt.date, dt.datetime))).astype(bool)
    is_num = v.map(is_number).astype(bool)
    s = v.map(cell_text).astype(str).str.strip()
    lower = s.str.lower()
    nums = pd.to_numeric(v.where(is_num), errors="coerce")
    serial_day = is_num & nums.between(20_000, 80_000) & (nums == nums.round()) & (excel_epoch is not None)
    date_text = ~is_num & s.str.match(p._DATE_TEXT)
    named = date_text & lower.str.contains("[a-z]", regex=True)
    date_text &= ~named | lower.str.findall(r"[a-z]+").map(lambda ws: bool(ws) and ws[0].rstrip(".") in p._MONTHS)
    date_text |= ~is_num & s.map(lambda t: month_of(t) is not None).astype(bool)  # a month alone ("Sep-26")
    f["date"] = (is_dt | date_text).astype(float).where(~serial_day, 0.5)
    money, _ = parse_money(v.where(~is_dt & ~date_text, None))
    numeric = money.notna() & ~is_dt & ~date_text
    whole = numeric & (money == money.round())
    cents = s.str.contains(r"[.,]\d{1,2}$|[$€£]", regex=True)
    f["money"], f["decimals"] = numeric, numeric & ~whole
    f["small_whole"] = whole & money.between(0, 10_000) & ~cents
    f["zero_cents"] = whole & money.between(0, 10_000) & cents & ~s.str.contains("[$€£¥]", regex=True)
    digits = s.str.fullmatch(r"\d+")
    f["digits_only"], f["digit_len"] = digits, s.str.len().where(digits, -1)
    long_whole = is_num & (nums == nums.round()) & (nums.abs() >= 10_000) & ~serial_day
    bracketed = s.str.extract(r"^\[([^\[\]\s]{2,40})\]\s", expand=False)
    code_like = (s.str.match(p._CODE) & s.str.contains(r"\d", regex=True)) | bracketed.str.contains(r"\d").fillna(False)
    f["code"] = long_whole | (~is_num & code_like & ~date_text & ~(numeric & cents))
    f["numbered"] = f["code"] & s.str.contains(r"\d{4}", regex=True)
    f["multi_code"] = s.str.split(r"[,;/\s]+", regex=True).map(p._multi_code)
    email = s.str.match(p._EMAIL)
    domain = lower.str.match(p._DOMAIN) & ~s.str.contains("@", regex=False)
    f["email"] = email
    f["phone"] = s.str.match(p._PHONE) & s.str.count(r"\d").between(7, 15) & ~date_text & ~is_num
    f["domain"] = domain & ~numeric
    f["postal"] = s.str.match(p._POSTAL) & (~is_num | (digits & s.str.len().between(4, 5)))
    states, currencies = p._places()
    bare = lower.str.replace(r"[.]", " ", regex=True).str.split().str.join(" ")
    named = s.astype(object).map(lambda v: len(v) <= 24 and code_of(v) is not None).astype(bool)
    in_states, in_currencies = bare.isin(states), lower.isin(currencies) | (~is_num & named)
    in_countries = s.astype(object).map(is_country).astype(bool)
    f["state"] = in_states & lower.str.contains("[a-z]", regex=True)
    region_words = lower.astype(object).map(lambda v: re.findall(r"[^\W\d_]+", v))
    f["sales_region"] = (s.str.split().str.len() > 0) & region_words.map(
        lambda ws: all(w in p.SALES_REGION_WORDS for w in ws))
    f["status"] = (s.str.split().str.len() <= 3) & region_words.map(
        lambda ws: any(fold_word(w) in p.STATUS_WORDS for w in ws))
    f["country"], f["currency"] = in_countries, in_currencies
    f["percent"] = s.str.match(r"^\d{1,3}(?:[.,]\d+)?\s*%$") | (numeric & money.between(0, 100))
    word_count = s.str.split().str.len()
    # a letter of any script (Python's `re`: RE2's \W is ASCII only)
    letters = s.astype(object).map(lambda v: len(re.findall(r"[^\W\d_]", v))).astype(float) / s.str.len().clip(lower=1)
    legal = _ref_legal(lower)
    org_word = lower.astype(object).map(lambda v: re.findall(r"[^\W\d_]+", v)).map(lambda ws: any(w in p._COMPANY_WORDS for w in ws))
    f["company"] = ~is_num & (legal | org_word)
    f["person"] = s.str.match(p._PERSON) & ~legal & ~org_word
    placeish = in_states | in_countries | in_currencies
    f["party"] = (~is_num & ~date_text & (letters >= 0.6) & word_count.between(1, 8) & ~email & ~domain
                  & ~placeish & ~code_like)
    f["address"] = ~is_num & s.str.match(p._ADDRESS) & (word_count >= 2) & (letters >= 0.3)
    f["free_text"] = (word_count >= 4) | (s.str.len() >= 30)
    f["mean_words"] = word_count.astype(float)
    return f


# --- fast path == general path --------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [object, "str"])
def test_split_currency_matches_the_pandas_chain(dtype: object) -> None:
    text = pd.Series([t for t in TRICKY if t], dtype=dtype)  # type: ignore[call-overload]
    got = split_currency(text)
    want = _ref_split_currency(text)
    for g, w in zip((got.text, got.code, got.unknown, got.symbol), want, strict=True):
        pd.testing.assert_series_equal(g, w, check_dtype=True, check_names=False)  # names never leave values.py


@pytest.mark.parametrize("dtype", [object, "str"])
@pytest.mark.parametrize("cells", [CELLS, TRICKY[:12], ["1.234,56", "3,50", "1.000,00", "2,5", None],
                                   ["", None, np.nan], ["-0", "(0,00)", "1e5", "99999999999999999999999"]])
def test_money_matches_the_pandas_chain(cells: list[object], dtype: object) -> None:
    raw = pd.Series(cells, dtype=object)
    if dtype == "str":
        raw = pd.Series([c for c in cells if isinstance(c, str) or c is None], dtype="str")
    codes, uniques = values.distinct(raw)
    weights = np.bincount(codes[codes >= 0], minlength=len(uniques)).astype(np.int64)
    got, want = values._parse_money_distinct(uniques, weights), _ref_money_distinct(uniques, weights)
    for name in ("values", "failed", "outlier", "unknown_currency", "currency", "symbol"):
        pd.testing.assert_series_equal(getattr(got, name), getattr(want, name), check_dtype=True, obj=name)
    assert (got.decimal_comma, got.evidence) == (want.decimal_comma, want.evidence)


@pytest.mark.parametrize("epoch", [None, dt.datetime(1899, 12, 30)])
def test_features_match_the_pandas_chain(epoch: object) -> None:
    sample = pd.Series([c for c in CELLS if cell_text(c) is not None], dtype=object)
    got = profiles._features(sample, epoch).astype(float)
    want = _ref_features(sample, epoch).astype(float)
    pd.testing.assert_frame_equal(got, want, check_dtype=True)


@pytest.mark.parametrize("dtype", [object, "str"])
def test_date_parts_match_the_pandas_chain(dtype: object) -> None:
    text = pd.Series([t for t in TRICKY if t] + ["3 / 4 / 26", "12-31-1999 10:30", "2026/3/5 08:00:01.5"],
                     dtype=dtype)  # type: ignore[call-overload]
    num = text.str.extract(dates._NUMERIC).dropna()
    at, a, sep, b, y, last = dates._numeric_arrays(text.index.tolist(), text.tolist())
    assert at.tolist() == num.index.tolist()
    assert a.tolist() == num[0].astype(int).tolist()
    assert b.tolist() == num[2].astype(int).tolist()
    assert sep.tolist() == num[1].tolist()
    yy = num[3].astype(int)
    assert y.tolist() == yy.where(yy >= 100, np.where(yy < 70, 2000 + yy, 1900 + yy)).tolist()  # the former pandas rule
    assert last.tolist() == yy.where(num[3].str.len() == 2, -1).tolist()  # the two-digit year as written
    shapes = dates._split_shapes(list(enumerate(text.tolist())))
    taken: set[int] = set()
    for pattern, (pos, *ymd) in zip((dates._ISO, dates._COMPACT), shapes.ymd, strict=True):
        found = text[~text.index.isin(list(taken))].str.extract(pattern).dropna().astype(int)
        assert pos.tolist() == found.index.tolist()
        assert [p.tolist() for p in ymd] == [found[k].tolist() for k in (0, 1, 2)]
        taken |= set(pos.tolist())
    assert shapes.numeric[0].tolist() == [i for i in at.tolist() if i not in taken]
    assert [i for i, _ in shapes.rest] == [i for i in text.index if i not in taken and i not in set(at.tolist())]


def test_dates_read_alike_from_object_and_string_dtype() -> None:
    cells = ["15-Mar-2026", "March 3, 2026", "3/15/2026", "2026-03-15", "20260315", None, "", "soon", "31/02/2026"]
    a = dates.parse_dates(pd.Series(cells, dtype=object), "d")
    b = dates.parse_dates(pd.Series(cells, dtype="str"), "d")
    assert a.values.tolist() == b.values.tolist()
    assert a.values.tolist()[:5] == [dt.date(2026, 3, 15), dt.date(2026, 3, 3), dt.date(2026, 3, 15),
                                     dt.date(2026, 3, 15), dt.date(2026, 3, 15)]
    assert a.failed.tolist() == b.failed.tolist() == [False] * 5 + [False, False, True, True]
