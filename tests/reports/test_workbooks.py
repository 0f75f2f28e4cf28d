"""reports.workbooks: the installed base's serials, listed per group in one pass; its lines."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from reports.workbooks import _installed_base_rows, first_serials
from tests.reports import installed_base_reference as reference


@pytest.mark.parametrize("dtype", [object, "string"])
def test_each_group_lists_its_first_serials_sorted_and_counts_the_rest(dtype: object) -> None:
    group = np.array([1, 0, 1, 1, 1, 1, 2, 0])
    serials = pd.Series(["S5", "B2", "S1", None, "S3", "S2", None, "A9"], dtype=dtype)
    assert first_serials(group, serials, 4) == ["A9, B2", "S1, S2, S3 (+1 more)", "", ""]


def test_no_serial_at_all_gives_empty_cells() -> None:
    assert first_serials(np.array([0, 0]), pd.Series([None, None], dtype=object), 2) == ["", ""]


def _random_base(rng: np.random.Generator, n: int, text_dtype: object) -> pd.DataFrame:
    """An installed base of `n` rows drawn from few values, so groups repeat and nulls fall anywhere."""
    def pick(values: list[object]) -> list[object]:
        return [values[i] for i in rng.integers(0, len(values), n)]

    def texts(prefix: str) -> list[object]:
        return [None, *(f"{prefix}{i}" for i in range(4))]

    days = [dt.date(2020, 1, 1) + dt.timedelta(days=int(d)) for d in rng.integers(0, 2000, 6)]
    frame = pd.DataFrame({
        "asset_id": pick(texts("A")), "serial_number": pick([*texts("S"), "s0", "Ä1"]), "sku": pick(texts("K")),
        "customer_id": pick(texts("C")), "customer_name": pick(texts("N")), "reseller_id": pick(texts("R")),
        "reseller_name": pick(texts("RN")), "rep": pick(texts("P")), "ship_date": pick(days),
        "uncovered_since": pick(days), "years_uncovered": rng.choice([np.nan, 1.26, 2.5, 3.0], n),
        "value_if_covered": rng.choice([np.nan, 0.1, 0.2, 1e6, 3.3], n), "currency": pick(texts("EUR")),
        "contact_name": pick(texts("CN")), "contact_phone": pick([None, "5551234567", "+44 20 1234"]),
    }, dtype=object)
    text = [c for c in frame.columns if c not in ("ship_date", "uncovered_since", "years_uncovered", "value_if_covered")]
    return frame.astype({c: text_dtype for c in text} | {"years_uncovered": float, "value_if_covered": float})


@pytest.mark.parametrize("text_dtype", [object, "string"])
def test_installed_base_lines_equal_one_named_aggregation(text_dtype: object) -> None:
    """One grouping call per aggregate gives the frame the named aggregation gave, dtypes, nulls, float
    sums and the order of ties included, on random bases of 1-60 rows."""
    rng = np.random.default_rng(7)
    for _ in range(60):
        base = _random_base(rng, int(rng.integers(1, 60)), text_dtype)
        pd.testing.assert_frame_equal(_installed_base_rows(base), reference.installed_base_rows(base),
                                      check_exact=True)


def test_serials_listed_as_the_pandas_sort_listed_them() -> None:
    rng = np.random.default_rng(3)
    for _ in range(40):
        n = int(rng.integers(1, 50))
        serials = pd.Series([None if rng.random() < 0.2 else f"S{rng.integers(0, 9)}" for _ in range(n)], dtype=object)
        group = rng.integers(0, 6, n)
        assert first_serials(group, serials, 6) == reference.first_serials(group, serials, 6)
