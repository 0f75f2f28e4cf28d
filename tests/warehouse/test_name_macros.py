"""The build's name macros read letters and digits of every script as a name, not as punctuation."""

import duckdb
import pytest


@pytest.mark.parametrize(
    ("name", "placeholder"),
    [
        ("ООО «Ромашка»", False),
        ("株式会社ミナト電機", False),
        ("شركة النور للتجارة", False),
        ("삼성전자 주식회사", False),
        ("Αλφα Τεχνική Α.Ε.", False),
        ("Acme Corp", False),
        ("N/A", True),
        ("-- unknown --", True),
        ("«»", True),
        ("···", True),
        (None, True),
        # stock lines and direct sales (hostile files, fortieth session): no customer, no reseller
        ("Reseller Stock", True), ("END USER NOT PROVIDED", True), ("Unknown End User", True), ("DIRECT", True),
        ("Direct Sale", True), ("(none)", True), ("No reseller", True),
        ("Acme Stock Ltd", False), ("Direct Line Insurance", False), ("Stockholm Data AB", False),
    ],
)
def test_a_name_in_any_script_is_not_a_placeholder(macro_con: duckdb.DuckDBPyConnection, name: str | None,
                                                   placeholder: bool) -> None:
    assert macro_con.execute("SELECT is_placeholder_name(?)", [name]).fetchone() == (placeholder,)
