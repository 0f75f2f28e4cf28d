"""bench.international_names on a small world: every source writes, the scores are real, a seed is a world, every
vocabulary makes a world whose truth holds together."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from bench.international_names import (
    OFF_KINDS,
    SOURCES,
    SUBSETS,
    VOCABS,
    generate,
    pair_counts,
    resolve,
    results_json,
    score,
)


def test_a_small_world_is_written_by_every_source_and_resolved_well() -> None:
    world = generate(3, per_country=2)
    records = world.records
    assert set(records["source"]) == set(SOURCES)
    assert records["entity"].nunique() == len(world.companies)
    resolved = resolve(world)
    overall = score(resolved.records)
    assert overall.records == len(records) and overall.true_pairs > 0
    assert 0.5 < overall.f1 < 1.0
    report = results_json(world, resolved, {"seed": 3})
    assert report["overall"]["f1"] == round(overall.f1, 5)
    assert set(report["subsets"]) == {key for key, _, _ in SUBSETS} and "DE" in report["countries"]


def test_the_same_seed_gives_the_same_records() -> None:
    pd.testing.assert_frame_equal(generate(5, per_country=1).records, generate(5, per_country=1).records)


def test_pairs_are_counted_within_true_and_predicted_groups() -> None:
    truth = np.array([1, 1, 1, 2, 2])
    predicted = np.array(["a", "a", "b", "b", "b"])
    assert pair_counts(truth, predicted) == (4, 4, 2)  # true 3+1, predicted 1+3, both (0,1) and (3,4)


@pytest.mark.parametrize("vocab", list(VOCABS))
def test_every_vocabulary_makes_a_world_whose_truth_is_consistent(vocab: str) -> None:
    world = generate(3, per_country=2, vocab=vocab)
    records, companies = world.records, world.companies
    assert world.vocab.name == vocab and set(records["source"]) == set(SOURCES)
    assert records["entity"].notna().all() and set(records["entity"]) == set(range(len(companies)))
    assert (records["cc"] == [companies[e].cc for e in records["entity"]]).all()
    assert set(records["cc"]) == set(world.vocab.countries)  # every country has records
    assert records["name"].notna().all() and records["record_id"].is_unique
    assert {key for key, _, _ in world.vocab.subsets()} == {key for key, _, _ in SUBSETS}


def test_the_held_out_noise_can_be_switched_off() -> None:
    full, off = generate(3, per_country=2, vocab="heldout"), generate(3, per_country=2, vocab="heldout", off=OFF_KINDS)
    assert full.records["tags"].str.contains("respell|city_alt|lang_variant").any()
    assert not off.records["tags"].str.contains("respell|city_alt|lang_variant|addr_city_prefix").any()
    with pytest.raises(ValueError):
        generate(3, per_country=1, off=["typos"])
