"""The parts of the opportunity book that get a workbook of their own: the whole book, each rep's
part (and the unassigned rows), each reseller's part. One definition, used both to store each
part's totals in `renewal_summary` and to write its workbook.
"""

from __future__ import annotations

import os
import pickle
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from reports.frames import PartRows, ReportData

ALL = "all"
UNASSIGNED = "unassigned"
DIRECT = "owner:vendor"
DIRECT_FILE = "vendor_direct.xlsx"


@dataclass(frozen=True)
class Book:
    """One part of the book: its `scope` key in renewal_summary, its title, file and data."""

    scope: str                     # "all", "rep:<name>", "rep:unassigned", "reseller:<partner_id>", "owner:vendor"
    title: str                     # what the workbook's pages say it covers
    file: str                      # path under out/ ("renewal_opportunities.xlsx", "workbooks/rep_x.xlsx")
    whole: ReportData              # the whole book, which the part's frames are taken from
    breakdowns: tuple[str, ...]    # summary sections to show besides kind, window and month
    drop_field: str | None = None  # a column that says the same on every row of this part
    rows: PartRows | None = None   # where its rows lie in the whole book's frames (None: the whole book)

    @property
    def data(self) -> ReportData:
        """The part's own frames, taken from the whole book's each time they are asked for and not
        kept: every part held at once is the book again over (docs/scale.md, the workbooks stage)."""
        return self.part.resolve()

    @property
    def part(self) -> BookPart:
        """The part's frames as `data` gives them, taken only when written or sent to a worker."""
        return BookPart(self.whole, self.rows)

    def part_of(self, stored: StoredBook | None) -> BookPart:
        """`part`, sent to a worker as its rows of `stored` (the whole book in a file) when given."""
        return BookPart(self.whole, self.rows, stored)

    def list_rows(self) -> int:
        """The rows of every list the part's workbook shows, counted without taking them."""
        lists = ("opportunities", "missed", "installed_base", "changes")
        if self.rows is None:
            return sum(len(getattr(self.whole, f)) for f in lists)
        return sum(len(self.rows[f]) for f in lists)


@dataclass(frozen=True)
class StoredBook:
    """The whole book pickled once into a file that each worker process loads once: a part sent to a
    worker then travels as its rows alone, and the worker takes its frames itself (at 1M, taking and
    pickling 540 parts cost the parent 16 CPU-s, beside the whole book it writes meanwhile)."""

    path: Path

    def load(self) -> ReportData:
        """The whole book, read from the file once in this process (the last book read is kept)."""
        stat = self.path.stat()
        key = (str(self.path), stat.st_mtime_ns, stat.st_size)
        if key not in _LOADED:
            _LOADED.clear()
            with self.path.open("rb") as f:
                _LOADED[key] = pickle.load(f)
        return _LOADED[key]


#: the stored book this process read last, by (path, mtime, size) of its file
_LOADED: dict[tuple[str, int, int], ReportData] = {}


@contextmanager
def stored_book(data: ReportData, folder: Path) -> Iterator[StoredBook]:
    """`data` pickled into a hidden file in `folder` while the block runs; the file goes afterwards."""
    path = folder / f".whole-book-{os.getpid()}.pickle"
    try:
        with path.open("wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        yield StoredBook(path)
    finally:
        path.unlink(missing_ok=True)


@dataclass(frozen=True)
class BookPart:
    """A part of the book not yet taken from the whole book's frames (reports.write_pool.Deferred):
    taken when written here, or when pickled for a worker, which then receives the part alone; or,
    with the whole book `stored`, the part's rows alone, taken by the worker from its copy."""

    whole: ReportData
    rows: PartRows | None
    stored: StoredBook | None = None

    def resolve(self) -> ReportData:
        return self.whole if self.rows is None else self.whole.take(self.rows)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        if self.stored is not None:
            return _taken_from, (self.stored, self.rows)
        return _taken, (self.resolve(),)


def _taken(data: ReportData) -> ReportData:
    """What a pickled BookPart is unpickled as: the part's frames themselves."""
    return data


def _taken_from(stored: StoredBook, rows: PartRows | None) -> ReportData:
    """What a pickled BookPart with a stored book is unpickled as: its frames, taken from the stored book."""
    return BookPart(stored.load(), rows).resolve()


def slug(text: str, max_length: int = 60) -> str:
    """A file-name-safe ASCII slug: "Müller & Söhne GmbH" -> "muller_sohne_gmbh"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:max_length].strip("_")
    return out or "unnamed"


def _unique_slugs(keys: list[str], names: list[str]) -> dict[str, str]:
    """key -> slug of its name; names that slug alike get the key appended."""
    slugs = {k: slug(n) for k, n in zip(keys, names, strict=True)}
    counts = pd.Series(list(slugs.values())).value_counts()
    return {k: (s if counts[s] == 1 else f"{s}_{slug(k)}") for k, s in slugs.items()}


def books(data: ReportData, overall_file: str, workbook_dir: str) -> list[Book]:
    """The whole book, the vendor's direct list, then every rep and reseller with anything to show,
    in name / id order."""
    out = [Book(ALL, "all reps and resellers", overall_file, data, ("rep", "reseller"))]
    frames = [data.opportunities, data.forecast, data.missed]
    direct = data.where_rows(direct=True)
    if any(len(direct[f]) for f in ("opportunities", "forecast", "missed")):
        out.append(Book(DIRECT, "the vendor's direct list", f"{workbook_dir}/{DIRECT_FILE}", data,
                        ("rep", "reseller"), rows=direct))
    by_rep = data.part_rows("rep")
    reps = sorted({r for f in frames for r in f["rep"].dropna().unique()})
    rep_slugs = _unique_slugs(reps, reps)
    for rep in reps:
        out.append(Book(f"rep:{rep}", rep, f"{workbook_dir}/rep_{rep_slugs[rep]}.xlsx", data,
                        ("reseller",), "rep", by_rep[rep]))
    if data.opportunities["rep"].isna().any():
        unassigned = data.where_rows(unassigned=True)
        out.append(Book(f"rep:{UNASSIGNED}", "opportunities without a rep", f"{workbook_dir}/rep_{UNASSIGNED}.xlsx",
                        data, ("reseller",), "rep", unassigned))
    pairs = pd.concat([f[["reseller_id", "reseller_name"]] for f in frames]).dropna(subset=["reseller_id"])
    pairs = pairs.drop_duplicates("reseller_id").sort_values("reseller_id")
    names = dict(zip(pairs["reseller_id"], pairs["reseller_name"].fillna(pairs["reseller_id"]), strict=True))
    reseller_slugs = _unique_slugs(list(names), list(names.values()))
    by_reseller = data.part_rows("reseller_id")
    for reseller_id, name in names.items():
        out.append(Book(f"reseller:{reseller_id}", str(name),
                        f"{workbook_dir}/reseller_{reseller_slugs[reseller_id]}.xlsx",
                        data, ("rep",), "reseller_name", by_reseller[reseller_id]))
    return out
