"""Splink on the same records Radar sees, scored at every threshold so Splink gets its best one.

Splink reads the columns Renewal Radar's own normaliser makes (`matching.profiles.
normalise_records`: name, street, city, postal code, phone, domain, e-mail), so the two engines
differ only in how they compare and decide, not in cleaning. The model is Splink's standard one:
blocking on exact name / name prefix / first name token (alone and with postal code or city)
/ phone / domain / e-mail / street with postal code, Jaro-Winkler on names with term-frequency adjustment,
exact matches elsewhere, u by random sampling, m by EM. Predictions are kept down to a low
match weight; clusters are connected components of the pairs at or above each threshold of a
sweep, which is what `cluster_pairwise_predictions_at_threshold` does, without re-running Splink.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from matching import pairwise_quality
from matching.profiles import normalise_records

#: lowest match weight kept from Splink's predictions (the sweep starts here)
MIN_WEIGHT = -15.0
#: columns Splink compares (exact match) besides the name, when the set has any value in them
EXACT_COLUMNS = ("street", "city_norm", "postal", "phone_norm", "domain_norm", "email_norm")


@dataclass(frozen=True)
class SplinkPairs:
    """Splink's scored candidate pairs as positions into the record frame."""

    left: np.ndarray
    right: np.ndarray
    weight: np.ndarray
    record_ids: np.ndarray


def splink_frame(records: pd.DataFrame) -> pd.DataFrame:
    """The normalised columns Splink compares, one row per record, nulls kept as nulls."""
    norm = normalise_records(records.reset_index(drop=True))
    name = norm["name_norm"].astype("string")
    frame = pd.DataFrame(
        {
            "unique_id": np.arange(len(records), dtype=np.int64),
            "name_norm": name,
            "name_first": name.str.split().str[0],
            "name_prefix": name.str.slice(0, 10),
        }
    )
    for column in EXACT_COLUMNS:
        frame[column] = norm[column].astype("string")
    return frame


def splink_linker(
    frame: pd.DataFrame, settings: Any, con: duckdb.DuckDBPyConnection, log_level: int
) -> Any:
    """A DuckDB-backed Splink `Linker` on `frame`, on Splink 4 or Splink 5.

    Splink 5 takes inputs registered as SplinkDataFrames (`db_api.register`) and no `db_api`
    argument; Splink 4 takes the pandas frame with the `db_api` (and sets the splink logger to
    INFO unless told not to).
    """
    from splink import DuckDBAPI, Linker

    db = DuckDBAPI(con)
    if hasattr(db, "register"):  # Splink 5
        return Linker(db.register(frame), settings, log_level=log_level)
    linker = Linker(frame, settings, db, set_up_basic_logging=False)  # Splink 4
    logging.getLogger("splink").setLevel(log_level)
    return linker


def _present(frame: pd.DataFrame, column: str) -> bool:
    """True when at least two records carry a value (else the column tells Splink nothing)."""
    return int(frame[column].notna().sum()) >= 2


def score_pairs(records: pd.DataFrame, *, seed: int = 1) -> SplinkPairs:
    """Train Splink on `records` and return every blocked pair with its match weight."""
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    logging.getLogger("splink").setLevel(logging.ERROR)
    frame = splink_frame(records)
    exact = [c for c in EXACT_COLUMNS if _present(frame, c)]
    rules = [block_on("name_norm"), block_on("name_prefix"), block_on("name_first")]
    rules += [block_on("name_first", c) for c in ("postal", "city_norm") if c in exact]
    rules += [block_on(c) for c in ("phone_norm", "domain_norm", "email_norm") if c in exact]
    if "street" in exact and "postal" in exact:
        rules.append(block_on("street", "postal"))
    comparisons = [
        cl.JaroWinklerAtThresholds("name_norm", [0.95, 0.88, 0.8]).configure(
            term_frequency_adjustments=True
        )
    ]
    comparisons += [cl.ExactMatch(c) for c in exact]
    spill = Path(tempfile.gettempdir()) / "radar-bench-splink"
    con = duckdb.connect(config={"memory_limit": "4GB", "temp_directory": str(spill)})
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        blocking_rules_to_generate_predictions=rules,
        comparisons=comparisons,
    )
    linker = splink_linker(frame, settings, con, logging.ERROR)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("name_norm")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=seed)
    em_rules = [block_on("name_prefix")]
    em_rules += [block_on(c) for c in ("postal", "phone_norm", "city_norm") if c in exact][:2]
    for rule in em_rules:
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    predictions = linker.inference.predict(threshold_match_weight=MIN_WEIGHT).as_pandas_dataframe()
    con.close()
    return SplinkPairs(
        left=predictions["unique_id_l"].to_numpy(np.int64),
        right=predictions["unique_id_r"].to_numpy(np.int64),
        weight=predictions["match_weight"].to_numpy(np.float64),
        record_ids=records["record_id"].to_numpy(),
    )


def connected_components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Component label (smallest member position) of each of `n` nodes given undirected edges."""
    labels = np.arange(n, dtype=np.int64)
    if len(left) == 0:
        return labels
    while True:
        low = np.minimum(labels[left], labels[right])
        before = labels.copy()
        np.minimum.at(labels, left, low)
        np.minimum.at(labels, right, low)
        labels = labels[labels]  # pointer jumping: follow each label to its own label
        if np.array_equal(labels, before):
            return labels


def clusters_at(pairs: SplinkPairs, threshold: float) -> pd.Series:
    """record_id -> cluster of the pairs with match weight >= `threshold`."""
    keep = pairs.weight >= threshold
    labels = connected_components(len(pairs.record_ids), pairs.left[keep], pairs.right[keep])
    return pd.Series(labels, index=pairs.record_ids)


def sweep(pairs: SplinkPairs, truth: pd.Series, steps: int = 81) -> pd.DataFrame:
    """Pairwise quality at evenly spaced match-weight thresholds (one row per threshold)."""
    top = float(pairs.weight.max()) if len(pairs.weight) else MIN_WEIGHT
    rows = []
    for threshold in np.linspace(MIN_WEIGHT, max(top, MIN_WEIGHT + 1.0), steps):
        q = pairwise_quality(clusters_at(pairs, float(threshold)), truth)
        probability = 1.0 / (1.0 + 2.0 ** (-threshold))
        rows.append({"match_weight": round(float(threshold), 3),
                     "match_probability": round(probability, 6), **q.as_dict()})
    return pd.DataFrame(rows)


def best_threshold(table: pd.DataFrame) -> dict[str, float]:
    """The sweep row with the highest F1 (the lowest threshold among ties)."""
    best = table.sort_values(["f1", "match_weight"], ascending=[False, True]).index[0]
    return {column: table[column].loc[best].item() for column in table.columns}
