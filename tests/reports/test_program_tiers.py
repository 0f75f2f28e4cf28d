"""A partner program's tier as written read as the configured tier it names (reports/program_tiers.py, then
reports/sql/program_tiers.sql)."""

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from reports.opportunities import build_opportunities
from reports.program_tiers import build_program_tiers
from reports.valuation import valuation_settings
from tests.reports.fixtures import fixture_file, open_build


def _readings(written: list[str], shares: dict[str, float]) -> dict[str, tuple[str | None, str | None]]:
    """written -> (tier, note) as rv_program_tiers holds them, built on a real DuckDB."""
    con = duckdb.connect()
    con.register("terms", pd.DataFrame({"tier": pd.Series([*written, None], dtype="string")}))
    con.execute("CREATE TABLE partner_terms AS SELECT tier FROM terms")
    con.register("shares", pd.DataFrame({"tier": list(shares), "share": list(shares.values())}))
    con.execute("CREATE TEMP TABLE rv_partner_share AS SELECT * FROM shares")
    build_program_tiers(con)
    return {w: (t, n) for w, t, n in con.execute("SELECT written, tier, note FROM rv_program_tiers").fetchall()}


def _tiers(written: list[str], shares: dict[str, float]) -> dict[str, str | None]:
    return {w: t for w, (t, _) in _readings(written, shares).items()}


def test_a_tier_written_with_more_words_is_the_configured_tier_it_names() -> None:
    written = ["gold", "gold certified partner", "platinum plus", "silver-partner", "registered", "goldsmith",
               "premier"]
    got = _tiers(written, {"default": 0.1, "direct": 0.0, "gold": 0.3, "silver": 0.2, "platinum": 0.4,
                           "platinum plus": 0.5, "Premier": 0.45})
    # whole words only ("goldsmith" names no tier), the widest of several, a tier nobody configured left without
    assert got == {"gold": "gold", "gold certified partner": "gold", "platinum plus": "platinum plus",
                   "silver-partner": "silver", "premier": "Premier", "registered": None, "goldsmith": None}


#: the s30 probe's configuration and the tiers it found falling to the default
PROBE_SHARES = {"gold": 0.40, "silver partner": 0.35, "authorized": 0.30, "default": 0.50}


@pytest.mark.parametrize(("written", "tier"), [
    ("silver", "silver partner"),                        # a configured generic word need not be written
    ("silver solution partner", "silver partner"),
    ("goldpartner", "gold"), ("silberpartner", "silver partner"),  # compounds with a generic word
    ("partenaire or", "gold"), ("partenaire argent", "silver partner"), ("silber-partner", "silver partner"),
    ("autorisierter partner", "authorized"), ("partenaire agréé", "authorized"),
    ("authorised partner", "authorized"),                # UK spelling
    ("auth.", "authorized"), ("auth", "authorized"),    # an abbreviation of one configured word
    ("gold (upgraded from silver partner)", "gold"), ("silver partner (formerly gold)", "silver partner"),
    ("gold partner", "gold"), ("partner gold", "gold"), ("gold certified", "gold"), ("authorized reseller", "authorized"),
])
def test_the_probes_tiers_read_as_the_configured_tier(written: str, tier: str) -> None:
    assert _tiers([written], PROBE_SHARES) == {written: tier}


def test_other_languages_levels_abbreviations_and_earlier_tiers() -> None:
    shares = {"platinum": 0.45, "platinum plus": 0.5, "gold partner": 0.4, "silver": 0.35, "bronze": 0.3,
              "registered": 0.2, "premier": 0.42, "tier 1": 0.37, "tier 2": 0.27, "default": 0.1, "direct": 0.0}
    expected = {
        "socio oro": "gold partner", "nivel plata": "silver", "livello argento": "silver", "goud partner": "gold partner",
        "parceiro ouro": "gold partner", "złoty partner": "gold partner", "srebrny partner": "silver",
        "guldpartner": "gold partner", "ゴールドパートナー": "gold partner", "シルバー": "silver", "brons": "bronze",
        "platyna": "platinum", "platinum plus partner": "platinum plus", "plat.": "platinum", "reg.": "registered",
        "tier 1": "tier 1", "t2": "tier 2", "level 2": "tier 2", "tier ii": "tier 2",
        "gold, vormals silber": "gold partner", "platin-partner ex-gold": "platinum",
        "or (anciennement argent)": "gold partner", "oro - antes plata": "gold partner",
        "premium": None, "partner or reseller": None,   # no tier word, nor an abbreviation; "or" in the middle is English
    }
    assert _tiers(list(expected), shares) == expected


def test_a_tier_naming_two_is_ambiguous_and_says_so() -> None:
    got = _readings(["gold / silver", "bronze level 2", "diamond"],
                    {"gold": 0.4, "silver": 0.3, "bronze": 0.2, "tier 2": 0.25, "default": 0.5})
    assert got == {"gold / silver": (None, "names both gold and silver of valuation.partner_share"),
                   "bronze level 2": (None, "names both bronze and tier 2 of valuation.partner_share"),
                   "diamond": (None, "names no tier of valuation.partner_share")}


def test_a_configured_tier_of_generic_words_only_is_kept_and_gives_way_to_any_other() -> None:
    got = _tiers(["partner", "gold partner", "registered partner"],
                 {"partner": 0.25, "gold": 0.4, "default": 0.5})
    assert got == {"partner": "partner", "gold partner": "gold", "registered partner": "partner"}


def test_an_opportunity_split_by_a_written_tier_and_its_basis(tmp_path: Path) -> None:
    """K1 (PART-1) on terms "partenaire or" is split at gold; K2 (PART-2) on "gold / silver" at the default,
    and its basis names why."""
    settings = valuation_settings({"partner_share": {"gold": 0.6, "silver": 0.35, "default": 0.5}})
    con = open_build(fixture_file(tmp_path / "wh.duckdb"), settings)
    try:
        con.execute(
            "CREATE TABLE partner_terms AS SELECT * FROM (VALUES "
            "('T1', 'PART-1', 'Reseller One', 'partenaire or', NULL::DOUBLE, NULL::DECIMAL(18, 2), NULL::VARCHAR, "
            " DATE '2020-01-01', DATE '2099-12-31', true, 'program.csv'), "
            "('T2', 'PART-2', 'Reseller Two', 'gold / silver', NULL::DOUBLE, NULL::DECIMAL(18, 2), NULL::VARCHAR, "
            " DATE '2020-01-01', DATE '2099-12-31', true, 'program.csv')) "
            "AS t(terms_id, partner_id, partner_name, tier, split_percent, fixed_fee, currency, in_force_from, "
            "in_force_to, in_force, source)")
        build_opportunities(con, settings)
        rows = {k: (b, s, float(v), basis) for k, b, s, v, basis in con.execute(
            "SELECT contract_id, split_basis, partner_tier, partner_share / value, basis "
            "FROM renewal_opportunities WHERE kind = 'renewal' AND contract_id IN ('K1', 'K2')").fetchall()}
    finally:
        con.close()
    assert rows["K1"][:3] == ("program_tier", "partenaire or", pytest.approx(0.6, abs=0.01))
    assert rows["K2"][:3] == ("program_tier", "gold / silver", pytest.approx(0.5, abs=0.01))
    assert "(the tier names both gold and silver of valuation.partner_share: default share)" in rows["K2"][3]
    assert "default share" not in rows["K1"][3]


def test_a_fixed_fee_without_an_exchange_rate_is_said_in_the_basis(tmp_path: Path) -> None:
    """K1's reseller pays a fee in EUR, which valuation.fx_rates has no rate for: its share falls to the tier's,
    and the basis says why instead of hiding the fee."""
    settings = valuation_settings({"partner_share": {"gold": 0.6, "default": 0.5}})
    con = open_build(fixture_file(tmp_path / "wh.duckdb"), settings)
    try:
        con.execute(
            "CREATE TABLE partner_terms AS SELECT * FROM (VALUES "
            "('T1', 'PART-1', 'Reseller One', 'gold', NULL::DOUBLE, 6000.00::DECIMAL(18, 2), 'EUR', "
            " DATE '2020-01-01', DATE '2099-12-31', true, 'program.csv')) "
            "AS t(terms_id, partner_id, partner_name, tier, split_percent, fixed_fee, currency, in_force_from, "
            "in_force_to, in_force, source)")
        build_opportunities(con, settings)
        basis, share = con.execute(
            "SELECT basis, partner_share / value FROM renewal_opportunities "
            "WHERE kind = 'renewal' AND contract_id = 'K1'").fetchall()[0]
    finally:
        con.close()
    assert float(share) == pytest.approx(0.6, abs=0.01)
    assert "its fixed fee of EUR 6,000.00 a year has no rate to" in basis and "valuation.fx_rates" in basis
