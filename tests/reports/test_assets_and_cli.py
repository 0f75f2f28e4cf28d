"""The Dagster assets on a building warehouse, and `radar opportunities` on the live one."""

import argparse
import csv
import io
import shutil
from pathlib import Path

import duckdb
import openpyxl
import pytest
from dagster import AssetKey, materialize

from pipelines.assets import opportunity_workbooks, renewal_opportunities, renewal_summary
from pipelines.cli.opportunities import add_parser, cmd_opportunities
from pipelines.resources import RadarHome
from reports.opportunities import OPPORTUNITY_TABLES
from tests.reports.fixtures import HYPERLINK, fixture_file, make_home
from warehouse.build import WarehousePaths


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose build ran the report table assets through Dagster, was published (copied),
    then had its workbooks written from the published warehouse, as in the nightly job."""
    home = make_home(tmp_path_factory.mktemp("assets"))
    paths = WarehousePaths(home)
    fixture_file(paths.building)
    resources = {"radar": RadarHome(home=str(home))}
    assert materialize([renewal_opportunities, renewal_summary], resources=resources).success
    shutil.copyfile(paths.building, paths.live)
    assert materialize([opportunity_workbooks], resources=resources).success
    return home


def test_assets_build_documented_tables_and_write_the_files(home: Path) -> None:
    con = duckdb.connect(str(WarehousePaths(home).building), read_only=True)
    try:
        missing = con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE comment IS NULL AND list_contains(?, table_name)",
            [[*OPPORTUNITY_TABLES, "renewal_summary"]]).fetchall()
        assert missing == []
        kinds = dict(con.execute("SELECT kind, count(*) FROM renewal_opportunities GROUP BY 1").fetchall())
        assert kinds == {"renewal": 4, "lapsed": 2, "coverage_gap": 3, "coterm": 2}
        assert con.execute("SELECT count(*) FROM renewal_summary WHERE scope = 'all' AND section = 'month'"
                           ).fetchall() == [(12,)]
    finally:
        con.close()
    out = home / "out"
    assert {p.name for p in out.iterdir()} >= {"renewal_opportunities.xlsx", "crm_import.csv", "run_summary.md",
                                               "workbooks"}


def test_asset_wiring() -> None:
    assert renewal_opportunities.keys == {AssetKey("renewal_opportunities")}
    assert AssetKey("contracts") in renewal_opportunities.dependency_keys
    assert AssetKey("renewal_opportunities") in renewal_summary.dependency_keys
    assert AssetKey("publish_warehouse") in opportunity_workbooks.dependency_keys  # written after publishing
    for a in (renewal_opportunities, renewal_summary):
        assert a.group_names_by_key[a.key] == "opportunities"
        assert a.op.pool == "radar_warehouse"


def _args(home: Path, *argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="radar")
    add_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["opportunities", "--home", str(home), *argv])


def test_cli_table(home: Path, capsys: pytest.CaptureFixture) -> None:
    assert cmd_opportunities(_args(home)) == 0
    out = capsys.readouterr().out
    assert "Renewal opportunities as of 2026-11-01" in out
    assert "9 opportunities worth" in out and "2 co-term proposals listed as alternatives" in out
    assert cmd_opportunities(_args(home, "--within", "30", "--kind", "renewal")) == 0
    out = capsys.readouterr().out
    assert "SC-001" in out and "SC-009" in out and "SC-002" not in out and "2 opportunities worth" in out


def test_cli_rep_filter_and_csv(home: Path, capsys: pytest.CaptureFixture) -> None:
    assert cmd_opportunities(_args(home, "--rep", "alice MORENO", "--format", "csv")) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["rep"] for r in rows} == {"Alice Moreno"}
    assert "'" + HYPERLINK in {r["customer_name"] for r in rows}
    assert cmd_opportunities(_args(home, "--rep", "unassigned", "--format", "csv")) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["contract_number"] for r in rows] == ["SC-007"]


def test_cli_xlsx(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine.xlsx"
    assert cmd_opportunities(_args(home, "--rep", "Alice Moreno", "--format", "xlsx", "--output", str(target))) == 0
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[:2] == ["Summary", "Renewals"] and wb["Summary"]._charts  # renewals first (issue 12)


def test_cli_without_a_warehouse_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    home = make_home(tmp_path)
    assert cmd_opportunities(_args(home)) == 1
    assert "run `radar run" in capsys.readouterr().err
    duckdb.connect(str(home / "warehouse.duckdb")).close()
    assert cmd_opportunities(_args(home)) == 1
    assert "has no renewal_opportunities" in capsys.readouterr().err


def test_cli_reports_bad_valuation_settings(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    other = make_home(tmp_path, "sources: []\nvaluation: {uplift: lots}\n")
    shutil.copyfile(home / "warehouse.duckdb", other / "warehouse.duckdb")
    assert cmd_opportunities(_args(other)) == 2
    assert "valuation.uplift: must be a number" in capsys.readouterr().err
