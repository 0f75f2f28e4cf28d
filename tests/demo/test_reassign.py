"""The demo world's reseller switch (demo/reassign.py): the assignments file and its truth are
consistent with the world, with contracts on both sides of each date."""

from pathlib import Path

import pandas as pd
import pytest

from demo.context import Ctx
from demo.reassign import CUSTOMER_MOVE_DAY, LATER_MOVE_DAY, write_assignments
from demo.world import build_world
from sources.assignment_file import read_assignments


@pytest.fixture(scope="module", params=[7, 11])
def home(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    world = build_world(0.3, request.param)
    path = tmp_path_factory.mktemp(f"reassign{request.param}")
    assert write_assignments(Ctx(world, request.param), path) is not None
    world.contracts.assign(start_date=world.contracts.start_date.dt.strftime("%Y-%m-%d"),
                           end_date=world.contracts.end_date.dt.strftime("%Y-%m-%d")).to_csv(
        path / "truth" / "world_contracts.csv", index=False)
    return path


def test_the_file_reads_clean_and_matches_its_truth(home: Path) -> None:
    rows = read_assignments(home)
    truth = pd.read_csv(home / "truth" / "assignments.csv", keep_default_na=False)
    assert rows.problem.isna().all() and len(rows) == len(truth) == 3
    assert list(truth.scope) == ["customer", "customer", "contract"]
    assert list(rows.effective_date.dt.strftime("%Y-%m-%d")) == [str(CUSTOMER_MOVE_DAY), *[str(LATER_MOVE_DAY)] * 2]
    assert (truth.from_reseller_key != truth.to_reseller_key).all()


def test_the_moved_customer_has_contracts_on_both_sides_and_the_truth_follows_the_date(home: Path) -> None:
    truth = pd.read_csv(home / "truth" / "assignments.csv", keep_default_na=False).iloc[0]
    lines = pd.read_csv(home / "truth" / "economics_lines.csv", keep_default_na=False)
    mine = lines[(lines.customer_key == truth.customer_key) & (lines.event == "booked")]
    day = str(CUSTOMER_MOVE_DAY)
    before, after = mine[mine.event_date < day], mine[mine.event_date >= day]
    assert len(before) and len(after)
    assert set(after.reseller_key) == {truth.to_reseller_key}
    assert truth.to_reseller_key not in set(before.reseller_key)


def test_economics_truth_adds_up_on_both_sides(home: Path) -> None:
    lines = pd.read_csv(home / "truth" / "economics_lines.csv")
    partners = pd.read_csv(home / "truth" / "partner_economics.csv", keep_default_na=False)
    customers = pd.read_csv(home / "truth" / "customer_economics.csv", keep_default_na=False)
    for col in ("revenue", "partner_share", "lapse_value"):
        assert abs(partners[col].sum() - lines[col].sum()) < 0.05
        assert abs(customers[col].sum() - lines[col].sum()) < 0.05
    assert partners.due.sum() == customers.due.sum() == (lines.event == "due").sum()
    booked = lines[lines.event == "booked"]
    assert ((booked.partner_share - booked.revenue * booked.partner_rate).abs() <= 0.006).all()
