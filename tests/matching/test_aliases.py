"""Declared renames and parent/child groups, and renames taught by must-links."""

import pandas as pd
import pytest

from matching import resolve_entities
from matching.aliases import alias_table

SITE = {"address": "1 Boschdijk", "city": "Eindhoven", "country": "NL"}
RECORDS = pd.DataFrame(
    [
        {"record_id": "old", "name": "N.V. Acme Gloeilampenfabriek", **SITE},
        {"record_id": "new", "name": "Koninklijke Acme Electronics N.V.", **SITE},
        {"record_id": "sub", "name": "Acme Lighting Benelux B.V.", **SITE,
         "phone": "+31 40 279 1111"},
        {"record_id": "new2", "name": "Koninklijke Acme Electronics", **SITE,
         "phone": "+31 40 279 1111"},
    ]
)
ALIASES = pd.DataFrame(
    {
        "name": ["N.V. Acme Gloeilampenfabriek", "Acme Lighting Benelux"],
        "canonical": ["Koninklijke Acme Electronics", "Koninklijke Acme Electronics"],
        "relation": ["rename", "child"],
    }
)


def _clusters(**kwargs: object) -> pd.Series:
    return resolve_entities(RECORDS, **kwargs).records.set_index("record_id")["cluster_id"]


def test_a_declared_rename_joins_and_a_child_company_stays_apart() -> None:
    before = _clusters()
    assert before["old"] != before["new"]  # no similarity measure sees the rename
    res = resolve_entities(RECORDS, aliases=ALIASES).records.set_index("record_id")
    assert res.loc["old", "cluster_id"] == res.loc["new", "cluster_id"] == res.loc["new2", "cluster_id"]
    assert res.loc["sub", "cluster_id"] != res.loc["new", "cluster_id"]  # same building, phone
    assert set(res["group"]) == {"Koninklijke Acme Electronics"}


def test_a_must_link_teaches_the_rename_to_other_records() -> None:
    records = pd.concat(
        [RECORDS.iloc[:2], pd.DataFrame([{"record_id": "old2",
                                          "name": "Acme Gloeilampenfabriek", **SITE}])],
        ignore_index=True,
    )
    overrides = pd.DataFrame({"left": ["old"], "right": ["new"], "decision": ["must_link"]})
    cluster = resolve_entities(records, overrides=overrides).records.set_index("record_id")
    assert cluster.loc["old2", "cluster_id"] == cluster.loc["new", "cluster_id"]


def test_alias_rows_are_validated() -> None:
    with pytest.raises(ValueError, match="row 2: unknown relation 'sister'"):
        alias_table(pd.DataFrame({"name": ["a", "b"], "canonical": ["c", "d"],
                                  "relation": ["rename", "sister"]}))
    with pytest.raises(ValueError, match="canonical"):
        alias_table(pd.DataFrame({"name": ["a"]}))
    table = alias_table(pd.DataFrame({"name": ["Foo Ltd", "Bar GmbH"],
                                      "canonical": ["Bar GmbH", "Baz AG"]}))
    assert table.renames == {"foo": "baz", "bar": "baz"}  # chains end at one canonical name
