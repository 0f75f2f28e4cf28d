"""matching.review: only undecided pairs whose decision would change the result, with readable evidence."""

import numpy as np
import pandas as pd
import pytest

from matching import CUSTOMER_MODEL, resolve_entities
from matching.pair_scoring import LEVEL_COLUMNS
from matching.review import QUEUE_COLUMNS, evidence_text, review_queue, weakest_links

BAND = (0.2, 0.8)


def _pairs(rows: list[tuple[str, str, float, dict[str, int]]]) -> pd.DataFrame:
    """Scored pairs as Resolution.pairs has them (levels -1 unless given)."""
    out = []
    for left, right, p, levels in rows:
        weight = float(np.log2(p / (1 - p))) if 0 < p < 1 else (np.inf if p >= 1 else -np.inf)
        row = {"left_record_id": left, "right_record_id": right, "match_probability": p, "match_weight": weight,
               "match_rule": "name>=0.88", "blocking_rule": "name", **{c: -1 for c in LEVEL_COLUMNS},
               "name_similarity": 0.9}
        row.update(levels)
        out.append(row)
    return pd.DataFrame(out)


def test_only_pairs_whose_decision_changes_the_result() -> None:
    entity = pd.Series({"a1": "A", "a2": "A", "a3": "A", "b1": "B", "c1": "C", "d1": "D", "d2": "D"})
    pairs = _pairs([
        ("a1", "a2", 0.99, {"name": 6}),          # strong link inside A
        ("a2", "a3", 0.70, {"name": 4}),          # a weaker parallel link: the tree leaves it out
        ("a1", "a3", 0.75, {"name": 4}),          # A's weakest link that holds, in the band: split?
        ("a1", "b1", 0.40, {"name": 4, "street": 0}),  # in the band, different entities: merge?
        ("a2", "b1", 0.30, {"name": 4}),          # the same two entities again: one row only
        ("c1", "b1", 0.05, {"name": 1, "city": 0}),    # clearly different: not asked
        ("d1", "d2", 0.97, {"name": 6}),          # D held together strongly: not asked
    ])
    queue = review_queue(pairs, entity, CUSTOMER_MODEL, BAND)
    got = {(r.question, r.left_record_id, r.right_record_id) for r in queue.itertuples()}
    assert got == {("split?", "a1", "a3"), ("merge?", "a1", "b1")}
    merge = queue[queue["question"] == "merge?"].iloc[0]
    assert (merge.left_entity_id, merge.right_entity_id) == ("A", "B")
    assert merge.evidence == "name 0.90 agrees; street differs"  # the pair with the most evidence shown


def test_a_decided_pair_never_comes_back_nor_another_pair_of_its_two_entities() -> None:
    entity = pd.Series({"a1": "A", "a2": "A", "b1": "B"})
    pairs = _pairs([("a1", "a2", 0.99, {"name": 6}), ("a1", "b1", 0.40, {"name": 4}), ("a2", "b1", 0.35, {})])
    decided = pd.DataFrame({"left_record_id": ["b1"], "right_record_id": ["a1"], "decision": ["cannot_link"]})
    assert review_queue(pairs, entity, CUSTOMER_MODEL, BAND, decided).empty
    forced = pairs.assign(match_rule=["name=exact", "override:cannot_link", "name>=0.55"])
    assert list(review_queue(forced, entity, CUSTOMER_MODEL, BAND)["right_record_id"]) == ["b1"]


def test_an_unopposed_name_only_duplicate_below_the_band_is_asked() -> None:
    entity = pd.Series({"m1": "M", "m2": "N", "x1": "X", "y1": "Y"})
    pairs = _pairs([
        ("m1", "m2", 0.08, {"name": 3}),              # "Madison Materials L." vs "Madison Materials L.L.C."
        ("x1", "y1", 0.08, {"name": 3, "postal": 0}),  # the postcodes differ: evidence against
    ])
    queue = review_queue(pairs, entity, CUSTOMER_MODEL, BAND)
    assert list(zip(queue["left_record_id"], queue["question"], strict=True)) == [("m1", "merge?")]
    assert review_queue(pairs, entity, CUSTOMER_MODEL, BAND, unopposed_name_level=None).empty


def test_weakest_link_is_the_bottleneck_of_the_strongest_links() -> None:
    pairs = pd.DataFrame({"left_record_id": ["a", "b", "a", "c"], "right_record_id": ["b", "c", "c", "d"],
                          "strength": [9.0, 1.0, 2.0, 5.0]})
    entity = pd.Series({"a": "E", "b": "E", "c": "E", "d": "E"})
    assert weakest_links(pairs, entity).to_dict() == {"E": 2}  # a-c (2 bits) beats b-c (1 bit) in the tree


def test_evidence_text_names_agreeing_similar_and_differing_comparisons() -> None:
    levels = pd.DataFrame([{**{c: -1 for c in LEVEL_COLUMNS}, "name": 4, "name_similarity": 0.931, "street": 2,
                            "postal": 0, "phone": 2, "serial": 0, "country": 1}])
    assert evidence_text(levels, CUSTOMER_MODEL).iloc[0] == (
        "name 0.93 agrees; street similar; postcode differs; country agrees; phone agrees")


def test_a_typo_duplicate_at_another_address_is_in_the_queue_of_a_real_resolution() -> None:
    records = pd.DataFrame([
        {"record_id": "crm", "name": "Acme Holdings GmbH", "address": "Hauptstrasse 12", "postal_code": "10115",
         "city": "Berlin", "country": "DE", "phone": "+49 30 1234567"},
        {"record_id": "dist", "name": "Acme Holdngs GmbH", "address": "Hauptstrasse 21", "postal_code": "10115",
         "city": "Berlin", "country": "DE", "phone": "+49 30 7654321"},
        {"record_id": "other", "name": "Quantum Bakery Inc", "address": "77 Elm Road", "postal_code": "02139",
         "city": "Cambridge", "country": "US"},
    ])
    resolution = resolve_entities(records)
    entity = resolution.records.set_index("record_id")["cluster_id"].astype(str)
    queue = review_queue(resolution.pairs, entity, CUSTOMER_MODEL, BAND)
    assert {frozenset(p) for p in zip(queue["left_record_id"], queue["right_record_id"], strict=True)} == {
        frozenset({"crm", "dist"})}
    assert "phone differs" in queue["evidence"].iloc[0] and "postcode agrees" in queue["evidence"].iloc[0]


def test_pairs_carry_record_ids_as_codes_and_the_queue_reads_them_as_it_reads_text() -> None:
    names = ["Acme Holdings GmbH", "Acme Holdngs GmbH", "ACME HOLDINGS GMBH", "Acme Holding", "Bolt Tools Ltd",
             "Bolt Tool Ltd", "Bolt Tools Limited", "Cedar Foods Inc", "Cedar Food Inc", "Cedar Foods"]
    records = pd.DataFrame({"record_id": [f"r{i:02d}" for i in range(len(names))], "name": names,
                            "city": ["Berlin"] * 4 + ["Leeds"] * 3 + ["Austin", "Austin", None]})
    resolution = resolve_entities(records)
    pairs = resolution.pairs
    assert isinstance(pairs["left_record_id"].dtype, pd.CategoricalDtype)  # two ints per pair, not two strings
    assert set(pairs["left_record_id"]) | set(pairs["right_record_id"]) <= set(records["record_id"])
    entity = resolution.records.set_index("record_id")["cluster_id"].map("E{}".format)
    as_text = pairs.astype({"left_record_id": object, "right_record_id": object, "match_rule": object})
    for band in [BAND, (0.0, 1.0)]:
        coded = review_queue(pairs, entity, CUSTOMER_MODEL, band)
        texted = review_queue(as_text, entity, CUSTOMER_MODEL, band)
        pd.testing.assert_frame_equal(coded, texted)
        assert not any(isinstance(t, pd.CategoricalDtype) for t in coded.dtypes)
    assert not review_queue(pairs, entity, CUSTOMER_MODEL, (0.0, 1.0)).empty


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_weakest_links_by_sorted_keys_equal_the_pandas_joins(seed: int) -> None:
    """Ties in strength, repeated and reversed pairs, self-pairs and categorical ids, as the queue has them."""
    from tests.matching.review_reference import reference_weakest_links

    rng = np.random.default_rng(seed)
    n_records, n_pairs = 400, 3000
    ids = pd.Index([f"r{i:04d}" for i in range(n_records)])
    entity = pd.Series([f"E{i // 7}" for i in range(n_records)], index=ids)
    left = rng.integers(0, n_records, n_pairs)
    right = np.minimum(left + rng.integers(0, 7, n_pairs), n_records - 1)  # mostly within an entity
    pairs = pd.DataFrame({
        "left_record_id": pd.Categorical.from_codes(left, categories=ids),
        "right_record_id": pd.Categorical.from_codes(right, categories=ids),
        "strength": rng.choice([1.0, 2.0, 2.0, 5.0, 110.0], n_pairs),
    }, index=pd.RangeIndex(10, 10 + n_pairs))
    got = weakest_links(pairs, entity)
    want = reference_weakest_links(pairs, entity)
    pd.testing.assert_series_equal(got, want, check_index_type=False)
    assert len(got) > 40


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_leaving_out_entities_their_strong_links_hold_changes_no_weak_link(seed: int) -> None:
    """An entity whose links above a strength already connect it has its weakest tree link above it too:
    the trees built for the loosely held entities alone give their links as the trees of all do."""
    from matching.review import _weakest_rows

    rng = np.random.default_rng(seed)
    n_records, n_pairs = 400, 3000
    left = rng.integers(0, n_records, n_pairs)
    right = np.minimum(left + rng.integers(0, 7, n_pairs), n_records - 1)
    right = np.where(left // 7 == right // 7, right, left)  # pairs inside an entity (of seven records)
    strength = rng.choice([1.0, 2.0, 2.0, 5.0, 110.0], n_pairs)
    group = (left // 7).astype(np.int32)
    row = np.arange(10, 10 + n_pairs)
    every = _weakest_rows(left, right, strength, row, group)
    for above in (1.0, 2.0, 5.0):
        loose = _weakest_rows(left, right, strength, row, group, held_above=above)
        weak = every[strength[every.to_numpy() - 10] <= above]
        assert 0 < len(loose) < len(every)
        pd.testing.assert_series_equal(loose.sort_index(), weak.sort_index(), check_index_type=False)
        # record ids numbered by first appearance give the trees profile positions give (a report's nodes)
        ids = pd.Series([f"r{i:04d}" for i in rng.permutation(n_records)])
        named = _weakest_rows(ids[left].reset_index(drop=True), ids[right].reset_index(drop=True), strength, row,
                              group, held_above=above)
        pd.testing.assert_series_equal(named, loose)


def test_a_resolution_without_a_reported_pair_has_an_empty_queue() -> None:
    """Two customers no blocking rule pairs (a first small home): nothing to ask, and no failure."""
    resolution = resolve_entities(pd.DataFrame({"record_id": ["a", "b"], "name": ["Acme Widgets", "Zeta Quarry"]}))
    assert resolution.report is not None and len(resolution.report) == 0
    entity = pd.Series(["E1", "E2"], index=["a", "b"])
    queue = review_queue(resolution.report, entity, CUSTOMER_MODEL, (0.2, 0.8))
    assert queue.empty and queue.columns.tolist() == list(QUEUE_COLUMNS)
