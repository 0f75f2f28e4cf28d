"""What `radar validate` finds: every inbox file read as the nightly run would, grouped per source
and per layout (tables that map alike), with evidence, confidence, totals and the `columns:` a
source needs. Dagster-free and writes nothing; `pipelines/cli/validate.py` prints it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from pipelines.config import RadarConfig
from pipelines.stages.ingest import KnownPartners, stored_date_orders
from sources.config import SourceConfig
from sources.date_orders import SourceDateOrders
from sources.headers import normalise_header
from sources.inbox import InboxFile, discover
from sources.mapping_result import LOW_CONFIDENCE, Candidate, ColumnMapping
from sources.reader import FileOutcome, read_source_file
from warehouse.build import WarehousePaths
from warehouse.ingest_store import replaces_rows
from warehouse.partner_names import PartnerNames


@dataclass(frozen=True)
class FieldSummary:
    """One field of a layout: the header it is read from, how it was recognised, how sure."""

    field: str
    header: str
    column: int
    evidence: tuple[str, ...]  # every kind of evidence seen across the layout's tables, commonest first
    confidence: float  # the lowest across the layout's tables

    @property
    def low(self) -> bool:
        return "columns" not in self.evidence and self.confidence < LOW_CONFIDENCE


@dataclass
class Layout:
    """Tables of one source whose columns map alike (same header for every field, same gaps)."""

    tables: list[tuple[str, str | None]]  # (file, sheet)
    mappings: list[ColumnMapping]

    @property
    def first(self) -> ColumnMapping:
        return self.mappings[0]

    @property
    def files(self) -> list[str]:
        return list(dict.fromkeys(f for f, _ in self.tables))

    @property
    def fields(self) -> list[FieldSummary]:
        out = []
        for fld, choice in self.first.choices.items():
            seen = [m.choices[fld] for m in self.mappings]
            evidence = tuple(e for e, _ in Counter(c.evidence for c in seen).most_common())
            out.append(FieldSummary(fld, choice.header, choice.column, evidence, min(c.confidence for c in seen)))
        return out

    @property
    def missing(self) -> dict[str, list[Candidate]]:
        return self.first.missing

    @property
    def unread(self) -> list[str]:
        """The headers no field is read from (a column the vocabulary does not know, or one that names no
        field): said, so a column nobody expected to lose is seen to be lost."""
        used = {c.column for c in self.first.choices.values()} | {i for cols in self.first.more.values() for i in cols}
        return [h for i, h in enumerate(self.first.headers) if i not in used and h and h.strip()]


def layout_key(mapping: ColumnMapping) -> tuple[object, ...]:
    """Two tables share a layout when every field comes from the same header and the same fields are missing."""
    return (tuple(sorted((f, normalise_header(c.header)) for f, c in mapping.choices.items())),
            tuple(sorted(mapping.missing)))


@dataclass
class FileCheck:
    """One inbox file: read (`outcome`), or a copy of a file read before (`duplicate_of`)."""

    file: InboxFile
    outcome: FileOutcome | None = None
    duplicate_of: str | None = None

    @property
    def status(self) -> str:
        return self.outcome.status if self.outcome is not None else "duplicate"


_WHERE = re.compile(r"^(?P<file>.+?)(?: \[(?P<sheet>[^\]]*)\])?: ")


@dataclass
class SourceReport:
    """Every file of one source, its layouts and what they add up to."""

    source: SourceConfig
    files: list[FileCheck] = field(default_factory=list)
    layouts: list[Layout] = field(default_factory=list)

    def add(self, check: FileCheck) -> None:
        self.files.append(check)
        if check.outcome is None:
            return
        sheets = [s.sheet for s in check.outcome.sheets if not s.skipped]
        for i, mapping in enumerate(check.outcome.mappings):
            where = (check.file.relpath, sheets[i] if i < len(sheets) else None)
            key = layout_key(mapping)
            layout = next((lay for lay in self.layouts if layout_key(lay.first) == key), None)
            if layout is None:
                self.layouts.append(Layout([where], [mapping]))
            else:
                layout.tables.append(where)
                layout.mappings.append(mapping)

    def layout_of(self, relpath: str) -> list[int]:
        """The layouts (their index) of a file's tables."""
        return [i for i, lay in enumerate(self.layouts) if relpath in lay.files]

    @property
    def outcomes(self) -> list[FileOutcome]:
        return [c.outcome for c in self.files if c.outcome is not None]

    def count(self, status: str) -> int:
        return sum(c.status == status for c in self.files)

    @property
    def rows_loaded(self) -> int:
        return sum(o.rows_loaded for o in self.outcomes)

    @property
    def rows_quarantined(self) -> int:
        return sum(o.rows_quarantined for o in self.outcomes)

    def quarantined_by_field(self) -> Counter[str]:
        """Quarantined rows per field (the field whose value could not be used)."""
        frames = [o.quarantine for o in self.outcomes if o.rows_quarantined]
        if not frames:
            return Counter()
        fields = pd.concat([f["field"] for f in frames], ignore_index=True)
        return Counter({str(k): int(v) for k, v in fields.fillna("(row)").value_counts().items()})

    def warnings(self) -> Counter[str]:
        """Each distinct warning (the file name taken off) and in how many files it came up; the
        low-confidence choices are left out (the layouts show them)."""
        out: Counter[str] = Counter()
        for o in self.outcomes:
            low = {w for m in o.mappings for w in m.low_confidence_warnings()}
            out.update({text for text in (_WHERE.sub("", w, count=1) for w in o.warnings) if text not in low})
        return out

    def detected(self) -> dict[str, list[str]]:
        """What was detected in the files (format, encoding, delimiter), every value seen per item."""
        out: dict[str, list[str]] = {}
        for o in self.outcomes:
            for k, v in o.detected.items():
                if k != "parser" and str(v) not in out.setdefault(k, []):
                    out[k].append(str(v))
        return out

    def layout_signature(self) -> tuple[object, ...]:
        """Sources whose every layout is the same read alike (several reps' copies of one tracker)."""
        return (self.source.kind, tuple(sorted(layout_key(lay.first) for lay in self.layouts)))

    @property
    def errors(self) -> list[str]:
        return [o.error for o in self.outcomes if o.status == "error" and o.error]

    @property
    def needs_mapping(self) -> bool:
        return any(lay.missing for lay in self.layouts)

    @property
    def low_confidence(self) -> bool:
        return any(f.low for lay in self.layouts for f in lay.fields)

    def suggested_columns(self) -> tuple[dict[str, tuple[str, str]], list[str]]:
        """The `columns:` entries this source's layouts agree on (field -> (header, why)) and notes
        on what could not be suggested: every choice that was not an exact synonym and is not in
        sources.yaml yet; a field two layouts read from different headers is left out and said."""
        wanted: dict[str, set[str]] = {}
        why: dict[tuple[str, str], str] = {}
        for lay in self.layouts:
            for f in lay.fields:
                if "columns" in f.evidence or not f.header or (f.evidence == ("synonym",) and not f.low):
                    continue
                wanted.setdefault(f.field, set()).add(f.header)
                why[f.field, f.header] = f"{'/'.join(f.evidence)}, confidence {f.confidence:.2f}"
        notes = [f"{fld}: the layouts read it from different headers ({', '.join(sorted(map(repr, hs)))}); "
                 "not suggested" for fld, hs in wanted.items() if len(hs) > 1]
        out = {fld: (next(iter(hs)), why[fld, next(iter(hs))]) for fld, hs in wanted.items() if len(hs) == 1}
        by_header: dict[str, list[str]] = {}
        for fld, (header, _) in out.items():
            by_header.setdefault(normalise_header(header), []).append(fld)
        for fields in by_header.values():
            if len(fields) > 1:
                notes.append(f"{' and '.join(fields)} are read from one header in different layouts; not suggested")
                for fld in fields:
                    out.pop(fld)
        return out, notes

    def missing_candidates(self) -> dict[str, Candidate | None]:
        """Per required field some layout has no column for: the best candidate seen (None: nothing fits)."""
        def rank(c: Candidate | None) -> tuple[bool, bool, float]:  # a free column first, then the score
            return (c is not None, c is not None and c.taken_by is None, c.score if c is not None else 0.0)

        out: dict[str, Candidate | None] = {}
        for lay in self.layouts:
            for req, cands in lay.missing.items():
                named = [c for c in cands if c.header]
                best = max(named, key=rank) if named else None
                if req not in out or rank(best) > rank(out[req]):
                    out[req] = best
        return out


def _from_store(home: Path) -> tuple[PartnerNames, SourceDateOrders]:
    """Partner names and the day/month order each stored file proved, from the ingest store,
    read-only; none when there is no store (or a nightly run holds it)."""
    path = WarehousePaths(home).ingest
    if not path.is_file():
        return PartnerNames(), SourceDateOrders()
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:  # a nightly run holds the store: validate without them
        return PartnerNames(), SourceDateOrders()
    try:
        return PartnerNames.from_store(con), stored_date_orders(con)
    finally:
        con.close()


def check_home(home: Path, config: RadarConfig,
               progress: Callable[[str], None] = lambda _msg: None) -> list[SourceReport]:
    """Read every inbox file of every source (copies only noted), one report per source in sources.yaml order.

    A file whose dates cannot tell day from month takes the order the source's other files proved,
    the stored ones and those read before it here, and a file is read with the partner names of the
    stored files and those read before it here, as the nightly run reads it (a home never run before
    told the parties of a distributor's file apart otherwise than its first night)."""
    reports = {s.name: SourceReport(s) for s in config.sources}
    evidence, orders = _from_store(home)
    partners = KnownPartners.of(evidence)
    read_by_sha: dict[str, str] = {}
    for f in discover(home, config.sources):
        if f.sha256 in read_by_sha:
            reports[f.source.name].add(FileCheck(f, duplicate_of=read_by_sha[f.sha256]))
            continue
        progress(f.relpath)
        outcome = read_source_file(f.path, f.relpath, f.source, partners.for_file(f.relpath),
                                   limits=config.limits.read_limits(),
                                   date_order=orders.order_for(f.source.name, f.relpath))
        if outcome.status in ("loaded", "empty"):
            read_by_sha[f.sha256] = f.relpath
            orders.record(f.source.name, f.relpath, [sheet.evidence for sheet in outcome.sheets])
        if replaces_rows(outcome.status, outcome.rows_loaded + outcome.rows_quarantined):
            evidence.replace_file(f.relpath, outcome.arrow() if outcome.rows_loaded else None)
            partners = KnownPartners.of(evidence)
        reports[f.source.name].add(FileCheck(f, outcome))
    return list(reports.values())
