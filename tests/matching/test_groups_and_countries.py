"""Companies that share a name or a web domain without being one customer: sibling companies of a
group on the group's domain, a generic or multinational name in several countries, a record whose
short name looks like a cut-off of another company's longer one."""

import pandas as pd

from matching import resolve_entities

COLUMNS = ["record_id", "name", "country", "city", "postal_code", "domain"]


def _clusters(rows: list[tuple[str, str, str | None, str | None, str | None, str | None]]) -> pd.Series:
    records = pd.DataFrame(rows, columns=COLUMNS)
    return resolve_entities(records).records.set_index("record_id")["cluster_id"]


def test_siblings_on_a_group_domain_in_one_city_stay_apart() -> None:
    cluster = _clusters(
        [
            ("svc1", "Korvald Rhein Services AG", "CH", "Basel", None, "korvald.ch"),
            ("svc2", "Korvald Rhein Services", "Switzerland", "Basel", None, None),
            ("log1", "Korvald Rhein Logistik AG", "CH", "Basel", None, "www.korvald.ch"),
            ("log2", "KORVALD RHEIN LOGISTIK", "Schweiz", None, None, None),
        ]
    )
    assert cluster["svc1"] == cluster["svc2"]
    assert cluster["log1"] == cluster["log2"]
    assert cluster["svc1"] != cluster["log1"]


def test_a_shared_domain_still_joins_one_company_written_two_ways() -> None:
    cluster = _clusters(
        [
            ("a", "Korvald Rhein Services AG", "CH", "Basel", None, "korvald.ch"),
            ("b", "Korvald Rhein Svcs", "CH", None, None, "http://www.korvald.ch"),
        ]
    )
    assert cluster["a"] == cluster["b"]


def test_a_name_held_in_several_countries_does_not_join_a_record_without_country() -> None:
    cluster = _clusters(
        [
            ("ae", "Meridian Trading LLC", "AE", "Dubai", None, None),
            ("gb", "Meridian Trading Ltd", "GB", "London", None, None),
            ("nowhere", "Meridian Trading", None, None, None, None),
            ("dubai", "MERIDIAN TRADING L.L.C.", None, "Dubai", None, None),
        ]
    )
    assert cluster["ae"] != cluster["gb"]
    assert cluster["nowhere"] not in (cluster["ae"], cluster["gb"])
    # a city says which of them it is
    assert cluster["dubai"] == cluster["ae"]


def test_a_name_in_one_country_still_joins_a_record_without_country() -> None:
    cluster = _clusters(
        [
            ("a", "Meridian Trading LLC", "AE", "Dubai", None, None),
            ("b", "Meridian Trading", None, None, None, None),
        ]
    )
    assert cluster["a"] == cluster["b"]


def test_a_record_without_country_does_not_chain_companies_of_two_countries() -> None:
    # "Lor" reads as a cut-off "Lorimar": the unplaced record links both ways by name
    cluster = _clusters(
        [
            ("my1", "Lor Holdings Sdn Bhd", "MY", "Ipoh", None, None),
            ("my2", "Lor Holdings", None, "Ipoh", None, None),
            ("sg1", "Lorimar Holdings Pte Ltd", "SG", None, None, None),
            ("sg2", "The Lorimar Holdings Pte. Ltd.", "Singapore", None, None, None),
            ("sg3", "Lorimar Holdings", None, None, None, None),
        ]
    )
    assert cluster["my1"] == cluster["my2"]
    assert cluster["sg1"] == cluster["sg2"]
    assert cluster["my1"] != cluster["sg1"]


def test_a_wrong_country_cell_next_to_the_right_city_does_not_split_a_customer() -> None:
    cluster = _clusters(
        [
            ("crm", "Kestrel Furniture LLC", "USA", "Milwaukee", "53216", "kestrelfurniture.com"),
            ("dist", "Kestrel Furniture L.L.C.", None, "Milwaukee", "53216", None),
            ("rep", "Kestrel Furniture LLC", None, None, None, None),
            ("eu", "KESTREL FURNITURE LLC", "España", "Milwaukee", None, None),
        ]
    )
    assert cluster.nunique() == 1
