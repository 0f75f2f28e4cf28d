"""Matching quality on data with ground truth; prints JSON.

    python -m bench.matching_quality chicago        # a real set: Radar vs Splink (best threshold)
    python -m bench.matching_quality fodors_zagat   # (real sets: bench/datasets/README.md)
    python -m bench.matching_quality patstat_nl
    python -m bench.matching_quality real           # every real set present
    python -m bench.matching_quality demo [--scale 1] [--seed 7]   # the generated demo world
    python -m bench.matching_quality synthetic [--n 20000]          # bench/synthetic_records generator

Real sets (bench/datasets): Radar (`resolve_entities`, default settings) and Splink (bench/
splink_baseline.py) see the same records; both are scored by pairwise and B-cubed precision /
recall / F1, Splink at the match-weight threshold of its sweep with the best pairwise F1. The
report goes to bench/results/quality_<set>.json; `--examples N` adds the N costliest false
merges and missed links with names (default 15 on tuning sets, none on held-out sets, so that
nobody tunes on a held-out set by reading its misses); `--no-splink` skips Splink.

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

from matching import pairwise_quality, resolve_entities, resolve_serials

ROOT = Path(__file__).resolve().parents[1]

#: trust of each source kind when picking golden values (lower = more trusted)
KIND_PRIORITY = {
    "crm_accounts": 1,
    "crm_contracts": 1,
    "accounting": 2,
    "distributor": 3,
    "sales_rep": 4,
}


def demo_records(scale: float, seed: int) -> tuple[pd.DataFrame, pd.Series, pd.DataFrame]:
    """Customer records of a generated demo world, record_id -> customer_key, and raw rows."""
    with tempfile.TemporaryDirectory(prefix="radar_demo_") as tmp:
        return _read_demo(Path(tmp) / "home", scale, seed)


def _read_demo(home: Path, scale: float, seed: int) -> tuple[pd.DataFrame, pd.Series, pd.DataFrame]:
    """Generate the demo world into `home` and read it back (see `demo_records`)."""
    from demo import generate_demo_world
    from pipelines.config import load_config
    from sources.inbox import discover
    from sources.reader import read_source_file

    generate_demo_world(home, scale=scale, seed=seed)
    config = load_config(home)
    frames = []
    for f in discover(home, config.sources):
        records = read_source_file(f.path, f.relpath, f.source).records
        if len(records):
            frames.append(records)
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


def real_set_report(
    name: str, *, splink: bool = True, examples: int | None = None
) -> dict[str, object]:
    """Radar and (best-threshold) Splink on one real set of bench/datasets, as a JSON-able dict."""
    from bench import org_report
    from bench.datasets import load

    org = load(name)
    known = org.truth.dropna()
    out: dict[str, object] = {
        "dataset": name,
        "role": org.role,
        "records": len(org.records),
        "true_entities": org.n_entities,
    }
    start = time.perf_counter()
    resolution = resolve_entities(org.records)
    seconds = round(time.perf_counter() - start, 2)
    predicted = resolution.records.set_index("record_id")["cluster_id"]
    out["radar"] = {
        **_quality(predicted[predicted.index.isin(known.index)], known),
        "b_cubed": org_report.b_cubed(predicted, known),
        "clusters": int(predicted.nunique()),
        "seconds": seconds,
    }
    if splink:
        from bench import splink_baseline

        start = time.perf_counter()
        pairs = splink_baseline.score_pairs(org.records)
        table = splink_baseline.sweep(pairs, known)
        best = splink_baseline.best_threshold(table)
        at_best = splink_baseline.clusters_at(pairs, float(best["match_weight"]))
        out["splink"] = {
            "best": {k: (round(v, 5) if isinstance(v, float) else v) for k, v in best.items()},
            "b_cubed_at_best": org_report.b_cubed(at_best, known),
            "clusters_at_best": int(at_best.nunique()),
            "candidate_pairs": len(pairs.weight),
            "seconds": round(time.perf_counter() - start, 2),
            "sweep": table.round(5).to_dict(orient="records"),
        }
        radar_f1 = float(out["radar"]["f1"])  # type: ignore[index]
        out["radar_minus_splink_f1"] = round(radar_f1 - float(best["f1"]), 5)
    limit = examples if examples is not None else (15 if org.role == "tuning" else 0)
    if limit:
        out["radar_misses"] = org_report.misses(org.records, predicted, known, limit=limit)
    return out


def _summary(report: dict[str, object]) -> str:
    """One line per engine for the terminal."""
    r = report["radar"]
    head = (
        f"{report['dataset']} ({report['role']}): {report['records']} records, "
        f"{report['true_entities']} true entities"
    )
    lines = [head]
    lines.append(f"  radar   P {r['precision']:.4f} R {r['recall']:.4f} F1 {r['f1']:.4f}")  # type: ignore[index]
    if "splink" in report:
        b = report["splink"]["best"]  # type: ignore[index]
        lines.append(f"  splink  P {b['precision']:.4f} R {b['recall']:.4f} F1 {b['f1']:.4f} "
                     f"(best match weight {b['match_weight']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    from bench.datasets import LOADERS, available

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", choices=[*LOADERS, "real", "demo", "synthetic"])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--no-splink", action="store_true", help="Radar only (real sets)")
    parser.add_argument("--examples", type=int, default=None, help="misses to list (real sets)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = parser.parse_args(argv)
    if args.dataset in LOADERS or args.dataset == "real":
        names = [n for n in LOADERS if available(n)] if args.dataset == "real" else [args.dataset]
        out_dir = Path(args.out)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in names:
            report = real_set_report(name, splink=not args.no_splink, examples=args.examples)
            (out_dir / f"quality_{name}.json").write_text(json.dumps(report, indent=2))
            shown = {k: v for k, v in report.items() if k != "splink"}
            if "splink" in report:
                shown["splink"] = {k: v for k, v in report["splink"].items() if k != "sweep"}  # type: ignore[union-attr]
            print(json.dumps(shown, indent=2))
            print(_summary(report), file=sys.stderr)
        return
    out: dict[str, object] = {"dataset": args.dataset}
    if args.dataset == "synthetic":
        from bench.synthetic_records import generate

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
