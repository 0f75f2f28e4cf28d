"""partner_roles: one role per partner entity, from how its mentions name it."""

import random
import re

import pandas as pd
import pytest

from matching.parties import CRM_ROLES, partner_roles, roles_from_hints
from matching.text import TEXT_DTYPE


def _reference_roles(mentions: pd.DataFrame, mapping: pd.DataFrame) -> pd.DataFrame:
    """The hints as first gathered: a Python function per entity and hint."""
    joined = mentions[["mention_id", "named_as", "role_hint", "name"]].merge(
        mapping.rename(columns={"record_id": "mention_id"}), on="mention_id")
    names = [n if isinstance(n, str) else "" for n in joined["name"]]
    joined["it"] = [bool(re.search(r"(?i)\b(it|systems|solutions)\b", n)
                         and not re.search(r"(?i)\b(leasing|finance|capital)\b", n)) for n in names]
    hints = joined.groupby("entity_id").agg(
        crm=("role_hint", lambda s: next((h for h in s if h in CRM_ROLES), None)),
        resold=("named_as", lambda s: bool(s.isin(["reseller", "account"]).any())),
        provider=("named_as", lambda s: bool((s == "service_provider").any())),
        program=("named_as", lambda s: bool((s == "program").any())),
        distributor=("named_as", lambda s: bool((s == "distributor").any())),
        it_name=("it", "any"),
    )
    return roles_from_hints(hints)


@pytest.mark.parametrize("dtype", [TEXT_DTYPE, object])
def test_roles_equal_the_rule_as_first_written(dtype: object) -> None:
    rng = random.Random(3)
    n = 4_000
    mentions = pd.DataFrame({
        "mention_id": [f"m{i}" for i in range(n)],
        "named_as": pd.Series([rng.choice(["reseller", "account", "bill_to", "service_provider", "program",
                                           "distributor"]) for _ in range(n)], dtype=dtype),
        "role_hint": pd.Series([rng.choice([None, None, None, "leasing", "distributor", "customer", "partner"])
                                for _ in range(n)], dtype=dtype),
        "name": pd.Series([rng.choice([None, "Albion IT Ltd", "Nordic Systems AB", "Grenke Leasing GmbH",
                                       "Capital Systems Inc", "Acme Trading", "Delta Solutions", "BNP Finance"])
                           for _ in range(n)], dtype=dtype),
    })
    # entities of every size: a few with one mention (one named_as, maybe no hint), some with many
    mapping = pd.DataFrame({"record_id": mentions["mention_id"].sample(frac=0.9, random_state=1).tolist()})
    mapping["entity_id"] = [f"PART-{min(int(rng.paretovariate(0.7)), 900):04d}" for _ in range(len(mapping))]
    got = partner_roles(mentions, mapping)
    want = _reference_roles(mentions, mapping)
    pd.testing.assert_frame_equal(got, want)
    assert set(got["role"]) == {"leasing", "distributor", "reseller", "service_org"}


@pytest.mark.parametrize(("name", "role"), [
    ("Albion IT Ltd", "reseller"),  # invoiced only, but its name says it sells IT
    ("Nordic Data Systems AB", "reseller"),
    ("Informatique Services SA", "reseller"),
    ("Grenke Leasing GmbH", "leasing"),
    ("Siemens Financial Services", "leasing"),
    ("Capital Systems Finance Ltd", "leasing"),  # a finance word wins
    ("Hargreaves & Sons", "leasing"),  # no word either way: as before
])
def test_a_party_only_ever_invoiced_is_read_by_its_name(name: str, role: str) -> None:
    mentions = pd.DataFrame({"mention_id": ["m1", "m2"], "named_as": ["bill_to", "bill_to"],
                             "role_hint": [None, None], "name": [name, name]})
    mapping = pd.DataFrame({"record_id": ["m1", "m2"], "entity_id": ["PART-1", "PART-1"]})
    assert partner_roles(mentions, mapping)["role"].tolist() == [role]
