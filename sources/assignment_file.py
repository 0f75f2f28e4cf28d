"""`overrides/assignments.csv`: effective-dated reassignments of a customer or one contract to a new
reseller and/or bill-to, read row by row so one bad row is quarantined and never stops the run.

Columns (headers matched loosely: case, spaces, hyphens): `customer` (id or name) or `contract`
(number), `new_reseller` and/or `new_bill_to` (partner id or name; `direct` for none), `effective_date`,
`note`. Resolving names to ids is the warehouse's job (warehouse.reassign); this module only reads.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

from sources.dates import parse_dates
from sources.table import FileReadError
from sources.text_bytes import detect_encoding

#: the file, under HOME/overrides/ (not a match-decision pair file: override_files skips it)
ASSIGNMENTS_FILE = "assignments.csv"
#: header spellings -> column
_SYNONYMS: dict[str, str] = {
    "customer": "customer", "customer_id": "customer", "customer_name": "customer", "end_customer": "customer",
    "account": "customer",
    "contract": "contract", "contract_number": "contract", "contract_no": "contract", "contract_id": "contract",
    "new_reseller": "new_reseller", "reseller": "new_reseller", "to_reseller": "new_reseller",
    "new_bill_to": "new_bill_to", "bill_to": "new_bill_to", "new_billto": "new_bill_to", "to_bill_to": "new_bill_to",
    "effective_date": "effective_date", "effective": "effective_date", "effective_from": "effective_date",
    "valid_from": "effective_date", "date": "effective_date",
    "note": "note", "notes": "note", "comment": "note", "reason": "note",
}
TEXT_COLUMNS: tuple[str, ...] = ("customer", "contract", "new_reseller", "new_bill_to", "note")
COLUMNS: tuple[str, ...] = ("source_file", "source_row", *TEXT_COLUMNS, "effective_date", "field", "problem",
                            "raw", "sha256")


def _header_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(text).strip().lower()).strip("_")


def empty_assignments() -> pd.DataFrame:
    """The frame `read_assignments` returns for a home without the file."""
    frame = pd.DataFrame({c: pd.Series(dtype="string") for c in COLUMNS})
    frame["source_row"] = pd.Series(dtype="int64")
    frame["effective_date"] = pd.Series(dtype="datetime64[ns]")
    return frame


def _whole_file_problem(rel: str, sha: str, field: str, problem: str) -> pd.DataFrame:
    out = empty_assignments()
    row: dict[str, object] = dict.fromkeys(COLUMNS)
    row.update(source_file=rel, source_row=1, field=field, problem=problem, raw="{}", sha256=sha)
    return pd.concat([out, pd.DataFrame([row]).astype(out.dtypes.to_dict())], ignore_index=True)


def read_assignments(home: Path) -> pd.DataFrame:
    """Every row of HOME/overrides/assignments.csv (empty frame when absent), one row per file row.

    `problem` (with the `field` it concerns) is set for a row that cannot be used - it goes to
    quarantine; `source_row` is the line a person sees (the header is line 1); `raw` is the row as
    JSON. Rows with a problem keep whatever could be read.
    """
    path = Path(home) / "overrides" / ASSIGNMENTS_FILE
    if not path.is_file():
        return empty_assignments()
    rel = path.relative_to(home).as_posix()
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    try:
        # decoded as inbox files are: Excel on Windows saves a CSV in the machine's code page ("Müller" as one byte)
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=detect_encoding(data),
                         skip_blank_lines=False)
    except (UnicodeDecodeError, FileReadError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        return _whole_file_problem(rel, sha, "file", f"{rel}: cannot be read as CSV ({type(exc).__name__})")
    raw = [json.dumps(dict(zip(df.columns, values, strict=True)), ensure_ascii=False)
           for values in df.itertuples(index=False, name=None)]
    renamed: dict[str, str] = {}
    for col in df.columns:
        target = _SYNONYMS.get(_header_key(col))
        if target and target not in renamed.values():
            renamed[col] = target
    df = df[list(renamed)].rename(columns=renamed)
    for col in TEXT_COLUMNS:
        df[col] = df[col].str.strip() if col in df else ""
    blank = (df[list(TEXT_COLUMNS)] == "").all(axis=1)
    if "effective_date" in df:
        blank &= df["effective_date"].str.strip() == ""
    out = pd.DataFrame({
        "source_file": rel, "source_row": np.arange(2, len(df) + 2, dtype="int64"),
        **{c: df[c].where(df[c] != "", None) for c in TEXT_COLUMNS},
    })
    out["raw"] = raw
    out["sha256"] = sha
    field = pd.Series(None, index=out.index, dtype="string")
    problem = pd.Series(None, index=out.index, dtype="string")

    def flag(mask: pd.Series, name: str, text: str) -> None:
        new = mask & problem.isna()
        field[new] = name
        problem[new] = text

    if "effective_date" not in df:
        out["effective_date"] = pd.NaT
        flag(pd.Series(True, index=out.index), "effective_date", "the file has no effective_date column")
    else:
        written = df["effective_date"].str.strip()
        parsed = parse_dates(written.where(written != "", None), "effective_date")
        out["effective_date"] = pd.to_datetime(parsed.values)
    has_customer, has_contract = out["customer"].notna(), out["contract"].notna()
    flag(~has_customer & ~has_contract, "customer", "names neither a customer (id or name) nor a contract (number)")
    flag(has_customer & has_contract, "contract",
         "names both a customer and a contract: one row moves either a customer or one contract")
    flag(out["new_reseller"].isna() & out["new_bill_to"].isna(), "new_reseller",
         "names neither a new_reseller nor a new_bill_to")
    if "effective_date" in df:
        flag(written == "", "effective_date", "effective_date is empty")
        flag(out["effective_date"].isna(), "effective_date",
             "effective_date " + written.map(repr) + " is not a date")
    where = rel + ", row " + out["source_row"].astype(str) + ", field '" + field + "': "
    out["field"] = field.astype(object).where(field.notna(), None)
    out["problem"] = (where + problem).astype(object).where(problem.notna(), None)
    return out.loc[~blank.to_numpy(), list(COLUMNS)].reset_index(drop=True)
