"""The data-quality checks' frames and their Great Expectations verdicts, on small frames made here."""

import datetime as dt
import gc
import json
from pathlib import Path

import great_expectations.expectations as gxe
import numpy as np
import pandas as pd

from pipelines.ops_settings import QualitySettings
from pipelines.stages.quality import CRITICAL, WARNING, expect, validate
from pipelines.stages.quality_checks import (
    LINKED_EXPECTATIONS,
    file_row,
    freshness_frame,
    missing_required,
    plausibility_frame,
    quarantine_frame,
    reconcile_frame,
)
from sources.fields import REQUIRED_FIELDS

Q = QualitySettings()


def test_missing_required_names_the_fields_of_the_rows_kind() -> None:
    records = pd.DataFrame({
        "kind": ["distributor", "distributor", "crm_contracts", "crm_contracts", "sales_rep"],
        "invoice_date": [dt.date(2026, 1, 1), None, None, None, None],
        "reseller_name": ["Acme", "Acme", None, None, None],
        "customer_name": ["Globex", "Globex", None, "Initech", None],
        "sku": ["X", None, None, None, None],
        "customer_account": [None, None, "C1", None, None],
        "contract_number": [None, None, "SC-1", "SC-2", None],
        "service_end": [None, None, dt.date(2027, 1, 1), None, dt.date(2027, 1, 1)],
    })
    got = missing_required(records).tolist()
    assert got[0] is None and got[2] is None
    assert got[1] == "invoice_date, sku"
    assert got[3] == "service_end"  # customer_name stands in for the account ("one of")
    assert got[4] == "customer_name"


def test_an_invoice_line_without_an_amount_has_one_in_its_quantity_and_unit_price() -> None:
    records = pd.DataFrame({
        "kind": ["accounting"] * 3, "invoice_number": ["I1", "I2", "I3"],
        "invoice_date": [dt.date(2026, 1, 1)] * 3, "bill_to_name": ["Albion IT"] * 3,
        "amount": [None, None, 10.0], "quantity": [2, None, None], "unit_price": [1100.0, 1100.0, None],
    })
    assert missing_required(records).tolist() == [None, "amount", None]


def test_quarantine_rate_compares_new_rows_with_the_sources_own_history() -> None:
    files = pd.DataFrame({
        "source": ["ingram", "ingram", "ingram", "techdata", "techdata", "tiny"],
        "status": ["loaded"] * 6,
        "rows_loaded": [990, 600, 10, 100, 48, 2],
        "rows_quarantined": [10, 400, 90, 0, 2, 2],
        "run_id": ["old", "now", "now", "old", "now", "now"],
    })
    df = quarantine_frame(files, "now", Q).set_index("source")
    assert df.loc["ingram", "rate"] == 490 / 1100
    assert df.loc["ingram", "usual_rate"] == 0.01
    assert df.loc["techdata", "rate"] == 0.04 and df.loc["techdata", "warn_above"] == 0.05
    assert pd.isna(df.loc["tiny", "usual_rate"]) and df.loc["tiny", "judged_rate"] == 0.0  # 4 rows: never blocks
    outcome = validate(df.reset_index(), "quarantine_rate", "source_records", [
        gxe.ExpectColumnValuesToBeBetween(column="judged_rate", max_value=0.5, strict_max=True, severity=CRITICAL,
                                          description="block"),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="warn_above", column_B="rate", or_equal=True,
                                                    severity=WARNING, description="warn"),
    ], key="label")
    assert not outcome.blocked  # 44.5 % is below the blocking rate
    assert outcome.warned and outcome.failures == {"warn": 2}  # ingram (1 % usually) and tiny (50 %)
    warn = next(f for f in outcome.findings if f.expectation == "warn")
    assert [k.split(":")[0] for k in sorted(warn.keys)] == ["ingram", "tiny"]
    assert "ingram: 45% of 1,100 new rows quarantined (usually 1.0%)" in warn.keys


def test_freshness_judges_each_source_by_its_own_cadence() -> None:
    weekly = [dt.datetime(2026, 9, 1) + dt.timedelta(days=7 * i) for i in range(6)]  # last 2026-10-06
    files = pd.DataFrame({
        "source": ["weekly"] * 6 + ["daily"] * 4 + ["once"],
        "path": [f"w{i}" for i in range(6)] + [f"d{i}" for i in range(4)] + ["o"],
        "sha256": [f"s{i}" for i in range(11)],
        "ingested_at": weekly + [dt.datetime(2026, 10, 27 + i, 2) for i in range(4)] + [dt.datetime(2026, 1, 1)],
    })
    df = freshness_frame(files, dt.date(2026, 10, 31), Q).set_index("source")
    assert "once" not in df.index  # one delivery says nothing about a cadence
    assert df.loc["weekly", "usual_gap_days"] == 7 and df.loc["weekly", "days_silent"] == 25
    assert df.loc["weekly", "allowed_days"] == 14
    assert df.loc["daily", "days_silent"] == 1 and df.loc["daily", "allowed_days"] == 2
    assert df.loc["weekly", "label"] == "weekly: nothing new for 25 days (usually every 7)"


def test_reconcile_flags_a_renewal_whose_value_does_not_follow_from_its_contract(tmp_path: Path) -> None:
    opps = pd.DataFrame({
        "opportunity_id": ["o1", "o2", "o3", "o4", "o5"],
        "kind": ["renewal", "renewal", "lapsed", "coverage_gap", "renewal"],
        "contract_id": ["c1", "c2", "c3", None, "c9"],
        "value": [1030.0, 1500.0, 800.0, 300.0, 10.0],
        "currency": ["USD"] * 5,
        "contract_exists": [True, True, True, False, False],
        "annual_amount": [1000.0, 1000.0, 800.0, None, None],
        "contract_currency": ["USD", "USD", "USD", None, None],
    })
    df = reconcile_frame(opps, uplift=0.03, tolerance=0.001)
    assert df["excess_difference"].fillna(0).gt(0).tolist() == [False, True, False, False, False]
    outcome = validate(df, "opportunities_reconcile", "renewal_opportunities", [
        gxe.ExpectColumnValuesToBeInSet(column="contract_found", value_set=[True], description="contract exists"),
        gxe.ExpectColumnValuesToBeBetween(column="excess_difference", max_value=0, description="value follows"),
    ], key="opportunity_id", out_dir=tmp_path)
    assert outcome.blocked  # no severity given: critical
    assert outcome.failures == {"contract exists": 1, "value follows": 1}
    assert {f.expectation: f.keys for f in outcome.findings if not f.passed} == {
        "contract exists": ["o5"], "value follows": ["o2"]}
    report = json.loads((tmp_path / "quality" / "opportunities_reconcile.json").read_text(encoding="utf-8"))
    assert report["success"] is False and len(report["results"]) == 2
    assert "value follows – not met by 1 of 5: o2" in outcome.summary()


def test_a_night_without_new_rows_has_nothing_to_judge() -> None:
    files = pd.DataFrame({"source": ["ingram"], "status": ["loaded"], "rows_loaded": [10], "rows_quarantined": [0],
                          "run_id": ["old"]})
    df = quarantine_frame(files, "now", Q)
    assert df.empty and "label" in df.columns
    outcome = validate(df, "quarantine_rate", "source_records", [
        gxe.ExpectColumnValuesToBeBetween(column="judged_rate", max_value=0.5, description="block")],
        key="label", empty="no source sent new rows")
    assert outcome.passed and outcome.summary() == "no source sent new rows"


def test_expectations_as_data_give_the_verdicts_of_gx_objects() -> None:
    df = pd.DataFrame({"rate": [0.1, 0.7, 0.2], "label": ["a", "b", "c"]})
    as_data = validate(df, "c", "a", [
        expect.ExpectColumnValuesToBeBetween(column="rate", max_value=0.5, severity=CRITICAL, description="block"),
        expect.ExpectColumnValuesToBeBetween(column="rate", max_value=0.15, severity=WARNING, description="warn"),
    ], key="label")
    as_gx = validate(df, "c", "a", [
        gxe.ExpectColumnValuesToBeBetween(column="rate", max_value=0.5, severity=CRITICAL, description="block"),
        gxe.ExpectColumnValuesToBeBetween(column="rate", max_value=0.15, severity=WARNING, description="warn"),
    ], key="label")
    assert as_data.findings == as_gx.findings
    assert as_data.blocked and as_data.warned and as_data.failures == {"block": 1, "warn": 2}
    assert {f.severity for f in as_gx.findings} == {"critical", "warning"}


def test_an_empty_frame_meets_every_expectation_without_running_a_suite(tmp_path: Path) -> None:
    empty = pd.DataFrame({"rate": pd.Series(dtype="float64")})
    outcome = validate(empty, "quarantine_rate", "source_records", [
        expect.ExpectColumnValuesToBeBetween(column="rate", max_value=0.5, description="block")],
        out_dir=tmp_path, empty="no source sent new rows")
    assert outcome.passed and outcome.rows == 0 and outcome.summary() == "no source sent new rows"
    assert [(f.expectation, f.column, f.severity, f.checked) for f in outcome.findings] == [
        ("block", "rate", CRITICAL, 0)]
    assert not (tmp_path / "quality").exists()  # GX wrote no report: it did not run


def test_a_contract_with_no_end_customer_warns_and_a_dangling_customer_blocks() -> None:
    df = pd.DataFrame({"contract_id": ["k1", "k2", "k3"], "contract": ["SC-1", "SC-2", "SC-3"],
                       "customer_id": ["CUST-1", None, "CUST-9"], "customer_exists": [True, True, True]})
    outcome = validate(df, "contracts_linked", "contracts", LINKED_EXPECTATIONS, key="contract")
    assert not outcome.blocked and outcome.warned  # an invoice to a reseller with a blank ship-to
    assert {f.expectation: f.keys for f in outcome.findings if not f.passed} == {
        "every contract names an end customer": ["SC-2"]}
    dangling = validate(df.assign(customer_exists=[True, True, False]), "contracts_linked", "contracts",
                        LINKED_EXPECTATIONS, key="contract")
    assert dangling.blocked


def test_dates_are_judged_against_their_bounds_whatever_unit_duckdb_hands_them_in(tmp_path: Path) -> None:
    day = dt.date
    records = pd.DataFrame({
        "source_file": ["a.csv"] * 3, "source_row": [2, 3, 4],
        "invoice_date": [day(2026, 1, 5), day(1971, 2, 1), None],
        "service_start": pd.Series(pd.to_datetime(["2026-01-05", "2026-03-01", "2026-01-01"])).astype("datetime64[us]"),
        "service_end": [day(2027, 1, 4), day(2026, 2, 1), day(2027, 1, 1)],
        "amount": [10.0, -5.0, 1.0], "unit_price": [None] * 3, "list_price": [None] * 3, "quantity": [1, 1, 1],
    })
    df = plausibility_frame(records)
    assert {str(df[c].dtype) for c in ("invoice_date", "service_start", "service_end")} == {"datetime64[ns]"}
    assert df["end_before_start"].tolist() == [False, True, False]
    earliest, latest = dt.datetime(2000, 1, 1), dt.datetime(2035, 1, 1)
    outcome = validate(df, "source_records_plausible", "source_records", [
        expect.ExpectColumnValuesToBeBetween(column=c, min_value=earliest, max_value=latest, severity=WARNING,
                                             description=f"{c} in range")
        for c in ("invoice_date", "service_start", "service_end")
    ] + [expect.ExpectColumnValuesToBeInSet(column="end_before_start", value_set=[False], severity=WARNING,
                                            description="ends after it starts"),
         expect.ExpectColumnValuesToBeBetween(column="amount", min_value=0, severity=WARNING,
                                              description="amount not negative")], key=file_row, out_dir=tmp_path)
    assert {f.expectation: f.keys for f in outcome.findings if not f.passed} == {
        "invoice_date in range": ["a.csv:3"], "ends after it starts": ["a.csv:3"], "amount not negative": ["a.csv:3"]}
    ancient = plausibility_frame(records.assign(invoice_date=[day(1500, 1, 1), day(2026, 1, 1), None]))
    assert ancient["invoice_date"].iloc[0].year == 1500  # out of datetime64[ns]: kept in its own unit


def test_a_credit_lines_negative_amount_and_units_are_not_implausible() -> None:
    """Every credit note the reader signed raised "amount not negative" and "quantity not negative"; a negative
    amount for units sold (a positive quantity) is still judged."""
    records = pd.DataFrame({
        "source_file": ["a.csv"] * 4, "source_row": [2, 3, 4, 5], "invoice_date": [None] * 4,
        "service_start": [None] * 4, "service_end": [None] * 4, "unit_price": [None] * 4, "list_price": [None] * 4,
        "amount": [-1220.0, -50.0, -5.0, 10.0], "quantity": [-1, None, 2, 1],
    })
    df = plausibility_frame(records)
    assert df["amount"].tolist()[2:] == [-5.0, 10.0] and df["amount"].iloc[:2].isna().all()
    assert df["quantity"].iloc[:2].isna().all() and df["quantity"].tolist()[2:] == [2.0, 1.0]


def test_gx_keeps_no_frame_it_validated_once_the_check_is_done() -> None:
    """GX's process-wide context holds a data source's last batch: the frame a check validated would
    stay alive through the next stage (at ten million source records, gigabytes)."""
    rows = 123_457  # no other frame of the session has this length
    outcome = validate(pd.DataFrame({"n": np.arange(rows)}), "probe", "probe",
                       [gxe.ExpectColumnValuesToNotBeNull(column="n", description="n present")])
    assert outcome.findings[0].passed and outcome.rows == rows
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, pd.DataFrame) and len(o) == rows]


def test_missing_required_equals_a_requirement_at_a_time_over_every_row() -> None:
    """The text made only for the rows lacking something equals the text built up over every row."""
    rng = np.random.default_rng(11)
    kinds = list(REQUIRED_FIELDS) + ["unknown_kind"]
    columns = sorted({c for reqs in REQUIRED_FIELDS.values() for r in reqs for c in (r if isinstance(r, tuple) else (r,))})
    n = 400
    records = pd.DataFrame({"kind": [kinds[i] for i in rng.integers(0, len(kinds), n)],
                            **{c: np.where(rng.random(n) < 0.3, None, "x") for c in columns[:-1]}})
    got = missing_required(records)
    want = reference_missing_required(records)
    assert got.tolist() == want.tolist() and got.dtype == want.dtype
    assert got.notna().any() and got.isna().any()


def reference_missing_required(records: pd.DataFrame) -> pd.Series:
    """missing_required as it was before 2026-12-05: the text built up over every row."""
    missing = pd.Series([""] * len(records), index=records.index, dtype="object")
    for kind, requirements in REQUIRED_FIELDS.items():
        of_kind = records["kind"] == kind
        for req in requirements:
            options = req if isinstance(req, tuple) else (req,)
            present = pd.Series(False, index=records.index)
            for column in options:
                if column in records.columns:
                    present |= records[column].notna()
            label = " or ".join(options)
            missing = missing.where(~(of_kind & ~present), missing + label + ", ")
    return missing.str.rstrip(", ").replace("", None)


def test_a_source_that_blocks_is_labelled_with_its_worst_file() -> None:
    """The stop named "westbridge: 90% of 40 new rows quarantined" and no file; its worst file and a reason now."""
    files = pd.DataFrame({"source": ["westbridge", "westbridge", "westbridge", "summit"], "status": ["loaded"] * 4,
                          "rows_loaded": [2, 2, 100, 50], "rows_quarantined": [2, 34, 90, 0],
                          "run_id": ["now", "now", "old", "now"]})
    worst = {"westbridge": "most in inbox/w/2026-11.csv (34 of 36 rows; e.g. row 3: required field 'sku' is empty)",
             "summit": "never shown: summit is below its rates"}
    df = quarantine_frame(files, "now", Q, worst).set_index("source")
    assert df.loc["westbridge", "label"] == ("westbridge: 90% of 40 new rows quarantined (usually 47.4%); most in "
                                             "inbox/w/2026-11.csv (34 of 36 rows; e.g. row 3: required field 'sku' "
                                             "is empty)")
    assert df.loc["summit", "label"] == "summit: 0% of 50 new rows quarantined (no history)"
