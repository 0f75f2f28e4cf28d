"""Read one inbox file of one source, whatever its format, into typed records and quarantine rows.

Never raises for a bad file: the outcome carries status `error` and a readable message, so the
nightly run records it and goes on with the other files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from sources.config import SourceConfig
from sources.content import known_partner_set
from sources.delimited import read_text
from sources.example_rows import without_examples
from sources.excel import EMPTY_SHEET, OTHER_WORKBOOK_SUFFIXES, read_markup_workbook, read_other_workbook, read_workbook
from sources.fields import REQUIRED_FIELDS, required_columns
from sources.file_magic import OLE2, sniff_format
from sources.headers import HeaderMatch, recognise_header
from sources.limits import DEFAULT_LIMITS, ReadLimits, check
from sources.mapping import ColumnMapping, map_columns
from sources.mapping_result import FieldChoice
from sources.markup_tables import HEAD_BYTES, markup_kind
from sources.month_dates import period_of
from sources.period_cells import split_period_columns
from sources.records import QUARANTINE_SCHEMA, RECORD_SCHEMA, RecordColumns, type_rows
from sources.section_rows import section_fields
from sources.table import FileReadError, RawTable, SkippedSheet
from sources.table_blocks import stacked_note, stacked_starts, title_start
from sources.title_values import table_wide, title_values
from sources.workbook_package import binary_copy, encrypted_package, package_format, package_note, readable_copy

TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
_ZIP = sniff_format(b"PK\x03\x04")
#: web exports under their own names (sources/markup_tables.py); under a workbook's or a text's name
#: they are read too, by their content
MARKUP_SUFFIXES = {".htm", ".html", ".mht", ".mhtml", ".xml"}
#: sheets an error naming why none was read lists by name
SHEETS_NAMED = 5
READER_VERSION = "11"  # bump when parsing changes, so every file is read again


@dataclass
class SheetReport:
    """What was found in one sheet (or text file): header mapping and row counts."""

    sheet: str | None
    header_row: int | None
    mapping: dict[str, str]  # header as written -> canonical field
    how: dict[str, str]
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    blank_rows: int = 0
    total_rows: int = 0
    skipped: str | None = None
    columns: dict[str, Any] = field(default_factory=dict)  # ColumnMapping.as_dict(): evidence, confidence
    needs_mapping: str | None = None  # why the sheet was not read (a required field has no column)
    #: field -> how its column was read (day/month order, decimal separator) and the evidence
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class TablePlan:
    """What decides one table's typed rows besides its cells: its sheet, why it was left out (a side
    sheet, or no column for a required field), and the column each field is read from."""

    sheet: str | None
    left_out: str | None
    header: HeaderMatch | None


@dataclass
class FileOutcome:
    """Everything reading one file produced."""

    status: str  # loaded | empty | error | needs_mapping
    #: each typed table's usable rows, sheet order; none once `packed` (then `table` holds them)
    parts: list[RecordColumns]
    quarantine: pd.DataFrame
    sheets: list[SheetReport] = field(default_factory=list)
    detected: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    mappings: list[ColumnMapping] = field(default_factory=list)  # one per table read, sheet order
    #: the records as the canonical Arrow table, in a `packed` outcome only
    table: pa.Table | None = None
    #: what decided the typed rows: per table read, its sheet, why it was left out and its column
    #: assignment (`TablePlan`); the same plan with other names known gives the same rows
    plan: tuple[TablePlan, ...] = ()
    #: the typer's own notes, per typed table in sheet order (the outcome's warnings interleave them)
    typing_warnings: list[list[str]] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        return sum(s.rows_read for s in self.sheets)

    @property
    def rows_loaded(self) -> int:
        return self.table.num_rows if self.table is not None else sum(len(p) for p in self.parts)

    @property
    def records(self) -> pd.DataFrame:
        """The typed records as one frame, made on each call (empty once `packed`); the nightly run
        reads `arrow()` instead."""
        frames = [p.frame() for p in self.parts]
        if not frames:
            return empty_records()
        return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]

    def arrow(self) -> pa.Table:
        """The records as the ingest stores them (`records.to_arrow` of `records`), made from the typed
        columns without the frame."""
        if self.table is not None:
            return self.table
        if not self.parts:
            return RECORD_SCHEMA.empty_table()
        tables = [p.arrow() for p in self.parts]
        return pa.concat_tables(tables) if len(tables) > 1 else tables[0]

    def packed(self) -> FileOutcome:
        """This outcome as it crosses processes and the spool: the records as their Arrow table (a
        million rows: about 0.4 GB in columns and 0.1 s to pickle, against 1.8 GB of Python objects and
        8 s to pickle and convert in the ingest) and without the column profiles nobody downstream reads."""
        return replace(self, parts=[], table=self.arrow(), mappings=[])

    @property
    def rows_quarantined(self) -> int:
        return len(self.quarantine)

    @property
    def blank_rows(self) -> int:
        return sum(s.blank_rows for s in self.sheets)

    @property
    def total_rows(self) -> int:
        return sum(s.total_rows for s in self.sheets)


def empty_records() -> pd.DataFrame:
    """A records frame with the canonical columns and no rows."""
    return pd.DataFrame(columns=RECORD_SCHEMA.names)


def empty_quarantine() -> pd.DataFrame:
    """A quarantine frame with its columns and no rows."""
    return pd.DataFrame(columns=QUARANTINE_SCHEMA.names)


def _raw_tables(
    path: Path, src: SourceConfig, limits: ReadLimits, suffix: str | None = None
) -> tuple[list[RawTable], list[SheetReport], dict[str, Any]]:
    suffix = path.suffix.lower() if suffix is None else suffix
    head = _head(path, HEAD_BYTES)
    if not suffix and (guessed := _suffix_of(head)) is not None:  # "HX10_export": a file saved with no extension
        tables, reports, detected = _raw_tables(path, src, limits, guessed[0])
        if tables:
            tables[0].warnings.append(f"{path.name} has no extension: read as {guessed[1]} (its content); "
                                      f"name it {path.name}{guessed[0]}")
        return tables, reports, detected
    markup = markup_kind(head)
    if markup is not None or suffix in MARKUP_SUFFIXES:
        tables, skipped, found = read_markup_workbook(
            path, src.kind, sheets=src.sheets, overrides=src.columns, header_row=src.header_row, limits=limits,
        )
        if suffix not in MARKUP_SUFFIXES and tables:
            named = "workbook" if suffix in EXCEL_SUFFIXES | OTHER_WORKBOOK_SUFFIXES else "text table"
            how = ("its worksheets are read" if found.kind == "spreadsheetml"
                   else "each of its tables is read as a sheet")
            tables[0].warnings.append(f"{path.name} is {found.what}, not a {named} of its own format: {how}")
        return tables, _skipped_reports(skipped), {"format": found.kind}
    workbook = suffix in EXCEL_SUFFIXES or suffix in OTHER_WORKBOOK_SUFFIXES
    repackaged = _misnamed_package(path, suffix, head, src, limits) if workbook or suffix in TEXT_SUFFIXES else None
    if repackaged is not None:
        return repackaged
    text_xls = suffix == ".xls" and _plain_text(head)  # an "Export to Excel" that wrote tab or CSV text
    if suffix in TEXT_SUFFIXES or text_xls:
        # refused on its size before a byte is read into memory
        check("max_file_bytes", limits.max_file_bytes, path.stat().st_size, "the file's size in bytes")
        table, detected = read_text(
            path.read_bytes(), src.kind, suffix=".txt" if text_xls else suffix, encoding=src.encoding,
            delimiter=src.delimiter, overrides=src.columns, header_row=src.header_row, limits=limits,
        )
        tables = _stacked_text_tables(table, src)
        if not text_xls:
            return tables, [], detected
        tables[0].warnings.append(
            "this .xls file is a text table (tab- or comma-separated), not a workbook: read as text")
        return tables, [], {**detected, "format": "text named .xls"}
    if workbook and suffix != ".xls" and head.startswith(OLE2):
        tables, reports = _binary_workbook(path, src, limits)
        if tables:
            tables[0].warnings.append(package_note(suffix, "xls", False))
        return tables, reports, {"format": "xls"}
    if suffix in OTHER_WORKBOOK_SUFFIXES:
        _refuse_misnamed(head, suffix)
    if workbook:
        tables, reports = _workbook_tables(path, src, limits)
        return tables, reports, {"format": "xlsx" if suffix in EXCEL_SUFFIXES else suffix.lstrip(".")}
    archive = _ARCHIVES.get(suffix)
    raise FileReadError(f"unsupported file type '{suffix}' (use .csv, .tsv, .txt, .xlsx, .xlsm, .xls, .xlsb, .ods, "
                        ".htm, .html, .mht or .xml)" + (f": this is {archive}; extract its files into the inbox"
                                                       if archive else ""))


#: archives people send exports in, by suffix: the files inside are what to read
_ARCHIVES = {".zip": "a zip archive", ".gz": "a gzip archive", ".tgz": "a gzip archive", ".7z": "a 7-Zip archive",
             ".rar": "a RAR archive", ".tar": "a tar archive", ".bz2": "a bzip2 archive"}


def _misnamed_package(
    path: Path, suffix: str, head: bytes, src: SourceConfig, limits: ReadLimits
) -> tuple[list[RawTable], list[SheetReport], dict[str, Any]] | None:
    """A workbook's zip package under another name (an .xlsx saved as "pos.csv", an .ods named .xlsx) or written
    with "\\" in its part names: read from a copy under its own suffix, with a note; None for any other file."""
    if sniff_format(head) != _ZIP:
        return None
    fmt, back = package_format(path)
    own = "xlsx" if suffix in EXCEL_SUFFIXES else suffix[1:]
    if fmt is None or (fmt == own and not back):
        return None
    with readable_copy(path, fmt, back, limits) as copy:
        tables, reports = _workbook_tables(copy, src, limits)
    if tables:
        tables[0].warnings.append(package_note(suffix, fmt, back))
    return tables, reports, {"format": fmt}


def _workbook_tables(path: Path, src: SourceConfig, limits: ReadLimits) -> tuple[list[RawTable], list[SheetReport]]:
    """A workbook's tables, read by the reader of its suffix: openpyxl's and calamine's for .xlsx and
    .xlsm, calamine's alone for .xls, .xlsb and .ods."""
    read = read_workbook if path.suffix.lower() in EXCEL_SUFFIXES else read_other_workbook
    tables, skipped = read(path, src.kind, sheets=src.sheets, overrides=src.columns, header_row=src.header_row,
                           limits=limits)
    return tables, _skipped_reports(skipped)


def _stacked_text_tables(table: RawTable, src: SourceConfig) -> list[RawTable]:
    """A text file's table cut where a line repeats the header with the columns in another order (two exports
    pasted into one file): the lines below it are a table of their own, read by their own header, as a sheet's
    stacked tables are (`table_blocks.stacked_starts`)."""
    starts = stacked_starts(table.cells, table.header.headers, src.kind, src.columns)
    if not starts:
        return [table]
    out: list[RawTable] = []
    top, head = -1, table.header
    for at in [*starts, len(table.cells)]:
        first = top < 0
        end = at if at == len(table.cells) else title_start(table.cells, top + 1, at)
        out.append(replace(
            table, header_row=table.header_row if first else int(table.row_numbers[top]), header=head,
            cells=table.cells.iloc[top + 1:end].reset_index(drop=True), row_numbers=table.row_numbers[top + 1:end],
            warnings=list(table.warnings) if first else [], above=table.above if first else ()))
        if at < len(table.cells):
            row = table.cells.iloc[at].tolist()
            titled = (int(table.row_numbers[end]), int(table.row_numbers[at - 1])) if end < at else None
            out[-1].warnings.append(stacked_note("line", int(table.row_numbers[at]), head.headers, row, titled))
            top, head = at, recognise_header(row, src.columns, src.kind)
    return out


def _binary_workbook(path: Path, src: SourceConfig, limits: ReadLimits) -> tuple[list[RawTable], list[SheetReport]]:
    """An OLE2 file named .xlsx, .xlsm, .xlsb or .ods: an old binary .xls renamed (read as one, by
    python-calamine), or an encrypted workbook, which no reader opens without its password."""
    if encrypted_package(path):
        raise FileReadError("this is a password-protected workbook (an encrypted OLE2 file): no reader opens it "
                            "without its password; save it as an unprotected .xlsx")
    try:
        with binary_copy(path) as copy:
            tables, reports = _workbook_tables(copy, src, limits)
    except FileReadError as exc:
        if not str(exc).startswith("not a readable"):  # read as an .xls, then refused (a limit): say so as it is
            raise FileReadError(f"an old .xls workbook named {path.suffix.lower()}: {exc}") from None
        raise FileReadError("this is an OLE2 file: a password-protected workbook or an old .xls; "
                            "save it as an unprotected .xlsx") from None
    return tables, reports


def _skipped_reports(skipped: list[SkippedSheet]) -> list[SheetReport]:
    return [SheetReport(s.sheet, None, {}, {}, skipped=s.reason) for s in skipped]


def _head(path: Path, size: int = 512) -> bytes:
    """A file's first bytes, where its format's signature stands."""
    with path.open("rb") as fh:
        return fh.read(size)


def _suffix_of(head: bytes) -> tuple[str, str] | None:
    """The extension a file with none should have by its first bytes, and what it is: a workbook package, an old
    workbook, or text; None for anything else (a page is read as markup whatever its name)."""
    if head.startswith(b"PK\x03\x04"):
        return ".xlsx", "a workbook"
    if head.startswith(OLE2):
        return ".xls", "an old workbook"
    return (".csv", "a text table") if _plain_text(head) else None


def _plain_text(head: bytes) -> bool:
    """Whether a file's first bytes are plain text (no workbook, package, page or archive signature),
    or UTF-16 "Unicode text": many "Export to Excel" buttons write a tab-separated text named .xls."""
    plain = bool(head) and not head.startswith(OLE2) and sniff_format(head) is None and b"\x00" not in head[:64]
    return plain or head.startswith((b"\xff\xfe", b"\xfe\xff"))


def _refuse_misnamed(head: bytes, suffix: str) -> None:
    """An .xls that is really an .xlsx (rename it) or a web page (SAP's, Oracle's or Salesforce's "Excel"
    export: an HTML or XML table), said plainly before any reader tries it."""
    found = sniff_format(head)
    if suffix == ".xls" and found is not None and found.kind == "zip":
        raise FileReadError("this .xls file is an .xlsx workbook (a zip package) under the old name: "
                            "rename it to .xlsx")
    if found is not None and found.kind in ("html", "pdf", "gzip"):
        raise FileReadError(f"not a workbook: this is {found.what}; open it in Excel and save it as .xlsx")


def read_source_file(
    path: Path, relpath: str, src: SourceConfig, known_partners: Iterable[object] | None = None,
    *, limits: ReadLimits | None = None, date_order: str | None = None, typed_before: FileOutcome | None = None,
) -> FileOutcome:
    """Read `path` (shown as `relpath`) as a file of source `src` within `limits`; never raises.

    `known_partners` (reseller names seen elsewhere) helps tell a reseller column from an end
    customer column when headers do not; `date_order` ("dmy"/"mdy", `source_date_order` of the
    source's other files) reads dates nothing in the file decides. A table no column of which can
    be named for a required field is not typed: the outcome is `needs_mapping`, with the message
    and `columns:` block.

    `typed_before`: a packed reading of the same file with the same date order, made with other
    names known (sources.read_ahead). Where these names give every table the same plan, its rows and
    the typer's notes are taken from it and only the mapping is made again; else the file is typed.
    """
    try:
        return _read(path, relpath, src, known_partners, limits or DEFAULT_LIMITS, date_order, typed_before)
    except FileReadError as exc:
        return FileOutcome("error", [], empty_quarantine(), error=f"{relpath}: {exc}")
    except OSError as exc:
        return FileOutcome("error", [], empty_quarantine(), error=f"{relpath}: cannot read: {exc}")
    except Exception as exc:  # noqa: BLE001 - a damaged file must not stop the nightly run over the others
        return FileOutcome(
            "error", [], empty_quarantine(),
            error=f"{relpath}: unexpected {type(exc).__name__} while reading: {exc}",
        )


def map_table(
    table: RawTable, src: SourceConfig, known_partners: Iterable[object] | None = None
) -> tuple[RawTable, ColumnMapping]:
    """Assign the table's columns to fields (headers + content); the table carries the result. A field
    no column gives takes the value a line above the header states ("Customer: Delta Legal Inc."), but for a
    rep sources.yaml names."""
    table = without_examples(table)  # "e.g. Acme Corp" under the header: neither a line nor evidence of a column
    table, periods = split_period_columns(table, src.kind, src.columns)  # "03/14/2026 - 03/13/2027": start, end
    title = title_values(table.above, src.kind)
    if src.rep:  # the rep sources.yaml names for the file is whole ("Alice Moreno"); a title's "Rep: Alice" is not
        title.pop("rep", None)
    mapping = map_columns(
        table.header.headers, table.cells, src.kind, {**(src.columns or {}), **periods}, known_partners, table.epoch,
        table.hidden,
        stated={*title, *src.fixed_values, *section_fields(table.cells, src.kind)},
    )
    used = table_wide(title, mapping.choices)
    if used:
        mapping = replace(mapping, given={f: v.value for f, v in used.items()}, notes=[*mapping.notes, *(
            f"{f} {v.value!r} for every row, as {'row' if table.sheet else 'line'} {v.line} above the header "
            f"states it ({v.label!r})" for f, v in used.items())])
    return replace(table, header=mapping.header_match()), mapping


def _needs_mapping_report(table: RawTable, mapping: ColumnMapping) -> SheetReport:
    return SheetReport(
        sheet=table.sheet, header_row=table.header_row, mapping={}, how={},
        columns=mapping.as_dict(), needs_mapping=mapping.message(),
    )


def _plan(mapped: list[tuple[RawTable, ColumnMapping]], side_sheets: dict[str | None, str]) -> tuple[TablePlan, ...]:
    """Each table's TablePlan: what its typed rows depend on besides its cells."""
    plan = []
    for table, mapping in mapped:
        left_out = side_sheets.get(table.sheet) or (mapping.message() if mapping.needs_mapping else None)
        plan.append(TablePlan(table.sheet, left_out, None if left_out else table.header))
    return tuple(plan)


def _read(
    path: Path, relpath: str, src: SourceConfig, known_partners: Iterable[object] | None = None,
    limits: ReadLimits = DEFAULT_LIMITS, date_order: str | None = None, typed_before: FileOutcome | None = None,
) -> FileOutcome:
    tables, reports, detected = _raw_tables(path, src, limits)
    if not tables and reports and all(r.skipped == EMPTY_SHEET for r in reports):  # a workbook of blank sheets
        return FileOutcome("empty", [], empty_quarantine(), sheets=reports, detected=detected,
                           warnings=[f"{relpath}: the workbook holds no cell (every sheet is blank)"])
    if not tables:
        reasons = "; ".join(f"sheet '{r.sheet}': {r.skipped}" for r in reports[:SHEETS_NAMED]) or "nothing to read"
        if len(reports) > SHEETS_NAMED:  # a web page of a thousand small tables names five
            reasons += f"; and {len(reports) - SHEETS_NAMED:,} more sheets"
        return FileOutcome("error", [], empty_quarantine(), sheets=reports,
                           detected=detected, error=f"{relpath}: no sheet with a recognisable header ({reasons})")
    known_partners = known_partner_set(known_partners)  # normalised once for every sheet
    parts: list[RecordColumns] = []
    quarantine, warnings = [empty_quarantine()], []
    mappings: list[ColumnMapping] = []
    unmapped: list[str] = []
    mapped = _sheet_named_parties([map_table(raw, src, known_partners) for raw in tables], src, known_partners)
    side_sheets = _side_sheets(mapped, src)
    plan = _plan(mapped, side_sheets)
    before = typed_before if typed_before is not None and typed_before.plan == plan else None
    typing_warnings: list[list[str]] = []
    for table, mapping in mapped:
        mappings.append(mapping)
        where = f"{relpath}" + (f" [{table.sheet}]" if table.sheet else "")
        if table.sheet in side_sheets:
            warnings.append(f"{where}: sheet left out: {side_sheets[table.sheet]}")
            reports.append(SheetReport(table.sheet, table.header_row, {}, {}, skipped=side_sheets[table.sheet],
                                       columns=mapping.as_dict()))
            continue
        if mapping.needs_mapping:  # no row is quarantined for a column the file lacks a name for
            unmapped.append(f"{where}: {mapping.message()}")
            reports.append(_needs_mapping_report(table, mapping))
            continue
        if before is not None:  # the same rows: only the mapping's confidences and notes are new
            typing_warnings.append(before.typing_warnings[len(typing_warnings)])
            warnings += [f"{where}: {w}" for w in table.warnings + mapping.warnings() + typing_warnings[-1]]
            warnings += _unknown_columns(where, src, table)
            reports.append(replace(before.sheets[len(reports)], columns=mapping.as_dict()))
            continue
        typed = type_rows(
            table, source=src.name, source_file=relpath, kind=src.kind,
            date_format=src.date_format, fixed_values=src.fixed_values, limits=limits, date_order=date_order,
        )
        parts.append(typed.columns)
        quarantine.append(typed.quarantine)
        typing_warnings.append(typed.warnings)
        warnings += [f"{where}: {w}" for w in table.warnings + mapping.warnings() + typed.warnings]
        warnings += _unknown_columns(where, src, table)
        reports.append(SheetReport(
            sheet=table.sheet, header_row=table.header_row,
            mapping={table.header_names[i]: f for i, f in table.header.mapping.items()},
            how=dict(table.header.how), rows_read=typed.rows_read, rows_loaded=len(typed.columns),
            rows_quarantined=len(typed.quarantine), blank_rows=typed.blank_rows, total_rows=typed.total_rows,
            columns=mapping.as_dict(), evidence=typed.evidence,
        ))
    warnings += _sheets_disagree(relpath, reports)
    if before is not None:
        return replace(before, sheets=reports, warnings=warnings, mappings=mappings)
    quar = _concat(quarantine)
    status = "needs_mapping" if unmapped else "loaded" if any(len(p) for p in parts) or len(quar) else "empty"
    return FileOutcome(status, parts, quar, sheets=reports, detected=detected, warnings=warnings,
                       error="\n".join(unmapped) or None, mappings=mappings, plan=plan,
                       typing_warnings=typing_warnings)


def _unknown_columns(where: str, src: SourceConfig, table: RawTable) -> list[str]:
    """A `columns:` entry whose header is not in this sheet, which would otherwise be ignored silently."""
    return [f"{where}: columns: {fld} names header {header!r}, which is not in the header row"
            for fld, header in src.columns.items() if table.header.how.get(fld) != "columns"]


#: a required field read from its column with less confidence than this is a guess, not a reading
WEAK_REQUIRED = 0.35


def _weakest_required(mapping: ColumnMapping, kind: str) -> FieldChoice | None:
    """The least confident choice among the kind's required fields (None when none was chosen)."""
    fields = required_columns(kind)
    required = [c for f, c in mapping.choices.items() if f in fields and c.evidence != "columns"]
    return min(required, key=lambda c: c.confidence, default=None)


#: a sheet's name that names no party: Excel's default names, a data or summary sheet
_GENERIC_SHEET = re.compile(
    r"(?i)^(?:sheet|tabelle|feuil|hoja|foglio|blad|ark|arkusz|planilha|лист|工作表|シート)\s*\d*$"
    r"|^(?:data|raw data|summary|total|totals|overview|report|export|pivot|details|lines|sales|pos|invoices)$")
#: the label a title line would give a party whose column a sheet lacks
_PARTY_LABELS = {"reseller_name": "Reseller", "customer_name": "Customer", "bill_to_name": "Bill To"}


def _sheet_named_parties(mapped: list[tuple[RawTable, ColumnMapping]], src: SourceConfig,
                         known_partners: Iterable[object] | None) -> list[tuple[RawTable, ColumnMapping]]:
    """A workbook with one sheet per reseller (or customer), no column naming it: where two sheets or more lack only
    that party and each sheet's name is a distinct name, not Excel's "Sheet1" nor a month, the sheet's name is the
    party on every row, as a title line "Reseller: <name>" above the header would say, with a note."""
    lacking = [(t, m) for t, m in mapped if m.needs_mapping and list(m.missing) in ([f] for f in _PARTY_LABELS)]
    names = [t.sheet.strip() for t, _ in lacking if t.sheet]
    fields = {next(iter(m.missing)) for _, m in lacking}
    if (len(lacking) < 2 or len(fields) != 1 or len(names) != len(lacking) or len(set(names)) != len(names)
            or any(_GENERIC_SHEET.match(n) or period_of(n) is not None or sum(c.isalpha() for c in n) < 3
                   for n in names)):
        return mapped
    fld = fields.pop()
    label = _PARTY_LABELS[fld]
    out = []
    for table, mapping in mapped:
        if (table, mapping) in lacking and table.sheet:
            titled = replace(table, above=(*table.above, (f"{label}: {table.sheet.strip()}",)))
            again, remapped = map_table(titled, src, known_partners)
            if not remapped.needs_mapping:
                notes = [n for n in remapped.notes if f"({label!r})" not in n]
                notes.append(f"{fld} {table.sheet.strip()!r} for every row: no column names the {label.lower()}, and "
                             f"each sheet of the workbook is named for one")
                out.append((replace(again, above=table.above), replace(remapped, notes=notes)))
                continue
        out.append((table, mapping))
    return out


#: a sheet's name saying it holds the drop-down lists or settings of the workbook's other sheets
_LOOKUP_SHEET = re.compile(
    r"(?i)(?:drop[- ]?downs?|lists?|lookups?|look[- ]ups?|validation|data validation|values|options|parameters|"
    r"settings|config|listen|auswahl(?:listen)?|werte|stammdaten|listes|listas|listas desplegables|opciones|valori|"
    r"elenchi|keuzelijsten|lijsten)(?:\s*\(?\w{0,3}\)?)?")


def _side_sheets(mapped: list[tuple[RawTable, ColumnMapping]], src: SourceConfig) -> dict[str | None, str]:
    """Sheets of a workbook left out beside the ones that read well: a pivot's chart data or a
    summary, whose required fields only a guess under `WEAK_REQUIRED` names (reading them loaded a
    month's totals as a sale to customer "Jun"). A sheet no column of which names a required field
    still makes the file `needs_mapping` (it may be data in a layout of its own). Sheets named under
    `sheet:` are always read; a lone sheet is read as before. A sheet that names at most half of the kind's
    requirements, with at most half the rows of a sheet that names them all, is a summary or a lookup (an
    ERP's per-item totals beside its invoice lines): left out with a warning rather than the whole file left
    `needs_mapping`; one as long as the data may be data in a layout of its own, and still asks for a mapping."""
    if src.sheets or len(mapped) < 2:
        return {}
    why: dict[str | None, str] = {}
    requirements = len(REQUIRED_FIELDS.get(src.kind, ()))
    data_rows = max((len(t.cells) for t, m in mapped if not m.needs_mapping), default=0)
    for table, mapping in mapped:
        if mapping.needs_mapping:
            if table.sheet is not None and _LOOKUP_SHEET.fullmatch(table.sheet.strip()):
                why[table.sheet] = (f"its name says it holds a workbook's drop-down lists, and it names no column for "
                                    f"{' nor '.join(mapping.missing)}; name it under sheet: to read it")
            elif requirements and 2 * len(mapping.missing) >= requirements and 2 * len(table.cells) <= data_rows:
                why[table.sheet] = (f"it names no column for {' nor '.join(mapping.missing)} (a summary beside "
                                    "the data, it seems); name it under sheet: to read it")
            continue
        weakest = _weakest_required(mapping, src.kind)
        if weakest is not None and weakest.confidence < WEAK_REQUIRED:
            why[table.sheet] = (f"its '{weakest.field}' would be a guess (column {weakest.header!r}, confidence "
                                f"{weakest.confidence:.2f}); name it under sheet: to read it")
    strong = [t for t, m in mapped if not m.needs_mapping and t.sheet not in why]
    return why if strong else {}


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The typed frames after the first (an empty template, kept when no table was typed)."""
    typed = frames[1:]
    if not typed:
        return frames[0]
    return pd.concat(typed, ignore_index=True) if len(typed) > 1 else typed[0]


def _sheets_disagree(relpath: str, reports: list[SheetReport]) -> list[str]:
    """A warning when the sheets of one workbook prove different day/month orders (within a sheet,
    `type_rows` reports it)."""
    proven: dict[str, list[str]] = {}
    sheets: dict[str, set[str | None]] = {}
    for r in reports:
        for fld, ev in r.evidence.items():
            if ev.get("decided_by") in ("values", "majority"):
                proven.setdefault(str(ev["order"]), []).append(f"sheet '{r.sheet}' {fld}")
                sheets.setdefault(str(ev["order"]), set()).add(r.sheet)
    if len(proven) < 2 or len(set.union(*sheets.values())) < 2:
        return []
    said = "; ".join(
        f"{'day' if o == 'dmy' else 'month'}-first: {', '.join(where)}" for o, where in sorted(proven.items())
    )
    return [f"{relpath}: sheets disagree on day/month order ({said}); each read by its own evidence"]
