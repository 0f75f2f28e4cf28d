"""warehouse.partner_names: the partner names a reader is given, from each file's evidence."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from warehouse.partner_names import EVIDENCE_COLUMNS, PartnerNames
from warehouse.sql_runner import registered
from warehouse.steps import PARTNER_NAME_EVIDENCE, WAREHOUSE_SQL, register_macros

ROWS = [
    ("pos.csv", "partner", "Acme Resellers", "acme resellers"),
    ("pos.csv", "partner", "Acme Resellers", "acme resellers"),  # twice in one file: once
    ("crm.csv", "partner", "Acme Resellers", "acme resellers"),  # another file: its own row
    ("inv.csv", "bill_to", "Leasing Co", "leasing"),
    ("inv.csv", "bill_to", "Globex", "globex"),  # named as an end customer below: not a partner
    ("inv.csv", "bill_to", "No Key Ltd", None),  # no key: no file can name it a customer
    ("pos.csv", "customer", "Globex Corp", "globex"),
    ("pos.csv", "customer", "Initech", "initech"),
]


@pytest.mark.parametrize("dtype", [object, "string"])
def test_partners_and_the_bill_tos_no_file_names_as_a_customer(dtype: object) -> None:
    evidence = pd.DataFrame(ROWS, columns=EVIDENCE_COLUMNS).astype(dtype)
    names = PartnerNames(evidence).names()
    assert list(names.itertuples(index=False, name=None)) == [
        ("Acme Resellers", "crm.csv"), ("Acme Resellers", "pos.csv"), ("Leasing Co", "inv.csv"),
        ("No Key Ltd", "inv.csv"),
    ]


def test_a_file_replaced_takes_its_evidence_with_it() -> None:
    names = PartnerNames(pd.DataFrame(ROWS, columns=EVIDENCE_COLUMNS))
    names.replace_file("pos.csv", None)  # Globex is no longer anybody's customer
    assert sorted(names.names()["name"]) == ["Acme Resellers", "Globex", "Leasing Co", "No Key Ltd"]


def _reference_names(evidence: pd.DataFrame) -> list[tuple[str, str]]:
    """The pass over every file's rows this replaced, as the answer to compare with."""
    kind = evidence["evidence"].to_numpy(dtype=object)
    customers = set(evidence.loc[kind == "customer", "name_key"].dropna())
    known = kind == "partner"
    known[kind == "bill_to"] = [k not in customers for k in evidence.loc[kind == "bill_to", "name_key"]]
    out = evidence.loc[known, ["name", "source_file"]].drop_duplicates()
    return sorted(out.itertuples(index=False, name=None))


def test_a_customer_key_stays_a_customer_until_the_last_file_naming_it_is_replaced() -> None:
    rows = [*ROWS, ("crm.csv", "customer", None, "globex")]  # Globex: an end customer in two files
    names = PartnerNames(pd.DataFrame(rows, columns=EVIDENCE_COLUMNS))
    names.replace_file("pos.csv", None)
    assert "Globex" not in set(names.names()["name"])  # crm.csv still names it a customer
    names.replace_file("crm.csv", None)
    assert list(names.names().itertuples(index=False, name=None)) == [
        ("Globex", "inv.csv"), ("Leasing Co", "inv.csv"), ("No Key Ltd", "inv.csv")]


def test_file_by_file_replacement_gives_the_names_of_a_pass_over_every_row() -> None:
    names = PartnerNames()
    held = pd.DataFrame(columns=EVIDENCE_COLUMNS)
    files = {
        "a.csv": [("Acme Resellers", None, None, "distributor"), ("Acme Resellers", None, None, "distributor")],
        "b.csv": [(None, "Globex", "Leasing Co", "accounting"), (None, "Initech", "Globex", "accounting")],
        "c.csv": [(None, "Orbit Data", None, "crm_accounts")],
    }
    for path, rows in [*files.items(), ("b.csv", [(None, "Hooli", "Globex", "accounting")])]:
        table = pa.table({
            "source_file": [path] * len(rows), "kind": [r[3] for r in rows], "account_type": [None] * len(rows),
            "reseller_name": [r[0] for r in rows], "customer_name": [r[1] for r in rows],
            "bill_to_name": [r[2] for r in rows]}, schema=pa.schema([
                ("source_file", pa.string()), ("kind", pa.string()), ("account_type", pa.string()),
                ("reseller_name", pa.string()), ("customer_name", pa.string()), ("bill_to_name", pa.string())]))
        names.replace_file(path, table)
        held = pd.concat([held[held["source_file"] != path], _evidence_of(table)], ignore_index=True)
        assert list(names.names().itertuples(index=False, name=None)) == _reference_names(held)
    # b.csv delivered again without Initech: Globex is billed, and no file names it a customer now
    assert ("Globex", "b.csv") in set(names.names().itertuples(index=False, name=None))


def _evidence_of(table: pa.Table) -> pd.DataFrame:
    con = duckdb.connect()
    register_macros(con)
    with registered(con, {"source_records": table}):
        return WAREHOUSE_SQL.query(con, PARTNER_NAME_EVIDENCE)[EVIDENCE_COLUMNS]


def test_known_pairs_kept_file_by_file_equal_a_pass_over_every_row_in_any_order() -> None:
    """Files given, given again and taken away at random, bill-tos whose keys other files name customers
    (and stop naming): the pairs kept up to date equal a pass over the rows every file holds then."""
    rng = np.random.default_rng(9)
    files = [f"f{i}.csv" for i in range(6)]
    names = ["Acme", "Globex", "Initech", "Hooli", "Orbit", None]
    keys = ["acme", "globex", "initech", "hooli", None]
    kinds = ["partner", "bill_to", "customer"]
    held: dict[str, pd.DataFrame] = {}
    known = PartnerNames()
    for _ in range(300):
        path = files[int(rng.integers(0, len(files)))]
        if rng.random() < 0.2:
            rows = None
            held.pop(path, None)
        else:
            n = int(rng.integers(1, 8))
            rows = pd.DataFrame({"source_file": [path] * n, "evidence": [kinds[i] for i in rng.integers(0, 3, n)],
                                 "name": [names[i] for i in rng.integers(0, len(names), n)],
                                 "name_key": [keys[i] for i in rng.integers(0, len(keys), n)]})
            held[path] = rows
        known.replace_evidence(path, rows)
        every = pd.concat(held.values(), ignore_index=True) if held else pd.DataFrame(columns=EVIDENCE_COLUMNS)
        named = every[(every["evidence"] == "customer") | every["name"].notna()]
        expected = _reference_names(named)
        assert known.pairs() == expected
        assert known.pairs() == PartnerNames(every).pairs()
