"""One assignment of columns to fields per table: content, partner names, needs_mapping, columns:."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import yaml

from sources.config import SourceConfig
from sources.mapping import map_columns
from sources.reader import read_source_file

CUSTOMERS = ["Globex Corporation", "Initech LLC", "Umbrella Health Inc", "Stark Industries",
             "Wayne Enterprises", "Soylent Foods Inc", "Tyrell Corp", "Wonka Industries"]
RESELLERS = ["Bluewave IT Inc", "Datalink LLC"]


def _cells(rows: list[list[object]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[str(i) for i in range(len(rows[0]))], dtype=object)


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def _pos_rows(n: int = 16) -> list[list[object]]:
    return [
        [f"2026-02-{i % 27 + 1:02d}", RESELLERS[i % 2], CUSTOMERS[i % 8], f"C9300-{i % 3}X", f"FCW{9000 + i}Z{i}",
         "1", f"{100 + i}.50"]
        for i in range(n)
    ]


def test_content_fills_a_required_field_no_header_names() -> None:
    headers = ["Ship Date", "Partner Name", "Ultimate Holder", "SKU", "Serial", "Qty", "Price"]
    m = map_columns(headers, _cells(_pos_rows()), "distributor")
    assert not m.needs_mapping
    c = m.choices["customer_name"]
    assert (c.header, c.evidence) == ("Ultimate Holder", "content")
    assert c in m.low_confidence  # used, and reported
    assert any("'customer_name' taken from column 'Ultimate Holder' with low confidence" in w for w in m.warnings())
    # an export-control "Ultimate Consignee" is the end user by its header (a consignee is whom goods go to)
    named = map_columns([*headers[:2], "Ultimate Consignee", *headers[3:]], _cells(_pos_rows()), "distributor")
    assert named.choices["customer_name"].header == "Ultimate Consignee"


def test_known_partner_names_tell_the_reseller_column() -> None:
    # two name columns and headers that do not say which is which
    rows = [[CUSTOMERS[i % 8], RESELLERS[i % 2], f"SKU-{i % 3}0", f"2026-01-{i + 1:02d}"] for i in range(16)]
    headers = ["Company A", "Company B", "SKU", "Date"]
    swapped = [[r[1], r[0], r[2], r[3]] for r in rows]
    for cells, reseller_col in ((rows, 1), (swapped, 0)):
        m = map_columns(headers, _cells(cells), "distributor", known_partners=["BLUEWAVE IT", "Datalink, LLC"])
        assert m.choices["reseller_name"].column == reseller_col
        assert m.choices["customer_name"].column == 1 - reseller_col


def test_start_and_end_follow_the_dates_not_the_column_order() -> None:
    rows = [[CUSTOMERS[i % 8], f"2027-03-{i + 1:02d}", f"2026-03-{i + 1:02d}"] for i in range(12)]
    # headers no vocabulary reads as start or end, but the kind needs service_end
    m = map_columns(["Customer", "Renewal", "Termin"], _cells(rows), "sales_rep")
    assert m.choices["service_end"].column in (1, 2)
    # two date columns named as a pair: the later one is the end, whatever the names say
    m = map_columns(["Customer", "Coverage Start", "Coverage End"], _cells(rows), "sales_rep")
    assert (m.choices["service_start"].column, m.choices["service_end"].column) == (2, 1)
    assert any("swapped" in n for n in m.notes)


def test_columns_override_wins_over_everything() -> None:
    m = map_columns(["End User", "Partner"], _cells([["a", "b"]] * 3), "distributor",
                    overrides={"customer_name": "Partner", "reseller_name": "End User"})
    assert {f: (c.column, c.evidence, c.confidence) for f, c in m.choices.items()} == {
        "reseller_name": (0, "columns", 1.0), "customer_name": (1, "columns", 1.0)}


def test_a_contradicted_optional_header_is_left_unmapped_and_said() -> None:
    rows = [[CUSTOMERS[i % 8], ["EMEA", "APAC", "NA"][i % 3], "2026-01-01"] for i in range(12)]
    m = map_columns(["Customer", "Region", "Expiry"], _cells(rows), "sales_rep")
    assert "customer_state" not in m.choices
    assert any("column 'Region' reads like 'customer_state'" in n for n in m.warnings())


def test_a_region_in_words_no_gazetteer_holds_is_read_under_its_header() -> None:
    # Occitan departments: no subdivision list spells them so, yet they are words, not codes nor a seller's regions
    regions = ["Tarn", "Avairon", "Nauta Garona", "Erau", "Òlt"]
    rows = [[CUSTOMERS[i % 8], regions[i % 5], "2026-01-01"] for i in range(12)]
    m = map_columns(["Customer", "Departament", "Expiry"], _cells(rows), "sales_rep")
    assert m.choices["customer_state"].column == 1
    codes = [[CUSTOMERS[i % 8], f"R-{1000 + i}", "2026-01-01"] for i in range(12)]
    assert "customer_state" not in map_columns(["Customer", "Departament", "Expiry"], _cells(codes), "sales_rep").choices


def test_a_bare_phone_and_email_in_a_tracker_with_a_contact_column_are_the_contacts() -> None:
    people = ["Maria Santos", "Jose Reyes", "Ana Cruz", "Paolo Garcia", "Liza Mendoza", "Ramon Bautista",
              "Carmela Ramos", "Dante Villanueva"]
    rows = [[CUSTOMERS[i % 8], people[i], f"+63 917 555 {1000 + i}", f"m{i}@example.ph", "2026-01-01"]
            for i in range(8)]
    m = map_columns(["Customer", "Contact", "Telepono", "Email", "Expiry"], _cells(rows), "sales_rep")
    assert (m.choices["contact_phone"].column, m.choices["contact_email"].column) == (2, 3)
    assert "customer_phone" not in m.choices and "customer_email" not in m.choices
    # a header naming the customer keeps it; with no contact column a bare phone stays the customer's
    m = map_columns(["Customer", "Contact", "Customer Phone", "Expiry"], _cells([r[:3] + r[4:] for r in rows]),
                    "sales_rep")
    assert m.choices["customer_phone"].column == 2
    m = map_columns(["Customer", "Phone", "Expiry"], _cells([[r[0], r[2], r[4]] for r in rows]), "sales_rep")
    assert m.choices["customer_phone"].column == 1


def test_two_dates_named_by_one_word_each_beside_date_are_the_periods_start_and_end() -> None:
    # Esperanto (EspoCRM): "komenca" and "fina" are words no table holds, "dato" is "date"; the record's creation
    # time beside them is no end of anything
    rows = [[f"KT-{12000 + i}", CUSTOMERS[i % 8], f"2025-0{1 + i % 9}-1{i % 9}", f"202{7 + i % 2}-0{1 + i % 9}-0{1 + i % 9}",
             "Aktiva", f"2025-0{1 + i % 9}-0{1 + i % 9} 0{i % 10}:{10 + i}"] for i in range(10)]
    m = map_columns(["Kontrakto-numero", "Kliento", "Komenca dato", "Fina dato", "Stato", "Kreita je"], _cells(rows),
                    "crm_contracts")
    assert (m.choices["service_start"].column, m.choices["service_end"].column) == (2, 3)
    assert "invoice_date" not in m.choices


def test_one_value_on_every_row_does_not_contradict_its_header() -> None:
    # one service SKU without a digit, bought by every customer: one value is too little to overrule "Product"
    rows = [[CUSTOMERS[i % 8], "CS-NBD-SRV", "2027-01-01"] for i in range(8)]
    m = map_columns(["Customer", "Product", "Expiry"], _cells(rows), "sales_rep")
    assert m.choices["sku"].column == 1


def test_every_recognised_field_is_stored_the_channel_fields_too() -> None:
    rows = [[CUSTOMERS[i % 8], f"p{i}@example.com", "2026-01-01", "Keystone Field Services"] for i in range(6)]
    m = map_columns(["Customer", "Contact Email", "Expiry", "Service Provider"], _cells(rows), "sales_rep")
    assert m.choices["contact_email"].column == 1 and m.choices["service_provider"].column == 3
    assert m.not_stored == [] and not any("does not store yet" in w for w in m.warnings())


def test_needs_mapping_then_the_suggested_block_loads_everything(tmp_path: Path) -> None:
    # the end customer column is named so that nothing can tell it: every value is a code
    header = ["Invoice Date", "Reseller", "Site Ref", "SKU", "Qty"]
    rows = [[f"2026-02-{i + 1:02d}", RESELLERS[i % 2], f"X{i:04d}", f"C9300-{i % 3}X", "1"] for i in range(20)]
    path = _write_csv(tmp_path / "pos.csv", header, rows)
    src = SourceConfig(name="dist", kind="distributor", path="*.csv")
    out = read_source_file(path, "inbox/pos.csv", src)
    assert out.status == "needs_mapping"
    assert out.rows_loaded == 0 and out.rows_quarantined == 0  # nothing quarantined for it
    assert "required field 'customer_name' has no column" in out.error
    assert "headers seen: 'Invoice Date', 'Reseller', 'Site Ref', 'SKU', 'Qty'" in out.error
    sheet = out.sheets[0]
    assert sheet.needs_mapping and "customer_name" in sheet.columns["missing"]
    block = out.mappings[0].suggested_columns_yaml()
    suggested = yaml.safe_load(block)["columns"]
    assert "customer_name" in suggested and suggested["customer_name"] in header
    # the person checks the suggestion, names the right column and runs again
    fixed = SourceConfig(name="dist", kind="distributor", path="*.csv", columns={"customer_name": "Site Ref"})
    again = read_source_file(path, "inbox/pos.csv", fixed)
    assert again.status == "loaded" and again.rows_loaded == 20 and again.rows_quarantined == 0
    assert again.mappings[0].choices["customer_name"].evidence == "columns"


def test_suggested_block_names_what_was_not_an_exact_synonym() -> None:
    m = map_columns(["Inv.Dt", "Reseller", "End User", "Mfr P/N"], _cells([["2026-01-01", "a", "b", "c-1"]] * 3),
                    "distributor")
    block = yaml.safe_load(m.suggested_columns_yaml())["columns"]
    assert block == {"invoice_date": "Inv.Dt", "sku": "Mfr P/N"}
    everything = yaml.safe_load(m.suggested_columns_yaml(everything=True))["columns"]
    assert everything == {"invoice_date": "Inv.Dt", "reseller_name": "Reseller", "customer_name": "End User",
                          "sku": "Mfr P/N"}


def test_the_suggested_block_never_names_a_column_another_required_field_holds(tmp_path: Path) -> None:
    """A report grouped by reseller (the reseller only in group heading rows) was told `reseller_name: "End
    Customer Name"`: following it makes every end customer a reseller and leaves the lines with no customer."""
    header = ["Invoice Date", "End Customer Name", "SKU", "Qty", "Amount"]
    rows = [[f"2026-02-{i + 1:02d}", f"Customer {i} Inc", f"C9300-{i % 3}X", "1", "100.00"] for i in range(12)]
    path = _write_csv(tmp_path / "pos.csv", header, rows)
    out = read_source_file(path, "inbox/pos.csv", SourceConfig(name="dist", kind="distributor", path="*.csv"))
    assert out.status == "needs_mapping"
    block = out.mappings[0].suggested_columns_yaml()
    assert "End Customer Name" not in block
    assert '# reseller_name: "<header>"  # required: no free column looks like it' in block
