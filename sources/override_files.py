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
from sources.text_bytes import detect_encoding

ENTITY_ID = re.compile(r"^(CUST|PART|AST)-\d+$")
ENTITIES = ("customer", "partner")
DECISIONS = ("must_link", "cannot_link")
COLUMNS = ("entity", "left", "right", "decision", "left_kind", "right_kind", "note", "file", "row")


#: the file of known renames and parent/child groups, read by `read_aliases` (not a pair file)
ALIASES_FILE = "aliases.csv"
#: the reassignments file, read by sources.assignment_file (not a pair file either)
NOT_PAIR_FILES = (ALIASES_FILE, "assignments.csv")
ALIAS_COLUMNS = ("name", "canonical", "relation", "note")


def _read_people_csv(path: Path) -> pd.DataFrame:
    """A CSV a person edits, every cell text, decoded as inbox files are (Excel on Windows saves in the machine's
    code page: a name with "ü" stopped the night)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding=detect_encoding(path.read_bytes()))


def read_aliases(home: Path) -> pd.DataFrame:
    """`overrides/aliases.csv`: name, canonical, relation (rename | child), note; empty when absent.

    A rename says two names are one company ("N.V. Acme Gloeilampenfabriek" -> "Koninklijke Acme
    Electronics"); a child says the name belongs to the canonical group without being it.
    """
    path = Path(home) / "overrides" / ALIASES_FILE
    if not path.is_file():
        return pd.DataFrame({c: pd.Series(dtype=object) for c in ALIAS_COLUMNS})
    df = _read_people_csv(path)
    df.columns = [c.strip().lower() for c in df.columns]
    missing = {"name", "canonical"} - set(df.columns)
    if missing:
        raise FileReadError(f"overrides/{ALIASES_FILE}: missing column(s) {sorted(missing)} (need name, canonical)")
    for i, row in enumerate(df.itertuples(index=False), start=2):
        if not str(row.name).strip() or not str(row.canonical).strip():
            raise FileReadError(f"overrides/{ALIASES_FILE}, row {i}: field 'name' and 'canonical' must both be set")
    df = df.apply(lambda col: col.str.strip())
    if "relation" not in df:
        df["relation"] = "rename"
    df["relation"] = df["relation"].replace("", "rename")
    df["note"] = df.get("note", "")
    return df[list(ALIAS_COLUMNS)]


def read_overrides(home: Path) -> pd.DataFrame:
    """Every override row of every `overrides/*.csv` (but aliases.csv and assignments.csv), validated;
    errors name the file and row."""
    frames = []
    for path in sorted((Path(home) / "overrides").glob("*.csv")):
        if path.name in NOT_PAIR_FILES:
            continue
        rel = path.relative_to(home).as_posix()
        df = _read_people_csv(path)
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
