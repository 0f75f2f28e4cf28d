"""`make soak`: SIGKILL `radar run` at random points of every stage of a small demo home, and start
two runs together at spread offsets; after each, the live warehouse must be intact and identical
(table by table, content hash) to the last good one, and the next run must complete.

    python -m bench.soak --kills 200 --offsets 20 --scale 0.1 --out bench/results/soak.json

The JSON is rewritten after every trial, so a long soak can be read while it runs. It also holds
the peak memory of reading each bomb of tests/sources/test_hostile_bombs.py in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from warehouse.table_compare import compare, table_hashes

RADAR = [sys.executable, "-m", "pipelines.cli"]
_STAGE_LINE = re.compile(r"^\d\d:\d\d:\d\d  (.+?) \.\.\.$", re.M)


@dataclass
class Run:
    """One `radar run` subprocess, its output in files."""

    proc: subprocess.Popen[bytes]
    stdout: Path
    stderr: Path
    started: float

    @classmethod
    def start(cls, home: Path, tag: str) -> Run:
        logs = home.parent / "soak-logs"
        logs.mkdir(exist_ok=True)
        out, err = logs / f"{tag}.out", logs / f"{tag}.err"
        env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "RADAR_HOME")}
        proc = subprocess.Popen([*RADAR, "run", "--home", str(home)], stdout=out.open("wb"), stderr=err.open("wb"),
                                env=env, start_new_session=True)  # its own group: the kill reaches any child
        return cls(proc, out, err, time.monotonic())

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def wait(self) -> int:
        return self.proc.wait()

    def stage(self) -> str:
        """The last stage the run had started when it ended ('startup' before the first)."""
        from pipelines.cli.progress import STAGE_LABELS  # imports Dagster: only when a soak runs

        labels = _STAGE_LINE.findall(self.stdout.read_text(encoding="utf-8", errors="replace"))
        by_label = {label: stage for stage, label in STAGE_LABELS.items()}
        return by_label.get(labels[-1], labels[-1]) if labels else "startup"


def complete_run(home: Path, tag: str) -> tuple[int, float]:
    run = Run.start(home, tag)
    code = run.wait()
    return code, time.monotonic() - run.started


def bomb_memory() -> dict[str, Any]:
    """Peak RSS of reading each full-size bomb in a fresh process (the same cases and helper as
    tests/sources/test_hostile_bombs.py), and of a one-line CSV for comparison."""
    from tests.sources.hostile import peak_memory_of_reading
    from tests.sources.test_hostile_bombs import CASES

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        control = Path(tmp) / "one.csv"
        control.write_text("Invoice Date,Reseller,End User,SKU\n2026-03-02,Acme,Foo Ltd,AB-1\n", encoding="utf-8")
        _, peak = peak_memory_of_reading(control)
        out["one-line CSV (control)"] = {"peak_rss_mib": round(peak / 2**20)}
        for case, (build, _) in CASES.items():
            case_dir = Path(tmp) / str(len(out))
            case_dir.mkdir()
            path = build(case_dir)
            started = time.perf_counter()
            result, peak = peak_memory_of_reading(path)
            out[case] = {"bytes_on_disk": path.stat().st_size, "status": result["status"],
                         "seconds": round(time.perf_counter() - started, 1), "peak_rss_mib": round(peak / 2**20)}
            shutil.rmtree(case_dir)
    return out


class Soak:
    """The trials and their record."""

    def __init__(self, home: Path, out: Path, seed: int) -> None:
        self.home, self.out, self.rng = home, out, random.Random(seed)
        self.result: dict[str, Any] = {"home": str(home), "seed": seed, "kills": [], "pairs": []}
        self.reference: dict[str, list[int]] = {}
        self.cutoff: Any = None

    def save(self) -> None:
        self.summarise()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.out.write_text(json.dumps(self.result, indent=2), encoding="utf-8")

    def summarise(self) -> None:
        kills, pairs = self.result["kills"], self.result["pairs"]
        killed = [k for k in kills if not k["finished_before_kill"]]
        self.result["summary"] = {
            "trials": len(kills),
            "kills": len(killed),
            "kills_by_stage": {s: sum(k["stage"] == s for k in killed) for s in sorted({k["stage"] for k in killed})},
            "warehouse_intact_and_identical": sum(not k["differs"] and k["intact"] for k in kills),
            "next_run_completed": sum(k["next_run_exit"] == 0 for k in kills),
            "next_run_identical": sum(k["next_run_identical"] for k in kills),
            "rows_lost": sum(k["rows_lost"] for k in kills) + sum(p["rows_lost"] for p in pairs),
            "pairs": len(pairs),
            "pairs_exactly_one_writer": sum(p["exactly_one_writer"] for p in pairs),
            "pairs_loser_named_holder": sum(p["loser_named_holder"] for p in pairs),
        }

    def check_live(self, against: dict[str, list[int]] | None = None) -> tuple[bool, list[str], int]:
        """(readable, tables that differ, rows lost) of the live warehouse against `against` (default:
        the reference build)."""
        reference = self.reference if against is None else against
        try:
            live = table_hashes(self.home / "warehouse.duckdb", self.cutoff)
        except duckdb.Error:
            return False, ["<unreadable>"], sum(r for r, _ in reference.values())
        differ, lost = compare(reference, live)
        return True, differ, lost

    def kill_trial(self, i: int, warm: float, cold_duration: float) -> None:
        cold = self.rng.random() < 1 / 3  # a third re-read the whole inbox, so the kill may hit the ingest store
        if cold:
            (self.home / ".radar" / "ingest.duckdb").unlink(missing_ok=True)
        delay = self.rng.uniform(0.0, 0.98 * (cold_duration if cold else warm))
        last_good = table_hashes(self.home / "warehouse.duckdb", self.cutoff)  # the warehouse the kill must keep
        run = Run.start(self.home, f"kill-{i:03d}")
        time.sleep(delay)
        finished = run.proc.poll() is not None
        if not finished:
            run.kill()
        intact, differ, lost = self.check_live(last_good)
        code, took = complete_run(self.home, f"after-{i:03d}")
        self.result["kills"].append({
            "trial": i, "cold_ingest": cold, "delay_s": round(delay, 2), "stage": run.stage(),
            "finished_before_kill": finished, "intact": intact, "differs": differ, "rows_lost": lost,
            "next_run_exit": code, "next_run_s": round(took, 1),
            "next_run_identical": self.check_live()[1] == [],
        })
        self.save()

    def pair_trial(self, j: int, offset: float) -> None:
        first = Run.start(self.home, f"pair-{j:02d}-a")
        time.sleep(offset)
        second = Run.start(self.home, f"pair-{j:02d}-b")
        codes = [first.wait(), second.wait()]
        loser = first if codes[0] == 75 else second
        text = loser.stderr.read_text(encoding="utf-8", errors="replace")
        named = all(w in text for w in ("another run is writing", "PID", "started", "run id"))
        intact, differ, lost = self.check_live()
        self.result["pairs"].append({
            "trial": j, "offset_s": round(offset, 2), "exit_codes": codes,
            "exactly_one_writer": sorted(codes) == [0, 75], "loser_named_holder": named and 75 in codes,
            "intact": intact, "differs": differ, "rows_lost": lost,
        })
        self.save()


def combine(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Several soaks (other homes, seeds or sessions) as one: trials and pairs pooled, the summary
    recomputed from them; the bomb figures and the run lengths of the first."""
    if len(results) == 1:
        return results[0]
    out = {**results[0], "kills": [k for r in results for k in r.get("kills", [])],
           "pairs": [p for r in results for p in r.get("pairs", [])],
           "parts": [{key: r.get(key) for key in ("home", "seed", "scale", "wall_seconds")} for r in results]}
    soak = Soak(Path(out["home"]), Path(), int(out.get("seed", 0)))
    soak.result = out
    soak.summarise()
    return out


def figures_markdown(result: dict[str, Any]) -> str:
    """The soak's figures as the Markdown docs/reliability.md shows (`--render soak.json`)."""
    s = result.get("summary", {})
    stages = ", ".join(f"{k} {v}" for k, v in s.get("kills_by_stage", {}).items())
    lines = [
        "| figure | value |", "|---|---|",
        f"| scale, warm / cold run (s) | {result.get('scale')}, {result.get('warm_run_seconds')} / "
        f"{result.get('cold_run_seconds')} |",
        f"| tables compared, reference rows | {result.get('tables')}, {result.get('reference_rows')} |",
        f"| SIGKILLs (stage running when killed) | {s.get('kills')} ({stages}) |",
        f"| live warehouse intact and identical after the kill | {s.get('warehouse_intact_and_identical')} of "
        f"{s.get('trials')} |",
        f"| next run completed (exit 0), identical again | {s.get('next_run_completed')}, "
        f"{s.get('next_run_identical')} of {s.get('trials')} |",
        f"| pairs started together: exactly one writer | {s.get('pairs_exactly_one_writer')} of {s.get('pairs')} |",
        f"| rows lost | {s.get('rows_lost')} |",
    ]
    bombs = result.get("bomb_peak_memory", {})
    if bombs:
        lines += ["", "| bomb | on disk | outcome (wall time of a fresh process) | peak RSS |", "|---|---|---|---|"]
        lines += [f"| {case} | {b.get('bytes_on_disk', 0) / 2**20:,.1f} MiB | {b.get('status', 'loaded')} "
                  f"in {b.get('seconds', '–')} s | {b['peak_rss_mib']} MiB |" for case, b in bombs.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--offsets", type=int, default=20)
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--home", type=Path, default=None, help="default: a temporary directory")
    parser.add_argument("--out", type=Path, default=Path("bench/results/soak.json"))
    parser.add_argument("--no-bombs", action="store_true", help="skip the bomb memory figures")
    parser.add_argument("--render", type=Path, nargs="+",
                        help="print the figures of existing soak JSONs as Markdown (several: pooled)")
    args = parser.parse_args(argv)
    if args.render:
        print(figures_markdown(combine([json.loads(p.read_text(encoding="utf-8")) for p in args.render])))
        return 0
    work = Path(tempfile.mkdtemp(prefix="radar-soak-")) if args.home is None else args.home.parent
    home = args.home or work / "home"
    soak = Soak(home.resolve(), args.out.resolve(), args.seed)
    started = time.monotonic()
    if not args.no_bombs:
        soak.result["bomb_peak_memory"] = bomb_memory()
        soak.save()
    subprocess.run([*RADAR, "demo", "--home", str(home), "--scale", str(args.scale)], check=True,
                   stdout=subprocess.DEVNULL)
    (home / ".radar" / "ingest.duckdb").unlink()
    code, cold = complete_run(home, "cold")  # the whole inbox read again: how long a run that ingests takes
    code2, warm = complete_run(home, "reference")  # nothing new: the reference, and a warm run's length
    if code or code2:
        raise SystemExit(f"a reference run failed ({code}, {code2}); see {home.parent / 'soak-logs'}")
    soak.reference = table_hashes(home / "warehouse.duckdb")
    con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    soak.cutoff = con.execute("SELECT max(built_at) FROM build_info").fetchall()[0][0]
    con.close()
    soak.result.update(scale=args.scale, warm_run_seconds=round(warm, 1), cold_run_seconds=round(cold, 1),
                       tables=len(soak.reference), reference_rows=sum(r for r, _ in soak.reference.values()))
    # the pairs are spread among the kills, so a soak stopped early has figures of both kinds
    after = [max(0, round((j + 1) * args.kills / args.offsets) - 1) for j in range(args.offsets)]
    for i in range(max(1, args.kills)):
        if i < args.kills:
            soak.kill_trial(i, warm, cold)
        for j in (j for j, k in enumerate(after) if k == i):  # the second starts while the first runs
            soak.pair_trial(j, 0.7 * warm * j / max(1, args.offsets - 1))
    soak.result["wall_seconds"] = round(time.monotonic() - started)
    soak.save()
    print(json.dumps(soak.result["summary"], indent=2))
    summary = soak.result["summary"]
    ok = (summary["rows_lost"] == 0 and summary["warehouse_intact_and_identical"] == summary["kills"]
          and summary["next_run_completed"] == summary["kills"]
          and summary["pairs_exactly_one_writer"] == summary["pairs"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
