"""Stable entity ids across nightly runs (pure function over two record -> id mappings).

Each run clusters from scratch; this step carries the previous run's ids over so a customer keeps
its `customer_id` as new files arrive:
- a cluster inheriting records from exactly one old id keeps it;
- a merge (one cluster, several old ids) keeps the id that held most of its records; the others
  are retired into it ("merge" events);
- a split (one old id, several clusters) keeps the id on the part with most of its records; the
  other parts get new ids ("split" events);
- clusters with no old records get new ids ("new" events).
Mixed cases are settled by mutual best choice, round after round: a cluster and an old id are
paired when each is the other's best (most shared records; ties by older id, then by the
cluster's smallest record id). New ids continue the counter after the largest number ever used
with the prefix (previous mapping and, when given, the id history), zero-padded: "CUST-000124".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

HISTORY_COLUMNS = ("old_id", "new_id", "event", "run_date")


@dataclass(frozen=True)
class StableIds:
    """mapping: record_id -> entity_id; history: id events of this run (HISTORY_COLUMNS)."""

    mapping: pd.DataFrame
    history: pd.DataFrame


def _max_number(ids: pd.Series, prefix: str) -> int:
    s = pd.Series(ids.dropna().unique()).astype(str)
    s = s[s.str.startswith(prefix)].str.slice(len(prefix))
    nums = pd.to_numeric(s[s.str.fullmatch(r"[0-9]+")], errors="coerce")
    return int(nums.max()) if len(nums) and nums.notna().any() else 0


def _mutual_best(overlap: pd.DataFrame) -> pd.DataFrame:
    """Pairs (cluster, old_id) chosen by repeated mutual-best rounds (few rounds in practice).

    The old ids are compared as integer codes in sorted order (pandas 3's `isin` on Arrow
    strings makes a Python object of every value)."""
    codes, old_ids = pd.factorize(overlap["old_id"], sort=True)
    chosen = _mutual_best_codes(overlap.assign(old_id=codes))
    return chosen.assign(old_id=pd.Series(np.asarray(old_ids, dtype=object)[chosen["old_id"].to_numpy()],
                                          index=chosen.index, dtype=object))


def _mutual_best_codes(overlap: pd.DataFrame) -> pd.DataFrame:
    """`_mutual_best` with old ids as integer codes."""
    chosen = []
    rest = overlap
    while not rest.empty:
        by_cluster = rest.sort_values(
            ["cluster", "n", "old_id"], ascending=[True, False, True], kind="stable"
        )
        best_of_cluster = by_cluster.drop_duplicates("cluster")
        by_old = rest.sort_values(
            ["old_id", "n", "cluster_key"], ascending=[True, False, True], kind="stable"
        )
        best_of_old = by_old.drop_duplicates("old_id")
        mutual = best_of_cluster.merge(best_of_old[["cluster", "old_id"]], on=["cluster", "old_id"])
        if mutual.empty:
            break
        chosen.append(mutual[["cluster", "old_id"]])
        rest = rest[
            ~rest["cluster"].isin(mutual["cluster"]) & ~rest["old_id"].isin(mutual["old_id"])
        ]
    if not chosen:
        return pd.DataFrame(
            {
                "cluster": pd.Series(dtype=overlap["cluster"].dtype),
                "old_id": pd.Series(dtype=np.int64),
            }
        )
    return pd.concat(chosen, ignore_index=True)


def assign_stable_ids(
    clusters: pd.DataFrame,
    previous: pd.DataFrame | None = None,
    run_date: dt.date | str | None = None,
    prefix: str = "CUST-",
    width: int = 6,
    history: pd.DataFrame | None = None,
) -> StableIds:
    """Entity ids for this run's `clusters` (record_id, cluster_id), keeping `previous` ids.

    `previous` is last run's (record_id, entity_id) mapping (None or empty on the first run);
    `history` is the accumulated id history, used only so retired ids are never reissued.
    """
    run_date = dt.date.today().isoformat() if run_date is None else str(run_date)
    frame = clusters[["record_id", "cluster_id"]].rename(columns={"cluster_id": "cluster"})
    # each cluster's smallest record id (as text), kept as its rank among the record ids: only its
    # order counts (tie-breaks, numbering new ids), and ranks group in a fraction of strings' memory
    rank, _ = pd.factorize(frame["record_id"].astype(str), sort=True)
    key = pd.Series(rank).groupby(frame["cluster"].to_numpy()).min().rename_axis("cluster")
    if previous is None or previous.empty:
        prev = pd.DataFrame(
            {
                "record_id": pd.Series(dtype=frame["record_id"].dtype),
                "entity_id": pd.Series(dtype=object),
            }
        )
    else:
        prev = previous[["record_id", "entity_id"]]
    overlap = (
        frame.merge(prev, on="record_id")
        .groupby(["cluster", "entity_id"], as_index=False)
        .size()
        .rename(columns={"entity_id": "old_id", "size": "n"})
    )
    overlap["cluster_key"] = overlap["cluster"].map(key)
    kept = _mutual_best(overlap)
    id_of = pd.Series(kept["old_id"].to_numpy(), index=kept["cluster"].to_numpy(), dtype=object)

    used = [prev["entity_id"]]
    if history is not None and not history.empty:
        used += [history["old_id"], history["new_id"]]
    start = max(_max_number(s, prefix) for s in used) + 1
    fresh = key[~key.index.isin(id_of.index)].sort_values(kind="stable")
    numbers = np.arange(start, start + len(fresh))
    labels = prefix + pd.Series(numbers, dtype="int64").astype(str).str.zfill(width)
    new_ids = pd.Series(labels.to_numpy(dtype=object), index=fresh.index, dtype=object)
    id_of = pd.concat([id_of, new_ids])

    mapping = pd.DataFrame(
        {
            "record_id": frame["record_id"].array,  # as given (Arrow strings stay Arrow strings)
            "entity_id": frame["cluster"].map(id_of).to_numpy(),
        }
    )
    # events
    overlap["new_id"] = overlap["cluster"].map(id_of)
    moved = overlap[overlap["old_id"] != overlap["new_id"]]
    still_used = pd.Index(id_of.to_numpy(dtype=object))
    event = np.where(still_used.get_indexer(moved["old_id"].to_numpy(dtype=object)) >= 0, "split", "merge")
    events = pd.DataFrame(
        {"old_id": moved["old_id"].to_numpy(), "new_id": moved["new_id"].to_numpy(), "event": event}
    )
    born = new_ids[~new_ids.index.isin(overlap["cluster"])]
    events = pd.concat(
        [events, pd.DataFrame({"old_id": None, "new_id": born.to_numpy(), "event": "new"})],
        ignore_index=True,
    )
    events["run_date"] = run_date
    events = events.sort_values(["event", "new_id", "old_id"], kind="stable", na_position="first")
    return StableIds(mapping=mapping, history=events[list(HISTORY_COLUMNS)].reset_index(drop=True))
