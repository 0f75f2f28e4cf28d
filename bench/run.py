"""`make bench`: reading throughput per file kind, the whole nightly run (with the CPU of reading each
file and of the summary and outputs stages, bench.stage_cpu), matching on the demo world, and
matching on the real organisation sets (Radar vs Splink; `--quick`: Radar only), as JSON.

Every measurement runs in a child process, so its peak RSS (`ru_maxrss`) is its own. Results go
to `bench/results/bench-<UTC timestamp>.json` and `bench/results/latest.json`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: bench layout -> the demo world's source whose settings read it
LAYOUTS = {
    "westbridge_csv": "westbridge",
    "eurolink_cp1252": "eurolink",
    "summit_tsv": "summit",
    "pacific_xlsx": "pacific",
    "tracker_xlsx": None,  # the first tracker_* source
}


def _child(cmd: list[str]) -> tuple[str, float, float]:
    """Run a child through bench.measure; return its stdout, wall seconds and its own peak RSS (MiB)."""
    proc = subprocess.run([sys.executable, "-m", "bench.measure", *cmd], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    *lines, last = proc.stdout.rstrip("\n").splitlines()
    measured = json.loads(last)
    return "\n".join(lines), measured["seconds"], measured["peak_rss_mib"]


def bench_reading(work: Path, sizes: list[int]) -> list[dict]:
    """Rows per second and peak memory reading each file kind at each size."""
    from demo import generate_demo_world
    from demo.render import write_bench_file
    from pipelines.config import load_config

    home = work / "read_home"
    generate_demo_world(home, scale=0.1, seed=1)
    config = load_config(home)
    tracker = next(s.name for s in config.sources if s.name.startswith("tracker_"))
    out = []
    for layout, source in LAYOUTS.items():
        source = source or tracker
        src = config.source(source)
        suffix = {".csv": ".csv", ".tsv": ".tsv"}.get(Path(src.path).suffix, ".xlsx")
        for n in sizes:
            target_dir = home / Path(src.path).parent
            for old in target_dir.glob("bench_*"):
                old.unlink()
            path = target_dir / f"bench_{layout}_{n}{suffix}"
            t0 = time.perf_counter()
            written = write_bench_file(path, layout, n, seed=3)
            write_s = time.perf_counter() - t0
            files = sorted(p.relative_to(home).as_posix() for p in target_dir.glob(f"bench_{layout}_{n}*"))
            stdout, _, _ = _child([sys.executable, "-m", "bench.read_one", "--home", str(home),
                                   "--source", source, "--files", *files])
            result = json.loads(stdout.strip().splitlines()[-1])
            size = sum((home / f).stat().st_size for f in files)
            out.append({"layout": layout, "source": source, "rows_requested": n, "rows_written": written,
                        "file_mib": round(size / 2**20, 1), "write_seconds": round(write_s, 2), **result})
            print(f"  read {layout:16s} {n:>9,} rows: {result['rows_per_second']:>9,} rows/s, "
                  f"peak {result['peak_rss_mib']:,.0f} MiB", flush=True)
            for f in files:
                (home / f).unlink()
    return out


def bench_matching(home: Path) -> dict:
    """Customer resolution on a built demo home: Renewal Radar vs Splink, quality and speed."""
    runs = {}
    for engine in ("radar", "splink"):
        cmd = [sys.executable, "-m", "bench.entity_resolution", "--engine", engine, "--home", str(home)]
        stdout, _, _ = _child(cmd)
        runs[engine] = json.loads(stdout.strip().splitlines()[-1])
        r = runs[engine]
        print(f"    {engine:6s} {r['records']:>9,} mentions in {r['seconds']:7.1f}s ({r['records_per_second']:,}/s), "
              f"peak {r['peak_rss_mib']:,} MiB; P {r['precision']:.4f} R {r['recall']:.4f} F1 {r['f1']:.4f}",
              flush=True)
    runs["ratio"] = {
        "f1_radar_over_splink": round(runs["radar"]["f1"] / runs["splink"]["f1"], 3) if runs["splink"]["f1"] else None,
        "time_radar_over_splink": round(runs["radar"]["seconds"] / runs["splink"]["seconds"], 3),
    }
    return runs


def bench_nightly(work: Path, scales: list[float]) -> list[dict]:
    """The whole `radar run` on demo worlds: wall time, rows per second, peak memory; then matching."""
    out: list[dict] = []
    for scale in scales:
        home = work / f"nightly_{scale:g}"
        generate = (
            "from pathlib import Path; from demo import generate_demo_world; "
            "from pipelines.sources_yaml import fit_read_limits; "
            f"s = generate_demo_world(Path({str(home)!r}), scale={scale}); fit_read_limits(s.home); "
            "print(s.n_source_rows)"
        )
        gen_out, gen_s, _ = _child([sys.executable, "-c", generate])
        rows = int(gen_out.strip().splitlines()[-1])
        radar = [str(Path(sys.executable).with_name("radar")), "run", "--home", str(home)]
        _, first_s, first_peak = _child(radar)
        _, again_s, _ = _child(radar)
        out.append({"scale": scale, "source_rows": rows, "generate_seconds": round(gen_s, 1),
                    "run_seconds": round(first_s, 1), "rows_per_second": round(rows / first_s),
                    "peak_rss_mib": round(first_peak, 0), "rerun_unchanged_seconds": round(again_s, 1)})
        print(f"  nightly scale {scale:g}: {rows:,} rows in {first_s:.1f}s "
              f"({rows / first_s:,.0f} rows/s), peak {first_peak:,.0f} MiB; unchanged re-run {again_s:.1f}s",
              flush=True)
        quality = _child([sys.executable, "-c", (
            "import json, sys; from pathlib import Path; from demo.quality import *; "
            f"h = Path({str(home)!r}); "
            "print(json.dumps({'customers': customer_quality(h), 'assets': asset_quality(h), "
            "'parties': party_accuracy(h)}))")])[0]
        out[-1]["quality"] = json.loads(quality.strip().splitlines()[-1])
        cpu = _child([sys.executable, "-m", "bench.stage_cpu", "--home", str(home)])[0]
        stage_cpu = json.loads(cpu.strip().splitlines()[-1])
        out[-1]["stage_cpu"] = stage_cpu
        r, rep = stage_cpu["reading"], stage_cpu["reports"]
        print(f"    CPU: reading {r['cpu_seconds']:.1f}s ({r['median_file_cpu_seconds']:.3f}s median file, "
              f"{r['cpu_ms_per_row']} ms/row), summary {rep['summary_cpu_seconds']:.1f}s, "
              f"outputs {rep['outputs_cpu_seconds']:.1f}s ({rep['workbooks']} workbooks)", flush=True)
        q = out[-1]["quality"]
        c = q["customers"]
        print(f"    customers P {c['precision']:.4f} R {c['recall']:.4f} F1 {c['f1']:.4f}; "
              f"assets F1 {q['assets']['f1']:.4f}", flush=True)
        out[-1]["matching"] = bench_matching(home)
        shutil.rmtree(home, ignore_errors=True)
    return out


def bench_real_sets(out: Path, splink: bool = True) -> list[dict]:
    """Radar vs Splink (best threshold) on every real organisation set of bench/datasets present here, each
    in a child (`python -m bench.matching_quality <set>`), which writes bench/results/quality_<set>.json."""
    from bench.datasets import LOADERS, available

    reports = []
    for name in [n for n in LOADERS if available(n)]:
        cmd = [sys.executable, "-m", "bench.matching_quality", name, "--out", str(out)]
        _, seconds, peak = _child(cmd + ([] if splink else ["--no-splink"]))
        report = json.loads((out / f"quality_{name}.json").read_text())
        if "splink" in report:
            report["splink"] = {k: v for k, v in report["splink"].items() if k != "sweep"}
        report["wall_seconds"], report["peak_rss_mib"] = round(seconds, 1), round(peak)
        reports.append(report)
        r, b = report["radar"], report.get("splink", {}).get("best")
        versus = f"; splink F1 {b['f1']:.4f} at weight {b['match_weight']}" if b else ""
        print(f"  {name:14s} ({report['role']}): radar P {r['precision']:.4f} R {r['recall']:.4f} "
              f"F1 {r['f1']:.4f}{versus} ({seconds:.0f}s)", flush=True)
    return reports


#: source rows of a demo world of scale 1 (`radar demo --scale`)
ROWS_PER_SCALE = 10_000


def source_rows(text: str) -> int:
    """"10k", "1M", "5M" or a plain number -> source rows."""
    units = {"k": 1_000, "m": 1_000_000}
    t = text.strip().lower().replace("_", "").replace(",", "")
    try:
        return round(float(t[:-1]) * units[t[-1]]) if t and t[-1] in units else int(t)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of rows (10k, 1M, 5M ...)") from None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default="bench/results")
    ap.add_argument("--quick", action="store_true", help="10k and 100k rows instead of 100k and 1M")
    ap.add_argument("--only", nargs="*", default=None, help="reading, nightly, real")
    ap.add_argument("--scales", nargs="*", type=source_rows, default=None, metavar="ROWS",
                    help="demo worlds of about these many source rows for the nightly run "
                         "(10k 100k 1M 5M 10M; default 10k 100k 1M, --quick 10k 100k)")
    args = ap.parse_args()
    sizes = [10_000, 100_000] if args.quick else [100_000, 1_000_000]
    rows = args.scales or ([10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000])
    scales = [r / ROWS_PER_SCALE for r in rows]
    report: dict = {
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
    }
    with tempfile.TemporaryDirectory(prefix="radar-bench-") as tmp:
        work = Path(tmp)
        if args.only is None or "reading" in args.only:
            print("reading each file kind", flush=True)
            report["reading"] = bench_reading(work, sizes)
        if args.only is None or "nightly" in args.only:
            print("the nightly run on demo worlds", flush=True)
            report["nightly"] = bench_nightly(work, scales)
    out = ROOT / args.out
    out.mkdir(parents=True, exist_ok=True)
    if args.only is None or "real" in args.only:
        # --quick: Radar only (a few seconds); the full bench adds Splink's training (a minute or so)
        print("real organisation sets (bench/datasets)" + (", Radar only" if args.quick else ""), flush=True)
        report["real_sets"] = bench_real_sets(out, splink=not args.quick)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    text = json.dumps(report, indent=2)
    (out / f"bench-{stamp}.json").write_text(text)
    if args.only is None:  # a partial run (--only) never replaces the last full one
        (out / "latest.json").write_text(text)
    print(f"written {out / ('latest.json' if args.only is None else f'bench-{stamp}.json')}")


if __name__ == "__main__":
    main()
