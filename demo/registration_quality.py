"""Score the registration audit and the reseller scorecards against the demo world's truth: every
planted and natural registration problem found, the share of findings that are false, and each
scorecard figure of each reseller equal to the truth."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

from demo.channel_quality import _vote
from demo.warehouse_query import query_warehouse

_KEY = ["source_file", "source_sheet", "source_row"]
COUNTS = ("contracts_due", "contracts_renewed", "contracts_pending", "contracts_worked", "hardware_units",
          "hardware_attached", "renewals_at_risk")
MONEY = ("lapse_value", "value_at_risk")
RATES = ("renewal_rate", "worked_share", "attach_rate")
TEXT = ("tier", "certification")


def _serial(values: pd.Series) -> pd.Series:
    return values.fillna("").astype(str).str.upper().str.replace(r"[^A-Z0-9]", "", regex=True)


def _contract(values: pd.Series) -> pd.Series:
    return values.fillna("").astype(str).str.replace(r"\D", "", regex=True).str.lstrip("0")


def _finding_keys(found: pd.DataFrame) -> pd.Series:
    """kind|what: the serial, the contract number, or the quarantined row's file|sheet|row."""
    first = found["evidence"].map(lambda ev: ev[0] if len(ev) else {})
    row = (first.map(lambda e: e.get("source_file") or "") + "|" + first.map(lambda e: e.get("source_sheet") or "")
           + "|" + first.map(lambda e: str(e.get("source_row") or "")))
    what = np.where(found["serial_number"].notna(), "s:" + _serial(found["serial_number"]),
                    np.where(found["contract_number"].notna(), "c:" + _contract(found["contract_number"]), "r:" + row))
    return found["kind"] + "|" + pd.Series(what, index=found.index)


def _truth_keys(truth: pd.DataFrame) -> pd.Series:
    sheet = truth["source_sheet"].fillna("")
    row = truth["source_file"].fillna("") + "|" + sheet + "|" + truth["source_row"].astype("Int64").astype(str)
    what = np.where(truth["serial_number"].fillna("") != "", "s:" + _serial(truth["serial_number"]),
                    np.where(truth["contract_number"].fillna("") != "", "c:" + _contract(truth["contract_number"]),
                             "r:" + row))
    return truth["kind"] + "|" + pd.Series(what, index=truth.index)


def issue_quality(home: Path) -> dict[str, float]:
    """Per kind: true problems, found, findings, false findings; overall recall and false share."""
    truth = pd.read_csv(home / "truth" / "registration_issues.csv", keep_default_na=False,
                        dtype={"source_row": "Int64", "serial_number": str, "contract_number": str})
    truth = truth.replace({"": None})
    found = query_warehouse(home / "warehouse.duckdb",
                  "SELECT kind, serial_number, contract_number, evidence FROM registration_issues")
    want, got = set(_truth_keys(truth)), set(_finding_keys(found))
    out: dict[str, float] = {}
    for kind in sorted(set(truth["kind"]) | set(found["kind"])):
        w = {k for k in want if k.startswith(kind + "|")}
        g = {k for k in got if k.startswith(kind + "|")}
        out[f"{kind}_true"] = len(w)
        out[f"{kind}_found"] = len(w & g)
        out[f"{kind}_false"] = len(g - w)
    planted = set(_truth_keys(truth[truth["planted"].astype(str) == "True"]))
    out["planted"] = len(planted)
    out["planted_found"] = len(planted & got)
    out["recall"] = len(want & got) / len(want) if want else 1.0
    out["false_share"] = len(got - want) / len(got) if got else 0.0
    return out


def scorecard_quality(home: Path) -> dict[str, float]:
    """The share of resellers whose every figure equals the truth, and per figure."""
    truth = pd.read_csv(home / "truth" / "scorecards.csv", keep_default_na=False)
    cards = query_warehouse(home / "warehouse.duckdb", "SELECT * FROM reseller_scorecards")
    rows = pd.read_parquet(home / "truth" / "source_rows.parquet")
    rows = rows[rows["expect"] == "loaded"].copy()
    rows["source_sheet"] = rows["source_sheet"].fillna("")
    partner_rows = query_warehouse(home / "warehouse.duckdb",
                                   "SELECT source_file, source_sheet, source_row, partner_id "
                                   "FROM partner_sources WHERE named_as = 'reseller'")
    key_of = _vote(partner_rows, rows, "partner_id", "reseller_key")
    cards["reseller_key"] = cards["reseller_id"].map(key_of)
    both = truth.merge(cards, on="reseller_key", how="left", suffixes=("_true", ""))
    same = pd.DataFrame(index=both.index)
    for col in COUNTS:
        same[col] = both[col].fillna(-1).astype(int) == both[f"{col}_true"].astype(int)
    for col in MONEY:
        same[col] = (pd.to_numeric(both[col], errors="coerce").astype(float)
                     - pd.to_numeric(both[f"{col}_true"]).astype(float)).abs() <= 0.011
    for col in RATES:
        a = pd.to_numeric(both[col], errors="coerce").astype(float)
        b = pd.to_numeric(both[f"{col}_true"].replace("", None), errors="coerce").astype(float)
        same[col] = ((a - b).abs() <= 1e-9) | (a.isna() & b.isna())
    for col in TEXT:
        same[col] = both[col].fillna("").astype(str) == both[f"{col}_true"].fillna("").astype(str)
    out: dict[str, float] = {"resellers_true": len(truth), "resellers_scored": int(both["reseller_id"].notna().sum()),
                             "resellers_all_equal": float(same.all(axis=1).mean()) if len(same) else 1.0}
    out.update({f"{col}_equal": float(same[col].mean()) if len(same) else 1.0 for col in same.columns})
    return out


def registration_quality(home: Path) -> dict[str, float]:
    """Both measures, for a home the nightly job has run on (empty for a home without the truth)."""
    home = Path(home)
    if not (home / "truth" / "registration_issues.csv").exists():
        return {}
    return {**issue_quality(home), **{f"scorecard_{k}": v for k, v in scorecard_quality(home).items()}}


if __name__ == "__main__":
    import json

    print(json.dumps(registration_quality(Path(sys.argv[1])), indent=2, default=float))
