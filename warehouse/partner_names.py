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

    partners: list[str] = field(default_factory=list)
    bill_to: list[tuple[str, str | None]] = field(default_factory=list)
    customers: set[str] = field(default_factory=set)


class PartnerNames:
    """Per file: the partner and bill-to names it gives and the end customers' name keys.

    Kept by file, with a count of the files naming each customer key, so that replacing one file
    after each file the ingest stores costs that file's rows, not a pass over every file's (a
    million-row night keeps 580k rows of evidence, a 5M night 2.9M)."""

    def __init__(self, evidence: pd.DataFrame | None = None) -> None:
        self._files: dict[str, _FileEvidence] = {}
        self._customers: Counter[str] = Counter()  # name key -> files naming it an end customer
        self._con: duckdb.DuckDBPyConnection | None = None
        if evidence is not None:
            self._add(evidence)

    @classmethod
    def from_store(cls, con: duckdb.DuckDBPyConnection) -> PartnerNames:
        """The evidence of every file in the ingest store (`con`)."""
        register_macros(con)
        return cls(WAREHOUSE_SQL.query(con, PARTNER_NAME_EVIDENCE)[EVIDENCE_COLUMNS])

    def _add(self, evidence: pd.DataFrame) -> None:
        columns = [evidence[c].to_numpy(dtype=object) for c in EVIDENCE_COLUMNS]
        for source_file, kind, name, key in zip(*columns, strict=True):
            held = self._files.setdefault(source_file, _FileEvidence())
            name, key = _text(name), _text(key)
            if kind == "customer":
                if key is not None and key not in held.customers:
                    held.customers.add(key)
                    self._customers[key] += 1
            elif name is None:
                continue
            elif kind == "partner":
                held.partners.append(name)
            elif kind == "bill_to":
                held.bill_to.append((name, key))

    def _remove(self, path: str) -> None:
        held = self._files.pop(path, None)
        if held is not None:
            self._customers.subtract(held.customers)
            for key in held.customers:
                if self._customers[key] <= 0:
                    del self._customers[key]

    def replace_file(self, path: str, records: pa.Table | None) -> None:
        """The file at `path` now holds `records` (its typed rows; None or empty: none)."""
        self._remove(path)
        if records is None or records.num_rows == 0:
            return
        if self._con is None:  # one connection and its macros for the whole ingest
            self._con = duckdb.connect()
            register_macros(self._con)
        with registered(self._con, {"source_records": records}):
            self._add(WAREHOUSE_SQL.query(self._con, PARTNER_NAME_EVIDENCE)[EVIDENCE_COLUMNS])

    def pairs(self) -> list[tuple[str, str]]:
        """Known partner names with the file that gave each, (name, source_file), distinct and
        sorted: every reseller and partner-type CRM account, and every bill-to no file names as an
        end customer."""
        known = {(name, path) for path, held in self._files.items() for name in held.partners}
        known |= {(name, path) for path, held in self._files.items()
                  for name, key in held.bill_to if key is None or key not in self._customers}
        return sorted(known)

    def names(self) -> pd.DataFrame:
        """`pairs` as a table (`name`, `source_file`)."""
        return pd.DataFrame(self.pairs(), columns=["name", "source_file"], dtype=object)
