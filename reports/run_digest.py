"""What `radar run` prints of out/run_summary.md: the headline, the value by kind, what changed and the
missed renewals' total, as plain text; the long tables (by window, rep, reseller and month, and every
missed renewal) stay in the file, which the digest names."""

from __future__ import annotations

import re

#: sections printed whole; "Missed renewals" is printed to its first paragraph
_WHOLE = ("By kind", "Since the last run")
_FIRST_PARAGRAPH = ("Missed renewals",)


def _plain(line: str) -> str:
    """A Markdown line as terminal text: no bold marks, no escapes."""
    return re.sub(r"\\(.)", r"\1", line.replace("**", ""))


def _cells(line: str) -> list[str]:
    return [_plain(c.strip()) for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def _pipe_table(lines: list[str]) -> list[str]:
    """A Markdown pipe table as aligned columns (right-aligned where its rule says `---:`), with a rule
    under the header."""
    rows = [_cells(line) for line in lines if not re.fullmatch(r"\|( *-+:? *\|)+", line.strip())]
    right = [c.endswith(":") for c in _cells(lines[1])] if len(lines) > 1 else []
    widths = [max(len(r[i]) for r in rows if i < len(r)) for i in range(len(rows[0]))]

    def fmt(row: list[str]) -> str:
        return "  ".join((c.rjust(w) if i < len(right) and right[i] else c.ljust(w))
                         for i, (c, w) in enumerate(zip(row, widths, strict=False))).rstrip()

    out = [fmt(rows[0]), "-" * len(fmt(rows[0]))]
    return out + [fmt(r) for r in rows[1:]]


def _text(block: str) -> list[str]:
    """A Markdown block as terminal lines: headings without their marks, tables aligned."""
    out: list[str] = []
    lines = block.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].lstrip().startswith("|"):
            j = i
            while j < len(lines) and lines[j].lstrip().startswith("|"):
                j += 1
            out += _pipe_table(lines[i:j])
            i = j
            continue
        out.append(_plain(re.sub(r"^#+ ", "", lines[i])))
        i += 1
    return out


def run_digest(markdown: str, where: str, skip: tuple[str, ...] = (), nothing_new: str = "") -> str:
    """The digest of a run summary: its title and lead, the sections named in `_WHOLE` (without a
    section that says only `nothing_new`: the caller says which of its cases holds), the first paragraph
    of the missed renewals, then where the rest is. Sections whose heading starts with one of `skip` are
    left out (the caller printed them already)."""
    head, *sections = re.split(r"\n(?=## )", markdown.strip())
    out = _text(head.strip())
    for body in sections:
        title = body.splitlines()[0].removeprefix("## ")
        if title.startswith(skip):
            continue
        if title.startswith(_WHOLE):
            if nothing_new and body.split("\n", 1)[-1].strip() == nothing_new:
                continue
            out += ["", *_text(body.strip())]
        elif title.startswith(_FIRST_PARAGRAPH):
            out += ["", *_text("\n\n".join(body.strip().split("\n\n")[:2]))]
    out += ["", f"By window, rep, reseller and month, and every missed renewal: {where}"]
    return "\n".join(out)
