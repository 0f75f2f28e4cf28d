"""Page furniture of a printed report saved as a table: page numbers ("Page 2 of 5", "Seite 3", "Страна 2 од
3"), the header repeated at each page break and the banner row above it (the company, the report's title, the
page). None of it is a line: the records leave it out, and a column's content is judged without it (a page
number in every banner's third cell once made a contract-number column look like no contract numbers)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from sources.values import cell_text

#: a page number: "Page 2", "Seite 3 von 7", "pág. 2/5" in the languages named, or in any script a word, a
#: number, a short word (or "/") and a number no smaller ("Страна 2 од 3", "Sayfa 2 / 3", "Σελίδα 1 από 4")
_NAMED_PAGE_RX = re.compile(r"(?i)^\s*(?:page|seite|p[aá]gina|strona|sida|side|sivu|pag\.?|pág\.?)\s*\d+"
                            r"(?:\s*(?:of|von|de|di|z|av|af|/)\s*\d+)?\s*$")
_ANY_PAGE_RX = re.compile(r"^\s*[^\W\d_]{2,12}\.?\s*(\d{1,5})\s*(?:[^\W\d_]{1,4}\.?|/)\s*(\d{1,5})\s*$")
#: the most filled cells a page line has besides its page number (a footer: "Printed 2026-11-03 | Page 2 of 5")
PAGE_LINE_CELLS = 3


def is_page_number(value: object) -> bool:
    """Whether a cell is a page number."""
    if not isinstance(value, str) or len(value) > 40:
        return False
    if _NAMED_PAGE_RX.match(value):
        return True
    m = _ANY_PAGE_RX.match(value)
    return m is not None and 0 < int(m.group(1)) <= int(m.group(2))


def page_lines(page_cells: np.ndarray, blank_cells: np.ndarray) -> np.ndarray:
    """Rows holding a page number among at most `PAGE_LINE_CELLS` filled cells: a page's header or footer."""
    filled = (~blank_cells).sum(axis=1)
    return (filled >= 1) & (filled <= PAGE_LINE_CELLS) & page_cells.any(axis=1)


def repeated_headers(header_cells: np.ndarray, blank_cells: np.ndarray) -> np.ndarray:
    """Rows that repeat the header (a page break): at least two cells, and most of the row's cells, equal to
    their column's header."""
    count = header_cells.sum(axis=1)
    return (count >= 2) & (2 * count >= (~blank_cells).sum(axis=1))


def rows_above(rows: np.ndarray, candidates: np.ndarray, blank_cells: np.ndarray) -> np.ndarray:
    """The `candidates` whose next filled row is one of `rows`."""
    out = np.zeros(len(rows), dtype=bool)
    at = np.flatnonzero((~blank_cells).any(axis=1))
    above = at[:-1][rows[at[1:]]]
    out[above] = candidates[above]
    return out


def furniture(headers: list[str], cells: pd.DataFrame) -> np.ndarray:
    """Which rows of a table's raw cells (columns in header order) are page furniture: repeated headers, page
    lines, and the one-cell title or the banner holding a page number above a repeated header."""
    n = min(len(headers), cells.shape[1])
    blank = np.zeros((len(cells), n), dtype=bool)
    page = np.zeros((len(cells), n), dtype=bool)
    again = np.zeros((len(cells), n), dtype=bool)
    for i in range(n):
        codes, uniques = pd.factorize(cells.iloc[:, i].astype(object), use_na_sentinel=True)
        text = [cell_text(u) for u in uniques]
        key = headers[i].strip().casefold() if headers[i] else None
        blank[:, i] = np.append(np.array([t is None for t in text], dtype=bool), True)[codes]
        page[:, i] = np.append(np.array([is_page_number(t) for t in text], dtype=bool), False)[codes]
        again[:, i] = np.append(np.array([key is not None and t is not None and t.strip().casefold() == key
                                          for t in text], dtype=bool), False)[codes]
    repeated = ~blank.all(axis=1) & repeated_headers(again, blank)
    one_cell = (~blank).sum(axis=1) == 1
    return repeated | page_lines(page, blank) | rows_above(repeated, one_cell | page.any(axis=1), blank)
