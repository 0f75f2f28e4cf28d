"""`radar validate`: the mapping tool. Reads every inbox file as the nightly run would and prints,
per source and layout, which header feeds which field, on what evidence and how sure; totals,
warnings, and the `columns:` block a source needs. `--write-mapping` puts the accepted mappings
into sources.yaml (comments and order kept). Writes nothing else.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from pipelines.cli.common import resolve_home
from pipelines.cli.console import escape_breaks, say
from pipelines.config import ConfigError, load_config
from pipelines.mapping_report import FieldSummary, FileCheck, Layout, SourceReport, check_home, layout_key
from pipelines.sources_yaml import write_columns
from sources.assignment_file import read_assignments
from sources.inbox import sources_without_files
from sources.override_files import read_overrides
from sources.table import FileReadError

WIDTH = 118


def wrap(
    items: Iterable[str], indent: str, sep: str = " · ", width: int = WIDTH, first: str | None = None
) -> list[str]:
    """Items joined by `sep`, broken into lines only between items; the first line starts with
    `first` (default `indent`), the others with `indent`."""
    lines: list[str] = []
    lead = indent if first is None else first
    line = ""
    for item in items:
        if line and len(lead) + len(line) + len(sep) + len(item) > width:
            lines.append(lead + line + sep.rstrip())
            lead, line = indent, item
        else:
            line = f"{line}{sep}{item}" if line else item
    return lines + ([lead + line] if line else [])


STATUS_WORDS = (("duplicate", "duplicate"), ("empty", "empty"), ("error", "error"),
                ("needs_mapping", "needing a mapping"))
EVIDENCE_ORDER = ("columns", "synonym", "abbreviation", "fuzzy", "content")
LABEL = {"columns": "named under columns", "synonym": "by synonym", "abbreviation": "by abbreviation",
         "fuzzy": "by fuzzy header", "content": "by content"}


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _arrow(f: FieldSummary) -> str:
    return f"{f.header!r}→{f.field}" if f.header else f"(column {f.column + 1}, no header)→{f.field}"


def _fields_lines(fields: list[FieldSummary], indent: str) -> list[str]:
    """The fields grouped by evidence: the range of confidence once for exact synonyms and
    `columns:`, each field's own for the rest; low confidence flagged."""
    lines: list[str] = []
    groups: dict[str, list[FieldSummary]] = {}
    for f in fields:
        groups.setdefault(f.evidence[0], []).append(f)
    for ev in sorted(groups, key=lambda e: EVIDENCE_ORDER.index(e) if e in EVIDENCE_ORDER else 9):
        group = groups[ev]
        if ev in ("columns", "synonym") and not any(f.low for f in group):
            lo, hi = min(f.confidence for f in group), max(f.confidence for f in group)
            conf = "" if ev == "columns" else f" ({lo:.2f})" if lo == hi else f" ({lo:.2f}-{hi:.2f})"
            items = [_arrow(f) for f in group]
        else:
            conf = ""
            items = [f"{_arrow(f)} {f.confidence:.2f}" + (" LOW" if f.low else "") for f in group]
        lines += wrap(items, indent + " " * 2, first=f"{indent}{LABEL.get(ev, ev)}{conf}: ")
    return lines


def _detected(r: SourceReport) -> str:
    seen = r.detected()
    parts = ["/".join(repr(v) if k == "delimiter" and v != "tab" else v for v in vals) for k, vals in seen.items()]
    return f" ({', '.join(parts)})" if parts else ""


def _quarantined(r: SourceReport) -> str:
    by_field = r.quarantined_by_field()
    if not by_field:
        return f"{r.rows_quarantined:,} quarantined"
    return f"{r.rows_quarantined:,} quarantined (" + ", ".join(f"{k} {n:,}" for k, n in by_field.most_common(4)) + \
        (", ..." if len(by_field) > 4 else "") + ")"


def _head(name: str, reports: list[SourceReport]) -> list[str]:
    files = [c for r in reports for c in r.files]
    status = Counter(c.status for c in files)
    counts = [f"{status[s]} {w}" for s, w in STATUS_WORDS if status[s]]
    rows = sum(r.rows_loaded for r in reports)
    q = SourceReport(reports[0].source)  # one report over every file of the group, for the counts
    for r in reports:
        q.files += r.files
    parts = [f"{_plural(len(files), 'file')}{_detected(reports[0])}", *counts,
             f"{_plural(rows, 'row')} loaded, {_quarantined(q)}"]
    if len(reports) == 1:
        return wrap(parts, "    ", first=f"{name}: ")
    names = [r.source.name for r in reports]  # a group: the names first, then what they add up to
    return wrap(names, "    ", sep=", ", first=f"{name}: ") + wrap(parts, "    ", first="  ")


#: the columns no field is read from, named in a layout's lines (the rest counted)
UNREAD_SHOWN = 8


def _layout_lines(r: SourceReport, layouts: list[Layout]) -> list[str]:
    lines = []
    for i, lay in enumerate(layouts):
        indent = "  "
        if len(layouts) > 1:
            tables = f"{_plural(len(lay.tables), 'table')} in " if len(lay.tables) != len(lay.files) else ""
            lines.append(f"  layout {chr(65 + i)} ({tables}{_plural(len(lay.files), 'file')}):")
            indent = "    "
        lines += _fields_lines(lay.fields, indent)
        if lay.unread:
            names = [repr(h) for h in lay.unread[:UNREAD_SHOWN]]
            more = [f"{len(lay.unread) - UNREAD_SHOWN} more"] if len(lay.unread) > UNREAD_SHOWN else []
            lines += wrap([f"not read: {names[0]}", *names[1:], *more], indent + "  ", sep=", ", first=indent)
        for req, cands in lay.missing.items():
            best = ", ".join(f"{c.header!r} {c.score:.2f}" + (f" (now {c.taken_by})" if c.taken_by else "")
                             for c in sorted(cands, key=lambda c: (c.taken_by is not None, -c.score))
                             if c.header) or "no column fits"
            lines.append(f"{indent}MISSING {req} (required): best candidates {best}")
    return lines


def _merged(layout: Layout, group: list[SourceReport]) -> Layout:
    """One layout over the sources of a group: every table of theirs that maps alike."""
    key = layout_key(layout.first)
    alike = [lay for g in group for lay in g.layouts if layout_key(lay.first) == key]
    return Layout([t for lay in alike for t in lay.tables], [m for lay in alike for m in lay.mappings])


def _group_lines(group: list[SourceReport], verbose: bool, max_warnings: int, reasons: int,
                 idle: Mapping[str, str] | None = None) -> list[str]:
    r = group[0]
    if not r.files:
        why = (idle or {}).get(r.source.name, f"no file matches {r.source.path!r}")
        return [f"{r.source.name} ({r.source.kind}): {why}"]
    name = f"{r.source.name} ({r.source.kind})" if len(group) == 1 else \
        f"{len(group)} sources read alike ({r.source.kind})"
    lines = _head(name, group)
    merged = [_merged(lay, group) for lay in r.layouts] if len(group) > 1 else r.layouts
    lines += _layout_lines(r, merged)
    warnings: Counter[str] = Counter()
    for g in group:
        lines += [f"  error: {e}" for e in g.errors]
        warnings.update(g.warnings())
    shown = warnings.most_common() if verbose else warnings.most_common(max_warnings)
    lines += [f"  warning{f' ({n} files)' if n > 1 else ''}: {escape_breaks(w)}" for w, n in shown]
    if len(warnings) > len(shown):
        lines.append(f"  ... {_plural(len(warnings) - len(shown), 'more warning')} (--verbose)")
    if verbose:
        for g in group:
            lines += [f"  {g.source.name}:" if len(group) > 1 else "  files:"]
            lines += [line for check in g.files for line in _file_lines(g, check, reasons)]
    return lines


def _groups(reports: list[SourceReport]) -> list[list[SourceReport]]:
    """Sources in sources.yaml order; those whose layouts are all the same become one group."""
    out: list[list[SourceReport]] = []
    for r in reports:
        same = next((g for g in out if r.files and g[0].files and g[0].layout_signature() == r.layout_signature()
                     and r.layouts), None)
        if same is None:
            out.append([r])
        else:
            same.append(r)
    return out


def _file_lines(r: SourceReport, check: FileCheck, reasons: int) -> list[str]:
    if check.outcome is None:
        return [f"    {check.file.relpath}: duplicate of {check.duplicate_of} (not read again)"]
    o = check.outcome
    layouts = ", ".join(chr(65 + i) for i in r.layout_of(check.file.relpath))
    detected = ", ".join(f"{k} {v!r}" if k == "delimiter" and v != "tab" else f"{k} {v}" for k, v in o.detected.items())
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
    out += [f"      warning: {escape_breaks(w)}" for w in o.warnings]
    out += [f"      quarantined: {reason}" for reason in o.quarantine["reason"].head(reasons).tolist()]
    return out


def _suggestion_lines(r: SourceReport) -> list[str]:
    if not (r.needs_mapping or r.low_confidence):
        return []
    columns, notes = r.suggested_columns()
    lines = [f"  - name: {r.source.name}", "    columns:"]
    lines += [f"      {fld}: {json.dumps(h, ensure_ascii=False)}  # {why}" for fld, (h, why) in columns.items()]
    for req, best in r.missing_candidates().items():
        if best is None:
            lines.append(f"      # {req.split(' or ')[0]}: \"<header>\"  # required: no column looks like it")
        else:
            taken = f", now read as {best.taken_by}" if best.taken_by else ""
            lines.append(f"      {best.field}: {json.dumps(best.header, ensure_ascii=False)}  # required: best "
                         f"candidate ({best.score:.2f}{taken}), check it")
    return lines + [f"    # {n}" for n in notes]


def render(reports: list[SourceReport], verbose: bool = False, max_warnings: int = 2, reasons: int = 3,
           idle: Mapping[str, str] | None = None) -> str:
    """The whole report: a block per source (alike ones together), the totals, the suggested blocks;
    `idle`: why a source reads no file (`sources.inbox.sources_without_files`), by its name."""
    lines: list[str] = []
    for group in _groups(reports):
        lines += _group_lines(group, verbose, max_warnings, reasons, idle)
    files = [c for r in reports for c in r.files]
    status = Counter(c.status for c in files)
    lines.append("")
    lines += wrap([
        f"Total: {_plural(len(files), 'file')} ({status['loaded']} loaded, {status['duplicate']} duplicate, "
        f"{status['empty']} empty, {status['error']} error, {status['needs_mapping']} needing a mapping)",
        f"{sum(r.rows_loaded for r in reports):,} rows loaded",
        f"{sum(r.rows_quarantined for r in reports):,} quarantined",
        _plural(sum(len(r.warnings()) for r in reports), "distinct warning")], "  ", first="")
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
        say(f"radar: {_config_problem(exc)}", file=sys.stderr)
        return 2
    say(f"sources.yaml: {_plural(len(config.sources), 'source')}, every key valid")
    overrides_ok = _check_overrides(home)
    reports = check_home(home, config)
    idle = sources_without_files(home, config.sources)
    say(render(reports, verbose=args.verbose, max_warnings=args.warnings, reasons=args.reasons, idle=idle))
    if args.write_mapping:
        _write(home, reports)
    bad = any(r.count("error") or r.needs_mapping for r in reports)
    return 1 if bad or not overrides_ok else 0


def _check_overrides(home: Path) -> bool:
    """The analysts' overrides/*.csv, read as the resolve stage will: a bad row would fail the night."""
    if not (home / "overrides").is_dir():
        return True
    try:
        n = len(read_overrides(home))
    except FileReadError as exc:
        say(f"overrides: {exc}; a run would stop at resolving customers")
        return False
    if n:
        say(f"overrides: {_plural(n, 'match decision')}, every row valid")
    _check_assignments(home)
    return True


def _check_assignments(home: Path) -> None:
    """overrides/assignments.csv as the contracts stage reads it: bad rows are quarantined, never fatal."""
    rows = read_assignments(home)
    if rows.empty:
        return
    bad = rows[rows["problem"].notna()]
    say(f"overrides: {_plural(len(rows) - len(bad), 'reassignment')} readable"
        + (f"; {_plural(len(bad), 'row')} would be quarantined:" if len(bad) else ""))
    for problem in bad["problem"].head(10):
        say(f"  {problem}")


def _write(home: Path, reports: list[SourceReport]) -> None:
    accepted = {r.source.name: {f: h for f, (h, _) in r.suggested_columns()[0].items()} for r in reports}
    accepted = {k: v for k, v in accepted.items() if v}
    path = home / "sources.yaml"
    written = write_columns(path, accepted) if accepted else {}
    if written:
        say(f"\n{path}: wrote {sum(len(v) for v in written.values())} columns: entries "
              f"({', '.join(f'{k} {len(v)}' for k, v in written.items())}); "
              "the next run reads these sources' files again")
    else:
        say(f"\n{path}: nothing to write (every column is read by an exact synonym or already named)")
    left = {r.source.name: list(r.missing_candidates()) for r in reports if r.needs_mapping}
    for name, fields in left.items():
        say(f"  {name}: still needs {', '.join(fields)} named under columns: by you (see the suggestion above)")


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register `radar validate`."""
    val = sub.add_parser(
        "validate", help="check sources.yaml and read every inbox file: the mapping per source, with evidence; "
                         "writes nothing unless --write-mapping")
    val.add_argument("--home", help="home directory (default: $RADAR_HOME)")
    val.add_argument("--verbose", action="store_true", help="per-file detail: sheets, counts, warnings, reasons")
    val.add_argument("--warnings", type=int, default=2, help="distinct warnings shown per source (default 2)")
    val.add_argument("--reasons", type=int, default=3,
                     help="quarantine reasons shown per file with --verbose (default 3)")
    val.add_argument("--write-mapping", action="store_true",
                     help="write the recognised columns: (not exact synonyms) into sources.yaml, comments kept")
    val.set_defaults(func=cmd_validate)
