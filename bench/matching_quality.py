"""Matching quality on data with ground truth; prints JSON.

    python bench/matching_quality.py chicago            # the real multi-source benchmark
    python bench/matching_quality.py demo [--scale 1] [--seed 7]   # the generated demo world
    python bench/matching_quality.py synthetic [--n 20000]          # bench/matching_perf generator

chicago: /work/shared/benchmarks/chicago_early_childhood_sites.csv mapped as the tests do
(Site name -> name, Address -> address, Zip -> postal_code, Phone -> phone, Website -> domain,
Email Address -> email) and scored by pairwise precision/recall/F1 against `True Id`.
demo: generates the demo world (demo) into a temporary home, reads every inbox file with
the project's readers, keeps rows naming an end customer, resolves customers and assets and scores
them against the generator's truth (customer_key; serial_truth per serial token).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from matching import pairwise_quality, resolve_entities, resolve_serials

#: the shared benchmark folder beside the checkout (or beside a worktree's parent folder)
CHICAGO = next(
    (
        p / "shared" / "benchmarks" / "chicago_early_childhood_sites.csv"
        for p in ROOT.parents
        if (p / "shared" / "benchmarks" / "chicago_early_childhood_sites.csv").exists()
    ),
    ROOT.parent / "shared" / "benchmarks" / "chicago_early_childhood_sites.csv",
)
#: trust of each source kind when picking golden values (lower = more trusted)
KIND_PRIORITY = {
    "crm_accounts": 1,
    "crm_contracts": 1,
    "accounting": 2,
    "distributor": 3,
    "sales_rep": 4,
}


def chicago_records(path: Path = CHICAGO) -> tuple[pd.DataFrame, pd.Series]:
    """The Chicago benchmark as `resolve_entities` records, and record_id -> true id."""
    df = pd.read_csv(path, dtype=str)
    records = pd.DataFrame(
        {
            "record_id": df["Id"],
            "name": df["Site name"],
            "address": df["Address"],
            "postal_code": df["Zip"],
            "phone": df["Phone"],
            "domain": df["Website"],
            "email": df["Email Address"],
            "source": df["Source"],
        }
    )
    return records, pd.Series(df["True Id"].to_numpy(), index=df["Id"].to_numpy())


def demo_records(scale: float, seed: int) -> tuple[pd.DataFrame, pd.Series, pd.DataFrame]:
    """Customer records of a generated demo world, record_id -> customer_key, and raw rows."""
    with tempfile.TemporaryDirectory(prefix="radar_demo_") as tmp:
        return _read_demo(Path(tmp) / "home", scale, seed)


def _read_demo(home: Path, scale: float, seed: int) -> tuple[pd.DataFrame, pd.Series, pd.DataFrame]:
    """Generate the demo world into `home` and read it back (see `demo_records`)."""
    from demo import generate_demo_world
    from sources.config import load_config
    from sources.inbox import discover
    from sources.reader import read_source_file

    generate_demo_world(home, scale=scale, seed=seed)
    config = load_config(home)
    frames = []
    for f in discover(home, config):
        outcome = read_source_file(f.path, f.relpath, f.source)
        if len(outcome.records):
            frames.append(outcome.records)
    raw = pd.concat(frames, ignore_index=True)
    truth = pd.read_parquet(home / "truth" / "source_rows.parquet")
    key = ["source_file", "source_sheet", "source_row"]
    truth["source_sheet"] = truth["source_sheet"].fillna("")
    raw["source_sheet"] = raw["source_sheet"].fillna("")
    raw = raw.merge(truth[key + ["customer_key", "serial_truth"]], on=key, how="left")
    crm_non_customer = (raw["kind"] == "crm_accounts") & raw["account_type"].fillna(
        ""
    ).str.lower().ne("customer")
    named = raw["customer_name"].notna() | raw["customer_account"].notna()
    raw = raw[named & ~crm_non_customer & (raw["kind"] != "price_list")].reset_index(drop=True)
    records = pd.DataFrame(
        {
            "record_id": raw["source_file"]
            + "|"
            + raw["source_sheet"]
            + "|"
            + raw["source_row"].astype(str),
            "name": raw["customer_name"],
            "address": raw["customer_address"],
            "city": raw["customer_city"],
            "state": raw["customer_state"],
            "postal_code": raw["customer_postal_code"],
            "country": raw["customer_country"],
            "domain": raw["customer_domain"],
            "phone": raw["customer_phone"],
            "email": raw["customer_email"],
            "account": raw["customer_account"],
            "serials": raw["serial_numbers"],
            "contract_numbers": raw["contract_number"].map(
                lambda c: [c] if isinstance(c, str) else []
            ),
            "source": raw["source"],
            "source_priority": raw["kind"].map(KIND_PRIORITY).fillna(5).astype(int),
            "sku": raw["sku"],
            "serial_truth": raw["serial_truth"],
        }
    )
    truth_ids = pd.Series(raw["customer_key"].to_numpy(), index=records["record_id"].to_numpy())
    return records, truth_ids, raw


def serial_rows(records: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """One row per written serial token with its true serial (for asset quality)."""
    rows = records[["record_id", "serials", "sku", "source", "serial_truth"]].copy()
    rows = rows[rows["serials"].map(lambda s: isinstance(s, (list, np.ndarray)) and len(s) > 0)]
    rows = rows[
        rows["serial_truth"].map(lambda s: isinstance(s, (list, np.ndarray)) and len(s) > 0)
    ]
    ok = rows["serials"].map(len) == rows["serial_truth"].map(len)
    rows = rows[ok].explode(["serials", "serial_truth"]).reset_index(drop=True)
    rows = rows.rename(columns={"serials": "raw_serial"})
    rows["token_id"] = rows["record_id"] + "#" + rows.index.astype(str)
    return rows, pd.Series(rows["serial_truth"].to_numpy(), index=rows["token_id"].to_numpy())


def _quality(predicted: pd.Series, truth: pd.Series) -> dict[str, float]:
    q = pairwise_quality(predicted, truth)
    return {k: (round(v, 5) if isinstance(v, float) else v) for k, v in q.as_dict().items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", choices=["chicago", "demo", "synthetic"])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--n", type=int, default=20000)
    args = parser.parse_args(argv)
    out: dict[str, object] = {"dataset": args.dataset}
    if args.dataset == "chicago":
        records, truth = chicago_records()
    elif args.dataset == "synthetic":
        from matching_perf import generate

        records, truth = generate(args.n, seed=args.seed)
    else:
        records, truth, _ = demo_records(args.scale, args.seed)
        keep = truth.notna().to_numpy()
        out["records_without_truth"] = int((~keep).sum())
    start = time.perf_counter()
    resolution = resolve_entities(records.drop(columns=["sku", "serial_truth"], errors="ignore"))
    out["seconds"] = round(time.perf_counter() - start, 2)
    out["records"] = len(records)
    out["stats"] = resolution.stats
    predicted = resolution.records.set_index("record_id")["cluster_id"]
    known = truth.dropna()
    out["customers"] = _quality(predicted[predicted.index.isin(known.index)], known)
    if args.dataset == "demo":
        rows, serial_truth = serial_rows(records)
        mentions = rows.rename(columns={"record_id": "rid"}).rename(columns={"token_id": "record_id"})
        # as the pipeline does: each serial mention carries its row's resolved customer
        mentions["customer"] = mentions["rid"].map(predicted).astype("Int64").astype("string")
        assets = resolve_serials(mentions)
        out["assets"] = _quality(assets.set_index("record_id")["asset_key"], serial_truth)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
