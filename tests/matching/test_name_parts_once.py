"""company_name_parts made once per distinct (name, country) pair equals it made for every row."""

import random

import numpy as np
import pandas as pd
import pytest

from matching.names import _name_parts, company_name_parts
from matching.text import TEXT_DTYPE

NAMES = ["Volvo AB", "volvo ab ", "Nordic Data Systems AB Stockholm", "NORDICDATA SYSTEMS", "Nordic Data Systems",
         "Müller & Söhne GmbH, Wien", "Acme Holdings Ltd (Leeds)", "AB Fastighets Partner", "S.A. Ibérica de Redes",
         "Kaffee-Rösterei Berlin", "Tokyo Denki K.K.", "", "  ", "12345"]
COUNTRIES = ["SE", "Sweden", "AT", "GB", "ES", "DE", "JP", "", "Schweden"]
CITIES = ["Stockholm", "Wien", "Leeds", "Berlin", None]


def _cells(rng: random.Random, values: list[str], n: int, missing: float) -> list[object]:
    return [None if rng.random() < missing else (np.nan if rng.random() < 0.02 else rng.choice(values))
            for _ in range(n)]


@pytest.mark.parametrize("dtype", [TEXT_DTYPE, object])
def test_once_per_distinct_pair_equals_every_row(dtype: object) -> None:
    rng = random.Random(11)
    n = 3_000
    names = pd.Series(_cells(rng, NAMES, n, 0.05), dtype=dtype, index=pd.RangeIndex(5, 5 + n))
    countries = pd.Series(_cells(rng, COUNTRIES, n, 0.3), dtype=dtype, index=names.index)
    cities = pd.Series(_cells(rng, CITIES, n, 0.2), dtype=dtype, index=names.index)
    got = company_name_parts(names, countries, cities)
    city_keys = frozenset({"stockholm", "wien", "leeds", "berlin"})
    want = _name_parts(names, countries, city_keys)
    pd.testing.assert_frame_equal(got, want)
    assert got["name_norm"].notna().sum() > n // 2
    # without countries, the names alone are the key
    pd.testing.assert_frame_equal(company_name_parts(names), _name_parts(names, None, frozenset()))


def test_mixed_cells_read_as_the_row_by_row_path_reads_them() -> None:
    # 1, 1.0 and True are one cell to pandas' factorize, there as in as_text: the first one read names them
    names = pd.Series([True, 1, 1.0, "Acme AB", None, 1.0] * 3, dtype=object)
    countries = pd.Series(["SE", "DE", "SE", "SE", "SE", None] * 3, dtype=object)
    pd.testing.assert_frame_equal(company_name_parts(names, countries), _name_parts(names, countries, frozenset()))
