"""Write accepted `columns:` entries into a user's sources.yaml without disturbing it.

ruamel.yaml's round-trip loader gives the line and column of every key; the new lines are put
into the text there, so every other byte (comments, order, quoting, indentation) stays as the
user wrote it. Only a `columns:` written in flow style with entries (`{sku: Part}`) goes through
ruamel's round-trip dump, which keeps comments and order but may re-indent. The new text is
validated as a whole (`pipelines.config.parse_config`) before it replaces the file, atomically.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from pipelines.config import load_yaml, parse_config
from sources.headers import normalise_header
from sources.limits import DEFAULT_LIMITS, ReadLimits
from sources.text_bytes import limits_to_read

#: where a new `columns:` goes in a source entry: after the last of these keys it has
_BEFORE_COLUMNS = ("name", "kind", "path")
_PARENT = re.compile(r"^( *)(?:- )?[A-Za-z_\"'][^:#\n]*:[ \t]*(?:#.*)?\n(?:[ \t]*(?:#.*)?\n)*( *)[A-Za-z_\"']",
                     flags=re.MULTILINE)


def mapping_step(text: str) -> int:
    """How far a nested mapping is indented under its key: the commonest step among nested keys
    (a top-level section counts only when nothing is nested deeper), else 2."""
    steps = [(len(m.group(1)) > 0, len(m.group(2)) - len(m.group(1))) for m in _PARENT.finditer(text)]
    nested = [s for deep, s in steps if deep and s > 0] or [s for _, s in steps if s > 0]
    return Counter(nested).most_common(1)[0][0] if nested else 2


def _end_of_value(lines: list[str], line: int, col: int) -> int:
    """The index after the last line of the value of the key at (line, col)."""
    last = line
    for i in range(line + 1, len(lines)):
        text = lines[i]
        if not text.strip():
            continue
        if len(text) - len(text.lstrip()) <= col:
            break
        last = i
    return last + 1


def _entry_line(field: str, header: str, col: int) -> str:
    return " " * col + f"{field}: {json.dumps(header, ensure_ascii=False)}"  # JSON strings are YAML strings


def _edit(lines: list[str], entry: CommentedMap, new: dict[str, str], step: int) -> bool:
    """Put `new` into the entry's lines; False when only a round-trip dump can (flow-style entries)."""
    cols = entry.get("columns")
    if isinstance(cols, CommentedMap) and cols and not cols.fa.flow_style():
        line, col = cols.lc.key(list(cols)[-1])
        at = _end_of_value(lines, line, col)
        lines[at:at] = [_entry_line(f, h, col) for f, h in new.items()]
        return True
    if "columns" in entry:
        if cols:  # `columns: {sku: Part}`
            return False
        line, col = entry.lc.key("columns")  # `columns:` or `columns: {}`: rewritten as a block
        comment = re.search(r"[ \t]+#.*$", lines[line])
        lines[line : line + 1] = [" " * col + "columns:" + (comment.group(0) if comment else "")] + [
            _entry_line(f, h, col + step) for f, h in new.items()]
        return True
    keys = list(entry)
    anchor = [k for k in _BEFORE_COLUMNS if k in entry][-1:] or keys[-1:]
    line, col = entry.lc.key(anchor[0])
    at = _end_of_value(lines, line, col)
    lines[at:at] = [" " * col + "columns:"] + [_entry_line(f, h, col + step) for f, h in new.items()]
    return True


def _dumped(text: str, doc: Any) -> str:
    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 4096
    dash = re.search(r"^sources:[ \t]*(?:#.*)?\n(?:[ \t]*(?:#.*)?\n)*([ \t]*)- ", text, flags=re.MULTILINE)
    offset = len(dash.group(1)) if dash else 0
    rt.indent(mapping=mapping_step(text), sequence=offset + 2, offset=offset)
    out = io.StringIO()
    rt.dump(doc, out)
    return out.getvalue()


def with_columns(text: str, columns: Mapping[str, Mapping[str, str]]) -> tuple[str, dict[str, dict[str, str]]]:
    """The text of sources.yaml with `columns:` entries added (source name -> field -> header).

    A field the source already names is left as the user wrote it, and so is a header the
    source already gives another field. Returns the new text and what was added, per source.
    """
    doc: Any = YAML().load(text)
    lines = text.splitlines()
    step = mapping_step(text)
    written: dict[str, dict[str, str]] = {}
    dump = False
    entries = [e for e in (doc.get("sources") or []) if isinstance(e, CommentedMap)]
    for entry in sorted(entries, key=lambda e: -e.lc.line):  # bottom up: earlier line numbers stay true
        add = columns.get(str(entry.get("name")))
        existing = entry.get("columns") or {}
        named = {normalise_header(str(h)) for h in existing.values()}
        new = {f: h for f, h in (add or {}).items() if f not in existing and normalise_header(h) not in named}
        if not new:
            continue
        written[str(entry["name"])] = new
        if not _edit(lines, entry, new, step):
            dump = True
            for f, h in new.items():
                existing[f] = DoubleQuotedScalarString(h)
    if dump:
        return _dumped(text, doc), written
    return "\n".join(lines) + ("\n" if text.endswith("\n") else ""), written


def write_columns(path: Path, columns: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """Add `columns:` entries to the sources.yaml at `path` (see `with_columns`); the file is
    replaced only when the new text is a valid sources.yaml. Returns what was added."""
    text = path.read_text(encoding="utf-8")
    new_text, written = with_columns(text, columns)
    if not written:
        return {}
    parse_config(load_yaml(new_text), origin=f"{path} (as it would be written)")  # raises: nothing written
    fd, tmp = tempfile.mkstemp(prefix=".sources.", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(new_text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dict(sorted(written.items()))


def fit_read_limits(home: Path, limits: ReadLimits = DEFAULT_LIMITS) -> dict[str, int]:
    """Raise a generated home's read limits where its own exports are past them (a demo world of
    several million rows writes a CRM export of over a million lines): a `limits:` block appended
    to its sources.yaml. A sources.yaml that has a `limits:` already is left as it is."""
    path = home / "sources.yaml"
    text = path.read_text(encoding="utf-8")
    if re.search(r"^limits\s*:", text, flags=re.MULTILINE):
        return {}
    raised = limits_to_read(sorted((home / "inbox").rglob("*")), limits)
    if raised:
        block = "".join(f"  {key}: {value}\n" for key, value in raised.items())
        note = "# raised to read this world's largest exports whole"
        path.write_text(f"{text.rstrip(chr(10))}\n{note}\nlimits:\n{block}", encoding="utf-8")
    return raised
