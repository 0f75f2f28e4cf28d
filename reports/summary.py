"""Totals of the opportunity book: the renewal_summary table and the run summary in Markdown.

One function (`summarise`) computes every total, over whatever part of the book it is given; the
renewal_summary table stores them for every part of the book that gets a workbook (`scope`), and
out/run_summary.md and each workbook's summary sheet are written from that stored table.
The headline is renewals and win-backs; coverage gaps, co-term proposals (alternatives to the
renewals they fold) and the installed base are sections of their own with their own totals, never
added to the headline. Only amounts in the reporting currency are added up; opportunities in
another currency (no rate under valuation.fx_rates) are named in a warning (`currency_warning`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from reports.books import ALL, Book
from reports.frames import ReportData
from reports.safe_text import clean_str, clean_text
from reports.steps import RENEWAL_SUMMARY, REPORTS_SQL
from reports.valuation import LAPSED, ValuationSettings

KIND_LABELS: dict[str, str] = {
    "renewal": "Renewal", "lapsed": "Win-back (lapsed)", "coverage_gap": "Coverage gap", "coterm": "Co-term proposal",
}
SECTIONS: tuple[str, ...] = (
    "total", "gaps", "coterms", "installed_base", "kind", "window", "month", "rep", "reseller", "missed", "changes",
)
#: the headline: what a rep should call about first
HEADLINE_KINDS: tuple[str, ...] = ("renewal", "lapsed")
HEADLINE = "renewals and win-backs"
CHANGE_LABELS: tuple[str, ...] = ("added", "dropped", "kind changed", "value changed")
UNASSIGNED = "unassigned"
DIRECT = "direct (no reseller)"
_MONEY = ["value", "weighted_value", "vendor_share", "partner_share"]
_COLUMNS = ["section", "label", "sort_order", "opportunities", *_MONEY]


def forecast_months(as_of: dt.date, months: int) -> list[dt.date]:
    """The first day of each month of the forecast horizon, starting with the as-of month."""
    first = as_of.replace(day=1)
    out = []
    for i in range(months):
        y, m = divmod(first.month - 1 + i, 12)
        out.append(dt.date(first.year + y, m + 1, 1))
    return out


class _Columns:
    """A frame's columns as NumPy arrays: text as objects (None where missing), money as float64. The
    summary filters them with masks instead of building a DataFrame per filter: the book's 540 parts
    at a million rows took 13 s that way, nearly all of it pandas' own overhead per call."""

    def __init__(self, df: pd.DataFrame, text: tuple[str, ...], money: tuple[str, ...]) -> None:
        self.rows = len(df)
        self.text = {c: df[c].astype(object).where(df[c].notna(), None).to_numpy(dtype=object)
                     for c in text if c in df.columns}
        self.money = {c: pd.to_numeric(df[c], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
                      for c in money if c in df.columns}

    def equals(self, column: str, value: object) -> np.ndarray:
        return np.fromiter((v == value for v in self.text[column]), dtype=bool, count=self.rows)

    def isin(self, column: str, values: tuple[str, ...]) -> np.ndarray:
        return np.fromiter((v in values for v in self.text[column]), dtype=bool, count=self.rows)


def _sum(values: np.ndarray) -> float:
    """Series.sum's float: NaN skipped, NumPy's pairwise sum over the rows in order, to the cent."""
    return round(float(np.where(np.isnan(values), 0.0, values).sum()), 2)


def _totals(cols: _Columns, mask: np.ndarray, section: str, label: str, sort_order: int) -> dict:
    """Count and money of the rows of `mask` (or of these row positions, in order); a money column
    `cols` does not hold (the forecast has no shares) is None."""
    rows = np.flatnonzero(mask) if mask.dtype == bool else mask
    return {"section": section, "label": label, "sort_order": sort_order, "opportunities": len(rows),
            **{c: _sum(cols.money[c][rows]) if c in cols.money else None for c in _MONEY}}


def _grouped(cols: _Columns, mask: np.ndarray, section: str, key: str, missing: str) -> list[dict]:
    """Totals per value of `key` among the rows of `mask` (missing values as `missing`), the largest
    weighted value first."""
    rows_at = np.flatnonzero(mask)
    if not len(rows_at):
        return []
    labels = np.array([missing if v is None else v for v in cols.text[key][rows_at]], dtype=object)
    order = np.argsort(labels, kind="stable")  # each label's rows together, in their own order
    labels, rows_at = labels[order], rows_at[order]
    starts = np.flatnonzero(np.r_[True, labels[1:] != labels[:-1]])
    # each label's positions, ascending as a mask would pick them: no mask of every row per label
    out = [_totals(cols, rows_at[start:stop], section, str(labels[start]), 0)
           for start, stop in zip(starts, [*starts[1:], len(labels)], strict=True)]
    out.sort(key=lambda r: (-r["weighted_value"], r["label"]))
    for i, r in enumerate(out, start=1):
        r["sort_order"] = i
    return out


def summarise(data: ReportData, settings: ValuationSettings) -> pd.DataFrame:
    """Long table: section, label, sort_order, opportunities, value, weighted_value, vendor/partner share.

    The headline (`total`) is renewals and win-backs; coverage gaps, co-term proposals and the
    installed base have a section each; windows, reps and resellers break the headline down.
    """
    opps = _Columns(data.opportunities, ("currency", "kind", "window", "rep", "reseller_name"), tuple(_MONEY))
    ours = opps.equals("currency", data.currency)
    headline = ours & opps.isin("kind", HEADLINE_KINDS)
    rows = [_totals(opps, headline, "total", HEADLINE, 0),
            _totals(opps, ours & opps.equals("kind", "coverage_gap"), "gaps", "coverage gaps", 0),
            _totals(opps, ours & opps.equals("kind", "coterm"), "coterms",
                    "co-term proposals (alternatives, not added)", 0)]
    base = _Columns(data.installed_base, ("currency",), ("value_if_covered",))
    in_base = base.equals("currency", data.currency)
    rows.append({"section": "installed_base", "label": f"assets uncovered for over {settings.gap_max_age_years} years",
                 "sort_order": 0, "opportunities": int(in_base.sum()),
                 "value": _sum(base.money["value_if_covered"][in_base]),
                 "weighted_value": None, "vendor_share": None, "partner_share": None})
    for i, kind in enumerate(KIND_LABELS, start=1):
        rows.append(_totals(opps, ours & opps.equals("kind", kind), "kind", kind, i))
    for i, (_, hi, label) in enumerate(settings.window_bounds()):
        part = headline & opps.equals("window", label)
        if part.any() or hi <= settings.renewal_days:
            rows.append(_totals(opps, part, "window", label, i))
    rows.append(_totals(opps, headline & opps.equals("window", LAPSED), "window", LAPSED, 1000))
    forecast = _Columns(data.forecast, ("currency", "month"), ("value", "weighted_value"))
    in_forecast = forecast.equals("currency", data.currency)
    for i, month in enumerate(forecast_months(data.as_of, settings.forecast_months), start=1):
        rows.append(_totals(forecast, in_forecast & forecast.equals("month", month), "month",
                            month.strftime("%Y-%m"), i))
    rows += _grouped(opps, headline, "rep", "rep", UNASSIGNED)
    rows += _grouped(opps, headline, "reseller", "reseller_name", DIRECT)
    missed = _Columns(data.missed, ("currency",), ("value",))
    in_missed = missed.equals("currency", data.currency)
    rows.append({"section": "missed", "label": f"expired in the last {settings.missed_days} days, never renewed",
                 "sort_order": 0, "opportunities": int(in_missed.sum()),
                 "value": _sum(missed.money["value"][in_missed]),
                 "weighted_value": None, "vendor_share": None, "partner_share": None})
    changes = _Columns(data.changes, ("change", "currency"), ("value", "previous_value"))
    in_changes = changes.equals("currency", data.currency)
    for i, label in enumerate(CHANGE_LABELS, start=1):
        part = changes.equals("change", label)
        column = "previous_value" if label == "dropped" else "value"
        rows.append({"section": "changes", "label": label, "sort_order": i, "opportunities": int(part.sum()),
                     "value": _sum(changes.money[column][part & in_changes]),
                     "weighted_value": None, "vendor_share": None, "partner_share": None})
    out = pd.DataFrame(rows, columns=_COLUMNS)
    out.insert(0, "as_of_date", data.as_of)
    out["currency"] = data.currency
    return out


def other_currencies(data: ReportData) -> pd.DataFrame:
    """Opportunities valued in another currency than the reporting one (no fx rate to convert
    them): currency, opportunities, value. Every total leaves them out."""
    opps = data.opportunities
    other = opps[(opps["currency"] != data.currency).fillna(True).astype(bool)]
    if other.empty:
        return pd.DataFrame(columns=["currency", "opportunities", "value"])
    out = other.assign(currency=other["currency"].fillna("unknown"),
                       value=pd.to_numeric(other["value"], errors="coerce").astype("float64"))
    return (out.groupby("currency").agg(opportunities=("kind", "size"), value=("value", "sum"))
            .reset_index().sort_values("currency").reset_index(drop=True))


def currency_warning(data: ReportData) -> str | None:
    """One sentence when opportunities are left out of the totals for their currency, else None."""
    other = other_currencies(data)
    if other.empty:
        return None
    n = int(other["opportunities"].sum())
    parts = ", ".join(f"{int(r.opportunities):,} in {r.currency} ({float(r.value):,.0f} {r.currency})"
                      for r in other.itertuples())
    return (f"Warning: {n:,} opportunit{'y is' if n == 1 else 'ies are'} in another currency than {data.currency} "
            f"with no rate under valuation.fx_rates and left out of every total: {parts}. Add the rates to "
            f"sources.yaml (valuation: fx_rates: {{{other['currency'].iloc[0]}: rate to {data.currency}}}) "
            "to count them.")


def section(summary: pd.DataFrame, name: str) -> pd.DataFrame:
    """One section's rows in display order."""
    return summary[summary["section"] == name].sort_values(["sort_order", "label"]).reset_index(drop=True)


class Sections:
    """`section(summary, name)` for every name of one summary, sorted once and split once (the sort is
    stable, so each section's rows come in the order `section` gives): a workbook's summary sheet
    reads a dozen sections, and a night writes hundreds of workbooks."""

    def __init__(self, summary: pd.DataFrame) -> None:
        self._ordered = summary.sort_values(["sort_order", "label"])
        self._rows = self._ordered.groupby("section", sort=False).indices

    def __call__(self, name: str) -> pd.DataFrame:
        return self._ordered.iloc[self._rows.get(name, [])].reset_index(drop=True)


#: the columns `summarise` and `reports.books` read from each frame: splitting the book into 39
#: parts copies every column of every part, so the summary works on these alone
#: (with what tells the vendor's direct list: who owns each renewal, and the opportunity it is)
_PART = ("rep", "reseller_id", "renewal_owner", "opportunity_id")
SUMMARY_COLUMNS: dict[str, tuple[str, ...]] = {
    "opportunities": ("kind", "window", "currency", *_PART, "reseller_name", *_MONEY),
    "forecast": ("month", "currency", *_PART, "reseller_name", "value", "weighted_value"),
    "missed": ("currency", *_PART, "reseller_name", "value"),
    "installed_base": ("currency", *_PART, "value_if_covered"),
    "changes": ("change", "currency", *_PART, "value", "previous_value"),
}


def summary_data(data: ReportData) -> ReportData:
    """`data` with only the columns the summary reads (same rows, same order); text as plain
    objects, which 39 parts' worth of small filters compare and copy several times faster than
    pandas 3's Arrow-backed strings."""
    def narrow(name: str) -> pd.DataFrame:
        df: pd.DataFrame = getattr(data, name)
        df = df[[c for c in SUMMARY_COLUMNS[name] if c in df.columns]]
        text = [c for c in df.columns if pd.api.types.is_string_dtype(df[c].dtype)]
        return df.astype(dict.fromkeys(text, object)) if text else df
    return replace(data, **{name: narrow(name) for name in SUMMARY_COLUMNS})


def summarise_books(books: list[Book], settings: ValuationSettings) -> pd.DataFrame:
    """`summarise` of every part of the book, stacked, with the part's `scope` first."""
    frames = [summarise(book.data, settings).assign(scope=book.scope) for book in books]
    out = pd.concat(frames, ignore_index=True)
    return out[["scope", *[c for c in out.columns if c != "scope"]]]


def write_summary_table(con: duckdb.DuckDBPyConnection, summary: pd.DataFrame) -> None:
    """CREATE OR REPLACE TABLE renewal_summary from `summarise_books`'s frame (money as DECIMAL(18,2))."""
    REPORTS_SQL.run(con, RENEWAL_SUMMARY, frames={"summary_frame": summary})


def read_summary(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The stored renewal_summary, every scope, money as floats."""
    out = con.execute("SELECT * FROM renewal_summary").df()
    for col in _MONEY:
        out[col] = out[col].astype("float64")
    return out


def for_scope(summary: pd.DataFrame, scope: str = ALL) -> pd.DataFrame:
    """The rows of one part of the book."""
    return summary[summary["scope"] == scope].reset_index(drop=True)


def for_scopes(summary: pd.DataFrame, scopes: Sequence[str]) -> list[pd.DataFrame]:
    """`for_scope` of each of `scopes`, the summary grouped once rather than filtered per scope."""
    rows = summary.groupby("scope", sort=False).indices
    none = np.array([], dtype=np.intp)
    return [summary.take(rows.get(scope, none)).reset_index(drop=True) for scope in scopes]


# ---- Markdown -------------------------------------------------------------------------------

def _md(text: object) -> str:
    """A table cell: control characters removed, pipes escaped, line breaks flattened, Markdown/HTML
    leaders defused."""
    s = clean_text(text) or ""
    s = s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
    s = s.replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("[", "\\[")


def _money(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return f"{float(value):,.0f}"


def _table(headers: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    rule = ["---:" if i in right else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines


def _section_table(summary: pd.DataFrame, name: str, first: str, labels: dict[str, str] | None = None,
                   count_label: str = "opportunities") -> list[str]:
    rows = [[_md((labels or {}).get(r.label, r.label)), f"{r.opportunities:,}", _money(r.value),
             _money(r.weighted_value)] for r in section(summary, name).itertuples()]
    return _table([first, count_label, "value", "weighted value"], rows, {1, 2, 3})


#: the changes section of a run with nothing to compare (the first run) or nothing changed
NOTHING_CHANGED = "Nothing changed since the last run (or this is the first run)."


def _changes_table(summary: pd.DataFrame, data: ReportData) -> list[str]:
    changes = section(summary, "changes")
    if data.changes.empty and int(changes["opportunities"].sum()) == 0:
        return [NOTHING_CHANGED]
    since = data.changes["previous_as_of"].dropna()
    head = [f"Compared with the run as of {since.iloc[0]:%Y-%m-%d}.", ""] if len(since) else []
    rows = [[_md(r.label), f"{r.opportunities:,}", _money(r.value)] for r in changes.itertuples()]
    return [*head, *_table(["change", "opportunities", "value"], rows, {1, 2})]


def render_markdown(data: ReportData, summary: pd.DataFrame, settings: ValuationSettings, top_missed: int = 25) -> str:
    """out/run_summary.md: value by window, by month, by rep, by reseller, and the missed renewals."""
    cur = data.currency
    total = section(summary, "total").iloc[0]
    kinds = section(summary, "kind").set_index("label")
    gaps, coterms = section(summary, "gaps").iloc[0], section(summary, "coterms").iloc[0]
    base = section(summary, "installed_base").iloc[0]
    renewals, winbacks = kinds.loc["renewal"], kinds.loc["lapsed"]
    out = [
        f"# Renewal opportunities as of {data.as_of:%Y-%m-%d}",
        "",
        (f"Amounts in {cur}. **Renewals and win-backs: {int(total.opportunities):,} worth {_money(total.value)}** "
         f"({_money(total.weighted_value)} weighted by win probability): {int(renewals.opportunities):,} renewals "
         f"({_money(renewals.value)}) of contracts ending in the next {settings.renewal_days} days, valued at their "
         f"annual amount plus {settings.uplift:.0%} uplift, and {int(winbacks.opportunities):,} win-backs "
         f"({_money(winbacks.value)}) of contracts that ended in the last {settings.lapsed_days} days unrenewed."),
        "",
        *([f"**{_md(warning)}**", ""] if (warning := currency_warning(data)) else []),
        "## Renewals and win-backs by window (days to expiry)", "",
        *_section_table(summary, "window", "window"),
        "", "## Renewals and win-backs by rep", "",
        *_section_table(summary, "rep", "rep"),
        "", "## Renewals and win-backs by reseller", "",
        *_section_table(summary, "reseller", "reseller"),
        "", f"## Renewals due by month (next {settings.forecast_months} months, every unrenewed contract)", "",
        *_section_table(summary, "month", "month", count_label="contracts"),
        "", "## Coverage gaps (separate from the headline)", "",
        (f"{int(gaps.opportunities):,} gaps worth {_money(gaps.value)} a year ({_money(gaps.weighted_value)} "
         f"weighted): assets past warranty without a contract for over {settings.gap_days} days and for at most "
         f"{settings.gap_max_age_years} years, valued at list price × attach rate."),
        "", "## Co-term proposals (alternatives, not added)", "",
        (f"{int(coterms.opportunities):,} proposals worth {_money(coterms.value)} fold a customer's contracts of "
         f"the next {settings.coterm_months} months onto one date; each replaces the separate renewals it folds."),
        "", "## Installed base", "",
        (f"{int(base.opportunities):,} assets uncovered for over {settings.gap_max_age_years} years "
         f"({_money(base.value)} a year if all were covered again): listed on the Installed base sheet and in "
         "the installed_base table, not in the opportunities."),
        "", "## By kind", "",
        *_section_table(summary, "kind", "kind", KIND_LABELS),
        "", "## Since the last run", "",
        *_changes_table(summary, data),
    ]
    missed = data.missed[data.missed["currency"] == cur].sort_values(["value", "end_date"], ascending=[False, False])
    out += ["", f"## Missed renewals (last {settings.missed_days} days)", "",
            (f"{len(missed):,} contracts expired without a renewal, worth {_money(missed['value'].sum())} a year. "
             f"Those that ended in the last {settings.lapsed_days} days are listed as win-backs.")]
    if len(missed):
        shown = missed.head(top_missed)
        rows = [[f"{r.end_date:%Y-%m-%d}", _md(r.contract_number), _md(r.customer_name), _md(r.reseller_name),
                 _md(r.rep), _money(r.value), "yes" if isinstance(r.lapsed_opportunity_id, str) else "no"]
                for r in shown.itertuples()]
        out += ["", *_table(["ended", "contract", "customer", "reseller", "rep", "value", "win-back listed"],
                            rows, {5})]
        if len(missed) > len(shown):
            out += ["", (f"… and {len(missed) - len(shown):,} more (all in the Missed renewals sheet of "
                         "out/renewal_opportunities.xlsx and the missed_renewals table).")]
    out += inputs_section(data.inputs)
    out += _absent_section(data.absent_files)
    return clean_str("\n".join(out) + "\n")


INPUTS_HEADING = "## Inputs"
#: how the Inputs section names each status of ingested_files, in its order
_STATUS_WORDS: dict[str, str] = {
    "loaded": "loaded", "duplicate": "duplicate of another", "empty": "empty", "error": "could not be read",
    "needs_mapping": "waiting for a `columns:` mapping", "missing": "no longer in the inbox (rows kept)",
    "retracted": "retracted",
}
#: what an empty file's line says (here and on the terminal): a delivery with no data rows is someone's to chase
EMPTY_DELIVERY = "no data rows: an empty delivery; ask the sender to send it again"
#: what a person should do about a file of each status the section lists
_TO_DO: dict[str, str] = {
    "empty": EMPTY_DELIVERY,
    "error": "could not be read",
    "needs_mapping": "a required field has no column: `radar validate` shows the block to add to sources.yaml",
}


def inputs_section(inputs: pd.DataFrame) -> list[str]:
    """What the warehouse was built from: the inbox files by status with their rows, and each file to look at
    (a reader of the file in the morning could not tell whether last night's inputs were complete)."""
    if inputs.empty:
        return []
    counts = inputs[inputs["path"].isna()].set_index("status")
    if counts.empty:
        return []
    parts = []
    for status, words in _STATUS_WORDS.items():
        if status in counts.index:
            n = int(counts.loc[status, "files"])
            loaded = int(counts.loc[status, "rows_loaded"])
            rows = (f" ({loaded:,} row{'' if loaded == 1 else 's'}, "
                    f"{int(counts.loc[status, 'rows_quarantined']):,} quarantined)" if status == "loaded" else "")
            parts.append(f"{n:,} {words}{rows}")
    files = int(counts["files"].sum())
    out = ["", INPUTS_HEADING, "", f"{files:,} inbox file{'' if files == 1 else 's'}: " + ", ".join(parts) + "."]
    look = inputs[inputs["path"].notna()]
    if len(look):
        out += ["", "To look at:", ""]
        for r in look.itertuples():
            error = _md(r.error).removeprefix(_md(r.path)).lstrip(": ") if isinstance(r.error, str) else ""
            why = _TO_DO.get(r.status, r.status) + (f": {error}" if error and r.status == "error" else "")
            out.append(f"- {_md(r.path)}: {why}")
    return out


ABSENT_HEADING = "## Inbox files no longer read"


def absent_lines(files: pd.DataFrame) -> list[str]:
    """One line per missing file (its rows kept) and per retracted one (its rows out), with rows."""
    lines = []
    for r in files.itertuples():
        n = int(r.rows_loaded)
        rows = f"{n:,} row{'' if n == 1 else 's'}" + (f" and {int(r.rows_quarantined):,} quarantined"
                                                      if r.rows_quarantined else "")
        if r.status == "missing":
            since = f" since {pd.Timestamp(r.missing_since):%Y-%m-%d}" if pd.notna(r.missing_since) else ""
            lines.append(f"{r.path} ({r.source}): missing{since} ({r.note}); holds {rows}, kept")
        else:
            when = f" on {pd.Timestamp(r.retracted_at):%Y-%m-%d %H:%M}" if pd.notna(r.retracted_at) else ""
            lines.append(f"{r.path} ({r.source}): retracted{when} ({r.note}); held {rows}, taken out")
    return lines


def _absent_section(files: pd.DataFrame, top: int = 50) -> list[str]:
    if files.empty:
        return []
    missing = int((files["status"] == "missing").sum())
    return ["", ABSENT_HEADING, "",
            (f"{missing:,} file(s) missing from the inbox keep their rows (`radar retract --home HOME PATH` takes "
             f"them out); {len(files) - missing:,} retracted file(s) are out of the warehouse until delivered again."),
            "", *[f"- {_md(line)}" for line in absent_lines(files.head(top))],
            *([f"- … and {len(files) - top:,} more (the ingested_files table)"] if len(files) > top else [])]
