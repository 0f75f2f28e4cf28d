"""Customer names for worlds of any size: past the (stem, industry) pool, namesakes with a third word."""

from __future__ import annotations

import numpy as np

from demo.legal_names import customer_legal_names


def test_a_world_past_the_name_pool_still_gets_a_name_per_customer() -> None:
    n = 60_000  # the (stem, industry) pool holds about 39,000 US names
    names, countries, groups = customer_legal_names(np.random.default_rng(5), n)
    assert len(names) == len(countries) == len(groups) == n
    legal = [name.legal for name in names]
    assert len(set(legal)) >= 0.99 * n
    assert all(name.legal.startswith(name.stem) for name in names[-100:])


def test_a_world_within_the_pool_draws_no_overflow_name(monkeypatch) -> None:
    """Worlds up to 1M source rows keep the names (and random draws) they always had."""
    import demo.legal_names as legal_names

    def no_overflow(rng: np.random.Generator, n: int, taken: set) -> list:
        assert n <= 0, f"{n} names drawn past the pool"
        return []

    monkeypatch.setattr(legal_names, "_overflow_pairs", no_overflow)
    names, _, _ = legal_names.customer_legal_names(np.random.default_rng(5), 40_000)
    assert len({name.legal for name in names}) == 40_000
