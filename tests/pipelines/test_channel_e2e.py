"""End to end on real CSV files: a partner program (a tier change, a fixed fee, a partner without
terms), renewal owners from a service-provider column and per-partner configuration; and the same
inbox without the program and the column, where shares and owners stay as before issue 14."""

import csv
from pathlib import Path

import openpyxl
import pytest

from pipelines.cli import run_nightly
from tests.pipelines.warehouse_query import query

SOURCES_YAML = """\
as_of: 2026-11-02
currency: USD
sources:
  - name: crm_contracts
    kind: crm_contracts
    path: inbox/crm/contracts.csv
"""
PROGRAM_SOURCE = """\
  - name: program
    kind: partner_program
    path: inbox/channel/program.csv
channel:
  partners:
    Orbit Data Corp: {renewal_owner: vendor}
"""
HEAD = ["Contract Number", "Account Name", "Reseller", "Service Level", "Start Date", "End Date", "Amount",
        "Currency", "Service Provider"]
#: low values (under 2,500): action date = end - 60 days, so the two Northwind renewals fall either
#: side of its tier change on 2026-12-01
CONTRACTS = [
    ["SC-2000001", "Alpha Manufacturing Inc", "Northwind Partners", "NBD", "2026-01-21", "2027-01-20", "1000.00", "USD", ""],
    ["SC-2000002", "Alpha Manufacturing Inc", "Northwind Partners", "NBD", "2026-02-21", "2027-02-20", "2000.00", "USD", ""],
    ["SC-2000003", "Beta Logistics LLC", "Harbor Systems LLC", "NBD", "2026-02-01", "2027-01-31", "2000.00", "USD", ""],
    ["SC-2000004", "Beta Logistics LLC", "Harbor Systems LLC", "4HR", "2025-12-10", "2026-12-09", "1000.00", "USD", ""],
    ["SC-2000005", "Delta Retail Group", "Lakeside Tech Inc", "NBD", "2026-01-15", "2027-01-14", "1500.00", "USD", ""],
    ["SC-2000006", "Epsilon Mills Corp", "Northwind Partners", "4HR", "2026-01-05", "2027-01-04", "1800.00", "USD",
     "Keystone Field Services LLC"],
    ["SC-2000007", "Gamma Foods Corp", "Lakeside Tech Inc", "NBD", "2026-01-25", "2027-01-24", "1200.00", "USD",
     "Parkline Maintenance Group"],
    ["SC-2000008", "Zeta Holdings Inc", "", "NBD", "2026-01-30", "2027-01-29", "900.00", "USD", "Vendor"],
    ["SC-2000009", "Theta Labs LLC", "Orbit Data Corp", "NBD", "2026-01-28", "2027-01-27", "1100.00", "USD", ""],
]
PROGRAM = [
    ["Partner", "Tier", "Support Model", "Revenue Share", "Annual Fee", "Valid From", "Valid To"],
    ["Northwind Partners", "Silver", "Reseller first-line support", "30%", "", "2026-01-01", "2026-11-30"],
    ["Northwind Partners", "Gold", "Reseller first-line support", "40%", "", "2026-12-01", ""],
    ["Harbor Systems LLC", "Registered", "Reseller first-line support", "", "1200.00", "2026-01-01", ""],
    ["Keystone Field Services LLC", "Service", "Authorised service organisation", "", "", "2026-01-01", ""],
    ["Orbit Data Corp", "Silver", "Reseller first-line support", "35%", "", "2026-01-01", ""],
]


def _csv(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A home with the partner program and the service-provider column, and one with neither."""
    root = tmp_path_factory.mktemp("channel")
    channel, plain = root / "channel", root / "plain"
    (channel / "inbox").mkdir(parents=True)
    (channel / "sources.yaml").write_text(SOURCES_YAML + PROGRAM_SOURCE, encoding="utf-8")
    _csv(channel / "inbox/crm/contracts.csv", [HEAD, *CONTRACTS])
    _csv(channel / "inbox/channel/program.csv", PROGRAM)
    (plain / "inbox").mkdir(parents=True)
    (plain / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    _csv(plain / "inbox/crm/contracts.csv", [HEAD[:-1], *[r[:-1] for r in CONTRACTS]])
    assert run_nightly(channel, quiet=True)
    assert run_nightly(plain, quiet=True)
    return channel, plain


def _renewals(home: Path) -> dict[str, dict[str, object]]:
    df = query(home, "SELECT contract_id, action_date, CAST(value AS DOUBLE) AS value, "
                     "CAST(partner_share AS DOUBLE) AS partner_share, CAST(vendor_share AS DOUBLE) AS vendor_share, "
                     "partner_tier, split_basis, renewal_owner, at_risk, reseller_name, basis "
                     "FROM renewal_opportunities WHERE kind = 'renewal'")
    df["action_date"] = df["action_date"].astype(str).str[:10]
    return df.set_index("contract_id").to_dict("index")


def test_terms_in_force_on_the_action_date_split_each_renewal(homes: tuple[Path, Path]) -> None:
    got = _renewals(homes[0])
    before, after = got["SC-2000001"], got["SC-2000002"]
    assert before["action_date"] == "2026-11-21" and after["action_date"] == "2026-12-22"
    assert (before["partner_tier"], before["partner_share"], before["split_basis"]) == ("silver", 309.0, "program_split")
    assert (after["partner_tier"], after["partner_share"], after["split_basis"]) == ("gold", 824.0, "program_split")
    assert "Split: silver terms from 2026-01-01 (program), 30% to the partner." in str(before["basis"])
    terms = query(homes[0], "SELECT tier, previous_tier, in_force_from, in_force_to FROM partner_terms "
                            "WHERE raw_name = 'Northwind Partners' ORDER BY in_force_from")
    assert list(terms.tier) == ["silver", "gold"] and terms.previous_tier.iloc[1] == "silver"
    assert str(terms.in_force_to.iloc[0])[:10] == "2026-11-30"


def test_a_fixed_fee_is_prorated_over_the_partners_annual_book(homes: tuple[Path, Path]) -> None:
    got = _renewals(homes[0])
    # Harbor's contracts in force on the as-of date: 2,000 + 1,000 a year; a 1,200 fee is 40% of that
    for number, value in (("SC-2000003", 2060.0), ("SC-2000004", 1030.0)):
        row = got[number]
        assert (row["value"], row["split_basis"]) == (value, "program_fee")
        assert row["partner_share"] == round(value * 0.4, 2)
        assert row["vendor_share"] + row["partner_share"] == value
    assert "fixed fee of USD 1,200.00 a year" in str(got["SC-2000004"]["basis"])


def test_a_partner_without_terms_gets_the_default_split_flagged(homes: tuple[Path, Path]) -> None:
    row = _renewals(homes[0])["SC-2000005"]
    assert (row["split_basis"], row["partner_tier"], row["partner_share"]) == ("default", "default", 772.5)
    assert "no partner-program terms for the reseller" in str(row["basis"])


def test_owners_service_org_third_party_configured_and_direct(homes: tuple[Path, Path]) -> None:
    got = _renewals(homes[0])
    served = got["SC-2000006"]  # delivered by an authorised service organisation: still Northwind's renewal
    assert (served["renewal_owner"], served["reseller_name"], served["at_risk"]) == (
        "service_org", "Northwind Partners", False)
    tpm = got["SC-2000007"]
    assert (tpm["renewal_owner"], tpm["at_risk"]) == ("third_party", True)
    assert str(tpm["basis"]).startswith("Competitive win-back: maintained by Parkline Maintenance Group")
    assert got["SC-2000008"]["renewal_owner"] == "vendor" and got["SC-2000009"]["renewal_owner"] == "vendor"
    assert got["SC-2000001"]["renewal_owner"] == "reseller"
    owners = query(homes[0], "SELECT contract_id, owner_basis FROM contract_owners").set_index("contract_id")
    assert owners.loc["SC-2000009", "owner_basis"] == "configured"
    assert owners.loc["SC-2000006", "owner_basis"] == "service_provider"
    roles = query(homes[0], "SELECT name, role FROM partners").set_index("name")["role"]
    assert roles["Keystone Field Services LLC"] == "service_org" and roles["Parkline Maintenance Group"] == "service_org"
    contracts = query(homes[0], "SELECT contract_id, renewal_owner FROM contracts").set_index("contract_id")
    assert contracts.loc["SC-2000007", "renewal_owner"] == "third_party"
    # the vendor's direct list (vendor-owned and third-party win-backs) holds no reseller-owned renewal
    direct = {k for k, v in got.items() if v["renewal_owner"] in ("vendor", "third_party")}
    assert direct == {"SC-2000007", "SC-2000008", "SC-2000009"}


def test_the_vendors_direct_list_is_a_workbook_of_its_own_without_reseller_owned_renewals(
        homes: tuple[Path, Path]) -> None:
    wb = openpyxl.load_workbook(homes[0] / "out" / "workbooks" / "vendor_direct.xlsx")
    assert "the vendor's direct list" in str(wb["Summary"]["A1"].value)
    ws = wb["Renewals"]
    col = {c.value: i for i, c in enumerate(ws[1])}
    shown = {r[col["Contract"]] for r in ws.iter_rows(min_row=2, values_only=True) if r[col["Customer"]]}
    assert shown == {"SC-2000007", "SC-2000008", "SC-2000009"}
    # a reseller's book never carries the vendor's renewals, and the overall book carries both
    northwind = next((homes[0] / "out" / "workbooks").glob("reseller_northwind*.xlsx"))
    ws = openpyxl.load_workbook(northwind)["Renewals"]
    col = {c.value: i for i, c in enumerate(ws[1])}
    assert not {r[col["Contract"]] for r in ws.iter_rows(min_row=2, values_only=True)} & shown


def test_without_a_partner_program_shares_and_owners_are_as_before(homes: tuple[Path, Path]) -> None:
    got = _renewals(homes[1])
    for number, row in got.items():
        direct = number == "SC-2000008"
        assert row["split_basis"] == ("direct" if direct else "default")
        assert row["partner_share"] == (0.0 if direct else round(row["value"] * 0.5, 2))
        assert row["renewal_owner"] == ("vendor" if direct else "reseller") and not row["at_risk"]
        assert "Split:" not in str(row["basis"]) and "Competitive" not in str(row["basis"])
    assert query(homes[1], "SELECT count(*) AS n FROM partner_terms").n[0] == 0
