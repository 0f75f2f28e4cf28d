"""Which stages reuse the published warehouse's tables when their inputs are unchanged, and what
their inputs are: the stages before them, the settings and override files they read, the code.

An unchanged night (no new file, the same settings) copies the resolution and contract tables
instead of matching again; the as-of date is no input of theirs either: it reaches the contracts'
statuses and renewal owners, set again every night after the contract tables, and what follows,
which is always rebuilt: opportunities are compared with the last run, so they are never copied.
`radar run --full` (RunContext.full) computes every stage.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

import duckdb

from pipelines.stages.context import RunContext
from warehouse.comments import apply_comments
from warehouse.sql_runner import table_names
from warehouse.stage_memo import (
    copy_tables,
    digest,
    fingerprint_of,
    published_fingerprint,
    record,
    recorded,
    table_digest,
)

T = TypeVar("T")

#: the packages whose code decides what a stage computes, and the libraries whose version may
CODE_PACKAGES = ("sources", "matching", "warehouse", "reports", "pipelines")
LIBRARIES = ("duckdb", "pandas", "numpy", "pyarrow", "rapidfuzz", "scipy", "python-calamine", "openpyxl", "lxml",
             "XlsxWriter")
#: settings that never change a table (when and how to run, whom to tell)
VOLATILE_SETTINGS = {"as_of", "schedule", "notify"}


@dataclass(frozen=True)
class Memo:
    """A stage that may be reused: the stages it reads and the warehouse tables it writes."""

    stage: str
    after: tuple[str, ...]
    outputs: tuple[str, ...]


SOURCE_RECORDS = "source_records"
#: the whole night (pipelines/stages/night.py): reused when every input is what the live warehouse was built from
NIGHT = "night"
MEMOS: dict[str, Memo] = {m.stage: m for m in (
    Memo("products", (SOURCE_RECORDS,), ("products",)),
    Memo("customers", (SOURCE_RECORDS,), ("customers", "customer_sources", "match_review", "review_marks",
                                          "id_history")),
    Memo("partners", ("customers",), ("partners", "partner_sources", "record_parties", "id_history")),
    Memo("assets", ("partners", "products"), ("assets", "asset_sources", "id_history")),
    # the contract tables depend on no date: pipelines/stages/contracts.py dates them and builds the
    # partner terms and renewal owners (partner_terms, contract_owners) every night
    Memo("contracts", ("assets",), ("contracts", "contract_sources", "contract_assets", "contract_conflicts",
                                    "counterparty_assignments", "counterparty_history", "invoice_counterparties")),
)}


@cache
def code_digest() -> str:
    """A digest of every .py, .sql and .yaml file of the product's packages and of the versions of
    the libraries that compute with them (any change: no reuse)."""
    root = Path(__file__).resolve().parents[2]
    h = hashlib.sha256(digest({lib: _version(lib) for lib in LIBRARIES}).encode("utf-8"))
    for package in CODE_PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.suffix in (".py", ".sql", ".yaml") and "__pycache__" not in path.parts:
                h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return h.hexdigest()


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"


def settings_digest(run: RunContext) -> str:
    """sources.yaml as typed, less the settings that change no table."""
    return digest({"config": run.config.model_dump(mode="json", exclude=VOLATILE_SETTINGS)})


def record_source_records(run: RunContext, con: duckdb.DuckDBPyConnection) -> str:
    """The staged rows' fingerprint (every stage after them reads it)."""
    fingerprint = digest({"source_records": table_digest(con, "source_records")})
    record(con, SOURCE_RECORDS, fingerprint, reused=False)
    return fingerprint


def memoised(run: RunContext, stage: str, inputs: Mapping[str, object], compute: Callable[[], T],
             reused: Callable[[], T]) -> T:
    """Run `compute` (which writes the stage's tables into the build), or - when the published
    warehouse recorded the same fingerprint for this stage and the run is not `--full` - copy the
    stage's tables from it and return `reused()` (the outcome read from the copied tables)."""
    if night_reused(run):  # the build is a copy of the live warehouse: its tables are this stage's already
        return reused()
    memo = MEMOS[stage]
    with run.building() as con:
        upstream = {s: fingerprint_of(con, s) for s in memo.after}
    fingerprint = digest({"stage": stage, "after": upstream, "inputs": inputs, "code": code_digest(),
                          "settings": settings_digest(run)})
    same = (not run.full and None not in upstream.values()
            and published_fingerprint(run.paths.live, stage) == fingerprint)
    if same:
        with run.building() as con:
            copy_tables(con, run.paths.live, _missing_or_all(con, memo.outputs))
            apply_comments(con, list(memo.outputs))
            record(con, stage, fingerprint, reused=True)
        return reused()
    result = compute()
    with run.building() as con:
        record(con, stage, fingerprint, reused=False)
    return result


def same_as_published(run: RunContext, stage: str) -> bool:
    """Whether this build's `stage` has the fingerprint the published warehouse recorded for it
    (its tables are the published ones); never on `--full`."""
    if run.full:
        return False
    with run.building() as con:
        mine = fingerprint_of(con, stage)
    return mine is not None and mine == published_fingerprint(run.paths.live, stage)


def night_reused(run: RunContext) -> bool:
    """Whether this run's build is a copy of the live warehouse (nothing changed since it was built)."""
    return was_reused(run, NIGHT)


def was_reused(run: RunContext, stage: str) -> bool:
    """Whether this build copied `stage`'s tables from the last warehouse."""
    with run.building() as con:
        row = recorded(con, stage)
    return row is not None and row[1]


def _missing_or_all(con: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> list[str]:
    """The outputs to copy: id_history is shared by the three resolution stages; a later one keeps
    what an earlier one of this build wrote (the same rows when nothing changed)."""
    present = table_names(con)
    return [t for t in tables if t != "id_history" or t not in present]
