"""Priorities and the plan (action dates), the changes since the last run, and what a partner sees."""

import datetime as dt
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd

from reports.frames import load_report_data
from reports.opportunities import build_opportunities
from reports.outputs import book_parts, write_report_files
from reports.settings import ReportSettings
from reports.summary import summarise_books
from reports.valuation import valuation_settings
from tests.reports.fixtures import AS_OF, fixture_file, open_build
from warehouse.previous_run import PREVIOUS_OPPORTUNITY_COLUMNS

BASE = {"fx_rates": {"EUR": 1.1}, "partner_tiers": {"Gold Reseller Inc": "gold"}, "partner_share": {"gold": 0.6}}


def _build(tmp_path: Path, raw: dict, previous: pd.DataFrame | None = None) -> duckdb.DuckDBPyConnection:
    settings = valuation_settings({**BASE, **raw})
    con = open_build(fixture_file(tmp_path / "wh.duckdb"), settings, AS_OF)
    build_opportunities(con, settings, previous)
    return con


def test_the_backlog_is_spread_over_working_days_never_before_the_as_of_date(tmp_path: Path) -> None:
    con = _build(tmp_path, {"daily_actions": 1})
    df = con.execute("SELECT * FROM renewal_opportunities").df()
    df["action_date"] = pd.to_datetime(df["action_date"]).dt.date
    assert (df["action_date"] >= AS_OF).all()
    assert all(d.isoweekday() <= 5 for d in df["action_date"])  # the as-of date is a Sunday: none on a weekend
    backlog = df[(df["kind"] != "coterm") & (df["action_date"] < dt.date(2026, 11, 20))]
    per_day = backlog.groupby([backlog["rep"].fillna(""), "action_date"]).size()
    assert per_day.max() == 1  # one a day each, as configured
    # a rep's most urgent item comes first: priority, then expiry
    alice = backlog[backlog["rep"] == "Alice Moreno"].sort_values("action_date")
    assert list(alice["priority"]) == sorted(alice["priority"])
    # a co-term starts with the first renewal it folds
    coterms = df[df["kind"] == "coterm"]
    renewals = df[df["kind"] == "renewal"].set_index("contract_id")["action_date"]
    for _, c in coterms.iterrows():
        members = [renewals[k] for k in c["contract_ids"] if k in renewals.index]
        if members:
            assert c["action_date"] == min(members)


def test_priority_rises_with_value_and_urgency(tmp_path: Path) -> None:
    # with bands low enough that K1 (1,236, ending in 9 days) is high value, it is priority 1
    con = _build(tmp_path, {"value_bands": {"high": 1000, "medium": 500}})
    k1 = con.execute("SELECT priority, value_band FROM renewal_opportunities "
                     "WHERE kind = 'renewal' AND contract_id = 'K1'").fetchall()
    assert k1 == [(1, "high")]
    gaps = con.execute("SELECT DISTINCT priority FROM renewal_opportunities WHERE kind = 'coverage_gap'").fetchall()
    assert {p for (p,) in gaps} <= {2, 3}  # no urgency: never priority 1


def test_changes_against_a_previous_run(tmp_path: Path) -> None:
    first = _build(tmp_path / "a", {})
    previous = first.execute("SELECT " + ", ".join(f'"{c}"' for c in PREVIOUS_OPPORTUNITY_COLUMNS)
                             + " FROM renewal_opportunities").df()
    first.close()
    k1 = previous["contract_id"] == "K1"
    previous.loc[k1, "value"] = 1000  # K1 was worth less last run
    gone = previous[previous["kind"] == "renewal"].iloc[[0]].assign(
        opportunity_id="OPP-GONE", contract_id="K4", contract_number="SC-004")  # K4 is renewed now
    previous = pd.concat([previous[previous["contract_id"] != "K2"], gone], ignore_index=True)  # K2 is new
    con = _build(tmp_path / "b", {}, previous)
    changes = con.execute("SELECT change, contract_id, reason FROM opportunity_changes").df()
    assert ("dropped", "K4", "renewed by K4B") in set(map(tuple, changes.values))
    assert ("value changed", "K1", "value 1,000.00 -> 1,236.00") in set(map(tuple, changes.values))
    marks = dict(con.execute("SELECT contract_id, since_last_run FROM renewal_opportunities WHERE kind = 'renewal'")
                 .fetchall())
    assert marks["K2"] == "new" and marks["K1"] == "changed" and marks["K9"] is None


def test_a_renewal_whose_contract_was_credited_drops_with_that_reason(tmp_path: Path) -> None:
    first = _build(tmp_path / "a", {})
    previous = first.execute("SELECT " + ", ".join(f'"{c}"' for c in PREVIOUS_OPPORTUNITY_COLUMNS)
                             + " FROM renewal_opportunities").df()
    first.close()
    settings = valuation_settings(BASE)
    con = open_build(fixture_file(tmp_path / "b" / "wh.duckdb"), settings, AS_OF)
    con.execute("UPDATE contracts SET status = 'credited', amount = 0 WHERE contract_id = 'K1'")
    build_opportunities(con, settings, previous)
    changes = con.execute("SELECT change, kind, contract_id, reason FROM opportunity_changes").df()
    assert ("dropped", "renewal", "K1", "credited (its invoice was credited in full)") in set(map(tuple, changes.values))


def _books(tmp_path: Path, reports: ReportSettings) -> Path:
    settings = valuation_settings(BASE)
    con = open_build(fixture_file(tmp_path / "wh.duckdb"), settings, AS_OF)
    build_opportunities(con, settings)
    data = load_report_data(con, AS_OF, "USD")
    con.close()
    files = write_report_files(data, summarise_books(book_parts(data), settings), settings, tmp_path / "out", reports)
    return files.reseller_workbooks["PART-1"]


def _texts(path: Path) -> tuple[set[str], str]:
    wb = openpyxl.load_workbook(path)
    headers = {c.value for name in ("Renewals", "Coverage gaps", "Co-term proposals", "Changes") for c in wb[name][1]}
    text = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value)
    return headers, text


def test_a_resellers_workbook_leaves_out_the_vendors_internal_fields(tmp_path: Path) -> None:
    headers, text = _texts(_books(tmp_path / "partner", ReportSettings()))
    assert not headers & {"Win %", "Weighted value", "Rep"}
    assert "win probability" not in text and "Weighted value" not in text and "Dan Channel" not in text
    headers, text = _texts(_books(tmp_path / "internal", ReportSettings(partner_internal_fields=True)))
    assert {"Win %", "Weighted value", "Rep"} <= headers and "win probability" in text
