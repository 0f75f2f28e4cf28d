"""Helpers of the header tests: read a file the test wrote as a source of one kind, with no `columns:`."""

from __future__ import annotations

from pathlib import Path

from sources.config import SourceConfig
from sources.fields import SourceKind
from sources.reader import FileOutcome, read_source_file


def read_as(path: Path, kind: SourceKind) -> FileOutcome:
    """`path` read as a source of `kind` (its pattern the file's suffix); it must load."""
    out = read_source_file(path, path.name, SourceConfig(name="t", kind=kind, path=f"*{path.suffix}"))
    assert out.status == "loaded", out.error
    return out


def header_fields(out: FileOutcome) -> dict[str, str]:
    """Header as written -> the field it feeds, over every sheet read."""
    return {h: f for sheet in out.sheets for h, f in sheet.mapping.items()}
