"""A partner program's support model read as the owner of its renewals, in words or as a yes/no."""

import duckdb
import pytest


@pytest.mark.parametrize(
    ("model", "owner"),
    [
        ("Reseller first-line support", "reseller"),
        ("Authorised service organisation", "service_org"),
        ("Vendor direct", "vendor"),
        ("Yes", "reseller"),  # a "Delivers Support" column: the partner delivers it
        (" ja ", "reseller"),
        ("No", "vendor"),
        ("Nein", "vendor"),
        ("Partner resells; vendor delivers support", "vendor"),  # said the other way round
        ("No partner support", "vendor"),
        ("Reseller does not deliver support", "vendor"),
        ("Vendor-delivered support", "vendor"),
        ("Support delivered by the manufacturer", "vendor"),
        ("Reseller-delivered support", "reseller"),
        ("Partner delivers first-line support", "reseller"),
        ("Maybe", None),
        (None, None),
    ],
)
def test_support_model_or_a_yes_no_names_the_renewal_owner(macro_con: duckdb.DuckDBPyConnection,
                                                            model: str | None, owner: str | None) -> None:
    assert macro_con.execute("SELECT support_owner(?)", [model]).fetchone() == (owner,)
