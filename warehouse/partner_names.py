"""Partner names the inbox has given so far, per file, for the readers: a column of names many of
which are known partners is the reseller's, not the end customer's (sources.mapping).

Kept up to date file by file as a run reads the inbox, so every file is read with the names of
every file stored before it - the same names whether the night ran in one go or was killed and
run again - without scanning the whole store after each file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import duckdb
import pandas as pd
import pyarrow as pa

from warehouse.sql_runner import registered
from warehouse.steps import PARTNER_NAME_EVIDENCE, WAREHOUSE_SQL, register_macros

EVIDENCE_COLUMNS = ["source_file", "evidence", "name", "name_key"]


def _text(value: object) -> str | None:
    """A name or key as text; None for NULL, NaN and pandas' NA."""
    return value if isinstance(value, str) else None


@dataclass
class _FileEvidence:
    """What one file says: its partner names, its bill-to names with their keys, its customers' keys."""

    partners: set[str] = field(default_factory=set)
    bill_to: set[tuple[str, str | None]] = field(default_factory=set)
    customers: set[str] = field(default_factory=set)


class PartnerNames:
    """Per file: the partner and bill-to names it gives and the end customers' name keys.

    Kept by file, with a count of the files naming each customer key, so that replacing one file
    after each file the ingest stores costs that file's rows, not a pass over every file's (a
    million-row night keeps 580k rows of evidence, a 5M night 2.9M). Which (name, file) pairs are
    known partners is kept up to date the same way: a pair counts the reasons it is known (a partner
    row, a bill-to row no file names a customer), and each known name the files that give it."""

    def __init__(self, evidence: pd.DataFrame | None = None) -> None:
        self._files: dict[str, _FileEvidence] = {}
        self._customers: Counter[str] = Counter()  # name key -> files naming it an end customer
        self._con: duckdb.DuckDBPyConnection | None = None
        self._reasons: Counter[tuple[str, str]] = Counter()  # (name, file) -> why it is a known partner
        self._billed: dict[str, set[tuple[str, str]]] = {}  # customer key -> the bill-to (name, file) with it
        self._known: dict[str, set[str]] = {}  # known partner name -> the files that give it
        if evidence is not None:
            self._add(evidence)

    @classmethod
    def from_store(cls, con: duckdb.DuckDBPyConnection) -> PartnerNames:
        """The evidence of every file in the ingest store (`con`)."""
        register_macros(con)
        return cls(WAREHOUSE_SQL.query(con, PARTNER_NAME_EVIDENCE)[EVIDENCE_COLUMNS])

    def _add(self, evidence: pd.DataFrame) -> None:
        """The evidence of files not held yet (each file's rows together in one frame)."""
        new: dict[str, _FileEvidence] = {}
        columns = [evidence[c].to_numpy(dtype=object) for c in EVIDENCE_COLUMNS]
        for source_file, kind, name, key in zip(*columns, strict=True):
            held = new.setdefault(source_file, _FileEvidence())
            name, key = _text(name), _text(key)
            if kind == "customer":
                if key is not None:
                    held.customers.add(key)
            elif name is None:
                continue
            elif kind == "partner":
                held.partners.add(name)
            elif kind == "bill_to":
                held.bill_to.add((name, key))
        for path, held in new.items():
            self._files[path] = held
            self._hold(path, held)

    def _count(self, pair: tuple[str, str], change: int) -> None:
        """One reason more (+1) or fewer (-1) for `pair` to be a known partner."""
        before = self._reasons[pair]
        after = before + change
        if after:
            self._reasons[pair] = after
        else:
            del self._reasons[pair]
        name, path = pair
        if before == 0:
            self._known.setdefault(name, set()).add(path)
        elif after == 0:
            paths = self._known[name]
            paths.discard(path)
            if not paths:
                del self._known[name]

    def _billed_as(self, key: str, change: int) -> None:
        """Every bill-to with customer key `key`: one reason more or fewer (the key stopped or started
        being some file's end customer)."""
        for pair in self._billed.get(key, ()):
            self._count(pair, change)

    def _hold(self, path: str, held: _FileEvidence) -> None:
        for customer in held.customers:  # first: a bill-to with a key the file names a customer is none
            self._customers[customer] += 1
            if self._customers[customer] == 1:
                self._billed_as(customer, -1)
        for name in held.partners:
            self._count((name, path), +1)
        for name, key in held.bill_to:
            if key is not None:
                self._billed.setdefault(key, set()).add((name, path))
            if key is None or key not in self._customers:
                self._count((name, path), +1)

    def _remove(self, path: str) -> None:
        held = self._files.pop(path, None)
        if held is None:
            return
        for name, key in held.bill_to:
            if key is None or key not in self._customers:
                self._count((name, path), -1)
            if key is not None:
                pairs = self._billed[key]
                pairs.discard((name, path))
                if not pairs:
                    del self._billed[key]
        for name in held.partners:
            self._count((name, path), -1)
        for customer in held.customers:
            self._customers[customer] -= 1
            if self._customers[customer] <= 0:
                del self._customers[customer]
                self._billed_as(customer, +1)

    def replace_file(self, path: str, records: pa.Table | None) -> None:
        """The file at `path` now holds `records` (its typed rows; None or empty: none)."""
        if records is None or records.num_rows == 0:
            self.replace_evidence(path, None)
            return
        if self._con is None:  # one connection and its macros for the whole ingest
            self._con = duckdb.connect()
            register_macros(self._con)
        with registered(self._con, {"source_records": records}):
            self.replace_evidence(path, WAREHOUSE_SQL.query(self._con, PARTNER_NAME_EVIDENCE)[EVIDENCE_COLUMNS])

    def replace_evidence(self, path: str, evidence: pd.DataFrame | None) -> None:
        """The file at `path` now gives `evidence` (rows of EVIDENCE_COLUMNS, all of that file; None: none)."""
        self._remove(path)
        if evidence is not None and len(evidence):
            self._add(evidence)

    def known(self) -> dict[str, set[str]]:
        """Each known partner name and the files that give it (see `pairs`); not to be changed."""
        return self._known

    def pairs(self) -> list[tuple[str, str]]:
        """Known partner names with the file that gave each, (name, source_file), distinct and
        sorted: every reseller and partner-type CRM account, and every bill-to no file names as an
        end customer."""
        return sorted((name, path) for name, paths in self._known.items() for path in paths)

    def names(self) -> pd.DataFrame:
        """`pairs` as a table (`name`, `source_file`)."""
        return pd.DataFrame(self.pairs(), columns=["name", "source_file"], dtype=object)
