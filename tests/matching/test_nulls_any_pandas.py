"""Missing values stay missing on every pandas the project allows (2.2 to 3.x): never the text
"None", "nan" or "<NA>", so two records without a street never "agree" on it."""

import numpy as np
import pandas as pd
import pytest

from matching import (
    normalise_addresses,
    normalise_cities,
    normalise_company_names,
    normalise_phones,
    normalise_postal_codes,
    resolve_entities,
)
from matching.text import TEXT_DTYPE, as_strings

MISSING = [None, np.nan, pd.NA]


@pytest.mark.parametrize("dtype", [object, "string"])
def test_normalisers_keep_nulls(dtype: object) -> None:
    values = pd.Series(["1312 S. Racine Ave", None, "  "], dtype=dtype)
    parts = normalise_addresses(values)
    assert parts["street_key"].iloc[0] == "1312 s racine"
    assert parts.iloc[1:].isna().all().all()
    for out in (
        normalise_company_names(pd.Series(["Acme Inc", None, ""], dtype=dtype)),
        normalise_cities(pd.Series(["Chicago", None, ""], dtype=dtype)),
        normalise_postal_codes(pd.Series(["60608", None, ""], dtype=dtype)),
        normalise_phones(pd.Series(["312-555-0100", None, ""], dtype=dtype))["phone"],
    ):
        assert out.iloc[1] is None and out.iloc[2] is None
        assert not out.astype(object).isin(["None", "nan", "<NA>", "NaN"]).any()


def test_text_dtype_is_arrow_backed_and_keeps_nan_missing() -> None:
    s = as_strings(pd.Series(MISSING + ["x"], dtype=object))
    assert s.dtype == TEXT_DTYPE
    assert s.isna().tolist() == [True, True, True, False]
    assert s.str.len().isna().tolist() == [True, True, True, False]


def test_records_without_streets_do_not_agree_on_streets() -> None:
    # one phone, no street on either side, different names: a missing street is unknown, so
    # nothing but the phone ties them (under pandas 2 'None' == 'None' used to add 8 bits)
    records = pd.DataFrame(
        [
            {"record_id": "a", "name": "Harbor Freight Logistics", "phone": "312-555-0100",
             "address": None, "postal_code": None},
            {"record_id": "b", "name": "Lakeside Pediatrics", "phone": "312-555-0100",
             "address": None, "postal_code": None},
        ]
    )
    res = resolve_entities(records)
    assert res.records["cluster_id"].nunique() == 2
    pairs = res.pairs
    if len(pairs):
        assert (pairs["street"] == -1).all() and (pairs["postal"] == -1).all()
