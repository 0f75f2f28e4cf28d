"""Names a printed report wrapped onto the next line: "Kingsley Paper Holdings" on its line, then a line holding only
"LLC" in the same column. The tail is a legal form alone, the line above fills that column and nothing else is on
the tail's row: it is joined to the name above, and its row is no line (it was quarantined for the fields it lacks,
and the name above kept cut)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from sources.profiles import is_legal_form
from sources.values import cell_text

#: the fields holding a party's name, the ones a print layout wraps
NAME_FIELDS = frozenset({"customer_name", "reseller_name", "bill_to_name", "partner_name", "service_provider"})


def _is_form(text: str) -> bool:
    """Whether a fragment is a legal form and nothing else ("LLC", "Inc.", "GmbH & Co. KG", "S.A. de C.V.")."""
    return len(text) <= 20 and is_legal_form(text.lower())


def _text(value: object) -> str:
    return (cell_text(value) or "").strip()


def join_wrapped_names(
    cells: pd.DataFrame, blank_cells: np.ndarray, skipped: np.ndarray, mapping: Mapping[int, str]
) -> tuple[pd.DataFrame, np.ndarray, list[str]]:
    """The cells with each wrapped tail joined to the name above, the tails' rows, and each tail as written
    ("'LLC'") for a warning. `skipped` marks rows that are no line already (blank, totals)."""
    positions = {str(i): k for k, i in enumerate(cells.columns)}
    name_cols = [positions[str(i)] for i, f in mapping.items() if f in NAME_FIELDS and str(i) in positions]
    tails = np.zeros(len(cells), dtype=bool)
    if not name_cols or len(cells) < 2:
        return cells, tails, []
    one_cell = (~blank_cells).sum(axis=1) == 1
    filled = ~blank_cells[:, name_cols]
    # per row holding one name cell and nothing else: that cell's column and text
    column_of = {int(r): name_cols[int(np.argmax(filled[r]))] for r in np.flatnonzero(
        one_cell & filled.any(axis=1) & ~skipped)}
    text_of = {r: _text(cells.iat[r, k]) for r, k in column_of.items()}
    forms = {r: _is_form(text) for r, text in text_of.items()}
    joined: list[tuple[int, int, int, str]] = []  # (tail row, line row, column, tail)
    for r in (r for r in column_of if forms[r] and r > 0):
        k = column_of[r]
        line = r - 1
        while line >= 0 and forms.get(line, False):  # tails of several columns, one under another
            line -= 1
        if line < 0 or skipped[line] or blank_cells[line, k] or _is_form(_text(cells.iat[line, k])):
            continue
        joined.append((r, line, k, text_of[r]))
    if not joined:
        return cells, tails, []
    cells = cells.copy()
    for r, line, k, text in joined:
        cells.iat[line, k] = f"{_text(cells.iat[line, k])} {text}"
        tails[r] = True
    return cells, tails, [f"{text!r}" for _, _, _, text in joined]
