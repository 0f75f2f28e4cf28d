"""Workbooks whose inputs are what they were last night are carried over instead of written again.

XlsxWriter writes about 10,000 listed rows a second, so at a million source rows the books still
take minutes of CPU; a late file touches a few reps' and resellers' parts. Each book's inputs (its part of the data, its
summary rows, scorecard, settings and title, and the code that writes it) are digested; the ledger
`out/.radar_book_inputs.json` keeps, per book, that digest and the SHA-256 of the file written from
it. A book is carried over only when both still hold: same inputs, and the file in out/ untouched.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import xlsxwriter

from reports.books import BookPart
from reports.frames import PART_FRAMES, PartRows, ReportData

LEDGER = ".radar_book_inputs.json"
#: ReportData fields `write_workbook` reads (the scorecards reach it as the `scorecard` argument)
BOOK_DATA_FIELDS = ("as_of", "currency", "opportunities", "forecast", "missed", "installed_base", "changes")


@functools.cache
def _code_digest() -> str:
    """The writers' source (every module of this package) and the version of XlsxWriter, which writes them."""
    h = hashlib.sha256(f"xlsxwriter {xlsxwriter.__version__}".encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


def _listy(col: pd.Series) -> bool:
    """An object column holding lists or arrays (contract ids), judged by its first value."""
    if col.dtype != object:
        return False
    first = col.first_valid_index()
    return first is not None and isinstance(col[first], list | tuple | np.ndarray)


def _row_hashes(frame: pd.DataFrame) -> np.ndarray:
    """pandas' 64-bit hash of each row; a column of lists or arrays by their text."""
    listy = [c for c in frame.columns if _listy(frame[c])]
    if listy:
        frame = frame.assign(**{str(c): frame[c].map(lambda v: repr(list(v)) if isinstance(v, list | tuple | np.ndarray)
                                                     else v) for c in listy})
    return pd.util.hash_pandas_object(frame, index=False).to_numpy()


def _arrow_table(frame: pd.DataFrame) -> pa.Table | None:
    """The frame as an Arrow table, text as large_string; None for content Arrow cannot type (mixed objects)."""
    try:
        table = pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowException, TypeError, ValueError):
        return None
    # a part's text column is `str` or `object`, and an all-empty one typed null, by what *other*
    # parts hold: the same cells are the same book, so text is large_string and pandas' dtype note goes
    text = pa.schema([pa.field(f.name, pa.large_string() if pa.types.is_null(f.type) or pa.types.is_string(f.type)
                               else f.type) for f in table.schema])
    return table.replace_schema_metadata(None).cast(text)


def _ipc_bytes(table: pa.Table) -> bytes:
    """The table as Arrow IPC bytes: types, values and row order (a date and its text differ)."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue())


def _arrow_bytes(frame: pd.DataFrame) -> bytes | None:
    """The frame as Arrow IPC bytes; None for content Arrow cannot type (mixed objects)."""
    table = _arrow_table(frame)
    return None if table is None else _ipc_bytes(table)


@dataclass(frozen=True)
class TakenRows:
    """Rows of a whole-book frame made Arrow once (`WholeBook`): digested as the rows taken from it."""

    table: pa.Table
    rows: np.ndarray | None  # positions; None for every row


class WholeBook:
    """The whole book's frames as Arrow tables, made once, so that each part's frames are digested from
    its rows taken out of them rather than converted part by part (1M: 4.1 s -> 0.6 s for 525 resellers)."""

    def __init__(self, data: ReportData) -> None:
        self._tables = {name: _arrow_table(getattr(data, name).reset_index(drop=True)) for name in PART_FRAMES}

    def frames(self, rows: PartRows | None, part: ReportData | BookPart) -> list[object]:
        """What `inputs_digest` takes for the part at `rows` (None: the whole book): its scalar fields
        as they are, each frame as its rows of the whole one (the part's own frame where Arrow could not
        type the whole: a part not yet taken is taken then, once)."""
        scalars = part.whole if isinstance(part, BookPart) else part  # a part's as_of and currency are the book's
        own = functools.cache(part.resolve) if isinstance(part, BookPart) else (lambda: part)
        out: list[object] = []
        for name in BOOK_DATA_FIELDS:
            table = self._tables.get(name)
            if table is None:
                out.append(getattr(own() if name in PART_FRAMES else scalars, name))
            else:
                out.append(TakenRows(table, None if rows is None else np.asarray(rows[name])))
        return out


def _feed(h: Any, value: object) -> None:
    if isinstance(value, TakenRows):
        taken = value.table if value.rows is None else value.table.take(pa.array(value.rows, type=pa.int64()))
        h.update(b"rows")
        h.update(_ipc_bytes(taken))
    elif isinstance(value, pd.DataFrame | pd.Series):
        frame = value.to_frame() if isinstance(value, pd.Series) else value
        h.update(repr((type(value).__name__, list(value.index) if isinstance(value, pd.Series) else None)).encode())
        data = _arrow_bytes(frame.reset_index(drop=True))
        if data is not None:
            h.update(data)
        else:  # pandas' row hashes; a date and its text hash alike there, so the value types go in too
            kinds = [pd.api.types.infer_dtype(frame[c], skipna=True) if frame[c].dtype == object
                     else str(frame[c].dtype) for c in frame.columns]
            h.update(repr((list(frame.columns), kinds, frame.shape)).encode())
            h.update(_row_hashes(frame).tobytes())
    elif is_dataclass(value) and not isinstance(value, type):
        h.update(type(value).__name__.encode())
        for f in fields(value):
            h.update(f.name.encode())
            _feed(h, getattr(value, f.name))
    elif isinstance(value, list | tuple):
        h.update(f"{type(value).__name__}{len(value)}".encode())
        for item in value:
            _feed(h, item)
    elif isinstance(value, Mapping):  # in its own order: a workbook's sheets follow it
        h.update(f"mapping{len(value)}".encode())
        for key, item in value.items():
            _feed(h, key)
            _feed(h, item)
    else:
        h.update(repr(value).encode())
    h.update(b"\x1f")


def inputs_digest(*parts: object) -> str | None:
    """One digest of everything a book is written from; None when a part cannot be hashed (the book
    is then always written)."""
    h = hashlib.sha256(_code_digest().encode())
    try:
        for part in parts:
            _feed(h, part)
    except (TypeError, ValueError):
        return None
    return h.hexdigest()


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class BookLedger:
    """Per book (path under out/): the digest of its inputs and of the file written from them."""

    books: dict[str, tuple[str, str]]

    @classmethod
    def load(cls, out_dir: Path) -> BookLedger:
        """The ledger last night left (empty when there is none or it cannot be read)."""
        try:
            raw = json.loads((out_dir / LEDGER).read_text(encoding="utf-8"))
            return cls({str(k): (str(v["inputs"]), str(v["sha256"])) for k, v in raw["books"].items()})
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls({})

    def holds(self, out_dir: Path, relpath: str, digest: str | None) -> bool:
        """Whether out/ still holds, untouched, last night's file `relpath` written from inputs `digest`."""
        entry = self.books.get(relpath)
        source = out_dir / relpath
        if digest is None or entry is None or entry[0] != digest or not source.is_file():
            return False
        return file_digest(source) == entry[1]

    def carry_over(self, out_dir: Path, stage: Path, relpath: str, digest: str | None) -> bool:
        """Put last night's book `relpath` into `stage` when it was written from inputs `digest`
        and out/ still holds it untouched (`holds`); False when it must be written."""
        if not self.holds(out_dir, relpath, digest):
            return False
        source, target = out_dir / relpath, stage / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
        return True

    def save(self, path: Path) -> None:
        """Write the ledger to `path` (the staging directory's copy, moved into out/ last)."""
        books = {k: {"inputs": i, "sha256": s} for k, (i, s) in sorted(self.books.items())}
        path.write_text(json.dumps({"books": books}, indent=1), encoding="utf-8")
