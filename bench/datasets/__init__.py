"""Real organisation record sets with ground truth, as `matching.resolve_entities` records.

Each loader returns an `OrgSet`: `records` in the column shape of `matching.profiles.
RECORD_COLUMNS` (record_id, name, address, ...; absent columns mean unknown) and `truth`
(record_id -> true entity key). `role` says whether the matcher may be tuned on the set
("tuning") or whether it only reports ("held-out"); see bench/datasets/README.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

import pandas as pd

HERE = Path(__file__).resolve().parent
_CHICAGO_FILE = Path("shared") / "benchmarks" / "chicago_early_childhood_sites.csv"
#: the shared Chicago set lives beside the repository (or beside the folder of its worktrees)
CHICAGO: Final[Path] = next(
    (p / _CHICAGO_FILE for p in HERE.parents[2:4] if (p / _CHICAGO_FILE).exists()),
    HERE.parents[2] / _CHICAGO_FILE,
)
FODORS_ZAGAT: Final[Path] = HERE / "fodors_zagat" / "restaurants.csv"
PATSTAT_NL: Final[Path] = HERE / "patstat_nl" / "patstat_reference.csv"

Role = Literal["tuning", "held-out"]
#: how each set may be used: tuning sets may be tuned on (and their misses read); held-out sets
#: only report, so their figures stay an honest estimate on data nobody adjusted the matcher to
ROLES: Final[dict[str, Role]] = {
    "chicago": "tuning",
    "fodors_zagat": "tuning",
    "patstat_nl": "held-out",
}


@dataclass(frozen=True)
class OrgSet:
    """One real record set: resolver input, truth per record, and how it may be used."""

    name: str
    role: Role
    records: pd.DataFrame
    truth: pd.Series

    @property
    def n_entities(self) -> int:
        """Number of distinct true entities."""
        return int(self.truth.nunique())


def _read(path: Path) -> pd.DataFrame:
    """A vendored CSV as text columns with empty cells missing (never the text 'nan')."""
    return pd.read_csv(path, dtype="string", keep_default_na=False, na_values=[""])


def chicago(path: Path = CHICAGO) -> OrgSet:
    """Chicago early-childhood sites: 9 public source files, 3,337 records, 1,162 sites."""
    df = _read(path)
    records = pd.DataFrame(
        {
            "record_id": df["Id"],
            "name": df["Site name"],
            "address": df["Address"],
            "postal_code": df["Zip"],
            "phone": df["Phone"],
            "domain": df["Website"],
            "email": df["Email Address"],
            "source": df["Source"],
        }
    )
    truth = pd.Series(df["True Id"].to_numpy(), index=df["Id"].to_numpy(), name="truth")
    return OrgSet("chicago", ROLES["chicago"], records, truth)


def fodors_zagat(path: Path = FODORS_ZAGAT) -> OrgSet:
    """Fodor's and Zagat restaurant guides linked by a truth mapping: 864 records, 752 places."""
    df = _read(path)
    records = pd.DataFrame(
        {
            "record_id": df["record_id"],
            "name": df["name"],
            "address": df["address"],
            "city": df["city"],
            "phone": df["phone"],
            "source": df["source"],
        }
    )
    truth = pd.Series(df["entity_id"].to_numpy(), index=df["record_id"].to_numpy(), name="truth")
    return OrgSet("fodors_zagat", ROLES["fodors_zagat"], records, truth)


def patstat_nl(path: Path = PATSTAT_NL) -> OrgSet:
    """Dutch patent applicants (PATSTAT) with KU Leuven's hand-checked ids: names only."""
    df = _read(path)
    records = pd.DataFrame(
        {
            "record_id": df["person_id"],
            "name": df["person_name"],
            "source": pd.Series("patstat", index=df.index, dtype="string"),
        }
    )
    truth = pd.Series(df["leuven_id"].to_numpy(), index=df["person_id"].to_numpy(), name="truth")
    return OrgSet("patstat_nl", ROLES["patstat_nl"], records, truth)


#: every real set by name, in the order reports list them
LOADERS: Final[dict[str, Callable[[], OrgSet]]] = {
    "chicago": chicago,
    "fodors_zagat": fodors_zagat,
    "patstat_nl": patstat_nl,
}


def available(name: str) -> bool:
    """True when the set's data file is present (the shared Chicago file may be absent)."""
    return {"chicago": CHICAGO, "fodors_zagat": FODORS_ZAGAT, "patstat_nl": PATSTAT_NL}[name].exists()


def load(name: str) -> OrgSet:
    """The named set (one of `LOADERS`)."""
    return LOADERS[name]()
