"""A template's example line left under the header: "e.g. Acme Corp", "Beispiel: Muster GmbH", "p. ej. ...". It is no
customer and no deal, and must not decide what a column holds (its "CS-XXXX" made a SKU column a description): its
cells are blanked before the columns are mapped, and a warning names it."""

from __future__ import annotations

import re
from dataclasses import replace

from sources.table import RawTable
from sources.values import cell_text

#: how a template's example starts, in the languages exports are written in (a word then "." or ":")
_EXAMPLE = re.compile(
    r"(?i)^\s*(?:e\.\s?g\.|eg[.:]|example\s*[:\-]|for example\b|sample\s*[:\-]|z\.\s?b\.|beispiel\s*[:\-]|bsp\.|"
    r"p\.\s?ej\.|ej\.\s*[:\-]?|ejemplo\s*[:\-]|p\.\s?ex\.|par ex(?:emple)?\b|exemple\s*[:\-]|ex\.\s*[:\-]|"
    r"exemplo\s*[:\-]|es\.\s*[:\-]|esempio\s*[:\-]|bijv\.|bv\.|voorbeeld\s*[:\-]|np\.|przyk[lł]ad\s*[:\-]|"
    r"t\.\s?ex\.|esim\.|f\.\s?eks\.|örn\.|例[:：])")
#: the lines below the header an example may stand on (a template's examples come first)
EXAMPLE_LINES = 3


def without_examples(table: RawTable) -> RawTable:
    """`table` with the cells of its example lines (among its first `EXAMPLE_LINES` filled rows, the first filled
    cell starting "e.g." or the like) blanked, and a warning naming them; the table as it is when it has none."""
    found: list[int] = []
    example = ""
    seen = 0
    for i, row in enumerate(table.cells.itertuples(index=False)):
        first = next((t for t in (cell_text(v) for v in row) if t is not None), None)
        if first is None:
            continue
        if _EXAMPLE.match(first):
            found.append(i)
            example = example or first
        seen += 1
        if seen >= EXAMPLE_LINES:
            break
    if not found:
        return table
    cells = table.cells.copy()
    cells.iloc[found] = None
    rows = ", ".join(str(int(table.row_numbers[i])) for i in found)
    note = (f"row{'s' if len(found) > 1 else ''} {rows}: a template's example ({example!r}), no line: "
            "not read")
    return replace(table, cells=cells, warnings=[*table.warnings, note])
