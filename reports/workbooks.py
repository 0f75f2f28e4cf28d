"""Opportunity workbooks (XlsxWriter, reports.xlsx_book): a summary sheet with a chart, then the lists to work.

Sheets: Summary (the headline - renewals and win-backs -, then coverage gaps, co-terms and the
installed base with their own totals, what changed since the last run, renewals due by month with
a native bar chart, breakdowns, how values are computed), Renewals (renewals and win-backs in
working order: action date, priority), Coverage gaps, Co-term proposals, Installed base, Changes,
Missed renewals. Every list has a styled, frozen header with an autofilter, real dates and
currency formats, widths that fit, a blank Status (with a pick list) and Next step for the rep,
and prints landscape, one page wide, with the header repeated on every page. Text from sources
is always a string cell (reports.safe_text); the only formulas are the SUBTOTALs under each list.
A reseller's workbook leaves out the vendor's internal fields (reports.list_columns.INTERNAL_FIELDS).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from reports.frames import ReportData
from reports.list_columns import (
    CHANGE_COLUMNS,
    COTERM_COLUMNS,
    GAP_COLUMNS,
    INSTALLED_BASE_COLUMNS,
    INTERNAL_FIELDS,
    MISSED_COLUMNS,
    RENEWAL_COLUMNS,
)
from reports.scorecard_sheet import write_scorecard_sheet
from reports.sheets import Column, page_setup, write_list
from reports.summary import KIND_LABELS, summarise
from reports.summary_sheet import write_summary_sheet
from reports.valuation import ValuationSettings
from reports.xlsx_book import Book, Sheet, column_letter

#: what a rep may put in the Status column
STATUSES: tuple[str, ...] = ("Open", "Contacted", "Quoted", "Won", "Lost", "Not renewing")
_PROBABILITY_CLAUSE = re.compile(r";\s*[0-9.]+% win probability[^.;]*\.")
PRIORITY_FILLS = {1: "F8CBAD", 2: "FFE699"}


def contact_text(df: pd.DataFrame) -> pd.Series:
    """Who to call, one cell: name, phone (the company's main line, marked, when the person has
    none), e-mail - one per line. (A comprehension over the rows of one sheet, not a hot path.)"""
    name = df["contact_name"] if "contact_name" in df else pd.Series(None, index=df.index, dtype=object)
    phone = df["contact_phone"] if "contact_phone" in df else pd.Series(None, index=df.index, dtype=object)
    main = df["customer_phone"] if "customer_phone" in df else pd.Series(None, index=df.index, dtype=object)
    email = df["contact_email"] if "contact_email" in df else pd.Series(None, index=df.index, dtype=object)
    country = df["customer_country"] if "customer_country" in df else pd.Series(None, index=df.index, dtype=object)
    phone = pd.Series([phone_text(p, c) for p, c in zip(phone, country, strict=True)], index=df.index, dtype=object)
    main = pd.Series([phone_text(p, c) for p, c in zip(main, country, strict=True)], index=df.index, dtype=object)
    phone = phone.where(phone.notna(), main.where(main.isna(), main.astype(object) + " (main)"))
    return pd.Series([_lines(*values) for values in zip(name.astype(object), phone, email.astype(object), strict=True)],
                     index=df.index, dtype=object)


def _lines(*values: object) -> str | None:
    """The present values, one a line (None when none is)."""
    return "\n".join(str(v) for v in values if v is not None and not pd.isna(v)) or None


def first_serials(group: np.ndarray, serials: pd.Series, groups: int, shown: int = 3) -> list[str]:
    """Per group (`group`: each row's number, 0..groups-1), its first serials in sorted order and
    how many more ("A, B, C (+4 more)"); one sort for every group, not a Python call per group."""
    present = serials.notna().to_numpy()
    text = np.asarray([str(s) for s in serials[present].astype(object)], dtype=object)
    member = group[present]
    order = np.lexsort((text, member))  # by group, then serial (stable: equal serials keep their order)
    text, member = text[order], member[order]
    count = np.bincount(member, minlength=groups)
    start = np.cumsum(count) - count
    return [", ".join(text[s:s + min(n, shown)]) + (f" (+{n - shown} more)" if n > shown else "")
            for s, n in zip(start.tolist(), count.tolist(), strict=True)]


#: countries dialled with the North American numbering plan (a ten-digit number reads (555) 123-4567)
NANP_COUNTRIES = frozenset({"US", "USA", "UNITED STATES", "CA", "CANADA"})


def phone_text(value: object, country: object = None) -> str | None:
    """A phone as people read it. Stored digits only (the golden record's form): in a North American
    country ten digits (or eleven from 1) read (555) 123-4567, elsewhere they get their "+"; a number
    of unknown country, or written with spaces or a "+", is left as it is."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    if not text.isdigit():
        return text or None
    where = str(country).strip().upper() if isinstance(country, str) else ""
    if where in NANP_COUNTRIES and (len(text) == 10 or (len(text) == 11 and text.startswith("1"))):
        d = text[-10:]
        return f"({d[:3]}) {d[3:6]}-{d[6:]}"
    return f"+{text}" if where and where not in NANP_COUNTRIES and len(text) >= 9 else text


#: the installed base's columns that show their group's first value (its first row's that has one)
_FIRST_OF_GROUP = ("customer_name", "reseller_name", "rep", "contact_name", "contact_phone", "currency")


def _installed_base_rows(base: pd.DataFrame) -> pd.DataFrame:
    """The installed base per customer, reseller and SKU: one line to work, the serials listed.
    (One grouping call per aggregate, not a named aggregation: a part's few rows cost 7 ms that way.)"""
    if base.empty:
        return pd.DataFrame(columns=[c.field for c in INSTALLED_BASE_COLUMNS])
    keys = ["customer_id", "reseller_id", "sku"]
    grouped = base.assign(**{k: base[k].fillna("") for k in keys}).groupby(keys, sort=False, dropna=False)
    group = grouped.ngroup().to_numpy()
    first = grouped[list(_FIRST_OF_GROUP)].first()
    out = pd.DataFrame({
        **{c: first[c] for c in _FIRST_OF_GROUP[:-1]},
        "assets": grouped["asset_id"].count(),
        "ship_date": grouped["ship_date"].min(), "covered_until": grouped["uncovered_since"].max(),
        "years_uncovered": grouped["years_uncovered"].min(), "value_if_covered": grouped["value_if_covered"].sum(),
        "currency": first["currency"],
    }).reset_index()
    out.insert(out.columns.get_loc("assets") + 1, "serials", first_serials(group, base["serial_number"], len(out)))
    out["years_uncovered"] = pd.to_numeric(out["years_uncovered"], errors="coerce").astype(float).round(0)
    out["contact"] = contact_text(out)
    return out.sort_values(["value_if_covered", "customer_name"], ascending=[False, True]).reset_index(drop=True)


def _frames(data: ReportData, internal: bool) -> dict[str, pd.DataFrame]:
    opps = data.opportunities.assign(kind_label=data.opportunities["kind"].map(KIND_LABELS),
                                     contact=contact_text(data.opportunities))
    if not internal:  # the basis sentence names the win probability: a partner does not see it
        opps["basis"] = opps["basis"].astype(object).map(
            lambda t: _PROBABILITY_CLAUSE.sub(".", t) if isinstance(t, str) else t)
    coterms = opps[opps["kind"] == "coterm"]
    coterms = coterms.assign(contract_number=coterms["contract_number"].str.replace(", ", "\n"))  # one a line
    changes = data.changes.assign(kind_label=data.changes["kind"].map(KIND_LABELS))
    missed = data.missed.assign(winback=data.missed["lapsed_opportunity_id"].notna().map({True: "yes", False: "no"}))
    return {
        "renewals": opps[opps["kind"].isin(["renewal", "lapsed"])], "gaps": opps[opps["kind"] == "coverage_gap"],
        "coterms": coterms, "base": _installed_base_rows(data.installed_base), "changes": changes, "missed": missed,
    }


def _shown(columns: Sequence[Column], drop: set[str]) -> list[Column]:
    return [c for c in columns if c.field not in drop]


def _work_columns(sheet: Sheet, columns: Sequence[Column], rows: int) -> None:
    """A pick list on Status (other text allowed, no message) and a colour on priorities 1 and 2,
    over the list's rows."""
    fields = [c.field for c in columns]
    last = max(rows + 1, 2)
    if "status" in fields:
        letter = column_letter(fields.index("status") + 1)
        sheet.ws.data_validation(f"{letter}2:{letter}{last}", {
            "validate": "list", "source": list(STATUSES), "ignore_blank": True,
            "show_input": False, "show_error": False})
    if "priority" in fields and rows:
        letter = column_letter(fields.index("priority") + 1)
        for value, colour in PRIORITY_FILLS.items():
            sheet.ws.conditional_format(f"{letter}2:{letter}{last}", {
                "type": "cell", "criteria": "==", "value": value,
                "format": sheet.fmt({"pattern": 1, "bg_color": f"#{colour}", "bold": value == 1})})


def write_workbook(path: Path, data: ReportData, settings: ValuationSettings, scope: str,
                   breakdowns: Sequence[str] = ("rep", "reseller"), drop_field: str | None = None,
                   summary: pd.DataFrame | None = None, internal: bool = True,
                   scorecard: pd.Series | None = None) -> Path:
    """One workbook for `data` (the whole book or one rep's / reseller's part); returns `path`.

    `summary` is the part's stored renewal_summary rows; without it they are computed from `data`.
    `internal` False (a reseller's workbook): no win probabilities, weighted values or vendor reps.
    `scorecard`: a reseller's reseller_scorecards row, shown on a Scorecard sheet after the summary.
    """
    frames = _frames(data, internal)
    drop = {drop_field} if drop_field else set()
    if not internal:
        drop |= INTERNAL_FIELDS
        breakdowns = [b for b in breakdowns if b != "rep"]
    totals = summarise(data, settings) if summary is None else summary
    with Book(path, f"Renewal opportunities: {scope}") as book:
        write_summary_sheet(book.sheet("Summary"), data, totals, settings, scope, breakdowns, internal=internal)
        if scorecard is not None:
            write_scorecard_sheet(book.sheet("Scorecard"), scorecard, data.currency, data.as_of)
        sheets = [
            ("Renewals", frames["renewals"], RENEWAL_COLUMNS, "No renewals or win-backs.", "F2"),
            ("Coverage gaps", frames["gaps"], GAP_COLUMNS, "No coverage gaps.", "E2"),
            ("Co-term proposals", frames["coterms"], COTERM_COLUMNS, "No co-term proposals.", "D2"),
            ("Installed base", frames["base"], INSTALLED_BASE_COLUMNS,
             f"No assets uncovered for over {settings.gap_max_age_years} years.", "B2"),
            ("Changes", frames["changes"], CHANGE_COLUMNS,
             "Nothing changed since the last run (or this is the first run).", "D2"),
            ("Missed renewals", frames["missed"], MISSED_COLUMNS, "No missed renewals.", "D2"),
        ]
        for title, frame, all_columns, empty, freeze in sheets:
            columns = _shown(all_columns, drop)
            sheet = book.sheet(title)
            write_list(sheet, frame, columns, data.currency, empty, freeze)
            _work_columns(sheet, columns, len(frame))
            page_setup(sheet, f"{title}: {scope} (as of {data.as_of:%Y-%m-%d})")
    return path
