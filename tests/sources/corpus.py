"""The header corpus: file layouts the demo world does not produce, written as real exports look.

A `Layout` names each column's header, the field a person would map it to (None: leave it
unmapped) and how its values look; `write_layout` writes it as a real csv or xlsx file (title
rows, a logo block, a delimiter and encoding of its own) and `mapped_fields` reads it back with
`read_source_file` and no `columns:` at all.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from openpyxl import Workbook

from sources.config import SourceConfig
from sources.reader import FileOutcome, read_source_file

Gen = Callable[[np.random.Generator, int], list[object]]
ROWS = 40

_STEMS = ["Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne",
          "Cyberdyne", "Soylent", "Tyrell", "Wonka", "Acme", "Massive", "Aperture", "Oceanic",
          "Pied Piper", "Dunder", "Kramerica", "Monarch", "Gringotts", "Nakatomi", "Zorg", "Blue Sun"]
_KINDS = ["Logistics", "Health", "Foods", "Consulting", "Manufacturing", "Partners", "Labs",
          "Energy", "Bank", "Media", "Engineering", "Retail"]
_FORMS = {"us": ["Inc", "LLC", "Corp", "Inc.", "Co"], "de": ["GmbH", "AG", "GmbH & Co. KG", "KG"],
          "fr": ["SA", "SAS", "SARL"], "es": ["S.A.", "S.L.", "S.L.U."], "nl": ["B.V.", "N.V."],
          "uk": ["Ltd", "PLC", "Limited"]}
_RESELLER_STEMS = ["Bluewave IT", "Cornerstone Tech", "Datalink", "Helix Networks", "Summit IT",
                   "Brightpath Systems", "Ironclad Solutions", "Nexus Computing"]
_FIRST = ["John", "Maria", "Ahmed", "Chen", "Laura", "Pierre", "Sofia", "Jan", "Emma", "Lucas",
          "Hannah", "Diego", "Olivia", "Noah", "Fatima", "Kenji"]
_LAST = ["Smith", "Garcia", "Khan", "Wang", "Muller", "Dubois", "Rossi", "Jansen", "Brown",
         "Lopez", "Schmidt", "Martin", "Novak", "Tanaka", "Silva", "Berg"]
_CITIES = {"us": ["Boston", "Austin", "Denver", "Seattle", "Chicago", "San Jose", "Atlanta"],
           "de": ["Berlin", "Hamburg", "München", "Köln", "Stuttgart", "Düsseldorf"],
           "fr": ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille"],
           "es": ["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"],
           "nl": ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Den Haag"]}
_STATES = ["MA", "TX", "CO", "WA", "IL", "CA", "GA", "NY", "NJ", "FL"]
_SKUS = ["C9300-48P-E", "C9200L-24T-4G", "ISR4331/K9", "CON-SNT-C93004PE", "WS-C2960X-24TS-L",
         "HPE-P19766-B21", "DL380-G10-8SFF", "PA-440", "FG-100F", "MX67-HW", "LIC-ENT-ADD-3Y",
         "CP-8845-K9", "UCSC-C220-M6S"]
_DESCS = ["Catalyst 9300 48-port PoE+ switch", "SmartNet 8x5xNBD for C9300",
          "ProLiant DL380 Gen10 8SFF server", "FortiGate 100F firewall appliance",
          "Meraki MX67 security appliance", "ISR 4331 integrated services router",
          "IP Phone 8845 with multiplatform firmware", "UCS C220 M6 rack server"]
_LEVELS = ["8x5xNBD", "24x7x4", "Next Business Day", "Premium", "Basic", "Gold", "Silver"]
_NOTES = ["call before renewal", "customer asked for a quote", "", "moving to new site in Q3",
          "price increase expected", "", "co-term with other contracts", ""]


def pick(options: list[object]) -> Gen:
    return lambda rng, n: [options[i] for i in rng.integers(0, len(options), n)]


def companies(country: str = "us", forms: float = 0.7, upper: bool = False) -> Gen:
    def gen(rng: np.random.Generator, n: int) -> list[object]:
        out = []
        for _ in range(n):
            name = f"{_STEMS[rng.integers(len(_STEMS))]} {_KINDS[rng.integers(len(_KINDS))]}"
            if rng.random() < forms:
                name += " " + _FORMS[country][rng.integers(len(_FORMS[country]))]
            out.append(name.upper() if upper else name)
        return out
    return gen


def resellers(country: str = "us") -> Gen:
    stems = _RESELLER_STEMS[:5]
    return lambda rng, n: [f"{stems[i]} {_FORMS[country][0]}" for i in rng.integers(0, len(stems), n)]


def people() -> Gen:
    return lambda rng, n: [f"{_FIRST[rng.integers(16)]} {_LAST[rng.integers(16)]}" for _ in range(n)]


def reps() -> Gen:
    names = ["Dana Whitfield", "Marcus Hale", "Priya Raman"]
    return pick(names)


def cities(country: str = "us") -> Gen:
    return pick(_CITIES[country])


def zips(country: str = "us") -> Gen:
    if country == "nl":
        return lambda rng, n: [f"{rng.integers(1000, 9999)} {chr(65 + rng.integers(26))}{chr(65 + rng.integers(26))}" for _ in range(n)]
    return lambda rng, n: [f"{rng.integers(1000, 99999):05d}" for _ in range(n)]


def ids(prefix: str, width: int = 6, pool: int | None = None) -> Gen:
    def gen(rng: np.random.Generator, n: int) -> list[object]:
        nums = rng.integers(0, pool, n) if pool else rng.choice(10**width, n, replace=False)
        return [f"{prefix}{int(v):0{width}d}" for v in nums]
    return gen


def numbers(low: int, high: int, pool: int | None = None) -> Gen:
    def gen(rng: np.random.Generator, n: int) -> list[object]:
        values = rng.integers(low, high, pool or n)
        return [int(values[i]) for i in (rng.integers(0, len(values), n) if pool else range(n))]
    return gen


def serials(multi: float = 0.0) -> Gen:
    alphabet = np.array(list("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"))
    def one(rng: np.random.Generator) -> str:
        return "FCW" + "".join(rng.choice(alphabet, 8))
    return lambda rng, n: ["; ".join(one(rng) for _ in range(2)) if rng.random() < multi else one(rng) for _ in range(n)]


def skus() -> Gen:
    return pick(list(_SKUS))


def descriptions() -> Gen:
    return pick(list(_DESCS))


def dates(fmt: str | None, start: str = "2025-01-01", span: int = 365, offset: int = 0) -> Gen:
    """Dates as text in `fmt` (None: real date cells, for xlsx)."""
    base = dt.date.fromisoformat(start)
    def gen(rng: np.random.Generator, n: int) -> list[object]:
        rng2 = np.random.default_rng(7)  # start and end columns share their day offsets
        days = rng2.integers(0, span, n) + offset
        out = [base + dt.timedelta(days=int(d)) for d in days]
        return [d if fmt is None else d.strftime(fmt) for d in out]
    return gen


def money(fmt: str = "plain", low: float = 50, high: float = 20000) -> Gen:
    def gen(rng: np.random.Generator, n: int) -> list[object]:
        values = np.round(rng.uniform(low, high, n), 2)
        if fmt == "float":
            return [float(v) for v in values]
        if fmt == "comma":
            return [f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".") for v in values]
        if fmt == "dollar":
            return [f"${v:,.2f}" for v in values]
        return [f"{v:.2f}" for v in values]
    return gen


def quantities() -> Gen:
    return lambda rng, n: [int(v) for v in rng.choice([1, 1, 1, 2, 2, 3, 4, 5, 10, 25], n)]


def text(options: list[str]) -> Gen:
    return pick(list(options))


def const(value: object) -> Gen:
    return lambda rng, n: [value] * n


@dataclass
class Layout:
    """One file layout: headers, the field a person maps each to (None: unmapped), values."""

    name: str
    kind: str
    fmt: str  # csv | xlsx
    columns: list[tuple[str | None, str | None, Gen]]
    title: list[list[object]] = field(default_factory=list)  # rows above the header
    delimiter: str = ","
    encoding: str = "utf-8"
    style: str = ""  # the kind of export it imitates

    @property
    def expected(self) -> dict[int, str]:
        return {i: f for i, (_, f, _) in enumerate(self.columns) if f is not None}


def write_layout(layout: Layout, folder: Path, seed: int = 3) -> Path:
    """Write the layout's file with ROWS data rows; returns its path."""
    rng = np.random.default_rng(seed)
    data = [gen(rng, ROWS) for _, _, gen in layout.columns]
    rows = [list(r) for r in zip(*data, strict=True)]
    header = [h for h, _, _ in layout.columns]
    path = folder / f"{layout.name}.{layout.fmt}"
    if layout.fmt == "csv":
        with open(path, "w", encoding=layout.encoding, newline="") as fh:
            w = csv.writer(fh, delimiter=layout.delimiter)
            for r in [*layout.title, header, *rows]:
                w.writerow(["" if v is None else v.isoformat() if isinstance(v, dt.date) else v for v in r])
    else:
        wb = Workbook()
        ws = wb.active
        ws.title = "Report"
        for r in [*layout.title, header, *rows]:
            ws.append(r)
        if layout.title and layout.title[0] and layout.title[0][0]:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=min(6, len(header)))
        wb.save(path)
    return path


def read_layout(layout: Layout, folder: Path) -> FileOutcome:
    """Write and read back one layout as a source of its kind with no `columns:`."""
    path = write_layout(layout, folder)
    src = SourceConfig(name=layout.name, kind=layout.kind, path=f"*.{layout.fmt}")
    return read_source_file(path, path.name, src)


def mapped_fields(outcome: FileOutcome) -> dict[int, str]:
    """Column index -> field, as the reader chose (first table)."""
    if not outcome.mappings:
        return {}
    return {c.column: f for f, c in outcome.mappings[0].choices.items()}


def field_errors(layout: Layout, got: dict[int, str]) -> list[str]:
    """Each expected field not on its column, and each column mapped that should not be."""
    headers = [h for h, _, _ in layout.columns]
    errors = []
    for i, fld in layout.expected.items():
        if got.get(i) != fld:
            errors.append(f"{headers[i]!r}: expected {fld}, got {got.get(i)}")
    for i, fld in got.items():
        if i not in layout.expected:
            errors.append(f"{headers[i]!r}: expected unmapped, got {fld}")
    return errors
