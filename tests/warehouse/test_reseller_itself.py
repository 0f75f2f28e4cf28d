"""A distributor row naming its reseller as the end customer names no end customer: one name key
(company_key: accents, legal forms, "&"/"and" and abbreviations aside) decides it both for the
customers (resolve/customer_mentions.sql) and for the registration audit's no_end_customer."""

import re
from pathlib import Path

import duckdb
import pytest
from cleanco import termdata

from matching.gazetteer import fold
from matching.legal_forms import EXTRA_FORMS, all_forms
from warehouse.mentions import customer_mentions, mark_self_named
from warehouse.steps import CUSTOMER_MENTIONS, INGEST_SCHEMA, SELF_NAMED_RECORDS, WAREHOUSE_SQL

ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize(
    ("customer", "reseller", "itself"),
    [
        ("Tecnologías Andinas Perú", "Tecnologias Andinas Peru S.A.C.", True),
        ("Integrações Paulistas", "Integracoes Paulistas Ltda.", True),
        ("CHENNAI DATA SYSTEMS & SERVICES PVT LTD", "Chennai Data Sys and Svcs Private Limited", True),
        ("Busan Cloud Integration Corporation", "Busan Cloud Integration Co Ltd", True),
        ("Nowak i Wspólnicy Sp. j.", "NOWAK & WSPOLNICY SPÓŁKA JAWNA", True),
        ("Ege Makina San. ve Tic. A.Ş.", "Ege Makina Sanayi ve Ticaret Ltd. Şti.", True),
        ("Acme Networks - Stock", "ACME NETWORKS INC.", True),
        ("Chennai Data Systems India Pvt Ltd", "Chennai Data Systems & Services India Pvt Ltd", False),
        ("Harbour Logistics GmbH", "Harbour Networks GmbH", False),
        (None, "Harbour Networks GmbH", False),
        ("Ltd.", "Co.", False),
    ],
)
def test_the_reseller_itself_whatever_its_legal_form_accents_and_abbreviations(
    macro_con: duckdb.DuckDBPyConnection, customer: str | None, reseller: str, itself: bool
) -> None:
    assert macro_con.execute("SELECT names_reseller_itself(?, ?)", [customer, reseller]).fetchone() == (itself,)


def _rows(con: duckdb.DuckDBPyConnection) -> None:
    WAREHOUSE_SQL.run(con, INGEST_SCHEMA)
    con.execute("CREATE TEMP TABLE source_rank AS SELECT 'dist' AS source, 1 AS rank")
    con.execute("""
        INSERT INTO source_records (record_id, sha256, source, kind, source_file, source_row, customer_name, reseller_name,
                                    serial_numbers)
        VALUES ('r1', 'x', 'dist', 'distributor', 'd.csv', 2, 'Integrações Paulistas', 'Integracoes Paulistas Ltda.', ['S1']),
               ('r2', 'x', 'dist', 'distributor', 'd.csv', 3, 'Busan Cloud Integration Corporation',
                'Busan Cloud Integration Co Ltd', ['S2']),
               ('r3', 'x', 'dist', 'distributor', 'd.csv', 4, 'Harbour Logistics GmbH', 'Harbour Networks GmbH', ['S3'])
    """)


def test_a_row_naming_its_reseller_itself_gives_no_customer_mention(macro_con: duckdb.DuckDBPyConnection) -> None:
    _rows(macro_con)
    mentions = customer_mentions(macro_con)
    assert list(mentions["record_id"]) == ["r3"]


CASES = [
    ("Tecnologías Andinas Perú", "Tecnologias Andinas Peru S.A.C."), ("Acme Networks - Stock", "ACME NETWORKS INC."),
    ("Harbour Logistics GmbH", "Harbour Networks GmbH"), (None, "Harbour Networks GmbH"), ("Ltd.", "Co."),
    ("Harbour Networks", None), ("Ege Makina San. ve Tic. A.Ş.", "Ege Makina Sanayi ve Ticaret Ltd. Şti."),
]


def test_the_rows_marked_once_per_name_are_those_the_macro_names_row_by_row(macro_con: duckdb.DuckDBPyConnection) -> None:
    WAREHOUSE_SQL.run(macro_con, INGEST_SCHEMA)
    rows = [(f"d{i}", "x", "dist", kind, "d.csv", i + 2, customer, reseller)
            for i, (kind, (customer, reseller)) in enumerate(
                [(kind, case) for kind in ("distributor", "accounting") for case in CASES])]
    macro_con.executemany("""INSERT INTO source_records (record_id, sha256, source, kind, source_file, source_row,
                                                         customer_name, reseller_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                          rows)
    mark_self_named(macro_con)
    marked = {r for (r,) in macro_con.execute("SELECT record_id FROM self_named_records").fetchall()}
    by_macro = {r for (r,) in macro_con.execute("""SELECT record_id FROM source_records
        WHERE kind = 'distributor' AND names_reseller_itself(customer_name, reseller_name)""").fetchall()}
    assert marked == by_macro == {"d0", "d1", "d6"}  # a distributor's rows only; the accounting rows are not asked


def test_the_registration_audit_asks_the_same_question() -> None:
    audit = (ROOT / "reports" / "sql" / "registration" / "registration_issues.sql").read_text(encoding="utf-8")
    mentions = WAREHOUSE_SQL.text(CUSTOMER_MENTIONS)
    read = "SELECT record_id FROM self_named_records"
    assert read in audit and read in mentions
    made = WAREHOUSE_SQL.text(SELF_NAMED_RECORDS.file)
    assert "company_key(name)" in made and "c.name_key = p.name_key" in made


#: one-word forms of five letters or more that are also words, so never dropped from a name's key
FORMS_THAT_ARE_WORDS = frozenset({"scoop"})


def test_company_key_drops_the_distinctive_legal_forms_matching_strips() -> None:
    """warehouse may not import matching, so company_key lists legal forms by hand: every one-word form
    matching strips that is no word (five letters or more, or in another script) must be in that list."""
    macros = (ROOT / "warehouse" / "sql" / "resolve_macros.sql").read_text(encoding="utf-8")
    listed = set(re.findall(r"'([^']+)'", macros[macros.index("company_key_dropped(t) AS"):
                                                macros.index("-- the name lower case")]))
    terms = set(EXTRA_FORMS).union(*termdata.terms_by_country.values(), *termdata.terms_by_type.values())
    unambiguous, _ = all_forms()
    one_word = {f for t in terms if (f := fold(t.replace("&", " and ")).replace(".", "").strip())
                and " " not in f and f in unambiguous}
    distinctive = {f for f in one_word if len(f) >= 5 or (len(f) >= 2 and not f.isascii())} - FORMS_THAT_ARE_WORDS
    assert sorted(distinctive - listed) == []
