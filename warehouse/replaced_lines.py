"""What a new version of an inbox file does to the lines of the one it replaces: gone, changed, new.

A new version's rows replace the old version's (`ingest_store.record_file`), so a line deleted from a
tracker edited in place would leave the warehouse without a word; the file's warnings say which.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import duckdb
import pyarrow as pa

from warehouse.sql_runner import registered
from warehouse.steps import REPLACED_LINES, WAREHOUSE_SQL

#: lines named in the note, of each kind (the rest counted)
LINES_NAMED = 3


@dataclass(frozen=True)
class Line:
    """One line of either version no line of the other holds cell for cell."""

    sheet: str | None
    row: int
    key: str | None
    amount: Decimal | None
    #: a changed line's new amount, when it moved
    amount_now: Decimal | None = None

    def label(self) -> str:
        where = f"sheet {self.sheet!r} row {self.row}" if self.sheet else f"row {self.row}"
        what = [repr(self.key)] if self.key else []
        if self.amount_now is not None:
            what.append(f"{_money(self.amount)} -> {_money(self.amount_now)}")
        elif self.amount is not None:
            what.append(_money(self.amount))
        return f"{where}: {', '.join(what)}" if what else where


@dataclass(frozen=True)
class LineChanges:
    """The lines of the stored version (`lines_before` of them, read at `read_at`) the new one drops or alters."""

    read_at: dt.datetime
    lines_before: int
    gone: list[Line]
    changed: list[Line]
    added: int

    def note(self) -> str | None:
        """The file's warning, or None when the new version holds every line as it was."""
        if not self.gone and not self.changed:
            return None
        parts = [f"{_count(len(lines), 'line')} {verb} ({_named(lines)})"
                 for lines, verb in ((self.gone, "no longer in it"), (self.changed, "changed")) if lines]
        new = f"; {_count(self.added, 'line')} new" if self.added else ""
        return (f"this version replaces the one read {self.read_at:%Y-%m-%d %H:%M} "
                f"({_count(self.lines_before, 'line')}): {' and '.join(parts)}{new}; "
                "the warehouse now holds this version's lines only")


def replaced_lines(con: duckdb.DuckDBPyConnection, path: str, sha256: str,
                   records: pa.Table | None) -> LineChanges | None:
    """How the version `records` (None: no line) of `path` differs from the stored one, when a version with
    other bytes and with lines is stored (a file read again for new settings has the same bytes: None)."""
    found = con.execute(
        "SELECT sha256, ingested_at, rows_loaded FROM ingested_files WHERE path = ? AND rows_loaded > 0 "
        "AND status NOT IN ('superseded', 'duplicate', 'error', 'retracted') ORDER BY ingested_at DESC LIMIT 1",
        [path]).fetchall()  # fetchall: DuckDB 2's results stream, and the connection is used again below
    if not found or found[0][0] == sha256:
        return None
    prior = found[0]
    incoming = records if records is not None else con.sql(
        "SELECT * EXCLUDE (record_id, sha256) FROM source_records LIMIT 0").to_arrow_table()
    with registered(con, {"incoming_records": incoming}):
        rows = con.execute(WAREHOUSE_SQL.text(REPLACED_LINES), {"path": path}).fetchall()
    old = [Line(sheet, row, key, amount) for version, sheet, row, key, amount in rows if version == "old"]
    new = [Line(sheet, row, key, amount) for version, sheet, row, key, amount in rows if version == "new"]
    gone, changed, added = _paired(old, new)
    return LineChanges(prior[1], int(prior[2]), gone, changed, len(added))


def _paired(old: list[Line], new: list[Line]) -> tuple[list[Line], list[Line], list[Line]]:
    """(gone, changed, added): an old line and a new one with the same key (invoice, contract, serial or customer)
    are one line changed, paired in row order; an invoice of three lines that lost one has one line gone."""
    waiting: dict[str, list[Line]] = defaultdict(list)
    for line in new:
        if line.key is not None:
            waiting[line.key].append(line)
    gone, changed = [], []
    for line in old:
        match = waiting[line.key].pop(0) if line.key is not None and waiting[line.key] else None
        if match is None:
            gone.append(line)
        else:
            changed.append(Line(line.sheet, line.row, line.key, line.amount,
                                match.amount if match.amount != line.amount else None))
    paired = {id(line) for lines in waiting.values() for line in lines}
    added = [line for line in new if line.key is None or id(line) in paired]
    return gone, changed, added


def _named(lines: list[Line]) -> str:
    more = f" and {len(lines) - LINES_NAMED:,} more" if len(lines) > LINES_NAMED else ""
    return "; ".join(line.label() for line in lines[:LINES_NAMED]) + more


def _money(amount: Decimal | None) -> str:
    return "no amount" if amount is None else f"{amount:,.2f}"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
