"""renewal_summary and out/run_summary.md: totals by kind, window, month, rep and reseller; missed renewals."""

import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd

from reports.outputs import book_parts
from reports.summary import (
    Sections,
    for_scope,
    for_scopes,
    read_summary,
    render_markdown,
    section,
    summarise,
    summarise_books,
    write_summary_table,
)
from warehouse.comments import apply_comments, uncommented


def test_the_headline_is_renewals_and_win_backs_and_gaps_and_co_terms_have_their_own_totals(data, settings) -> None:
    # intentionally changed with issue 12: the headline no longer adds coverage gaps
    s = summarise(data, settings)
    opps = data.opportunities
    counted = opps[opps["kind"].isin(["renewal", "lapsed"])]
    total = section(s, "total").iloc[0]
    assert total.label == "renewals and win-backs" and total.opportunities == len(counted) == 6
    assert total.value == round(counted["value"].sum(), 2)
    gaps = section(s, "gaps").iloc[0]
    assert (gaps.opportunities, gaps.value) == (3, 2400.0)
    coterms = section(s, "coterms").iloc[0]
    assert coterms.opportunities == 2 and coterms.value == round(opps.query("kind == 'coterm'")["value"].sum(), 2)
    assert list(section(s, "window")["label"]) == ["0-30", "31-60", "61-90", "91-120", "lapsed"]
    windows = section(s, "window").set_index("label")
    assert windows.loc["0-30", "opportunities"] == 2 and windows.loc["0-30", "value"] == 1236.0 + 1133.0
    assert windows.loc["61-90", "opportunities"] == 0
    months = section(s, "month")
    assert len(months) == 12 and months["label"].iloc[0] == "2026-11" and months["label"].iloc[-1] == "2027-10"
    dec = months.set_index("label").loc["2026-12"]
    assert (dec.opportunities, dec.value) == (2, 618.0 + 1133.0)
    assert section(s, "kind").set_index("label").loc["coterm", "opportunities"] == 2
    reps = section(s, "rep")
    assert reps["weighted_value"].is_monotonic_decreasing and "unassigned" in set(reps["label"])
    assert "direct (no reseller)" in set(section(s, "reseller")["label"])
    missed = section(s, "missed").iloc[0]
    assert (missed.opportunities, missed.value) == (4, 2600.0)


def test_summary_table_is_typed_and_documented(built: Path, data, settings, tmp_path: Path) -> None:
    path = tmp_path / "wh.duckdb"
    shutil.copyfile(built, path)
    con = duckdb.connect(str(path))
    try:
        parts = book_parts(data)
        write_summary_table(con, summarise_books(parts, settings))
        apply_comments(con, ["renewal_summary"])
        assert uncommented(con, ["renewal_summary"]) == []
        row = con.execute("SELECT opportunities, value FROM renewal_summary "
                          "WHERE scope = 'all' AND section = 'total'").fetchall()
        headline = data.opportunities.query("kind in ('renewal', 'lapsed')")["value"].sum()
        assert row == [(6, Decimal(str(round(headline, 2))))]
        # every part of the book that gets a workbook has its totals stored, equal to computing them afresh
        stored = read_summary(con)
        assert set(stored["scope"]) == {p.scope for p in parts} and len(parts) > 3
        for part in parts:
            mine = for_scope(stored, part.scope).drop(columns="scope")
            fresh = summarise(part.data, settings)
            cols = ["section", "label", "opportunities", "value", "weighted_value"]
            assert mine[cols].astype(str).values.tolist() == fresh[cols].astype(str).values.tolist(), part.scope
    finally:
        con.close()


def test_run_summary_markdown(data, settings) -> None:
    text = render_markdown(data, summarise(data, settings), settings)
    assert text.startswith("# Renewal opportunities as of 2026-11-01")
    assert "**Renewals and win-backs: 6 worth" in text.split("\n")[2]  # the headline leads
    for heading in ("## Renewals and win-backs by window", "## Renewals due by month", "## Renewals and win-backs by rep",
                    "## Renewals and win-backs by reseller", "## Coverage gaps", "## Co-term proposals",
                    "## Installed base", "## Since the last run", "## Missed renewals"):
        assert heading in text
    assert text.index("## Renewals and win-backs by window") < text.index("## Coverage gaps")
    assert "| 2026-12 | 2 | 1,751 | 1,401 |" in text
    assert "4 contracts expired without a renewal, worth 2,600 a year" in text
    # a reseller called "=cmd|' /C calc'!A0" cannot break the table
    assert "=cmd\\|' /C calc'!A0" in text


def test_the_summary_on_its_own_columns_equals_the_summary_on_the_whole_book(data, settings) -> None:
    # the stage narrows the frames before splitting the book; every scope's totals stay the same
    from reports.summary import SUMMARY_COLUMNS, summary_data

    narrow = summary_data(data)
    assert all(set(getattr(narrow, name).columns) <= set(cols) for name, cols in SUMMARY_COLUMNS.items())
    assert len(narrow.opportunities) == len(data.opportunities) and len(data.opportunities.columns) > 20
    full = summarise_books(book_parts(data), settings)
    fast = summarise_books(book_parts(narrow), settings)
    assert [p.scope for p in book_parts(narrow)] == [p.scope for p in book_parts(data)]
    assert full.equals(fast)


def test_the_direct_list_is_summarised_by_who_owns_each_renewal(data, settings) -> None:
    """A renewal the vendor owns through a reseller ("Vendor-delivered support") is on the direct list:
    the summary of the narrowed book must count it there too (it showed 0 and the workbook failed)."""
    from dataclasses import replace

    from reports.books import DIRECT
    from reports.summary import for_scope, summary_data

    opps = data.opportunities.copy()
    with_reseller = opps["reseller_id"].notna()
    opps = opps[with_reseller].reset_index(drop=True)
    opps["renewal_owner"] = "reseller"
    opps.loc[0, "renewal_owner"] = "vendor"
    forecast = data.forecast[data.forecast["reseller_id"].notna()].reset_index(drop=True)
    missed = data.missed[data.missed["reseller_id"].notna()].reset_index(drop=True)
    book = replace(data, opportunities=opps, forecast=forecast, missed=missed)
    summary = summarise_books(book_parts(summary_data(book)), settings)
    assert DIRECT in set(summary["scope"])
    assert summary.equals(summarise_books(book_parts(book), settings))
    total = for_scope(summary, DIRECT).query("section == 'total'")
    assert int(total["opportunities"].iloc[0]) == int(opps.loc[[0], "kind"].isin(["renewal", "lapsed"]).sum())


def _reference_summarise(data, settings) -> pd.DataFrame:
    """The summary as it was written with a pandas filter per total (the answer the arrays must give)."""
    from reports.summary import (
        _COLUMNS,
        _MONEY,
        CHANGE_LABELS,
        DIRECT,
        HEADLINE,
        HEADLINE_KINDS,
        KIND_LABELS,
        UNASSIGNED,
        forecast_months,
    )
    from reports.valuation import LAPSED

    def totals(df, section, label, order):
        return {"section": section, "label": label, "sort_order": order, "opportunities": len(df),
                **{c: round(float(df[c].sum()), 2) for c in _MONEY}}

    def grouped(df, section, key):
        rows = [totals(part, section, str(label), 0) for label, part in df.groupby(key, sort=True)]
        rows.sort(key=lambda r: (-r["weighted_value"], r["label"]))
        return [r | {"sort_order": i} for i, r in enumerate(rows, start=1)]

    def money_sum(df, col):
        return round(float(pd.to_numeric(df[col], errors="coerce").sum()), 2) if len(df) else 0.0

    opps = data.opportunities[data.opportunities["currency"] == data.currency]
    headline = opps[opps["kind"].isin(HEADLINE_KINDS)]
    rows = [totals(headline, "total", HEADLINE, 0), totals(opps[opps["kind"] == "coverage_gap"], "gaps", "coverage gaps", 0),
            totals(opps[opps["kind"] == "coterm"], "coterms", "co-term proposals (alternatives, not added)", 0)]
    base = data.installed_base[data.installed_base["currency"] == data.currency]
    rows.append({"section": "installed_base", "label": f"assets uncovered for over {settings.gap_max_age_years} years",
                 "sort_order": 0, "opportunities": len(base), "value": money_sum(base, "value_if_covered"),
                 "weighted_value": None, "vendor_share": None, "partner_share": None})
    rows += [totals(opps[opps["kind"] == kind], "kind", kind, i) for i, kind in enumerate(KIND_LABELS, start=1)]
    for i, (_, hi, label) in enumerate(settings.window_bounds()):
        part = headline[headline["window"] == label]
        if len(part) or hi <= settings.renewal_days:
            rows.append(totals(part, "window", label, i))
    rows.append(totals(headline[headline["window"] == LAPSED], "window", LAPSED, 1000))
    forecast = data.forecast[data.forecast["currency"] == data.currency]
    for i, month in enumerate(forecast_months(data.as_of, settings.forecast_months), start=1):
        part = forecast[forecast["month"] == month].assign(vendor_share=0.0, partner_share=0.0)
        rows.append(totals(part, "month", month.strftime("%Y-%m"), i) | {"vendor_share": None, "partner_share": None})
    rows += grouped(headline, "rep", headline["rep"].fillna(UNASSIGNED))
    rows += grouped(headline, "reseller", headline["reseller_name"].fillna(DIRECT))
    missed = data.missed[data.missed["currency"] == data.currency]
    rows.append({"section": "missed", "label": f"expired in the last {settings.missed_days} days, never renewed",
                 "sort_order": 0, "opportunities": len(missed), "value": round(float(missed["value"].sum()), 2),
                 "weighted_value": None, "vendor_share": None, "partner_share": None})
    for i, label in enumerate(CHANGE_LABELS, start=1):
        part = data.changes[data.changes["change"] == label]
        rows.append({"section": "changes", "label": label, "sort_order": i, "opportunities": len(part),
                     "value": money_sum(part[part["currency"] == data.currency],
                                        "previous_value" if label == "dropped" else "value"),
                     "weighted_value": None, "vendor_share": None, "partner_share": None})
    out = pd.DataFrame(rows, columns=_COLUMNS)
    out.insert(0, "as_of_date", data.as_of)
    out["currency"] = data.currency
    return out


def test_every_parts_totals_are_what_a_pandas_filter_per_total_gives(data, settings) -> None:
    from dataclasses import replace

    from reports.summary import summary_data

    # the fixture's book, and the same book with gaps a real one has: money missing, no rep, another
    # currency, a reseller without a name, a month's forecast in another currency
    opps = data.opportunities.copy()
    opps.loc[opps.index[0], "weighted_value"] = float("nan")
    opps.loc[opps.index[1], "rep"] = None
    opps.loc[opps.index[2], "currency"] = "EUR"
    opps.loc[opps.index[3], "reseller_name"] = None
    forecast = data.forecast.copy()
    if len(forecast):
        forecast.loc[forecast.index[0], "currency"] = "EUR"
    for book_data in (data, replace(data, opportunities=opps, forecast=forecast)):
        for part in book_parts(summary_data(book_data)):
            pd.testing.assert_frame_equal(summarise(part.data, settings), _reference_summarise(part.data, settings),
                                          check_exact=True)


def test_for_scopes_is_for_scope_of_each(data, settings) -> None:
    summary = summarise_books(book_parts(data), settings)
    scopes = [*dict.fromkeys(summary["scope"]), "rep:nobody"]  # and a scope without rows
    for scope, part in zip(scopes, for_scopes(summary, scopes), strict=True):
        pd.testing.assert_frame_equal(part, for_scope(summary, scope))


def test_sections_split_once_are_each_section(data, settings) -> None:
    """Every section of every part as `section` gives it (rows, order, dtypes), ties and a missing label
    included, and an absent section empty with the summary's columns."""
    summary = summarise_books(book_parts(data), settings)
    for scope in dict.fromkeys(summary["scope"]):
        part = for_scope(summary, scope).astype({"label": object}).iloc[::-1]  # rows out of display order
        part.loc[part.index[:3], "sort_order"] = 0  # ties on sort_order, broken by label
        part.loc[part.index[1], "label"] = None
        sections = Sections(part)
        for name in [*dict.fromkeys(part["section"]), "no such section"]:
            pd.testing.assert_frame_equal(sections(name), section(part, name))
