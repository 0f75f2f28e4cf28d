"""The real multi-source benchmark: Chicago early-childhood sites (3,337 records, 9 sources).

Measured with the default settings (pandas 2.2 and 3.1 alike): precision 0.978, recall 0.942,
F1 0.960 (6,225 of 6,365 predicted pairs correct, 6,608 true pairs). The floors below leave a
little room for changes that trade one for the other; falling under them is a regression.
"""

import pytest

from bench.datasets import CHICAGO, chicago
from matching import pairwise_quality, resolve_entities


@pytest.mark.skipif(not CHICAGO.exists(), reason="benchmark data not present")
def test_chicago_pairwise_quality_floor() -> None:
    chicago_set = chicago()
    records, truth = chicago_set.records, chicago_set.truth
    res = resolve_entities(records)
    q = pairwise_quality(res.records.set_index("record_id")["cluster_id"], truth)
    assert q.true_pairs == 6608
    assert q.f1 >= 0.95, q
    assert q.precision >= 0.965, q
    assert q.recall >= 0.93, q
