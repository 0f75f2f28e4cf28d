"""What each serial form (or any integer-coded node) was seen with - its SKU families, records,
customers, sources - as distinct (form, value) rows of integer codes, and the tests the asset rules
make on them: only equality counts, and millions of rows join on integers in a fraction of the
memory strings take."""

from __future__ import annotations

import numpy as np
import pandas as pd

from matching.graph import pairs_sharing


def form_links(form: np.ndarray, values: pd.Series | np.ndarray, column: str) -> pd.DataFrame:
    """Distinct (form, value) rows, `form` and `values` given per row; a missing value links nothing."""
    codes = pd.factorize(values, use_na_sentinel=True)[0]
    seen = codes >= 0
    return pd.DataFrame({"form": form[seen], column: codes[seen]}).drop_duplicates()


def listed(values: pd.DataFrame, n_forms: int) -> np.ndarray:
    """Which forms have a row in `values` (form, value rows)."""
    has = np.zeros(n_forms, dtype=bool)
    has[values["form"].to_numpy()] = True
    return has


def compatible(left: np.ndarray, right: np.ndarray, families: pd.DataFrame, n_forms: int) -> np.ndarray:
    """SKU families agree (share one) or either form has none."""
    has = listed(families, n_forms)
    shared = pairs_sharing(left, right, families["form"].to_numpy(), families["family"].to_numpy())
    return ~has[left] | ~has[right] | shared
