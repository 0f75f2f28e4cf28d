"""Deliberately broken rows: an empty required field, an impossible date, an amount that is not one.

About 0.5% of rows (at least one of each kind), spread over several sources, and only where the
contract and serials the row names are still visible in some other loaded row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from demo import fmt
from demo.cells import cells_settable
from demo.periods import ORDER_SENSITIVE


@dataclass(frozen=True)
class BrokenKind:
    """One way to break a row: where, which field, which cell and what to write."""

    source: str  # a source name, or "tracker" for any rep tracker
    field: str
    header: str
    value: str | None


KINDS: tuple[BrokenKind, ...] = (
    BrokenKind("westbridge", "customer_name", "End User", ""),
    BrokenKind("eurolink", "invoice_date", "Invoice Date", "31/02/2026"),
    BrokenKind("tracker", "service_end", "Expiry", "TBD"),
    # not "n/a": a line that says no amount is known but has a quantity and a unit price is worth their product
    BrokenKind("accounting", "amount", "Amount", "see PO"),
    BrokenKind("summit", "invoice_date", "Ship Date", "2026-13-45"),
    BrokenKind("pacific", "customer_name", "End Customer Name", None),
    BrokenKind("crm_contracts", "service_end", "End Date", "TBD"),
    BrokenKind("westbridge", "invoice_date", "Invoice Date", "TBD"),
    BrokenKind("accounting", "amount", "Amount", "call"),
)
_NULL = {
    "customer_name": ("raw_customer_name", None),
    "invoice_date": ("invoice_date", np.datetime64("NaT")),
    "service_end": ("service_end", np.datetime64("NaT")),
    "amount": ("amount", np.nan),
}


def _visibility(frames: dict[str, pd.DataFrame]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Loaded rows naming each contract (by written number), each serial, and late-day rows per order-sensitive file."""
    contracts: Counter[str] = Counter()
    serials: Counter[str] = Counter()
    late: Counter[str] = Counter()
    for src, df in frames.items():
        written = df.raw_contract_number.notna().to_numpy()
        contracts.update(df.contract_number.to_numpy()[written].tolist())
        serials.update(s for lst in df.serial_truth for s in lst)
        if src in ORDER_SENSITIVE:
            is_late = fmt.day_of_month(df.invoice_date.to_numpy()) > 12
            late.update(df.source_file.to_numpy()[is_late].tolist())
    return contracts, serials, late


def _sources(frames: dict[str, pd.DataFrame], kind: BrokenKind) -> list[str]:
    """The frames a kind of break applies to."""
    return [
        s
        for s in frames
        if s == kind.source or (kind.source == "tracker" and s.startswith("tracker_"))
    ]


def _quotas(frames: dict[str, pd.DataFrame], target: int) -> dict[BrokenKind, int]:
    """One break of each kind, the rest shared in proportion to the rows each kind can reach."""
    share = {}
    for k in KINDS:
        rows = sum(len(frames[s]) for s in _sources(frames, k))
        share[k] = rows / sum(1 for j in KINDS if j.source == k.source)
    total = sum(share.values()) or 1.0
    extra = max(0, target - len(KINDS))
    return {k: int(share[k] > 0) + int(extra * share[k] / total) for k in KINDS}


def inject(frames: dict[str, pd.DataFrame], rng: np.random.Generator) -> int:
    """Break ~0.5% of rows in place (columns `expect`, `broken_field`); returns how many."""
    for df in frames.values():
        df["expect"] = "loaded"
        df["broken_field"] = None
    total = sum(len(df) for df in frames.values())
    quotas = _quotas(frames, max(len(KINDS), round(0.005 * total)))
    contracts, serials, late = _visibility(frames)
    done = 0
    with cells_settable(frames):
        for kind, quota in quotas.items():
            made = 0
            for src, i in _candidates(frames, kind, rng):
                if made == quota:
                    break
                if _apply(frames[src], i, kind, src, contracts, serials, late):
                    made += 1
            done += made
    return done


def _candidates(
    frames: dict[str, pd.DataFrame], kind: BrokenKind, rng: np.random.Generator
) -> Iterator[tuple[str, int]]:
    """Rows of the kind's source(s), lazily, in a random order."""
    names = _sources(frames, kind)
    sizes = np.array([len(frames[s]) for s in names], dtype=int)
    bounds = np.cumsum(sizes)
    for k in rng.permutation(int(sizes.sum())):
        j = int(np.searchsorted(bounds, k, side="right"))
        yield names[j], int(k - (bounds[j - 1] if j else 0))


def _apply(
    df: pd.DataFrame,
    i: int,
    kind: BrokenKind,
    src: str,
    contracts: Counter[str],
    serials: Counter[str],
    late: Counter[str],
) -> bool:
    """Break row i if everything it names stays visible elsewhere; update the counters."""
    if df.at[i, "expect"] != "loaded":
        return False
    has_contract = df.at[i, "raw_contract_number"] is not None and not pd.isna(
        df.at[i, "raw_contract_number"]
    )
    number = df.at[i, "contract_number"]
    if has_contract and contracts[number] < 2:
        return False
    toks = list(df.at[i, "serial_truth"])
    if any(serials[s] < 2 for s in toks):
        return False
    cell = df.at[i, f"c:{kind.header}"]
    if kind.field == "service_end" and src.startswith("tracker_") and isinstance(cell, str):
        return False  # keep every text expiry: one of them shows the month-first order
    is_late = (
        src in ORDER_SENSITIVE and fmt.day_of_month(np.array([df.at[i, "invoice_date"]]))[0] > 12
    )
    file = df.at[i, "source_file"]
    if is_late and late[file] < 2:
        return False
    value = kind.value
    if src == "eurolink" and kind.field == "invoice_date" and "." in str(cell):
        value = "31.02.2026"
    df.at[i, f"c:{kind.header}"] = value
    col, null = _NULL[kind.field]
    df.at[i, col] = null
    df.at[i, "expect"] = "quarantined"
    df.at[i, "broken_field"] = kind.field
    if has_contract:
        contracts[number] -= 1
    for s in toks:
        serials[s] -= 1
    if is_late:
        late[file] -= 1
    return True
