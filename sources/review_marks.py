"""An analyst's marks in out/match_review.xlsx -> rows of overrides/match_review.csv (must/cannot-link).

The review workbook (written by reports.review_workbook) has a Decision column with a pick list:
`same` becomes a must_link, `different` a cannot_link, `skip` nothing. Each run reads the marks of
the last run's workbook before anything is resolved and records them in `overrides/match_review.csv`,
an ordinary overrides file (`override_files.read_overrides` reads it with the others), so the
decisions outlive the workbook, which every run rewrites. A later mark of the same pair replaces
the earlier row; to undo a decision, delete its row from the CSV.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import pandas as pd
from openpyxl import load_workbook

from sources.excel import check_workbook_file
from sources.excel_calamine import CalamineSheets
from sources.table import FileReadError

#: the workbook's sheet and the headers the marks are read by (whatever their column order)
REVIEW_SHEET: Final[str] = "Review"
LEFT_HEADER: Final[str] = "Left record id"
RIGHT_HEADER: Final[str] = "Right record id"
DECISION_HEADER: Final[str] = "Decision"
NOTE_HEADER: Final[str] = "Note"
#: what a mark means as an override (None: no decision)
MARKS: Final[dict[str, str | None]] = {"same": "must_link", "different": "cannot_link", "skip": None}
#: the overrides file the marks are recorded in (under HOME/overrides/)
REVIEW_OVERRIDES_FILE: Final[str] = "match_review.csv"
MARK_COLUMNS: Final[tuple[str, ...]] = ("left", "right", "mark", "note", "row", "problem")
OVERRIDE_COLUMNS: Final[tuple[str, ...]] = ("entity", "left", "right", "decision", "note")


def _empty_marks() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in MARK_COLUMNS})


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def read_review_marks(path: Path) -> pd.DataFrame:
    """Every row of the workbook's Review sheet with a Decision: left, right, mark, note, row, problem.

    `mark` is the decision lower-cased; `problem` says why a row cannot be used (an unknown mark, a
    record id missing) and is None otherwise. A workbook without a Review sheet has no marks. The
    sheet's values are read with calamine (at 1M, 11,736 rows: 0.3 s against openpyxl's 2.2 s), or
    with openpyxl where calamine cannot read them as openpyxl does (sources.excel_calamine).
    """
    check_workbook_file(path)
    rows: Sequence[Sequence[object]] | None
    try:
        rows = _calamine_rows(path)
    except Exception:  # noqa: BLE001 - calamine's errors are terse: openpyxl says what is wrong
        rows = _openpyxl_rows(path)
    return _marks(path, rows)


def _calamine_rows(path: Path) -> list[list[object]] | None:
    """The Review sheet's rows as openpyxl gives them (None without such a sheet)."""
    book = CalamineSheets(path)
    try:
        return book.rows(REVIEW_SHEET) if REVIEW_SHEET in book.names else None
    finally:
        book.close()


def _openpyxl_rows(path: Path) -> list[tuple[object, ...]] | None:
    """The Review sheet's rows read with openpyxl (None without such a sheet)."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a corrupt or foreign file: say which, never stop the night silently
        raise FileReadError(f"{path.name}: cannot be read as a workbook ({exc})") from exc
    try:
        if REVIEW_SHEET not in wb.sheetnames:
            return None
        ws = wb[REVIEW_SHEET]
        ws.reset_dimensions()
        return list(ws.iter_rows(values_only=True))
    finally:
        wb.close()


def _marks(path: Path, sheet: Sequence[Sequence[object]] | None) -> pd.DataFrame:
    """The marks of the Review sheet's rows (`sheet`, from row 1; None: no such sheet)."""
    if sheet is None:
        return _empty_marks()
    rows = iter(sheet)
    header = [_text(v) for v in next(rows, ())]
    wanted = (LEFT_HEADER, RIGHT_HEADER, DECISION_HEADER)
    if any(h not in header for h in wanted):
        raise FileReadError(f"{path.name}: sheet {REVIEW_SHEET!r} lacks the column(s) "
                            f"{[h for h in wanted if h not in header]}")
    at = {h: header.index(h) for h in (*wanted, NOTE_HEADER) if h in header}
    found = []
    for number, values in enumerate(rows, start=2):  # one sheet of a few thousand rows at most
        cells = list(values) + [None] * (len(header) - len(values))
        mark = _text(cells[at[DECISION_HEADER]]).lower()
        if not mark:
            continue
        left, right = _text(cells[at[LEFT_HEADER]]), _text(cells[at[RIGHT_HEADER]])
        note = _text(cells[at[NOTE_HEADER]]) if NOTE_HEADER in at else ""
        problem = (f"unknown decision {mark!r} (use same, different or skip)" if mark not in MARKS
                   else "record ids missing" if not (left and right) else None)
        found.append((left, right, mark, note, number, problem))
    return pd.DataFrame(found, columns=list(MARK_COLUMNS)) if found else _empty_marks()


def _existing(path: Path) -> pd.DataFrame:
    if not path.is_file():
        return pd.DataFrame({c: pd.Series(dtype=object) for c in OVERRIDE_COLUMNS})
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    df.columns = [c.strip().lower() for c in df.columns]
    for column in OVERRIDE_COLUMNS:
        if column not in df:
            df[column] = ""
    return df


def record_marks(home: Path, marks: pd.DataFrame, workbook: str, day: dt.date) -> pd.DataFrame:
    """Write the usable same / different marks into overrides/match_review.csv; return them as override rows.

    A mark of a pair already in the file replaces its row (either order of the two ids); the file is
    replaced atomically. Returns the rows recorded this time (entity, left, right, decision, note).
    """
    usable = marks[marks["problem"].isna() & marks["mark"].map(MARKS).notna()]
    if usable.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in OVERRIDE_COLUMNS})
    note = (f"{workbook} row " + usable["row"].astype(int).astype(str) + f", {day.isoformat()}"
            + usable["note"].map(lambda n: f": {n}" if n else ""))
    new = pd.DataFrame({"entity": "customer", "left": usable["left"].to_numpy(), "right": usable["right"].to_numpy(),
                        "decision": usable["mark"].map(MARKS).to_numpy(), "note": note.to_numpy()})
    new = new.drop_duplicates(["left", "right"], keep="last")
    path = Path(home) / "overrides" / REVIEW_OVERRIDES_FILE
    old = _existing(path)

    def key(df: pd.DataFrame) -> pd.Series:
        lo = df[["left", "right"]].min(axis=1)
        hi = df[["left", "right"]].max(axis=1)
        return df["entity"].replace("", "customer").str.lower() + "|" + lo + "|" + hi

    kept = old[~key(old).isin(set(key(new)))] if len(old) else old
    out = pd.concat([kept, new], ignore_index=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    out.to_csv(tmp, index=False)
    os.replace(tmp, path)
    return new.reset_index(drop=True)
