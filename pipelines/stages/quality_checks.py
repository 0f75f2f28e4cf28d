"""The nightly data-quality checks: what each one reads from the build and expects of it.

Each function loads a frame from the warehouse being built, states its expectations (GX 1.x, each
with a description people read and a severity: `critical` fails the night, `warning` is shown) and
records the outcome (pipelines.stages.quality). The frame builders are pure pandas, tested alone.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from pipelines.ops_settings import QualitySettings
from pipelines.stages.context import RunContext
from pipelines.stages.memo import SOURCE_RECORDS, night_reused, same_as_published
from pipelines.stages.quality import (
    CRITICAL,
    WARNING,
    CheckOutcome,
    RowKey,
    expect,
    published_check_day,
    record,
    replayed,
    validate,
)
from sources.fields import REQUIRED_FIELDS, SOURCE_KINDS, STANDS_IN, stood_in
from warehouse.mentions import mark_self_named
from warehouse.previous_run import published_files
from warehouse.quarantine_report import worst_files
from warehouse.sql_runner import ident

DATE_FIELDS = ("invoice_date", "service_start", "service_end")
MONEY_FIELDS = ("amount", "unit_price", "list_price", "quantity")
Check = Callable[[RunContext], CheckOutcome]


def _replayable(asset: str, tables_of: str | None = None) -> Callable[[Check], Check]:
    """A check whose verdict depends only on the tables it reads: when they are the published
    warehouse's (a night with nothing new, or the stage `tables_of` reused with the same
    fingerprint), it replays the findings they got when published (pipelines.stages.quality.replayed)."""
    def wrap(check: Check) -> Check:
        @functools.wraps(check)
        def run_or_replay(run: RunContext) -> CheckOutcome:
            if night_reused(run) or (tables_of is not None and same_as_published(run, tables_of)):
                again = replayed(run, check.__name__, asset)
                if again is not None:
                    return again
            return check(run)
        return run_or_replay
    return wrap


def _run(run: RunContext, df: pd.DataFrame, check: str, asset: str, expectations: list[Any], *, key: RowKey,
         metrics: dict[str, float] | None = None, unit: str = "rows", empty: str = "nothing to check") -> CheckOutcome:
    outcome = validate(df, check, asset, expectations, key=key, out_dir=run.out_dir, metrics=metrics, unit=unit,
                       empty=empty)
    record(run, outcome)
    return outcome


def missing_required(records: pd.DataFrame) -> pd.Series:
    """Per record, the required fields of its kind that are empty ("a, b"), else null. Which rows lack
    what is found a requirement at a time over every row; the text is made for those rows only."""
    lacking: list[tuple[str, np.ndarray]] = []  # (label, rows lacking it), in the order labels are listed
    for kind, requirements in REQUIRED_FIELDS.items():
        # compared in the column's own type: a million kinds as Python strings would outlive the check
        of_kind = records["kind"].eq(kind).to_numpy(dtype=bool, na_value=False)
        for req in requirements:
            options = req if isinstance(req, tuple) else (req,)
            present = np.zeros(len(records), dtype=bool)
            for column in options:
                if column in records.columns:
                    present |= records[column].notna().to_numpy()
                # an amount is a quantity times a unit price
                present |= stood_in(column, lambda f: records[f].notna().to_numpy() if f in records.columns
                                    else None, len(records))
            lacking.append((" or ".join(options), of_kind & ~present))
    missing = pd.Series([None] * len(records), index=records.index, dtype="object")
    rows = np.flatnonzero(np.logical_or.reduce([m for _, m in lacking])) if lacking else np.array([], dtype=int)
    if len(rows):
        missing.iloc[rows] = [", ".join(label for label, m in lacking if m[i]) for i in rows]
    return missing


def file_row(frame: pd.DataFrame, rows: list[int]) -> list[str]:
    """The failing rows' "source_file:source_row", as people find a source record."""
    files, numbers = frame["source_file"].iloc[rows].tolist(), frame["source_row"].iloc[rows].tolist()
    return [f"{f}:{n}" if not (pd.isna(f) or pd.isna(n)) else str(pd.NA) for f, n in zip(files, numbers, strict=True)]


@_replayable("source_records", SOURCE_RECORDS)
def source_records_complete(run: RunContext) -> CheckOutcome:
    """Blocking: provenance on every record, a known kind, unique ids, the kind's required fields."""
    required = {c for reqs in REQUIRED_FIELDS.values() for r in reqs for c in (r if isinstance(r, tuple) else (r,))}
    required |= {f for fields in STANDS_IN.values() for f in fields}
    # a required field only as whether it is there (TRUE, or NULL when empty): a million rows' names and
    # addresses are not fetched to be tested for NULL
    present = [f"CASE WHEN {ident(c)} IS NOT NULL THEN TRUE END AS {ident(c)}" for c in sorted(required)]
    with run.building() as con:
        df = con.execute(f"SELECT record_id, source, source_file, source_row, kind, {', '.join(present)} "
                         "FROM source_records").df()
    df["missing_required"] = missing_required(df)
    # only what the expectations read: GX hashes every column of the frame it is given
    df = df[["record_id", "source", "source_file", "source_row", "kind", "missing_required"]]
    return _run(run, df, "source_records_complete", "source_records", [
        expect.ExpectColumnValuesToNotBeNull(column="source", description="source named"),
        expect.ExpectColumnValuesToNotBeNull(column="source_file", description="source file named"),
        expect.ExpectColumnValuesToBeBetween(column="source_row", min_value=1, description="row number from 1"),
        expect.ExpectColumnValuesToBeInSet(column="kind", value_set=list(SOURCE_KINDS),
                                           description="known source kind"),
        expect.ExpectColumnValuesToBeUnique(column="record_id", description="record ids unique"),
        expect.ExpectColumnValuesToBeNull(column="missing_required",
                                          description="required fields of the kind present"),
    ], key=file_row, unit="source records")


def _nanosecond_dates(values: pd.Series) -> pd.Series:
    """Dates as datetime64[ns] where they fit (1677-2262): GX compares only those with a bound at
    once, and calls Python per value for pandas 3's datetime64[us] (6 s a million rows). A date
    outside (limits.min_date set before 1677) makes the column datetime64[s] instead."""
    try:
        return pd.to_datetime(values).astype("datetime64[ns]")
    except (OverflowError, ValueError):  # pandas' OutOfBoundsDatetime is a ValueError
        cells = values.astype(object)
        return pd.Series(cells.where(cells.notna(), None).to_numpy(dtype=object).astype("datetime64[s]"),
                         index=values.index)


def plausibility_frame(records: pd.DataFrame) -> pd.DataFrame:
    """Dates as datetimes, and whether coverage ends before it starts, per record; a credit line's amount and
    quantity left out (negative by design)."""
    df = records.copy()
    for column in DATE_FIELDS:
        df[column] = _nanosecond_dates(df[column])
    df["end_before_start"] = (df["service_end"] < df["service_start"]).astype("boolean")
    for column in MONEY_FIELDS:
        df[column] = pd.to_numeric(df[column], errors="coerce").astype("float64")
    # a credit's amount and units are negative on purpose (a credit note, a return): not judged by "not negative"
    credit = (df["amount"] < 0) & ~(df["quantity"] > 0) | (df["quantity"] < 0) & (df["amount"] < 0)
    df.loc[credit, ["amount", "quantity"]] = np.nan
    return df


@_replayable("source_records", SOURCE_RECORDS)
def source_records_plausible(run: RunContext) -> CheckOutcome:
    """Warning: dates in a sane range, coverage ending after it starts, no negative amounts."""
    q: QualitySettings = run.config.quality
    with run.building() as con:
        df = plausibility_frame(con.execute(
            f"SELECT source_file, source_row, {', '.join(DATE_FIELDS + MONEY_FIELDS)} FROM source_records").df())
    earliest = dt.datetime.combine(q.earliest_date, dt.time())
    latest = dt.datetime.combine(run.as_of.replace(year=run.as_of.year + q.max_years_ahead, day=min(run.as_of.day, 28)),
                                 dt.time())
    expectations: list[Any] = [
        expect.ExpectColumnValuesToBeBetween(column=c, min_value=earliest, max_value=latest, severity=WARNING,
                                             description=f"{c} between {q.earliest_date} and {latest.date()}")
        for c in DATE_FIELDS
    ] + [expect.ExpectColumnValuesToBeInSet(column="end_before_start", value_set=[False], severity=WARNING,
                                            description="service_end on or after service_start")] + [
        expect.ExpectColumnValuesToBeBetween(column=c, min_value=0, severity=WARNING, description=f"{c} not negative")
        for c in MONEY_FIELDS
    ]
    return _run(run, df, "source_records_plausible", "source_records", expectations, key=file_row,
                unit="source records")


def judged_files(files: pd.DataFrame, run_id: str | None,
                 published: frozenset[tuple[str, str]] | None = None) -> pd.Series:
    """Which `ingested_files` rows a night judges: those run `run_id` read and, given the live warehouse's
    `published` versions, every version it lacks (a blocked night's files are judged again the next night,
    not published unread because nothing new came)."""
    now = files["run_id"].astype("string").fillna("") == (run_id or "")
    if published is None:
        return now
    versions = zip(files["path"].astype(str), files["sha256"].astype(str), strict=True)
    return now | pd.Series([v not in published for v in versions], index=files.index, dtype=bool)


def quarantine_frame(files: pd.DataFrame, run_id: str | None, q: QualitySettings,
                     worst: Mapping[str, str] | None = None,
                     published: frozenset[tuple[str, str]] | None = None) -> pd.DataFrame:
    """Per source that delivered rows not yet published (`judged_files`): its quarantine rate now and as
    usual (its other files), the rate that warns and the rate that blocks (sources with few new rows only
    warn); a source that warns or blocks is labelled with `worst`'s word on it (its file with the most
    quarantined rows and an example reason)."""
    loaded = files.assign(now=judged_files(files, run_id, published))[files["status"] == "loaded"].assign(
        rows=lambda d: d["rows_loaded"].fillna(0) + d["rows_quarantined"].fillna(0),
    )
    rows = loaded.groupby(["source", "now"])[["rows", "rows_quarantined"]].sum().reset_index()
    new = rows[rows["now"] & (rows["rows"] > 0)].set_index("source")
    old = rows[~rows["now"]].set_index("source")
    out = pd.DataFrame({"source": new.index.astype("string"), "new_rows": new["rows"].to_numpy(dtype="int64"),
                        "rate": (new["rows_quarantined"] / new["rows"]).to_numpy(dtype="float64")})
    usual = (old["rows_quarantined"] / old["rows"].where(old["rows"] > 0)).reindex(new.index)
    out["usual_rate"] = usual.to_numpy(dtype="float64")
    base = np.nan_to_num(out["usual_rate"].to_numpy(), nan=0.0)
    out["warn_above"] = np.maximum(base * q.quarantine_warn_factor, base + q.quarantine_warn_margin)
    out["judged_rate"] = np.where(out["new_rows"] >= q.quarantine_min_rows, out["rate"], 0.0)
    out["label"] = pd.Series([
        f"{r.source}: {r.rate:.0%} of {r.new_rows:,} new rows quarantined ("
        + ("no history" if pd.isna(r.usual_rate) else f"usually {r.usual_rate:.1%}") + ")"
        for r in out.itertuples()], index=out.index, dtype="object")  # one row per source
    above = (out["rate"] > out["warn_above"]) | (out["judged_rate"] >= q.quarantine_block_rate)
    if worst and above.any():
        labels, sources = out.loc[above, "label"], out.loc[above, "source"]
        out.loc[above, "label"] = [f"{label}; {worst[src]}" if src in worst else label
                                   for label, src in zip(labels, sources, strict=True)]
    return out


def quarantine_rate(run: RunContext) -> CheckOutcome:
    """Blocking when a source's new rows are mostly quarantined (its format changed); a warning when
    the rate is well above the source's own history."""
    q: QualitySettings = run.config.quality
    published = published_files(run.paths.live)
    with run.building() as con:
        files = con.execute(
            "SELECT source, path, sha256, status, rows_loaded, rows_quarantined, run_id FROM ingested_files").df()
        worst = worst_files(con, files.loc[judged_files(files, run.run_id, published), "path"].astype(str).tolist())
    df = quarantine_frame(files, run.run_id, q, worst, published)
    metrics = {f"rate_{r.source}": round(float(r.rate), 4) for r in df.itertuples()}
    return _run(run, df, "quarantine_rate", "source_records", [
        expect.ExpectColumnValuesToBeBetween(
            column="judged_rate", max_value=q.quarantine_block_rate, strict_max=True, severity=CRITICAL,
            description=f"under {q.quarantine_block_rate:.0%} of a source's new rows quarantined"),
        expect.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="warn_above", column_B="rate", or_equal=True, severity=WARNING,
            description="quarantine rate near the source's usual rate"),
    ], key="label", metrics=metrics, unit="sources that sent rows not yet published",
        empty="no source sent rows not yet published: nothing to judge")


def freshness_frame(files: pd.DataFrame, today: dt.date, q: QualitySettings) -> pd.DataFrame:
    """Per source with enough history: days since it last sent a new file, and the days allowed
    (factor × its usual gap between delivery days, at least one day)."""
    seen = files.assign(day=pd.to_datetime(files["ingested_at"]).dt.normalize())
    first = seen.groupby(["source", "path", "sha256"])["day"].min().reset_index()
    rows = []
    for source, days in first.groupby("source")["day"]:
        distinct = np.sort(days.drop_duplicates().to_numpy(dtype="datetime64[D]"))
        if len(distinct) < q.freshness_min_files:
            continue
        gap = float(np.median(np.diff(distinct).astype("int64")))
        silent = int((np.datetime64(today, "D") - distinct[-1]).astype("int64"))
        rows.append({"source": source, "last_delivery": str(distinct[-1]), "usual_gap_days": gap,
                     "days_silent": silent, "allowed_days": max(1.0, q.freshness_factor * gap),
                     "label": f"{source}: nothing new for {silent} days (usually every {gap:g})"})
    return pd.DataFrame(rows, columns=["source", "last_delivery", "usual_gap_days", "days_silent", "allowed_days",
                                       "label"])


def source_freshness(run: RunContext) -> CheckOutcome:
    """Warning: a source that sent nothing for longer than its usual cadence allows. The verdict
    depends on the files and the calendar day only: a night with nothing new on the day the published
    findings were made replays them."""
    if night_reused(run) and published_check_day(run, "source_freshness") == dt.date.today():
        again = replayed(run, "source_freshness", "source_records")
        if again is not None:
            return again
    with run.building() as con:
        files = con.execute("SELECT source, path, sha256, ingested_at FROM ingested_files").df()
    df = freshness_frame(files, dt.date.today(), run.config.quality)
    metrics = {f"days_silent_{r.source}": float(r.days_silent) for r in df.itertuples()}
    return _run(run, df, "source_freshness", "source_records", [
        expect.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="allowed_days", column_B="days_silent", or_equal=True, severity=WARNING,
            description="each source delivered within its usual cadence"),
    ], key="label", metrics=metrics, unit="sources with a delivery history",
        empty=f"no source has deliveries on {run.config.quality.freshness_min_files}+ days yet: no cadence to judge")


@_replayable("customers", "customers")
def customers_resolved(run: RunContext) -> CheckOutcome:
    """Warning: per source, the share of records naming a customer that resolved to one (a placeholder
    or the row's own reseller names none)."""
    with run.building() as con:
        mark_self_named(con)
        df = con.execute("""
            SELECT r.source, count(*) AS naming, count(cs.record_id) AS resolved,
                   count(cs.record_id) / count(*) AS share
            FROM source_records r
            LEFT JOIN (SELECT DISTINCT record_id FROM customer_sources) cs USING (record_id)
            WHERE (r.customer_name IS NOT NULL OR r.customer_account IS NOT NULL)
              AND NOT (r.kind = 'crm_accounts' AND is_partner_type(r.account_type))  -- partners' own accounts
              -- rows that name no end customer: the registration audit lists them (customer_mentions.sql)
              AND NOT (is_placeholder_name(r.customer_name) AND r.customer_account IS NULL)
              AND r.record_id NOT IN (SELECT record_id FROM self_named_records)
            GROUP BY r.source ORDER BY r.source""").df()
    df["label"] = pd.Series([f"{r.source}: {r.resolved:,} of {r.naming:,}" for r in df.itertuples()],
                            index=df.index, dtype="object")  # one row per source
    q: QualitySettings = run.config.quality
    metrics = {f"resolved_{r.source}": round(float(r.share), 4) for r in df.itertuples()}
    return _run(run, df, "customers_resolved", "customers", [
        expect.ExpectColumnValuesToBeBetween(column="share", min_value=q.min_resolved_share, severity=WARNING,
                                             description=f"at least {q.min_resolved_share:.0%} of records "
                                                         "naming a customer resolved"),
    ], key="label", metrics=metrics, unit="sources")


@_replayable("contracts", "contracts")
def contracts_linked(run: RunContext) -> CheckOutcome:
    """Blocking: contract ids unique, every customer a contract names exists. A warning: a contract
    with no end customer (an invoice to a reseller whose ship-to is blank or "N/A"): it is still
    revenue to renew, listed as "End customer unknown", and must not stop the night."""
    with run.building() as con:
        df = con.execute("""
            SELECT c.contract_id, coalesce(c.contract_number, c.contract_id) AS contract,
                   c.customer_id, c.customer_id IS NULL OR cu.customer_id IS NOT NULL AS customer_exists
            FROM contracts c LEFT JOIN customers cu USING (customer_id)""").df()
    return _run(run, df, "contracts_linked", "contracts", LINKED_EXPECTATIONS, key="contract", unit="contracts")


#: what `contracts_linked` expects of (contract_id, contract, customer_id, customer_exists) rows
LINKED_EXPECTATIONS: list[Any] = [
    expect.ExpectColumnValuesToBeUnique(column="contract_id", description="contract ids unique"),
    expect.ExpectColumnValuesToNotBeNull(column="customer_id", severity=WARNING,
                                         description="every contract names an end customer"),
    expect.ExpectColumnValuesToBeInSet(column="customer_exists", value_set=[True],
                                       description="every customer a contract names exists in customers"),
]


@_replayable("contracts", "contracts")
def contracts_plausible(run: RunContext) -> CheckOutcome:
    """Warning: contracts end after they start and carry no negative amount."""
    with run.building() as con:
        df = con.execute("""
            SELECT coalesce(contract_number, contract_id) AS contract, end_date < start_date AS end_before_start,
                   amount::DOUBLE AS amount, annual_amount::DOUBLE AS annual_amount FROM contracts""").df()
    return _run(run, df, "contracts_plausible", "contracts", [
        expect.ExpectColumnValuesToBeInSet(column="end_before_start", value_set=[False], severity=WARNING,
                                           description="end_date on or after start_date"),
        expect.ExpectColumnValuesToBeBetween(column="amount", min_value=0, severity=WARNING,
                                             description="amount not negative"),
        expect.ExpectColumnValuesToBeBetween(column="annual_amount", min_value=0, severity=WARNING,
                                             description="annual_amount not negative"),
    ], key="contract", unit="contracts")


def reconcile_frame(opps: pd.DataFrame, uplift: float, tolerance: float) -> pd.DataFrame:
    """Per opportunity: whether its contract exists, and for renewals and win-backs in the contract's
    currency the difference to what the contract says (annual amount, plus uplift for a renewal)."""
    df = opps.copy()
    factor = np.where(df["kind"] == "renewal", 1.0 + uplift, 1.0)
    same_currency = df["currency"].astype("string").str.upper() == df["contract_currency"].astype("string").str.upper()
    comparable = df["kind"].isin(["renewal", "lapsed"]) & df["annual_amount"].notna() & same_currency.fillna(False)
    expected = df["annual_amount"].astype("float64") * factor
    off = (df["value"].astype("float64") - expected).abs() - np.maximum(0.02, tolerance * expected.abs())
    df["excess_difference"] = off.where(comparable).clip(lower=0.0)
    df["contract_found"] = df["contract_exists"].where(df["contract_id"].notna()).astype("boolean")
    df["value"] = df["value"].astype("float64")
    return df


@_replayable("renewal_opportunities")
def opportunities_reconcile(run: RunContext) -> CheckOutcome:
    """Blocking: each opportunity's contract exists, values are not negative, and renewal and
    win-back values follow from their contract's annual amount."""
    with run.building() as con:
        opps = con.execute("""
            SELECT o.opportunity_id, o.kind, o.contract_id, o.value::DOUBLE AS value, o.currency,
                   c.contract_id IS NOT NULL AS contract_exists, c.annual_amount::DOUBLE AS annual_amount,
                   coalesce(nullif(upper(trim(c.currency)), ''), rs.currency) AS contract_currency
            FROM renewal_opportunities o CROSS JOIN run_settings rs
            LEFT JOIN contracts c USING (contract_id)""").df()
    q: QualitySettings = run.config.quality
    df = reconcile_frame(opps, run.config.valuation.uplift, q.reconcile_tolerance)
    return _run(run, df, "opportunities_reconcile", "renewal_opportunities", [
        expect.ExpectColumnValuesToBeInSet(column="contract_found", value_set=[True],
                                           description="every contract an opportunity names exists"),
        expect.ExpectColumnValuesToBeBetween(column="value", min_value=0, description="values not negative"),
        expect.ExpectColumnValuesToBeBetween(
            column="excess_difference", max_value=0,
            description="renewal and win-back values match their contract's annual amount"),
    ], key="opportunity_id", unit="opportunities")


@_replayable("contracts", "contracts")
def contracts_consistent(run: RunContext) -> CheckOutcome:
    """Blocking: the contract build's own consistency checks (ids, renewal links, lineage) find nothing."""
    from warehouse.contracts import contract_check_failures

    with run.building() as con:
        failures = contract_check_failures(con)
    df = pd.DataFrame({"consistency_check": list(failures), "failing": [int(n) for n in failures.values()]})
    return _run(run, df, "contracts_consistent", "contracts", [
        expect.ExpectColumnValuesToBeBetween(column="failing", max_value=0,
                                             description="contract ids unique, renewal links and lineage consistent"),
    ], key="consistency_check", unit="consistency queries")
