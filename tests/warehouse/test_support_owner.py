"""A partner program's support model read as the owner of its renewals, in words or as a yes/no.

Through the real SQL path: support_owner is the Python function (warehouse/support_models.py) that
register_macros puts on the connection beside the macros."""

from pathlib import Path

import duckdb
import pytest

from warehouse.steps import register_macros

#: the s30 channel probe's 30 wordings of a partner program export (the owner a channel manager reads;
#: 'Co-delivery', which says neither, is left out)
PROBE_WORDINGS = [
    ('Partner delivers L1/L2', 'reseller'),
    ('Vendor direct support', 'vendor'),
    ('Herstellersupport', 'vendor'),
    ('Support assuré par le partenaire', 'reseller'),
    ('Soporte del fabricante', 'vendor'),
    ('Managed by authorised service provider', 'service_org'),
    ('Indirect', 'reseller'),
    ('OEM support', 'vendor'),
    ('Kein Partnersupport', 'vendor'),
    ('Support constructeur', 'vendor'),
    ('Ondersteuning door leverancier', 'vendor'),
    ('Partner L1, vendor delivers L2', 'reseller'),
    ('Vendor (partner resells only)', 'vendor'),
    ('Resell only', 'vendor'),
    ('Partner support not included', 'vendor'),
    ('Nee', 'vendor'),
    ('0', 'vendor'),
    ('Vendor-assisted', 'reseller'),
    ('Reseller doesnt deliver support', 'vendor'),
    ('Direct from vendor, partner not involved', 'vendor'),
    ('Soporte directo del fabricante', 'vendor'),
    ('Support durch Hersteller', 'vendor'),
    ('Self-delivered', 'reseller'),
    ('Vendor-led', 'vendor'),
    ('Sold through partner; supported by vendor', 'vendor'),
    ('Partner: no', 'vendor'),
    ('Transactional (no support)', 'vendor'),
    ('Partner', 'reseller'),
    ('Vendor', 'vendor'),
]

#: wordings written before the reader, in other languages and phrasings
OTHER_WORDINGS = [
    ('Assistenza del produttore', 'vendor'),
    ('Supporto fornito dal rivenditore', 'reseller'),
    ('Nessun supporto del partner', 'vendor'),
    ('Il rivenditore non fornisce assistenza', 'vendor'),
    ('Suporte do fabricante', 'vendor'),
    ('Suporte prestado pelo revendedor', 'reseller'),
    ('Revenda apenas, sem suporte', 'vendor'),
    ('Wsparcie producenta', 'vendor'),
    ('Wsparcie zapewnia partner', 'reseller'),
    ('Partner nie świadczy wsparcia', 'vendor'),
    ('Tillverkarens support', 'vendor'),
    ('Support via återförsäljaren', 'reseller'),
    ('Återförsäljaren levererar inte support', 'vendor'),
    ('Support fra producenten', 'vendor'),
    ('Forhandleren leverer support', 'reseller'),
    ('Ingen forhandlersupport', 'vendor'),
    ('メーカーサポート', 'vendor'),
    ('販売店サポート', 'reseller'),
    ('パートナーによるサポートなし', 'vendor'),
    ('メーカー直接サポート', 'vendor'),
    ('Nej', 'vendor'),
    ('Sim', 'reseller'),
    ('Não', 'vendor'),
    ('Tak', 'reseller'),
    ('Nie', 'vendor'),
    ('Kyllä', 'reseller'),
    ('N/A', None),
    ('TBD', None),
    ('Supported by the OEM; reseller handles billing only', 'vendor'),
    ('Reseller provides 1st level, manufacturer 2nd level', 'reseller'),
    ('Manufacturer warranty support only', 'vendor'),
    ('Partner-managed support', 'reseller'),
    ('No reseller involvement', 'vendor'),
    ('Channel partner supplies L1 support', 'reseller'),
    ('Handled directly by the vendor', 'vendor'),
    ('Vendor does not provide support; partner does', 'reseller'),
    ('Pass-through (vendor supports)', 'vendor'),
    ('Reseller: yes', 'reseller'),
    ('Vendor: no', 'reseller'),
    ('Unterstützung durch den Fachhändler', 'reseller'),
    ('Pas de support partenaire', 'vendor'),
    ('Sin soporte del distribuidor', 'vendor'),
    ('Zonder ondersteuning van de wederverkoper', 'vendor'),
    ('Helpdesk run by the dealer', 'reseller'),
    ('Support by manufacturer, installation by partner', 'vendor'),
    ('Partneren yder ikke support', 'vendor'),
    ('Third party maintenance (TPM)', 'third_party'),
    ('Authorised Service Provider', 'service_org'),
]

#: wordings written after the reader and scored before any change to it (three were fixed then)
LATER_WORDINGS = [
    ('Partner provides all support', 'reseller'),
    ('Support is the responsibility of the manufacturer', 'vendor'),
    ('Vendor handles all tickets', 'vendor'),
    ('Reseller responsible for maintenance', 'reseller'),
    ('Direct support only', 'vendor'),
    ('Support: Vendor', 'vendor'),
    ('Support: Partner', 'reseller'),
    ('Delivered by reseller', 'reseller'),
    ('Assistance fournie par le fabricant', 'vendor'),
    ('Le partenaire ne fournit pas le support', 'vendor'),
    ('Wartung durch den Partner', 'reseller'),
    ('Partner leistet keinen Support', 'vendor'),
    ('Herstellerwartung', 'vendor'),
    ('Soporte a cargo del socio', 'reseller'),
    ('El distribuidor no ofrece soporte', 'vendor'),
    ('Assistenza diretta del produttore', 'vendor'),
    ('Supporto a cura del partner', 'reseller'),
    ('Suporte direto da fabricante', 'vendor'),
    ('Parceiro não presta suporte', 'vendor'),
    ('Serwis producenta', 'vendor'),
    ('Obsługa przez partnera', 'reseller'),
    ('Support levereras av tillverkaren', 'vendor'),
    ('Partnern levererar support', 'reseller'),
    ('Leverandøren leverer support', 'vendor'),
    ('保守はメーカーが対応', 'vendor'),
    ('販売店による保守', 'reseller'),
    ('Reseller handles L1; OEM handles everything else', 'reseller'),
    ('OEM-backed, partner-delivered', 'reseller'),
    ('Not partner supported', 'vendor'),
    ('Vendor only', 'vendor'),
    ('Partner only', 'reseller'),
    ('Y', 'reseller'),
    ('Tbc', None),
    ('Reseller supplies hardware, vendor supports it', 'vendor'),
    ('Support outsourced to a service organisation', 'service_org'),
    ('Through the channel', 'reseller'),
    ("Manufacturer's own engineers", 'vendor'),
    ('Unsupported by partner', 'vendor'),
    ('Partner: ja', 'reseller'),
]


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


@pytest.mark.parametrize(("model", "owner"), PROBE_WORDINGS + OTHER_WORDINGS + LATER_WORDINGS)
def test_a_support_model_in_any_wording_names_the_side_that_delivers_the_support(
        macro_con: duckdb.DuckDBPyConnection, model: str, owner: str | None) -> None:
    assert macro_con.execute("SELECT support_owner(?)", [model]).fetchone() == (owner,)


@pytest.mark.parametrize(("model", "owner"), [
    ("Co-delivery", None),  # both, or neither: no owner, so the partner's default applies
    ("Support", None),
    ("Partner support; vendor support", None),  # said both ways at the same weight
    ("Various", None),
    ("", None),
])
def test_a_support_model_that_names_no_side_or_both_names_no_owner(
        macro_con: duckdb.DuckDBPyConnection, model: str, owner: str | None) -> None:
    assert macro_con.execute("SELECT support_owner(?)", [model]).fetchone() == (owner,)


def test_support_owner_reads_a_column_and_passes_null(macro_con: duckdb.DuckDBPyConnection) -> None:
    rows = macro_con.execute("SELECT m, support_owner(m) FROM (VALUES ('Herstellersupport'), (NULL), ('Indirect')) v(m)"
                             " ORDER BY m NULLS FIRST").fetchall()
    assert rows == [(None, None), ("Herstellersupport", "vendor"), ("Indirect", "reseller")]


def test_registering_the_functions_twice_on_one_connection_keeps_them(macro_con: duckdb.DuckDBPyConnection) -> None:
    register_macros(macro_con)
    assert macro_con.execute("SELECT support_owner('Resell only')").fetchone() == ("vendor",)


def test_the_sql_macro_is_gone_so_there_is_one_reading() -> None:
    macros = (Path(__file__).parents[2] / "warehouse" / "sql" / "resolve_macros.sql").read_text(encoding="utf-8")
    assert "MACRO support_owner" not in macros


def test_a_lone_dash_says_nothing(macro_con: duckdb.DuckDBPyConnection) -> None:
    # exports write "-" for an empty cell: no answer to "does the partner deliver the support"
    assert macro_con.execute("SELECT support_owner('-'), support_owner(' - ')").fetchone() == (None, None)
