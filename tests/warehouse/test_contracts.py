"""Contracts merged across sources: number normalisation, amounts, conflicts, renewals, status, parties."""

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from tests.warehouse.contract_fixtures import FixtureWorld, build, day, query, resolve_assets
from warehouse.contracts import build_contracts, contract_check_failures
from warehouse.products import build_products
from warehouse.settings import BuildSettings, ContractRules, register_build_settings
from warehouse.steps import WAREHOUSE_SQL


def _build(world: FixtureWorld, tmp_path: Path, **options: object) -> duckdb.DuckDBPyConnection:
    con = build(world, tmp_path, **options)
    build_products(con)
    resolve_assets(con)
    build_contracts(con)
    return con


def _contract(con: duckdb.DuckDBPyConnection, contract_id: str) -> dict:
    rel = con.sql("SELECT * FROM contracts WHERE contract_id = ?", params=[contract_id])
    rows = rel.fetchall()
    assert len(rows) == 1, (contract_id, rows)
    return dict(zip(rel.columns, rows[0], strict=True))


@pytest.mark.parametrize("written", ["SC-1234567", "sc1234567", "SC1234567", "1234567", " SC 01234567 ", "sc-1234567"])
def test_contract_number_forms_normalise_to_one_key(written: str) -> None:
    con = duckdb.connect()
    con.execute(WAREHOUSE_SQL.text("catalogue_macros.sql"))
    assert query(con, "SELECT contract_norm(?)", [written]) == [("1234567",)]


def test_the_forms_of_one_number_merge_into_one_contract(tmp_path: Path) -> None:
    w = FixtureWorld()
    w.row("crm_contracts", contract_number="SC-1234567", customer_id="CUST-1", reseller_id="PART-R1",
          service_start="2025-03-01", service_end="2026-02-28", amount=1000, service_level="Next Business Day")
    w.row("accounting", contract_number="sc1234567", customer_id="CUST-1", bill_to_id="PART-R1",
          sku="CS-NBD-SRV", service_start="2025-03-01", service_end="2026-02-28", amount=1000, invoice_date="2025-02-20")
    w.row("tracker_alice", contract_number="1234567", customer_id="CUST-1", service_end="2026-02-28", amount=1000)
    con = _build(w, tmp_path)
    assert query(con, "SELECT contract_id FROM contracts") == [("SC-1234567",)]
    c = _contract(con, "SC-1234567")
    assert c["contract_number"] == "SC-1234567"
    assert c["sources"] == ["accounting", "crm_contracts", "tracker_alice"]
    assert c["record_count"] == 3 and c["numbered"]
    assert c["service_level"] == "NBD" and c["sku"] == "CS-NBD-SRV" and c["term_months"] == 12
    lineage = query(con, "SELECT raw_contract_number, attach_rule FROM contract_sources ORDER BY source")
    assert lineage == [("SC1234567", "contract_number"), ("SC-1234567", "contract_number"),
                       ("1234567", "contract_number")]


def test_amount_is_summed_within_a_source_and_never_across_sources(tmp_path: Path) -> None:
    w = FixtureWorld()
    for serial in ("FCW1", "FCW2", "FCW3"):  # one invoice line per covered asset
        w.row("accounting", contract_number="SC-2000001", customer_id="CUST-1", serial_numbers=[serial],
              service_start="2025-06-01", service_end="2026-05-31", amount=400, invoice_date="2025-05-25")
    w.row("westbridge", contract_number="SC-2000001", customer_id="CUST-1", serial_numbers=["FCW1", "FCW2", "FCW3"],
          service_start="2025-06-01", service_end="2026-05-31", amount=1200, invoice_date="2025-05-20")
    w.row("tracker_alice", contract_number="2000001", customer_id="CUST-1", service_end="2026-05-31", amount=1200)
    con = _build(w, tmp_path)
    c = _contract(con, "SC-2000001")
    assert c["amount"] == Decimal("1200.00")
    assert c["asset_count"] == 3
    per_source = dict(query(con, "SELECT source, value FROM contract_candidates WHERE field = 'amount'"))
    assert per_source == {"accounting": "1200.00", "westbridge": "1200.00", "tracker_alice": "1200.00"}
    assert query(con, "SELECT count(*) FROM contract_conflicts") == [(0,)]


def test_an_identical_line_resent_in_a_later_file_counts_once(tmp_path: Path) -> None:
    w = FixtureWorld()
    line = {"contract_number": "SC-2100001", "customer_id": "CUST-1", "service_end": "2026-05-31", "amount": 900}
    w.row("tracker_alice", file="inbox/reps/alice_2025.xlsx", **line)
    w.row("tracker_alice", file="inbox/reps/alice_2026.xlsx", **line)  # the tracker carried the row over
    con = _build(w, tmp_path)
    assert _contract(con, "SC-2100001")["amount"] == Decimal("900.00")
    counted = query(con, "SELECT source_file, amount_counted FROM contract_sources ORDER BY source_file")
    assert counted == [("inbox/reps/alice_2025.xlsx", False), ("inbox/reps/alice_2026.xlsx", True)]


def test_conflicts_are_resolved_by_priority_and_the_losing_values_kept(tmp_path: Path) -> None:
    w = FixtureWorld()
    w.row("crm_contracts", contract_number="SC-3000001", customer_id="CUST-1", service_start="2025-07-01",
          service_end="2026-06-30", amount=1200)
    w.row("westbridge", contract_number="SC-3000001", customer_id="CUST-1", service_start="2025-07-01",
          service_end="2026-07-31", amount=1100, invoice_date="2025-06-15")
    con = _build(w, tmp_path)
    c = _contract(con, "SC-3000001")
    assert (c["end_date"], c["amount"]) == (day("2026-06-30"), Decimal("1200.00"))
    assert (c["end_date_source"], c["amount_source"]) == ("crm_contracts", "crm_contracts")
    conflicts = query(con, "SELECT field, value, source, source_file, source_row, chosen_value, chosen_source "
                           "FROM contract_conflicts ORDER BY field")
    assert conflicts == [
        ("amount", "1100.00", "westbridge", "inbox/westbridge.csv", 2, "1200.00", "crm_contracts"),
        ("end_date", "2026-07-31", "westbridge", "inbox/westbridge.csv", 2, "2026-06-30", "crm_contracts"),
    ]
    # the trust order is a setting: with distributors first, the distributor's values win
    con.close()
    con = _build(w, tmp_path, order=("distributor", "crm_contracts"))
    assert _contract(con, "SC-3000001")["end_date"] == day("2026-07-31")


def test_equally_trusted_sources_are_decided_by_recency(tmp_path: Path) -> None:
    w = FixtureWorld()
    w.row("westbridge", contract_number="SC-3100001", customer_id="CUST-1", service_end="2026-06-30",
          amount=1000, invoice_date="2025-06-01")
    w.row("summit", contract_number="SC-3100001", customer_id="CUST-1", service_end="2026-09-30",
          amount=1000, invoice_date="2025-09-01")
    con = _build(w, tmp_path)
    c = _contract(con, "SC-3100001")
    assert (c["end_date"], c["end_date_source"]) == (day("2026-09-30"), "summit")
    assert query(con, "SELECT field, source, chosen_source FROM contract_conflicts") == [
        ("end_date", "westbridge", "summit")]


def _chain_world() -> FixtureWorld:
    w = FixtureWorld()
    common = {"customer_id": "CUST-1", "reseller_id": "PART-R1", "serial_numbers": ["FCW9"], "service_level": "NBD"}
    w.row("crm_contracts", contract_number="SC-4000001", service_start="2024-07-01", service_end="2025-06-30",
          amount=1000, **common)
    w.row("crm_contracts", contract_number="SC-4000002", service_start="2025-08-29", service_end="2026-08-28",
          amount=1030, **common)  # starts 60 days after the end: a renewal
    w.row("crm_contracts", contract_number="SC-4000003", service_start="2026-10-28", service_end="2027-10-27",
          amount=1060, **common)  # starts 61 days after the end: not a renewal
    return w


def test_renewal_chain_links_within_60_days_and_not_beyond(tmp_path: Path) -> None:
    con = _build(_chain_world(), tmp_path)
    links = query(con, "SELECT contract_id, renewed_by, renews, status FROM contracts ORDER BY contract_id")
    assert links == [
        ("SC-4000001", "SC-4000002", None, "renewed"),
        ("SC-4000002", None, "SC-4000001", "active"),
        ("SC-4000003", None, None, "active"),
    ]


def test_renewal_window_is_configurable(tmp_path: Path) -> None:
    con = _build(_chain_world(), tmp_path, rules=ContractRules(renewal_window_days=90))
    assert _contract(con, "SC-4000002")["renewed_by"] == "SC-4000003"


def test_renewal_by_customer_sku_and_level_when_no_serials_are_known(tmp_path: Path) -> None:
    w = FixtureWorld()
    for number, start, end in (("SC-4100001", "2024-01-01", "2024-12-31"), ("SC-4100002", "2025-01-20", "2026-01-19")):
        w.row("accounting", contract_number=number, customer_id="CUST-2", sku="CS-4HR-SW", service_start=start,
              service_end=end, amount=500, invoice_date=start)
    # the same customer's NBD contract starting in the window is not a renewal of a 4HR one
    w.row("accounting", contract_number="SC-4100003", customer_id="CUST-2", sku="CS-NBD-SW",
          service_start="2025-01-05", service_end="2026-01-04", amount=300, invoice_date="2025-01-05")
    con = _build(w, tmp_path)
    assert _contract(con, "SC-4100001")["renewed_by"] == "SC-4100002"
    assert _contract(con, "SC-4100003")["renews"] is None


def test_a_contract_whose_start_no_source_gives_renews_the_one_ending_a_year_before(tmp_path: Path) -> None:
    w = FixtureWorld()
    common = {"customer_id": "CUST-3", "sku": "CS-NBD-RTR", "service_level": "NBD"}
    w.row("accounting", contract_number="SC-4200001", service_start="2024-08-23", service_end="2025-08-22",
          amount=800, invoice_date="2024-08-20", **common)
    # a rep's tracker knows only the renewal's end: taken to start a year before it (2025-08-23)
    w.row("tracker_alice", contract_number="SC-4200002", service_end="2026-08-22", amount=820, **common)
    # ending two years later, it would start a year after the first ended: no renewal of it
    w.row("tracker_alice", contract_number="SC-4200003", service_end="2027-12-31", amount=820, **common)
    con = _build(w, tmp_path)
    assert _contract(con, "SC-4200001")["renewed_by"] == "SC-4200002"
    assert _contract(con, "SC-4200002")["start_date"] is None  # still unknown: only the link assumes it
    assert _contract(con, "SC-4200003")["renews"] is None


@pytest.mark.parametrize(("end", "status"), [
    ("2025-12-31", "expired"), ("2026-01-01", "expiring"), ("2026-05-01", "expiring"), ("2026-05-02", "active"),
])
def test_status_as_of_the_as_of_date(tmp_path: Path, end: str, status: str) -> None:
    w = FixtureWorld()
    w.row("crm_contracts", contract_number="SC-5000001", customer_id="CUST-1", service_start="2025-01-01",
          service_end=end, amount=100)
    con = _build(w, tmp_path)  # as of 2026-01-01; 2026-05-01 is 120 days later (one horizon with renewals)
    assert _contract(con, "SC-5000001")["status"] == status


def test_bill_to_and_reseller_are_kept_apart_for_leased_and_direct_deals(tmp_path: Path) -> None:
    w = FixtureWorld()
    # leased: CRM names the reseller, the invoice goes to the leasing company
    w.row("crm_contracts", contract_number="SC-6000001", customer_id="CUST-1", reseller_id="PART-R1",
          service_start="2025-03-01", service_end="2026-02-28", amount=2000)
    w.row("accounting", contract_number="SC-6000001", customer_id="CUST-1", bill_to_id="PART-L1",
          service_start="2025-03-01", service_end="2026-02-28", amount=2000, invoice_date="2025-02-25")
    # direct: sold by a reseller, invoiced to the customer itself
    w.row("westbridge", contract_number="SC-6000002", customer_id="CUST-2", reseller_id="PART-R2",
          service_start="2025-05-01", service_end="2026-04-30", amount=800, invoice_date="2025-04-20")
    w.row("accounting", contract_number="SC-6000002", customer_id="CUST-2", bill_to_id="CUST-2",
          service_start="2025-05-01", service_end="2026-04-30", amount=800, invoice_date="2025-04-22")
    con = _build(w, tmp_path)
    parties = query(con, "SELECT contract_id, customer_id, reseller_id, bill_to_id, bill_to_role, reseller_basis "
                         "FROM contracts ORDER BY contract_id")
    assert parties == [
        ("SC-6000001", "CUST-1", "PART-R1", "PART-L1", "leasing", "source"),
        ("SC-6000002", "CUST-2", "PART-R2", "CUST-2", "customer", "source"),
    ]


def test_reseller_history_is_kept_across_renewals(tmp_path: Path) -> None:
    w = FixtureWorld()
    serial = {"serial_numbers": ["JAE7"], "customer_id": "CUST-1"}
    w.row("crm_contracts", contract_number="SC-7000001", reseller_id="PART-R1", service_start="2024-05-01",
          service_end="2025-04-30", amount=700, **serial)
    w.row("crm_contracts", contract_number="SC-7000002", reseller_id="PART-R2", service_start="2025-05-01",
          service_end="2026-04-30", amount=720, **serial)
    # a contract no row names a reseller for takes the customer's reseller at its start
    w.row("accounting", contract_number="SC-7000003", customer_id="CUST-1", sku="CS-4HR-AP",
          service_start="2024-06-01", service_end="2025-05-31", amount=90, invoice_date="2024-05-28")
    con = _build(w, tmp_path)
    got = query(con, "SELECT contract_id, reseller_id, reseller_basis, renewed_by FROM contracts ORDER BY 1")
    assert got == [
        ("SC-7000001", "PART-R1", "source", "SC-7000002"),
        ("SC-7000002", "PART-R2", "source", None),
        ("SC-7000003", "PART-R1", "customer_history", None),
    ]


def test_a_reseller_billed_for_a_customers_hardware_is_the_reseller_of_their_leased_contract(tmp_path: Path) -> None:
    w = FixtureWorld()
    # the hardware is invoiced to the reseller for the end customer: the customer deals through PART-R2
    w.row("accounting", customer_id="CUST-4", bill_to_id="PART-R2", sku="SW-C9200-24T", serial_numbers=["FDO1"],
          invoice_date="2022-10-16", amount=5000)
    # its service contract is invoiced to a leasing company and no row names a reseller
    w.row("accounting", contract_number="SC-7100001", customer_id="CUST-4", bill_to_id="PART-L1",
          sku="CS-NBD-SW", serial_numbers=["FDO1"], service_start="2022-11-09", service_end="2023-11-08",
          amount=988, invoice_date="2022-10-29")
    # a customer no row ever shows with a reseller stays without one
    w.row("accounting", contract_number="SC-7100002", customer_id="CUST-5", bill_to_id="CUST-5",
          sku="CS-NBD-SW", service_start="2022-11-09", service_end="2023-11-08", amount=400,
          invoice_date="2022-10-29")
    con = _build(w, tmp_path)
    got = query(con, "SELECT contract_id, reseller_id, reseller_basis, bill_to_id FROM contracts ORDER BY 1")
    assert got == [("SC-7100001", "PART-R2", "customer_history", "PART-L1"), ("SC-7100002", None, None, "CUST-5")]


def test_a_contract_no_row_names_a_reseller_for_takes_the_one_that_sold_its_renewal(tmp_path: Path) -> None:
    w = FixtureWorld()
    unit = {"customer_id": "CUST-6", "sku": "CS-4HR-FW", "serial_numbers": ["JAD9"]}
    # invoiced to the customer, and the customer is first seen with a reseller only later
    w.row("accounting", contract_number="SC-7200001", bill_to_id="CUST-6", service_start="2022-10-12",
          service_end="2023-10-11", amount=879, invoice_date="2022-10-12", **unit)
    w.row("westbridge", customer_id="CUST-6", reseller_id="PART-R1", sku="AP-C9120AX", serial_numbers=["LDQ1"],
          invoice_date="2022-11-22", amount=3900)
    # its renewal, for the same unit, names the reseller
    w.row("westbridge", contract_number="SC-7200002", reseller_id="PART-R1", service_start="2023-10-12",
          service_end="2024-10-11", amount=830, invoice_date="2023-10-04", **unit)
    con = _build(w, tmp_path)
    got = query(con, "SELECT contract_id, reseller_id, reseller_basis, renewed_by FROM contracts ORDER BY 1")
    assert got == [("SC-7200001", "PART-R1", "renewal", "SC-7200002"), ("SC-7200002", "PART-R1", "source", None)]


def test_rows_without_a_number_attach_by_serial_or_customer_and_end_date(tmp_path: Path) -> None:
    w = FixtureWorld()
    w.row("crm_contracts", contract_number="SC-8000001", customer_id="CUST-1", serial_numbers=["FOC1", "FOC2"],
          service_start="2025-04-01", service_end="2026-03-31", amount=600)
    w.row("crm_contracts", contract_number="SC-8000002", customer_id="CUST-2", service_start="2025-05-01",
          service_end="2026-04-30", amount=300)
    by_serial = w.row("tracker_alice", customer_id="CUST-1", serial_numbers=["FOC2"], service_end="2026-03-31", amount=300)
    by_customer = w.row("tracker_alice", customer_id="CUST-2", service_end="2026-04-30", amount=300)
    alone = w.row("tracker_alice", customer_id="CUST-2", serial_numbers=["LDQ5"], service_end="2026-09-30", amount=250)
    con = _build(w, tmp_path)
    attached = {r: (c, rule) for r, c, rule in query(con, "SELECT record_id, contract_id, attach_rule FROM contract_sources")}
    assert attached[by_serial] == ("SC-8000001", "serial+end_date")
    assert attached[by_customer] == ("SC-8000002", "customer+end_date")
    unnumbered, rule = attached[alone]
    assert unnumbered.startswith("UC-") and rule == "unnumbered"
    c = _contract(con, unnumbered)
    assert (c["numbered"], c["contract_number"], c["end_date"], c["amount"]) == (False, None, day("2026-09-30"), Decimal("250.00"))
    assert query(con, "SELECT count(*) FROM contracts") == [(3,)]


def test_contract_assets_come_from_serials_on_any_source_row(tmp_path: Path) -> None:
    w = FixtureWorld()
    w.row("crm_contracts", contract_number="SC-9000001", customer_id="CUST-1", serial_numbers=["A1"],
          service_start="2025-01-01", service_end="2025-12-31", amount=100)
    w.row("westbridge", contract_number="SC-9000001", customer_id="CUST-1", serial_numbers=["A1", "A2"],
          service_start="2025-01-01", service_end="2025-12-31", amount=100, invoice_date="2024-12-20")
    w.row("tracker_alice", contract_number="9000001", customer_id="CUST-1", serial_numbers=["a3"],
          service_end="2025-12-31", amount=100)
    con = _build(w, tmp_path)
    assert query(con, "SELECT contract_id, asset_id, source_rows FROM contract_assets ORDER BY asset_id") == [
        ("SC-9000001", "AST-A1", 2), ("SC-9000001", "AST-A2", 1), ("SC-9000001", "AST-A3", 1)]


def test_a_multi_year_contract_is_annualised(tmp_path: Path) -> None:
    w = FixtureWorld()
    w.row("crm_contracts", contract_number="SC-9100001", customer_id="CUST-1", service_start="2024-03-01",
          service_end="2027-02-28", amount=3000)
    con = _build(w, tmp_path)
    c = _contract(con, "SC-9100001")
    assert (c["term_months"], c["annual_amount"]) == (36, Decimal("1000.00"))


def test_build_settings_are_registered_as_tables() -> None:
    s = BuildSettings(as_of=day("2026-11-01"), currency="EUR", warranty={"hardware": 36},
                      source_ranks={"westbridge": 0, "x": 5}, rules=ContractRules(renewal_window_days=45))
    con = duckdb.connect()
    con.execute("CREATE TABLE source_records AS SELECT 'westbridge' AS source, 'distributor' AS kind "
                "UNION ALL SELECT 'crm', 'crm_contracts'")
    register_build_settings(con, s)
    assert query(con, "SELECT as_of, currency, renewal_window_days, renewal_early_days, renewal_days FROM run_settings") \
        == [(day("2026-11-01"), "EUR", 45, 60, 120)]
    assert dict(query(con, "SELECT category, months FROM warranty_months")) == {"hardware": 36}
    # a source still in source_records but no longer configured ranks after every configured one
    assert dict(query(con, "SELECT source, rank FROM source_rank")) == {"westbridge": 0, "x": 5, "crm": 6}


def test_consistency_checks_pass_on_a_sound_build_and_catch_a_broken_one(tmp_path: Path) -> None:
    con = _build(_chain_world(), tmp_path)
    failures = contract_check_failures(con)
    assert len(failures) >= 5 and not any(failures.values())
    con.execute("INSERT INTO contracts SELECT * FROM contracts WHERE contract_id = 'SC-4000003'")
    con.execute("UPDATE contracts SET renewed_by = 'SC-0' WHERE contract_id = 'SC-4000002'")
    failures = contract_check_failures(con)
    assert failures["duplicate contract_id"] == 1 and failures["renewed_by names no contract"] == 1


def test_a_corrected_line_resent_in_a_later_file_replaces_the_earlier_one(tmp_path: Path) -> None:
    w = FixtureWorld()
    line = {"contract_number": "SC-2200001", "customer_id": "CUST-1", "serial_numbers": ["FCW1"],
            "service_start": "2025-06-01", "service_end": "2026-05-31", "invoice_number": "INV-1",
            "invoice_date": "2025-05-20"}
    w.row("westbridge", file="inbox/westbridge/sellthrough_2025-05.csv", amount=883.50, **line)
    w.row("westbridge", file="inbox/westbridge/sellthrough_2025-05_corrected.csv", amount=933.50, **line)
    other = {**line, "serial_numbers": ["FCW2"]}  # a second line of the invoice, sent once
    w.row("westbridge", file="inbox/westbridge/sellthrough_2025-05.csv", amount=500, **other)
    con = _build(w, tmp_path)
    assert _contract(con, "SC-2200001")["amount"] == Decimal("1433.50")
    counted = query(con, "SELECT source_file, amount_counted FROM contract_sources ORDER BY source_file, source_row")
    assert counted == [("inbox/westbridge/sellthrough_2025-05.csv", False),
                       ("inbox/westbridge/sellthrough_2025-05.csv", True),
                       ("inbox/westbridge/sellthrough_2025-05_corrected.csv", True)]
    # the same line re-sent in a layout without a start column (an xlsx beside the csv) is still that line
    w = FixtureWorld()
    w.row("westbridge", file="inbox/westbridge/verkaeufe.csv", amount=2469.12, **line)
    w.row("westbridge", file="inbox/westbridge/verkaeufe.xlsx", amount=2469.12, **{**line, "service_start": None})
    con.close()
    assert _contract(_build(w, tmp_path), "SC-2200001")["amount"] == Decimal("2469.12")


def test_a_credit_note_resent_with_the_invoice_number_nets_and_two_lines_of_one_file_both_count(
    tmp_path: Path,
) -> None:
    w = FixtureWorld()
    line = {"contract_number": "SC-2300001", "customer_id": "CUST-1", "service_start": "2025-06-01",
            "service_end": "2026-05-31", "invoice_number": "INV-7", "invoice_date": "2025-05-20"}
    w.row("westbridge", file="inbox/westbridge/a.csv", amount=1000, **line)
    w.row("westbridge", file="inbox/westbridge/b.csv", amount=-400, **line)  # a credit of the same invoice
    w.row("accounting", file="inbox/acct/x.csv", amount=300, **line)  # two equal lines of one file
    w.row("accounting", file="inbox/acct/x.csv", amount=300, **line)
    con = _build(w, tmp_path, order=("distributor", "accounting"))
    assert _contract(con, "SC-2300001")["amount"] == Decimal("600.00")
    per_source = dict(query(con, "SELECT source, value FROM contract_candidates WHERE field = 'amount'"))
    assert per_source == {"westbridge": "600.00", "accounting": "600.00"}


def test_an_add_on_invoice_in_a_more_trusted_source_does_not_replace_the_contract_amount(tmp_path: Path) -> None:
    w = FixtureWorld()
    w.row("westbridge", contract_number="SC-2400001", customer_id="CUST-1", service_start="2026-08-11",
          service_end="2027-08-10", amount=5460, invoice_date="2026-08-01")
    # the vendor's accounting export holds only the prorated add-on of one unit
    w.row("accounting", contract_number="SC-2400001", customer_id="CUST-1", service_start="2026-10-21",
          service_end="2027-08-10", amount=546, invoice_date="2026-10-15")
    con = _build(w, tmp_path)
    c = _contract(con, "SC-2400001")
    assert (c["amount"], c["amount_source"], c["start_date"]) == (Decimal("5460.00"), "westbridge", day("2026-08-11"))
    conflicts = query(con, "SELECT field, value, source, chosen_source FROM contract_conflicts ORDER BY field")
    assert conflicts == [("amount", "546.00", "accounting", "westbridge"),
                         ("start_date", "2026-10-21", "accounting", "westbridge")]
    # the trusted source with the whole period: it saw the whole contract, and wins as before
    w = FixtureWorld()
    for source, amount in (("westbridge", 5460), ("accounting", 5400)):
        w.row(source, contract_number="SC-2400001", customer_id="CUST-1", service_start="2026-08-11",
              service_end="2027-08-10", amount=amount, invoice_date="2026-08-01")
    con.close()
    assert _contract(_build(w, tmp_path), "SC-2400001")["amount"] == Decimal("5400.00")


def test_a_credit_note_never_gives_a_negative_contract_amount(tmp_path: Path) -> None:
    w = FixtureWorld()
    w.row("westbridge", contract_number="SC-2500001", customer_id="CUST-1", service_start="2026-01-01",
          service_end="2026-12-31", amount=2790, invoice_date="2025-12-20")
    w.row("accounting", contract_number="SC-2500001", customer_id="CUST-1", service_start="2026-01-01",
          service_end="2026-12-31", amount=-2790, invoice_date="2026-02-01")  # the credit note alone
    w.row("accounting", contract_number="SC-2500002", customer_id="CUST-2", service_start="2026-01-01",
          service_end="2026-12-31", amount=-100, invoice_date="2026-02-01")  # a credit of an unseen invoice
    con = _build(w, tmp_path)
    assert _contract(con, "SC-2500001")["amount"] == Decimal("2790.00")
    c = _contract(con, "SC-2500002")
    assert c["amount"] is None and c["amount_source"] is None
    assert not any(contract_check_failures(con).values())


def test_a_contract_credited_in_full_is_credited_and_renews_nothing(tmp_path: Path) -> None:
    w = FixtureWorld()
    line = {"customer_id": "CUST-1", "service_level": "Next Business Day", "sku": "CS-NBD-SRV"}
    w.row("accounting", contract_number="SC-2700001", service_start="2025-01-01", service_end="2025-12-31",
          amount=1200, invoice_number="INV-1", invoice_date="2024-12-20", **line)
    # its renewal was invoiced, then credited in full (the customer cancelled)
    w.row("accounting", contract_number="SC-2700002", service_start="2026-01-01", service_end="2026-12-31",
          amount=1200, invoice_number="INV-2", invoice_date="2025-12-20", **line)
    w.row("accounting", contract_number="SC-2700002", service_start="2026-01-01", service_end="2026-12-31",
          amount=-1200, invoice_number="INV-2", invoice_date="2026-01-10", **line)
    # a contract of zero worth without any credit note is not credited
    w.row("accounting", contract_number="SC-2700003", customer_id="CUST-2", service_start="2026-01-01",
          service_end="2026-12-31", amount=0, invoice_number="INV-3", invoice_date="2025-12-20")
    con = _build(w, tmp_path)
    cancelled = _contract(con, "SC-2700002")
    assert (cancelled["amount"], cancelled["status"]) == (Decimal("0.00"), "credited")
    prior = _contract(con, "SC-2700001")
    assert prior["renewed_by"] is None and prior["status"] == "expired"  # a cancelled renewal renews nothing
    assert _contract(con, "SC-2700003")["status"] != "credited"
    assert not any(contract_check_failures(con).values())


def _cancel_world(status: str | None) -> FixtureWorld:
    w = FixtureWorld()
    line = {"customer_id": "CUST-1", "serial_numbers": ["FCW7"], "service_level": "NBD", "sku": "CS-NBD-SRV"}
    w.row("crm_contracts", contract_number="SC-2900001", service_start="2025-01-01", service_end="2025-12-31",
          amount=1000, status="Renewed", **line)
    w.row("crm_contracts", contract_number="SC-2900002", service_start="2026-01-01", service_end="2026-12-31",
          amount=1030, status=status, **line)
    return w


@pytest.mark.parametrize("written", [
    "Cancelled", "canceled", "Terminated", "VOID", "Storniert", "gekündigt", "Annulé", "Résiliée", "Cancelado",
    "Anulada", "Annullato", "Geannuleerd", "Opgezegd", "Cancelled - customer moved",
])
def test_a_contract_whose_status_says_it_was_cancelled_is_credited_and_renews_nothing(
        tmp_path: Path, written: str) -> None:
    """A CRM contract marked cancelled (in English or a main European language) is called off like one
    credited in full: status credited (no renewal, win-back or co-term), and it renews nothing."""
    con = _build(_cancel_world(written), tmp_path)
    cancelled = _contract(con, "SC-2900002")
    assert (cancelled["status"], cancelled["amount"]) == ("credited", Decimal("1030.00"))
    assert _contract(con, "SC-2900001")["renewed_by"] is None
    assert not any(contract_check_failures(con).values())


@pytest.mark.parametrize("written", [
    "Active", "Expired", "Not cancelled", "nicht gekündigt", "Open", "Renewal pending", "In renewal", "Not lost", "",
    None,
])
def test_a_status_that_does_not_say_cancelled_changes_nothing(tmp_path: Path, written: str | None) -> None:
    con = _build(_cancel_world(written), tmp_path)
    assert _contract(con, "SC-2900002")["status"] == "active"
    assert _contract(con, "SC-2900001")["renewed_by"] == "SC-2900002"


def _tracker_world(status: str | None, *, tracker_end: str = "2026-12-31") -> FixtureWorld:
    """A CRM contract ending 2026-12-31, 'Active' there, and a rep's tracker line on it with a status."""
    w = FixtureWorld()
    line = {"customer_id": "CUST-1", "serial_numbers": ["FCW8"], "service_level": "NBD", "sku": "CS-NBD-SRV"}
    w.row("crm_contracts", contract_number="SC-2900021", service_start="2026-01-01", service_end="2026-12-31",
          amount=1200, status="Active", **line)
    w.row("tracker_alice", contract_number="SC-2900021", service_end=tracker_end, amount=1200, status=status,
          customer_id="CUST-1")
    return w


@pytest.mark.parametrize(("written", "status"), [
    ("Closed Lost - went to competitor", "lost"), ("Churned", "lost"), ("Not renewing", "lost"),
    ("Won't renew", "lost"), ("Nicht verlängert", "lost"), ("Verloren", "lost"), ("Perdido", "lost"),
    ("Non renouvelé", "lost"), ("失注", "lost"),
    ("Renewed (PO 4471)", "renewed"), ("Closed Won", "renewed"), ("Verlängert", "renewed"), ("Renovado", "renewed"),
    ("Rinnovato", "renewed"), ("Förnyad", "renewed"), ("更新済み", "renewed"),
    ("Wygrana", "renewed"), ("odnowione 03/2026", "renewed"), ("Uusittu 3 vuodeksi", "renewed"),
    ("przegrana (cena, poszło do Comarchu)", "lost"), ("klient rezygnuje", "lost"),
    ("Hävitty – kilpailija halvempi", "lost"),
    ("Open", "active"), ("Renewal quoted", "active"), ("Pending renewal", "active"), (None, "active"),
])
def test_what_a_status_says_of_the_renewal_is_the_contracts_status(
        tmp_path: Path, written: str | None, status: str) -> None:
    """A rep who marked a renewal lost or won said what the sources' dates cannot: the contract is `lost` (no
    renewal, no win-back) or `renewed` (renewed_by empty: no later contract of the data), whatever a more
    trusted source's "Active" says of the contract itself."""
    con = _build(_tracker_world(written), tmp_path)
    c = _contract(con, "SC-2900021")
    assert (c["status"], c["renewed_by"], c["amount"]) == (status, None, Decimal("1200.00"))
    assert not any(contract_check_failures(con).values())


def test_a_status_written_on_an_earlier_term_says_nothing_of_the_current_one(tmp_path: Path) -> None:
    """The same number carried to the next term: a tracker's "Renewed" on the line that ended 2025-12-31 is
    that term's renewal - the CRM's contract now ends 2026-12-31 and is still to renew."""
    con = _build(_tracker_world("Renewed", tracker_end="2025-12-31"), tmp_path)
    assert _contract(con, "SC-2900021")["status"] == "active"


def test_the_cancelled_status_of_the_latest_export_and_most_trusted_source_counts(tmp_path: Path) -> None:
    w = FixtureWorld()
    line = {"customer_id": "CUST-1", "service_start": "2025-06-01", "service_end": "2026-05-31", "amount": 900}
    # the CRM's later export says cancelled: the line re-sent replaces the earlier one, status included
    w.row("crm_contracts", file="inbox/crm/2025-06.csv", contract_number="SC-2900011", status="Active", **line)
    w.row("crm_contracts", file="inbox/crm/2025-12.csv", contract_number="SC-2900011", status="Storniert", **line)
    # a rep's tracker says cancelled, the (more trusted) CRM says active: active, the tracker's word kept
    w.row("crm_contracts", contract_number="SC-2900012", status="Active", **line)
    w.row("tracker_alice", contract_number="SC-2900012", status="Cancelled", **line)
    con = _build(w, tmp_path)
    assert _contract(con, "SC-2900011")["status"] == "credited"
    assert _contract(con, "SC-2900012")["status"] == "active"
    assert query(con, "SELECT contract_id, field, value, chosen_value FROM contract_conflicts") == [
        ("SC-2900012", "status", "Cancelled", "Active")]


def test_a_renewal_booked_up_to_60_days_before_the_end_renews_it(tmp_path: Path) -> None:
    """'renewed when a later contract ... starts within 60 days of its end', before it as after it."""
    w = FixtureWorld()
    for number, serial, start, end in (
        ("SC-4300001", "FCW31", "2025-01-01", "2025-12-31"),
        ("SC-4300002", "FCW31", "2025-11-16", "2026-11-15"),  # 45 days before the end: a renewal
        ("SC-4300003", "FCW32", "2025-01-01", "2025-12-31"),
        ("SC-4300004", "FCW32", "2025-10-31", "2026-10-30"),  # 61 days before: not a renewal
    ):
        w.row("crm_contracts", contract_number=number, customer_id="CUST-1", serial_numbers=[serial],
              service_level="NBD", service_start=start, service_end=end, amount=1000)
    con = _build(w, tmp_path)
    assert _contract(con, "SC-4300001")["renewed_by"] == "SC-4300002"
    assert _contract(con, "SC-4300003")["renewed_by"] is None
    assert not any(contract_check_failures(con).values())
    con.close()
    # still configurable: valuation.renewal_early_days
    con = _build(w, tmp_path, rules=ContractRules(renewal_early_days=30))
    assert _contract(con, "SC-4300001")["renewed_by"] is None


def test_a_same_customer_contract_of_unknown_sku_never_renews_one_still_running(tmp_path: Path) -> None:
    """With only the customer and the level in common (no SKU on one side, no serial shared), a contract starting
    before another's end - 38 days or 10 - is a parallel one on other units, not its renewal (demo worlds of ten
    seeds: every such link was wrong); starting the day after the end it is a renewal."""
    w = FixtureWorld()
    for customer, serial, start in (("CUST-1", "FGL1", "2025-05-01"), ("CUST-2", "FGL2", "2025-05-29"),
                                    ("CUST-3", "FGL3", "2025-06-09")):
        w.row("accounting", contract_number=f"SC-44{customer[-1]}0001", customer_id=customer, sku="CS-4HR-RTR",
              serial_numbers=[serial], service_level="4HR", service_start="2024-06-09", service_end="2025-06-08",
              amount=1000, invoice_date="2024-06-01")
        w.row("crm_contracts", contract_number=f"SC-44{customer[-1]}0002", customer_id=customer, service_level="4HR",
              service_start=start, service_end="2026-04-30", amount=700)
    con = _build(w, tmp_path)
    assert _contract(con, "SC-4410001")["renewed_by"] is None
    assert _contract(con, "SC-4420001")["renewed_by"] is None
    assert _contract(con, "SC-4430001")["renewed_by"] == "SC-4430002"


def test_a_contract_without_a_start_date_is_annualised_over_the_term_its_sku_or_description_states(
        tmp_path: Path) -> None:
    w = FixtureWorld()
    for number, sku, description, amount in (
        ("SC-9200001", "CS-NBD-SW-3Y", "Support NBD", 4500),
        ("SC-9200002", "CS-4HR-SRV", "Support 4HR 36 months", 3600),
        ("SC-9200003", "CS-NBD-RTR", "Wartung NBD 2 Jahre", 2000),
        ("SC-9200004", "CS-NBD-AP-36M", None, 900),
        ("SC-9200005", "CS-NBD-SRV", "Support 5 ans", 5000),
        ("SC-9200006", "CS-NBD-SW", "Support NBD", 1000),  # no term stated: taken as one year
    ):
        w.row("tracker_alice", contract_number=number, customer_id="CUST-1", sku=sku, description=description,
              service_end="2026-09-01", amount=amount)
    # a start date is known: the dates give the term, whatever the SKU says
    w.row("crm_contracts", contract_number="SC-9200007", customer_id="CUST-2", sku="CS-NBD-SW-3Y",
          service_start="2025-09-02", service_end="2026-09-01", amount=1500)
    con = _build(w, tmp_path)
    got = {r[0]: r[1:] for r in query(con, "SELECT contract_id, start_date, term_months, annual_amount FROM contracts")}
    assert got == {
        "SC-9200001": (None, 36, Decimal("1500.00")),
        "SC-9200002": (None, 36, Decimal("1200.00")),
        "SC-9200003": (None, 24, Decimal("1000.00")),
        "SC-9200004": (None, 36, Decimal("300.00")),
        "SC-9200005": (None, 60, Decimal("1000.00")),
        "SC-9200006": (None, None, Decimal("1000.00")),
        "SC-9200007": (day("2025-09-02"), 12, Decimal("1500.00")),
    }


def test_a_line_without_an_amount_is_worth_its_unit_price_times_its_quantity(tmp_path: Path) -> None:
    w = FixtureWorld()
    w.row("westbridge", contract_number="SC-2600001", customer_id="CUST-1", service_end="2026-12-31",
          unit_price=250, quantity=4, invoice_date="2026-01-05")  # no extended-price column
    w.row("westbridge", contract_number="SC-2600002", customer_id="CUST-1", service_end="2026-12-31",
          unit_price=250, quantity=4, amount=900, invoice_date="2026-01-05")  # a discount: the amount stands
    w.row("westbridge", contract_number="SC-2600003", customer_id="CUST-1", service_end="2026-12-31",
          unit_price=250, invoice_date="2026-01-05")  # no quantity: no amount
    con = _build(w, tmp_path)
    assert _contract(con, "SC-2600001")["amount"] == Decimal("1000.00")
    assert _contract(con, "SC-2600002")["amount"] == Decimal("900.00")
    assert _contract(con, "SC-2600003")["amount"] is None


def test_a_contract_number_kept_from_term_to_term_is_its_latest_term(tmp_path: Path) -> None:
    """A vendor keeps SC-2800001 from year to year: each year's invoice is a term of its own, and the
    contract is its latest term (its amount was every year's added up), add-on units of that term
    included; earlier terms' lines stay in contract_sources, not counted."""
    w = FixtureWorld()
    line = {"customer_id": "CUST-1", "sku": "CS-NBD-SRV"}
    for year, amount in ((2022, 1000), (2023, 1040), (2024, 1080), (2025, 1120)):
        w.row("accounting", contract_number="SC-2800001", service_start=f"{year}-09-01",
              service_end=f"{year + 1}-08-31", amount=amount, invoice_number=f"INV-{year}",
              invoice_date=f"{year}-08-20", **line)
    # an add-on unit co-termed with the last term
    w.row("accounting", contract_number="SC-2800001", service_start="2026-03-01", service_end="2026-08-31",
          amount=300, invoice_number="INV-2026", invoice_date="2026-02-20", **line)
    # a tracker knows only the end dates, last year's row kept beside this year's
    w.row("tracker_alice", contract_number="SC-2800002", customer_id="CUST-2", service_end="2025-06-30", amount=900)
    w.row("tracker_alice", contract_number="SC-2800002", customer_id="CUST-2", service_end="2026-06-30", amount=950)
    con = _build(w, tmp_path)
    c = _contract(con, "SC-2800001")
    assert (c["amount"], c["start_date"], c["end_date"]) == (Decimal("1420.00"), day("2025-09-01"), day("2026-08-31"))
    counted = query(con, """SELECT s.source_row, s.amount_counted FROM contract_sources s
                            JOIN contracts c USING (contract_id) WHERE c.contract_number = 'SC-2800001'
                            ORDER BY s.source_row""")
    assert [ok for _, ok in counted] == [False, False, False, True, True]
    assert _contract(con, "SC-2800002")["amount"] == Decimal("950.00")
    assert not any(contract_check_failures(con).values())
