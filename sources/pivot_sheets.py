"""A pivot table pasted as the only table of a workbook ("Sell-out by reseller", tabular form): its row labels are
written once per group, on the group's first line, and each group closes with a "<label> Total" line. Read as
lines, each blank label is the one above it, down to the group's total line.
"""

from __future__ import annotations

import re

#: a pivot's total line: "<label> Total", "Grand Total", and Excel's German, French, Dutch, Spanish and Italian ones
_TOTAL = re.compile(r"(?i)(?:^|\s)(?:grand\s+)?(?:total|ergebnis|gesamtergebnis|total\s+g[ée]n[ée]ral|totaal"
                    r"|eindtotaal|total\s+general|totale(?:\s+complessivo)?)\s*$")


def label_columns(headers: list[str], is_aggregate: re.Pattern[str]) -> int:
    """How many leading columns are row labels: those before the first aggregate header ("Sum of Qty")."""
    for i, header in enumerate(headers):
        if header and is_aggregate.match(" ".join(str(header).split())):
            return i
    return 0


def labels_carried_down(rows: list[list[object]], header_index: int, labels: int) -> list[list[object]]:
    """`rows` with each blank cell of the first `labels` columns below the header taken from the line above, on
    lines that hold anything else; a total line takes nothing and ends the carry from its label's column on."""
    out = [list(r) for r in rows[:header_index + 1]]
    carried: list[object] = [None] * labels
    for row in rows[header_index + 1:]:
        row = list(row)
        cells = row[:labels] + [None] * (labels - len(row[:labels]))
        total_at = next((i for i, c in enumerate(cells) if isinstance(c, str) and _TOTAL.search(c)), None)
        if total_at is not None:
            carried[total_at:] = [None] * (labels - total_at)
        elif any(c not in (None, "") for c in row[labels:]):
            for i, cell in enumerate(cells):
                if cell in (None, ""):
                    if i < len(row):
                        row[i] = carried[i]
                else:
                    carried[i] = cell
                    carried[i + 1:] = [c if row[j] in (None, "") else row[j]
                                       for j, c in enumerate(carried[i + 1:], start=i + 1)]
        out.append(row)
    return out
