"""Data-quality checks run with Great Expectations 1.x, in process: one suite per check, each
expectation `critical` (fails the night: the build is not published) or `warning` (shown, published).

Every result is kept three ways: counts for Dagster (no failing values, they may be customer data),
rows in the build's `data_quality` table (history carried over from the live warehouse) and GX's
own validation JSON in out/quality/<check>.json, where ops look for the failing values.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

import pandas as pd

from pipelines.stages.context import RunContext
from warehouse.comments import apply_comments
from warehouse.sql_runner import literal, table_names

logging.getLogger("great_expectations").setLevel(logging.ERROR)
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")  # and would try to phone home

QUALITY_TABLE = "data_quality"
#: how many failing keys (files and rows, sources, contract numbers) a finding names
MAX_KEYS = 20
#: GX's FailureSeverity values (a str enum): kept as text so a night that runs no suite never imports GX
CRITICAL, WARNING = "critical", "warning"


@dataclass(frozen=True)
class Expect:
    """One GX expectation as data: its class name in great_expectations.expectations and its
    arguments; built into the GX object only when a suite runs (importing GX costs seconds)."""

    kind: str
    kwargs: dict[str, Any]

    @property
    def description(self) -> str | None:
        return self.kwargs.get("description")

    @property
    def column(self) -> str | None:
        return self.kwargs.get("column")

    @property
    def severity(self) -> str:
        return _severity(self.kwargs.get("severity"))

    def build(self) -> Any:
        import great_expectations.expectations as gxe

        return getattr(gxe, self.kind)(**self.kwargs)


class _Expectations:
    """`expect.ExpectColumnValuesToNotBeNull(column=..., description=...)`: reads as GX's own
    classes, makes an `Expect`."""

    def __getattr__(self, kind: str) -> Any:
        if not kind.startswith("Expect"):
            raise AttributeError(kind)
        return lambda **kwargs: Expect(kind, kwargs)


expect = _Expectations()


@dataclass(frozen=True)
class Finding:
    """One expectation's result: what it expects, how many rows it saw and how many failed which."""

    expectation: str
    column: str | None
    severity: str  # CRITICAL or WARNING
    passed: bool
    checked: int
    failing: int
    keys: list[str] = field(default_factory=list)  # the failing rows' keys (at most MAX_KEYS)


@dataclass(frozen=True)
class CheckOutcome:
    """A check's findings; `blocked` when a critical expectation failed, `warned` for a warning one."""

    check: str
    asset: str
    rows: int
    findings: list[Finding]
    report: Path | None = None
    metrics: dict[str, float] = field(default_factory=dict)
    unit: str = "rows"  # what a row of the checked frame is: rows, sources, contracts ...
    empty: str = "nothing to check"  # the summary when the frame is empty

    @property
    def passed(self) -> bool:
        return all(f.passed for f in self.findings)

    @property
    def blocked(self) -> bool:
        return any(not f.passed and f.severity == CRITICAL for f in self.findings)

    @property
    def warned(self) -> bool:
        return any(not f.passed and f.severity == WARNING for f in self.findings)

    @property
    def failures(self) -> dict[str, int]:
        """expectation -> failing rows, for the failed ones only."""
        return {f.expectation: f.failing for f in self.findings if not f.passed}

    def summary(self) -> str:
        """One line for people: all passed, or what failed and where."""
        failed = [f for f in self.findings if not f.passed]
        if not failed and self.rows == 0:
            return self.empty
        if not failed:
            n = len(self.findings)
            met = "the expectation met" if n == 1 else f"all {n} expectations met"
            return f"{met} on {self.rows:,} {self.unit}"
        parts = []
        for f in failed:
            where = f": {', '.join(f.keys[:3])}{' ...' if len(f.keys) > 3 else ''}" if f.keys else ""
            parts.append(f"{f.expectation} – not met by {f.failing:,} of {f.checked:,}{where}")
        return "; ".join(parts)


def _context() -> Any:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)  # no tqdm bars in run logs
    return context


def _severity(value: object) -> str:
    """GX's FailureSeverity (or its text) as CRITICAL or WARNING; none set is critical."""
    text = str(getattr(value, "value", value) or CRITICAL)
    return WARNING if text == WARNING else CRITICAL


#: how people find a failing row: a column of the checked frame, or a function of the frame and the
#: failing rows' positions, when the name is made of other columns (made for those rows only: "file:row"
#: for a million records costs a second, and GX would hash it twice)
RowKey: TypeAlias = str | Callable[[pd.DataFrame, list[int]], list[str]]


def _keys(df: pd.DataFrame, key: RowKey | None, result: dict[str, Any]) -> list[str]:
    if key is None or (isinstance(key, str) and key not in df.columns):
        return []
    index = result.get("partial_unexpected_index_list") or []
    rows = [i for i in index if isinstance(i, int) and 0 <= i < len(df)][:MAX_KEYS]
    if not isinstance(key, str):
        return key(df, rows)
    return [str(v) for v in df[key].iloc[rows].tolist()]


def validate(df: pd.DataFrame, check: str, asset: str, expectations: list[Any], *, key: RowKey | None = None,
             out_dir: Path | None = None, metrics: dict[str, float] | None = None, unit: str = "rows",
             empty: str = "nothing to check") -> CheckOutcome:
    """Run `expectations` (GX objects, each with a description and a severity) as one suite on `df`.

    `key` names the column that identifies a row for people (source, contract number), or makes that
    name for the failing rows (file:row); the failing rows' keys are kept. GX's JSON goes to
    out_dir/quality/<check>.json when out_dir is given.
    """
    frame = df.reset_index(drop=True)
    if frame.empty and all(isinstance(e, Expect) for e in expectations):
        # no row can fail: every expectation holds, and GX need not be loaded to say so
        findings = [Finding(e.description or e.kind, e.column, e.severity, passed=True, checked=0, failing=0)
                    for e in expectations]
        return CheckOutcome(check, asset, 0, findings, None, metrics or {}, unit, empty)
    import great_expectations as gx

    expectations = [e.build() if isinstance(e, Expect) else e for e in expectations]
    context = _context()
    source = context.data_sources.add_pandas(check)
    try:
        batch = (source.add_dataframe_asset(check).add_batch_definition_whole_dataframe(check)
                 .get_batch(batch_parameters={"dataframe": frame}))
        result = batch.validate(gx.ExpectationSuite(name=check, expectations=expectations), result_format="SUMMARY")
    finally:
        # GX's context (a process-wide one) keeps the data source's last batch, and so the whole frame,
        # alive until the next check: at ten million source records 2.4 GB or more through the customer stage
        context.data_sources.delete(check)
    findings = []
    for r in result.results:
        cfg = r.expectation_config
        details = r.result or {}
        column = cfg.kwargs.get("column") if cfg is not None else None
        label = cfg.description if cfg is not None and cfg.description else getattr(cfg, "type", "expectation")
        findings.append(Finding(
            expectation=label,
            column=column, severity=_severity(getattr(cfg, "severity", None)),
            passed=bool(r.success), checked=int(details.get("element_count") or len(frame)),
            failing=0 if r.success else int(details.get("unexpected_count") or 1),
            keys=[] if r.success else _keys(frame, key, details),
        ))
    report = None
    if out_dir is not None:
        report = out_dir / "quality" / f"{check}.json"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(result.to_json_dict(), indent=1, default=str), encoding="utf-8")
    return CheckOutcome(check, asset, len(frame), findings, report, metrics or {}, unit, empty)


def record(run: RunContext, outcome: CheckOutcome) -> None:
    """Append a check's findings to the build's data_quality table (seeded from the live warehouse's
    history on first use; re-running a check in the same run replaces its rows)."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = pd.DataFrame({
        "run_id": pd.Series([run.run_id] * len(outcome.findings), dtype="string"),
        "checked_at": pd.Series([now] * len(outcome.findings), dtype="datetime64[us]"),
        "as_of_date": pd.Series([run.as_of] * len(outcome.findings), dtype="object"),
        "asset": pd.Series([outcome.asset] * len(outcome.findings), dtype="string"),
        "check_name": pd.Series([outcome.check] * len(outcome.findings), dtype="string"),
        "expectation": pd.Series([f.expectation for f in outcome.findings], dtype="string"),
        "column_name": pd.Series([f.column for f in outcome.findings], dtype="string"),
        "severity": pd.Series(["blocking" if f.severity == CRITICAL else "warning" for f in outcome.findings],
                              dtype="string"),
        "passed": pd.Series([f.passed for f in outcome.findings], dtype="boolean"),
        "rows_checked": pd.Series([f.checked for f in outcome.findings], dtype="Int64"),
        "failing_rows": pd.Series([f.failing for f in outcome.findings], dtype="Int64"),
        "failing_keys": pd.Series([", ".join(f.keys) or None for f in outcome.findings], dtype="string"),
    })
    with run.building() as con:
        con.register("dq_rows", rows)
        if QUALITY_TABLE not in table_names(con):
            con.execute(f"CREATE TABLE {QUALITY_TABLE} AS SELECT * REPLACE (as_of_date::DATE AS as_of_date) "
                        "FROM dq_rows LIMIT 0")
            _seed_history(con, run)
        con.execute(f"DELETE FROM {QUALITY_TABLE} WHERE run_id IS NOT DISTINCT FROM ? AND check_name = ?",
                    [run.run_id, outcome.check])
        con.execute(f"INSERT INTO {QUALITY_TABLE} BY NAME "
                    "SELECT * REPLACE (as_of_date::DATE AS as_of_date) FROM dq_rows")
        apply_comments(con, [QUALITY_TABLE])


def _seed_history(con: Any, run: RunContext) -> None:
    """Copy the live warehouse's data_quality rows (earlier nights) into the build."""
    if not run.paths.live.exists():
        return
    con.execute(f"ATTACH {literal(str(run.paths.live))} AS prev (READ_ONLY)")
    try:
        present = {t for (t,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'prev'").fetchall()}
        if QUALITY_TABLE in present:
            con.execute(f"INSERT INTO {QUALITY_TABLE} BY NAME SELECT * FROM prev.{QUALITY_TABLE}")
    finally:
        con.execute("DETACH prev")


def published_check_day(run: RunContext, check: str) -> dt.date | None:
    """The local calendar day the published warehouse's own run made `check`'s findings (None: it
    has none). checked_at is stored in UTC."""
    if not run.paths.live.exists():
        return None
    with run.live() as con:
        if QUALITY_TABLE not in table_names(con) or "build_info" not in table_names(con):
            return None
        (at,) = con.execute(f"SELECT max(checked_at) FROM {QUALITY_TABLE} WHERE check_name = ? AND run_id IS NOT "
                            "DISTINCT FROM (SELECT any_value(run_id) FROM build_info)", [check]).fetchone() or (None,)
    return at.replace(tzinfo=dt.UTC).astimezone().date() if at is not None else None


def replayed(run: RunContext, check: str, asset: str) -> CheckOutcome | None:
    """`check`'s findings as the published warehouse's data_quality holds them for its own run,
    recorded again for this run (the caller knows the checked tables are the same); None when there
    are none to replay (the check then runs)."""
    if not run.paths.live.exists():
        return None
    with run.live() as con:
        if QUALITY_TABLE not in table_names(con) or "build_info" not in table_names(con):
            return None
        rows = con.execute(
            f"SELECT expectation, column_name, severity, passed, rows_checked, failing_rows, failing_keys "
            f"FROM {QUALITY_TABLE} WHERE check_name = ? AND run_id IS NOT DISTINCT FROM "
            "(SELECT any_value(run_id) FROM build_info) ORDER BY expectation, column_name", [check]).fetchall()
    if not rows:
        return None
    findings = [Finding(expectation=e, column=c, severity=CRITICAL if sev == "blocking" else WARNING,
                        passed=bool(ok), checked=int(n or 0), failing=int(bad or 0),
                        keys=keys.split(", ") if keys else [])
                for e, c, sev, ok, n, bad, keys in rows]
    outcome = CheckOutcome(check=check, asset=asset, rows=max(f.checked for f in findings), findings=findings)
    record(run, outcome)
    return outcome
