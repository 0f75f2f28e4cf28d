"""Read one inbox file of one source, whatever its format, into typed records and quarantine rows.

Never raises for a bad file: the outcome carries status `error` and a readable message, so the
nightly run records it and goes on with the other files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from sources.config import SourceConfig
from sources.delimited import read_text
from sources.excel import read_workbook
from sources.records import QUARANTINE_SCHEMA, RECORD_SCHEMA, type_rows
from sources.table import FileReadError, RawTable

TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
READER_VERSION = "3"  # bump when parsing changes, so every file is read again


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


@dataclass
class FileOutcome:
    """Everything reading one file produced."""

    status: str  # loaded | empty | error
    records: pd.DataFrame
    quarantine: pd.DataFrame
    sheets: list[SheetReport] = field(default_factory=list)
    detected: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def rows_read(self) -> int:
        return sum(s.rows_read for s in self.sheets)

    @property
    def rows_loaded(self) -> int:
        return len(self.records)

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


def _raw_tables(path: Path, src: SourceConfig) -> tuple[list[RawTable], list[SheetReport], dict[str, Any]]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        table, detected = read_text(
            path.read_bytes(), src.kind, suffix=suffix, encoding=src.encoding,
            delimiter=src.delimiter, overrides=src.columns, header_row=src.header_row,
        )
        return [table], [], detected
    if suffix in EXCEL_SUFFIXES:
        tables, skipped = read_workbook(
            path, src.kind, sheets=src.sheets, overrides=src.columns, header_row=src.header_row
        )
        reports = [SheetReport(s.sheet, None, {}, {}, skipped=s.reason) for s in skipped]
        return tables, reports, {"format": "xlsx"}
    if suffix == ".xls":
        raise FileReadError("old binary .xls is not supported: save it as .xlsx")
    raise FileReadError(f"unsupported file type '{suffix}' (use .csv, .tsv, .txt, .xlsx or .xlsm)")


def read_source_file(path: Path, relpath: str, src: SourceConfig) -> FileOutcome:
    """Read `path` (shown as `relpath`) as a file of source `src`; never raises."""
    try:
        return _read(path, relpath, src)
    except FileReadError as exc:
        return FileOutcome("error", empty_records(), empty_quarantine(), error=f"{relpath}: {exc}")
    except OSError as exc:
        return FileOutcome("error", empty_records(), empty_quarantine(), error=f"{relpath}: cannot read: {exc}")
    except Exception as exc:  # noqa: BLE001 - a damaged file must not stop the nightly run over the others
        return FileOutcome(
            "error", empty_records(), empty_quarantine(),
            error=f"{relpath}: unexpected {type(exc).__name__} while reading: {exc}",
        )


def _read(path: Path, relpath: str, src: SourceConfig) -> FileOutcome:
    tables, reports, detected = _raw_tables(path, src)
    if not tables:
        reasons = "; ".join(f"sheet '{r.sheet}': {r.skipped}" for r in reports) or "nothing to read"
        return FileOutcome("error", empty_records(), empty_quarantine(), sheets=reports,
                           detected=detected, error=f"{relpath}: no sheet with a recognisable header ({reasons})")
    records, quarantine, warnings = [], [], []
    for table in tables:
        typed = type_rows(
            table, source=src.name, source_file=relpath, kind=src.kind,
            date_format=src.date_format, fixed_values=src.fixed_values,
        )
        records.append(typed.records)
        quarantine.append(typed.quarantine)
        where = f"{relpath}" + (f" [{table.sheet}]" if table.sheet else "")
        warnings += [f"{where}: {w}" for w in table.warnings + typed.warnings]
        # a `columns:` entry whose header is not in this sheet would otherwise be ignored silently
        warnings += [
            f"{where}: columns: {fld} names header {header!r}, which is not in the header row"
            for fld, header in src.columns.items() if table.header.how.get(fld) != "columns"
        ]
        reports.append(SheetReport(
            sheet=table.sheet, header_row=table.header_row,
            mapping={table.header.headers[i]: f for i, f in table.header.mapping.items()},
            how=dict(table.header.how), rows_read=typed.rows_read, rows_loaded=len(typed.records),
            rows_quarantined=len(typed.quarantine), blank_rows=typed.blank_rows, total_rows=typed.total_rows,
        ))
    recs = pd.concat(records, ignore_index=True) if len(records) > 1 else records[0]
    quar = pd.concat(quarantine, ignore_index=True) if len(quarantine) > 1 else quarantine[0]
    status = "loaded" if len(recs) or len(quar) else "empty"
    return FileOutcome(status, recs, quar, sheets=reports, detected=detected, warnings=warnings)
