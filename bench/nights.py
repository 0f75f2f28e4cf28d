"""The nights that matter, on one demo world: cold, the first unchanged night (it still compares its
opportunities with the cold night's), a night with nothing new (the warehouse copied whole), and a
late file of a past month arriving alone. Per night: wall seconds, peak RSS, each stage's seconds and
peak memory (from the progress lines `radar run` prints) and which stages were reused.

`python -m bench.nights --scale 10 --seed 5 --out bench/results/nights-100k.json [--home DIR] [--cold-only]`
(the world is generated into DIR, default a temporary directory; an existing DIR is used as it is).
The late file is the smallest distributor file of a past year, held back until the last night.
`--cold-only` runs the cold night alone, with every file in the inbox: the points past a million rows,
where the four nights would take hours.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
STAGE_DONE = re.compile(r"^\d\d:\d\d:\d\d  (?P<stage>.+?): done in (?P<seconds>[\d.]+) s"
                        r"(?:, peak (?P<peak>[\d,]+) MiB)?")


def _night(home: Path, *extra: str) -> dict:
    """One `radar run` in a child (bench.measure): wall, peak RSS, stage seconds, reused stages."""
    radar = [str(Path(sys.executable).with_name("radar")), "run", "--home", str(home), *extra]
    proc = subprocess.run([sys.executable, "-m", "bench.measure", *radar], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"radar run failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    *lines, last = proc.stdout.rstrip("\n").splitlines()
    measured = json.loads(last)
    done = [m for m in map(STAGE_DONE.match, lines) if m]
    stages = {m["stage"]: float(m["seconds"]) for m in done}
    peaks = {m["stage"]: int(m["peak"].replace(",", "")) for m in done if m["peak"]}
    con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    try:
        reused = sorted(s for s, r in con.execute("SELECT stage, reused FROM stage_fingerprints").fetchall() if r)
    finally:
        con.close()
    return {"seconds": measured["seconds"], "peak_rss_mib": measured["peak_rss_mib"],
            "peak_tree_rss_mib": measured.get("peak_tree_rss_mib"), "stages": stages, "stage_peak_mib": peaks,
            "reused": reused}


def _late_file(home: Path) -> Path:
    """The smallest distributor file of a year before the newest one."""
    files = [p for p in (home / "inbox" / "distributors").rglob("*") if p.is_file() and re.search(r"20\d\d", p.name)]
    newest = max(int(re.search(r"20\d\d", p.name).group()) for p in files)  # type: ignore[union-attr]
    past = [p for p in files if int(re.search(r"20\d\d", p.name).group()) < newest]  # type: ignore[union-attr]
    return min(past, key=lambda p: p.stat().st_size)


def _fresh_world_rows(home: Path) -> int:
    """The source rows of a demo world generated beforehand; refused once a run has used it, since a
    cold night there would find the inbox already read (`--full` rebuilds the warehouse, not the reading)."""
    used = [p for p in (home / ".radar", home / "warehouse.duckdb") if p.exists()]
    if used:
        raise SystemExit(f"{home} has been run before ({', '.join(map(str, used))}): copy its inbox, overrides, "
                         "truth and sources.yaml to a new folder, or generate a new world")
    return pq.ParquetFile(home / "truth" / "source_rows.parquet").metadata.num_rows  # read no rows: 1 GB at 10M


def _report(name: str, night: dict) -> dict:
    print(f"  {name:16s} {night['seconds']:8.1f} s  peak {night['peak_tree_rss_mib']:,.0f} MiB", flush=True)
    return night


def _cold_night(home: Path) -> dict:
    """The cold night alone, on the whole inbox."""
    return {"cold": _report("cold", _night(home, "--full"))}


def _four_nights(home: Path, report: dict) -> dict:
    """Cold (the late file held back), first unchanged, copied, then the late file alone."""
    late = _late_file(home)
    held = home.parent / f"held-{late.name}"
    shutil.move(late, held)
    report["late_file"] = late.relative_to(home).as_posix()
    nights = {}
    for name, extra in (("cold", ("--full",)), ("unchanged_first", ()), ("unchanged", ())):
        nights[name] = _report(name, _night(home, *extra))
    shutil.move(held, late)
    nights["late_file"] = _report("late_file", _night(home))
    return nights


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scale", type=float, required=True)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--home", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--cold-only", action="store_true", help="the cold night alone, every file in the inbox")
    args = ap.parse_args()
    from demo import generate_demo_world
    from pipelines.sources_yaml import fit_read_limits

    tmp = None
    home = args.home
    if home is None:
        tmp = tempfile.mkdtemp(prefix="radar-nights-")
        home = Path(tmp) / "home"
    report: dict = {"started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "scale": args.scale,
                    "seed": args.seed}
    try:
        if not (home / "sources.yaml").exists():
            report["source_rows"] = generate_demo_world(home, scale=args.scale, seed=args.seed).n_source_rows
            report["limits_raised"] = fit_read_limits(home)  # past a million rows: the CRM export is too
        else:
            report["source_rows"] = _fresh_world_rows(home)
        report["nights"] = _cold_night(home) if args.cold_only else _four_nights(home, report)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2))
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
