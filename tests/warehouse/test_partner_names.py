"""warehouse.partner_names: the partner names a reader is given, from each file's evidence."""

from __future__ import annotations

import pandas as pd
import pytest

from warehouse.partner_names import EVIDENCE_COLUMNS, PartnerNames

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
