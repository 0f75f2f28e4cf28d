"""`radar validate`: the mapping tool. Reads every inbox file as the nightly run would and prints,
per source and layout, which header feeds which field, on what evidence and how sure; totals,
warnings, and the `columns:` block a source needs. `--write-mapping` puts the accepted mappings
into sources.yaml (comments and order kept). Writes nothing else.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from pipelines.cli.common import resolve_home
from pipelines.config import ConfigError, load_config
from pipelines.mapping_report import FieldSummary, FileCheck, Layout, SourceReport, check_home
from pipelines.sources_yaml import write_columns

WIDTH = 118
SHORT = {"synonym": "syn", "abbreviation": "abbr", "fuzzy": "fuzzy", "content": "content", "columns": "columns:"}


def wrap(items: Iterable[str], indent: str, sep: str = " · ", width: int = WIDTH) -> list[str]:
    """Items joined by `sep`, broken into lines only between items."""
    lines: list[str] = []
    line = ""
    for item in items:
        if line and len(indent) + len(line) + len(sep) + len(item) > width:
            lines.append(indent + line + sep.rstrip())
            line = item
        else:
            line = f"{line}{sep}{item}" if line else item
    return lines + ([indent + line] if line else [])


def _field(f: FieldSummary) -> str:
    how = "/".join(SHORT.get(e, e) for e in f.evidence)
    flag = " LOW" if f.low else ""
    return f"{f.field} {f.header!r} {how} {f.confidence:.2f}{flag}" if f.header else \
        f"{f.field} (column {f.column + 1}, no header) {how} {f.confidence:.2f}{flag}"


def _detected(report: SourceReport) -> str:
    seen = {tuple(sorted((k, str(v)) for k, v in c.outcome.detected.items()))
            for c in report.files if c.outcome is not None and c.outcome.detected}
    if len(seen) != 1:
        return ""
    return " (" + ", ".join(v for _, v in next(iter(seen))) + ")"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _source_head(r: SourceReport) -> str:
    parts = [f"{_plural(len(r.files), 'file')}{_detected(r)}"]
    for status, word in (("duplicate", "duplicate"), ("empty", "empty"), ("error", "error"),
                         ("needs_mapping", "needing a mapping")):
        n = r.count(status)
        if n:
            parts.append(f"{n} {word}" if status == "needs_mapping" else _plural(n, word))
    parts.append(f"{r.rows_loaded:,} rows loaded, {r.rows_quarantined:,} quarantined")
    return f"{r.source.name} ({r.source.kind}): " + " · ".join(parts)


def _layout_lines(r: SourceReport, i: int, lay: Layout) -> list[str]:
    n_files = len(lay.files)
    label = f"layout {chr(65 + i)}, " if len(r.layouts) > 1 else ""
    tables = f"{_plural(len(lay.tables), 'table')} in " if len(lay.tables) != n_files else ""
    head = f"  {label}{tables}{_plural(n_files, 'file')}:"
    lines = [head, *wrap([_field(f) for f in lay.fields], "    ")]
    for req, cands in lay.missing.items():
        best = ", ".join(f"{c.header!r} {c.score:.2f}" for c in cands if c.header) or "no column fits"
        lines.append(f"    MISSING {req} (required): best candidates {best}")
    return lines


def _source_lines(r: SourceReport, verbose: bool, max_warnings: int, reasons: int) -> list[str]:
    if not r.files:
        return [f"{r.source.name} ({r.source.kind}): no file matches {r.source.path!r}"]
    lines = [_source_head(r)]
    for i, lay in enumerate(r.layouts):
        lines += _layout_lines(r, i, lay)
    quarantined = r.quarantined_by_field()
    if quarantined:
        lines += wrap([f"{fld} {n:,}" for fld, n in quarantined.most_common()], "  quarantined rows by field: ", ", ")
    lines += [f"  error: {e}" for e in r.errors]
    warnings = r.warnings()
    shown = warnings.most_common() if verbose else warnings.most_common(max_warnings)
    lines += [f"  warning{f' ({n} files)' if n > 1 else ''}: {w}" for w, n in shown]
    if len(warnings) > len(shown):
        lines.append(f"  ... {len(warnings) - len(shown)} more warnings (--verbose)")
    if verbose:
        for check in r.files:
            lines += _file_lines(r, check, reasons)
    return lines


def _file_lines(r: SourceReport, check: FileCheck, reasons: int) -> list[str]:
    if check.outcome is None:
        return [f"    {check.file.relpath}: duplicate of {check.duplicate_of} (not read again)"]
    o = check.outcome
    layouts = ", ".join(chr(65 + i) for i in r.layout_of(check.file.relpath))
    detected = ", ".join(f"{k} {v}" for k, v in o.detected.items())
    out = [f"    {check.file.relpath}: {o.status}" + (f", layout {layouts}" if len(r.layouts) > 1 else "")
           + (f" ({detected})" if detected else "")]
    for s in o.sheets:
        where = f"sheet {s.sheet!r}" if s.sheet else "table"
        if s.skipped:
            out.append(f"      {where}: skipped ({s.skipped})")
        elif s.needs_mapping:
            out.append(f"      {where}: header on row {s.header_row}; not read: a required field has no column")
        else:
            out.append(f"      {where}: header on row {s.header_row}; {s.rows_read:,} rows read, {s.rows_loaded:,} "
                       f"loaded, {s.rows_quarantined:,} quarantined, {s.blank_rows} blank, {s.total_rows} total rows")
    out += [f"      warning: {w}" for w in o.warnings]
    out += [f"      quarantined: {reason}" for reason in o.quarantine["reason"].head(reasons).tolist()]
    return out


def _suggestion_lines(r: SourceReport) -> list[str]:
    columns, notes = r.suggested_columns()
    missing = r.missing_candidates()
    if not (r.needs_mapping or r.low_confidence):
        return []
    lines = [f"  - name: {r.source.name}", "    columns:"]
    lines += [f"      {fld}: {header!r}  # {why}" for fld, (header, why) in columns.items()]
    for req, best in missing.items():
        if best is None:
            lines.append(f"      # {req.split(' or ')[0]}: '<header>'  # required: no column looks like it")
        else:
            lines.append(f"      {best.field}: {best.header!r}  # required: best candidate ({best.score:.2f}), check it")
    return lines + [f"    # {n}" for n in notes]


def render(reports: list[SourceReport], verbose: bool = False, max_warnings: int = 2, reasons: int = 3) -> str:
    """The whole report: a block per source, the totals, and the suggested sources.yaml blocks."""
    lines: list[str] = []
    for r in reports:
        lines += _source_lines(r, verbose, max_warnings, reasons)
    files = [c for r in reports for c in r.files]
    status = {s: sum(c.status == s for c in files) for s in ("loaded", "duplicate", "empty", "error", "needs_mapping")}
    lines.append("")
    lines.append(
        f"Total: {_plural(len(files), 'file')} ({status['loaded']} loaded, {status['duplicate']} duplicate, "
        f"{status['empty']} empty, {status['error']} error, {status['needs_mapping']} needing a mapping) · "
        f"{sum(r.rows_loaded for r in reports):,} rows loaded, {sum(r.rows_quarantined for r in reports):,} quarantined"
        f" · {_plural(sum(len(r.warnings()) for r in reports), 'distinct warning')}")
    suggested = [line for r in reports for line in _suggestion_lines(r)]
    if suggested:
        lines += ["", "Suggested for sources.yaml (check each; `radar validate --write-mapping` writes the "
                      "recognised ones, never a required field's guess):", "sources:", *suggested]
    return "\n".join(lines)


def _config_problem(exc: ConfigError) -> str:
    problems = str(exc).splitlines()
    origin = problems[0].split(": ", 1)[0] if ": " in problems[0] else "sources.yaml"
    items = [p.removeprefix(f"{origin}: ") for p in problems]
    head = f"{origin}: {_plural(len(items), 'problem')}; a run would stop before reading any file:"
    return "\n".join([head, *(f"  - {p}" for p in items)])


def cmd_validate(args: argparse.Namespace) -> int:
    """0 when every file reads, 1 when one cannot be read or needs a mapping, 2 when sources.yaml is invalid."""
    home = resolve_home(args.home)
    try:
        config = load_config(home)
    except ConfigError as exc:
        print(f"radar: {_config_problem(exc)}", file=sys.stderr)
        return 2
    print(f"sources.yaml: {_plural(len(config.sources), 'source')}, every key valid")
    reports = check_home(home, config)
    print(render(reports, verbose=args.verbose, max_warnings=args.warnings, reasons=args.reasons))
    if args.write_mapping:
        _write(home, reports)
    bad = any(r.count("error") or r.needs_mapping for r in reports)
    return 1 if bad else 0


def _write(home: Path, reports: list[SourceReport]) -> None:
    accepted = {r.source.name: {f: h for f, (h, _) in r.suggested_columns()[0].items()} for r in reports}
    accepted = {k: v for k, v in accepted.items() if v}
    path = home / "sources.yaml"
    written = write_columns(path, accepted) if accepted else {}
    if written:
        print(f"\n{path}: wrote {sum(len(v) for v in written.values())} columns: entries "
              f"({', '.join(f'{k} {len(v)}' for k, v in written.items())}); the next run reads these sources' files again")
    else:
        print(f"\n{path}: nothing to write (every column is read by an exact synonym or already named)")
    left = {r.source.name: list(r.missing_candidates()) for r in reports if r.needs_mapping}
    for name, fields in left.items():
        print(f"  {name}: still needs {', '.join(fields)} named under columns: by you (see the suggestion above)")


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register `radar validate`."""
    val = sub.add_parser(
        "validate", help="check sources.yaml and read every inbox file: the mapping per source, with evidence; "
                         "writes nothing unless --write-mapping")
    val.add_argument("--home", help="home directory (default: $RADAR_HOME)")
    val.add_argument("--verbose", action="store_true", help="per-file detail: sheets, counts, warnings, reasons")
    val.add_argument("--warnings", type=int, default=2, help="distinct warnings shown per source (default 2)")
    val.add_argument("--reasons", type=int, default=3, help="quarantine reasons shown per file with --verbose (default 3)")
    val.add_argument("--write-mapping", action="store_true",
                     help="write the recognised columns: (not exact synonyms) into sources.yaml, comments kept")
    val.set_defaults(func=cmd_validate)
