"""What a clustering got wrong on a real set, in names a person can read.

`misses` lists false merges (a predicted cluster that holds several true entities) and missed
links (a true entity split over several predicted clusters), biggest first, each with a few
example names per side. `b_cubed` is the per-record precision / recall, which, unlike pairwise
figures, a single 600-record entity cannot dominate.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def _frame(records: pd.DataFrame, predicted: pd.Series, truth: pd.Series) -> pd.DataFrame:
    """One row per scored record: id, name, predicted cluster, true entity."""
    ids = records["record_id"].to_numpy()
    out = pd.DataFrame(
        {
            "record_id": ids,
            "name": records["name"].to_numpy(),
            "address": records["address"].to_numpy() if "address" in records else None,
            "p": predicted.reindex(ids).to_numpy(),
            "t": truth.reindex(ids).to_numpy(),
        }
    )
    return out[out["p"].notna() & out["t"].notna()]


def b_cubed(predicted: pd.Series, truth: pd.Series) -> dict[str, float]:
    """B-cubed precision, recall and F1 (means over records of overlap / own cluster size)."""
    joined = pd.DataFrame({"p": predicted, "t": truth}).dropna()
    both = joined.groupby(["p", "t"], sort=False)["p"].transform("size").to_numpy(np.float64)
    p_size = joined.groupby("p", sort=False)["p"].transform("size").to_numpy(np.float64)
    t_size = joined.groupby("t", sort=False)["t"].transform("size").to_numpy(np.float64)
    precision = float((both / p_size).mean()) if len(joined) else 1.0
    recall = float((both / t_size).mean()) if len(joined) else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 5), "recall": round(recall, 5), "f1": round(f1, 5)}


def _side(group: pd.DataFrame, key: str, per_side: int) -> list[dict[str, object]]:
    """Each part of `group` split by `key`: size and its most frequent names/addresses."""
    parts = []
    for _, part in sorted(group.groupby(key, sort=False), key=lambda kv: -len(kv[1])):
        entry: dict[str, object] = {
            "records": len(part),
            "names": part["name"].dropna().value_counts().index[:per_side].tolist(),
        }
        if part["address"].notna().any():
            entry["addresses"] = part["address"].dropna().value_counts().index[:2].tolist()
        parts.append(entry)
    return parts


def misses(
    records: pd.DataFrame,
    predicted: pd.Series,
    truth: pd.Series,
    limit: int = 15,
    per_side: int = 3,
) -> dict[str, list[dict[str, object]]]:
    """The `limit` largest false merges and missed links, ranked by the pairs they cost."""
    frame = _frame(records, predicted, truth)
    cells = frame.groupby(["p", "t"], sort=False).size().rename("n").reset_index()
    out: dict[str, list[dict[str, object]]] = {}
    for kind, key, other in (("false_merges", "p", "t"), ("missed_links", "t", "p")):
        sizes = cells.groupby(key)["n"]
        split = sizes.size()
        split = split[split > 1].index
        if len(split) == 0:
            out[kind] = []
            continue
        sub = cells[cells[key].isin(split)]
        total = sub.groupby(key)["n"].sum()
        within = sub.groupby(key)["n"].apply(lambda s: int((s * (s - 1) // 2).sum()))
        cost = (total * (total - 1) // 2 - within).sort_values(ascending=False)
        examples = []
        for group_key in cost.index[:limit]:
            group = frame[frame[key] == group_key]
            examples.append(
                {"wrong_pairs": int(cost[group_key]), "parts": _side(group, other, per_side)}
            )
        out[kind] = examples
    return out
