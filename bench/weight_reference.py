"""Measure the reference m and u of the customer model on the calibration world and write them
to matching/weight_reference.py (the data the hand-set weights were set on: the demo world at
scale 1, seed 7).

    python -m bench.weight_reference [--scale 1] [--seed 7]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

from bench.matching_quality import demo_records
from matching.block_keys import KeyInputs
from matching.blocking import blocking_keys, candidate_pairs
from matching.comparisons import comparison_inputs
from matching.learning import estimate
from matching.profiles import build_profiles
from matching.resolve import ResolveSettings
from matching.tokens import name_tokens


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    records, _, _ = demo_records(args.scale, args.seed)
    records = records.drop(columns=["sku", "serial_truth"]).reset_index(drop=True)
    settings = ResolveSettings()
    con = duckdb.connect()
    profiles = build_profiles(records)
    tokens = name_tokens(profiles.table["name_norm"])
    cand = candidate_pairs(con, blocking_keys(KeyInputs(profiles, tokens), settings.rules), settings.rules)
    found = estimate(comparison_inputs(profiles, tokens, con), cand.left, cand.right,
                     settings.model, settings.learning)
    lines = []
    for k, m in found.m.items():
        mm = ", ".join(f"{x:.6g}" for x in m)
        uu = ", ".join(f"{x:.6g}" for x in found.u[k])
        lines.append(f'    "{k}": (\n        ({mm},),\n        ({uu},),\n    ),')
    target = Path(__file__).resolve().parents[1] / "matching" / "weight_reference.py"
    text = target.read_text(encoding="utf-8")
    head = text[: text.index("REFERENCE")]
    body = (
        "REFERENCE: Final[dict[str, tuple[tuple[float, ...], tuple[float, ...]]]] = {\n"
        + "\n".join(lines)
        + "\n}\n"
    )
    target.write_text(head + body, encoding="utf-8")
    print(f"wrote {target} from the demo world (scale {args.scale}, seed {args.seed})")


if __name__ == "__main__":
    main()
