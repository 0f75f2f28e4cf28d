"""Account ids count only within one system: a distributor's partner number is not a CRM id."""

import pandas as pd

from matching.resolve import resolve_entities


def _clusters(accounts: list[str]) -> list[int]:
    records = pd.DataFrame({
        "record_id": [f"r{i}" for i in range(len(accounts))],
        "name": ["Marley Computer Services Inc.", "MARLEY COMPUTER SERVICES", "Marley Computer Svcs Inc."][: len(accounts)],
        "account": accounts,
        "source": ["westbridge", "summit", "eurolink"][: len(accounts)],
        "source_priority": [4, 4, 4][: len(accounts)],
    })
    res = resolve_entities(records)
    return res.records.sort_values("record_id")["cluster_id"].tolist()


def test_accounts_of_different_systems_do_not_count_against_a_match() -> None:
    labels = _clusters(["WESTBRIDGE:WB10000", "SUMMIT:P-3000", "EUROLINK:DE-50000"])
    assert len(set(labels)) == 1


def test_account_level_is_unknown_across_systems_and_compared_within_one() -> None:
    records = pd.DataFrame({
        "record_id": ["a", "b", "c"],
        "name": ["Northbridge Capital Corp", "Northbridge Capital Corporation", "NORTHBRIDGE CAPITAL CORP."],
        "city": ["Boston", "Boston", "Boston"],
        "phone": ["617-555-0100", "617-555-0199", "617-555-0142"],  # three distinct profiles
        "account": ["CRM:0015X1", "CRM:0015X1", "WESTBRIDGE:0015X1"],
        "source": ["crm_accounts", "crm_contracts", "westbridge"],
        "source_priority": [0, 1, 4],
    })
    pairs = resolve_entities(records).pairs.set_index(["left_record_id", "right_record_id"])["account"]
    levels = {frozenset(k): v for k, v in pairs.items()}
    assert levels[frozenset({"a", "b"})] == 1  # same system, same id
    assert levels[frozenset({"a", "c"})] == -1  # another system's id says nothing
