"""A name-only record's typed slip is read as the one known company it is a slip of; a name with two
such companies, a company's own spelling (many rows), a slip of the first letter and short names are
left as they are."""

import random

import numpy as np
import pandas as pd
import pytest
from rapidfuzz.distance import OSA

from matching import resolve_entities
from matching.name_typos import MAX_TYPO_RECORDS, MIN_TYPO_NAME, correct_name_typos
from matching.profiles import build_profiles


def _read(names: list[str | None], name_only: list[bool]) -> list[object]:
    return correct_name_typos(pd.Series(names, dtype=object), np.array(name_only)).tolist()


def test_a_slip_of_one_known_name_is_read_as_it() -> None:
    names = ["galfield analytics", "galfield anaytics", "highland energy", "higlhand energy",
             "dorby optics", "dorby optcs", "belton plastic", "belton plastic"]
    got = _read(names, [False, True, False, True, False, True, False, True])
    assert got == ["galfield analytics", "galfield analytics", "highland energy", "highland energy",
                   "dorby optics", "dorby optics", "belton plastic", "belton plastic"]


def test_what_is_not_a_slip_of_one_known_name_stays() -> None:
    names = [
        "norton pharmaceutical", "dorton pharmaceutical",  # the first letter: namesakes differ there
        "kelmore water", "kelmare water", "kelmere water",  # two known names one slip away
        "acme inc", "acme ic",  # too short
        "lorfield foods", "lorffield foods", "lorffield foods", "lorffield foods",  # a company's own spelling
        "quinmere systems", "quinmere sytsems",  # the slip is itself a located company's name
        None,
    ]
    name_only = [False, True, False, True, False, False, True, False, True, True, True, False, False, True]
    got = _read(names, name_only)
    assert got == names
    assert len("acme ic") < MIN_TYPO_NAME and MAX_TYPO_RECORDS < 3


def _reference(names: list[str | None], name_only: list[bool]) -> list[object]:
    """correct_name_typos as first written: every asked name against every anchored name."""
    anchored = {n for n, only in zip(names, name_only, strict=True) if n is not None and not only}
    holders = pd.Series([n for n in names if n is not None]).value_counts()
    out: list[object] = []
    for name in names:
        if name is None or name in anchored or holders[name] > MAX_TYPO_RECORDS or len(name) < MIN_TYPO_NAME:
            out.append(name)
            continue
        near = [a for a in anchored if OSA.distance(name, a) <= 1]
        out.append(near[0] if len(near) == 1 and near[0][0] == name[0] else name)
    return out


@pytest.mark.parametrize("seed", [2, 9])
def test_the_hashed_search_equals_comparing_every_pair(seed: int) -> None:
    rng = random.Random(seed)
    letters = "abcdeilmnorst "
    known = ["".join(rng.choice(letters) for _ in range(rng.randint(6, 14))).strip() for _ in range(300)]
    names: list[str | None] = []
    name_only: list[bool] = []
    for name in known:
        names.append(name)
        name_only.append(rng.random() < 0.3)
        for _ in range(rng.randint(0, 2)):
            chars = list(name)
            i = rng.randrange(len(chars))
            edit = rng.choice(["drop", "double", "swap", "change"])
            if edit == "drop":
                del chars[i]
            elif edit == "double":
                chars.insert(i, chars[i])
            elif edit == "swap" and i + 1 < len(chars):
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
            else:
                chars[i] = rng.choice(letters.strip())
            names.append("".join(chars))
            name_only.append(True)
    names.append(None)
    name_only.append(True)
    got = _read(names, name_only)
    assert got == _reference(names, name_only)
    assert sum(g != n for g, n in zip(got, names, strict=True)) > 30


def test_tracker_rows_with_slips_join_their_customer() -> None:
    """A CRM of located customers and a rep's tracker naming them by hand: the slipped names are
    read as the customers' own, in the profiles and so in the resolution."""
    customers = ["Galfield Analytics LLC", "Highland Energy Co.", "Dorby Optics Inc", "Roswick Electric Co.",
                 "Elford Architecture Solutions", "Salview Architecture LLC", "Belton Plastics Inc."]
    tracker = ["GALFIELD ANAYTICS", "HIGLHAND ENERGY", "Dorby Optcs", "ROSWICK ELECTIC",
               "Elford Arhcitecture Solutions", "Salview Arcitecture", "Belton Platics"]
    rows = [{"record_id": f"crm-{i}", "name": n, "city": "Boston", "account": f"A{i}", "source": "crm"}
            for i, n in enumerate(customers)]
    rows += [{"record_id": f"rep-{i}", "name": n, "source": "tracker"} for i, n in enumerate(tracker)]
    records = pd.DataFrame(rows)
    profiles = build_profiles(records)
    name = pd.Series(profiles.table["name_norm"].to_numpy()[profiles.record_profile], index=records["record_id"])
    assert all(name[f"rep-{i}"] == name[f"crm-{i}"] for i in range(len(customers)))
    cluster = resolve_entities(records).records.set_index("record_id")["cluster_id"]
    assert all(cluster[f"rep-{i}"] == cluster[f"crm-{i}"] for i in range(len(customers)))
    assert cluster[[f"crm-{i}" for i in range(len(customers))]].nunique() == len(customers)
