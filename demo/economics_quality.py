"""Score the reassignments and the economics against the demo world's truth (demo/reassign.py):
every reassignment keeps the old reseller before its date and the new one after (contracts by
their start, opportunities by their action date, due renewals by their end), and the economics by
reseller and by customer per quarter equal the truth on both sides of the date. The cells are
also scored apart where no planted damage touches them (`*_inbox_complete`): a line the inbox lost
cannot be counted, whatever the warehouse does."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from demo.channel_quality import _contract_key, _query, _share, _vote, inbox_damaged

MONEY = ["revenue", "partner_share", "lapse_value"]
COUNTS = ["due", "renewed"]


def _ids(warehouse: Path, truth_dir: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Resolved partner id -> true reseller key, customer id -> true customer key (majority of rows)."""
    rows = pd.read_parquet(truth_dir / "source_rows.parquet")
    rows = rows[rows["expect"] == "loaded"].copy()
    rows["source_sheet"] = rows["source_sheet"].fillna("")
    partners = _query(warehouse, "SELECT source_file, source_sheet, source_row, partner_id FROM partner_sources "
                                 "WHERE named_as IN ('reseller', 'program')")
    customers = _query(warehouse, "SELECT source_file, source_sheet, source_row, customer_id FROM customer_sources")
    return _vote(partners, rows, "partner_id", "reseller_key"), _vote(customers, rows, "customer_id", "customer_key")


def _damaged(truth_dir: Path, world: pd.DataFrame, truth: pd.DataFrame, as_of: pd.Timestamp) -> set[str]:
    """Contract keys whose amount, renewal or split the inbox cannot show whole (channel_quality.inbox_damaged),
    with every contract booked by a fixed-fee partner whose book counts a damaged one (the book sets its rate)."""
    booked = truth[truth["event"] == "booked"].merge(world[["key", "end_date"]], on="key")
    damaged, hurt = inbox_damaged(truth_dir, world, booked.rename(columns={"event_date": "start_date"}), as_of)
    return damaged | set(booked.loc[booked["reseller_key"].isin(hurt), "key"])


def _cells(lines: pd.DataFrame, key: str) -> pd.DataFrame:
    return lines.groupby([key, "quarter_label"])[MONEY + COUNTS].sum().round(2)


def _equal_cells(found: pd.DataFrame, truth: pd.DataFrame) -> pd.Series:
    both = truth.join(found, how="left", rsuffix="_found").fillna(0)
    ok = pd.Series(True, index=both.index)
    for col in MONEY:
        ok &= (both[col] - both[f"{col}_found"]).abs() <= 0.011
    for col in COUNTS:
        ok &= both[col] == both[f"{col}_found"]
    return ok


def economics_quality(home: Path) -> dict[str, float]:
    """Reassignments on both sides of their dates, and the economics against the truth."""
    truth_dir, warehouse = home / "truth", home / "warehouse.duckdb"
    if not (truth_dir / "assignments.csv").exists():
        return {}
    moves = pd.read_csv(truth_dir / "assignments.csv", keep_default_na=False)
    partner_of, customer_of = _ids(warehouse, truth_dir)
    out: dict[str, float] = {}
    applied = _query(warehouse, "SELECT count(*) AS n FROM counterparty_assignments WHERE status = 'applied'")
    out["assignments_applied"] = int(applied.n[0])
    out["assignments_true"] = len(moves)

    contracts = _query(warehouse, "SELECT contract_number, customer_id, reseller_id, start_date FROM contracts")
    contracts["key"] = _contract_key(contracts["contract_number"])
    contracts["reseller_key"] = contracts["reseller_id"].map(partner_of).fillna("")
    opps = _query(warehouse, "SELECT contract_id, kind, reseller_id, action_date FROM renewal_opportunities "
                             "WHERE kind IN ('renewal', 'lapsed')")
    opps["key"] = _contract_key(opps["contract_id"])
    opps["reseller_key"] = opps["reseller_id"].map(partner_of).fillna("")
    world = pd.read_csv(truth_dir / "contracts.csv", keep_default_na=False)
    world["key"] = _contract_key(world["contract_number"])
    truth = pd.read_csv(truth_dir / "economics_lines.csv", keep_default_na=False, low_memory=False)
    truth["key"] = _contract_key(truth["contract_number"])
    at_start = truth[truth.event == "booked"].set_index("key")["reseller_key"]
    for m in moves.itertuples():
        day = pd.Timestamp(m.effective_date)
        if m.scope == "customer":
            subject = world[(world.customer_key == m.customer_key) & (world.reseller_key != "")]
        else:
            subject = world[world.contract_number == m.contract_number]
        name = f"move_row{m.file_row}_{m.scope}"
        seen = contracts[contracts.key.isin(subject.key)]
        started = pd.to_datetime(seen.start_date)
        right = seen.reseller_key == seen.key.map(at_start)
        for side, mask in (("before", started < day), ("after", started >= day)):
            out[f"{name}_contracts_{side}"] = int(mask.sum())
            out[f"{name}_contracts_{side}_right"] = _share(right[mask])
        listed = opps[opps.key.isin(subject.key)]
        acted = pd.to_datetime(listed.action_date)
        old = listed.key.map(subject.set_index("key")["reseller_key"])
        want = old.where(acted < day, m.to_reseller_key)
        for side, mask in (("before", acted < day), ("after", acted >= day)):
            out[f"{name}_opportunities_{side}"] = int(mask.sum())
            out[f"{name}_opportunities_{side}_right"] = _share((listed.reseller_key == want)[mask])

    found = _query(warehouse, "SELECT event, contract_id, customer_id, reseller_id, event_date, "
                              "CAST(revenue AS DOUBLE) AS revenue, CAST(partner_share AS DOUBLE) AS partner_share, "
                              "due, renewed, CAST(lapse_value AS DOUBLE) AS lapse_value FROM economics_lines")
    found["key"] = _contract_key(found["contract_id"])
    found["reseller_key"] = found["reseller_id"].map(partner_of).fillna("")
    found["customer_key"] = found["customer_id"].map(customer_of).fillna("")
    found["quarter_label"] = pd.to_datetime(found.event_date).dt.year.astype(str) + "-Q" + \
        pd.to_datetime(found.event_date).dt.quarter.astype(str)
    pair = found.merge(truth[["key", "event", "reseller_key", "customer_key", "quarter_label"]], on=["key", "event"],
                       suffixes=("", "_true"))
    out["economics_lines_matched"] = len(pair)
    out["economics_lines_reseller_right"] = _share(pair.reseller_key == pair.reseller_key_true)
    out["economics_lines_quarter_right"] = _share(pair.quarter_label == pair.quarter_label_true)
    moved = moves.to_reseller_key.tolist() + moves.from_reseller_key.tolist()
    mine = truth[truth.key.isin(set(pair.key))]
    as_of = pd.Timestamp(_query(warehouse, "SELECT max(as_of_date) AS d FROM build_info").d[0])
    damaged = _damaged(truth_dir, world, truth, as_of)
    for key, label in (("reseller_key", "partner"), ("customer_key", "customer")):
        found_cells, true_cells = _cells(found[found.key.isin(set(mine.key))], key), _cells(mine, key)
        ok = _equal_cells(found_cells, true_cells)
        out[f"{label}_cells"] = len(ok)
        out[f"{label}_cells_equal"] = _share(ok)
        # the cells no planted damage touches: what is left unequal is the warehouse's own doing
        hurt = mine[mine.key.isin(damaged)].set_index([key, "quarter_label"]).index
        clean = ok[~ok.index.isin(hurt)]
        out[f"{label}_cells_inbox_complete"] = len(clean)
        out[f"{label}_cells_inbox_complete_equal"] = _share(clean)
        near = true_cells.join(found_cells, how="left", rsuffix="_found").fillna(0)
        out[f"{label}_cells_money_within_1pct"] = _share(pd.concat(
            [(near[c] - near[f"{c}_found"]).abs() <= 0.01 * near[c].abs() + 0.011 for c in MONEY], axis=1).all(axis=1))
        if label == "partner":
            sub = ok[ok.index.get_level_values(0).isin(moved)]
        else:
            sub = ok[ok.index.get_level_values(0).isin(moves.customer_key.tolist())]
        quarters = sub.index.get_level_values(1)
        first = str(pd.Timestamp(moves.effective_date.min()).year) + "-Q" + str(pd.Timestamp(
            moves.effective_date.min()).quarter)
        out[f"{label}_moved_cells_before"] = int((quarters < first).sum())
        out[f"{label}_moved_cells_before_equal"] = _share(sub[quarters < first])
        out[f"{label}_moved_cells_after"] = int((quarters >= first).sum())
        out[f"{label}_moved_cells_after_equal"] = _share(sub[quarters >= first])
    return out
