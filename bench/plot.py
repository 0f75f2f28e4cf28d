"""The curve of the nights against world size, from `bench.nights` results: wall time and peak RSS of
each night (cold, first unchanged, copied, late file) on log-log axes, with the fitted growth
exponent of the cold night, as one PNG for bench/README.md.

`python -m bench.plot bench/results/nights-10k.json bench/results/nights-100k.json ... --out bench/results/nights.png`
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

NIGHTS = {"cold": "cold (--full)", "unchanged_first": "first unchanged", "unchanged": "copied (nothing new)",
          "late_file": "one late file"}


def curve(reports: list[dict]) -> dict[str, list[tuple[int, float, float]]]:
    """Per night: (source rows, seconds, peak RSS MiB), smallest world first."""
    out: dict[str, list[tuple[int, float, float]]] = {}
    for report in sorted(reports, key=lambda r: r["source_rows"]):
        for night, m in report["nights"].items():
            peak = m.get("peak_tree_rss_mib") or m["peak_rss_mib"]  # older results: the largest process
            out.setdefault(night, []).append((int(report["source_rows"]), float(m["seconds"]), float(peak)))
    return out


def exponent(points: list[tuple[int, float, float]]) -> float | None:
    """Least-squares slope of log(seconds) on log(rows): 1 is linear growth."""
    if len(points) < 2:
        return None
    xs = [math.log(p[0]) for p in points]
    ys = [math.log(p[1]) for p in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def _two_and_five(value: float, _pos: int) -> str:
    """Minor tick labels of a log axis at 2 and 5 of each decade only (plain numbers)."""
    text = f"{value:g}"
    return text if text.lstrip("0.")[:1] in ("2", "5") else ""


def plot(reports: list[dict], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    data = curve(reports)
    fig, (ax_t, ax_m) = plt.subplots(1, 2, figsize=(11, 4.2), dpi=120)
    for night, label in NIGHTS.items():
        points = data.get(night)
        if not points:
            continue
        rows = [p[0] for p in points]
        k = exponent(points) if night == "cold" else None
        last = exponent(points[-2:]) if night == "cold" else None
        note = f"  (exponent {k:.2f}; last step {last:.2f})" if k is not None and last is not None else ""
        ax_t.plot(rows, [p[1] for p in points], marker="o", label=label + note)
        ax_m.plot(rows, [p[2] / 1024 for p in points], marker="o", label=label)
    for ax, ylabel in ((ax_t, "wall time (s)"), (ax_m, "peak RSS (GiB)")):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("source rows")
        ax.set_ylabel(ylabel)
        ax.grid(True, which="both", alpha=0.3)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}"))
        ax.yaxis.set_minor_formatter(FuncFormatter(_two_and_five))
    ax_t.legend(fontsize=8)
    ax_t.set_title("Nightly run time")
    ax_m.set_title("Peak memory")
    fig.suptitle("Renewal Radar nights on the demo world (2 cores)", fontsize=11)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)
    plt.close(fig)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("results", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=Path("bench/results/nights.png"))
    args = ap.parse_args()
    reports = [json.loads(p.read_text()) for p in args.results]
    plot(reports, args.out)
    for night, points in curve(reports).items():
        k = exponent(points)
        last = exponent(points[-2:])
        print(f"{night:16s} " + "  ".join(f"{r:>9,} rows {s:7.1f} s {m:7.0f} MiB" for r, s, m in points)
              + (f"  exponent {k:.2f}, last step {last:.2f}" if k is not None and last is not None else ""))
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
