"""The one way SQL runs in Renewal Radar: named `.sql` files, quoted identifiers, registered frames.

A `SqlStep` names a file, the frames it reads (registered under exactly those names while it
runs) and the tables it creates, so a step's inputs and outputs are written down once and checked
when it runs. Identifiers are always quoted with `ident`; values go in as bound parameters or
registered frames, never pasted into a statement. `reports` uses this module too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeAlias

import duckdb
import pandas as pd
import pyarrow as pa

Frame: TypeAlias = pd.DataFrame | pa.Table


def ident(name: str) -> str:
    """A quoted SQL identifier (embedded double quotes doubled)."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """A SQL string literal (embedded single quotes doubled), for the few places that take no parameter."""
    return "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True)
class SqlStep:
    """One named .sql file: the frames it reads and the tables it creates (both checked when it runs)."""

    file: str
    creates: tuple[str, ...] = ()
    frames: tuple[str, ...] = ()


class SqlLibrary:
    """The .sql files under one directory, read once each."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def text(self, name: str) -> str:
        """The text of `<directory>/<name>`."""
        return _read(self.directory / name)

    def files(self, pattern: str) -> list[str]:
        """Names (relative to the directory) of the files matching a glob, sorted."""
        return sorted(p.relative_to(self.directory).as_posix() for p in self.directory.glob(pattern))

    def run(
        self,
        con: duckdb.DuckDBPyConnection,
        step: SqlStep,
        frames: Mapping[str, Frame] | None = None,
        params: Sequence[Any] | Mapping[str, Any] | None = None,
    ) -> None:
        """Run a step with its frames registered; fail naming the step if an input or output is missing."""
        given = dict(frames or {})
        if set(given) != set(step.frames):
            raise ValueError(
                f"SQL step {step.file} reads frames {sorted(step.frames)}, was given {sorted(given)}"
            )
        with registered(con, given):
            con.execute(self.text(step.file), params)
        missing = [t for t in step.creates if t not in table_names(con, temporary=True)]
        if missing:
            raise RuntimeError(f"SQL step {step.file} did not create {missing}")

    def query(
        self, con: duckdb.DuckDBPyConnection, name: str, params: Sequence[Any] | Mapping[str, Any] | None = None
    ) -> pd.DataFrame:
        """The result of a SELECT file as a DataFrame."""
        return con.execute(self.text(name), params).df()

    def query_via_arrow(self, con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
        """The result of a SELECT file as a DataFrame made from an Arrow table (`text_frame`)."""
        return text_frame(con, self.text(name))


def text_frame(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    """A SELECT's result as a DataFrame made from an Arrow table: for results of strings and lists
    of strings (mentions, id mappings), whose strings go to pandas' string columns in bulk, and
    whose lists stay Arrow lists (`pd.ArrowDtype`) rather than a NumPy array per cell. At 1M
    mentions: 0.4 GiB less resident than `.df()`, and 0.3 GiB less again with the lists kept Arrow;
    1.34M serial mentions peaked 0.7 GiB this way against 1.2 (docs/scale.md). Dates and decimals
    would arrive as Python objects this way: results with those go through `.df()`."""
    return con.sql(sql).to_arrow_table().to_pandas(types_mapper=_lists_stay_arrow)


def _lists_stay_arrow(arrow_type: pa.DataType) -> pd.ArrowDtype | None:
    """pandas' dtype for an Arrow list column (None: pandas' own choice for every other type)."""
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        return pd.ArrowDtype(arrow_type)
    return None


@cache
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _typed_if_empty(frame: Frame) -> Frame:
    """An empty pandas frame's object columns as text: DuckDB 1.4 reads them as INTEGER, and a join
    on such a column then fails casting the other side's text (an inbox without serials)."""
    if not isinstance(frame, pd.DataFrame) or len(frame):
        return frame
    loose = [c for c in frame.columns if pd.api.types.is_object_dtype(frame[c])]
    return frame.astype(dict.fromkeys(loose, "string")) if loose else frame


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, frames: Mapping[str, Frame]) -> Iterator[None]:
    """Frames visible to SQL under their names for the duration of the block."""
    for name, frame in frames.items():
        con.register(name, _typed_if_empty(frame))
    try:
        yield
    finally:
        for name in frames:
            con.unregister(name)


def replace_table(con: duckdb.DuckDBPyConnection, name: str, frame: Frame, *, temporary: bool = False) -> None:
    """CREATE OR REPLACE [TEMP] TABLE `name` holding the frame's rows."""
    with registered(con, {"_replace_table_frame": frame}):
        kind = "TEMP TABLE" if temporary else "TABLE"
        con.execute(f"CREATE OR REPLACE {kind} {ident(name)} AS SELECT * FROM _replace_table_frame")


def table_names(con: duckdb.DuckDBPyConnection, *, temporary: bool = False) -> set[str]:
    """Tables of the current catalog (plus temporary ones when asked)."""
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() "
        "WHERE database_name = current_database() OR (? AND temporary)",
        [temporary],
    ).fetchall()
    return {t for (t,) in rows}


def count_rows(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Rows in a table of the current catalog."""
    return int(con.execute(f"SELECT count(*) FROM {ident(table)}").fetchall()[0][0])
