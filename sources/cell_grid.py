"""One table's cells as a web export's parser streams them in: rows from column 1, the merged
blocks its spans make, its error cells, all counted against the read limits as they come. The HTML
and Excel 2003 XML readers (sources/html_tables.py, sources/spreadsheetml.py) place cells into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sources.limits import ReadLimits, check


@dataclass
class CellGrid:
    """One table's cells as they stream in: rows of values from column 1, the merged blocks its
    colspans and rowspans make, and the columns a rowspan from above still covers."""

    name: str
    #: how messages name it: "table 3" (an HTML page's, counting every table), "sheet 'POS'"
    where: str = ""
    rows: list[list[object]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    errors: list[tuple[int, int, str]] = field(default_factory=list)
    hidden: bool = False
    nested: bool = False  # it holds another table: a layout, not a sheet
    #: column (1-based) -> the last row (1-based) a rowspan from above covers it to
    spanned: dict[int, int] = field(default_factory=dict)
    row: list[object] | None = None
    cells: int = 0

    def start_row(self, index: int | None = None) -> None:
        self.end_row()
        while index is not None and len(self.rows) < index - 1:
            self.rows.append([])
        self.row = []

    def end_row(self) -> None:
        if self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def forget_ended_spans(self) -> None:
        """Drop the rowspans from above that end before the current row."""
        if self.spanned:
            row = len(self.rows) + 1
            self.spanned = {c: last for c, last in self.spanned.items() if last >= row}

    def _count(self, limits: ReadLimits, last_column: int, longest: int, cells: int) -> None:
        """Count `cells` more cells on the current row against the limits: its last column, its longest
        text, the table's cells and rows so far."""
        row = len(self.rows) + 1
        check("max_columns", limits.max_columns, last_column, f"the number of columns in {self.where}")
        check("max_cell_chars", limits.max_cell_chars, longest, f"the characters in a cell of {self.where}, row {row}")
        self.cells += cells
        check("max_cells", limits.max_cells, self.cells, f"the cells in {self.where} (at least)")
        check("max_rows", limits.max_rows, row, f"the rows of {self.where}")

    def add_values(self, values: list[object], limits: ReadLimits) -> None:
        """`values` as the current row, from column 1: a row with no span, under none from above."""
        self._count(limits, len(values), max((len(v) for v in values if isinstance(v, str)), default=0), len(values))
        self.row = values
        self.end_row()

    def put(self, value: object, limits: ReadLimits, *, at: int | None = None, across: int = 1,
            down: int = 1) -> int:
        """Place a cell at the next column of the current row no rowspan from above covers (or at
        1-based column `at`), spanning `across` columns and `down` rows, and return its column; a
        span's other cells stay empty (the workbook reader fills them)."""
        if self.row is None:
            self.start_row()
        assert self.row is not None
        r = len(self.rows) + 1
        c = at if at is not None else len(self.row) + 1
        while at is None and self.spanned.get(c, 0) >= r:
            c += 1
        last = c + across - 1
        self._count(limits, last, len(value) if isinstance(value, str) else 0, across)
        while len(self.row) < last:
            self.row.append(None)
        self.row[c - 1] = value
        if across > 1 or down > 1:
            self.merges.append((c, r, last, r + down - 1))
        if down > 1:
            for col in range(c, last + 1):
                self.spanned[col] = r + down - 1
        return c
