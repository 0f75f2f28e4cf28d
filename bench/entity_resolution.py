"""Customer resolution on demo worlds: Renewal Radar's matcher and Splink side by side.

Both see the same customer mentions (read from a warehouse the nightly job built) and are scored
against the demo world's truth with pairwise precision / recall / F1. Each engine runs in its own
child process (`python -m bench.entity_resolution --engine radar|splink --home DIR`) so wall time
and peak RSS are its own. Splink gets a reasonable standard model: the same normalised columns,
blocking on name tokens / postal code / phone / domain, Jaro-Winkler on names with term-frequency
adjustment, exact matches elsewhere, u by random sampling, m by EM, clusters at 0.9.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd

from bench.splink_baseline import splink_linker
from matching.names import normalise_company_names
from matching.quality import pairwise_quality
from matching.resolve import resolve_entities
from pipelines.stages.context import RunContext
from warehouse.build import connect_published
from warehouse.mentions import customer_mentions


def _mentions(home: Path) -> tuple[pd.DataFrame, pd.Series]:
    """Customer mentions of the built warehouse and their true customer keys (by record_id)."""
    run = RunContext.load(home)
    con = connect_published(run.paths, run.build_settings)
    try:
        mentions = customer_mentions(con)
        keys = con.execute(
            "SELECT record_id, source_file, coalesce(source_sheet, '') AS source_sheet, source_row FROM source_records"
        ).df()
    finally:
        con.close()
    truth = pd.read_parquet(home / "truth" / "source_rows.parquet", columns=[
        "source_file", "source_sheet", "source_row", "customer_key"])
    truth["source_sheet"] = truth["source_sheet"].fillna("")
    truth = keys.merge(truth, on=["source_file", "source_sheet", "source_row"])
    return mentions, truth.set_index("record_id")["customer_key"]


def run_radar(mentions: pd.DataFrame) -> pd.Series:
    """record_id -> cluster with Renewal Radar's matcher."""
    res = resolve_entities(mentions)
    return res.records.set_index("record_id")["cluster_id"]


def _splink_frame(mentions: pd.DataFrame) -> pd.DataFrame:
    name = normalise_company_names(mentions["name"]).fillna("")
    phone = mentions["phone"].astype("string").str.replace(r"\D", "", regex=True).str[-10:]
    domain = (mentions["domain"].astype("string").str.lower()
              .str.replace(r"^(https?://)?(www\.)?", "", regex=True).str.split("/").str[0])
    postal = mentions["postal_code"].astype("string").str.extract(r"(\d{3,5})")[0].str.zfill(5)
    frame = pd.DataFrame({
        "record_id": mentions["record_id"],
        "name_norm": name.where(name != "", None),
        "name_first": name.str.split().str[0],
        "name_prefix": name.str.slice(0, 10),
        "city": mentions["city"].astype("string").str.lower().str.strip(),
        "postal": postal,
        "phone": phone.where(phone.str.len() >= 7, None),
        "domain": domain,
        "serials": mentions["serials"].map(lambda xs: sorted({str(x).upper().replace("-", "") for x in xs}) or None),
        "contracts": mentions["contract_numbers"].map(lambda xs: sorted(set(xs)) or None),
    })
    return frame


def run_splink(mentions: pd.DataFrame) -> pd.Series:
    """record_id -> cluster with a standard Splink (DuckDB) model."""
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    logging.getLogger("splink").setLevel(logging.WARNING)
    frame = _splink_frame(mentions)
    spill = Path(tempfile.gettempdir()) / "radar-bench-splink"
    # spill to a temp dir rather than exhaust the machine (DuckDB's default is ./.tmp)
    con = duckdb.connect(config={"memory_limit": "8GB", "temp_directory": str(spill)})
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="record_id",
        blocking_rules_to_generate_predictions=[
            block_on("name_norm"), block_on("name_prefix"), block_on("name_first", "postal"),
            block_on("name_first", "city"), block_on("phone"), block_on("domain"),
        ],
        comparisons=[
            cl.JaroWinklerAtThresholds("name_norm", [0.95, 0.88, 0.8]).configure(term_frequency_adjustments=True),
            cl.ArrayIntersectAtSizes("serials", [1]),
            cl.ArrayIntersectAtSizes("contracts", [1]),
            cl.ExactMatch("postal"),
            cl.ExactMatch("city"),
            cl.ExactMatch("phone"),
            cl.ExactMatch("domain"),
        ],
    )
    linker = splink_linker(frame, settings, con, logging.WARNING)
    linker.training.estimate_probability_two_random_records_match([block_on("name_norm")], recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("postal"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("name_prefix"))
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.9).as_pandas_dataframe()
    return clusters.set_index("record_id")["cluster_id"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine", choices=["radar", "splink"], required=True)
    ap.add_argument("--home", required=True)
    args = ap.parse_args()
    mentions, truth = _mentions(Path(args.home))
    t0 = time.perf_counter()
    clusters = run_radar(mentions) if args.engine == "radar" else run_splink(mentions)
    seconds = time.perf_counter() - t0
    scored = truth.dropna()
    q = pairwise_quality(clusters.reindex(scored.index), scored)
    print(json.dumps({
        "engine": args.engine, "records": len(mentions), "seconds": round(seconds, 2),
        "records_per_second": round(len(mentions) / seconds) if seconds else None,
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "precision": round(q.precision, 4), "recall": round(q.recall, 4), "f1": round(q.f1, 4),
    }))


if __name__ == "__main__":
    main()
