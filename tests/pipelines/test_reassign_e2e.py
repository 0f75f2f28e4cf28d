"""End to end through the real Dagster job: a home with overrides/assignments.csv (tests/pipelines/
reassign_home.py) - contracts, invoices and opportunities keep the old counterparty before each
effective date and take the new one after; counterparty_history; economics on both sides; bad rows
quarantined without stopping the run; a customer bought direct and through a VAR stays one."""

from pathlib import Path

import pytest

from pipelines.cli import run_nightly
from tests.pipelines.reassign_home import make_home
from tests.pipelines.warehouse_query import query


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    h = make_home(tmp_path_factory.mktemp("reassign") / "home")
    assert run_nightly(h, quiet=True)
    return h


def _ids(home: Path) -> tuple[dict[str, str], dict[str, str]]:
    partners = query(home, "SELECT name, partner_id FROM partners").set_index("name")["partner_id"].to_dict()
    customers = query(home, "SELECT name, customer_id FROM customers").set_index("name")["customer_id"].to_dict()
    return partners, customers


def test_bad_rows_are_quarantined_naming_file_row_and_field(home: Path) -> None:
    rows = query(home, "SELECT source_row, field, reason FROM quarantine WHERE source = 'overrides' ORDER BY 1")
    assert list(rows.source_row) == [5, 6, 7]
    assert list(rows.field) == ["customer", "effective_date", "new_reseller"]
    assert all(r.startswith(f"overrides/assignments.csv, row {n}, field ")
               for n, r in zip(rows.source_row, rows.reason, strict=True))
    assert "Nobody Corp is not a known customer" in rows.reason[0]
    status = query(home, "SELECT status, count(*) AS n FROM counterparty_assignments GROUP BY 1").set_index("status")
    assert status.loc["applied", "n"] == 3 and status.loc["quarantined", "n"] == 3


def test_contracts_keep_the_old_reseller_before_the_date_and_take_the_new_after(home: Path) -> None:
    partners, _ = _ids(home)
    c = query(home, "SELECT contract_id, reseller_id, bill_to_id, reseller_basis, reseller_assigned_by "
                    "FROM contracts").set_index("contract_id")
    # Beta moved to Orbit on 2026-06-01: the contract starting 2026-07-01 is Orbit's, the 2025 one stays Lakeside's
    assert c.loc["SC-3000012", "reseller_id"] == partners["Orbit Data Corp"]
    assert c.loc["SC-3000012", "bill_to_id"] == partners["Orbit Data Corp"]  # billed to the reseller: follows it
    assert (c.loc["SC-3000012", "reseller_basis"], c.loc["SC-3000012", "reseller_assigned_by"]) == ("assignment", "AS-3")
    assert c.loc["SC-3000011", "reseller_id"] == partners["Lakeside Tech Inc"]
    # Alpha moves to Harbor on 2026-12-01, after every contract of it started: they all stay Northwind's
    assert set(c.loc[["SC-3000001", "SC-3000002", "SC-3000003"], "reseller_id"]) == {partners["Northwind Partners"]}
    # one contract moved on 2026-09-01 after it started: the contract itself stays Lakeside's
    assert c.loc["SC-3000020", "reseller_id"] == partners["Lakeside Tech Inc"]


def test_invoices_keep_the_old_bill_to_before_the_date(home: Path) -> None:
    partners, _ = _ids(home)
    inv = query(home, "SELECT invoice_number, written_bill_to_id, bill_to_id, bill_to_assigned_by "
                      "FROM invoice_counterparties").set_index("invoice_number")
    assert inv.loc["INV-1001", "bill_to_id"] == partners["Lakeside Tech Inc"]  # 2025-07-01, before the move
    assert inv.loc["INV-1002", "written_bill_to_id"] == partners["Lakeside Tech Inc"]
    assert inv.loc["INV-1002", "bill_to_id"] == partners["Orbit Data Corp"]  # 2026-07-01, after it
    assert inv.loc["INV-1002", "bill_to_assigned_by"] == "AS-3"


def test_opportunities_take_the_counterparty_in_force_on_their_action_date(home: Path) -> None:
    opp = query(home, "SELECT kind, contract_id, reseller_name, action_date, basis, split_basis "
                      "FROM renewal_opportunities WHERE kind IN ('renewal', 'lapsed')").set_index("contract_id")
    # Alpha: worked 2026-12-30, after its 2026-12-01 move -> Harbor; worked now (2026-11-02) -> Northwind
    assert str(opp.loc["SC-3000002", "action_date"])[:10] == "2026-12-30"
    assert opp.loc["SC-3000002", "reseller_name"] == "Harbor Systems LLC"
    assert "Reassigned: Northwind Partners to Harbor Systems LLC from 2026-12-01 (overrides/assignments.csv row 2)" \
        in opp.loc["SC-3000002", "basis"]
    assert opp.loc["SC-3000003", "reseller_name"] == "Northwind Partners"
    assert "Reassigned" not in opp.loc["SC-3000003", "basis"]
    assert opp.loc["SC-3000020", "reseller_name"] == "Orbit Data Corp"  # the one contract moved 2026-09-01


def test_counterparty_history_shows_every_change_with_its_source(home: Path) -> None:
    h = query(home, "SELECT customer_name, role, from_name, to_name, CAST(effective_date AS VARCHAR) AS day, source, "
                    "source_row, lineage FROM counterparty_history")
    got = {(r.customer_name, r.role, r.from_name, r.to_name, r.day, r.source) for r in h.itertuples()}
    assert ("Alpha Manufacturing Inc", "reseller", "Northwind Partners", "Harbor Systems LLC", "2026-12-01",
            "assignment") in got
    assert ("Beta Logistics LLC", "reseller", "Lakeside Tech Inc", "Orbit Data Corp", "2026-06-01", "assignment") in got
    assert ("Gamma Foods Corp", "reseller", "Lakeside Tech Inc", "Orbit Data Corp", "2026-09-01", "assignment") in got
    observed = h[h.source == "observed"]
    assert list(observed.lineage) == ["SC-3000030 -> SC-3000031"]
    assert (observed.from_name.iloc[0], observed.to_name.iloc[0]) == ("Northwind Partners", "Lakeside Tech Inc")
    assert h.loc[h.source == "assignment", "source_row"].notna().all()


def test_a_customer_bought_direct_and_through_a_var_is_one_customer(home: Path) -> None:
    beta = query(home, "SELECT DISTINCT customer_id FROM contracts WHERE contract_id IN "
                       "('SC-3000010', 'SC-3000011', 'SC-3000012')")
    assert len(beta) == 1
    assert query(home, "SELECT count(*) AS n FROM customers WHERE name ILIKE 'beta logistics%'").n[0] == 1
    billed = query(home, "SELECT bill_to_role FROM contracts WHERE contract_id = 'SC-3000010'").bill_to_role[0]
    assert billed == "customer"


def test_economics_are_right_on_both_sides_of_the_date(home: Path) -> None:
    pe = query(home, "SELECT partner_name, quarter_label, CAST(revenue AS DOUBLE) AS revenue, due, renewed, "
                     "CAST(lapse_value AS DOUBLE) AS lapse_value, CAST(partner_share AS DOUBLE) AS partner_share, "
                     "CAST(vendor_share AS DOUBLE) AS vendor_share FROM partner_economics")
    key = pe.set_index(["partner_name", "quarter_label"])
    # Beta's 2025 contracts were Lakeside's; its 2026-Q3 contract (after the 2026-06-01 move) is Orbit's
    assert key.loc[("Lakeside Tech Inc", "2025-Q3"), "revenue"] == 3500.0
    assert key.loc[("Orbit Data Corp", "2026-Q3"), "revenue"] == 1600.0
    # the renewal that fell due 2026-06-30 (after the move) is Orbit's, and it was renewed
    assert (key.loc[("Orbit Data Corp", "2026-Q2"), "due"], key.loc[("Orbit Data Corp", "2026-Q2"), "renewed"]) == (1, 1)
    assert key.loc[("Orbit Data Corp", "2026-Q3"), "lapse_value"] == 2000.0
    assert (pe.vendor_share + pe.partner_share - pe.revenue).abs().max() < 0.005
    ce = query(home, "SELECT customer_name, quarter_label, CAST(revenue AS DOUBLE) AS revenue, due, renewed "
                     "FROM customer_economics")
    # both sides add up to the same book
    assert abs(ce.revenue.sum() - pe.revenue.sum()) < 0.005 and ce.due.sum() == pe.due.sum()
    beta = ce[ce.customer_name == "Beta Logistics LLC"].set_index("quarter_label")
    assert beta.loc["2025-Q3", "revenue"] == 3500.0 and beta.loc["2026-Q3", "revenue"] == 1600.0


def test_without_the_file_nothing_moves(tmp_path: Path) -> None:
    plain = make_home(tmp_path / "plain", assignments=False)
    assert run_nightly(plain, quiet=True)
    assert query(plain, "SELECT count(*) AS n FROM counterparty_assignments").n[0] == 0
    history = query(plain, "SELECT source FROM counterparty_history")
    assert set(history.source) == {"observed"}
    opp = query(plain, "SELECT reseller_name FROM renewal_opportunities WHERE contract_id = 'SC-3000002' "
                       "AND kind = 'renewal'")
    assert opp.reseller_name[0] == "Northwind Partners"


def test_two_rows_moving_one_customer_on_one_date_elsewhere_are_both_held(tmp_path: Path) -> None:
    """Two reassignments of Epsilon on 2026-10-01, to Orbit and to Lakeside: neither is applied (the later row
    had won, unsaid), each is quarantined naming the other; a row moving it the same way twice would be fine."""
    from tests.pipelines.reassign_home import ASSIGNMENTS, write_csv  # noqa: PLC0415 - this test's own rows

    h = make_home(tmp_path / "home", assignments=False)
    write_csv(h / "overrides/assignments.csv", [*ASSIGNMENTS,
                                                ["Epsilon Mills Corp", "", "Orbit Data Corp", "", "2026-10-01", "a"],
                                                ["epsilon mills corp", "", "Lakeside Tech Inc", "", "2026-10-01", "b"],
                                                ["Theta Labs LLC", "", "Harbor Systems LLC", "", "2026-10-01", "c"],
                                                ["theta labs llc", "", "harbor systems llc", "", "2026-10-01", "d"]])
    assert run_nightly(h, quiet=True)
    rows = query(h, "SELECT source_row, status, problem FROM counterparty_assignments WHERE source_row >= 8 "
                    "ORDER BY 1").set_index("source_row")
    assert list(rows.status) == ["quarantined", "quarantined", "applied", "applied"]
    assert rows.loc[8, "problem"] == ("overrides/assignments.csv, row 8: rows 8, 9 move customer Epsilon Mills Corp on "
                                      "2026-10-01 to different counterparties (Lakeside Tech Inc; Orbit Data Corp): "
                                      "keep one")
    held = query(h, "SELECT source_row, field FROM quarantine WHERE source = 'overrides' AND source_row >= 8")
    assert sorted(held.source_row) == [8, 9] and set(held.field) == {"effective_date"}
