"""pipelines.stages.ingest.KnownPartners: the partner names a file is read with are the ones other files gave."""

import pandas as pd

from pipelines.stages.ingest import KnownPartners
from warehouse.partner_names import PartnerNames


def _evidence(rows: list[tuple[str, str, str | None, str | None]]) -> PartnerNames:
    return PartnerNames(pd.DataFrame(rows, columns=["source_file", "evidence", "name", "name_key"]))


def _reference(evidence: PartnerNames) -> KnownPartners:
    """The pandas reading this replaced (groupby and isin), as the answer to compare with."""
    names = evidence.names()
    files = names.groupby("name")["source_file"].nunique()
    shared = names[names["name"].isin(files.index[files > 1])]
    single = names[~names["name"].isin(shared["name"])]
    return KnownPartners(sorted(set(shared["name"])), single.groupby("source_file")["name"].agg(list).to_dict())


def test_a_name_two_files_give_is_shared_and_a_file_never_confirms_its_own() -> None:
    evidence = _evidence([
        ("b.csv", "partner", "Datalink LLC", "datalink"), ("a.csv", "partner", "Bluewave IT", "bluewave it"),
        ("a.csv", "partner", "Datalink LLC", "datalink"), ("a.csv", "partner", "Bluewave IT", "bluewave it"),
        ("c.csv", "partner", "Zeta Systems", "zeta systems"), ("a.csv", "partner", "Acme Resale", "acme resale"),
        ("c.csv", "bill_to", "Initech", "initech"), ("b.csv", "customer", "Globex", "initech"),
        ("d.csv", "bill_to", "Orbit Data", "orbit data"),
    ])
    known = KnownPartners.of(evidence)
    assert known == _reference(evidence)
    assert known.shared == ["Datalink LLC"]
    assert known.by_file == {"a.csv": ["Acme Resale", "Bluewave IT"], "c.csv": ["Zeta Systems"],
                             "d.csv": ["Orbit Data"]}  # Initech is an end customer elsewhere: no partner
    assert sorted(known.for_file("a.csv")) == ["Datalink LLC", "Orbit Data", "Zeta Systems"]


def test_no_evidence_knows_no_names() -> None:
    known = KnownPartners.of(PartnerNames())
    assert known == KnownPartners() and known.for_file("a.csv") == []
