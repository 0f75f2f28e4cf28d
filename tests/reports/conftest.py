"""Shared fixtures: the hand-made warehouse with opportunities built, and its report data."""

from pathlib import Path

import duckdb
import pytest

from reports.frames import ReportData, load_report_data
from reports.opportunities import build_opportunities
from reports.valuation import ValuationSettings, valuation_settings
from tests.reports.fixtures import AS_OF, fixture_file, open_build

CONFIGURED = {"fx_rates": {"EUR": 1.1}, "partner_tiers": {"Gold Reseller Inc": "gold"}, "partner_share": {"gold": 0.6}}


@pytest.fixture(scope="module")
def settings() -> ValuationSettings:
    return valuation_settings(CONFIGURED)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, settings: ValuationSettings) -> Path:
    """A warehouse file with the fixture's opportunities built (read it, don't change it)."""
    path = fixture_file(tmp_path_factory.mktemp("built") / "wh.duckdb")
    con = open_build(path, settings)
    try:
        build_opportunities(con, settings)
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def data(built: Path) -> ReportData:
    con = duckdb.connect(str(built), read_only=True)
    try:
        return load_report_data(con, AS_OF, "USD")
    finally:
        con.close()
