"""Analysts' match decisions: must-link / cannot-link pairs by record id or by entity id.

An override row names two sides and a decision. Each side is a record id or, with its kind set
to "entity", an entity id from the previous run (e.g. "CUST-000123"), standing for every record
that entity held. `record_overrides` turns the rows into record pairs (a must-link ties every
record of both sides to one of them, so both entities stay whole; a cannot-link needs every
cross pair);
`apply_overrides` then forces those pairs' probabilities to 1 or 0 in a scored-pairs frame, and
`unmet_overrides` reports decisions the final clusters could not honour (e.g. a must-link that
contradicts a cannot-link, or a cannot-link between records that are literally identical).
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from matching.text import as_text

MUST_LINK: Final[str] = "must_link"
CANNOT_LINK: Final[str] = "cannot_link"
DECISIONS: Final[frozenset[str]] = frozenset({MUST_LINK, CANNOT_LINK})
RECORD_PAIR_COLUMNS: Final[tuple[str, ...]] = ("left_record_id", "right_record_id", "decision")
#: the match_rule of a pair an analyst decided, per decision
OVERRIDE_RULES: Final[dict[str, str]] = {MUST_LINK: "override:must_link", CANNOT_LINK: "override:cannot_link"}
#: the match_probability a decided pair takes, per decision
FORCED_PROBABILITY: Final[dict[str, float]] = {MUST_LINK: 1.0, CANNOT_LINK: 0.0}


def is_override_rule(rules: pd.Series) -> np.ndarray:
    """Which match_rules are an analyst's decision; a categorical column is read by its categories,
    so millions of pairs cost one lookup per distinct rule."""
    if isinstance(rules.dtype, pd.CategoricalDtype):
        forced = rules.cat.categories.isin(list(OVERRIDE_RULES.values()))
        codes = rules.cat.codes.to_numpy()
        return np.where(codes >= 0, forced[codes], False)
    return rules.astype(object).isin(list(OVERRIDE_RULES.values())).to_numpy()


def _side_records(
    ids: pd.Series, kinds: pd.Series, previous: pd.DataFrame | None, row: pd.Series
) -> pd.DataFrame:
    """(row, record_id) for each side: the id itself, or every record of the named entity."""
    is_entity = kinds.fillna("record").str.lower().eq("entity").to_numpy()
    direct = pd.DataFrame({"row": row[~is_entity], "record_id": ids[~is_entity]})
    if not is_entity.any():
        return direct
    if previous is None:
        raise ValueError("entity-level overrides need the previous run's record -> entity mapping")
    named = pd.DataFrame({"row": row[is_entity], "entity_id": as_text(ids[is_entity])})
    named = named[named["entity_id"].notna()]
    known = previous[["record_id", "entity_id"]].assign(entity_id=as_text(previous["entity_id"]))
    expanded = named.merge(known[known["entity_id"].notna()], on="entity_id")
    return pd.concat([direct, expanded[["row", "record_id"]]], ignore_index=True)


def record_overrides(
    overrides: pd.DataFrame, previous_entities: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Override rows -> record pairs (columns RECORD_PAIR_COLUMNS).

    `overrides` has columns left, right, decision ("must_link"/"cannot_link") and optionally
    left_kind / right_kind ("record" or "entity"). `previous_entities` (record_id, entity_id) is
    the previous run's mapping, needed for entity sides. Unknown decisions raise ValueError.
    """
    if overrides is None or overrides.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in RECORD_PAIR_COLUMNS})
    decisions = as_text(overrides["decision"]).fillna("").str.lower().str.replace("-", "_")
    bad = sorted(set(decisions) - DECISIONS)
    if bad:
        raise ValueError(f"unknown override decision(s) {bad}; use {sorted(DECISIONS)}")
    row = pd.Series(np.arange(len(overrides)))
    none = pd.Series([None] * len(overrides))
    lk = overrides["left_kind"].reset_index(drop=True) if "left_kind" in overrides else none
    rk = overrides["right_kind"].reset_index(drop=True) if "right_kind" in overrides else none
    left = _side_records(overrides["left"].reset_index(drop=True), lk, previous_entities, row)
    right = _side_records(overrides["right"].reset_index(drop=True), rk, previous_entities, row)
    decision = decisions.to_numpy()
    is_must = decision[left["row"].to_numpy()] == MUST_LINK
    # must-link: every record of both sides tied to one of them (a star keeps it linear and
    # keeps whole entities together, not just one record of each)
    sides = pd.concat([left[is_must], right[decision[right["row"].to_numpy()] == MUST_LINK]])
    hub = sides.groupby("row")["record_id"].first()
    must = pd.DataFrame(
        {
            "row": sides["row"].to_numpy(),
            "record_id_l": hub[sides["row"]].to_numpy(),
            "record_id_r": sides["record_id"].to_numpy(),
        }
    )
    cannot = left[~is_must].merge(
        right[decision[right["row"].to_numpy()] != MUST_LINK], on="row", suffixes=("_l", "_r")
    )
    pairs = pd.concat([must, cannot], ignore_index=True)
    pairs["decision"] = decision[pairs["row"].to_numpy()]
    pairs = pairs[pairs["record_id_l"] != pairs["record_id_r"]]
    out = pairs.rename(columns={"record_id_l": "left_record_id", "record_id_r": "right_record_id"})
    return out[list(RECORD_PAIR_COLUMNS)].drop_duplicates(ignore_index=True)


def apply_overrides(
    pairs: pd.DataFrame, overrides: pd.DataFrame, left: str = "left", right: str = "right"
) -> pd.DataFrame:
    """Scored pairs with override decisions applied (pure; `pairs` is not modified).

    Pairs named by a must-link get probability 1 and rule "override:must_link" (added when
    missing); cannot-link pairs get probability 0 and rule "override:cannot_link" (pairs without a
    `match_probability` column keep none: their rule says it). `overrides`
    uses the same id columns as `pairs` plus `decision`. Only the pairs touching a decided side
    are keyed and joined, and only the probability and rule are copied: at millions of records
    the scored pairs are tens of millions, the decisions a few hundred.
    """
    rule = pairs["match_rule"]
    if isinstance(rule.dtype, pd.CategoricalDtype):  # kept categorical: the decisions' rules are added
        missing = [r for r in OVERRIDE_RULES.values() if r not in rule.cat.categories]
        rule = rule.cat.add_categories(missing)
    else:
        rule = rule.copy()
    probability = pairs["match_probability"].copy() if "match_probability" in pairs else None
    o = overrides.rename(columns={left: "_l", right: "_r"})
    lo = np.minimum(o["_l"].to_numpy(), o["_r"].to_numpy())
    hi = np.maximum(o["_l"].to_numpy(), o["_r"].to_numpy())
    o = pd.DataFrame({"_l": lo, "_r": hi, "decision": o["decision"].to_numpy()})
    o = o.drop_duplicates(["_l", "_r"], keep="last")
    ends = (pairs[left].to_numpy(), pairs[right].to_numpy())
    decided_sides = pd.unique(np.r_[lo, hi])
    near = np.flatnonzero(pd.Series(ends[0], copy=False).isin(decided_sides).to_numpy()
                          | pd.Series(ends[1], copy=False).isin(decided_sides).to_numpy())
    keyed = pd.DataFrame({"_l": np.minimum(ends[0][near], ends[1][near]),
                          "_r": np.maximum(ends[0][near], ends[1][near]), "_i": near})
    hit = keyed.merge(o, on=["_l", "_r"])
    idx = hit["_i"].to_numpy()
    must = hit["decision"].eq(MUST_LINK).to_numpy()
    rule.iloc[idx] = np.where(must, OVERRIDE_RULES[MUST_LINK], OVERRIDE_RULES[CANNOT_LINK])
    changed = {"match_rule": rule}
    if probability is not None:
        probability.iloc[idx] = np.where(must, FORCED_PROBABILITY[MUST_LINK], FORCED_PROBABILITY[CANNOT_LINK])
        changed["match_probability"] = probability
    out = pd.DataFrame({c: changed.get(c, pairs[c]) for c in pairs.columns}, copy=False)  # the ends not copied
    found = set(zip(hit["_l"], hit["_r"], strict=False))
    extra = o[
        o["decision"].eq(MUST_LINK) & ~pd.Series(list(zip(o["_l"], o["_r"], strict=False))).isin(found).to_numpy()
    ]
    if len(extra):
        add = pd.DataFrame(
            {
                left: extra["_l"].to_numpy(),
                right: extra["_r"].to_numpy(),
                "match_probability": FORCED_PROBABILITY[MUST_LINK],
                "match_rule": pd.Series(OVERRIDE_RULES[MUST_LINK], index=extra.index, dtype=rule.dtype),
            }
        )
        if probability is None:
            add = add.drop(columns="match_probability")
        out = pd.concat([out, add], ignore_index=True)
    return out


def unmet_overrides(clusters: pd.DataFrame, overrides: pd.DataFrame) -> pd.DataFrame:
    """Override record pairs the clusters (record_id, cluster_id) do not satisfy."""
    if overrides.empty:
        return overrides.assign(reason=pd.Series(dtype=object))
    cid = clusters.set_index("record_id")["cluster_id"]
    lc = overrides["left_record_id"].map(cid)
    rc = overrides["right_record_id"].map(cid)
    same = (lc == rc).to_numpy()
    unknown = (lc.isna() | rc.isna()).to_numpy()
    must = overrides["decision"].eq(MUST_LINK).to_numpy()
    bad = unknown | (must & ~same) | (~must & same)
    reason = np.where(
        unknown,
        "record not in this run",
        np.where(
            must, "must_link conflicts with a cannot_link", "cannot_link between identical records"
        ),
    )
    return overrides[bad].assign(reason=reason[bad]).reset_index(drop=True)
