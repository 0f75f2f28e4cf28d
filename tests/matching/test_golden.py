"""Golden records computed in DuckDB equal the former pandas implementation (golden_reference.py)."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from matching.golden import build_golden_records
from tests.matching.golden_reference import reference_golden_records


def _records(seed: int, n: int = 3000) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Records of 400 entities with few distinct values, so sources, counts and order all decide."""
    rng = np.random.default_rng(seed)

    def pick(options: list[object]) -> list[object]:
        return [options[i] for i in rng.integers(0, len(options), n)]

    records = pd.DataFrame({
        "record_id": [f"r{i}" for i in range(n)],
        "source": pick(["crm", "dist", "invoices", None]),
        "source_priority": pick([1, 2, 3, None]),
        "name": pick(["Acme Corp", "ACME Corporation", "Acme", None, ""]),
        "address": pick(["1 Main St", "1 Main Street", None]),
        "city": pick(["Boston", "boston", None]),
        "state": pick(["MA", "Massachusetts", None]),
        "postal_code": pick(["02110", "2110", None]),
        "country": pick(["US", "USA", "United States", None]),
        "domain": pick(["acme.com", "https://www.acme.com", None]),
        "phone": pick(["+1 617 555 0100", "617-555-0100", None]),
        "email": pick(["info@acme.com", "Sales@Acme.com", None]),
        "account": pick(["CRM:001", "CRM:002", None]),
    })
    entity = pd.Series([f"E{i}" for i in rng.integers(0, 400, n)], dtype=object)
    entity[rng.random(n) < 0.05] = None  # records no entity claims are left out
    entities = pd.DataFrame({"record_id": records["record_id"], "entity_id": entity})
    return records, entities.dropna()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_duckdb_golden_records_equal_the_pandas_reference(seed: int) -> None:
    records, entities = _records(seed)
    got = build_golden_records(records, entities)
    want = reference_golden_records(records, entities)
    pd.testing.assert_frame_equal(got.astype(object), want.astype(object), check_dtype=False)
    assert len(got) == entities["entity_id"].nunique()


def test_an_explicit_source_order_and_a_given_connection(tmp_path) -> None:
    records, entities = _records(7)
    con = duckdb.connect(str(tmp_path / "scratch.duckdb"))
    got = build_golden_records(records, entities, source_order=["invoices", "crm"], con=con)
    want = reference_golden_records(records, entities, source_order=["invoices", "crm"])
    pd.testing.assert_frame_equal(got.astype(object), want.astype(object), check_dtype=False)
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE NOT temporary").fetchone() == (0,)
    con.close()


def test_integer_entity_ids_keep_their_type() -> None:
    records, entities = _records(5, n=200)
    entities = entities.assign(entity_id=entities["entity_id"].str[1:].astype(int))
    got = build_golden_records(records, entities)
    assert got["entity_id"].tolist() == sorted(entities["entity_id"].unique())
    pd.testing.assert_frame_equal(got.astype(object), reference_golden_records(records, entities).astype(object),
                                  check_dtype=False)
