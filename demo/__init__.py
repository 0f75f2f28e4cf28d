"""The demo world: a deterministic vendor channel rendered as messy source files, with the truth beside them.

`generate_demo_world(home, scale, seed)` writes `sources.yaml`, `inbox/`, an empty `overrides/`
and `truth/`; the same (scale, seed) always gives the same bytes. Scale 1.0 is about 10,000 rows.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from demo.config import write_sources_yaml
from demo.render import render_world
from demo.timeline import DEMO_AS_OF
from demo.truth import write_truth
from demo.world import build_world

__all__ = ["DEMO_AS_OF", "DemoSummary", "generate_demo_world"]


@dataclass(frozen=True)
class DemoSummary:
    """What `generate_demo_world` wrote."""

    home: Path
    n_files: int  # files in the inbox, the duplicate copy and the empty file included
    n_source_rows: (
        int  # data rows with a truth row (every file but the duplicate copy), broken ones included
    )
    as_of: date
    n_broken_rows: int = 0
    n_customers: int = 0
    n_assets: int = 0
    n_contracts: int = 0
    rows_by_source: dict[str, int] = field(default_factory=dict)


def _prepare(home: Path) -> None:
    """Clear an earlier demo's inbox and truth; refuse to write into someone's real inbox."""
    if (home / "truth" / "files.csv").exists():
        for sub in ("inbox", "truth"):
            shutil.rmtree(home / sub, ignore_errors=True)
    elif (home / "inbox").is_dir() and any((home / "inbox").iterdir()):
        raise FileExistsError(f"{home / 'inbox'} is not empty and holds no demo: use an empty home")
    home.mkdir(parents=True, exist_ok=True)


def generate_demo_world(home: Path, scale: float = 1.0, seed: int = 7, mapping: bool = True) -> DemoSummary:
    """Generate the demo world for (scale, seed) into `home` and return a summary.

    `mapping=False` writes sources.yaml without any `columns:` (the inbox is the same).
    """
    home = Path(home)
    _prepare(home)
    world = build_world(scale, seed)
    write_sources_yaml(home, world.as_of, world.reps, mapping)
    frames, records, n_broken = render_world(world, home)
    n_rows = write_truth(world, frames, records, home)
    return DemoSummary(
        home=home,
        n_files=len(records),
        n_source_rows=n_rows,
        as_of=world.as_of,
        n_broken_rows=n_broken,
        n_customers=len(world.customers),
        n_assets=len(world.assets),
        n_contracts=len(world.contracts),
        rows_by_source={k: len(v) for k, v in frames.items()},
    )
