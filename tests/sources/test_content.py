"""sources.content: the known partner names as every reader looks them up."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sources.content import known_partner_set, normalise_party
from sources.profiles import legal_tail


def _one_pass(names: list[object]) -> frozenset[str]:
    """known_partner_set as it was before 2026-12-05: every name normalised in one pandas pass."""
    values = pd.Series(pd.unique(pd.Series(list(names), dtype=object)), dtype=object).map(normalise_party)
    values = values[values != ""]
    stripped = [n.rsplit(" ", 1)[0] if legal_tail(n) else n for n in values.tolist()]
    return frozenset(stripped) | frozenset(values.tolist())


def test_known_partner_names_name_by_name_equal_one_pass_over_them() -> None:
    rng = np.random.default_rng(5)
    stems = ["Bluewave IT", "Müller & Söhne", "ACME", "Nordic Data", "São Paulo Redes", "  ", "Ironbridge"]
    forms = ["", " Inc", " GmbH", " Corp.", " S.A.", " & Co. KG", " Ltd"]
    pool: list[object] = [s + f for s in stems for f in forms] + [None, float("nan"), 12345, "Inc"]
    for _ in range(50):
        names = [pool[i] for i in rng.integers(0, len(pool), int(rng.integers(0, 30)))]
        assert known_partner_set(names) == _one_pass(names)
        assert known_partner_set(names) == known_partner_set(list(reversed(names)))  # the cache keeps no order
    assert known_partner_set(["Bluewave IT Inc"]) == {"bluewave it inc", "bluewave it"}
