"""Partner names the inbox has given so far, per file, for the readers: a column of names many of
which are known partners is the reseller's, not the end customer's (sources.mapping).

Kept up to date file by file as a run reads the inbox, so every file is read with the names of
every file stored before it - the same names whether the night ran in one go or was killed and
run again - without scanning the whole store after each file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd
import pyarrow as pa

from warehouse.sql_runner import registered
from warehouse.steps import PARTNER_NAME_EVIDENCE, WAREHOUSE_SQL, register_macros

EVIDENCE_COLUMNS = ["source_file", "evidence", "name", "name_key"]


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in EVIDENCE_COLUMNS})


@dataclass
class PartnerNames:
    """Per file: the partner and bill-to names it gives and the end customers' name keys."""

    evidence: pd.DataFrame = field(default_factory=_empty)

    @classmethod
    def from_store(cls, con: duckdb.DuckDBPyConnection) -> PartnerNames:
        """The evidence of every file in the ingest store (`con`)."""
        register_macros(con)
        return cls(WAREHOUSE_SQL.query(con, PARTNER_NAME_EVIDENCE)[EVIDENCE_COLUMNS])

    def replace_file(self, path: str, records: pa.Table | None) -> None:
        """The file at `path` now holds `records` (its typed rows; None or empty: none)."""
        kept = self.evidence[self.evidence["source_file"] != path]
        if records is None or records.num_rows == 0:
            self.evidence = kept
            return
        con = duckdb.connect()
        try:
            register_macros(con)
            with registered(con, {"source_records": records}):
                new = WAREHOUSE_SQL.query(con, PARTNER_NAME_EVIDENCE)[EVIDENCE_COLUMNS]
        finally:
            con.close()
        self.evidence = pd.concat([kept, new], ignore_index=True) if len(kept) else new

    def names(self) -> pd.DataFrame:
        """Known partner names with the file that gave each (`name`, `source_file`): every reseller
        and partner-type CRM account, and every bill-to no file names as an end customer."""
        ev = self.evidence
        kind = ev["evidence"].to_numpy(dtype=object)
        # recomputed after every file read: a set of the distinct keys and a pass over the bill-to
        # rows, not Series.isin, whose Arrow-string version makes a Python object of every value
        customers = set(ev.loc[kind == "customer", "name_key"].dropna().drop_duplicates().to_numpy(dtype=object))
        bill_to = kind == "bill_to"
        known = kind == "partner"
        known[bill_to] = [key not in customers for key in ev.loc[bill_to, "name_key"].to_numpy(dtype=object)]
        out = ev.loc[known, ["name", "source_file"]].drop_duplicates()
        return out.sort_values(["name", "source_file"], ignore_index=True)
