"""Analysts' match decisions from `overrides/*.csv`: must-link / cannot-link pairs.

Columns: `left`, `right`, `decision` (must_link | cannot_link), optional `entity` (customer,
the default, or partner) and `note`. A side is a source record id (as in customer_sources /
match_review) or an entity id from the warehouse ("CUST-000123", "PART-000007").
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from sources.table import FileReadError

ENTITY_ID = re.compile(r"^(CUST|PART|AST)-\d+$")
ENTITIES = ("customer", "partner")
DECISIONS = ("must_link", "cannot_link")
COLUMNS = ("entity", "left", "right", "decision", "left_kind", "right_kind", "note", "file", "row")


def read_overrides(home: Path) -> pd.DataFrame:
    """Every override row of every `overrides/*.csv`, validated; errors name the file and row."""
    frames = []
    for path in sorted((Path(home) / "overrides").glob("*.csv")):
        rel = path.relative_to(home).as_posix()
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        df.columns = [c.strip().lower() for c in df.columns]
        missing = {"left", "right", "decision"} - set(df.columns)
        if missing:
            raise FileReadError(f"{rel}: missing column(s) {sorted(missing)} (need left, right, decision)")
        df = df.apply(lambda col: col.str.strip())
        df["entity"] = df["entity"].str.lower().replace("", "customer") if "entity" in df else "customer"
        df["decision"] = df["decision"].str.lower().str.replace("-", "_").str.replace(" ", "_")
        df["file"] = rel
        df["row"] = range(2, len(df) + 2)
        for _, r in df.iterrows():
            where = f"{rel}, row {r['row']}"
            if r["decision"] not in DECISIONS:
                raise FileReadError(f"{where}: field 'decision': {r['decision']!r} is not must_link or cannot_link")
            if r["entity"] not in ENTITIES:
                raise FileReadError(f"{where}: field 'entity': {r['entity']!r} is not customer or partner")
            for side in ("left", "right"):
                if not r[side]:
                    raise FileReadError(f"{where}: field '{side}' is empty")
        for side in ("left", "right"):
            df[f"{side}_kind"] = df[side].map(lambda v: "entity" if ENTITY_ID.match(v) else "record")
        df["note"] = df.get("note", "")
        frames.append(df[list(COLUMNS)])
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    return pd.concat(frames, ignore_index=True)
