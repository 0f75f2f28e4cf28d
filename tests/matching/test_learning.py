"""Weights learned from the run's own data: u from random pairs, m by EM, overrides as labels,
hand-set weights as the prior and the bounds."""

import numpy as np
import pandas as pd

from matching import resolve_entities
from matching.learning import LearnSettings
from matching.resolve import ResolveSettings

STREETS = ["Oak", "Maple", "Cedar", "Pine", "Elm", "Birch", "Walnut", "Spruce", "Ash", "Willow"]
WORDS = ["Harbor", "Summit", "Quarry", "Falcon", "Meridian", "Juniper", "Copper", "Lantern",
         "Orchard", "Beacon", "Granite", "Tidewater", "Foxglove", "Ironwood", "Saffron"]


def _customers(noisy_phones: float, n: int = 120) -> pd.DataFrame:
    """Two records per customer; a share `noisy_phones` of the second records carry another
    number of the same customer (a branch line), as real CRMs do."""
    rng = np.random.default_rng(3)
    rows = []
    for i in range(n):
        name = f"{WORDS[i % len(WORDS)]} {WORDS[(i * 7 + 3) % len(WORDS)]} {i:03d} Supply"
        street = f"{100 + i} {STREETS[i % len(STREETS)]} St"
        phone = f"312-555-{1000 + i:04d}"
        other = f"773-555-{5000 + i:04d}" if (i % 20) < noisy_phones * 20 else phone
        city = ["Chicago", "Evanston", "Oak Park"][i % 3]
        rows.append({"record_id": f"{i}a", "name": name, "address": street, "city": city,
                     "phone": phone})
        rows.append({"record_id": f"{i}b", "name": name.upper() + " INC", "address": street,
                     "city": city, "phone": other, "postal_code": str(60600 + int(rng.integers(0, 40)))})
    return pd.DataFrame(rows)


LEARNING = ResolveSettings(learning=LearnSettings(enabled=True))


def _weights(records: pd.DataFrame, **kwargs: object) -> pd.DataFrame:
    kwargs.setdefault("settings", LEARNING)
    res = resolve_entities(records, **kwargs)
    return res.weights.set_index(["comparison", "level"])


def test_unreliable_phones_weigh_less_when_they_disagree() -> None:
    clean = _weights(_customers(noisy_phones=0.25))
    noisy = _weights(_customers(noisy_phones=0.75))
    assert noisy.loc[("phone", 0), "matches"] >= 20 and clean.loc[("phone", 0), "matches"] >= 20
    # matches often disagree on the phone in the noisy data: disagreement costs less there
    assert noisy.loc[("phone", 0), "m"] > clean.loc[("phone", 0), "m"]
    assert noisy.loc[("phone", 0), "weight"] > clean.loc[("phone", 0), "weight"]
    # every learned weight stays within the bounds around the hand-set prior
    shift = (noisy["weight"] - noisy["prior_weight"]).abs()
    assert (shift <= LearnSettings().max_shift + 1e-9).all()


def test_learning_can_be_switched_off_and_overrides_count_as_labels() -> None:
    records = _customers(noisy_phones=0.5)
    off = _weights(records, settings=ResolveSettings(learning=LearnSettings(enabled=False)))
    assert (off["weight"] == off["prior_weight"]).all()
    # analysts say the branch-line pairs are one customer: m of phone disagreement rises
    pairs = [(f"{i}a", f"{i}b") for i in range(120) if (i % 20) < 10]
    overrides = pd.DataFrame({"left": [a for a, _ in pairs], "right": [b for _, b in pairs],
                              "decision": "must_link"})
    plain = _weights(records)
    labelled = _weights(records, overrides=overrides)
    assert labelled.loc[("phone", 0), "matches"] > plain.loc[("phone", 0), "matches"]
    assert labelled.loc[("phone", 0), "m"] > plain.loc[("phone", 0), "m"]
