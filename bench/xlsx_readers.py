"""python-calamine against openpyxl on one distributor-style workbook: rows/s and peak memory of
`sources.excel.read_workbook` with each reader, each in a fresh process.

    python -m bench.xlsx_readers --rows 100000 --out bench/results/xlsx_readers.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from bench.child_read import read_in_child

HEADER = ["Invoice Date", "Reseller", "End User", "Country", "SKU", "Serial Number", "Qty", "Unit Price", "Amount"]

_CHILD = """
import json, sys, time
from pathlib import Path
import sources.excel as excel
if sys.argv[2] == "openpyxl":
    def _off(*_a, **_k):
        raise RuntimeError("calamine off")
    excel.CalamineSheets = _off
started = time.perf_counter()
tables, _ = excel.read_workbook(Path(sys.argv[1]), "distributor")
seconds = time.perf_counter() - started
status = Path("/proc/self/status").read_text().splitlines()
peak = int(next(line for line in status if line.startswith("VmHWM:")).split()[1]) * 1024
print(json.dumps({"rows": sum(len(t.cells) for t in tables), "seconds": seconds, "peak": peak}))
"""


def write_workbook(path: Path, rows: int, seed: int = 1) -> Path:
    """A POS report as distributors send them: dates, names, numeric and text serials, money."""
    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("POS")
    ws.append(HEADER)
    for _ in range(rows):
        qty = rng.randint(1, 5)
        price = round(rng.uniform(50, 5000), 2)
        serial: object = rng.randint(10**11, 10**12) if rng.random() < 0.3 else f"FDO{rng.randint(10**7, 10**8)}"
        ws.append([dt.datetime(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 600)), f"Reseller {rng.randint(1, 40)}",
                   f"Customer {rng.randint(1, 5000)} GmbH", rng.choice(["DE", "FR", "US", "NL"]),
                   f"SKU-{rng.randint(1, 300)}", serial, qty, price, round(qty * price, 2)])
    wb.save(path)
    return path


def measure(path: Path, reader: str) -> dict[str, Any]:
    """One read in a fresh process: rows, seconds, rows/s, peak RSS."""
    return read_in_child(_CHILD, str(path), reader)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--out", type=Path, default=Path("bench/results/xlsx_readers.json"))
    args = parser.parse_args(argv)
    result: dict[str, Any] = {"measured_at": time.strftime("%Y-%m-%d %H:%M"), "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.rows:
            path = write_workbook(Path(tmp) / f"pos_{n}.xlsx", n)
            result["sizes"][str(n)] = {"bytes": path.stat().st_size,
                                       **{reader: measure(path, reader) for reader in ("calamine", "openpyxl")}}
            sizes = result["sizes"][str(n)]
            sizes["speedup"] = round(sizes["calamine"]["rows_per_second"] / sizes["openpyxl"]["rows_per_second"], 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
