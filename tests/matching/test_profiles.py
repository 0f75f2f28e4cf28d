"""Records -> profiles: records equal on every identity column (nulls alike) are one profile, numbered
in order of first appearance, whatever string dtype the columns have."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from matching.profiles import _identity_codes, build_profiles


def _reference(columns: list[pd.Series]) -> np.ndarray:
    """Rows as tuples of Python values (None for a null), numbered by first appearance."""
    rows = list(zip(*[[None if pd.isna(v) else v for v in c.astype(object)] for c in columns], strict=True))
    first: dict[tuple, int] = {}
    return np.array([first.setdefault(r, len(first)) for r in rows], dtype=np.int32)


@pytest.mark.parametrize("dtype", [object, "string[pyarrow]", "string[python]"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_identity_codes_are_exact_and_numbered_by_first_appearance(dtype: object, seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 5_000
    columns = [pd.Series(rng.choice(np.array(["a", "b", "", "a b", None], dtype=object), n), dtype=dtype)
               for _ in range(4)]
    columns.append(pd.Series(rng.integers(0, 3, n).astype(np.uint64)))  # the evidence hash column
    codes = _identity_codes(columns)
    assert codes.dtype == np.int32
    assert np.array_equal(codes, _reference(columns))


def test_records_equal_after_normalising_are_one_profile() -> None:
    records = pd.DataFrame({
        "record_id": ["r1", "r2", "r3", "r4"],
        "name": ["Acme GmbH", "ACME G.m.b.H.", "Acme GmbH", "Acme GmbH"],
        "city": ["Berlin", "berlin", None, "Berlin"],
        "phone": [None, None, None, "+49 30 1234567"],
    })
    profiles = build_profiles(records)
    assert list(profiles.record_profile) == [0, 0, 1, 2]
    assert list(profiles.table["n_records"]) == [2, 1, 1]
