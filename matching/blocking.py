"""Blocking: which profile pairs are worth scoring, as DuckDB joins driven by a list of rules.

Comparing every pair of a million profiles is impossible, so each `BlockingRule` names the keys
two profiles must share (a CRM account, a domain, a phone, a serial, a rare name token, a street
key with its postal code, ...). Rules run in order in DuckDB; each emits int32 id pairs only and
excludes the pairs an earlier rule produced (as Splink does), so every candidate pair carries the
first rule that found it. A key value shared by more than the rule's `max_block_size` profiles
is a common value ("services", a mall's street address) and its block is skipped instead of
exploding into millions of pairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import duckdb
import numpy as np
import pandas as pd

from matching.block_keys import KeyFrame, KeyInputs, key_frame
from matching.sql_files import sql_text

BLOCK_PAIRS_SQL: Final[str] = sql_text("block_pairs.sql")
SHARED_VALUE_PAIRS_SQL: Final[str] = sql_text("shared_value_pairs.sql")
CREATE_PAIRS_SQL: Final[str] = (
    "CREATE OR REPLACE TEMP TABLE _er_candidate_pairs "
    "(left_id INTEGER, right_id INTEGER, rule SMALLINT)"
)
CREATE_KEYS_SQL: Final[str] = (
    "CREATE OR REPLACE TEMP TABLE _er_block_keys AS SELECT * FROM _er_block_keys_frame"
)
SELECT_PAIRS_SQL: Final[str] = (
    "SELECT left_id, right_id, rule FROM _er_candidate_pairs ORDER BY left_id, right_id"
)
CLEANUP_SQL: Final[tuple[str, ...]] = (
    "DROP TABLE IF EXISTS _er_candidate_pairs",
    "DROP TABLE IF EXISTS _er_block_keys",
)


@dataclass(frozen=True)
class BlockingRule:
    """Profiles sharing a value of every key in `keys` are a candidate pair.

    `keys` are names from `matching.block_keys.KEY_SOURCES`; blocks larger than `max_block_size`
    profiles are skipped. The SQL is one parameterised statement (no identifier is interpolated).
    """

    name: str
    keys: tuple[str, ...]
    max_block_size: int = 200

    def sql(self) -> str:
        """The statement that inserts this rule's new pairs into the candidate-pair table."""
        return BLOCK_PAIRS_SQL

    def parameters(self, rule_number: int) -> dict[str, int]:
        """Bound parameters of `sql()` for this rule at position `rule_number`."""
        return {"rule": rule_number, "max_block_size": self.max_block_size}


#: customer rules, strongest evidence first (the first rule to find a pair names it)
CUSTOMER_BLOCKING_RULES: Final[tuple[BlockingRule, ...]] = (
    BlockingRule("account", ("account",), 1000),
    BlockingRule("email", ("email",), 200),
    BlockingRule("domain", ("domain",), 500),
    BlockingRule("serial", ("serial",), 100),
    BlockingRule("contract", ("contract",), 100),
    BlockingRule("phone", ("phone",), 200),
    BlockingRule("name", ("name",), 1000),
    BlockingRule("name_compact", ("name_compact",), 1000),
    BlockingRule("street+postal", ("street_key", "postal"), 200),
    BlockingRule("street", ("street_key",), 60),
    BlockingRule("phone_local", ("phone_local",), 100),
    BlockingRule("rare_token", ("rare_token",), 60),
    BlockingRule("rare_token_pair", ("rare_token_pair",), 60),
    BlockingRule("skeleton_pair", ("skeleton_pair",), 60),
    BlockingRule("token_skeleton+postal3", ("token_skeleton", "postal3"), 100),
    BlockingRule("token_skeleton", ("token_skeleton",), 30),
    BlockingRule("name_prefix+postal", ("name_prefix", "postal"), 200),
    BlockingRule("name_prefix+city", ("name_prefix", "city"), 200),
    BlockingRule("house_number+postal", ("house_number", "postal"), 60),
)


@dataclass(frozen=True)
class CandidatePairs:
    """Candidate profile pairs (left < right) and the index of the rule that found each."""

    left: np.ndarray
    right: np.ndarray
    rule: np.ndarray
    rule_names: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.left)

    def counts(self) -> pd.Series:
        """Pairs per rule, in rule order."""
        counts = np.bincount(self.rule, minlength=len(self.rule_names))
        return pd.Series(counts, index=list(self.rule_names), name="pairs")


def blocking_keys(inputs: KeyInputs, rules: tuple[BlockingRule, ...]) -> pd.DataFrame:
    """Long (rule, profile, code) frame of every rule's key values (int16/int32/int32)."""
    cache: dict[str, KeyFrame] = {}
    frames = []
    for number, rule in enumerate(rules):
        keys = key_frame(inputs, rule.keys, cache)
        frames.append(
            pd.DataFrame(
                {
                    "rule": np.full(len(keys), number, dtype=np.int16),
                    "profile": keys["profile"].to_numpy(np.int32),
                    "code": keys["code"].to_numpy(np.int64).astype(np.int32),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def candidate_pairs(
    con: duckdb.DuckDBPyConnection, keys: pd.DataFrame, rules: tuple[BlockingRule, ...]
) -> CandidatePairs:
    """Run `rules` in order over the (rule, profile, code) `keys` frame inside DuckDB."""
    con.register("_er_block_keys_frame", keys)
    try:
        con.execute(CREATE_KEYS_SQL)
        con.execute(CREATE_PAIRS_SQL)
        for number, rule in enumerate(rules):
            con.execute(rule.sql(), rule.parameters(number))
        found = con.execute(SELECT_PAIRS_SQL).fetchnumpy()
    finally:
        con.unregister("_er_block_keys_frame")
        for statement in CLEANUP_SQL:
            con.execute(statement)
    return CandidatePairs(
        left=np.asarray(found["left_id"], dtype=np.int32),
        right=np.asarray(found["right_id"], dtype=np.int32),
        rule=np.asarray(found["rule"], dtype=np.int16),
        rule_names=tuple(r.name for r in rules),
    )


def shared_value_pairs(
    con: duckdb.DuckDBPyConnection, values: pd.DataFrame, max_holders: int = 1000
) -> np.ndarray:
    """Sorted int64 codes (left << 32 | right) of profile pairs sharing a value of `values`.

    `values` has columns profile and key (serial keys, contract numbers); the codes let scoring
    test any pair for a shared value with one `np.isin`/`searchsorted`.
    """
    if values.empty:
        return np.empty(0, dtype=np.int64)
    codes, _ = pd.factorize(values["key"])
    frame = pd.DataFrame(
        {"profile": values["profile"].to_numpy(np.int32), "code": codes.astype(np.int32)}
    )
    con.register("_er_values", frame)
    try:
        found = con.execute(SHARED_VALUE_PAIRS_SQL, {"max_holders": max_holders}).fetchnumpy()
    finally:
        con.unregister("_er_values")
    return np.sort(pair_codes(found["left_id"], found["right_id"]))


def pair_codes(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """One int64 per unordered pair (smaller id in the high half)."""
    lo = np.minimum(left, right).astype(np.int64)
    hi = np.maximum(left, right).astype(np.int64)
    return (lo << 32) | hi


def contains_pairs(sorted_codes: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Whether each (left, right) pair is among `sorted_codes` (from `shared_value_pairs`)."""
    if len(sorted_codes) == 0:
        return np.zeros(len(left), dtype=bool)
    codes = pair_codes(left, right)
    pos = np.searchsorted(sorted_codes, codes)
    pos = np.minimum(pos, len(sorted_codes) - 1)
    return sorted_codes[pos] == codes
