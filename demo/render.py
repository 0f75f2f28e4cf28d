"""Render the world into messy source files under `home/inbox`, and benchmark files of any size.

Row builders (distributors, trackers, accounting, master_data) decide every cell and its truth;
this module breaks a few rows on purpose, places rows into files, writes them and records where
each row landed.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from demo import accounting, broken, channel, distributors, layouts, master_data, reassign, registration, trackers
from demo.context import Ctx
from demo.layouts import Layout
from demo.world import World, build_world
from demo.writers import Written, write_csv, write_html_export, write_pacific, write_price_list, write_tracker

WESTBRIDGE_DIR = "inbox/distributors/westbridge"
DUPLICATE_OF = "westbridge_2026-03.csv"
_MONTHLY = re.compile(r"westbridge_\d{4}-\d{2}\.csv$")
EMPTY_FILE = f"{WESTBRIDGE_DIR}/westbridge_2026-11.csv"


@dataclass(frozen=True)
class FileRecord:
    """One file written into the inbox and what a reader should make of it."""

    source: str
    path: str
    expected_status: str  # loaded | duplicate | empty
    data_rows: int
    total_rows: int = 0
    blank_rows: int = 0


def layout_of(source: str) -> Layout:
    """The layout a source's files use."""
    if source.startswith("tracker_"):
        return layouts.TRACKER
    return {
        "westbridge": layouts.WESTBRIDGE,
        "eurolink": layouts.EUROLINK,
        "summit": layouts.SUMMIT,
        "pacific": layouts.PACIFIC,
        "accounting": layouts.ACCOUNTING,
        "crm_accounts": layouts.CRM_ACCOUNTS,
        "crm_contracts": layouts.CRM_CONTRACTS,
        "price_list": layouts.PRICE_LIST,
        "partner_program": layouts.PARTNER_PROGRAM,
    }[source]


#: source -> the function building its row specs (rep trackers come from `trackers.trackers`)
BUILDERS: dict[str, Callable[[Ctx], pd.DataFrame]] = {
    "westbridge": distributors.westbridge,
    "eurolink": distributors.eurolink,
    "summit": distributors.summit,
    "pacific": distributors.pacific,
    "accounting": accounting.accounting,
    "crm_accounts": master_data.crm_accounts,
    "crm_contracts": master_data.crm_contracts,
    "price_list": master_data.price_list,
    "partner_program": channel.partner_program,
}


def build_frames(ctx: Ctx) -> dict[str, pd.DataFrame]:
    """Every source's row specs, keyed by source name."""
    frames = {name: build(ctx) for name, build in BUILDERS.items()}
    for df in trackers.trackers(ctx):
        frames[str(df.source.iat[0])] = df
    return frames


def _write_file(
    home: Path, source: str, rel: str, part: pd.DataFrame, bom: bool = False
) -> Written:
    """Write one file of one source with that source's layout."""
    layout = layout_of(source)
    path = home / rel
    if source == "pacific":
        return write_pacific(path, layout, part, period=rel.rsplit("_", 1)[1].split(".")[0])
    if source.startswith("tracker_"):
        first = source.split("_", 1)[1].capitalize()
        return write_tracker(path, layout, part, f"{first}'s renewals 2026!!")
    if source == "price_list":
        return write_price_list(path, layout, part)
    if rel.endswith(".xls"):  # a portal's web export (demo.distributors.eurolink's latest quarter)
        return write_html_export(path, layout, part, f"{source.capitalize()} partner portal - {path.stem}")
    return write_csv(path, layout, part, bom=bom)


def write_frames(home: Path, frames: dict[str, pd.DataFrame]) -> list[FileRecord]:
    """Write every frame file by file, filling `source_row`; returns what was written."""
    records: list[FileRecord] = []
    for source, df in frames.items():
        df["source_row"] = 0
        files = df.groupby("source_file", sort=True).indices
        monthly = sorted(f for f in files if source == "westbridge" and _MONTHLY.search(f))
        bom_file = monthly[0] if monthly else None
        for rel, idx in files.items():
            written = _write_file(home, source, rel, df.iloc[idx], bom=rel == bom_file)
            df.loc[df.index[idx], "source_row"] = written.source_rows
            records.append(
                FileRecord(source, rel, "loaded", len(idx), written.total_rows, written.blank_rows)
            )
    return records


def _westbridge_extras(home: Path, records: list[FileRecord]) -> list[FileRecord]:
    """A byte-identical copy of one monthly file under another name, and an empty (header-only) file."""
    monthly = [r for r in records if r.source == "westbridge" and _MONTHLY.search(r.path)]
    original = next((r for r in monthly if r.path.endswith(DUPLICATE_OF)), None)
    if original is None and monthly:
        original = max(monthly, key=lambda r: (r.data_rows, r.path))
    extra = []
    if original is not None:
        copy = original.path[: -len(".csv")] + " (1).csv"
        shutil.copyfile(home / original.path, home / copy)
        extra.append(FileRecord("westbridge", copy, "duplicate", original.data_rows))
    write_csv(
        home / EMPTY_FILE,
        layouts.WESTBRIDGE,
        pd.DataFrame(columns=[f"c:{h}" for h in layouts.WESTBRIDGE.headers]),
    )
    extra.append(FileRecord("westbridge", EMPTY_FILE, "empty", 0))
    return extra


def render_world(world: World, home: Path) -> tuple[dict[str, pd.DataFrame], list[FileRecord], int]:
    """Write every source file of `world` under `home`; returns row specs, file records, broken-row count."""
    ctx = Ctx(world, world.seed)
    frames = build_frames(ctx)
    n_broken = broken.inject(frames, ctx.rng("broken"))
    planted = registration.plant(frames, ctx)
    records = write_frames(home, frames)
    records += _westbridge_extras(home, records)
    (home / "overrides").mkdir(parents=True, exist_ok=True)
    channel.write_channel_truth(ctx, home, frames["crm_contracts"])
    registration.write_registration_truth(ctx, home, frames, planted)
    reassign.write_assignments(ctx, home)  # overrides/assignments.csv and its truth
    return frames, records, n_broken


#: benchmark layout -> (source whose rows it uses, rows per unit of scale, roughly)
BENCH_LAYOUTS: dict[str, tuple[str, float]] = {
    "westbridge_csv": ("westbridge", 1800.0),
    "eurolink_cp1252": ("eurolink", 260.0),
    "summit_tsv": ("summit", 880.0),
    "pacific_xlsx": ("pacific", 480.0),
    "tracker_xlsx": ("tracker", 900.0),
    "accounting_csv": ("accounting", 2700.0),
    "crm_contracts_csv": ("crm_contracts", 2100.0),
}
BENCH_SHEET_ROWS = 50_000


def write_bench_file(path: Path, layout: str, n_rows: int, seed: int = 7) -> int:
    """Write one file of `n_rows` data rows in a named layout (rows cycle when the world is smaller)."""
    source, per_scale = BENCH_LAYOUTS[layout]
    scale = float(np.clip(n_rows / per_scale * 1.2, 0.1, 3.0))
    ctx = Ctx(build_world(scale, seed), seed)
    df = pd.concat(trackers.trackers(ctx), ignore_index=True) if source == "tracker" else BUILDERS[source](ctx)
    df = df.iloc[:0] if df.empty or n_rows <= 0 else df.iloc[np.arange(n_rows) % len(df)].reset_index(drop=True)
    path = Path(path)
    if source == "tracker":
        df["group"] = np.arange(len(df)) // 7
        write_tracker(path, layouts.TRACKER, df, "Bench's renewals 2026!!")
    elif source == "pacific":
        df["source_sheet"] = [f"Part {k + 1}" for k in np.arange(len(df)) // BENCH_SHEET_ROWS]
        write_pacific(path, layouts.PACIFIC, df, period="bench")
    else:
        write_csv(path, layout_of(source), df)
    return len(df)
